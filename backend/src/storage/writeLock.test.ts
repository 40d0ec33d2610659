import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { DataTypes, Model, Op, type Sequelize } from "sequelize";
import { openDatabase } from "./database.js";
import { inBackground, limitBackground } from "./writeLock.js";

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
  expect(await Thing.count({ where: { key: { [Op.or]: [{ [Op.like]: "found-%" }, { [Op.like]: "made-%" }] } } })).toBe(20 + 5);
});

it("gives a request's write its turn before the worker's writes that were already waiting", async () => {
  const order: string[] = [];
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  // The worker holds the lock, and two more of its writes wait behind it.
  const holder = inBackground(() =>
    sequelize.transaction(async (transaction) => {
      await Thing.create({ key: "job-holding" }, { transaction });
      await held;
      order.push("job-holding");
    }),
  );
  const jobs = [1, 2].map((n) => inBackground(() => Thing.create({ key: `job-${n}` }).then(() => order.push(`job-${n}`))));
  await new Promise((r) => setTimeout(r, 20));
  // Then a request (an acknowledgement) wants to write.
  const request = sequelize
    .transaction(async (transaction) => {
      await Thing.create({ key: "request" }, { transaction });
    })
    .then(() => order.push("request"));
  await new Promise((r) => setTimeout(r, 20));
  release();
  await Promise.all([holder, ...jobs, request]);
  expect(order).toEqual(["job-holding", "request", "job-1", "job-2"]);
});

it("gives deferred work's writes (insights) their turn after the worker's other writes, yet one in eight while those keep coming", async () => {
  const order: string[] = [];
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  const holder = inBackground(() =>
    sequelize.transaction(async (transaction) => {
      await Thing.create({ key: "lane-holding" }, { transaction });
      await held;
    }),
  );
  const write = (key: string, deferred: boolean) => inBackground(() => Thing.create({ key }).then(() => order.push(key)), deferred);
  const writes = [write("insight-1", true), write("insight-2", true), ...Array.from({ length: 10 }, (_, i) => write(`delivery-${i + 1}`, false))];
  await new Promise((r) => setTimeout(r, 20));
  release();
  await Promise.all([holder, ...writes]);
  expect(order).toEqual([...Array.from({ length: 8 }, (_, i) => `delivery-${i + 1}`), "insight-1", "delivery-9", "delivery-10", "insight-2"]);
});

it("keeps the turn order of the worker's writes among themselves, and a failed write passes the turn on", async () => {
  const order: string[] = [];
  const writes = [1, 2, 3].map((n) =>
    inBackground(() =>
      sequelize.transaction(async (transaction) => {
        await Thing.create({ key: `ordered-${n}` }, { transaction });
        order.push(`ordered-${n}`);
        if (n === 2) throw new Error("the job failed");
      }),
    ),
  );
  const results = await Promise.allSettled(writes);
  expect(results.map((r) => r.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
  expect(order).toEqual(["ordered-1", "ordered-2", "ordered-3"]);
  expect(await Thing.count({ where: { key: "ordered-2" } })).toBe(0);
});

/** Keeps the event loop as busy as a burst of requests does: a 5 ms task after every turn of I/O. */
function busyLoop() {
  let busy = true;
  const spin = () => {
    const until = performance.now() + 5;
    while (performance.now() < until);
    if (busy) setImmediate(spin);
  };
  setImmediate(spin);
  return () => (busy = false);
}

it("holds the write lock for as long as SQLite takes, not until a busy event loop gets back to each statement", async () => {
  const stop = busyLoop();
  try {
    let held = 0;
    await sequelize.transaction(async (transaction) => {
      const began = performance.now();
      // A delivery's effects: reads and writes of a few rows, then the job marked done.
      for (let i = 0; i < 8; i++) await (i % 2 ? Thing.count({ transaction }) : Thing.create({ key: `effect-${i}` }, { transaction }));
      held = performance.now() - began;
    });
    // Waiting for the loop between statements took 8 × 5 ms and more.
    expect(held).toBeLessThan(20);
  } finally {
    stop();
  }
});

it("lets pending I/O in between the turns of a loop of writes", async () => {
  let timerFired = false;
  setTimeout(() => (timerFired = true), 0);
  let writesBefore = -1;
  for (let i = 0; i < 200; i++) {
    if (timerFired && writesBefore < 0) writesBefore = i;
    await Thing.create({ key: `loop-${i}` });
  }
  // A request's data (here a timer) waits for one write at most, not for the whole loop.
  expect(writesBefore).toBeGreaterThanOrEqual(0);
  expect(writesBefore).toBeLessThan(5);
});

/** A database whose statements take `ms` each, counting how many are in progress at once and in which order they began. */
function stubDatabase(ms: number) {
  const seen = { now: 0, most: 0, began: [] as string[] };
  const statement = async (sql: string) => {
    seen.began.push(sql);
    seen.most = Math.max(seen.most, ++seen.now);
    await new Promise((r) => setTimeout(r, ms));
    seen.now--;
    if (sql === "fails") throw new Error("statement failed");
  };
  const db = {
    query: (sql: string, _options?: { transaction?: unknown }) => statement(sql),
    transaction: async (work: (tx: object) => Promise<unknown>) => {
      await statement("BEGIN");
      return work({});
    },
  };
  return { db, seen, sequelize: db as unknown as Sequelize };
}

it("runs the worker's statements a few at a time, in the order asked, and a request's at once", async () => {
  const { sequelize, seen } = stubDatabase(20);
  limitBackground(sequelize, 3);
  const jobs = Array.from({ length: 12 }, (_, i) => inBackground(() => sequelize.query(`job ${i}`)));
  const deferred = Array.from({ length: 3 }, (_, i) => inBackground(() => sequelize.query(`insight ${i}`), true));
  await new Promise((r) => setTimeout(r, 5));
  const asked = performance.now();
  await sequelize.query("request");
  // The request did not wait for the 15 background statements (5 rounds of 20 ms).
  expect(performance.now() - asked).toBeLessThan(60);
  await Promise.all([...jobs, ...deferred]);
  expect(seen.most).toBe(3 + 1);
  expect(seen.began.filter((s) => s !== "request")).toEqual([...Array.from({ length: 12 }, (_, i) => `job ${i}`), "insight 0", "insight 1", "insight 2"]);
});

it("lets statements inside the worker's own transaction through with every slot taken, and a failure frees its slot", async () => {
  const { sequelize, seen } = stubDatabase(5);
  limitBackground(sequelize, 1);
  const tx = inBackground(() =>
    sequelize.transaction(async (transaction) => {
      // Outside the transaction's connection, and inside it: neither may wait for the slot the transaction holds.
      await sequelize.query("read elsewhere");
      await sequelize.query("write", { transaction });
      return "done";
    }),
  );
  const failing = inBackground(() => sequelize.query("fails"));
  const after = inBackground(() => sequelize.query("after the failure"));
  expect(await tx).toBe("done");
  await expect(failing).rejects.toThrow("statement failed");
  await after;
  expect(seen.most).toBe(1);
  expect(seen.began).toEqual(["BEGIN", "read elsewhere", "write", "fails", "after the failure"]);
});
