import { AsyncLocalStorage, AsyncResource } from "node:async_hooks";
import type { Sequelize, Transaction } from "sequelize";

/** Statements that only read; everything else (INSERT, UPDATE, DELETE, PRAGMA, DDL) writes. */
const READ_ONLY = /^\s*(?:\/\*[\s\S]*?\*\/\s*|--[^\n]*\n\s*)*(?:SELECT|EXPLAIN)\b/i;

/**
 * Who a write is for, in the order turns go: a request's (someone waits on the answer), the
 * worker's (a delivery's effects, a PR's status), then deferred work (insights), which still gets
 * one turn in DEFERRED_EVERY while others wait, so it is slowed under load, never stopped.
 */
const LANES = ["request", "worker", "deferred"] as const;
type Lane = (typeof LANES)[number];
const lane = new AsyncLocalStorage<Lane>();
/** Runs work (the worker's) whose writes let any request's writes go first; `deferred`, after the worker's other writes too. */
export const inBackground = <T>(work: () => T, deferred = false): T => lane.run(deferred ? "deferred" : "worker", work);
const DEFERRED_EVERY = 8;

/**
 * A queued caller's turn: runs `work` as holding its place (statements inside it pass straight
 * through), answers the caller, then `ended`. Bound where it is made, so the work runs in its
 * caller's async context, whoever's turn ended before it.
 */
function turnOf<T>(holding: AsyncLocalStorage<true>, work: () => Promise<T>, resolve: (value: T) => void, reject: (err: unknown) => void, ended: () => void) {
  return AsyncResource.bind(() => {
    let done: Promise<T>;
    try {
      done = holding.run(true, work);
    } catch (err) {
      done = Promise.reject(err as Error);
    }
    void done.then(resolve, reject).finally(ended);
  });
}

type Exclusive = <T>(work: () => Promise<T>) => Promise<T>;
const locks = new WeakMap<Sequelize, Exclusive>();
/** Runs `work` as one of the writers serialiseWrites queues; undefined where writes are not serialised (PostgreSQL). */
export const writeLockOf = (sequelize: Sequelize): Exclusive | undefined => locks.get(sequelize);

/**
 * One writer at a time in this process, on SQLite. sequelize opens a handle per transaction;
 * concurrent writers then wait in SQLite's busy handler, each holding one of libuv's four
 * threads, and once all four wait, the writer holding the lock cannot run its next statement:
 * every request stalls until the busy timeout. Queued here instead, waiting writers hold no
 * thread, and reads (WAL) never wait. A transaction holds the lock for its whole callback (one
 * without a callback, as findOrCreate opens, until its commit or rollback: all share one handle);
 * statements inside it (or a nested transaction) pass straight through. Turns are taken in order
 * within a lane, a request's before the worker's: an acknowledgement never queues behind the
 * backlog's writes, nor a delivery's effects behind insights.
 */
export function serialiseWrites(sequelize: Sequelize) {
  const holding = new AsyncLocalStorage<true>();
  const waiting: Record<Lane, (() => void)[]> = { request: [], worker: [], deferred: [] };
  let held = false;
  /** Turns others took while deferred writes waited. */
  let passedOver = 0;
  const next = () => {
    const from = waiting.deferred.length && passedOver >= DEFERRED_EVERY ? "deferred" : LANES.find((l) => waiting[l].length);
    const turn = from && waiting[from].shift();
    passedOver = from === "deferred" || !waiting.deferred.length ? 0 : passedOver + 1;
    held = turn !== undefined;
    // Statements complete at once (sqliteDriver.ts): a turn begins after pending I/O, or a loop
    // of writes (the worker's backlog, an import) would never let a request be read.
    if (turn) setImmediate(turn);
  };
  const exclusive: Exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    if (holding.getStore()) return work();
    return new Promise<T>((resolve, reject) => {
      waiting[lane.getStore() ?? "request"].push(turnOf(holding, work, resolve, reject, next));
      if (!held) next();
    });
  };

  locks.set(sequelize, exclusive);

  const transaction = sequelize.transaction.bind(sequelize) as (...args: unknown[]) => Promise<unknown>;
  sequelize.transaction = ((...args: unknown[]) => {
    if (typeof args.at(-1) === "function" || holding.getStore()) return exclusive(() => transaction(...args));
    // Unmanaged (findOrCreate opens one and commits it later): the turn lasts until it ends, not just until it begins.
    let begun: (t: Transaction) => void, failed: (err: unknown) => void;
    const started = new Promise<Transaction>((resolve, reject) => ([begun, failed] = [resolve, reject]));
    void exclusive(
      () =>
        new Promise<void>((ended) => {
          transaction(...args).then(
            (t) => {
              const tx = t as Transaction;
              for (const end of ["commit", "rollback"] as const) {
                const call = tx[end].bind(tx);
                tx[end] = async () => {
                  try {
                    return await call();
                  } finally {
                    ended();
                  }
                };
              }
              begun(tx);
            },
            (err: unknown) => {
              ended();
              failed(err);
            },
          );
        }),
    );
    return started;
  }) as Sequelize["transaction"];

  const query = sequelize.query.bind(sequelize) as (sql: unknown, options?: { transaction?: unknown }) => Promise<unknown>;
  sequelize.query = ((sql: unknown, options?: { transaction?: unknown }) => {
    const text = typeof sql === "string" ? sql : ((sql as { query?: string } | null)?.query ?? "");
    if (options?.transaction || READ_ONLY.test(text)) return query(sql, options);
    return exclusive(() => query(sql, options));
  }) as Sequelize["query"];
}

/**
 * The worker's statements and transactions run `slots` at a time (on PostgreSQL, where writes
 * are not serialised), in the order they were asked for: its jobs at the server all together
 * worked through a backlog slower than a few at a time, and took pooled connections and the
 * server's time from requests. A request's are never held, nor a statement inside a transaction
 * the worker already holds (it has its slot).
 */
export function limitBackground(sequelize: Sequelize, slots: number) {
  const holding = new AsyncLocalStorage<true>();
  const waiting: (() => void)[] = [];
  let free = slots;
  const limited = <T>(work: () => Promise<T>): Promise<T> => {
    if (!lane.getStore() || holding.getStore()) return work();
    return new Promise<T>((resolve, reject) => {
      const turn = turnOf(holding, work, resolve, reject, () => {
        const next = waiting.shift();
        if (next) next();
        else free++;
      });
      if (free > 0) {
        free--;
        turn();
      } else waiting.push(turn);
    });
  };
  const transaction = sequelize.transaction.bind(sequelize) as (...args: unknown[]) => Promise<unknown>;
  sequelize.transaction = ((...args: unknown[]) =>
    typeof args.at(-1) === "function" ? limited(() => transaction(...args)) : transaction(...args)) as Sequelize["transaction"];
  const query = sequelize.query.bind(sequelize) as (sql: unknown, options?: { transaction?: unknown }) => Promise<unknown>;
  sequelize.query = ((sql: unknown, options?: { transaction?: unknown }) =>
    options?.transaction ? query(sql, options) : limited(() => query(sql, options))) as Sequelize["query"];
}
