import path from "node:path";
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
