import { spawn } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { bundle, DIST } from "./bundle.js";

const out = path.join(DIST, `test-${process.pid}`);
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-bundle-"));
afterAll(() => {
  fs.rmSync(out, { recursive: true, force: true });
  fs.rmSync(dataDir, { recursive: true, force: true });
});

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = net.createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });

it("builds Groundwork into one file that plain node serves, finding the web UI and the Connect descriptor from its own folder", async () => {
  await bundle(path.resolve(import.meta.dirname, "../src/main.ts"), path.join(out, "main.js"));
  const port = await freePort();
  const child = spawn(process.execPath, [path.join(out, "main.js")], {
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", PORT: String(port), HOST: "127.0.0.1", LOG_LEVEL: "warn" },
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (c) => (stderr += String(c)));
  try {
    const base = `http://127.0.0.1:${port}`;
    let ready: Response | null = null;
    for (let waited = 0; waited < 20_000 && !ready?.ok && child.exitCode === null; waited += 200) {
      ready = await fetch(`${base}/readyz`).catch(() => null);
      if (!ready?.ok) await new Promise((r) => setTimeout(r, 200));
    }
    expect(ready?.status, stderr).toBe(200);
    const page = await fetch(`${base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<script type="module"[^>]* src="\/assets\/index-[\w-]+\.js"/);
    const descriptor = await fetch(`${base}/bitbucket/atlassian-connect.json`);
    expect(descriptor.status).toBe(200);
    expect(((await descriptor.json()) as { key: string }).key).toBe("groundwork");
  } finally {
    if (child.exitCode === null) {
      child.kill("SIGTERM");
      await new Promise((r) => child.once("exit", r));
    }
  }
}, 60_000);
