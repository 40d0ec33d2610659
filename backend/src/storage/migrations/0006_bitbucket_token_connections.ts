import { DataTypes, type QueryInterface } from "sequelize";

export async function up({ context: qi }: { context: QueryInterface }) {
  // A Bitbucket workspace connected with an access token instead of the Connect app: one per Groundwork workspace.
  await qi.createTable("bitbucket_token_connections", {
    id: { type: DataTypes.UUID, primaryKey: true, allowNull: false },
    workspace_id: { type: DataTypes.UUID, allowNull: false, unique: true, references: { model: "workspaces", key: "id" }, onDelete: "CASCADE" },
    bitbucket_workspace: { type: DataTypes.STRING(100), allowNull: false },
    workspace_uuid: { type: DataTypes.STRING(64), allowNull: true },
    // Both sealed (AES-256-GCM): the token to call Bitbucket, the secret Bitbucket signs deliveries with.
    token_sealed: { type: DataTypes.TEXT, allowNull: false },
    webhook_secret_sealed: { type: DataTypes.TEXT, allowNull: false },
    repositories: { type: DataTypes.JSON, allowNull: false },
    status: { type: DataTypes.STRING(32), allowNull: false },
    last_error: { type: DataTypes.TEXT, allowNull: true },
    last_delivery_at: { type: DataTypes.DATE, allowNull: true },
    created_by: { type: DataTypes.UUID, allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable("bitbucket_token_connections");
}
