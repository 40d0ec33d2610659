import { DataTypes, type QueryInterface } from "sequelize";

export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable("ado_connections", {
    id: { type: DataTypes.UUID, primaryKey: true, allowNull: false },
    // One Azure DevOps organisation per workspace.
    workspace_id: { type: DataTypes.UUID, allowNull: false, unique: true, references: { model: "workspaces", key: "id" }, onDelete: "CASCADE" },
    organization: { type: DataTypes.STRING(64), allowNull: false },
    name: { type: DataTypes.STRING(120), allowNull: false },
    pat_sealed: { type: DataTypes.TEXT, allowNull: false },
    webhook_secret_hash: { type: DataTypes.STRING(64), allowNull: false },
    services: { type: DataTypes.JSON, allowNull: false },
    repositories: { type: DataTypes.JSON, allowNull: false },
    status: { type: DataTypes.STRING(32), allowNull: false },
    last_error: { type: DataTypes.TEXT, allowNull: true },
    last_delivery_at: { type: DataTypes.DATE, allowNull: true },
    created_by: { type: DataTypes.UUID, allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex("ado_connections", ["organization"], { name: "ado_connections_org" });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable("ado_connections");
}
