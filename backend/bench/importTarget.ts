/**
 * Groundwork for the import benchmark (import.bench.ts), in a process of its own: SQLite, or
 * PostgreSQL when DATABASE_URL names one; signed up and connected to the driver's fake Azure
 * DevOps organisation (statuses off, so the organisation's rate limit is the import's alone).
 * Tells the driver its URL, the service hook's path and password, and a session to call the API with.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { loadConfig } from "../src/config.js";
import { createLogger } from "../src/log.js";
import { startGroundwork } from "../src/server.js";
import { signUp } from "../src/testing/testApp.js";

export type ImportTargetInfo = { url: string; hookPath: string; hookPassword: string; cookie: string; csrfToken: string; connectionId: string };

const { baseUrl, identityUrl, pat } = JSON.parse(process.env.BENCH_ADO!) as { baseUrl: string; identityUrl: string; pat: string };
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-import-bench-"));
const postgres = /^postgres/.test(process.env.DATABASE_URL ?? "");
const schema = `bench_import_${process.pid}`;
const base = loadConfig({ PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "warn", DATA_DIR: dataDir });
const running = await startGroundwork(
  {
    ...base,
    adoBaseUrl: baseUrl,
    adoIdentityUrl: identityUrl,
    database: postgres ? { dialect: "postgres", url: process.env.DATABASE_URL!, schema } : { dialect: "sqlite", storage: path.join(dataDir, "bench.db") },
    worker: { ...base.worker, enabled: true },
  },
  createLogger("warn"),
);
running.services.config.publicUrl = new URL(running.url);
const { client } = await signUp(running.url, "Bench", "bench-import@example.com");
const connected = await client.post("/api/integrations/ado", {
  orgUrl: "https://dev.azure.com/fabrikam",
  pat,
  // The pull requests alone: comments and work items cost two calls a pull request, measured apart.
  services: { pullRequests: true, workItems: false, comments: false, statuses: false },
});
if (connected.status !== 201) throw new Error(`connecting failed: ${connected.status} ${JSON.stringify(connected.body)}`);
process.send!({
  url: running.url,
  hookPath: new URL(connected.body.webhook.webhookUrl).pathname,
  hookPassword: connected.body.webhook.webhookSecret,
  cookie: client.cookie,
  csrfToken: client.csrfToken,
  connectionId: connected.body.connection.id,
} satisfies ImportTargetInfo);
process.once("message", () => {
  void running.close().then(async () => {
    if (postgres) {
      const { Sequelize } = await import("sequelize");
      const admin = new Sequelize(process.env.DATABASE_URL!, { logging: false });
      await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await admin.close();
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
});
