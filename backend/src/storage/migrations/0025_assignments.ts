import type { QueryInterface } from "sequelize";

// Growth assignments: a stretch piece of work agreed with a member, numbered per workspace (GW-1, GW-2…),
// tied to a competency or a key result and to a followed repository where its work starts (`work`:
// what Start work made there, or is making).
// Plain SQL: sequelize's createTable names PostgreSQL's "public" schema, not the one on the search path.
export async function up({ context: qi }: { context: QueryInterface }) {
  const pg = qi.sequelize.getDialect() === "postgres";
  const timestamp = pg ? "TIMESTAMP WITH TIME ZONE" : "DATETIME";
  await qi.sequelize.query(`CREATE TABLE assignments (
    id UUID PRIMARY KEY,
    workspace_id UUID NOT NULL REFERENCES workspaces (id) ON DELETE CASCADE,
    number INTEGER NOT NULL,
    title VARCHAR(200) NOT NULL,
    description TEXT,
    acceptance_criteria JSON NOT NULL,
    member_id UUID NOT NULL REFERENCES members (id) ON DELETE CASCADE,
    mentor_id UUID REFERENCES members (id) ON DELETE SET NULL,
    competency_id UUID REFERENCES competencies (id) ON DELETE SET NULL,
    competency_level INTEGER,
    key_result_id UUID REFERENCES key_results (id) ON DELETE SET NULL,
    repository JSON,
    status VARCHAR(16) NOT NULL,
    work JSON,
    pull_request_key VARCHAR(600),
    created_by UUID NOT NULL,
    created_at ${timestamp} NOT NULL,
    updated_at ${timestamp} NOT NULL
  )`);
  await qi.sequelize.query("CREATE UNIQUE INDEX assignments_number ON assignments (workspace_id, number)");
  await qi.sequelize.query("CREATE INDEX assignments_member ON assignments (workspace_id, member_id, created_at)");
  // A pull request's events find the assignment whose work it is.
  await qi.sequelize.query("CREATE INDEX assignments_pull_request ON assignments (workspace_id, pull_request_key)");
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.sequelize.query("DROP TABLE assignments");
}
