import type { QueryInterface } from "sequelize";

// When a 1:1 was last held: its "since last time" section lists the member's work since then.
// Plain SQL: sequelize's addColumn names PostgreSQL's "public" schema, not the one on the search path.
export async function up({ context: qi }: { context: QueryInterface }) {
  const timestamp = qi.sequelize.getDialect() === "postgres" ? "TIMESTAMP WITH TIME ZONE" : "DATETIME";
  await qi.sequelize.query(`ALTER TABLE one_on_ones ADD COLUMN last_held_at ${timestamp}`);
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.sequelize.query("ALTER TABLE one_on_ones DROP COLUMN last_held_at");
}
