import type { AppServices } from "../../http/services.js";
import type { JobHandler } from "../../jobs/worker.js";
import type { Transaction } from "sequelize";
import { adoPullRequestKey } from "@groundwork/shared-types";
import { AdoConnectionRow, ContextItemRow, ContextLinkRow } from "../../storage/models.js";
import { type AdoClient, type AdoPullRequest, type AdoPullRequestStatus, type AdoWorkItem, asJobError, AdoError, isCompletePullRequest } from "./client.js";
import { clientFor } from "./credentials.js";
import { pullRequestSnapshot, workItemSnapshot } from "./snapshots.js";
import { applySnapshot, touchDelivery, type Snapshot } from "../snapshot.js";
import type { AdoEventJob } from "./events.js";
import { authorEmail, pullRequestComment, recordComment, workItemComments, type CommentActivity } from "./comments.js";

async function withAdo<T>(call: () => Promise<T>) {
  try {
    return await call();
  } catch (err) {
    throw asJobError(err);
  }
}

/** With resource details "Minimal" or "None" the payload lacks fields: fetch the full resource. */
async function fullPullRequest(client: AdoClient, resource: Record<string, unknown>) {
  const pr = resource as unknown as AdoPullRequest;
  if (isCompletePullRequest(pr)) return pr;
  const repo = pr.repository;
  if (!repo?.id || !pr.pullRequestId) return null;
  return withAdo(() => client.pullRequest(repo.project?.id ?? repo.project?.name ?? "", repo.id, pr.pullRequestId));
}

async function fullWorkItem(client: AdoClient, eventType: string, resource: Record<string, unknown>, project: string | undefined) {
  // workitem.updated carries an update; the work item itself is its "revision".
  const wi = (eventType === "workitem.updated" ? resource.revision : resource) as AdoWorkItem | undefined;
  const id = eventType === "workitem.updated" ? Number(resource.workItemId || wi?.id) : Number(wi?.id);
  if (wi?.fields?.["System.Title"] !== undefined) return { ...wi, id };
  project ??= wi?.fields?.["System.TeamProject"] as string | undefined;
  if (!Number.isInteger(id) || id <= 0 || !project) return null;
  return withAdo(() => client.workItem(project, id));
}

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

/** Identifies a PR whose Groundwork status should be (re)posted. */
export interface PrStatusJob {
  workspaceId: string;
  organization: string;
  project: string;
  repository: string;
  pullRequestId: number;
}

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
  return services.queue.enqueue("ado.pr-status", job, statusJob(job));
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
  const items = await ContextItemRow.findAll({ where: { workspaceId: connection.workspaceId, host: "ado" }, limit: 1000 });
  const due = items.filter(
    (i) =>
      i.hostIds.organization === connection.organization &&
      (force || (i.kind === "pull_request" && !["completed", "abandoned"].includes(i.state ?? "") && (!i.fetchedAt || i.fetchedAt.getTime() < cutoff))),
  );
  for (const item of due) await services.queue.enqueue("ado.refresh", { contextItemId: item.id }, { workspaceId: connection.workspaceId });
  return due.length;
}

export const STATUS_CONTEXT = { name: "links", genre: "groundwork" };

export function prStatusBody(services: AppServices, prUrl: string, linkCount: number): AdoPullRequestStatus {
  return {
    state: linkCount > 0 ? "succeeded" : "notApplicable",
    description: linkCount > 0 ? `Linked to ${linkCount} item${linkCount === 1 ? "" : "s"} in Groundwork` : "Add this PR to Groundwork",
    context: STATUS_CONTEXT,
    targetUrl: new URL(`/add?url=${encodeURIComponent(prUrl)}`, services.config.publicUrl).toString(),
  };
}

export function adoJobHandlers(services: AppServices): Record<string, JobHandler> {
  return {
    "ado.event": async (payload, ctx) => {
      const { connectionId, event } = payload as AdoEventJob;
      const connection = await AdoConnectionRow.findByPk(connectionId);
      if (!connection) return; // disconnected since: nothing to call, nothing to update
      const client = clientFor(services, connection);
      const resource = event.resource ?? {};
      const on = connection.services;
      let snapshot: Snapshot | null = null;
      let pr: AdoPullRequest | null = null;
      let comments: CommentActivity[] = [];
      if (event.eventType === "ms.vss-code.git-pullrequest-comment-event") {
        pr = await fullPullRequest(client, (resource.pullRequest ?? {}) as Record<string, unknown>);
        const comment = pr && on.comments ? pullRequestComment(connection.organization, resource, pr) : null;
        comments = comment ? [comment] : [];
      } else if (event.eventType.startsWith("git.pullrequest.")) {
        pr = await fullPullRequest(client, resource);
      } else if (event.eventType.startsWith("workitem.") && (on.workItems || on.comments)) {
        const wi = await fullWorkItem(client, event.eventType, resource, event.resourceContainers?.project?.id);
        if (wi && on.workItems) snapshot = workItemSnapshot(connection.organization, wi);
        if (wi && on.comments && event.eventType === "workitem.commented")
          comments = await withAdo(() => workItemComments(client, connection.organization, wi));
      }
      if (pr && !isLinkedRepository(connection, pr)) return;
      if (pr && on.pullRequests) snapshot = pullRequestSnapshot(connection.organization, pr);
      const emails = await withAdo(() => Promise.all(comments.map((c) => authorEmail(client, c.author))));
      const postStatus =
        on.statuses && (event.eventType === "git.pullrequest.created" || event.eventType === "git.pullrequest.updated") && pr?.repository?.project;
      await ctx.finish(async (tx) => {
        if (snapshot) await applySnapshot(connection.workspaceId, snapshot, tx);
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
          await services.queue.enqueue("ado.pr-status", job, statusJob(job, tx));
        }
      });
    },

    "ado.sync-stale": async () => {
      for (const connection of await AdoConnectionRow.findAll()) await queueSync(services, connection, false);
    },

    "ado.pr-status": async (payload) => {
      const job = payload as PrStatusJob;
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
            lastError: `Posting PR statuses failed: ${err.message}. Reconnect with a token that has Code (Read & Write).`,
          });
        throw asJobError(err);
      }
      if (connection.status !== "active") await connection.update({ status: "active", lastError: null });
    },

    "ado.refresh": async (payload, ctx) => {
      const item = await ContextItemRow.findByPk((payload as { contextItemId: string }).contextItemId);
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
            ? pullRequestSnapshot(connection.organization, await client.pullRequest(String(ids.project), String(ids.repository), Number(ids.pullRequestId)))
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
      await ctx.finish(async (tx) => {
        if (snapshot) await applySnapshot(item.workspaceId, snapshot, tx);
      });
    },
  };
}
