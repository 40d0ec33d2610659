import { DataTypes, type QueryInterface } from "sequelize";

export async function up({ context: qi }: { context: QueryInterface }) {
  // A Connect app installation in a Bitbucket workspace; bound to a Groundwork workspace by its owner.
  await qi.createTable("bitbucket_installations", {
    id: { type: DataTypes.UUID, primaryKey: true, allowNull: false },
    client_key: { type: DataTypes.STRING(255), allowNull: false, unique: true },
    // Sealed (AES-256-GCM); null once uninstalled.
    shared_secret_sealed: { type: DataTypes.TEXT, allowNull: true },
    base_url: { type: DataTypes.STRING(255), allowNull: false },
    principal_uuid: { type: DataTypes.STRING(64), allowNull: false },
    principal_name: { type: DataTypes.STRING(255), allowNull: true },
    status: { type: DataTypes.STRING(32), allowNull: false },
    workspace_id: { type: DataTypes.UUID, allowNull: true, references: { model: "workspaces", key: "id" }, onDelete: "SET NULL" },
    last_error: { type: DataTypes.TEXT, allowNull: true },
    last_delivery_at: { type: DataTypes.DATE, allowNull: true },
    created_at: { type: DataTypes.DATE, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex("bitbucket_installations", ["workspace_id"], { name: "bitbucket_installations_workspace" });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable("bitbucket_installations");
}
