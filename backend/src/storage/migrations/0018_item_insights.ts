import type { QueryInterface } from "sequelize";

// What Groundwork draws from a linked item (workspace/insights): a PR's changed files and commits
// as the host listed them, the insight derived from them and the snapshot, and a digest of what it
// was derived from, so an unchanged redelivery derives nothing again.
// Plain SQL: sequelize's addColumn names PostgreSQL's "public" schema, not the one on the search path.
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.sequelize.query("ALTER TABLE context_items ADD COLUMN changes JSON");
  await qi.sequelize.query("ALTER TABLE context_items ADD COLUMN insight JSON");
  await qi.sequelize.query("ALTER TABLE context_items ADD COLUMN insight_source VARCHAR(64)");
}

export async function down({ context: qi }: { context: QueryInterface }) {
  for (const column of ["insight_source", "insight", "changes"]) await qi.sequelize.query(`ALTER TABLE context_items DROP COLUMN ${column}`);
}
