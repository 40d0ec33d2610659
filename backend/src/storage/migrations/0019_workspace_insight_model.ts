import type { QueryInterface } from "sequelize";

// Whether a workspace's insights may be drawn by the operator's language model: off until an
// owner turns it on, since it sends pull requests' content to that model.
// Plain SQL: sequelize's addColumn names PostgreSQL's "public" schema, not the one on the search path.
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.sequelize.query("ALTER TABLE workspaces ADD COLUMN insights_use_model BOOLEAN NOT NULL DEFAULT FALSE");
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.sequelize.query("ALTER TABLE workspaces DROP COLUMN insights_use_model");
}
