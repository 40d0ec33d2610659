import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { Database, type RunResult } from "./sqliteDriver.js";

/** The node-sqlite3 behaviours sequelize relies on, which better-sqlite3 does otherwise. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-sqlite-driver-"));
let db: Database;
const all = (sql: string, params?: unknown[] | Record<string, unknown>) =>
  new Promise<unknown[]>((resolve, reject) =>
    db.all(sql, ...(params ? [params] : []), (err: Error | null, rows?: unknown[]) => (err ? reject(err) : resolve(rows!))),
  );
const run = (sql: string, params: unknown[] = []) =>
  new Promise<RunResult>((resolve, reject) =>
    db.run(sql, params, function (this: RunResult, err: Error | null) {
      if (err) reject(err);
      else resolve(this);
    }),
  );

beforeAll(async () => {
  await new Promise<void>(
    (resolve, reject) =>
      (db = new Database(path.join(dir, "driver.db"), Database.OPEN_READWRITE | Database.OPEN_CREATE, (err) => (err ? reject(err) : resolve()))),
  );
  await run("CREATE TABLE things (id INTEGER PRIMARY KEY AUTOINCREMENT, name TEXT UNIQUE, flag INTEGER, at INTEGER)");
});
afterAll(async () => {
  await new Promise((r) => db.close(r));
  fs.rmSync(dir, { recursive: true, force: true });
});

it("calls back after the call returns, as node-sqlite3 does (sequelize keeps the handle before its callback runs)", async () => {
  let returned = false;
  const called = new Promise<boolean>((resolve) => db.all("SELECT 1 AS one", () => resolve(returned)));
  returned = true;
  expect(await called).toBe(true);
});

it("binds sequelize's numbered parameters, a number used twice included, booleans as 1/0 and dates as milliseconds", async () => {
  const at = new Date("2026-11-28T10:00:00Z");
  await all("INSERT INTO things (name, flag, at) VALUES ($1, $2, $3), ($4, $2, $3)", ["a", true, at, "b"]);
  expect(await all("SELECT name, flag, at FROM things WHERE flag = ? ORDER BY name", [1])).toEqual([
    { name: "a", flag: 1, at: at.getTime() },
    { name: "b", flag: 1, at: at.getTime() },
  ]);
  expect(await all("SELECT name FROM things WHERE name = $name", { $name: "b" })).toEqual([{ name: "b" }]);
});

it("gives run's callback the inserted row id and the count of changed rows, and INSERT … RETURNING through all", async () => {
  const inserted = await run("INSERT INTO things (name, flag) VALUES (?, ?)", ["c", false]);
  expect(inserted.constructor.name).toBe("Statement");
  expect(inserted.changes).toBe(1);
  expect(await all("SELECT id FROM things WHERE name = 'c'")).toEqual([{ id: inserted.lastID }]);
  expect((await run("UPDATE things SET flag = 1 WHERE flag = 1")).changes).toBe(2);
  expect(await all("INSERT INTO things (name) VALUES ($1) RETURNING name", ["d"])).toEqual([{ name: "d" }]);
  expect(await all("DELETE FROM things WHERE name = $1", ["d"])).toEqual([]);
});

it("hands SQLite's errors, with their codes, to the callback instead of throwing", async () => {
  await expect(run("INSERT INTO things (name) VALUES (?)", ["a"])).rejects.toMatchObject({ code: "SQLITE_CONSTRAINT_UNIQUE" });
  await expect(all("SELECT nothing FROM nowhere")).rejects.toMatchObject({ code: "SQLITE_ERROR" });
});
