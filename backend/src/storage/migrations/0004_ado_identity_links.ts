import { DataTypes, type QueryInterface } from "sequelize";

export async function up({ context: qi }: { context: QueryInterface }) {
  // A member's Azure DevOps identity, linked by the member when its email does not match theirs.
  await qi.createTable("ado_identity_links", {
    id: { type: DataTypes.UUID, primaryKey: true, allowNull: false },
    workspace_id: { type: DataTypes.UUID, allowNull: false, references: { model: "workspaces", key: "id" }, onDelete: "CASCADE" },
    member_id: { type: DataTypes.UUID, allowNull: false, references: { model: "members", key: "id" }, onDelete: "CASCADE" },
    organization: { type: DataTypes.STRING(64), allowNull: false },
    ado_user_id: { type: DataTypes.STRING(100), allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex("ado_identity_links", ["workspace_id", "organization", "ado_user_id"], { unique: true, name: "ado_identity_links_unique" });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable("ado_identity_links");
}
