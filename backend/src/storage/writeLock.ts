import { AsyncLocalStorage } from "node:async_hooks";
import type { Sequelize, Transaction } from "sequelize";

/** Statements that only read; everything else (INSERT, UPDATE, DELETE, PRAGMA, DDL) writes. */
const READ_ONLY = /^\s*(?:\/\*[\s\S]*?\*\/\s*|--[^\n]*\n\s*)*(?:SELECT|EXPLAIN)\b/i;

/**
 * One writer at a time in this process, on SQLite. sequelize opens a handle per transaction;
 * concurrent writers then wait in SQLite's busy handler, each holding one of libuv's four
 * threads, and once all four wait, the writer holding the lock cannot run its next statement:
 * every request stalls until the busy timeout. Queued here instead, waiting writers hold no
 * thread, and reads (WAL) never wait. A transaction holds the lock for its whole callback (one
 * without a callback, as findOrCreate opens, until its commit or rollback: all share one handle);
 * statements inside it (or a nested transaction) pass straight through.
 */
export function serialiseWrites(sequelize: Sequelize) {
  const holding = new AsyncLocalStorage<true>();
  let tail: Promise<unknown> = Promise.resolve();
  const exclusive = <T>(work: () => Promise<T>): Promise<T> => {
    if (holding.getStore()) return work();
    const turn = tail.then(() => holding.run(true, work));
    tail = turn.catch(() => undefined);
    return turn;
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
