import { AsyncLocalStorage, AsyncResource } from "node:async_hooks";
import type { Sequelize, Transaction } from "sequelize";

/** Statements that only read; everything else (INSERT, UPDATE, DELETE, PRAGMA, DDL) writes. */
const READ_ONLY = /^\s*(?:\/\*[\s\S]*?\*\/\s*|--[^\n]*\n\s*)*(?:SELECT|EXPLAIN)\b/i;

/** Work that nobody is waiting on (the worker's jobs): its writes let any request's writes go first. */
const background = new AsyncLocalStorage<true>();
export const inBackground = <T>(work: () => T): T => background.run(true, work);

/**
 * One writer at a time in this process, on SQLite. sequelize opens a handle per transaction;
 * concurrent writers then wait in SQLite's busy handler, each holding one of libuv's four
 * threads, and once all four wait, the writer holding the lock cannot run its next statement:
 * every request stalls until the busy timeout. Queued here instead, waiting writers hold no
 * thread, and reads (WAL) never wait. A transaction holds the lock for its whole callback (one
 * without a callback, as findOrCreate opens, until its commit or rollback: all share one handle);
 * statements inside it (or a nested transaction) pass straight through. Turns are taken in order,
 * a request's before the worker's: an acknowledgement never queues behind the backlog's writes.
 */
export function serialiseWrites(sequelize: Sequelize) {
  const holding = new AsyncLocalStorage<true>();
  const waiting = { request: [] as (() => void)[], background: [] as (() => void)[] };
  let held = false;
  const next = () => {
    const turn = waiting.request.shift() ?? waiting.background.shift();
    held = turn !== undefined;
    turn?.();
  };
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    if (holding.getStore()) return work();
    return new Promise<T>((resolve, reject) => {
      // Bound here: the turn runs in its caller's async context, whoever's turn ended before it.
      const turn = AsyncResource.bind(() => {
        let done: Promise<T>;
        try {
          done = holding.run(true, work);
        } catch (err) {
          done = Promise.reject(err as Error);
        }
        void done.then(resolve, reject).finally(next);
      });
      (background.getStore() ? waiting.background : waiting.request).push(turn);
      if (!held) next();
    });
  };

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
