import { createCipheriv, createDecipheriv, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { StartupError } from "../config.js";

/**
 * AES-256-GCM for credentials at rest (PATs, shared secrets). The key comes from
 * ENCRYPTION_KEY, or from a key file created with mode 0600 in DATA_DIR on first start.
 * Ciphertext format: v1.<iv>.<tag>.<data>, base64url.
 */
export class SecretBox {
  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error("the encryption key must be 32 bytes");
  }

  static fromSettings(keyBase64: string | undefined, dataDir: string) {
    if (keyBase64) return new SecretBox(Buffer.from(keyBase64, "base64"));
    const file = path.join(dataDir, "encryption.key");
    if (!fs.existsSync(file)) {
      try {
        fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
        fs.writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
      } catch (err) {
        // Another replica created it first: use theirs.
        const code = (err as NodeJS.ErrnoException).code;
        if (code !== "EEXIST")
          throw new StartupError(
            `Groundwork cannot create its encryption key in ${dataDir} (${code ?? (err as Error).message}): set DATA_DIR to a folder it can write, or set ENCRYPTION_KEY`,
          );
      }
    }
    return new SecretBox(Buffer.from(fs.readFileSync(file, "utf8").trim(), "base64"));
  }

  seal(plaintext: string) {
    const iv = randomBytes(12);
    const cipher = createCipheriv("aes-256-gcm", this.key, iv);
    const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
    return ["v1", iv, cipher.getAuthTag(), data].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
  }

  open(sealed: string) {
    const [version, iv, tag, data] = sealed.split(".");
    if (version !== "v1" || !iv || !tag || data === undefined) throw new Error("not a sealed secret");
    const decipher = createDecipheriv("aes-256-gcm", this.key, Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  }
}

/**
 * A short-lived, tamper-proof code that carries a claim for one purpose (linking an account,
 * binding an installation) through a browser: sealed, so it can be neither read nor forged.
 */
export function sealClaim(box: SecretBox, purpose: string, claim: object, ttlMs: number) {
  const expiresAt = Date.now() + ttlMs;
  return { code: box.seal(JSON.stringify({ ...claim, p: purpose, x: expiresAt })), expiresAt: new Date(expiresAt) };
}

/** The claim a code carries, or why it cannot be used. */
export function openClaim<T>(box: SecretBox, purpose: string, code: string): T | "invalid" | "expired" {
  let claim: { p?: unknown; x?: unknown } | null;
  try {
    claim = JSON.parse(box.open(code));
  } catch {
    return "invalid";
  }
  if (!claim || claim.p !== purpose || typeof claim.x !== "number") return "invalid";
  return claim.x < Date.now() ? "expired" : (claim as T);
}
