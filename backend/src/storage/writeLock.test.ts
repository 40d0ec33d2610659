import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DataTypes, Model, type Sequelize } from "sequelize";
import { openDatabase } from "./database.js";

/**
 * SQLite's writers take turns in the process, on one handle. sequelize's findOrCreate opens a
 * transaction of its own and commits it later (an unmanaged one): its turn lasts until then, or
 * another transaction begins on the same handle in the middle of it.
 */
class Thing extends Model {
  declare key: string;
}
let sequelize: Sequelize;
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-write-lock-"));

beforeAll(async () => {
  sequelize = await openDatabase({ dialect: "sqlite", storage: path.join(dir, "lock.db") });
  Thing.init({ key: { type: DataTypes.STRING, unique: true } }, { sequelize, tableName: "things" });
  await Thing.sync();
});
afterAll(async () => {
  await sequelize?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

it("lets findOrCreate's own transactions and managed ones interleave without meeting on the shared handle", async () => {
  const results = await Promise.allSettled(
    Array.from({ length: 40 }, (_, i) =>
      i % 2
        ? Thing.findOrCreate({ where: { key: `found-${i % 10}` } })
        : sequelize.transaction(async (transaction) => {
            await Thing.create({ key: `made-${i}` }, { transaction });
            await Thing.count({ transaction });
          }),
    ),
  );
  expect(results.filter((r) => r.status === "rejected").map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
  expect(await Thing.count()).toBe(20 + 5);
});
