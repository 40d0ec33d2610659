import type { QueryInterface } from "sequelize";

/** Every list is read in keyset order (its sort column, then id): one index range per page. */
const INDEXES: [name: string, table: string, columns: string][] = [
  ["feedback_page", "feedback", "workspace_id, created_at, id"],
  ["objectives_page", "objectives", "workspace_id, created_at, id"],
  ["key_results_page", "key_results", "objective_id, created_at, id"],
  ["members_page", "members", "workspace_id, created_at, id"],
  ["invites_page", "invites", "workspace_id, created_at, id"],
  ["assessments_page", "assessments", "workspace_id, member_id, created_at, id"],
  ["one_on_ones_page", "one_on_ones", "workspace_id, created_at, id"],
  ["agenda_items_page", "agenda_items", "one_on_one_id, created_at, id"],
  ["context_items_page", "context_items", "workspace_id, created_at, id"],
  ["context_items_author", "context_items", "workspace_id, author_email_normalized"],
  ["jobs_dead_page", "jobs", "workspace_id, status, updated_at, id"],
];

export async function up({ context: qi }: { context: QueryInterface }) {
  for (const [name, table, columns] of INDEXES) await qi.sequelize.query(`CREATE INDEX ${name} ON ${table} (${columns})`);
}

export async function down({ context: qi }: { context: QueryInterface }) {
  for (const [name] of INDEXES) await qi.sequelize.query(`DROP INDEX ${name}`);
}
