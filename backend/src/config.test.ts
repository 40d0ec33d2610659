import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { generate } from "selfsigned";
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config.js";

describe("loadConfig", () => {
  it("defaults to SQLite under ./data on port 3000", () => {
    const c = loadConfig({});
    expect(c.port).toBe(3000);
    expect(c.publicUrl.toString()).toBe("http://localhost:3000/");
    expect(c.database).toEqual({ dialect: "sqlite", storage: path.resolve("data/groundwork.db") });
  });

  it("switches to Postgres with DATABASE_URL and treats empty values as unset", () => {
    expect(loadConfig({ DATABASE_URL: "postgres://u@db:5432/gw" }).database).toEqual({
      dialect: "postgres",
      url: "postgres://u@db:5432/gw",
    });
    expect(loadConfig({ DATABASE_URL: "" }).database.dialect).toBe("sqlite");
  });

  it("takes the Entra ID app registration with a secret or a certificate file, and says what is wrong with either", async () => {
    expect(loadConfig({}).entra).toBeUndefined();
    const id = { ENTRA_CLIENT_ID: "0b1c2d3e-0000-4000-8000-0000000c11e7" };
    expect(loadConfig({ ...id, ENTRA_CLIENT_SECRET: "a-client-secret-value" }).entra).toMatchObject({
      authorityUrl: "https://login.microsoftonline.com",
      tenant: "organizations",
      credential: { secret: "a-client-secret-value" },
    });
    expect(() => loadConfig(id)).toThrow(/ENTRA_CLIENT_ID with ENTRA_CLIENT_SECRET or ENTRA_CLIENT_CERTIFICATE_FILE/);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "entra-"));
    const pems = await generate([{ name: "commonName", value: "groundwork" }], { keySize: 2048 });
    fs.writeFileSync(path.join(dir, "app.pem"), `${pems.private}\n${pems.cert}`);
    fs.writeFileSync(path.join(dir, "key-only.pem"), pems.private);
    const certificate = loadConfig({ ...id, ENTRA_CLIENT_CERTIFICATE_FILE: path.join(dir, "app.pem") }).entra!.credential;
    expect("certificate" in certificate && certificate.certificate.certificatePem).toContain("BEGIN CERTIFICATE");
    expect(() => loadConfig({ ...id, ENTRA_CLIENT_CERTIFICATE_FILE: path.join(dir, "key-only.pem") })).toThrow(
      /ENTRA_CLIENT_CERTIFICATE_FILE: must hold the private key and the certificate/,
    );
    expect(() => loadConfig({ ...id, ENTRA_CLIENT_CERTIFICATE_FILE: path.join(dir, "absent.pem") })).toThrow(/cannot be read \(ENOENT\)/);
    fs.rmSync(dir, { recursive: true });
  });

  it("takes the Bitbucket app key and the Azure DevOps identity host from settings", () => {
    const c = loadConfig({});
    expect(c.bitbucket.appKey).toBe("groundwork");
    expect(c.adoIdentityUrl).toBe("https://vssps.dev.azure.com");
    expect(loadConfig({ BITBUCKET_APP_KEY: "groundwork-acme" }).bitbucket.appKey).toBe("groundwork-acme");
    expect(() => loadConfig({ BITBUCKET_APP_KEY: "spaces are not allowed" })).toThrow(/BITBUCKET_APP_KEY: must be 1–64 letters/);
    // Members sign in to Bitbucket through an OAuth consumer only when both its key and secret are set.
    expect(c.bitbucket.oauth).toBeUndefined();
    expect(c.bitbucket.siteUrl).toBe("https://bitbucket.org");
    const oauth = { BITBUCKET_OAUTH_KEY: "consumer-key", BITBUCKET_OAUTH_SECRET: "consumer-secret-0123456789" };
    expect(loadConfig(oauth).bitbucket.oauth).toEqual({ key: "consumer-key", secret: "consumer-secret-0123456789" });
    expect(() => loadConfig({ BITBUCKET_OAUTH_KEY: "consumer-key" })).toThrow(/set both .* or neither/);
    let error: unknown;
    try {
      loadConfig({ ...oauth, BITBUCKET_OAUTH_SECRET: "short" });
    } catch (e) {
      error = e;
    }
    expect(String(error)).toContain("BITBUCKET_OAUTH_SECRET: must be the OAuth consumer's Secret");
    expect(String(error)).not.toContain("short");
  });

  it("takes a language model for insights only with both its URL and its name", () => {
    expect(loadConfig({}).insightModel).toBeUndefined();
    expect(
      loadConfig({ INSIGHTS_MODEL_URL: "http://127.0.0.1:8000/v1/", INSIGHTS_MODEL: "llama-3.1-8b", INSIGHTS_MODEL_KEY: "sk-local" }).insightModel,
    ).toEqual({
      baseUrl: "http://127.0.0.1:8000/v1",
      model: "llama-3.1-8b",
      apiKey: "sk-local",
      timeoutMs: 20_000,
    });
    expect(() => loadConfig({ INSIGHTS_MODEL_URL: "https://api.openai.com/v1" })).toThrow(/INSIGHTS_MODEL_URL and INSIGHTS_MODEL: set both/);
    expect(() => loadConfig({ INSIGHTS_MODEL_URL: "ftp://models.example.com", INSIGHTS_MODEL: "m" })).toThrow(/INSIGHTS_MODEL_URL: must start with http/);
  });

  it("names every wrong setting, without echoing secrets", () => {
    let error: unknown;
    try {
      loadConfig({ PORT: "eighty", DATABASE_URL: "mysql://root:hunter2@db/gw", PUBLIC_URL: "groundwork.example.com" });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toContain("PORT");
    expect(message).toContain('(got "eighty")');
    expect(message).toContain("DATABASE_URL: must be postgres://");
    expect(message).toContain("PUBLIC_URL");
    expect(message).not.toContain("hunter2");
  });
});
