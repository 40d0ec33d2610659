import type { Transaction } from "sequelize";
import type { AppServices } from "../../http/services.js";
import type { JobHandler } from "../../jobs/worker.js";
import { AdoConnectionRow, ContextItemRow } from "../../storage/models.js";
import { type AdoClient, type AdoPullRequest, type AdoWorkItem, asJobError, AdoError } from "./client.js";
import { clientFor } from "./connection.js";
import { pullRequestSnapshot, workItemSnapshot, type Snapshot } from "./snapshots.js";
import type { AdoEventJob } from "./webhooks.js";

/** Writes a snapshot onto the workspace's context item with that identity, if anyone linked it. */
export function applySnapshot(workspaceId: string, s: Snapshot, transaction: Transaction) {
  return ContextItemRow.update(
    {
      metadataStatus: "fetched",
      metadata: s.metadata,
      title: s.title,
      state: s.state,
      authorEmailNormalized: s.authorEmailNormalized,
      fetchedAt: new Date(),
    },
    { where: { workspaceId, externalKey: s.externalKey }, transaction },
  );
}

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
  if (pr.title !== undefined && pr.repository?.project?.name) return pr;
  const repo = pr.repository;
  if (!repo?.id || !pr.pullRequestId) return null;
  return withAdo(() => client.pullRequest(repo.project?.id ?? repo.project?.name ?? "", repo.id, pr.pullRequestId));
}

async function fullWorkItem(client: AdoClient, eventType: string, resource: Record<string, unknown>) {
  // workitem.updated carries an update; the work item itself is its "revision".
  const wi = (eventType === "workitem.updated" ? resource.revision : resource) as AdoWorkItem | undefined;
  const id = eventType === "workitem.updated" ? Number(resource.workItemId || wi?.id) : Number(wi?.id);
  if (wi?.fields?.["System.Title"] !== undefined) return { ...wi, id };
  if (!Number.isInteger(id) || id <= 0) return null;
  return withAdo(() => client.workItem(id));
}

export function adoJobHandlers(services: AppServices): Record<string, JobHandler> {
  return {
    "ado.event": async (payload, ctx) => {
      const { connectionId, event } = payload as AdoEventJob;
      const connection = await AdoConnectionRow.findByPk(connectionId);
      if (!connection) return; // disconnected since: nothing to call, nothing to update
      const client = clientFor(services, connection);
      const resource = event.resource ?? {};
      let snapshot: Snapshot | null = null;
      if (event.eventType.startsWith("git.pullrequest.") && connection.services.pullRequests) {
        const pr = await fullPullRequest(client, resource);
        snapshot = pr && pullRequestSnapshot(connection.organization, pr);
      } else if (event.eventType.startsWith("workitem.") && connection.services.workItems) {
        const wi = await fullWorkItem(client, event.eventType, resource);
        snapshot = wi && workItemSnapshot(connection.organization, wi);
      }
      await ctx.finish(async (tx) => {
        if (snapshot) await applySnapshot(connection.workspaceId, snapshot, tx);
        await connection.update({ lastDeliveryAt: new Date() }, { transaction: tx });
      });
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
      let snapshot: Snapshot | null;
      try {
        snapshot =
          item.kind === "pull_request"
            ? pullRequestSnapshot(
                connection.organization,
                await client.pullRequest(String(ids.project), String(ids.repository), Number(ids.pullRequestId)),
              )
            : workItemSnapshot(connection.organization, await client.workItem(Number(ids.workItemId)));
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
