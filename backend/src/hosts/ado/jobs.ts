import { attachedItems } from "../../workspace/contextLinks.js";
import type { AppServices } from "../../http/services.js";
import { handle, jobType, type JobHandler, type PayloadOf } from "../../jobs/jobType.js";
import type { Transaction } from "sequelize";
import { z } from "zod";
import { adoPullRequestKey } from "@groundwork/shared-types";
import { plural } from "@groundwork/shared-types/labels";
import { ContextItemRow, ContextLinkRow } from "../../storage/models.js";
import { AdoConnectionRow } from "./models.js";
import { type AdoClient, type AdoPullRequest, type AdoPullRequestStatus, asJobError, AdoError } from "./client.js";
import { clientFor } from "./credentials.js";
import { renewIdleSignIns } from "./entra.js";
import { pullRequestChanges, pullRequestSnapshot, workItemSnapshot } from "./snapshots.js";
import { applyChanges, applySnapshot, CHANGES_LISTED, touchDelivery, type Snapshot } from "../snapshot.js";
import { adoEventEntry, AdoEventJob, withAdo } from "./events.js";
import { periodicJob, refreshJobOf } from "../adapter.js";
import { authorEmail, recordComment } from "./comments.js";

/** Only the repositories the owner linked are followed (all of them unless they chose). */
const isLinkedRepository = (connection: AdoConnectionRow, pr: AdoPullRequest) =>
  connection.repositories.some((r) => r.id.toLowerCase() === pr.repository?.id?.toLowerCase());

/** The same, for a pull request known by project and repository name or id (a pasted URL, a status job). */
export const followsRepository = (connection: AdoConnectionRow, project: string, repository: string) =>
  connection.repositories.some(
    (r) =>
      r.project.toLowerCase() === project.toLowerCase() &&
      (r.name.toLowerCase() === repository.toLowerCase() || r.id.toLowerCase() === repository.toLowerCase()),
  );

/** Fetches one linked PR or work item (on link, on connect, on "sync"). */
export const AdoRefreshJob = refreshJobOf("ado");
/** Polls open linked PRs of connections that have had no webhook for a while. */
export const AdoSyncStaleJob = periodicJob("ado.sync-stale");
export const AdoEntraKeepAliveJob = periodicJob("ado.entra-keep-alive");
/** (Re)posts the Groundwork status on a PR. */
export const AdoPrStatusJob = jobType(
  "ado.pr-status",
  z.object({ workspaceId: z.string(), organization: z.string(), project: z.string(), repository: z.string(), pullRequestId: z.number().int() }),
);
type PrStatusJob = PayloadOf<typeof AdoPrStatusJob>;

/** A burst of updates to one PR posts its status once: the job reads the link count when it runs. */
export const STATUS_COALESCE_MS = 250;
const statusJob = (job: PrStatusJob, transaction?: Transaction) => ({
  workspaceId: job.workspaceId,
  transaction,
  coalesce: {
    key: `${job.workspaceId}:${adoPullRequestKey(job.organization, job.project, job.repository, job.pullRequestId)}`,
    windowMs: STATUS_COALESCE_MS,
  },
});

/** Queues a (re)post of the Groundwork status on a linked ADO pull request. */
export function enqueuePrStatus(services: AppServices, item: ContextItemRow) {
  const ids = item.hostIds;
  const job: PrStatusJob = {
    workspaceId: item.workspaceId,
    organization: String(ids.organization),
    project: String(ids.project),
    repository: String(ids.repository),
    pullRequestId: Number(ids.pullRequestId),
  };
  return services.queue.enqueue(AdoPrStatusJob, job, statusJob(job));
}

/** How long without webhooks before we poll open linked PRs ourselves. */
export const STALE_AFTER_MS = 15 * 60_000;

/**
 * Queues a refresh of linked items so status stays right without service hooks: all of a
 * connection's items when `force`, else open PRs not fetched recently on connections that
 * have not had a webhook recently.
 */
export async function queueSync(services: AppServices, connection: AdoConnectionRow, force: boolean) {
  const cutoff = Date.now() - STALE_AFTER_MS;
  if (!force && connection.lastDeliveryAt && connection.lastDeliveryAt.getTime() > cutoff) return 0;
  const items = await attachedItems(connection.workspaceId, "ado", { limit: 1000 });
  const due = items.filter(
    (i) =>
      i.hostIds.organization === connection.organization &&
      (force || (i.kind === "pull_request" && !["completed", "abandoned"].includes(i.state ?? "") && (!i.fetchedAt || i.fetchedAt.getTime() < cutoff))),
  );
  for (const item of due) await services.queue.enqueue(AdoRefreshJob, { contextItemId: item.id }, { workspaceId: connection.workspaceId });
  return due.length;
}

export const STATUS_CONTEXT = { name: "links", genre: "groundwork" };

export function prStatusBody(services: AppServices, prUrl: string, linkCount: number): AdoPullRequestStatus {
  return {
    state: linkCount > 0 ? "succeeded" : "notApplicable",
    description: linkCount > 0 ? `Linked to ${plural(linkCount, "item")} in Groundwork` : "Add this PR to Groundwork",
    context: STATUS_CONTEXT,
    targetUrl: new URL(`/add?url=${encodeURIComponent(prUrl)}`, services.config.publicUrl).toString(),
  };
}

/** A pull request's snapshot with its files and commits; one whose changes cannot be listed (403, 404) goes without them. */
async function pullRequestWithChanges(client: AdoClient, organization: string, project: string, repository: string, id: number): Promise<Snapshot | null> {
  const pr = await client.pullRequest(project, repository, id);
  const snapshot = pullRequestSnapshot(organization, pr);
  if (!snapshot) return null;
  const changes = await client.pullRequestChanges(project, repository, id, CHANGES_LISTED).then(
    (listed) => pullRequestChanges(pr, listed, CHANGES_LISTED),
    (err: unknown) => {
      if (err instanceof AdoError && (err.kind === "not_found" || err.kind === "forbidden")) return undefined;
      throw err;
    },
  );
  return { ...snapshot, changes };
}

export function adoJobHandlers(services: AppServices): JobHandler[] {
  return [
    handle(AdoEventJob, async ({ connectionId, event }, ctx) => {
      const connection = await AdoConnectionRow.findByPk(connectionId);
      if (!connection) return; // disconnected since: nothing to call, nothing to update
      const entry = adoEventEntry(event.eventType);
      if (!entry) return; // recorded by a release that acted on it; this one does not
      const client = clientFor(services, connection);
      const on = connection.services;
      const { pr = null, snapshot: workItem = null, comments = [], postsStatus = false } = await entry.read(event, client, connection);
      if (pr && !isLinkedRepository(connection, pr)) return;
      const snapshot = pr ? (on.pullRequests ? pullRequestSnapshot(connection.organization, pr) : null) : workItem;
      const emails = await withAdo(() => Promise.all(comments.map((c) => authorEmail(client, c.author))));
      const postStatus = on.statuses && postsStatus && pr?.repository?.project;
      await ctx.finish(async (tx) => {
        if (snapshot) await applySnapshot(services, connection.workspaceId, snapshot, tx, { fromDelivery: true });
        for (const [i, comment] of comments.entries()) await recordComment(connection.workspaceId, comment, emails[i]!, tx);
        await touchDelivery(connection, tx);
        if (postStatus) {
          const job: PrStatusJob = {
            workspaceId: connection.workspaceId,
            organization: connection.organization,
            project: pr!.repository!.project!.name,
            repository: pr!.repository!.name,
            pullRequestId: pr!.pullRequestId,
          };
          await services.queue.enqueue(AdoPrStatusJob, job, statusJob(job, tx));
        }
      });
    }),

    handle(AdoEntraKeepAliveJob, () => renewIdleSignIns(services)),

    handle(AdoSyncStaleJob, async () => {
      for (const connection of await AdoConnectionRow.findAll()) await queueSync(services, connection, false);
    }),

    handle(AdoPrStatusJob, async (job) => {
      const connection = await AdoConnectionRow.findOne({ where: { workspaceId: job.workspaceId, organization: job.organization } });
      // A repository the owner does not follow is never written to.
      if (!connection || !connection.services.statuses || !followsRepository(connection, job.project, job.repository)) return;
      const key = adoPullRequestKey(job.organization, job.project, job.repository, job.pullRequestId);
      const item = await ContextItemRow.findOne({ where: { workspaceId: job.workspaceId, externalKey: key } });
      const links = item ? await ContextLinkRow.count({ where: { contextItemId: item.id } }) : 0;
      const prUrl = `https://dev.azure.com/${job.organization}/${encodeURIComponent(job.project)}/_git/${encodeURIComponent(job.repository)}/pullrequest/${job.pullRequestId}`;
      try {
        await clientFor(services, connection).postPullRequestStatus(job.project, job.repository, job.pullRequestId, prStatusBody(services, prUrl, links));
      } catch (err) {
        if (err instanceof AdoError && (err.kind === "auth" || err.kind === "forbidden"))
          await connection.update({
            status: "auth_failed",
            lastError:
              connection.credentialKind === "entra"
                ? `Posting PR statuses failed: ${err.message}.`
                : `Posting PR statuses failed: ${err.message}. Reconnect with a token that has Code (Read & Write).`,
          });
        throw asJobError(err);
      }
      if (connection.status !== "active") await connection.update({ status: "active", lastError: null });
    }),

    handle(AdoRefreshJob, async ({ contextItemId, changesOnly }, ctx) => {
      const item = await ContextItemRow.findByPk(contextItemId);
      if (!item || item.host !== "ado") return;
      const connection = await AdoConnectionRow.findOne({
        where: { workspaceId: item.workspaceId, organization: String(item.hostIds.organization) },
      });
      if (!connection) return; // stays "metadata pending" until the organisation is connected
      const client = clientFor(services, connection);
      const ids = item.hostIds;
      // Nor read: the link says why it has no metadata.
      if (item.kind === "pull_request" && !followsRepository(connection, String(ids.project), String(ids.repository))) {
        await ctx.finish(async (tx) => {
          await item.update({ metadataStatus: "not_followed", fetchedAt: new Date() }, { transaction: tx });
        });
        return;
      }
      let snapshot: Snapshot | null;
      try {
        snapshot =
          item.kind === "pull_request"
            ? await pullRequestWithChanges(client, connection.organization, String(ids.project), String(ids.repository), Number(ids.pullRequestId))
            : workItemSnapshot(connection.organization, await client.workItem(String(ids.project), Number(ids.workItemId)));
      } catch (err) {
        if (err instanceof AdoError && err.kind === "not_found") {
          await ctx.finish(async (tx) => {
            await item.update({ metadataStatus: "error", fetchedAt: new Date() }, { transaction: tx });
          });
          return;
        }
        throw asJobError(err);
      }
      if (changesOnly) {
        const changes = snapshot?.changes;
        if (changes) await ctx.finish((tx) => applyChanges(services, item, changes, tx));
        return;
      }
      await ctx.finish(async (tx) => {
        if (snapshot) await applySnapshot(services, item.workspaceId, snapshot, tx);
      });
    }),
  ];
}
