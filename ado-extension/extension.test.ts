import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import zlib from "node:zlib";
import JSZip from "jszip";
import { afterAll, describe, expect, it } from "vitest";
import { packageExtension } from "./package.js";

/** The production bundle and the .vsix built from it (npm test builds dist first). */
const dist = path.join(import.meta.dirname, "dist");
const BUDGET = 110 * 1024;
const out = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-vsix-test-"));
afterAll(() => fs.rmSync(out, { recursive: true, force: true }));

/** The JS a contribution's page loads: its entry module and the chunks it preloads. */
function scriptsOf(contribution: string) {
  const html = fs.readFileSync(path.join(dist, contribution, `${contribution}.html`), "utf8");
  const refs = [...html.matchAll(/<script[^>]+src="([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) => m[1] ?? m[2]!);
  return refs.map((r) => path.resolve(dist, contribution, r));
}

describe("bundle", () => {
  it.each(["pr-tab", "settings-hub"])("keeps %s within the gzipped JS budget", (contribution) => {
    const scripts = scriptsOf(contribution);
    expect(scripts.length).toBeGreaterThan(0);
    const gzipped = scripts.reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length, 0);
    console.log(`${contribution}: ${(gzipped / 1024).toFixed(1)} KB gzipped JS in ${scripts.length} file(s)`);
    expect(gzipped).toBeLessThanOrEqual(BUDGET);
  });

  it("ships exactly one copy of the SDK and no source maps", () => {
    const js = fs.readdirSync(path.join(dist, "assets")).filter((f) => f.endsWith(".js"));
    const copies = js.map((f) => fs.readFileSync(path.join(dist, "assets", f), "utf8").split("_AzureDevOpsSDKVersion=").length - 1);
    expect(copies.reduce((a, b) => a + b, 0)).toBe(1);
    expect(fs.readdirSync(dist, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".map"))).toEqual([]);
  });
});

describe(".vsix", () => {
  const secret = "a-secret-that-must-never-ship-0123456789";
  it("packs offline with the settings, the manifest, both pages, their bundles and nothing secret", async () => {
    const vsix = packageExtension({
      PUBLIC_URL: "https://groundwork.example.com/",
      ADO_PUBLISHER: "acme",
      ADO_EXTENSION_VERSION: "1.2.3",
      ADO_EXTENSION_PUBLIC: "true",
      ADO_VSIX_DIR: out,
      ADO_EXTENSION_SECRET: secret,
    });
    expect(path.basename(vsix)).toBe("acme.groundwork-1.2.3.vsix");
    const zip = await JSZip.loadAsync(fs.readFileSync(vsix));
    const names = Object.keys(zip.files);
    expect(names).toEqual(
      expect.arrayContaining([
        "extension.vsomanifest",
        "extension.vsixmanifest",
        "dist/pr-tab/pr-tab.html",
        "dist/settings-hub/settings-hub.html",
        "images/icon.png",
        "overview.md",
      ]),
    );
    expect(names.filter((n) => n.endsWith(".map"))).toEqual([]);
    for (const f of scriptsOf("pr-tab").map((s) => path.relative(dist, s))) expect(names).toContain(`dist/${f.split(path.sep).join("/")}`);

    const manifest = JSON.parse(await zip.file("extension.vsomanifest")!.async("string"));
    expect(manifest.scopes).toEqual(["vso.code", "vso.work"]);
    const contributions = Object.fromEntries(manifest.contributions.map((c: { id: string }) => [c.id, c]));
    expect(contributions["groundwork-pr-tab"]).toMatchObject({
      type: "ms.vss-web.tab",
      targets: ["ms.vss-code-web.pr-tabs"],
      properties: { uri: "dist/pr-tab/pr-tab.html" },
    });
    expect(contributions["groundwork-settings-hub"]).toMatchObject({
      type: "ms.vss-web.hub",
      targets: expect.arrayContaining(["ms.vss-web.collection-admin-hub-group"]),
    });
    const vsixManifest = await zip.file("extension.vsixmanifest")!.async("string");
    expect(vsixManifest).toContain('Publisher="acme"');
    expect(vsixManifest).toContain('Version="1.2.3"');
    expect(vsixManifest).toContain("Public");

    const page = await zip.file("dist/pr-tab/pr-tab.html")!.async("string");
    expect(page).toContain('content="https://groundwork.example.com"');
    for (const name of names.filter((n) => !zip.files[n]!.dir)) {
      const text = await zip.file(name)!.async("string");
      expect(text, name).not.toContain(secret);
      expect(text, name).not.toContain("__GROUNDWORK_URL__");
    }
  });

  it("refuses to pack without the Groundwork URL", () => {
    expect(() => packageExtension({ ADO_VSIX_DIR: out })).toThrow(/PUBLIC_URL/);
  });
});
