import { DataTypes, type QueryInterface } from "sequelize";

export async function up({ context: qi }: { context: QueryInterface }) {
  // Activity on a linked host item by a member (a PR or work item comment), shown wherever it is linked.
  await qi.createTable("context_updates", {
    id: { type: DataTypes.UUID, primaryKey: true, allowNull: false },
    workspace_id: { type: DataTypes.UUID, allowNull: false, references: { model: "workspaces", key: "id" }, onDelete: "CASCADE" },
    context_item_id: { type: DataTypes.UUID, allowNull: false, references: { model: "context_items", key: "id" }, onDelete: "CASCADE" },
    kind: { type: DataTypes.STRING(32), allowNull: false },
    // The host's identity of the activity (e.g. a comment id), so a redelivery or edit updates one row.
    external_id: { type: DataTypes.STRING(200), allowNull: false },
    member_id: { type: DataTypes.UUID, allowNull: false, references: { model: "members", key: "id" }, onDelete: "CASCADE" },
    author_name: { type: DataTypes.STRING(200), allowNull: false },
    body: { type: DataTypes.TEXT, allowNull: false },
    url: { type: DataTypes.STRING(2000), allowNull: true },
    occurred_at: { type: DataTypes.DATE, allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
    updated_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex("context_updates", ["context_item_id", "external_id"], { unique: true, name: "context_updates_unique" });

  // The webhook secret sealed (beside its hash) so Groundwork can create service hooks with it,
  // and the subscriptions it created, so disconnecting can delete them.
  // Plain SQL: sequelize's addColumn names the table "public." on Postgres, ignoring the search_path schema.
  await qi.sequelize.query("ALTER TABLE ado_connections ADD COLUMN webhook_secret_sealed TEXT");
  await qi.sequelize.query("ALTER TABLE ado_connections ADD COLUMN hook_subscriptions JSON");
}

export async function down({ context: qi }: { context: QueryInterface }) {
  await qi.sequelize.query("ALTER TABLE ado_connections DROP COLUMN hook_subscriptions");
  await qi.sequelize.query("ALTER TABLE ado_connections DROP COLUMN webhook_secret_sealed");
  await qi.dropTable("context_updates");
}
