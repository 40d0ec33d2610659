import type { QueryInterface } from "sequelize";

// A member's profile lists the host accounts they linked, by the name the host gave.
// Plain SQL: sequelize's addColumn names PostgreSQL's "public" schema, not the one on the search path.
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.sequelize.query("ALTER TABLE identity_links ADD COLUMN account_name VARCHAR(200)");
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.sequelize.query("ALTER TABLE identity_links DROP COLUMN account_name");
}
