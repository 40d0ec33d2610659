import type { QueryInterface } from "sequelize";

// Who wrote a pull request, as the host names their account: a member's contributions count the
// ones written from an account they linked (Bitbucket shares no emails).
// Plain SQL: sequelize's addColumn names PostgreSQL's "public" schema, not the one on the search path.
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.sequelize.query("ALTER TABLE context_items ADD COLUMN author_account VARCHAR(200)");
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.sequelize.query("ALTER TABLE context_items DROP COLUMN author_account");
}
