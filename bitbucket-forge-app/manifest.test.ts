import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";
import { afterAll, expect, it } from "vitest";
import { parse as parseYaml, stringify } from "yaml";
import { BITBUCKET_EVENTS } from "@groundwork/backend/hosts/bitbucket/events";

/**
 * The Forge app's manifest, checked offline by Atlassian's own validator (@forge/manifest, what
 * `forge lint` and `forge deploy` run) against the built Custom UI (npm test builds dist first),
 * and against what Groundwork's remote serves.
 */
const require = createRequire(import.meta.url);
const { validate } = require("@forge/manifest") as { validate(basic: boolean, file: string): Promise<{ success: boolean; errors?: { message: string }[] }> };

const here = import.meta.dirname;
const manifest = parseYaml(fs.readFileSync(path.join(here, "manifest.yml"), "utf8"));
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-forge-manifest-"));
afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

/** Atlassian's validator runs in the app's folder (it resolves resources from there). */
async function validated(folder: string) {
  const cwd = process.cwd();
  process.chdir(folder);
  try {
    return await validate(false, "manifest.yml");
  } finally {
    process.chdir(cwd);
  }
}

it("passes Atlassian's manifest validator, with its Custom UI resources built", async () => {
  const result = await validated(here);
  expect(result.errors ?? []).toEqual([]);
  expect(result.success).toBe(true);
  for (const resource of manifest.resources) expect(fs.existsSync(path.join(here, resource.path, "index.html"))).toBe(true);
});

it("is refused by the same validator when an endpoint names a remote the app does not declare (the check is real)", async () => {
  const renamed = { ...manifest, remotes: manifest.remotes.map((r: { key: string }) => ({ ...r, key: "elsewhere" })) };
  fs.writeFileSync(path.join(scratch, "manifest.yml"), stringify(renamed));
  fs.symlinkSync(path.join(here, "dist"), path.join(scratch, "dist"));
  const result = await validated(scratch);
  expect(result.success).toBe(false);
  expect(JSON.stringify(result.errors)).toContain("endpoint remote property 'groundwork' was not found");
});

it("subscribes to exactly the events Groundwork acts on, and sends them where Groundwork's remote takes them", () => {
  const events = manifest.modules.trigger.find((t: { key: string }) => t.key === "groundwork-pull-request-events").events;
  expect([...events].sort()).toEqual(
    Object.values(BITBUCKET_EVENTS)
      .map((e) => e.forge)
      .sort(),
  );
  const routes = Object.fromEntries(manifest.modules.endpoint.map((e: { key: string; route?: { path: string } }) => [e.key, e.route?.path ?? ""]));
  expect(routes).toEqual({
    "groundwork-page-remote": "",
    "groundwork-events-remote": "/events",
    "groundwork-lifecycle-remote": "/lifecycle",
    "groundwork-tick-remote": "/tick",
  });
  // Every endpoint asks for the app system token: Groundwork calls Bitbucket with it.
  for (const e of manifest.modules.endpoint) expect(e.auth.appSystemToken.enabled).toBe(true);
  expect(manifest.remotes).toEqual([expect.objectContaining({ key: "groundwork", baseUrl: expect.stringMatching(/\/bitbucket\/forge$/) })]);
});
