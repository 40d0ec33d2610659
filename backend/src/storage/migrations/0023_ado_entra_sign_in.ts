import type { QueryInterface } from "sequelize";

// Connecting Azure DevOps by signing in with Microsoft Entra ID: a connection's sealed credential
// is a PAT or Entra tokens (credential_kind says which), and a sign-in's tokens wait in
// ado_entra_sign_ins until the owner chooses an organisation.
// Plain SQL: sequelize's helpers name PostgreSQL's "public" schema, not the one on the search path.
export async function up({ context: qi }: { context: QueryInterface }) {
  const timestamp = qi.sequelize.getDialect() === "postgres" ? "TIMESTAMP WITH TIME ZONE" : "DATETIME";
  await qi.sequelize.query("ALTER TABLE ado_connections RENAME COLUMN pat_sealed TO credential_sealed");
  await qi.sequelize.query("ALTER TABLE ado_connections ADD COLUMN credential_kind VARCHAR(16) NOT NULL DEFAULT 'pat'");
  await qi.sequelize.query("ALTER TABLE ado_connections ADD COLUMN signed_in_as VARCHAR(300)");
  await qi.sequelize.query(`CREATE TABLE ado_entra_sign_ins (
    id UUID PRIMARY KEY,
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    member_id UUID NOT NULL,
    tokens_sealed TEXT NOT NULL,
    account VARCHAR(300) NOT NULL,
    profile_id VARCHAR(100) NOT NULL,
    sandbox BOOLEAN NOT NULL,
    expires_at ${timestamp} NOT NULL,
    created_at ${timestamp} NOT NULL
  )`);
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.sequelize.query("DROP TABLE ado_entra_sign_ins");
  await qi.sequelize.query("ALTER TABLE ado_connections DROP COLUMN signed_in_as");
  await qi.sequelize.query("ALTER TABLE ado_connections DROP COLUMN credential_kind");
  await qi.sequelize.query("ALTER TABLE ado_connections RENAME COLUMN credential_sealed TO pat_sealed");
}
