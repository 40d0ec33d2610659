import type { QueryInterface } from "sequelize";

// Plain SQL: sequelize's addColumn names PostgreSQL's "public" schema, not the one on the search path.
export async function up({ context: qi }: { context: QueryInterface }) {
  // One host's work for one workspace: limited in concurrency, so a hanging host cannot take every worker slot.
  await qi.sequelize.query("ALTER TABLE jobs ADD COLUMN lane VARCHAR(200)");
  // A lane whose host is throttling or down waits as one: nothing is claimed before `until`, then one probe.
  await qi.sequelize.query("CREATE TABLE lane_holds (lane VARCHAR(200) PRIMARY KEY, until BIGINT NOT NULL, failures INTEGER NOT NULL)");
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.sequelize.query("DROP TABLE lane_holds");
  await qi.sequelize.query("ALTER TABLE jobs DROP COLUMN lane");
}
