import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { expect, it } from "vitest";

/** The production panel bundle (npm test builds dist first). */
const dist = path.join(import.meta.dirname, "dist");
const BUDGET = 195 * 1024;

it("keeps the panel within its gzipped JS budget, loads themes on demand, and ships no source maps", () => {
  const html = fs.readFileSync(path.join(dist, "panel", "panel.html"), "utf8");
  const scripts = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+\.js)"|<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)].map((m) =>
    path.join(dist, (m[1] ?? m[2]!).replace(/^\/bitbucket\/app\//, "")),
  );
  expect(scripts.length).toBeGreaterThan(0);
  const gzipped = scripts.reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(f), { level: 9 }).length, 0);
  console.log(`Bitbucket panel: ${(gzipped / 1024).toFixed(1)} KB gzipped JS at load, in ${scripts.length} file(s)`);
  expect(gzipped).toBeLessThanOrEqual(BUDGET);
  // Theme palettes are separate chunks fetched when a theme is applied, not part of the entry.
  expect(fs.readdirSync(path.join(dist, "assets")).some((f) => f.startsWith("atlassian-dark"))).toBe(true);
  expect(scripts.some((s) => path.basename(s).startsWith("atlassian-dark"))).toBe(false);
  expect(fs.readdirSync(dist, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".map"))).toEqual([]);
  // The host's all.js is named by the server, not baked in.
  expect(html).toContain("__HOST_BASE_URL__/atlassian-connect/all.js");
});
