import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { randomBytes } from "node:crypto";
import { expect, it } from "vitest";
import { SecretBox } from "./encryption.js";

it("round-trips a secret and never stores it in the clear", () => {
  const box = new SecretBox(randomBytes(32));
  const sealed = box.seal("my-personal-access-token");
  expect(sealed).not.toContain("my-personal-access-token");
  expect(box.seal("my-personal-access-token")).not.toBe(sealed);
  expect(box.open(sealed)).toBe("my-personal-access-token");
});

it("refuses a tampered ciphertext or the wrong key", () => {
  const box = new SecretBox(randomBytes(32));
  const sealed = box.seal("secret");
  const parts = sealed.split(".");
  parts[3] = Buffer.from("tampered").toString("base64url");
  expect(() => box.open(parts.join("."))).toThrow();
  expect(() => new SecretBox(randomBytes(32)).open(sealed)).toThrow();
});

it("creates its key file with mode 0600 once and reuses it", () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gw-key-"));
  const sealed = SecretBox.fromSettings(undefined, dir).seal("x");
  const file = path.join(dir, "encryption.key");
  expect(fs.statSync(file).mode & 0o777).toBe(0o600);
  expect(SecretBox.fromSettings(undefined, dir).open(sealed)).toBe("x");
  fs.rmSync(dir, { recursive: true });
});
