import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { QueryTypes, type Sequelize } from "sequelize";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { AdoPullRequest } from "./hosts/ado/client.js";
import { adoHostsOf, fakeAdo, type FakeAdoState } from "./hosts/ado/fakeAdo.js";
import { openDatabase } from "./storage/database.js";
import type { FakeHost } from "./testing/fakeHost.js";
import { testDatabase } from "./testing/testDatabase.js";
import { signUp } from "./testing/testApp.js";
import { until } from "./testing/until.js";

/**
 * Faults as an operator meets them, against Groundwork replicas in processes of their own on
 * one database: kill -9 in the middle of a burst, SIGTERM under load, and a host throttling
 * without Retry-After. Each reports what was acknowledged, recorded, lost (must be 0),
 * duplicated (must be 0) and eventually done; the figures are printed at the end.
 */
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "hosts/ado/fixtures", name), "utf8"));
const created = fixture("git.pullrequest.created.json");
const updated = fixture("git.pullrequest.updated.json");
const repository = created.resource.repository;
const PULL_REQUESTS = 20;
const adoState: FakeAdoState = {
  organization: "fabrikam",
  pat: "fault-pat-".padEnd(52, "f"),
  user: { id: "u1", displayName: "Fault Finder", email: "faults@example.com" },
  projects: [{ id: repository.project.id, name: repository.project.name, repositories: [{ id: repository.id, name: repository.name }] }],
  pullRequests: Array.from({ length: PULL_REQUESTS }, (_, i) => ({ ...(created.resource as AdoPullRequest), pullRequestId: i + 1 })),
};

const db = testDatabase();
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-faults-"));
let ado: FakeHost;
let reader: Sequelize;
let webhook: { url: string; authorization: string; connectionId: string };
const replicas: ChildProcess[] = [];
const figures: Record<string, Record<string, number>> = {};

async function startReplica() {
  const child = fork(path.join(import.meta.dirname, "testing/replica.ts"), [], {
    execArgv: ["--import", "tsx"],
    env: {
      ...process.env,
      REPLICA: JSON.stringify({ database: db.database, dataDir, adoBaseUrl: adoHostsOf(ado).baseUrl, adoIdentityUrl: adoHostsOf(ado).identityUrl }),
    },
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  replicas.push(child);
  const { url } = await new Promise<{ url: string }>((resolve, reject) => {
    child.once("message", (m) => resolve(m as { url: string }));
    child.once("exit", (code) => reject(new Error(`the replica exited with ${code} while starting`)));
  });
  return { child, url };
}

type Outcome = { id: string; status: number } | { id: string; error: string };

/** One service-hook delivery, on a connection of its own (no keep-alive: a reset then means a request was cut off). */
async function deliver(baseUrl: string, id: string, pullRequestId: number): Promise<Outcome> {
  try {
    const res = await fetch(`${baseUrl}${new URL(webhook.url).pathname}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: webhook.authorization, connection: "close" },
      body: JSON.stringify({ ...updated, id, resource: { ...updated.resource, pullRequestId } }),
    });
    await res.arrayBuffer();
    return { id, status: res.status };
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return { id, error: cause?.code ?? cause?.message ?? String(err) };
  }
}

/** Sends `count` deliveries, `parallel` at a time; `midway` runs once `after` of them are acknowledged. */
async function burst(baseUrl: string, prefix: string, count: number, after: number, midway: () => void) {
  const outcomes: Outcome[] = [];
  let next = 0;
  let fired = false;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < count) {
        const i = next++;
        const outcome = await deliver(baseUrl, `${prefix}-${i}`, (i % PULL_REQUESTS) + 1);
        outcomes.push(outcome);
        if (!fired && outcomes.filter((o) => "status" in o && o.status === 202).length >= after) {
          fired = true;
          midway();
        }
      }
    }),
  );
  return outcomes;
}

/** What became of the acknowledged deliveries: recorded, lost, duplicated, done. */
async function account(prefix: string, outcomes: Outcome[]) {
  const acknowledged = outcomes.filter((o) => "status" in o && o.status === 202).map((o) => o.id);
  const rows = await reader.query<{ dedupe_key: string; status: string }>(
    "SELECT dedupe_key, status FROM jobs WHERE kind = 'ado.event' AND dedupe_key LIKE :prefix",
    { type: QueryTypes.SELECT, replacements: { prefix: `ado:${webhook.connectionId}:${prefix}-%` } },
  );
  const ids = rows.map((r) => r.dedupe_key.slice(`ado:${webhook.connectionId}:`.length));
  const recorded = acknowledged.filter((id) => ids.includes(id));
  return {
    sent: outcomes.length,
    acknowledged: acknowledged.length,
    recorded: recorded.length,
    lost: acknowledged.length - recorded.length,
    duplicated: ids.length - new Set(ids).size,
    done: rows.filter((r) => r.status === "done").length,
    rows: rows.length,
  };
}

const allDone = (prefix: string) =>
  until(`${prefix}'s deliveries done`, async () => {
    const [row] = await reader.query<{ n: number | string }>(
      "SELECT COUNT(*) AS n FROM jobs WHERE kind = 'ado.event' AND dedupe_key LIKE :prefix AND status <> 'done'",
      { type: QueryTypes.SELECT, replacements: { prefix: `ado:${webhook.connectionId}:${prefix}-%` } },
    );
    return Number(row!.n) === 0;
  }, 60_000);

beforeAll(async () => {
  ado = await fakeAdo(adoState).start();
  const first = await startReplica();
  const { client: owner } = await signUp(first.url, "Fault Finder", "faults@example.com");
  const connected = await owner.post("/api/integrations/ado", { orgUrl: "https://dev.azure.com/fabrikam", pat: adoState.pat });
  expect(connected.status).toBe(201);
  const objective = (await owner.post("/api/objectives", { title: "Stay up", period: "2026-Q4" })).body;
  for (let i = 1; i <= PULL_REQUESTS; i++)
    await owner.post("/api/context-links", { targetType: "objective", targetId: objective.id, url: `https://dev.azure.com/fabrikam/${repository.project.name}/_git/${repository.name}/pullrequest/${i}` });
  webhook = {
    url: connected.body.webhook.webhookUrl,
    authorization: `Basic ${Buffer.from(`x:${connected.body.webhook.webhookSecret}`).toString("base64")}`,
    connectionId: connected.body.connection.id,
  };
  reader = await openDatabase(db.database);
  first.child.kill("SIGTERM");
  await new Promise((r) => first.child.once("exit", r));
});

afterAll(async () => {
  for (const r of replicas) if (r.exitCode === null && r.signalCode === null) r.kill("SIGKILL");
  console.table(figures);
  await reader?.close();
  await ado?.stop();
  await db.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it("loses and repeats no acknowledged delivery when a replica is killed (-9) mid-burst; the next one finishes the work", async () => {
  const victim = await startReplica();
  const outcomes = await burst(victim.url, "kill", 300, 100, () => victim.child.kill("SIGKILL"));
  await startReplica();
  await allDone("kill");
  const result = await account("kill", outcomes);
  figures["kill -9 during a burst"] = result;
  expect(result.acknowledged).toBeGreaterThanOrEqual(100);
  expect(result.lost).toBe(0);
  expect(result.duplicated).toBe(0);
  expect(result.done).toBe(result.rows);
});

it("finishes the requests in flight on SIGTERM: none is cut off, and every acknowledged one is recorded", async () => {
  const replica = await startReplica();
  const exited = new Promise<number | null>((r) => replica.child.once("exit", (code) => r(code)));
  const outcomes = await burst(replica.url, "term", 300, 100, () => replica.child.kill("SIGTERM"));
  expect(await exited).toBe(0);
  await startReplica();
  await allDone("term");
  const result = await account("term", outcomes);
  // A connection still in the listen backlog when the replica stops listening is refused or
  // reset before Groundwork reads a byte; one it had read and recorded must get its answer.
  const recorded = new Set(
    (await reader.query<{ dedupe_key: string }>("SELECT dedupe_key FROM jobs WHERE dedupe_key LIKE :p", { type: QueryTypes.SELECT, replacements: { p: `ado:${webhook.connectionId}:term-%` } })).map(
      (r) => r.dedupe_key.slice(`ado:${webhook.connectionId}:`.length),
    ),
  );
  const cutOff = outcomes.filter((o) => "error" in o && recorded.has(o.id));
  figures["SIGTERM under load"] = { ...result, "recorded, then cut off": cutOff.length, "never read (refused)": outcomes.filter((o) => "error" in o).length - cutOff.length };
  expect(cutOff).toEqual([]);
  expect(result.acknowledged).toBeGreaterThanOrEqual(100);
  expect(result.lost).toBe(0);
  expect(result.duplicated).toBe(0);
});

it("holds back while Azure DevOps throttles without Retry-After, then posts every status once it recovers", async () => {
  // One replica, so the calls counted are one worker's probes.
  await Promise.all(
    replicas.filter((r) => r.exitCode === null && r.signalCode === null).map((r) => new Promise((done) => r.once("exit", done).kill("SIGTERM"))),
  );
  const { url } = await startReplica();
  const statusPosts = () => ado.requests.filter((r) => r.method === "POST" && r.path.endsWith("/statuses"));
  const bare429 = { status: 429, body: { $id: "1", message: "TF400733: Request was blocked", typeKey: "RequestBlockedException" } };
  const before = statusPosts().length;
  ado.fail({ method: "POST", path: /\/statuses$/, respond: bare429, times: 10_000 });
  const outcomes = await Promise.all(Array.from({ length: PULL_REQUESTS }, (_, i) => deliver(url, `throttle-${i}`, i + 1)));
  // The jobs in flight when the first 429 comes make their calls (at most the lane's limit);
  // from then on the lane waits, and one probe at a time, ever further apart, asks again.
  await new Promise((r) => setTimeout(r, 1_500));
  const firstSecond = statusPosts().length - before;
  await new Promise((r) => setTimeout(r, 4_000));
  const duringThrottling = statusPosts().length - before;
  ado.clearFailures();
  await allDone("throttle");
  await until("a status on every pull request", async () => {
    const posted = new Set(statusPosts().slice(before).map((r) => r.path));
    return posted.size === PULL_REQUESTS;
  }, 60_000);
  const result = await account("throttle", outcomes);
  figures["host throttling without Retry-After"] = { ...result, "status calls in 5.5 s of 429s": duringThrottling, "of them after the first 1.5 s": duringThrottling - firstSecond };
  // Twenty jobs each retrying on their own made about sixty calls in this time.
  expect(duringThrottling).toBeLessThanOrEqual(16);
  expect(duringThrottling - firstSecond).toBeLessThanOrEqual(8);
  expect(result.lost).toBe(0);
});
