import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { QueryTypes, type Sequelize } from "sequelize";
import { afterAll, beforeAll, expect, it } from "vitest";
import { adoHostsOf, fakeAdo, type FakeAdoState } from "@groundwork/simulators/ado/fakeAdo";
import { adoHistory } from "@groundwork/simulators/history";
import type { HistoryImport } from "@groundwork/shared-types";
import { openDatabase } from "../storage/database.js";
import { testDatabase } from "../testing/testDatabase.js";
import { ApiClient, signUp } from "../testing/testApp.js";
import { until } from "../testing/until.js";

/**
 * kill -9 in the middle of a history import: a replica started on the same database carries on
 * from the last page the dead one committed, and every pull request is there once.
 */
const PULL_REQUESTS = 400;
const repository = { id: "r-1", name: "ledger", project: { id: "p-1", name: "Fabrikam" } };
const adoState: FakeAdoState = {
  organization: "fabrikam",
  pat: "resume-pat-".padEnd(52, "r"),
  user: { id: "u1", displayName: "Olivia", email: "olivia-r@example.com" },
  projects: [{ id: "p-1", name: "Fabrikam", repositories: [{ id: "r-1", name: "ledger" }] }],
  pageSize: 10,
  pullRequests: adoHistory({ count: PULL_REQUESTS, days: 150, authors: [{ name: "Grace", email: "grace-r@example.com", account: "g" }] }, repository),
};
const ado = fakeAdo(adoState);
const db = testDatabase();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-resume-"));
const replicas: ChildProcess[] = [];
let reader: Sequelize;

async function startReplica() {
  const child = fork(path.join(import.meta.dirname, "../testing/replica.ts"), [], {
    execArgv: ["--import", "tsx"],
    env: {
      ...process.env,
      REPLICA: JSON.stringify({ database: db.database, dataDir, adoBaseUrl: adoHostsOf(ado).baseUrl, adoIdentityUrl: adoHostsOf(ado).identityUrl }),
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  replicas.push(child);
  return { child, ...(await new Promise<{ url: string }>((resolve) => child.once("message", (m) => resolve(m as { url: string })))) };
}

beforeAll(async () => {
  await ado.start();
  // Each page is slow enough that the import is still going when the replica is killed.
  ado.fail({ path: /\/pullrequests$/, delayMs: 60, times: 1000 });
});
afterAll(async () => {
  for (const r of replicas) if (r.exitCode === null && r.signalCode === null) r.kill("SIGKILL");
  await reader?.close();
  await ado.stop();
  await db.drop();
});

it("resumes an import killed mid-way from its last committed page, without duplicates", async () => {
  const first = await startReplica();
  const { client } = await signUp(first.url, "Olivia", "olivia-r@example.com");
  // The pull requests' pages alone (comments and work items would add two calls a pull request).
  const services = { pullRequests: true, workItems: false, comments: false, statuses: true };
  expect((await client.post("/api/integrations/ado", { orgUrl: "https://dev.azure.com/fabrikam", pat: adoState.pat, services })).status).toBe(201);
  const progress = async (c: ApiClient) => ((await c.get("/api/history-imports")).body.items as HistoryImport[])[0];
  const before = await until("a quarter imported", async () => {
    const p = await progress(client);
    return p && p.imported >= PULL_REQUESTS / 4 && p;
  });
  expect(before.status).toBe("importing");
  first.child.kill("SIGKILL");
  await new Promise((r) => first.child.once("exit", r));

  const second = await startReplica();
  const again = new ApiClient(second.url);
  again.cookie = client.cookie;
  const done = await until(
    "the import to finish on the second replica",
    async () => {
      const p = await progress(again);
      return p?.status === "done" && p;
    },
    90_000,
  );
  expect(done.imported).toBe(PULL_REQUESTS);
  reader = await openDatabase(db.database);
  const [row] = await reader.query<{ n: number; keys: number }>(
    "SELECT COUNT(*) AS n, COUNT(DISTINCT external_key) AS keys FROM context_items WHERE host = 'ado'",
    {
      type: QueryTypes.SELECT,
    },
  );
  expect(Number(row!.n)).toBe(PULL_REQUESTS);
  expect(Number(row!.keys)).toBe(PULL_REQUESTS);
  // Pages the dead replica had committed were not read again: at most the one it died on was.
  const pages = ado.requests
    .filter((r) => r.path.endsWith("/pullrequests"))
    .map((r) => `${r.query.get("searchCriteria.queryTimeRangeType")}:${r.query.get("$skip")}`);
  expect(pages.length - new Set(pages).size).toBeLessThanOrEqual(1);
  expect(done.requests).toBe(new Set(pages).size);
});
