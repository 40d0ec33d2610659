import type { QueryInterface } from "sequelize";

// The owners' delivery history reads a workspace's jobs newest first, a page at a time: one index
// range per page instead of sorting every job the workspace has had in 30 days.
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.sequelize.query("CREATE INDEX jobs_history_page ON jobs (workspace_id, created_at, id)");
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.sequelize.query("DROP INDEX jobs_history_page");
}
