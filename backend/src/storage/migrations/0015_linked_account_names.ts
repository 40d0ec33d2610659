import { DataTypes, type QueryInterface } from "sequelize";

// A member's profile lists the host accounts they linked, by the name the host gave.
export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.addColumn("identity_links", "account_name", { type: DataTypes.STRING(200), allowNull: true });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.removeColumn("identity_links", "account_name");
}
