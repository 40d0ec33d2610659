import type { QueryInterface } from "sequelize";

// Plain SQL: sequelize's addColumn names PostgreSQL's "public" schema, not the one on the search path.
export async function up({ context: qi }: { context: QueryInterface }) {
  // How many times a host's Retry-After postponed the job without spending an attempt: bounded, so a host that never stops throttling cannot keep a job forever.
  await qi.sequelize.query("ALTER TABLE jobs ADD COLUMN throttles INTEGER NOT NULL DEFAULT 0");
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.sequelize.query("ALTER TABLE jobs DROP COLUMN throttles");
}
