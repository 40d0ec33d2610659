import { DataTypes, type QueryInterface } from "sequelize";

export async function up({ context: qi }: { context: QueryInterface }) {
  // A host account a member linked to themselves, for hosts that do not tell us their email
  // (Bitbucket) or where it differs from the one they use here. `scope` is the ADO organisation
  // or the Bitbucket workspace uuid the account id belongs to.
  await qi.createTable("identity_links", {
    id: { type: DataTypes.UUID, primaryKey: true, allowNull: false },
    workspace_id: { type: DataTypes.UUID, allowNull: false, references: { model: "workspaces", key: "id" }, onDelete: "CASCADE" },
    member_id: { type: DataTypes.UUID, allowNull: false, references: { model: "members", key: "id" }, onDelete: "CASCADE" },
    host: { type: DataTypes.STRING(16), allowNull: false },
    scope: { type: DataTypes.STRING(100), allowNull: false },
    external_user_id: { type: DataTypes.STRING(100), allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex("identity_links", ["workspace_id", "host", "scope", "external_user_id"], { unique: true, name: "identity_links_unique" });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.dropTable("identity_links");
}
