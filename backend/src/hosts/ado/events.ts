import { z } from "zod";
import { jobType } from "../../jobs/jobType.js";
import type { AdoConnectionRow } from "./models.js";
import type { Snapshot } from "../snapshot.js";
import { asJobError, isCompletePullRequest, type AdoClient, type AdoPullRequest, type AdoWorkItem } from "./client.js";
import { pullRequestComment, workItemComments, type CommentActivity } from "./comments.js";
import { workItemSnapshot } from "./snapshots.js";

/** Azure DevOps service-hook events: their envelope, the job a delivery becomes, and the table of those Groundwork acts on. */

export const AdoEvent = z.looseObject({
  id: z.string().min(1).max(100),
  eventType: z.string().min(1).max(200),
  resource: z.record(z.string(), z.unknown()).nullish(),
  // Which project the event is from: minimal work item payloads are fetched through it.
  resourceContainers: z
    .object({
      project: z
        .object({ id: z.string().max(100) })
        .partial()
        .nullish(),
    })
    .partial()
    .nullish(),
  createdDate: z.string().optional(),
});
export type AdoEvent = z.infer<typeof AdoEvent>;
/** An `ado.event` job: one delivery, as recorded before it was acknowledged. */
export const AdoEventJob = jobType("ado.event", z.object({ connectionId: z.string().min(1), event: AdoEvent }));

/** What an event means for a connection, read from its payload (and from Azure DevOps where the payload is minimal). */
export interface EventReading {
  /** The pull request it is about: only linked repositories are followed, and its snapshot is kept when PRs are on. */
  pr?: AdoPullRequest | null;
  /** A work item's snapshot. */
  snapshot?: Snapshot | null;
  comments?: CommentActivity[];
  /** Whether the PR's Groundwork status is (re)posted (when statuses are on). */
  postsStatus?: boolean;
}

interface AdoEventEntry {
  /** As Azure DevOps names the event when one creates a subscription by hand. */
  label: string;
  /** The payload version subscribed to, as the documented samples carry it. */
  resourceVersion: string;
  /** Subscribed to when any of these services is on. */
  services: (keyof AdoConnectionRow["services"])[];
  read(event: AdoEvent, client: AdoClient, connection: AdoConnectionRow): Promise<EventReading>;
}

export async function withAdo<T>(call: () => Promise<T>) {
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

/** `revision`: the resource is an update, and the work item itself its "revision" (workitem.updated). */
async function fullWorkItem(client: AdoClient, event: AdoEvent, revision: boolean) {
  const resource = event.resource ?? {};
  const wi = (revision ? resource.revision : resource) as AdoWorkItem | undefined;
  const id = revision ? Number(resource.workItemId || wi?.id) : Number(wi?.id);
  if (wi?.fields?.["System.Title"] !== undefined) return { ...wi, id };
  const project = event.resourceContainers?.project?.id ?? (wi?.fields?.["System.TeamProject"] as string | undefined);
  if (!Number.isInteger(id) || id <= 0 || !project) return null;
  return withAdo(() => client.workItem(project, id));
}

const pullRequestEvent =
  (postsStatus: boolean): AdoEventEntry["read"] =>
  async (event, client) => ({ pr: await fullPullRequest(client, event.resource ?? {}), postsStatus });

const pullRequestCommentEvent: AdoEventEntry["read"] = async (event, client, connection) => {
  const resource = event.resource ?? {};
  const pr = await fullPullRequest(client, (resource.pullRequest ?? {}) as Record<string, unknown>);
  const comment = pr && connection.services.comments ? pullRequestComment(connection.organization, resource, pr) : null;
  return { pr, comments: comment ? [comment] : [] };
};

const workItemEvent =
  ({ revision = false, withComments = false }): AdoEventEntry["read"] =>
  async (event, client, connection) => {
    const on = connection.services;
    if (!on.workItems && !on.comments) return {};
    const wi = await fullWorkItem(client, event, revision);
    if (!wi) return {};
    return {
      snapshot: on.workItems ? workItemSnapshot(connection.organization, wi) : null,
      // The hook carries neither the comment's author's email nor its id: the comments are read over REST.
      comments: withComments && on.comments ? await withAdo(() => workItemComments(client, connection.organization, wi)) : [],
    };
  };

/**
 * The service-hook events Groundwork acts on (learn.microsoft.com/azure/devops/service-hooks/events):
 * adding one is an entry here. Subscriptions, the webhook's filter and the `ado.event` job all read it.
 */
export const ADO_EVENTS: Record<string, AdoEventEntry> = {
  "git.pullrequest.created": { label: "Pull request created", resourceVersion: "1.0", services: ["pullRequests", "statuses"], read: pullRequestEvent(true) },
  "git.pullrequest.updated": { label: "Pull request updated", resourceVersion: "1.0", services: ["pullRequests", "statuses"], read: pullRequestEvent(true) },
  "git.pullrequest.merged": {
    label: "Pull request merge attempted",
    resourceVersion: "1.0",
    services: ["pullRequests", "statuses"],
    read: pullRequestEvent(false),
  },
  "workitem.created": { label: "Work item created", resourceVersion: "1.0", services: ["workItems"], read: workItemEvent({}) },
  "workitem.updated": { label: "Work item updated", resourceVersion: "1.0", services: ["workItems"], read: workItemEvent({ revision: true }) },
  "ms.vss-code.git-pullrequest-comment-event": {
    label: "Pull request commented on",
    resourceVersion: "2.0",
    services: ["comments"],
    read: pullRequestCommentEvent,
  },
  "workitem.commented": { label: "Work item commented on", resourceVersion: "1.0", services: ["comments"], read: workItemEvent({ withComments: true }) },
};

/** The table's entry for an event type, if Groundwork acts on it. */
export const adoEventEntry = (eventType: string) => (Object.hasOwn(ADO_EVENTS, eventType) ? ADO_EVENTS[eventType] : undefined);
