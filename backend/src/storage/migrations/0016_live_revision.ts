import type { QueryInterface } from "sequelize";

// The web UI asks every few seconds whether a host changed any of the workspace's items
// (GET /api/live): two index lookups instead of re-reading every list it shows.
// Plain SQL: sequelize's addIndex names PostgreSQL's "public" schema, not the one on the search path.
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.sequelize.query("CREATE INDEX context_items_changed ON context_items (workspace_id, updated_at)");
  await qi.sequelize.query("CREATE INDEX context_updates_changed ON context_updates (workspace_id, updated_at)");
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.sequelize.query("DROP INDEX context_items_changed");
  await qi.sequelize.query("DROP INDEX context_updates_changed");
}
