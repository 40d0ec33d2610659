import { DataTypes, type QueryInterface } from "sequelize";

export async function up({ context: qi }: { context: QueryInterface }) {
  // The nonce of the one bind code the configure page last issued: a code binds once, and a newer code voids older ones.
  await qi.addColumn("bitbucket_installations", "bind_nonce", { type: DataTypes.STRING(64), allowNull: true });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeColumn("bitbucket_installations", "bind_nonce");
}
