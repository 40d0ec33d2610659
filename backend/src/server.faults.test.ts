import { fork, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { QueryTypes, type Sequelize } from "sequelize";
import { afterAll, beforeAll, expect, it } from "vitest";
import type { AdoPullRequest } from "./hosts/ado/client.js";
import { adoHostsOf, fakeAdo, type FakeAdoState } from "@groundwork/simulators/ado/fakeAdo";
import { openDatabase } from "./storage/database.js";
import { databaseOutage } from "./testing/databaseOutage.js";
import type { FakeHost } from "@groundwork/simulators/fakeHost";
import { testDatabase } from "./testing/testDatabase.js";
import { signUp } from "./testing/testApp.js";
import { until } from "./testing/until.js";
import { hostSample } from "@groundwork/simulators/samples";

/**
 * Faults as an operator meets them, against Groundwork replicas in processes of their own on
 * one database: kill -9 in the middle of a burst, SIGTERM under load, a host throttling without
 * Retry-After, a host down for longer than the old retry budget (on a clock the test moves), a
 * host hanging beside work that needs nothing from it, and the database unavailable. Each
 * reports what was acknowledged, recorded, lost (must be 0), duplicated (must be 0) and
 * eventually done; the figures are printed at the end.
 */
const fixture = (name: string) => hostSample("ado", name);
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
type Webhook = { url: string; authorization: string; connectionId: string };
let webhook: Webhook;
/** A second workspace on the same organisation, with statuses off: its deliveries need nothing from the host. */
let quiet: Webhook;
const replicas: ChildProcess[] = [];
const figures: Record<string, Record<string, number>> = {};

async function startReplica(database = db.database) {
  const child = fork(path.join(import.meta.dirname, "testing/replica.ts"), [], {
    execArgv: ["--import", "tsx"],
    env: {
      ...process.env,
      REPLICA: JSON.stringify({ database, dataDir, adoBaseUrl: adoHostsOf(ado).baseUrl, adoIdentityUrl: adoHostsOf(ado).identityUrl }),
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

/** Stops every replica still running, as a deployment does (SIGTERM). */
const stopReplicas = () =>
  Promise.all(replicas.filter((r) => r.exitCode === null && r.signalCode === null).map((r) => new Promise((done) => r.once("exit", done).kill("SIGTERM"))));

type Outcome = { id: string; status: number; retryAfter?: string | null } | { id: string; error: string };

/** One service-hook delivery, on a connection of its own (no keep-alive: a reset then means a request was cut off). */
async function deliver(baseUrl: string, id: string, pullRequestId: number, hook = webhook): Promise<Outcome> {
  try {
    const res = await fetch(`${baseUrl}${new URL(hook.url).pathname}`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: hook.authorization, connection: "close" },
      body: JSON.stringify({ ...updated, id, resource: { ...updated.resource, pullRequestId } }),
    });
    await res.arrayBuffer();
    return { id, status: res.status, retryAfter: res.headers.get("retry-after") };
  } catch (err) {
    const cause = (err as { cause?: { code?: string; message?: string } }).cause;
    return { id, error: cause?.code ?? cause?.message ?? String(err) };
  }
}

/** One update of each pull request, all at once, named `prefix-0` … */
const deliverToEach = (baseUrl: string, prefix: string) =>
  Promise.all(Array.from({ length: PULL_REQUESTS }, (_, i) => deliver(baseUrl, `${prefix}-${i}`, i + 1)));

/**
 * Sends `count` deliveries, 20 at a time; `midway` runs once `after` of them are acknowledged.
 * `send` is one delivery (by default one attempt, as a host whose delivery was cut off sees it).
 */
async function burst(baseUrl: string, prefix: string, count: number, after: number, midway: () => void, send: typeof deliver = deliver, hook = webhook) {
  const outcomes: Outcome[] = [];
  let next = 0;
  let fired = false;
  await Promise.all(
    Array.from({ length: 20 }, async () => {
      while (next < count) {
        const i = next++;
        const outcome = await send(baseUrl, `${prefix}-${i}`, (i % PULL_REQUESTS) + 1, hook);
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
async function account(prefix: string, outcomes: Outcome[], hook = webhook) {
  const acknowledged = outcomes.filter((o) => "status" in o && o.status === 202).map((o) => o.id);
  const rows = await eventJobs(prefix, hook);
  const ids = rows.map((r) => r.dedupe_key.slice(`ado:${hook.connectionId}:`.length));
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

/** The event jobs recorded for deliveries named `prefix-…`; times are the queue's clock, in ms. */
const eventJobs = (prefix: string, hook = webhook) =>
  reader.query<{ dedupe_key: string; status: string; created_at: number | string; updated_at: number | string }>(
    "SELECT dedupe_key, status, created_at, updated_at FROM jobs WHERE kind = 'ado.event' AND dedupe_key LIKE :prefix",
    { type: QueryTypes.SELECT, replacements: { prefix: `ado:${hook.connectionId}:${prefix}-%` } },
  );

const allDone = (prefix: string, hook = webhook) =>
  until(`${prefix}'s deliveries done`, async () => (await eventJobs(prefix, hook)).every((r) => r.status === "done"), 60_000);

const count = async (sql: string, replacements: Record<string, unknown> = {}) =>
  Number((await reader.query<{ n: number | string }>(sql, { type: QueryTypes.SELECT, replacements }))[0]!.n);

const runningStatusCalls = () => count("SELECT COUNT(*) AS n FROM jobs WHERE kind = 'ado.pr-status' AND status = 'running'");
const statusPosts = () => ado.requests.filter((r) => r.method === "POST" && r.path.endsWith("/statuses"));
/** Waits for a status on each of the pull requests, posted after the `before`th status call. */
const statusOnEveryPullRequest = (before: number) =>
  until(
    "a status on every pull request",
    async () =>
      new Set(
        statusPosts()
          .slice(before)
          .map((r) => r.path),
      ).size === PULL_REQUESTS,
    60_000,
  );

beforeAll(async () => {
  ado = await fakeAdo(adoState).start();
  const first = await startReplica();
  const { client: owner } = await signUp(first.url, "Fault Finder", "faults@example.com");
  const connected = await owner.post("/api/integrations/ado", { orgUrl: "https://dev.azure.com/fabrikam", pat: adoState.pat });
  expect(connected.status).toBe(201);
  const objective = (await owner.post("/api/objectives", { title: "Stay up", period: "2026-Q4" })).body;
  for (let i = 1; i <= PULL_REQUESTS; i++)
    await owner.post("/api/context-links", {
      targetType: "objective",
      targetId: objective.id,
      url: `https://dev.azure.com/fabrikam/${repository.project.name}/_git/${repository.name}/pullrequest/${i}`,
    });
  const hookOf = (body: typeof connected.body): Webhook => ({
    url: body.webhook.webhookUrl,
    authorization: `Basic ${Buffer.from(`x:${body.webhook.webhookSecret}`).toString("base64")}`,
    connectionId: body.connection.id,
  });
  webhook = hookOf(connected.body);
  const { client: other } = await signUp(first.url, "Quiet Team", "quiet@example.com");
  const quietConnection = await other.post("/api/integrations/ado", {
    orgUrl: "https://dev.azure.com/fabrikam",
    pat: adoState.pat,
    services: { statuses: false },
  });
  expect(quietConnection.status).toBe(201);
  quiet = hookOf(quietConnection.body);
  reader = await openDatabase(db.database);
  first.child.kill("SIGTERM");
  await new Promise((r) => first.child.once("exit", r));
});

afterAll(async () => {
  for (const r of replicas) if (r.exitCode === null && r.signalCode === null) r.kill("SIGKILL");
  // One line per fault: the measures differ between faults, so a table would be mostly empty columns.
  for (const [fault, measures] of Object.entries(figures))
    console.log(
      `${fault}: ${Object.entries(measures)
        .map(([measure, n]) => `${measure} ${n}`)
        .join(", ")}`,
    );
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
    (
      await reader.query<{ dedupe_key: string }>("SELECT dedupe_key FROM jobs WHERE dedupe_key LIKE :p", {
        type: QueryTypes.SELECT,
        replacements: { p: `ado:${webhook.connectionId}:term-%` },
      })
    ).map((r) => r.dedupe_key.slice(`ado:${webhook.connectionId}:`.length)),
  );
  const cutOff = outcomes.filter((o) => "error" in o && recorded.has(o.id));
  figures["SIGTERM under load"] = {
    ...result,
    "recorded, then cut off": cutOff.length,
    "never read (refused)": outcomes.filter((o) => "error" in o).length - cutOff.length,
  };
  expect(cutOff).toEqual([]);
  expect(result.acknowledged).toBeGreaterThanOrEqual(100);
  expect(result.lost).toBe(0);
  expect(result.duplicated).toBe(0);
});

it("holds back while Azure DevOps throttles without Retry-After, then posts every status once it recovers", async () => {
  // One replica, so the calls counted are one worker's probes.
  await stopReplicas();
  const { url } = await startReplica();
  const bare429 = { status: 429, body: { $id: "1", message: "TF400733: Request was blocked", typeKey: "RequestBlockedException" } };
  const before = statusPosts().length;
  ado.fail({ method: "POST", path: /\/statuses$/, respond: bare429, times: 10_000 });
  const outcomes = await deliverToEach(url, "throttle");
  // The jobs in flight when the first 429 comes make their calls (at most the lane's limit);
  // from then on the lane waits, and one probe at a time, ever further apart, asks again.
  await new Promise((r) => setTimeout(r, 1_500));
  const firstSecond = statusPosts().length - before;
  await new Promise((r) => setTimeout(r, 4_000));
  const duringThrottling = statusPosts().length - before;
  ado.clearFailures();
  await allDone("throttle");
  await statusOnEveryPullRequest(before);
  const result = await account("throttle", outcomes);
  figures["host throttling without Retry-After"] = {
    ...result,
    "status calls in 5.5 s of 429s": duringThrottling,
    "of them after the first 1.5 s": duringThrottling - firstSecond,
  };
  // Twenty jobs each retrying on their own made about sixty calls in this time.
  expect(duringThrottling).toBeLessThanOrEqual(16);
  expect(duringThrottling - firstSecond).toBeLessThanOrEqual(8);
  expect(result.lost).toBe(0);
});

it("waits out a host outage of an hour and a half (on a moved clock) with one probe at a time and no dead letter, then posts every status", async () => {
  await stopReplicas();
  const replica = await startReplica();
  let clock = Date.now();
  replica.child.send({ clock });
  ado.fail({
    method: "POST",
    path: /\/statuses$/,
    respond: { status: 500, body: { $id: "1", message: "TF246017: Azure DevOps is unavailable" } },
    times: 100_000,
  });
  const before = statusPosts().length;
  const outcomes = await deliverToEach(replica.url, "outage");
  await allDone("outage");
  // Status jobs come due at the end of their coalescing window.
  replica.child.send({ clock: (clock += 1_000) });
  const [connection] = await reader.query<{ workspace_id: string }>("SELECT workspace_id FROM ado_connections WHERE id = :id", {
    type: QueryTypes.SELECT,
    replacements: { id: webhook.connectionId },
  });
  const lane = `ado:${connection!.workspace_id}`;
  const holdUntil = async () =>
    Number(
      (
        await reader.query<{ until: number | string }>("SELECT until FROM lane_holds WHERE lane = :lane", { type: QueryTypes.SELECT, replacements: { lane } })
      )[0]?.until ?? 0,
    );
  const running = () => count("SELECT COUNT(*) AS n FROM jobs WHERE lane = :lane AND status = 'running'", { lane });
  await until("the lane held", holdUntil);

  // Each step moves the replica's stopped clock to the end of the hold; one job probes, fails, and the
  // hold grows (to at most five minutes). The old budget gave up after about two and a half minutes.
  const OUTAGE_MS = 90 * 60_000;
  const start = clock;
  let probes = 0;
  let worstStep = 0;
  while (clock - start < OUTAGE_MS) {
    await until("the probe's job settled", async () => (await running()) === 0);
    const calls = statusPosts().length;
    clock = Math.max(clock, await holdUntil()) + 1;
    replica.child.send({ clock });
    await until("the next hold", async () => (await holdUntil()) > clock && (await running()) === 0);
    worstStep = Math.max(worstStep, statusPosts().length - calls);
    probes++;
  }
  const duringOutage = statusPosts().length - before;
  // Deliveries that carry the whole pull request need nothing from the host: applied at once, hold or not.
  const meanwhile = await deliverToEach(replica.url, "meanwhile");
  await allDone("meanwhile");
  const appliedMeanwhile = (await account("meanwhile", meanwhile)).done;
  expect(await holdUntil()).toBeGreaterThan(clock);
  const dead = await count("SELECT COUNT(*) AS n FROM jobs WHERE lane = :lane AND status = 'dead'", { lane });
  const waiting = await count("SELECT COUNT(*) AS n FROM jobs WHERE lane = :lane AND kind = 'ado.pr-status' AND status = 'queued'", { lane });

  ado.clearFailures();
  replica.child.send({ clock: (await holdUntil()) + 1 });
  await statusOnEveryPullRequest(before + duringOutage);
  const result = await account("outage", outcomes);
  figures["host down 90 min (moved clock)"] = {
    ...result,
    "holds lived through": probes,
    "status calls in the outage": duringOutage,
    "most calls in one hold": worstStep,
    "dead letters": dead,
    "deliveries applied while held": appliedMeanwhile,
    "statuses waiting at the end": waiting,
  };
  expect(dead).toBe(0);
  expect(waiting).toBeGreaterThanOrEqual(PULL_REQUESTS);
  // The calls in flight when the host first failed (the lane's limit), then one probe per hold.
  expect(worstStep).toBeLessThanOrEqual(1);
  expect(duringOutage).toBeLessThanOrEqual(8 + probes);
  expect(result.lost).toBe(0);
  expect(result.duplicated).toBe(0);
}, 90_000);

it("keeps another workspace's work moving while the host hangs on every call of one workspace", async () => {
  await stopReplicas();
  const { url } = await startReplica();
  // The status calls hang past the client's 15 s timeout; the lane's limit lets 8 of the 16 slots hang.
  ado.fail({ method: "POST", path: /\/statuses$/, delayMs: 20_000, times: 8 });
  const before = statusPosts().length;
  const hung = await deliverToEach(url, "hang");
  await until("8 status calls hanging", async () => (await runningStatusCalls()) >= 8);
  const started = Date.now();
  const outcomes = await burst(url, "beside", 100, 0, () => undefined, deliver, quiet);
  await allDone("beside", quiet);
  const allDoneAfterMs = Date.now() - started;
  const stillHanging = await runningStatusCalls();
  const slowest = Math.max(...(await eventJobs("beside", quiet)).map((r) => Number(r.updated_at) - Number(r.created_at)));
  const result = await account("beside", outcomes, quiet);

  await allDone("hang");
  await statusOnEveryPullRequest(before);
  const hanging = await account("hang", hung);
  figures["host hanging, other workspace"] = {
    ...result,
    "slowest, received → done (ms)": slowest,
    "all done after (ms)": allDoneAfterMs,
    "status calls still hanging then": stillHanging,
    "hanging workspace: done": hanging.done,
  };
  expect(stillHanging).toBe(8);
  expect(slowest).toBeLessThan(3_000);
  expect(result.acknowledged).toBe(100);
  expect(result.lost).toBe(0);
  expect(result.duplicated).toBe(0);
  expect(result.done).toBe(100);
  expect(hanging.lost).toBe(0);
}, 90_000);

/**
 * Deliveries as a host makes them: a 503 or 5xx is sent again after its Retry-After (or a
 * second), until it is acknowledged; every answer along the way goes into `answers`.
 */
const untilAcknowledged =
  (answers: Outcome[]): typeof deliver =>
  async (baseUrl, id, pullRequestId, hook = webhook) => {
    for (let attempt = 1; ; attempt++) {
      const outcome = await deliver(baseUrl, id, pullRequestId, hook);
      answers.push(outcome);
      if (("status" in outcome && outcome.status < 500) || attempt === 10) return outcome;
      const wait = "status" in outcome && outcome.retryAfter ? Number(outcome.retryAfter) : 1;
      await new Promise((r) => setTimeout(r, wait * 1000));
    }
  };

it("answers 503 with Retry-After while the database is unavailable, and records every delivery once it is back", async () => {
  await stopReplicas();
  const outage = await databaseOutage(db.database);
  try {
    const { url } = await startReplica(outage.database);
    const answersSeen: Outcome[] = [];
    let readiness: { status: number; ms: number } | null = null;
    let ended: Promise<void> = Promise.resolve();
    const outcomes = await burst(
      url,
      "dbdown",
      200,
      50,
      () => {
        ended = (async () => {
          await outage.begin();
          const asked = Date.now();
          const ready = await fetch(`${url}/readyz`);
          readiness = { status: ready.status, ms: Date.now() - asked };
          await new Promise((r) => setTimeout(r, 3_000));
          await outage.end();
        })();
      },
      untilAcknowledged(answersSeen),
    );
    await ended;
    await allDone("dbdown");
    const result = await account("dbdown", outcomes);
    const answered = (status: number) => answersSeen.filter((o) => "status" in o && o.status === status);
    const unavailable = answered(503);
    figures[`database unavailable 3 s (${outage.what})`] = {
      ...result,
      "answered 503": unavailable.length,
      "503 without Retry-After": unavailable.filter((o) => !("status" in o) || !o.retryAfter).length,
      "answered 500": answered(500).length,
      "cut off": answersSeen.filter((o) => "error" in o).length,
      "/readyz status": readiness!.status,
      "/readyz answered in (ms)": readiness!.ms,
    };
    expect(readiness!.status).toBe(503);
    expect(readiness!.ms).toBeLessThan(5_000);
    expect(unavailable.every((o) => "status" in o && o.retryAfter === "5")).toBe(true);
    expect(answered(500)).toEqual([]);
    expect(result.acknowledged).toBe(200);
    expect(result.lost).toBe(0);
    expect(result.duplicated).toBe(0);
    expect(result.done).toBe(200);
  } finally {
    await stopReplicas();
    await outage.close();
  }
}, 90_000);
