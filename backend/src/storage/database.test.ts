import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { DatabaseError, DataTypes, Model } from "sequelize";
import { afterAll, describe, expect, it, vi } from "vitest";
import BetterSqlite3 from "better-sqlite3";
import { isDatabaseUnavailable, openDatabase, writeReturning } from "./database.js";
import { Database as SqliteDatabase } from "./sqliteDriver.js";
import { SecretBox } from "./encryption.js";

/** The embedded database and the key file hold secrets and people's details: no other local user may read them. */
const root = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-perms-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));
const mode = (p: string) => fs.statSync(p).mode & 0o777;

it("creates the data folder 0700 and the SQLite files 0600, and tightens an existing file", async () => {
  const dataDir = path.join(root, "fresh", "data");
  const storage = path.join(dataDir, "groundwork.db");
  const db = await openDatabase({ dialect: "sqlite", storage });
  await db.query("CREATE TABLE t (x INTEGER)");
  await db.query("INSERT INTO t VALUES (1)");
  expect(mode(dataDir)).toBe(0o700);
  for (const f of [storage, `${storage}-wal`, `${storage}-shm`]) expect(mode(f), f).toBe(0o600);
  await db.close();

  const old = path.join(root, "old.db");
  fs.writeFileSync(old, "", { mode: 0o644 });
  fs.chmodSync(old, 0o644);
  await (await openDatabase({ dialect: "sqlite", storage: old })).close();
  expect(mode(old)).toBe(0o600);
});

it("creates the key file's folder 0700 and the key 0600", () => {
  const dataDir = path.join(root, "keys", "data");
  SecretBox.fromSettings(undefined, dataDir);
  expect(mode(dataDir)).toBe(0o700);
  expect(mode(path.join(dataDir, "encryption.key"))).toBe(0o600);
});

it("serves SQLite transactions from one handle in turn, and a rolled-back one leaves it usable", async () => {
  const db = await openDatabase({ dialect: "sqlite", storage: path.join(root, "tx.db") });
  await db.query("CREATE TABLE t (x INTEGER UNIQUE)");
  const opened = new Set<unknown>();
  const manager = db.connectionManager as unknown as { getConnection(o?: { uuid?: string }): Promise<unknown> };
  const get = manager.getConnection.bind(manager);
  manager.getConnection = async (o) => {
    const handle = await get(o);
    if (o?.uuid && o.uuid !== "default") opened.add(handle);
    return handle;
  };
  await db.transaction(async (transaction) => {
    await db.query("INSERT INTO t VALUES (1)", { transaction });
  });
  await expect(
    db.transaction(async (transaction) => {
      await db.query("INSERT INTO t VALUES (2)", { transaction });
      await db.query("INSERT INTO t VALUES (1)", { transaction });
    }),
  ).rejects.toThrow();
  await Promise.all([1, 2, 3].map((n) => db.transaction((transaction) => db.query(`INSERT INTO t VALUES (${n + 10})`, { transaction }))));
  const [rows] = await db.query("SELECT x FROM t ORDER BY x");
  expect(rows).toEqual([{ x: 1 }, { x: 11 }, { x: 12 }, { x: 13 }]);
  expect(opened.size).toBe(1);
  await db.close();
});

it("reports a SQLite handle that cannot be set up to the caller instead of crashing the process", async () => {
  // A file that is not a database: opening succeeds, the first statement (the PRAGMA) fails.
  const storage = path.join(root, "not-a-database.db");
  fs.writeFileSync(storage, "this is not an SQLite file, but it is long enough to have a header".repeat(20), { mode: 0o600 });
  await expect(openDatabase({ dialect: "sqlite", storage })).rejects.toThrow(/not a database|SQLITE_NOTADB/);
});

it("asks SQLite for a table's columns once, not before every SELECT, and again after the schema changes", async () => {
  const db = await openDatabase({ dialect: "sqlite", storage: path.join(root, "columns.db") });
  await db.query("CREATE TABLE things (id INTEGER PRIMARY KEY, seen_at DATETIME)");
  class Thing extends Model {
    declare seenAt: Date;
    declare checkedAt: Date | null;
  }
  Thing.init(
    { id: { type: DataTypes.INTEGER, primaryKey: true }, seenAt: DataTypes.DATE },
    { sequelize: db, tableName: "things", underscored: true, timestamps: false },
  );
  await Thing.create({ id: 1, seenAt: new Date("2026-11-27T10:00:00Z") });
  const asked: string[] = [];
  const all = SqliteDatabase.prototype.all;
  const spy = vi.spyOn(SqliteDatabase.prototype, "all").mockImplementation(function (this: SqliteDatabase, sql: string, ...rest: unknown[]) {
    if (sql.startsWith("PRAGMA table_info")) asked.push(sql);
    return all.call(this, sql, ...rest);
  });
  try {
    for (let i = 0; i < 3; i++) expect((await Thing.findByPk(1))!.seenAt).toEqual(new Date("2026-11-27T10:00:00Z"));
    expect(asked.length).toBeLessThanOrEqual(1);
    // A column added later is read with its type: the change forgot what was known.
    await db.query("ALTER TABLE things ADD COLUMN checked_at DATETIME");
    await db.query("UPDATE things SET checked_at = '2026-11-27 11:00:00.000 +00:00'");
    Thing.init(
      { id: { type: DataTypes.INTEGER, primaryKey: true }, seenAt: DataTypes.DATE, checkedAt: DataTypes.DATE },
      { sequelize: db, tableName: "things", underscored: true, timestamps: false },
    );
    const before = asked.length;
    expect((await Thing.findByPk(1))!.checkedAt).toEqual(new Date("2026-11-27T11:00:00Z"));
    expect(asked.length).toBe(before + 1);
  } finally {
    spy.mockRestore();
    await db.close();
  }
});

describe("isDatabaseUnavailable", () => {
  const failed = (message: string, code?: string) => new DatabaseError(Object.assign(new Error(message), { code, sql: "SELECT 1" }) as never);
  it("tells an unreachable or dying database (503, retried) from a bug (500)", () => {
    expect(isDatabaseUnavailable(failed("Connection terminated unexpectedly"))).toBe(true);
    expect(isDatabaseUnavailable(failed("terminating connection due to administrator command", "57P01"))).toBe(true);
    // A pooled pg client whose socket was cut says so when it is next used.
    expect(isDatabaseUnavailable(failed("Client has encountered a connection error and is not queryable"))).toBe(true);
    expect(isDatabaseUnavailable(failed("database is locked", "SQLITE_BUSY"))).toBe(true);
    // A query written to a socket the server has just closed, or one that stopped answering.
    expect(isDatabaseUnavailable(failed("write EPIPE", "EPIPE"))).toBe(true);
    expect(isDatabaseUnavailable(failed("read ETIMEDOUT", "ETIMEDOUT"))).toBe(true);
    expect(isDatabaseUnavailable(failed('syntax error at or near "SELEC"', "42601"))).toBe(false);
    expect(isDatabaseUnavailable(new Error("Connection terminated"))).toBe(false);
    // The same words from pg while sequelize opens a connection come unwrapped (a 500 in CI's outage test).
    const opening = Object.assign(new Error("Connection terminated unexpectedly"), {
      stack:
        "Error: Connection terminated unexpectedly\n    at async ConnectionManager.connect (node_modules/sequelize/src/dialects/postgres/connection-manager.js:250:7)",
    });
    expect(isDatabaseUnavailable(opening)).toBe(true);
    // And a reset while it opens (a 500 in CI's outage test on PostgreSQL, 2026-11-28).
    const reset = Object.assign(new Error("read ECONNRESET"), {
      code: "ECONNRESET",
      stack: "Error: read ECONNRESET\n    at async ConnectionManager.connect (node_modules/sequelize/src/dialects/postgres/connection-manager.js:250:7)",
    });
    expect(isDatabaseUnavailable(reset)).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error("read ECONNRESET"), { code: "ECONNRESET" }))).toBe(false);
  });
});

it("runs a write returning rows past sequelize's pipeline on SQLite, in its turn of the write lock, and fails as sequelize does", async () => {
  const storage = path.join(root, "returning.db");
  const db = await openDatabase({ dialect: "sqlite", storage });
  await db.query("CREATE TABLE t (id INTEGER PRIMARY KEY, x TEXT UNIQUE)");
  const order: string[] = [];
  const longWrite = db.transaction(async (transaction) => {
    await db.query("INSERT INTO t (x) VALUES ('first')", { transaction });
    await new Promise((r) => setTimeout(r, 50));
    order.push("transaction committed");
  });
  const query = vi.spyOn(db, "query");
  const rows = await writeReturning<{ id: number; x: string }>(db, "INSERT INTO t (x) VALUES ($1), ($2) ON CONFLICT (x) DO NOTHING RETURNING id, x", [
    "second",
    "first",
  ]);
  order.push("write returned");
  await longWrite;
  const returning = () => query.mock.calls.filter(([sql]) => String(sql).includes("RETURNING"));
  expect(returning()).toEqual([]);
  expect(order).toEqual(["transaction committed", "write returned"]);
  expect(rows).toEqual([{ id: 2, x: "second" }]);

  // Inside a transaction it is one of the transaction's statements.
  await db.transaction((transaction) => writeReturning(db, "INSERT INTO t (x) VALUES ($1) RETURNING id", ["third"], transaction));
  expect(returning()).toHaveLength(1);

  const holder = new BetterSqlite3(storage);
  holder.exec("BEGIN IMMEDIATE");
  const refused = await writeReturning(db, "INSERT INTO t (x) VALUES ($1) RETURNING id", ["fourth"]).catch((err: unknown) => err);
  holder.exec("ROLLBACK");
  holder.close();
  expect(refused).toBeInstanceOf(DatabaseError);
  expect(isDatabaseUnavailable(refused)).toBe(true);
  await db.close();
});
