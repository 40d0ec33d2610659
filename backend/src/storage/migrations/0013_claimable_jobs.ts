import type { QueryInterface } from "sequelize";
import { dialectOf } from "../database.js";

// Every delivery is a job that goes queued → running → done, and on PostgreSQL each step leaves
// index entries behind until VACUUM: after a burst of 20,000 deliveries, a claim read 22,500
// dead entries of jobs_claim (all of history) and took 114 ms, so the worker drained ~35 jobs/s.
export async function up({ context: qi }: { context: QueryInterface }) {
  // Claims read only what may still run, in the order they take it (run_at, id), and stop at their LIMIT.
  await qi.sequelize.query("CREATE INDEX jobs_claimable ON jobs (run_at, id) WHERE status IN ('queued', 'running')");
  // A queue table churns: vacuum and analyse it every few thousand changes, not at 20% of its size.
  if (dialectOf(qi.sequelize) === "postgres")
    await qi.sequelize.query(
      "ALTER TABLE jobs SET (autovacuum_vacuum_scale_factor = 0, autovacuum_vacuum_threshold = 2000, autovacuum_analyze_scale_factor = 0, autovacuum_analyze_threshold = 2000)",
    );
}

export async function down({ context: qi }: { context: QueryInterface }) {
  if (dialectOf(qi.sequelize) === "postgres")
    await qi.sequelize.query(
      "ALTER TABLE jobs RESET (autovacuum_vacuum_scale_factor, autovacuum_vacuum_threshold, autovacuum_analyze_scale_factor, autovacuum_analyze_threshold)",
    );
  await qi.sequelize.query("DROP INDEX jobs_claimable");
}
