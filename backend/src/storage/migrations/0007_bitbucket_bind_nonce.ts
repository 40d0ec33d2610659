import type { QueryInterface } from "sequelize";

// Plain SQL: sequelize's addColumn names PostgreSQL's "public" schema, not the one on the search path.
export async function up({ context: qi }: { context: QueryInterface }) {
  // The nonce of the one bind code the configure page last issued: a code binds once, and a newer code voids older ones.
  await qi.sequelize.query("ALTER TABLE bitbucket_installations ADD COLUMN bind_nonce VARCHAR(64)");
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.sequelize.query("ALTER TABLE bitbucket_installations DROP COLUMN bind_nonce");
}
