import type { QueryInterface } from "sequelize";

// History imports: one row per repository of a connection, with the cursor its next page starts
// from (`page` counts pages done: a job for any other page is a leftover and does nothing).
// Plain SQL: sequelize's createTable names PostgreSQL's "public" schema, not the one on the search path.
export async function up({ context: qi }: { context: QueryInterface }) {
  const pg = qi.sequelize.getDialect() === "postgres";
  const timestamp = pg ? "TIMESTAMP WITH TIME ZONE" : "DATETIME";
  await qi.sequelize.query(`CREATE TABLE history_imports (
    id UUID PRIMARY KEY,
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    host VARCHAR(32) NOT NULL,
    connection_id VARCHAR(100) NOT NULL,
    repository VARCHAR(300) NOT NULL,
    item_key_prefix VARCHAR(600) NOT NULL,
    status VARCHAR(16) NOT NULL,
    since ${timestamp} NOT NULL,
    until ${timestamp},
    cursor TEXT,
    page INTEGER NOT NULL DEFAULT 0,
    imported INTEGER NOT NULL DEFAULT 0,
    total INTEGER,
    requests INTEGER NOT NULL DEFAULT 0,
    waiting_until ${timestamp},
    error TEXT,
    summary JSON,
    started_at ${timestamp},
    finished_at ${timestamp},
    created_by UUID,
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL
  )`);
  await qi.sequelize.query("CREATE UNIQUE INDEX history_imports_repository ON history_imports (workspace_id, host, connection_id, repository)");
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.sequelize.query("DROP TABLE history_imports");
}
