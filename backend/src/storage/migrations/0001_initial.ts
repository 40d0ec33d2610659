import { DataTypes, type QueryInterface } from "sequelize";

const id = { type: DataTypes.UUID, primaryKey: true, allowNull: false };
const ref = (table: string, onDelete: "CASCADE" | "RESTRICT" = "CASCADE") => ({
  type: DataTypes.UUID,
  allowNull: false,
  references: { model: table, key: "id" },
  onDelete,
});
const stamps = {
  created_at: { type: DataTypes.DATE, allowNull: false },
  updated_at: { type: DataTypes.DATE, allowNull: false },
};

export async function up({ context: qi }: { context: QueryInterface }) {
  await qi.createTable("workspaces", { id, name: { type: DataTypes.STRING(120), allowNull: false }, ...stamps });

  await qi.createTable("users", {
    id,
    email: { type: DataTypes.STRING(254), allowNull: false },
    email_normalized: { type: DataTypes.STRING(254), allowNull: false, unique: true },
    name: { type: DataTypes.STRING(120), allowNull: false },
    password_hash: { type: DataTypes.STRING(255), allowNull: false },
    ...stamps,
  });

  await qi.createTable("members", {
    id,
    workspace_id: ref("workspaces"),
    user_id: ref("users"),
    email_normalized: { type: DataTypes.STRING(254), allowNull: false },
    role: { type: DataTypes.STRING(16), allowNull: false },
    ...stamps,
  });
  await qi.addIndex("members", ["workspace_id", "email_normalized"], { unique: true, name: "members_workspace_email" });
  await qi.addIndex("members", ["user_id"], { name: "members_user" });

  await qi.createTable("invites", {
    id,
    workspace_id: ref("workspaces"),
    email: { type: DataTypes.STRING(254), allowNull: false },
    email_normalized: { type: DataTypes.STRING(254), allowNull: false },
    role: { type: DataTypes.STRING(16), allowNull: false },
    token_hash: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    invited_by: ref("members"),
    expires_at: { type: DataTypes.DATE, allowNull: false },
    accepted_at: { type: DataTypes.DATE, allowNull: true },
    ...stamps,
  });

  await qi.createTable("sessions", {
    id,
    token_hash: { type: DataTypes.STRING(64), allowNull: false, unique: true },
    user_id: ref("users"),
    member_id: ref("members"),
    csrf_token: { type: DataTypes.STRING(64), allowNull: false },
    expires_at: { type: DataTypes.DATE, allowNull: false },
    ...stamps,
  });

  await qi.createTable("login_failures", {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    email_normalized: { type: DataTypes.STRING(254), allowNull: false },
    ip: { type: DataTypes.STRING(64), allowNull: false },
    created_at: { type: DataTypes.DATE, allowNull: false },
  });
  await qi.addIndex("login_failures", ["email_normalized", "created_at"], { name: "login_failures_email_time" });

  await qi.createTable("feedback", {
    id,
    workspace_id: ref("workspaces"),
    author_id: ref("members"),
    subject_id: ref("members"),
    body: { type: DataTypes.TEXT, allowNull: false },
    visibility: { type: DataTypes.STRING(32), allowNull: false },
    ...stamps,
  });
  await qi.addIndex("feedback", ["workspace_id", "subject_id"], { name: "feedback_subject" });

  await qi.createTable("one_on_ones", {
    id,
    workspace_id: ref("workspaces"),
    // The pair is stored with the smaller id first so each pair has one row.
    member_a_id: ref("members"),
    member_b_id: ref("members"),
    ...stamps,
  });
  await qi.addIndex("one_on_ones", ["workspace_id", "member_a_id", "member_b_id"], {
    unique: true,
    name: "one_on_ones_pair",
  });

  await qi.createTable("agenda_items", {
    id,
    one_on_one_id: ref("one_on_ones"),
    author_id: ref("members"),
    text: { type: DataTypes.TEXT, allowNull: false },
    done: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    ...stamps,
  });

  await qi.createTable("objectives", {
    id,
    workspace_id: ref("workspaces"),
    owner_id: ref("members"),
    title: { type: DataTypes.STRING(300), allowNull: false },
    description: { type: DataTypes.TEXT, allowNull: true },
    period: { type: DataTypes.STRING(16), allowNull: false },
    ...stamps,
  });

  await qi.createTable("key_results", {
    id,
    objective_id: ref("objectives"),
    title: { type: DataTypes.STRING(300), allowNull: false },
    target: { type: DataTypes.DOUBLE, allowNull: false },
    current: { type: DataTypes.DOUBLE, allowNull: false },
    ...stamps,
  });

  await qi.createTable("competencies", {
    id,
    workspace_id: ref("workspaces"),
    name: { type: DataTypes.STRING(120), allowNull: false },
    description: { type: DataTypes.TEXT, allowNull: true },
    ...stamps,
  });
  await qi.addIndex("competencies", ["workspace_id", "name"], { unique: true, name: "competencies_name" });

  await qi.createTable("competency_levels", {
    id,
    competency_id: ref("competencies"),
    level: { type: DataTypes.INTEGER, allowNull: false },
    title: { type: DataTypes.STRING(120), allowNull: false },
    description: { type: DataTypes.TEXT, allowNull: true },
    ...stamps,
  });
  await qi.addIndex("competency_levels", ["competency_id", "level"], { unique: true, name: "competency_levels_level" });

  await qi.createTable("assessments", {
    id,
    workspace_id: ref("workspaces"),
    member_id: ref("members"),
    competency_id: ref("competencies"),
    level: { type: DataTypes.INTEGER, allowNull: false },
    note: { type: DataTypes.TEXT, allowNull: true },
    assessed_by: ref("members"),
    ...stamps,
  });

  await qi.createTable("context_items", {
    id,
    workspace_id: ref("workspaces"),
    host: { type: DataTypes.STRING(16), allowNull: false },
    kind: { type: DataTypes.STRING(16), allowNull: false },
    url: { type: DataTypes.STRING(2000), allowNull: false },
    external_key: { type: DataTypes.STRING(600), allowNull: false },
    host_ids: { type: DataTypes.JSON, allowNull: false },
    metadata_status: { type: DataTypes.STRING(32), allowNull: false },
    metadata: { type: DataTypes.JSON, allowNull: true },
    title: { type: DataTypes.STRING(500), allowNull: true },
    state: { type: DataTypes.STRING(64), allowNull: true },
    author_email_normalized: { type: DataTypes.STRING(254), allowNull: true },
    fetched_at: { type: DataTypes.DATE, allowNull: true },
    ...stamps,
  });
  await qi.addIndex("context_items", ["workspace_id", "external_key"], { unique: true, name: "context_items_key" });

  await qi.createTable("context_links", {
    id,
    workspace_id: ref("workspaces"),
    context_item_id: ref("context_items"),
    target_type: { type: DataTypes.STRING(32), allowNull: false },
    target_id: { type: DataTypes.UUID, allowNull: false },
    note: { type: DataTypes.TEXT, allowNull: true },
    linked_by: ref("members"),
    ...stamps,
  });
  await qi.addIndex("context_links", ["context_item_id", "target_type", "target_id"], {
    unique: true,
    name: "context_links_unique",
  });
  await qi.addIndex("context_links", ["target_type", "target_id"], { name: "context_links_target" });

  // Times are epoch milliseconds so claim queries compare numbers the same way on both databases.
  await qi.createTable("jobs", {
    id: { type: DataTypes.INTEGER, primaryKey: true, autoIncrement: true },
    kind: { type: DataTypes.STRING(100), allowNull: false },
    payload: { type: DataTypes.TEXT, allowNull: false },
    status: { type: DataTypes.STRING(16), allowNull: false },
    attempts: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    max_attempts: { type: DataTypes.INTEGER, allowNull: false },
    run_at: { type: DataTypes.BIGINT, allowNull: false },
    lease_token: { type: DataTypes.STRING(64), allowNull: true },
    locked_by: { type: DataTypes.STRING(100), allowNull: true },
    locked_until: { type: DataTypes.BIGINT, allowNull: true },
    last_error: { type: DataTypes.TEXT, allowNull: true },
    dedupe_key: { type: DataTypes.STRING(300), allowNull: true, unique: true },
    workspace_id: { type: DataTypes.UUID, allowNull: true },
    created_at: { type: DataTypes.BIGINT, allowNull: false },
    updated_at: { type: DataTypes.BIGINT, allowNull: false },
  });
  await qi.addIndex("jobs", ["status", "run_at"], { name: "jobs_claim" });
}

export async function down({ context: qi }: { context: QueryInterface }) {
  for (const t of [
    "jobs",
    "context_links",
    "context_items",
    "assessments",
    "competency_levels",
    "competencies",
    "key_results",
    "objectives",
    "agenda_items",
    "one_on_ones",
    "feedback",
    "login_failures",
    "sessions",
    "invites",
    "members",
    "users",
    "workspaces",
  ])
    await qi.dropTable(t);
}
