import { fork, type ChildProcess } from "node:child_process";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { QueryTypes, type Sequelize } from "sequelize";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createLogger } from "../log.js";
import { openStorage, type Storage } from "../storage/index.js";
import { testDatabase } from "../testing/testDatabase.js";
import { backoffDelay, JobQueue, PermanentFailure, HostUnavailable } from "./queue.js";
import { z } from "zod";
import { handle, jobType } from "./jobType.js";
import { Worker, type JobContext } from "./worker.js";

const db = testDatabase();
let storage: Storage;
let sequelize: Sequelize;
const log = createLogger("silent");

beforeAll(async () => {
  storage = await openStorage(db.database);
  sequelize = storage.sequelize;
  await sequelize.query("CREATE TABLE job_effects (job_id INTEGER NOT NULL, n INTEGER NOT NULL, worker VARCHAR(100))");
});
afterAll(async () => {
  await storage?.close();
  await db.drop();
});
beforeEach(async () => {
  await sequelize.query("DELETE FROM jobs");
  await sequelize.query("DELETE FROM job_effects");
});

/** The queue works the same whatever a job carries: these tests' jobs take any payload. */
const anyJob = (kind: string) => jobType(kind, z.any());
type Run = (payload: any, ctx: JobContext) => Promise<void>;
const handlers = (byKind: Record<string, Run>) => Object.entries(byKind).map(([kind, run]) => handle(anyJob(kind), run));

const jobRow = async (id: number) =>
  (await sequelize.query<Record<string, unknown>>("SELECT * FROM jobs WHERE id = :id", { type: QueryTypes.SELECT, replacements: { id } }))[0]!;

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error(`timed out waiting for ${what}`);
}

describe("JobQueue", () => {
  it("grows the backoff exponentially with jitter, capped", () => {
    expect(backoffDelay(1, 1000, 60_000, () => 0)).toBe(500);
    expect(backoffDelay(1, 1000, 60_000, () => 1)).toBe(1000);
    expect(backoffDelay(4, 1000, 60_000, () => 1)).toBe(8000);
    expect(backoffDelay(30, 1000, 60_000, () => 1)).toBe(60_000);
  });

  it("treats a second enqueue with the same dedupe key as a no-op", async () => {
    const queue = new JobQueue(sequelize);
    const first = await queue.enqueue(anyJob("x"), { a: 1 }, { dedupeKey: "ado:delivery-1" });
    const second = await queue.enqueue(anyJob("x"), { a: 2 }, { dedupeKey: "ado:delivery-1" });
    expect(first.duplicate).toBe(false);
    expect(second.duplicate).toBe(true);
    expect(await queue.countByStatus()).toEqual({ queued: 1 });
  });

  it("claims due jobs nobody waits on (insights) after the others, however much older", async () => {
    let now = 1_000_000;
    const queue = new JobQueue(sequelize, { now: () => now });
    const insight = jobType("insight.x", z.any(), { deferred: true });
    for (let i = 0; i < 3; i++) await queue.enqueue(insight, { i });
    now += 1_000;
    await queue.enqueue(anyJob("ado.event"), {});
    await queue.enqueue(anyJob("ado.status"), {});
    expect((await queue.claim("w", 2)).map((j) => j.kind).sort()).toEqual(["ado.event", "ado.status"]);
    expect((await queue.claim("w", 3)).map((j) => j.kind)).toEqual(["insight.x", "insight.x", "insight.x"]);
  });

  it("claims the oldest due jobs by reading the claimable ones in order, not by sorting the whole queue", async () => {
    let now = 1_000_000;
    const queue = new JobQueue(sequelize, { now: () => now });
    await queue.enqueueMany(Array.from({ length: 2_000 }, (_, i) => ({ kind: "ado.event", payload: { i }, runAt: now + i })));
    await queue.enqueue(anyJob("ado.status"), { later: true }, { runAt: now + 10_000 });
    now += 5_000;
    const query = vi.spyOn(sequelize, "query");
    const claimed = await queue.claim("w", 4);
    const statements = query.mock.calls.map(([sql, options]) => ({
      sql: String(sql),
      replacements: (options as { replacements?: Record<string, unknown> }).replacements,
    }));
    query.mockRestore();
    expect(claimed.map((j) => (j.payload as { i: number }).i).sort((a, b) => a - b)).toEqual([0, 1, 2, 3]);
    if (db.database.dialect === "sqlite") {
      const claim = statements.find((s) => s.sql.includes("status = 'running'"))!;
      const plan = await sequelize.query<{ detail: string }>(`EXPLAIN QUERY PLAN ${claim.sql}`, {
        type: QueryTypes.SELECT,
        replacements: claim.replacements,
      });
      const steps = plan.map((p) => p.detail);
      expect(steps).toContain("SCAN jobs USING INDEX jobs_claimable");
      // Before: every due job read through jobs_claim (status, run_at), then sorted.
      expect(steps.filter((s) => /jobs_claim\b|MULTI-INDEX|^SCAN jobs$/.test(s))).toEqual([]);
    }
  });

  it("retries a failing job with backoff, then dead-letters it at the limit", async () => {
    const queue = new JobQueue(sequelize, { maxAttempts: 2, backoffBaseMs: 60_000 });
    const { id } = await queue.enqueue(anyJob("x"), {}, { workspaceId: "00000000-0000-4000-8000-000000000001" });
    const [job] = await queue.claim("w", 10);
    await queue.fail(job!, new Error("host said 503"));
    const retried = await jobRow(id!);
    expect(retried.status).toBe("queued");
    expect(Number(retried.run_at) - Date.now()).toBeGreaterThan(25_000);
    expect(await queue.claim("w", 10)).toEqual([]);

    await sequelize.query("UPDATE jobs SET run_at = 0");
    const [again] = await queue.claim("w", 10);
    expect(again!.attempts).toBe(2);
    await queue.fail(again!, new Error("host said 503 again"));
    expect((await jobRow(id!)).status).toBe("dead");
    const dead = await queue.deadJobs("00000000-0000-4000-8000-000000000001", 50);
    expect(dead).toMatchObject([{ id, attempts: 2, lastError: "host said 503 again" }]);
    expect(await queue.deadJobs("00000000-0000-4000-8000-000000000002", 50)).toEqual([]);

    expect(await queue.retryDead(id!, "00000000-0000-4000-8000-000000000001")).toBe(true);
    expect((await jobRow(id!)).status).toBe("queued");
  });

  it("dead-letters permanent failures at once", async () => {
    const queue = new JobQueue(sequelize, { maxAttempts: 5 });
    const { id } = await queue.enqueue(anyJob("y"), {});
    const [job] = await queue.claim("w", 1);
    await queue.fail(job!, new PermanentFailure("401 from host: token revoked"));
    expect((await jobRow(id!)).status).toBe("dead");
  });

  it("holds a throttled or unavailable host's lane as one, spends no attempt, probes once, and resumes on success", async () => {
    let now = 1_000_000_000_000;
    const queue = new JobQueue(sequelize, { maxAttempts: 3, backoffBaseMs: 1_000, holdCapMs: 60_000, now: () => now });
    const ws = "00000000-0000-4000-8000-0000000000a1";
    const ids = [];
    for (let i = 0; i < 5; i++) ids.push((await queue.enqueue(anyJob("host.call"), { i }, { workspaceId: ws })).id!);
    const other = (await queue.enqueue(anyJob("other.call"), {}, { workspaceId: ws })).id!;

    // The host says 429 with Retry-After: 30 on the first job: its whole lane waits 30 s.
    const [first] = await queue.claim("w", 1);
    expect(first!.lane).toBe(`host:${ws}`);
    await queue.fail(first!, new HostUnavailable(30));
    expect(Number((await jobRow(ids[0]!)).attempts)).toBe(0);
    const during = await queue.claim("w", 10);
    expect(during.map((j) => j.id)).toEqual([other]); // another host's lane is not held
    await queue.complete(during[0]!);
    now += 29_000;
    expect(await queue.claim("w", 10)).toEqual([]);

    // Then the host is down (500s, no wait given): each failure holds the lane longer, never past the cap.
    now += 2_000;
    const holds: number[] = [];
    for (let i = 0; i < 12; i++) {
      const [probe] = await queue.claim("w", 1);
      expect(probe).toBeDefined();
      await queue.fail(probe!, new HostUnavailable(undefined, "HTTP 500"));
      const hold = (await queue.laneHolds()).get(`host:${ws}`)!;
      holds.push(hold.until - now);
      expect(await queue.claim("w", 10)).toEqual([]);
      now = hold.until + 1;
    }
    expect(Math.max(...holds)).toBeLessThanOrEqual(60_000);
    expect(holds.at(-1)!).toBeGreaterThanOrEqual(30_000);
    const rows = await Promise.all(ids.map(jobRow));
    expect(rows.every((r) => r.status === "queued" && Number(r.attempts) === 0)).toBe(true);

    // The host is back: a probe succeeds, the hold is cleared, and the rest of the lane runs.
    const [probe] = await queue.claim("w", 1);
    expect(await queue.complete(probe!)).toBe(true);
    await queue.clearHold(probe!.lane!);
    expect((await queue.claim("w", 10)).length).toBe(4);
  });

  it("counts jobs that fail together, already running when the host went down, as one failure of the host", async () => {
    const now = 1_000_000_000_000;
    const queue = new JobQueue(sequelize, { backoffBaseMs: 1_000, now: () => now });
    const ws = "00000000-0000-4000-8000-0000000000a5";
    for (let i = 0; i < 8; i++) await queue.enqueue(anyJob("host.call"), { i }, { workspaceId: ws });
    const running = await queue.claim("w", 8);
    expect(running).toHaveLength(8);
    for (const job of running) await queue.fail(job, new HostUnavailable(undefined, "HTTP 502"));
    const hold = (await queue.laneHolds()).get(`host:${ws}`)!;
    expect(hold.failures).toBe(1);
    expect(hold.until - now).toBeLessThanOrEqual(1_000);
  });

  it("waits out an outage far longer than 8 attempts took, and gives up only past the retry budget", async () => {
    let now = 1_000_000_000_000;
    const queue = new JobQueue(sequelize, { maxAttempts: 8, holdCapMs: 5 * 60_000, retryBudgetMs: 6 * 3_600_000, now: () => now });
    const { id } = await queue.enqueue(anyJob("host.status"), {}, { workspaceId: "00000000-0000-4000-8000-0000000000a2" });
    let tries = 0;
    while (now < 1_000_000_000_000 + 5 * 3_600_000) {
      const [job] = await queue.claim("w", 1);
      if (job) {
        tries++;
        await queue.fail(job, new HostUnavailable(undefined, "HTTP 503"));
      }
      now += 60_000;
    }
    expect((await jobRow(id!)).status).toBe("queued"); // five hours of outage, still waiting
    expect(tries).toBeGreaterThan(50);
    expect(tries).toBeLessThan(300 + 10); // at most one probe per capped hold, not one per job per second
    now += 2 * 3_600_000;
    const [job] = await queue.claim("w", 1);
    await queue.fail(job!, new HostUnavailable(undefined, "HTTP 503"));
    const dead = await jobRow(id!);
    expect(dead.status).toBe("dead");
    expect(dead.last_error).toMatch(/unavailable for 7 h, longer than the retry budget: HTTP 503/);
  });

  it("renews a running job's lease, so a dead worker's job runs again within 15 seconds", async () => {
    let now = 1_000_000_000_000;
    const queue = new JobQueue(sequelize, { now: () => now });
    const { id } = await queue.enqueue(anyJob("x"), {});
    const [held] = await queue.claim("alive", 1);
    for (let i = 0; i < 6; i++) {
      now += 5_000;
      expect(await queue.extendLease(held!)).toBe(true); // the worker's heartbeat, every third of the lease
      expect(await queue.claim("other", 1)).toEqual([]);
    }
    now += 15_001; // the worker died: no heartbeat since
    const [taken] = await queue.claim("other", 1);
    expect(taken!.id).toBe(id);
  });

  it("fences a worker whose lease was taken over: its completion does not count", async () => {
    const queue = new JobQueue(sequelize, { leaseMs: 1 });
    const { id } = await queue.enqueue(anyJob("x"), {});
    const [stale] = await queue.claim("slow", 1);
    await sleep(5);
    const [fresh] = await queue.claim("fast", 1);
    expect(fresh!.id).toBe(id);
    expect(await queue.complete(stale!)).toBe(false);
    expect(await queue.complete(fresh!)).toBe(true);
    expect((await jobRow(id!)).status).toBe("done");
  });

  it("runs jobs in a worker, with the handler's effects committed once with completion", async () => {
    const queue = new JobQueue(sequelize, { backoffBaseMs: 10 });
    let calls = 0;
    const byKind: Record<string, Run> = {
      flaky: async (payload, ctx) => {
        calls++;
        if (ctx.job.attempts < 3) throw new Error("transient");
        await ctx.finish(async (tx) => {
          await sequelize.query("INSERT INTO job_effects (job_id, n) VALUES (:id, :n)", {
            replacements: { id: ctx.job.id, n: (payload as { n: number }).n },
            transaction: tx,
          });
        });
      },
    };
    const worker = new Worker(queue, handlers(byKind), { concurrency: 2, pollMs: 20, log });
    worker.start();
    await queue.enqueue(anyJob("flaky"), { n: 7 });
    await waitFor(async () => (await queue.countByStatus()).done === 1, 10_000, "the flaky job");
    await worker.stop();
    expect(calls).toBe(3);
    const effects = await sequelize.query<{ n: number }>("SELECT n FROM job_effects", { type: QueryTypes.SELECT });
    expect(effects.map((e) => Number(e.n))).toEqual([7]);
  });

  it("hands a handler only a payload of its job's type, and dead-letters one that is not, naming the field", async () => {
    const queue = new JobQueue(sequelize, { maxAttempts: 5 });
    const Greet = jobType("test.greet", z.object({ name: z.string().min(1) }));
    const greeted: string[] = [];
    const worker = new Worker(queue, [handle(Greet, async ({ name }) => void greeted.push(name))], { concurrency: 1, pollMs: 20, log });
    await queue.enqueue(Greet, { name: "Ada" });
    // What an older release, a hand-edited row or a bug elsewhere could leave in the queue.
    const [bad] = await queue.enqueueMany([{ kind: "test.greet", payload: { name: 42 } }]);
    worker.start();
    await waitFor(async () => (await queue.countByStatus()).dead === 1 && greeted.length === 1, 10_000, "both jobs");
    await worker.stop();
    expect(greeted).toEqual(["Ada"]);
    const row = await jobRow(bad!);
    expect(row).toMatchObject({ status: "dead" });
    expect(Number(row.attempts)).toBe(1);
    expect(row.last_error).toMatch(/test\.greet.*name/);
  });

  it("keeps a hanging host to its lane's slots, so other hosts' work and work needing no host keep running", async () => {
    const queue = new JobQueue(sequelize);
    const ws = "00000000-0000-4000-8000-0000000000a3";
    let release!: () => void;
    const hostHangs = new Promise<void>((resolve) => (release = resolve));
    let hanging = 0;
    let mostHanging = 0;
    const done: string[] = [];
    const worker = new Worker(
      queue,
      handlers({
        "slowhost.call": async () => {
          mostHanging = Math.max(mostHanging, ++hanging);
          await hostHangs;
          hanging--;
          done.push("slow");
        },
        "otherhost.call": async () => void done.push("other"),
        "local.tidy": async () => void done.push("local"),
      }),
      { concurrency: 4, pollMs: 20, log },
    );
    for (let i = 0; i < 10; i++) await queue.enqueue(anyJob("slowhost.call"), { i }, { workspaceId: ws });
    for (let i = 0; i < 5; i++) await queue.enqueue(anyJob("otherhost.call"), { i }, { workspaceId: ws });
    for (let i = 0; i < 5; i++) await queue.enqueue(anyJob("local.tidy"), { i });
    worker.start();
    await waitFor(async () => done.length === 10, 10_000, "the work that needs no hanging host");
    expect(mostHanging).toBe(2);
    release();
    await waitFor(async () => done.length === 20, 10_000, "the hanging host's work once it answers");
    await worker.stop();
  });

  it("claims no more of a lane's jobs than it has room for, so none goes back to the queue (each hand-back one more write)", async () => {
    const queue = new JobQueue(sequelize);
    const handedBack = vi.spyOn(queue, "release");
    const ws = "00000000-0000-4000-8000-0000000000a4";
    let done = 0;
    const worker = new Worker(queue, handlers({ "busyhost.call": () => sleep(20).then(() => void done++), "local.tidy": async () => void done++ }), {
      concurrency: 4,
      pollMs: 20,
      log,
    });
    for (let i = 0; i < 12; i++) await queue.enqueue(anyJob("busyhost.call"), { i }, { workspaceId: ws });
    for (let i = 0; i < 4; i++) await queue.enqueue(anyJob("local.tidy"), { i });
    worker.start();
    await waitFor(async () => done === 16, 10_000, "every job");
    await worker.stop();
    expect(handedBack).not.toHaveBeenCalled();
  });

  it("lets one probe call a held host: a claim's other jobs of the lane go back, even when the probe fails before they do", async () => {
    let clock = 1_000_000;
    const queue = new JobQueue(sequelize, { now: () => clock });
    const ws = "00000000-0000-4000-8000-0000000000a7";
    let calls = 0;
    const worker = new Worker(
      queue,
      handlers({
        "downhost.post": async () => {
          calls++;
          throw new HostUnavailable(undefined, "HTTP 500");
        },
      }),
      { concurrency: 16, pollMs: 20, log },
    );
    await queue.enqueueMany(Array.from({ length: 16 }, (_, i) => ({ kind: "downhost.post", payload: { i }, workspaceId: ws })));
    const holdEnd = async () =>
      Number(
        (
          await sequelize.query<{ until: number | string }>("SELECT until FROM lane_holds WHERE lane = :lane", {
            type: QueryTypes.SELECT,
            replacements: { lane: `downhost:${ws}` },
          })
        )[0]?.until ?? 0,
      );
    const settled = async () => (await sequelize.query("SELECT id FROM jobs WHERE status = 'running'", { type: QueryTypes.SELECT })).length === 0;
    worker.start();
    try {
      await waitFor(async () => (await holdEnd()) > clock && (await settled()), 5_000, "the lane held");
      // Time stands still between the holds: each end of a hold lets exactly one job ask the host.
      for (let hold = 0; hold < 5; hold++) {
        const before = calls;
        clock = (await holdEnd()) + 1;
        await waitFor(async () => (await holdEnd()) > clock && (await settled()), 5_000, "the probe answered");
        await sleep(100);
        expect(calls - before).toBe(1);
      }
    } finally {
      await worker.stop();
    }
  });

  it("never holds back a job that calls no host, while its workspace's host is held", async () => {
    const queue = new JobQueue(sequelize);
    const ws = "00000000-0000-4000-8000-0000000000a6";
    await sequelize.query("INSERT INTO lane_holds (lane, until, failures) VALUES (:lane, :until, 3)", {
      replacements: { lane: `somehost:${ws}`, until: Date.now() + 3_600_000 },
    });
    await queue.enqueue(anyJob("somehost.event"), { full: true }, { workspaceId: ws, callsHost: false });
    await queue.enqueue(anyJob("somehost.post"), {}, { workspaceId: ws });
    const claimed = await queue.claim("w", 10);
    expect(claimed.map((j) => [j.kind, j.lane])).toEqual([["somehost.event", null]]);
  });

  it("starts the next job as soon as one finishes, not at the next poll", async () => {
    const queue = new JobQueue(sequelize);
    const ws = "00000000-0000-4000-8000-0000000000a4";
    let done = 0;
    // Each job writes as it finishes, as real jobs do: it may finish while the worker is claiming.
    const quick: Run = async (payload, ctx) => {
      await ctx.finish(async (tx) => {
        await sequelize.query("INSERT INTO job_effects (job_id, n) VALUES (:id, :n)", {
          replacements: { id: ctx.job.id, n: (payload as { i: number }).i },
          transaction: tx,
        });
      });
      done++;
    };
    const worker = new Worker(queue, handlers({ "quick.job": quick }), { concurrency: 4, pollMs: 60_000, log });
    await queue.enqueueMany(Array.from({ length: 40 }, (_, i) => ({ kind: "quick.job", payload: { i }, workspaceId: ws })));
    worker.start();
    await waitFor(async () => done === 40, 5_000, "40 quick jobs with a one-minute poll");
    await worker.stop();
  });

  it("runs one job at a time, a pause apart, while the process is busy answering requests, and all its slots again after", async () => {
    const queue = new JobQueue(sequelize);
    let busy = true;
    let running = 0;
    let most = 0;
    let done = 0;
    const started: number[] = [];
    const slow: Run = async () => {
      started.push(performance.now());
      most = Math.max(most, ++running);
      await sleep(20);
      running--;
      done++;
    };
    const worker = new Worker(queue, handlers({ "slow.job": slow, "arriving.delivery": async () => {} }), {
      concurrency: 4,
      pollMs: 20,
      log,
      busy: () => busy,
      busyPauseMs: 40,
    });
    await queue.enqueueMany(Array.from({ length: 8 }, (_, i) => ({ kind: "slow.job", payload: { i } })));
    worker.start();
    try {
      // Deliveries keep arriving while busy: they must not cut the pause short.
      const arriving = setInterval(() => void queue.enqueue(anyJob("arriving.delivery"), {}), 5);
      await waitFor(async () => done === 8, 5_000, "8 jobs while busy").finally(() => clearInterval(arriving));
      expect(most).toBe(1);
      // One job starts per 40 ms pause at most (timers may fire a millisecond early).
      for (let i = 1; i < started.length; i++) expect(started[i]! - started[i - 1]!).toBeGreaterThanOrEqual(38);
      busy = false;
      most = 0;
      await queue.enqueueMany(Array.from({ length: 8 }, (_, i) => ({ kind: "slow.job", payload: { i } })));
      await waitFor(async () => done === 16, 5_000, "8 jobs once no longer busy");
      expect(most).toBe(4);
    } finally {
      await worker.stop();
    }
  });

  it("starts jobs again as soon as a burst passes, not after the whole pause", async () => {
    const queue = new JobQueue(sequelize);
    let busy = true;
    let ranAt = 0;
    const worker = new Worker(queue, handlers({ "after.burst": async () => void (ranAt = performance.now()) }), {
      concurrency: 2,
      pollMs: 20,
      log,
      busy: () => busy,
      busyPauseMs: 60_000,
      busyCheckMs: 20,
    });
    await queue.enqueue(anyJob("after.burst"), {});
    worker.start();
    try {
      await sleep(150);
      expect(ranAt).toBe(0); // still busy: the job waits
      busy = false;
      const passedAt = performance.now();
      await waitFor(async () => ranAt > 0, 2_000, "the job once the burst passed");
      expect(ranAt - passedAt).toBeLessThan(500);
    } finally {
      await worker.stop();
    }
  });

  it("stops at once while pausing for a busy process", async () => {
    const queue = new JobQueue(sequelize);
    const worker = new Worker(queue, [], { concurrency: 1, pollMs: 20, log, busy: () => true, busyPauseMs: 60_000 });
    worker.start();
    await sleep(50);
    const stopping = performance.now();
    await worker.stop();
    expect(performance.now() - stopping).toBeLessThan(1_000);
  });

  it("runs a coalesced job when its window ends, not at the next poll", async () => {
    const queue = new JobQueue(sequelize);
    let ranAt = 0;
    const worker = new Worker(queue, handlers({ "later.job": async () => void (ranAt = Date.now()) }), { concurrency: 2, pollMs: 60_000, log });
    worker.start();
    try {
      const enqueuedAt = Date.now();
      await queue.enqueue(anyJob("later.job"), {}, { coalesce: { key: "k", windowMs: 300 } });
      await waitFor(async () => ranAt > 0, 2_000, "the coalesced job with a one-minute poll");
      expect(ranAt - enqueuedAt).toBeLessThan(1_000);
    } finally {
      await worker.stop();
    }
  });

  it("stops at once when told to stop while it is claiming, not after a whole poll", async () => {
    const worker = new Worker(new JobQueue(sequelize), [], { concurrency: 2, pollMs: 60_000, log });
    worker.start();
    const asked = Date.now();
    await worker.stop();
    expect(Date.now() - asked).toBeLessThan(1_000);
  });

  it("dead-letters a job kind nobody handles instead of dropping it", async () => {
    const queue = new JobQueue(sequelize, { maxAttempts: 1 });
    const worker = new Worker(queue, [], { concurrency: 1, pollMs: 20, log });
    worker.start();
    const { id } = await queue.enqueue(anyJob("unknown.kind"), {});
    await waitFor(async () => (await jobRow(id!)).status === "dead", 5_000, "dead letter");
    await worker.stop();
    expect((await jobRow(id!)).last_error).toContain('no handler for job kind "unknown.kind"');
  });
});

describe("several worker processes on one database", () => {
  const script = path.join(import.meta.dirname, "../testing/effectWorker.ts");
  const children: ChildProcess[] = [];

  function spawnWorker(id: string, env: Record<string, string> = {}) {
    const child = fork(script, [], {
      execArgv: ["--import", "tsx"],
      env: { ...process.env, EFFECT_DB: JSON.stringify(db.database), WORKER_ID: id, ...env },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
    });
    children.push(child);
    return new Promise<ChildProcess>((resolve, reject) => {
      child.once("message", () => resolve(child));
      child.once("exit", (code) => reject(new Error(`worker ${id} exited early with ${code}`)));
    });
  }

  afterAll(() => {
    for (const c of children) if (c.exitCode === null) c.kill("SIGKILL");
  });

  async function enqueueMany(n: number) {
    const queue = new JobQueue(sequelize);
    // One multi-row insert keeps setup fast on both databases.
    const now = Date.now();
    const values = Array.from({ length: n }, (_, i) => `('test.effect', '{"n":${i}}', 'queued', 0, 8, ${now}, ${now}, ${now})`);
    await sequelize.query(`INSERT INTO jobs (kind, payload, status, attempts, max_attempts, run_at, created_at, updated_at) VALUES ${values.join(",")}`);
    return queue;
  }

  async function effects() {
    return sequelize.query<{ job_id: number; n: number; worker: string }>("SELECT job_id, n, worker FROM job_effects", {
      type: QueryTypes.SELECT,
    });
  }

  it("does each of 1,000 jobs exactly once with two workers", async () => {
    const queue = await enqueueMany(1000);
    const [a, b] = await Promise.all([spawnWorker("a"), spawnWorker("b")]);
    await waitFor(async () => (await queue.countByStatus()).done === 1000, 120_000, "1,000 jobs");
    a.kill("SIGTERM");
    b.kill("SIGTERM");
    const rows = await effects();
    expect(rows).toHaveLength(1000);
    expect(new Set(rows.map((r) => Number(r.n))).size).toBe(1000);
    const byWorker = new Set(rows.map((r) => r.worker));
    expect(byWorker).toEqual(new Set(["a", "b"]));
  });

  it("loses nothing and repeats nothing when a worker is SIGKILLed mid-run and another takes over", async () => {
    const queue = await enqueueMany(300);
    const victim = await spawnWorker("victim", { LEASE_MS: "1500", HOLD_MS: "15" });
    await waitFor(async () => (await effects()).length >= 40, 60_000, "the victim to get going");
    // Kill it while it holds leases: frozen (SIGSTOP), it can neither finish nor claim, so what the queue shows is what it dies with.
    // Between two batches it may hold none for a moment; then it runs on a little and is frozen again.
    await waitFor(
      async () => {
        victim.kill("SIGSTOP");
        if (((await queue.countByStatus()).running ?? 0) > 0) return true;
        victim.kill("SIGCONT");
        return false;
      },
      30_000,
      "the victim to hold a lease",
    );
    victim.kill("SIGKILL");
    await new Promise((r) => victim.once("exit", r));
    const running = (await queue.countByStatus()).running ?? 0;
    expect(running).toBeGreaterThan(0); // it died holding leases: those jobs are stranded until they expire

    const rescuer = await spawnWorker("rescuer", { LEASE_MS: "1500" });
    await waitFor(async () => (await queue.countByStatus()).done === 300, 120_000, "all 300 jobs");
    rescuer.kill("SIGTERM");
    const rows = await effects();
    expect(rows).toHaveLength(300);
    expect(new Set(rows.map((r) => Number(r.n))).size).toBe(300);
    expect(rows.some((r) => r.worker === "rescuer")).toBe(true);
  });
});
