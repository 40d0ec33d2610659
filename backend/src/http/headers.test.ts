import { afterAll, beforeAll, expect, it } from "vitest";
import { loadConfig } from "../config.js";
import { ApiClient, startTestApp } from "../testing/testApp.js";

/** Response headers every page gets, and whose address counts toward rate limits. A file of its own: it spends the sign-up rate limit. */
let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

it("sends a Content-Security-Policy with the web UI that allows only its own scripts and no framing", async () => {
  const res = await fetch(`${app.url}/feedback`);
  const policy = res.headers.get("content-security-policy")!;
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("script-src 'self';");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(res.headers.get("x-frame-options")).toBe("DENY");
});

it("compresses the bundles and JSON, and caches hashed assets for a year", async () => {
  const html = await (await fetch(`${app.url}/`)).text();
  const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)![1]!;
  for (const encoding of ["br", "gzip"]) {
    const res = await fetch(`${app.url}${script}`, { headers: { "accept-encoding": encoding } });
    expect(res.headers.get("content-encoding")).toBe(encoding);
    expect(res.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
  }
  expect((await fetch(`${app.url}/`)).headers.get("cache-control")).toBe("no-cache");
  const api = await fetch(`${app.url}/api/openapi.json`, { headers: { "accept-encoding": "gzip" } });
  expect(api.headers.get("content-encoding")).toBe("gzip");
});

it("is ready only while the database takes a write, and says so within two seconds when it does not", async () => {
  const ready = await fetch(`${app.url}/readyz`);
  expect(ready.status).toBe(200);
  // Another writer holds the write lock (a stuck transaction, a locked SQLite file): SELECT 1 would still pass.
  const held = app.services.storage.sequelize.transaction(async (transaction) => {
    await app.services.storage.sequelize.query("UPDATE readiness SET checked_at = 1 WHERE id = 1", { transaction });
    await new Promise((r) => setTimeout(r, 3_500));
  });
  await new Promise((r) => setTimeout(r, 100));
  const started = Date.now();
  const blocked = await fetch(`${app.url}/readyz`);
  expect(blocked.status).toBe(503);
  expect(blocked.headers.get("retry-after")).toBe("5");
  expect(Date.now() - started).toBeLessThan(3_000);
  await held;
  expect((await fetch(`${app.url}/readyz`)).status).toBe(200);
});

it("does not believe X-Forwarded-For unless told to trust a proxy", async () => {
  expect(loadConfig({}).trustProxy).toBe(false);
  expect(loadConfig({ TRUST_PROXY: "1" }).trustProxy).toBe(1);
  expect(loadConfig({ TRUST_PROXY: "10.0.0.0/8, 127.0.0.1" }).trustProxy).toBe("10.0.0.0/8, 127.0.0.1");
  expect(() => loadConfig({ TRUST_PROXY: "everyone please" })).toThrow(/TRUST_PROXY/);
  // Each attempt claims another address; all of them are this one client, so the limit (30 a minute) holds.
  const statuses: number[] = [];
  for (let i = 0; i < 35; i++)
    statuses.push(
      (
        await new ApiClient(app.url).request(
          "POST",
          "/api/auth/login",
          { email: `nobody${i}@example.com`, password: "not a real password" },
          { "x-forwarded-for": `203.0.113.${i}` },
        )
      ).status,
    );
  expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(5);
});
