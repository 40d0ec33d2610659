import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { QueryTypes } from "sequelize";
import { afterAll, expect, it, vi } from "vitest";
import { until } from "../testing/until.js";
import { startCheckpointer } from "./checkpointer.js";
import { openDatabase } from "./database.js";

const root = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-checkpoint-"));
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

it("copies the log back into the database file on a thread of its own, not on the connection that wrote it", async () => {
  const file = path.join(root, "moved.db");
  const db = await openDatabase({ dialect: "sqlite", storage: file });
  await db.query("CREATE TABLE t (x TEXT)");
  const before = fs.statSync(file).size;
  // 100 rows of 4 KB: a fraction of SQLite's default threshold (1,000 pages), which the writer's own connection would wait for.
  for (let i = 0; i < 100; i++) await db.query("INSERT INTO t VALUES (:x)", { replacements: { x: "x".repeat(4_000) } });
  expect(fs.statSync(`${file}-wal`).size).toBeGreaterThan(400_000);
  await until("the checkpointer copied the log into the file", async () => fs.statSync(file).size >= before + 400_000, 3_000);
  expect(await db.query("PRAGMA wal_autocheckpoint", { type: QueryTypes.SELECT })).toEqual([{ wal_autocheckpoint: 10_000 }]);
  await db.close();
  // The thread's connection closed first: the last one folds the log in and removes it.
  expect(fs.existsSync(`${file}-wal`)).toBe(false);
});

it("reports a checkpointer that cannot open the database, and stopping it is a no-op", async () => {
  const onError = vi.fn();
  const checkpointer = await startCheckpointer(path.join(root, "missing", "none.db"), onError);
  expect(onError).toHaveBeenCalledWith(expect.objectContaining({ message: expect.stringMatching(/unable to open|directory does not exist/) }));
  await checkpointer.stop();
});
