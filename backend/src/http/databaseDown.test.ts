import { ConnectionRefusedError, DatabaseError } from "sequelize";
import { afterAll, beforeAll, expect, it } from "vitest";
import { signUp, startTestApp, type ApiClient } from "../testing/testApp.js";

/**
 * The database failing as it does in an outage: PostgreSQL refusing connections, SQLite out of
 * disk. Injected before each query, so the rest of the stack (sequelize's error classes, the
 * routes, the error handler) runs as it would.
 */
const outages = {
  "PostgreSQL refusing connections": () =>
    new ConnectionRefusedError(Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5432"), { code: "ECONNREFUSED" })),
  "PostgreSQL shutting down": () =>
    new DatabaseError(Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01", sql: "" })),
  "SQLite disk full": () => new DatabaseError(Object.assign(new Error("SQLITE_FULL: database or disk is full"), { code: "SQLITE_FULL", sql: "" })),
};

let app: Awaited<ReturnType<typeof startTestApp>>;
let owner: ApiClient;
let outage: (() => Error) | null = null;

beforeAll(async () => {
  app = await startTestApp();
  owner = (await signUp(app.url)).client;
  app.services.storage.sequelize.addHook("beforeQuery", () => {
    if (outage) throw outage();
  });
});
afterAll(() => app?.close());

it.each(Object.entries(outages))("answers 503 with Retry-After, not 500, while %s, and recovers without a restart", async (_name, fault) => {
  outage = fault;
  const api = await owner.get("/api/feedback");
  const webhook = await fetch(`${app.url}/api/webhooks/ado/${crypto.randomUUID()}`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Basic ${Buffer.from("x:secret").toString("base64")}` },
    body: JSON.stringify({ id: "1", eventType: "git.pullrequest.updated", resource: {} }),
  });
  outage = null;
  for (const res of [api, { status: webhook.status, headers: webhook.headers, body: await webhook.json() }]) {
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("5");
    expect(res.body.error.code).toBe("database_unavailable");
  }
  expect((await owner.get("/api/feedback")).status).toBe(200);
});

it("still answers 500 for a failure that is not the database being unavailable", async () => {
  outage = () => new DatabaseError(Object.assign(new Error('relation "nope" does not exist'), { code: "42P01", sql: "" }));
  const res = await owner.get("/api/feedback");
  outage = null;
  expect(res.status).toBe(500);
  expect(res.body.error.code).toBe("internal");
});
