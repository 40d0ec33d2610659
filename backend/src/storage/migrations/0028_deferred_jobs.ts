import type { QueryInterface } from "sequelize";

// Jobs nobody waits on (insights) are claimed after the others that are due: the claim's index
// leads with that order, so a claim still stops at its LIMIT.
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.sequelize.query("ALTER TABLE jobs ADD COLUMN deferred SMALLINT NOT NULL DEFAULT 0");
  await qi.sequelize.query("DROP INDEX jobs_claimable");
  await qi.sequelize.query("CREATE INDEX jobs_claimable ON jobs (deferred, run_at, id) WHERE status IN ('queued', 'running')");
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.sequelize.query("DROP INDEX jobs_claimable");
  await qi.sequelize.query("CREATE INDEX jobs_claimable ON jobs (run_at, id) WHERE status IN ('queued', 'running')");
  await qi.sequelize.query("ALTER TABLE jobs DROP COLUMN deferred");
}
