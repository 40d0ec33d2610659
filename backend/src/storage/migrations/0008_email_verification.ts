import { DataTypes, type QueryInterface } from "sequelize";

export async function up({ context: qi }: { context: QueryInterface }) {
  // When the account's owner proved they read mail at its address (a verification or reset link).
  await qi.addColumn("users", "email_verified_at", { type: DataTypes.DATE, allowNull: true });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeColumn("users", "email_verified_at");
}
