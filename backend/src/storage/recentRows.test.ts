import { afterAll, beforeAll, expect, test } from "vitest";
import { testDatabase } from "../testing/testDatabase.js";
import { openStorage, type Storage } from "./index.js";
import { WorkspaceRow } from "./models.js";
import { RecentRows } from "./recentRows.js";

const db = testDatabase();
let storage: Storage;
let clock = 0;
const recent = (max = 100) => new RecentRows(WorkspaceRow, "id", { ttlMs: 5_000, max, now: () => clock });
/** A write as another replica makes it: straight to the database, past this process's models. */
const renameElsewhere = (id: string, name: string) => storage.sequelize.query("UPDATE workspaces SET name = ? WHERE id = ?", { replacements: [name, id] });

beforeAll(async () => {
  storage = await openStorage(db.database);
});
afterAll(async () => {
  await storage.close();
  await db.drop();
});

test("another replica's change is seen once the TTL has passed, not before", async () => {
  const rows = recent();
  const { id } = await WorkspaceRow.create({ name: "Before" });
  expect((await rows.find(id))!.name).toBe("Before");
  await renameElsewhere(id, "After");
  clock += 4_999;
  expect((await rows.find(id))!.name).toBe("Before");
  clock += 1;
  expect((await rows.find(id))!.name).toBe("After");
});

test("a write through this process is seen at once: save, destroy, bulk update, and a committed transaction", async () => {
  const rows = recent();
  const row = await WorkspaceRow.create({ name: "One" });
  await rows.find(row.id);
  await row.update({ name: "Two" });
  expect((await rows.find(row.id))!.name).toBe("Two");

  await WorkspaceRow.update({ name: "Three" }, { where: { id: row.id } });
  expect((await rows.find(row.id))!.name).toBe("Three");

  await storage.sequelize.transaction(async (transaction) => {
    await (await WorkspaceRow.findByPk(row.id, { transaction }))!.update({ name: "Four" }, { transaction });
  });
  expect((await rows.find(row.id))!.name).toBe("Four");

  await row.destroy();
  expect(await rows.find(row.id)).toBeNull();
});

test("an unknown key is not kept: a row created after a miss is found at once", async () => {
  const rows = recent();
  const id = "7d4f6f1e-9a9b-4c61-8d1a-6f3f0b6a0c11";
  expect(await rows.find(id)).toBeNull();
  await WorkspaceRow.create({ id, name: "Late" });
  expect((await rows.find(id))!.name).toBe("Late");
});

test("each caller gets an instance of its own, and can save it", async () => {
  const rows = recent();
  const { id } = await WorkspaceRow.create({ name: "Shared" });
  const first = (await rows.find(id))!;
  first.name = "Changed in memory only";
  expect((await rows.find(id))!.name).toBe("Shared");

  await (await rows.find(id))!.update({ name: "Saved from a kept row" });
  expect((await WorkspaceRow.findByPk(id))!.name).toBe("Saved from a kept row");
  expect((await rows.find(id))!.name).toBe("Saved from a kept row");
});

test("it keeps at most `max` rows, the oldest going first", async () => {
  const rows = recent(1);
  const a = await WorkspaceRow.create({ name: "A" });
  const b = await WorkspaceRow.create({ name: "B" });
  await rows.find(a.id);
  await rows.find(b.id);
  await renameElsewhere(a.id, "A, renamed");
  await renameElsewhere(b.id, "B, renamed");
  expect((await rows.find(a.id))!.name).toBe("A, renamed");
  expect((await rows.find(a.id))!.name).toBe("A, renamed");
});

test("peek shares the kept values, frozen, and sees writes as find does", async () => {
  const rows = recent();
  const { id } = await WorkspaceRow.create({ name: "Peeked" });
  const values = (await rows.peek(id))!;
  expect(values.name).toBe("Peeked");
  expect(() => ((values as { name: string }).name = "Changed")).toThrow(TypeError);
  expect(await rows.peek(id)).toBe(values);
  expect((await rows.find(id))!.name).toBe("Peeked");
  await WorkspaceRow.update({ name: "Renamed" }, { where: { id } });
  expect((await rows.peek(id))!.name).toBe("Renamed");
  expect(await rows.peek("7d4f6f1e-9a9b-4c61-8d1a-6f3f0b6a0c12")).toBeNull();
});
