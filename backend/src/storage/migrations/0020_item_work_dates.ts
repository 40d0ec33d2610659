import type { QueryInterface } from "sequelize";

// A member's timeline (workspace/timeline.ts) groups work by when it happened on the host, and
// counts the pull requests they reviewed: when an item's work happened (a PR's close, else last
// update, else creation; a work item's last change), and its reviewers' identities as
// "|email:…|<host>:<account>|" for a LIKE match (portable across SQLite and PostgreSQL).
// Plain SQL: sequelize's addColumn names PostgreSQL's "public" schema, not the one on the search path.
export async function up({ context: qi }: { context: QueryInterface }) {
  const timestamp = qi.sequelize.getDialect() === "postgres" ? "TIMESTAMP WITH TIME ZONE" : "DATETIME";
  await qi.sequelize.query(`ALTER TABLE context_items ADD COLUMN worked_at ${timestamp}`);
  await qi.sequelize.query("ALTER TABLE context_items ADD COLUMN reviewer_keys TEXT");
  await qi.sequelize.query("CREATE INDEX context_items_worked ON context_items (workspace_id, worked_at)");
  await qi.sequelize.query("CREATE INDEX context_updates_by_member ON context_updates (workspace_id, member_id, occurred_at)");
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.sequelize.query("DROP INDEX context_updates_by_member");
  await qi.sequelize.query("DROP INDEX context_items_worked");
  for (const column of ["reviewer_keys", "worked_at"]) await qi.sequelize.query(`ALTER TABLE context_items DROP COLUMN ${column}`);
}
