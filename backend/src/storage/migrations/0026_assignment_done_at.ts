import type { QueryInterface } from "sequelize";

// When an assignment was done (set as it becomes done, from Groundwork or from its merged pull
// request; cleared if it is reopened): its place in the member's timeline and 1:1s.
export async function up({ context: qi }: { context: QueryInterface }) {
  const pg = qi.sequelize.getDialect() === "postgres";
  await qi.sequelize.query(`ALTER TABLE assignments ADD COLUMN done_at ${pg ? "TIMESTAMP WITH TIME ZONE" : "DATETIME"}`);
  await qi.sequelize.query("UPDATE assignments SET done_at = updated_at WHERE status = 'done'");
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.sequelize.query("ALTER TABLE assignments DROP COLUMN done_at");
}
