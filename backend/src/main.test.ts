import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, it } from "vitest";

/** Starting as an operator would, with a DATA_DIR Groundwork cannot write: a plain message naming the setting, no stack. */
it("names DATA_DIR and exits 78 when it cannot create its database there", async () => {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-main-")), "a-file");
  fs.writeFileSync(file, "not a folder");
  const child = spawn(process.execPath, ["--import", "tsx", path.join(import.meta.dirname, "main.ts")], {
    env: { ...process.env, DATA_DIR: path.join(file, "data"), DATABASE_URL: "", PORT: "0", LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stderr = "";
  child.stderr.on("data", (c) => (stderr += String(c)));
  const code = await new Promise<number | null>((resolve) => child.once("exit", resolve));
  expect(code).toBe(78);
  expect(stderr).toContain("set DATA_DIR");
  expect(stderr).not.toMatch(/^\s+at /m);
});
