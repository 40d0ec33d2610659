import { randomUUID } from "node:crypto";
import { QueryTypes, type Sequelize, type Transaction } from "sequelize";
import { dialectOf } from "../storage/database.js";

/** A job asks to run again after the host's Retry-After; it does not count as a failed attempt. */
/**
 * A host asked us to wait (429, 503). With the host's Retry-After, the job waits that long
 * without spending an attempt, up to MAX_THROTTLED_RETRIES times; without one it backs off
 * exponentially and spends an attempt, so a throttling host is never hammered in a loop.
 */
export class RetryAfter extends Error {
  constructor(
    readonly seconds: number | undefined,
    message = seconds === undefined ? "the host is throttling us" : `retry after ${seconds}s`,
  ) {
    super(message);
  }
}
export const MAX_THROTTLED_RETRIES = 20;
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
  /** Times a host's Retry-After has postponed it so far. */
  throttles: number;
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
  maxAttempts?: number;
  transaction?: Transaction;
}

export interface QueueOptions {
  maxAttempts: number;
  leaseMs: number;
  backoffBaseMs: number;
  backoffCapMs: number;
}

export const DEFAULT_QUEUE_OPTIONS: QueueOptions = {
  maxAttempts: 8,
  leaseMs: 60_000,
  backoffBaseMs: 1_000,
  backoffCapMs: 15 * 60_000,
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
}

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
  private readonly listeners = new Set<() => void>();

  constructor(
    readonly sequelize: Sequelize,
    options: Partial<QueueOptions> = {},
  ) {
    this.options = { ...DEFAULT_QUEUE_OPTIONS, ...options };
  }

  /** Wakes local workers at once instead of at their next poll. */
  onEnqueue(listener: () => void) {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Returns the job id, or duplicate: true when a job with the same dedupe key already exists. */
  async enqueue(kind: string, payload: unknown, opts: EnqueueOptions = {}) {
    const [id] = await this.enqueueMany([{ kind, payload, ...opts }], opts.transaction);
    return id === null ? { id: null, duplicate: true as const } : { id: id!, duplicate: false as const };
  }

  /**
   * Inserts many jobs in one statement (one commit), skipping those whose dedupe key exists
   * or repeats within the batch. Returns each job's id, or null where it was a duplicate.
   */
  async enqueueMany(jobs: (EnqueueOptions & { kind: string } & ({ payload: unknown } | { payloadJson: string }))[], transaction?: Transaction) {
    const now = Date.now();
    const bind: unknown[] = [];
    jobs = jobs.map((j) => {
      if (!j.coalesce) return j;
      const window = Math.floor(now / j.coalesce.windowMs);
      return { ...j, dedupeKey: `${j.kind}:${j.coalesce.key}:${window}`, runAt: (window + 1) * j.coalesce.windowMs };
    });
    const rows = jobs.map((j) => {
      const values = [j.kind, "payloadJson" in j ? j.payloadJson : JSON.stringify(j.payload ?? null), j.maxAttempts ?? this.options.maxAttempts, j.runAt ?? now, j.dedupeKey ?? null, j.workspaceId ?? null, now];
      const at = bind.length;
      bind.push(...values);
      return `($${at + 1}, $${at + 2}, 'queued', 0, $${at + 3}, $${at + 4}, $${at + 5}, $${at + 6}, $${at + 7}, $${at + 7})`;
    });
    // sequelize runs SQL starting with "INSERT INTO" without returning rows on SQLite;
    // the leading comment makes it fetch the RETURNING rows on both databases.
    const inserted = await this.sequelize.query<{ id: number | string; dedupe_key: string | null }>(
      `/* enqueue */ INSERT INTO jobs (kind, payload, status, attempts, max_attempts, run_at, dedupe_key, workspace_id, created_at, updated_at)
       VALUES ${rows.join(", ")} ON CONFLICT (dedupe_key) DO NOTHING RETURNING id, dedupe_key`,
      { type: QueryTypes.SELECT, bind, transaction },
    );
    // RETURNING order is not guaranteed, so match rows back by dedupe key (or, without one, by order).
    const byKey = new Map(inserted.filter((r) => r.dedupe_key !== null).map((r) => [r.dedupe_key, Number(r.id)]));
    const keyless = inserted.filter((r) => r.dedupe_key === null).map((r) => Number(r.id)).sort((a, b) => a - b);
    const ids = jobs.map((j) => {
      if (!j.dedupeKey) return keyless.shift() ?? null;
      const id = byKey.get(j.dedupeKey) ?? null;
      byKey.delete(j.dedupeKey); // a key repeated within the batch is a duplicate after its first use
      return id;
    });
    if (inserted.length) {
      if (transaction) transaction.afterCommit(() => this.notify());
      else this.notify();
    }
    return ids;
  }

  private notify() {
    for (const l of this.listeners) l();
  }

  /** Leases up to `limit` due jobs, including running jobs whose lease ran out (their worker died). */
  async claim(workerId: string, limit: number): Promise<ClaimedJob[]> {
    const now = Date.now();
    const lock = dialectOf(this.sequelize) === "postgres" ? "FOR UPDATE SKIP LOCKED" : "";
    const leaseToken = randomUUID();
    const rows = await this.sequelize.query<JobRowRaw>(
      `UPDATE jobs SET status = 'running', attempts = attempts + 1, lease_token = :leaseToken,
         locked_by = :workerId, locked_until = :until, updated_at = :now
       WHERE id IN (
         SELECT id FROM jobs
         WHERE (status = 'queued' AND run_at <= :now) OR (status = 'running' AND locked_until < :now)
         ORDER BY run_at, id LIMIT :limit ${lock}
       )
       RETURNING id, kind, payload, attempts, max_attempts, lease_token, workspace_id, throttles`,
      {
        type: QueryTypes.SELECT,
        replacements: { leaseToken, workerId, until: now + this.options.leaseMs, now, limit },
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
    return this.fencedUpdate(job, "locked_until = :until", { until: Date.now() + this.options.leaseMs });
  }

  /** Schedules a retry (backoff with jitter, or the host's Retry-After) or dead-letters the job. */
  async fail(job: ClaimedJob, error: unknown) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof RetryAfter && error.seconds !== undefined && error.seconds > 0 && job.throttles < MAX_THROTTLED_RETRIES) {
      return this.fencedUpdate(
        job,
        "status = 'queued', attempts = attempts - 1, throttles = throttles + 1, run_at = :runAt, lease_token = NULL, locked_until = NULL, last_error = :message",
        { runAt: Date.now() + error.seconds * 1000, message },
      );
    }
    if (error instanceof PermanentFailure || job.attempts >= job.maxAttempts) return this.bury(job, message);
    // Throttled with no wait given (or too often): back off, never less than the host asked.
    const asked = error instanceof RetryAfter ? (error.seconds ?? 0) * 1000 : 0;
    const delay = Math.max(asked, backoffDelay(job.attempts, this.options.backoffBaseMs, this.options.backoffCapMs));
    return this.fencedUpdate(
      job,
      "status = 'queued', run_at = :runAt, lease_token = NULL, locked_until = NULL, last_error = :message",
      { runAt: Date.now() + delay, message },
    );
  }

  private bury(job: ClaimedJob, message: string) {
    return this.fencedUpdate(job, "status = 'dead', lease_token = NULL, locked_until = NULL, last_error = :message", {
      message,
    });
  }

  private async fencedUpdate(
    job: ClaimedJob,
    set: string,
    replacements: Record<string, unknown>,
    transaction?: Transaction,
  ) {
    const rows = await this.sequelize.query<{ id: number }>(
      `UPDATE jobs SET ${set}, updated_at = :now WHERE id = :id AND lease_token = :leaseToken RETURNING id`,
      {
        type: QueryTypes.SELECT,
        replacements: { ...replacements, now: Date.now(), id: job.id, leaseToken: job.leaseToken },
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
      `UPDATE jobs SET status = 'queued', attempts = 0, run_at = :now, updated_at = :now
       WHERE id = :id AND status = 'dead' AND workspace_id = :workspaceId RETURNING id`,
      { type: QueryTypes.SELECT, replacements: { id, workspaceId, now: Date.now() } },
    );
    if (rows.length) this.notify();
    return rows.length === 1;
  }

  /** Done jobs are kept for a while so a redelivered webhook still finds its dedupe key. */
  async pruneDone(olderThanMs: number) {
    await this.sequelize.query(`DELETE FROM jobs WHERE status = 'done' AND updated_at < :before`, {
      replacements: { before: Date.now() - olderThanMs },
    });
  }

  async countByStatus() {
    const rows = await this.sequelize.query<{ status: string; n: number | string }>(
      `SELECT status, COUNT(*) AS n FROM jobs GROUP BY status`,
      { type: QueryTypes.SELECT },
    );
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)])) as Record<string, number>;
  }
}
