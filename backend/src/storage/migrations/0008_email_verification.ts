import type { QueryInterface } from "sequelize";

// Plain SQL: sequelize's addColumn names PostgreSQL's "public" schema, not the one on the search path.
export async function up({ context: qi }: { context: QueryInterface }) {
  // When the account's owner proved they read mail at its address (a verification or reset link).
  await qi.sequelize.query(
    `ALTER TABLE users ADD COLUMN email_verified_at ${qi.sequelize.getDialect() === "postgres" ? "TIMESTAMP WITH TIME ZONE" : "DATETIME"}`,
  );
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.sequelize.query("ALTER TABLE users DROP COLUMN email_verified_at");
}
