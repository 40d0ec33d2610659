import { randomUUID } from "node:crypto";
import { QueryTypes, type Sequelize, type Transaction } from "sequelize";
import { dialectOf, writeReturning } from "../storage/database.js";
import type { JobType } from "./jobType.js";

/**
 * The host is throttling (429) or down (5xx, unreachable): the job waits without spending an
 * attempt, for the host's Retry-After or else a capped backoff, and so do all jobs of its lane
 * (one shared hold, then a single probe), until the retry budget — a span of time — runs out.
 */
export class HostUnavailable extends Error {
  constructor(
    readonly seconds: number | undefined,
    message = seconds === undefined ? "the host is throttling us" : `retry after ${seconds}s`,
  ) {
    super(message);
  }
}
/** A failure that retrying cannot fix (401/403 from a host): dead-letter at once. */
export class PermanentFailure extends Error {}
/** Another worker took the job over after our lease ran out; our work must not commit. */
export class LeaseLost extends Error {}

export interface ClaimedJob {
  id: number;
  kind: string;
  payload: unknown;
  attempts: number;
  maxAttempts: number;
  leaseToken: string;
  workspaceId: string | null;
  /** Times a throttling or unavailable host has postponed it so far. */
  throttles: number;
  /**
   * Work for one host on behalf of one workspace ("<host>:<workspace id>", from the kind's
   * prefix): limited in concurrency and held together while that host is unavailable.
   */
  lane: string | null;
  createdAt: number;
}

/** A lane held because its host is unavailable: nothing runs before `until`, then one probe at a time until a success. */
export interface LaneHold {
  until: number;
  failures: number;
}

export interface EnqueueOptions {
  runAt?: number;
  dedupeKey?: string;
  /**
   * Collapse jobs for the same key into one per window of `windowMs`: the first enqueued runs
   * when its window ends, later ones in the window are duplicates. For work whose last state
   * wins (a PR status reads the link count when it runs).
   */
  coalesce?: { key: string; windowMs: number };
  workspaceId?: string | null;
  /**
   * false: the job needs nothing from a host (a webhook whose payload carries all it applies),
   * so it joins no lane, and a host's hold or limit never delays it.
   */
  callsHost?: boolean;
  maxAttempts?: number;
  transaction?: Transaction;
}

export interface QueueOptions {
  maxAttempts: number;
  /** A running job's lease; its worker renews it every third of this, so a dead worker's jobs run again this soon. */
  leaseMs: number;
  backoffBaseMs: number;
  backoffCapMs: number;
  /** How long a job keeps waiting out an unavailable host before it is dead-lettered. */
  retryBudgetMs: number;
  /** The longest a lane is held without a probe, however long the outage. */
  holdCapMs: number;
  /** The clock: tests move it instead of waiting. */
  now: () => number;
}

export const DEFAULT_QUEUE_OPTIONS: QueueOptions = {
  maxAttempts: 8,
  leaseMs: 15_000,
  backoffBaseMs: 1_000,
  backoffCapMs: 15 * 60_000,
  retryBudgetMs: 6 * 60 * 60_000,
  holdCapMs: 5 * 60_000,
  now: () => Date.now(),
};

interface JobRowRaw {
  id: number | string;
  kind: string;
  payload: string;
  attempts: number | string;
  max_attempts: number | string;
  lease_token: string;
  workspace_id: string | null;
  throttles?: number | string;
  lane: string | null;
  created_at: number | string;
}

/** Jobs of one kind family ("ado.…") for one workspace share a lane; jobs for no workspace, or that call no host, have none. */
const laneOf = ({ kind, workspaceId, callsHost = true }: Pick<EnqueueOptions, "workspaceId" | "callsHost"> & { kind: string }) =>
  workspaceId && callsHost && kind.includes(".") ? `${kind.slice(0, kind.indexOf("."))}:${workspaceId}` : null;
/** `x NOT IN ()` is not SQL, and NOT IN (NULL) excludes everything: an impossible lane stands in for none. */
const NO_LANE = ["-"];

/** "Equal jitter": half the exponential delay is fixed, half random, so retries spread out. */
export function backoffDelay(attempt: number, baseMs: number, capMs: number, random = Math.random) {
  const exp = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

/**
 * A job queue stored in the application database. Claims take row locks with
 * FOR UPDATE SKIP LOCKED on Postgres (SQLite has one writer, so a single UPDATE is atomic);
 * a claim is a lease with a token, and every state change is fenced by that token so a
 * worker that lost its lease can neither complete nor fail the job.
 */
export class JobQueue {
  readonly options: QueueOptions;
  private readonly listeners = new Set<(dueAt: number) => void>();

  constructor(
    readonly sequelize: Sequelize,
    options: Partial<QueueOptions> = {},
  ) {
    this.options = { ...DEFAULT_QUEUE_OPTIONS, ...options };
  }

  /** Wakes local workers when new jobs come due (at once, or at the end of a coalescing window) instead of at their next poll. */
  onEnqueue(listener: (dueAt: number) => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Returns the job id, or duplicate: true when a job with the same dedupe key already exists. */
  async enqueue<P>(type: JobType<P>, payload: P, opts: EnqueueOptions = {}) {
    const [id] = await this.enqueueMany([{ kind: type.kind, payload, ...opts, deferred: type.deferred }], opts.transaction);
    return id === null ? { id: null, duplicate: true as const } : { id: id!, duplicate: false as const };
  }

  /**
   * Inserts many jobs in one statement (one commit), skipping those whose dedupe key exists
   * or repeats within the batch. Returns each job's id, or null where it was a duplicate.
   */
  async enqueueMany(
    jobs: (EnqueueOptions & Pick<JobType<unknown>, "deferred"> & { kind: string } & ({ payload: unknown } | { payloadJson: string }))[],
    transaction?: Transaction,
  ) {
    const now = this.options.now();
    const bind: unknown[] = [];
    jobs = jobs.map((j) => {
      if (!j.coalesce) return j;
      const window = Math.floor(now / j.coalesce.windowMs);
      return { ...j, dedupeKey: `${j.kind}:${j.coalesce.key}:${window}`, runAt: (window + 1) * j.coalesce.windowMs };
    });
    const rows = jobs.map((j) => {
      const values = [
        j.kind,
        "payloadJson" in j ? j.payloadJson : JSON.stringify(j.payload ?? null),
        j.maxAttempts ?? this.options.maxAttempts,
        j.runAt ?? now,
        j.dedupeKey ?? null,
        j.workspaceId ?? null,
        now,
        laneOf(j),
        j.deferred ? 1 : 0,
      ];
      const at = bind.length;
      bind.push(...values);
      return `($${at + 1}, $${at + 2}, 'queued', 0, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6}, $${at + 7}, $${at + 7}, $${at + 8}, $${at + 9})`;
    });
    const inserted = await writeReturning<{ id: number | string; dedupe_key: string | null }>(
      this.sequelize,
      `INSERT INTO jobs (kind, payload, status, attempts, max_attempts, run_at, dedupe_key, workspace_id, created_at, updated_at, lane, deferred)
       VALUES ${rows.join(", ")} ON CONFLICT (dedupe_key) DO NOTHING RETURNING id, dedupe_key`,
      bind,
      transaction,
    );
    // RETURNING order is not guaranteed, so match rows back by dedupe key (or, without one, by order).
    const byKey = new Map(inserted.filter((r) => r.dedupe_key !== null).map((r) => [r.dedupe_key, Number(r.id)]));
    const keyless = inserted
      .filter((r) => r.dedupe_key === null)
      .map((r) => Number(r.id))
      .sort((a, b) => a - b);
    const ids = jobs.map((j) => {
      if (!j.dedupeKey) return keyless.shift() ?? null;
      const id = byKey.get(j.dedupeKey) ?? null;
      byKey.delete(j.dedupeKey); // a key repeated within the batch is a duplicate after its first use
      return id;
    });
    if (inserted.length) {
      const dueAt = Math.min(...jobs.map((j) => j.runAt ?? now));
      if (transaction) transaction.afterCommit(() => this.notify(dueAt));
      else this.notify(dueAt);
    }
    return ids;
  }

  private notify(dueAt: number) {
    for (const l of this.listeners) l(dueAt);
  }

  /**
   * Leases up to `limit` due jobs, including running jobs whose lease ran out (their worker
   * died), from lanes not held, deferred jobs after the others. `room` says how many more jobs
   * a lane may take (0: none; a lane not named, `perLane`): a claim never takes more, so none
   * has to be handed back, each hand-back one more write. (Locked twice on PostgreSQL: the scan
   * skips rows another replica is claiming, and the outer lock rechecks they are still due.)
   */
  async claim(workerId: string, limit: number, room: ReadonlyMap<string, number> = new Map(), perLane = limit): Promise<ClaimedJob[]> {
    const now = this.options.now();
    const postgres = dialectOf(this.sequelize) === "postgres";
    const lock = postgres ? "FOR UPDATE SKIP LOCKED" : "";
    // SQLite's planner picked jobs_claim (status, run_at) and sorted every due job on each claim
    // (15 ms with 6,000 queued): walk the claimable jobs in their order and stop at the scan's
    // LIMIT, and look the chosen ones up by id.
    const [byId, inOrder] = postgres ? ["", ""] : ["NOT INDEXED", "INDEXED BY jobs_claimable"];
    const leaseToken = randomUUID();
    // A running job was due when claimed (run_at is only moved forward when it is queued again);
    // `status IN` as jobs_claimable's own condition says it, so the index can serve.
    const due = "(status IN ('queued', 'running') AND run_at <= :now AND (status = 'queued' OR locked_until < :now))";
    const rooms = [...room];
    const full = rooms.filter(([, n]) => n <= 0).map(([lane]) => lane);
    const roomOf = rooms.length ? `CASE lane ${rooms.map((_, i) => `WHEN :lane${i} THEN :room${i}`).join(" ")} ELSE :perLane END` : ":perLane";
    const rows = await this.sequelize.query<JobRowRaw>(
      `UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_token = :leaseToken,
         locked_by = :workerId, locked_until = :until, updated_at = :now
       WHERE id IN (
         SELECT id FROM jobs ${byId} WHERE ${due} AND id IN (
           SELECT id FROM (
             SELECT id, lane, deferred, run_at, ROW_NUMBER() OVER (PARTITION BY lane ORDER BY deferred, run_at, id) AS nth
             FROM (
               SELECT id, lane, deferred, run_at FROM jobs ${inOrder}
               WHERE ${due}
                 AND (lane IS NULL OR (lane NOT IN (:full) AND lane NOT IN (SELECT lane FROM lane_holds WHERE until > :now)))
               ORDER BY deferred, run_at, id LIMIT :scan ${lock}
             ) AS due_jobs
           ) AS ranked
           WHERE lane IS NULL OR nth <= ${roomOf}
           ORDER BY deferred, run_at, id LIMIT :limit
         ) ${lock}
       )
       RETURNING id, kind, payload, attempts, max_attempts, lease_token, workspace_id, throttles, lane, created_at`,
      {
        type: QueryTypes.SELECT,
        replacements: {
          leaseToken,
          workerId,
          until: now + this.options.leaseMs,
          now,
          limit,
          // Enough rows that one busy lane's jobs at the head of the queue do not hide the others'.
          scan: limit * 4,
          full: full.length ? full : NO_LANE,
          perLane,
          ...Object.fromEntries(
            rooms.flatMap(([lane, n], i) => [
              [`lane${i}`, lane],
              [`room${i}`, n],
            ]),
          ),
        },
      },
    );
    const jobs = rows.map((r) => ({
      id: Number(r.id),
      kind: r.kind,
      payload: JSON.parse(r.payload) as unknown,
      attempts: Number(r.attempts),
      maxAttempts: Number(r.max_attempts),
      leaseToken: r.lease_token,
      workspaceId: r.workspace_id,
      throttles: Number(r.throttles ?? 0),
      lane: r.lane,
      createdAt: Number(r.created_at),
    }));
    const runnable: ClaimedJob[] = [];
    for (const job of jobs) {
      // Only a job whose worker died mid-run can be claimed past its attempt limit.
      if (job.attempts > job.maxAttempts) await this.bury(job, "the worker stopped during every attempt (lease expired)");
      else runnable.push(job);
    }
    return runnable;
  }

  /** Marks the job done, inside the handler's transaction when given; false if the lease was lost. */
  async complete(job: ClaimedJob, transaction?: Transaction) {
    return this.fencedUpdate(job, "status = 'done', lease_token = NULL, locked_until = NULL, last_error = NULL", {}, transaction);
  }

  async extendLease(job: ClaimedJob) {
    return this.fencedUpdate(job, "locked_until = :until", { until: this.options.now() + this.options.leaseMs });
  }

  /** Hands a claimed job back untouched (its lane was at its limit): no attempt spent. */
  async release(job: ClaimedJob) {
    return this.fencedUpdate(job, "status = 'queued', attempts = attempts - 1, lease_token = NULL, locked_until = NULL", {});
  }

  /**
   * Lanes held now or probing after a hold: a success of a job the host had turned away clears
   * one; a probe left unanswered that long lapses after holdCapMs, so a lane is never slowed for good.
   */
  async laneHolds() {
    const rows = await this.sequelize.query<{ lane: string; until: number | string; failures: number | string }>(
      "SELECT lane, until, failures FROM lane_holds WHERE until > :lapsed",
      { type: QueryTypes.SELECT, replacements: { lapsed: this.options.now() - this.options.holdCapMs } },
    );
    return new Map<string, LaneHold>(rows.map((r) => [r.lane, { until: Number(r.until), failures: Number(r.failures) }]));
  }

  /** A job of the lane succeeded: its host is back. */
  async clearHold(lane: string) {
    await this.sequelize.query("DELETE FROM lane_holds WHERE lane = :lane", { replacements: { lane } });
  }

  /**
   * Holds the lane until the host's wait, or a backoff that grows with each failed probe, is
   * over; returns the end of the hold. Jobs that were already running when the hold began add
   * no failures: a burst of them failing together is one failure of the host, not many.
   */
  private async hold(lane: string, seconds: number | undefined) {
    const now = this.options.now();
    const [held] = await this.sequelize.query<{ until: number | string; failures: number | string }>(
      "SELECT until, failures FROM lane_holds WHERE lane = :lane",
      { type: QueryTypes.SELECT, replacements: { lane } },
    );
    const holding = held && Number(held.until) > now;
    const failures = Number(held?.failures ?? 0) + (holding ? 0 : 1);
    const asked = seconds !== undefined ? now + seconds * 1000 : 0;
    const until = holding ? Math.max(Number(held.until), asked) : asked || now + backoffDelay(failures, this.options.backoffBaseMs, this.options.holdCapMs);
    await this.sequelize.query(
      `INSERT INTO lane_holds (lane, until, failures) VALUES (:lane, :until, :failures)
       ON CONFLICT (lane) DO UPDATE SET failures = :failures, until = :until`,
      { replacements: { lane, until, failures } },
    );
    return until;
  }

  /**
   * Schedules a retry or dead-letters the job. An unavailable host costs no attempt: the job
   * (and its lane) waits, and gives up only once the retry budget of time is spent; other
   * failures back off with jitter and spend attempts; permanent ones are dead at once.
   */
  async fail(job: ClaimedJob, error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    const now = this.options.now();
    if (error instanceof HostUnavailable) {
      const waited = now - job.createdAt;
      if (waited > this.options.retryBudgetMs)
        return this.bury(job, `The host was unavailable for ${Math.round(waited / 3_600_000)} h, longer than the retry budget: ${message}`);
      const runAt = job.lane
        ? await this.hold(job.lane, error.seconds)
        : now + (error.seconds !== undefined ? error.seconds * 1000 : backoffDelay(job.throttles + 1, this.options.backoffBaseMs, this.options.holdCapMs));
      return this.fencedUpdate(
        job,
        "status = 'queued', attempts = attempts - 1, throttles = throttles + 1, run_at = :runAt, lease_token = NULL, locked_until = NULL, last_error = :message",
        { runAt, message },
      );
    }
    if (error instanceof PermanentFailure || job.attempts >= job.maxAttempts) return this.bury(job, message);
    const delay = backoffDelay(job.attempts, this.options.backoffBaseMs, this.options.backoffCapMs);
    return this.fencedUpdate(job, "status = 'queued', run_at = :runAt, lease_token = NULL, locked_until = NULL, last_error = :message", {
      runAt: now + delay,
      message,
    });
  }

  private bury(job: ClaimedJob, message: string) {
    return this.fencedUpdate(job, "status = 'dead', lease_token = NULL, locked_until = NULL, last_error = :message", {
      message,
    });
  }

  private async fencedUpdate(job: ClaimedJob, set: string, replacements: Record<string, unknown>, transaction?: Transaction) {
    const rows = await this.sequelize.query<{ id: number }>(
      `UPDATE jobs SET ${set}, updated_at = :now WHERE id = :id AND lease_token = :leaseToken RETURNING id`,
      {
        type: QueryTypes.SELECT,
        replacements: { ...replacements, now: this.options.now(), id: job.id, leaseToken: job.leaseToken },
        transaction,
      },
    );
    return rows.length === 1;
  }

  /** Most recently failed first; `after` is the last job of the previous page. */
  async deadJobs(workspaceId: string, limit: number, after?: { updatedAt: number; id: number }) {
    const rows = await this.sequelize.query<Record<string, string | number | null>>(
      `SELECT id, kind, attempts, last_error, created_at, updated_at FROM jobs
       WHERE status = 'dead' AND workspace_id = :workspaceId
         ${after ? "AND (updated_at < :updatedAt OR (updated_at = :updatedAt AND id < :id))" : ""}
       ORDER BY updated_at DESC, id DESC LIMIT :limit`,
      { type: QueryTypes.SELECT, replacements: { workspaceId, limit, ...after } },
    );
    return rows.map((r) => ({
      id: Number(r.id),
      kind: String(r.kind),
      attempts: Number(r.attempts),
      lastError: r.last_error === null ? null : String(r.last_error),
      createdAt: new Date(Number(r.created_at)).toISOString(),
      updatedAt: new Date(Number(r.updated_at)).toISOString(),
    }));
  }

  /** How many dead jobs of the workspace have a kind starting with `kindPrefix`. */
  async countDead(workspaceId: string, kindPrefix: string) {
    const [row] = await this.sequelize.query<{ n: number | string }>(
      `SELECT COUNT(*) AS n FROM jobs WHERE status = 'dead' AND workspace_id = :workspaceId AND kind LIKE :prefix`,
      { type: QueryTypes.SELECT, replacements: { workspaceId, prefix: `${kindPrefix.replace(/[%_\\]/g, "")}%` } },
    );
    return Number(row?.n ?? 0);
  }

  /** Puts a dead job back in the queue with a fresh attempt budget; false if no such dead job. */
  async retryDead(id: number, workspaceId: string) {
    const rows = await this.sequelize.query<{ id: number }>(
      // A retried job starts afresh: attempts, throttles and the retry budget, which runs from created_at.
      `UPDATE jobs SET status = 'queued', attempts = 0, throttles = 0, run_at = :now, created_at = :now, updated_at = :now
       WHERE id = :id AND status = 'dead' AND workspace_id = :workspaceId RETURNING id`,
      { type: QueryTypes.SELECT, replacements: { id, workspaceId, now: this.options.now() } },
    );
    if (rows.length) this.notify(this.options.now());
    return rows.length === 1;
  }

  /**
   * A workspace's jobs of the given kinds (the hosts' webhook deliveries), newest first, with
   * their payloads: what a host delivered and what became of it, for as long as done jobs are kept.
   */
  async jobsOfKinds(workspaceId: string, kinds: string[], limit: number, after?: { createdAt: number; id: number }) {
    if (kinds.length === 0) return [];
    const rows = await this.sequelize.query<Record<string, string | number | null>>(
      `SELECT id, kind, payload, status, attempts, last_error, created_at, updated_at FROM jobs
       WHERE workspace_id = :workspaceId AND kind IN (:kinds)
         ${after ? "AND (created_at < :createdAt OR (created_at = :createdAt AND id < :id))" : ""}
       ORDER BY created_at DESC, id DESC LIMIT :limit`,
      { type: QueryTypes.SELECT, replacements: { workspaceId, kinds, limit, ...after } },
    );
    return rows.map((r) => ({
      id: Number(r.id),
      kind: String(r.kind),
      payload: JSON.parse(String(r.payload)) as unknown,
      status: String(r.status) as "queued" | "running" | "done" | "dead",
      attempts: Number(r.attempts),
      lastError: r.last_error === null ? null : String(r.last_error),
      createdAt: Number(r.created_at),
      updatedAt: Number(r.updated_at),
    }));
  }

  /**
   * Runs a finished job (done or dead) of the given kinds again, with a fresh budget (which runs
   * from created_at, so it moves to now): a webhook delivery applied once more. False if there is
   * no such job, or it has not finished yet.
   */
  async runAgain(id: number, workspaceId: string, kinds: string[]) {
    if (kinds.length === 0) return false;
    const rows = await this.sequelize.query<{ id: number }>(
      `UPDATE jobs SET status = 'queued', attempts = 0, throttles = 0, last_error = NULL, lease_token = NULL, locked_by = NULL, locked_until = NULL,
         run_at = :now, created_at = :now, updated_at = :now
       WHERE id = :id AND workspace_id = :workspaceId AND kind IN (:kinds) AND status IN ('done', 'dead') RETURNING id`,
      { type: QueryTypes.SELECT, replacements: { id, workspaceId, kinds, now: this.options.now() } },
    );
    if (rows.length) this.notify(this.options.now());
    return rows.length === 1;
  }

  /** Done jobs are kept for a while so a redelivered webhook still finds its dedupe key. */
  async pruneDone(olderThanMs: number) {
    await this.sequelize.query("DELETE FROM lane_holds WHERE until < :lapsed", { replacements: { lapsed: this.options.now() - this.options.holdCapMs } });
    await this.sequelize.query(`DELETE FROM jobs WHERE status = 'done' AND updated_at < :before`, {
      replacements: { before: this.options.now() - olderThanMs },
    });
  }

  async countByStatus() {
    const rows = await this.sequelize.query<{ status: string; n: number | string }>(`SELECT status, COUNT(*) AS n FROM jobs GROUP BY status`, {
      type: QueryTypes.SELECT,
    });
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Record<string, number>;
  }
}
