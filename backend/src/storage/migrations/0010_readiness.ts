import { DataTypes, type QueryInterface } from "sequelize";

export async function up({ context: qi }: { context: QueryInterface }) {
  // One row /readyz writes, proving the database takes writes (a full disk, a held lock) and not just reads.
  await qi.createTable("readiness", {
    id: { type: DataTypes.INTEGER, primaryKey: true, allowNull: false },
    checked_at: { type: DataTypes.BIGINT, allowNull: false },
  });
  await qi.sequelize.query("INSERT INTO readiness (id, checked_at) VALUES (1, 0)");
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable("readiness");
}
