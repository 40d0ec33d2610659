import { Umzug, SequelizeStorage } from "umzug";
import type { Sequelize } from "sequelize";
import * as initial from "./migrations/0001_initial.js";
import * as adoConnections from "./migrations/0002_ado_connections.js";
import * as contextUpdates from "./migrations/0003_context_updates.js";
import * as identityLinks from "./migrations/0004_identity_links.js";
import * as bitbucketInstallations from "./migrations/0005_bitbucket_installations.js";
import * as bitbucketTokenConnections from "./migrations/0006_bitbucket_token_connections.js";
import * as bitbucketBindNonce from "./migrations/0007_bitbucket_bind_nonce.js";
import * as emailVerification from "./migrations/0008_email_verification.js";
import * as jobThrottles from "./migrations/0009_job_throttles.js";
import * as readiness from "./migrations/0010_readiness.js";
import * as listPages from "./migrations/0011_list_pages.js";
import * as jobLanes from "./migrations/0012_job_lanes.js";
import * as claimableJobs from "./migrations/0013_claimable_jobs.js";
import * as deliveryHistory from "./migrations/0014_delivery_history.js";
import * as linkedAccountNames from "./migrations/0015_linked_account_names.js";
import * as liveRevision from "./migrations/0016_live_revision.js";
import * as itemAuthorAccounts from "./migrations/0017_item_author_accounts.js";
import * as itemInsights from "./migrations/0018_item_insights.js";
import * as workspaceInsightModel from "./migrations/0019_workspace_insight_model.js";
import * as itemWorkDates from "./migrations/0020_item_work_dates.js";
import * as oneOnOneHeld from "./migrations/0021_one_on_one_held.js";
import * as historyImports from "./migrations/0022_history_imports.js";
import * as adoEntraSignIn from "./migrations/0023_ado_entra_sign_in.js";
import * as historyImportStage from "./migrations/0024_history_import_stage.js";
import * as assignments from "./migrations/0025_assignments.js";
import * as assignmentDoneAt from "./migrations/0026_assignment_done_at.js";
import * as bitbucketForge from "./migrations/0027_bitbucket_forge.js";
import * as deferredJobs from "./migrations/0028_deferred_jobs.js";

/** Migrations are listed here in order, so bundling or a renamed file cannot reorder them. */
const MIGRATIONS = [
  { name: "0001_initial", ...initial },
  { name: "0002_ado_connections", ...adoConnections },
  { name: "0003_context_updates", ...contextUpdates },
  { name: "0004_identity_links", ...identityLinks },
  { name: "0005_bitbucket_installations", ...bitbucketInstallations },
  { name: "0006_bitbucket_token_connections", ...bitbucketTokenConnections },
  { name: "0007_bitbucket_bind_nonce", ...bitbucketBindNonce },
  { name: "0008_email_verification", ...emailVerification },
  { name: "0009_job_throttles", ...jobThrottles },
  { name: "0010_readiness", ...readiness },
  { name: "0011_list_pages", ...listPages },
  { name: "0012_job_lanes", ...jobLanes },
  { name: "0013_claimable_jobs", ...claimableJobs },
  { name: "0014_delivery_history", ...deliveryHistory },
  { name: "0015_linked_account_names", ...linkedAccountNames },
  { name: "0016_live_revision", ...liveRevision },
  { name: "0017_item_author_accounts", ...itemAuthorAccounts },
  { name: "0018_item_insights", ...itemInsights },
  { name: "0019_workspace_insight_model", ...workspaceInsightModel },
  { name: "0020_item_work_dates", ...itemWorkDates },
  { name: "0021_one_on_one_held", ...oneOnOneHeld },
  { name: "0022_history_imports", ...historyImports },
  { name: "0023_ado_entra_sign_in", ...adoEntraSignIn },
  { name: "0024_history_import_stage", ...historyImportStage },
  { name: "0025_assignments", ...assignments },
  { name: "0026_assignment_done_at", ...assignmentDoneAt },
  { name: "0027_bitbucket_forge", ...bitbucketForge },
  { name: "0028_deferred_jobs", ...deferredJobs },
];

export function migrator(sequelize: Sequelize) {
  return new Umzug({
    migrations: MIGRATIONS.map((m) => ({ name: m.name, up: m.up, down: m.down })),
    context: sequelize.getQueryInterface(),
    storage: new SequelizeStorage({ sequelize, tableName: "schema_migrations" }),
    logger: undefined,
  });
}

/** Applies pending migrations; replicas starting together must not race, so Postgres takes a lock. */
export async function migrate(sequelize: Sequelize) {
  const umzug = migrator(sequelize);
  if (sequelize.getDialect() !== "postgres") return umzug.up();
  return sequelize.transaction(async (tx) => {
    await sequelize.query("SELECT pg_advisory_xact_lock(727274)", { transaction: tx });
    return umzug.up();
  });
}
