import type { QueryInterface } from "sequelize";

// Installations of the Forge app live beside the Connect app's: the same binding, jobs and
// statuses. A Forge installation is keyed by its installation id (in client_key) and calls
// Bitbucket with the app system token Forge sends on every call (sealed, with when it lapses).
export async function up({ context: qi }: { context: QueryInterface }) {
  const pg = qi.sequelize.getDialect() === "postgres";
  await qi.sequelize.query("ALTER TABLE bitbucket_installations ADD COLUMN kind VARCHAR(16) NOT NULL DEFAULT 'connect'");
  await qi.sequelize.query("ALTER TABLE bitbucket_installations ADD COLUMN system_token_sealed TEXT");
  await qi.sequelize.query(`ALTER TABLE bitbucket_installations ADD COLUMN system_token_expires_at ${pg ? "TIMESTAMP WITH TIME ZONE" : "DATETIME"}`);
}

export async function down({ context: qi }: { context: QueryInterface }) {
  for (const column of ["system_token_expires_at", "system_token_sealed", "kind"])
    await qi.sequelize.query(`ALTER TABLE bitbucket_installations DROP COLUMN ${column}`);
}
