import type { QueryInterface } from "sequelize";

// The web UI asks every few seconds whether a host changed any of the workspace's items
// (GET /api/live): two index lookups instead of re-reading every list it shows.
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.addIndex("context_items", ["workspace_id", "updated_at"], { name: "context_items_changed" });
  await qi.addIndex("context_updates", ["workspace_id", "updated_at"], { name: "context_updates_changed" });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeIndex("context_items", "context_items_changed");
  await qi.removeIndex("context_updates", "context_updates_changed");
}
