import type { QueryInterface } from "sequelize";

// What an import is busy with once its pull requests are in (their comments and work items), to show people.
// Plain SQL: sequelize's addColumn names PostgreSQL's "public" schema, not the one on the search path.
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.sequelize.query("ALTER TABLE history_imports ADD COLUMN stage VARCHAR(200)");
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.sequelize.query("ALTER TABLE history_imports DROP COLUMN stage");
}
