import { z } from "zod";
import { adoPullRequestKeyPrefix, adoPullRequestUrl, adoWorkItemUrl } from "@groundwork/shared-types";
import type { AppServices } from "../../http/services.js";
import type { HistoryPage, HistoryPageRequest, HistorySource } from "../adapter.js";
import { DETAILS_PAGE, importSnapshots, repositoryPullRequests } from "../snapshot.js";
import { retryAfterSeconds } from "../hostError.js";
import { clientFor } from "./credentials.js";
import { AdoConnectionRow } from "./models.js";
import { pullRequestSnapshot, workItemSnapshot } from "./snapshots.js";
import { isEmail, recordComment, threadComments, type CommentActivity } from "./comments.js";

/**
 * A repository's pull requests created within the import's window, then those created before it
 * but closed within it (get-pull-requests takes one time range type at a time), 100 a page. The
 * window ends when the import began, so pages read by $skip do not shift as new ones open.
 */
const PAGE = 100;
const Cursor = z.object({ phase: z.enum(["created", "closed", "details"]), skip: z.number().int().min(0) });
const WORK_ITEM_FIELDS = [
  "System.Title",
  "System.State",
  "System.WorkItemType",
  "System.TeamProject",
  "System.AssignedTo",
  "System.CreatedBy",
  "System.AreaPath",
  "System.ChangedDate",
];
/** From this share of its allowance left, the import paces its calls at the allowed rate. */
const SLOW_DOWN_BELOW = 0.2;

/**
 * How long to wait before the next call, from what Azure DevOps says of its rate limit
 * (learn.microsoft.com/azure/devops/integrate/concepts/rate-limits): Retry-After, which can come
 * on a 200 before any request is blocked, else, once little of X-RateLimit-Limit remains, one
 * call per limit's share of the window. The window is the time to X-RateLimit-Reset (usage back
 * to 0 after the newest call), so the calls go at the allowed rate and leave the window as fast
 * as they enter it (spreading only what remains over that time settles well under it).
 */
export function adoPace(headers: Headers, now = Date.now()) {
  const asked = retryAfterSeconds(headers);
  if (asked) return asked * 1000;
  const [limit = 0, remaining = NaN, reset = 0] = ["x-ratelimit-limit", "x-ratelimit-remaining", "x-ratelimit-reset"].map((h) =>
    headers.has(h) ? Number(headers.get(h)) : NaN,
  );
  if (!limit || !Number.isFinite(remaining) || remaining / limit > SLOW_DOWN_BELOW || !reset) return 0;
  return Math.max(0, Math.ceil((reset * 1000 - now) / limit));
}

export const adoHistory: HistorySource = {
  save: importSnapshots,
  async repositories(_services, workspaceId, connectionId) {
    // Connections are known by uuid (PostgreSQL refuses to compare anything else with one).
    if (connectionId !== undefined && !z.uuid().safeParse(connectionId).success) return [];
    const connection = await AdoConnectionRow.findOne({ where: { workspaceId, ...(connectionId ? { id: connectionId } : {}) } });
    if (!connection || !connection.services.pullRequests) return [];
    return connection.repositories.map((r) => ({
      connectionId: connection.id,
      repository: `${r.project}/${r.name}`,
      itemKeyPrefix: adoPullRequestKeyPrefix(connection.organization, r.project, r.name),
    }));
  },

  async page(services, request) {
    const connection = await AdoConnectionRow.findOne({ where: { id: request.connectionId, workspaceId: request.workspaceId } });
    const repository = connection?.repositories.find((r) => `${r.project}/${r.name}`.toLowerCase() === request.repository.toLowerCase());
    if (!connection || !repository) return { items: [], next: null, total: null, requests: 0, waitMs: 0 };
    const cursor = request.cursor ? Cursor.parse(JSON.parse(request.cursor)) : { phase: "created" as const, skip: 0 };
    if (cursor.phase === "details") return details(services, request, connection, repository, cursor.skip);
    const { body, headers } = await clientFor(services, connection).pullRequestsPage(repository.project, repository.id, {
      minTime: request.since,
      maxTime: request.until,
      timeRangeType: cursor.phase,
      skip: cursor.skip,
      top: PAGE,
    });
    // The closed pass meets again those created within the window: the created pass had them.
    const read = cursor.phase === "closed" ? body.value.filter((pr) => !pr.creationDate || Date.parse(pr.creationDate) < request.since.getTime()) : body.value;
    const items = read.flatMap((pr) => {
      const snapshot = pullRequestSnapshot(connection.organization, pr);
      return snapshot ? [{ url: adoPullRequestUrl(connection.organization, repository.project, repository.name, pr.pullRequestId), snapshot }] : [];
    });
    // A page may hold fewer than asked for without being the last: only an empty one ends a pass.
    // After both passes, the imported pull requests' comments and work items, where the connection follows them.
    const wantsDetails = connection.services.comments || connection.services.workItems;
    const next =
      body.value.length > 0
        ? { phase: cursor.phase, skip: cursor.skip + body.value.length }
        : cursor.phase === "created"
          ? { phase: "closed" as const, skip: 0 }
          : wantsDetails
            ? { phase: "details" as const, skip: 0 }
            : null;
    return { items, next: next && JSON.stringify(next), total: null, requests: 1, waitMs: adoPace(headers) };
  },
};

/**
 * The third pass: for the repository's pull requests in the workspace, a few at a time, their
 * comment threads (members' comments become their contributions, keyed as live comment events
 * are, so the two never double) and the work items they reference (read 200 at a time, saved
 * as imported items).
 */
async function details(
  services: AppServices,
  request: HistoryPageRequest,
  connection: AdoConnectionRow,
  repository: { id: string; name: string; project: string },
  skip: number,
): Promise<HistoryPage> {
  const prefix = adoPullRequestKeyPrefix(connection.organization, repository.project, repository.name);
  const { items: prs, total } = await repositoryPullRequests(request.workspaceId, prefix, skip);
  const client = clientFor(services, connection);
  const comments: CommentActivity[] = [];
  const workItemIds = new Set<number>();
  let requests = 0;
  for (const pr of prs) {
    const id = Number(pr.hostIds.pullRequestId);
    if (connection.services.comments) {
      requests++;
      const threads = await client.pullRequestThreads(repository.project, repository.id, id);
      comments.push(...threadComments(connection.organization, { project: repository.project, repository: repository.name, pullRequestId: id }, threads));
    }
    if (connection.services.workItems) {
      requests++;
      for (const wi of await client.pullRequestWorkItemIds(repository.project, repository.id, id)) workItemIds.add(wi);
    }
  }
  const workItems = workItemIds.size ? (requests++, await client.workItems([...workItemIds].slice(0, 200), WORK_ITEM_FIELDS)) : [];
  // Comments by members only, as live events; an author named by an identity id rather than an email is left out here.
  const byEmail = comments.map((c) => ({ c, email: isEmail(c.author.uniqueName) ? c.author.uniqueName!.toLowerCase() : null }));
  const done = Math.min(total, skip + prs.length);
  return {
    items: [],
    related: {
      items: workItems.map((wi) => ({
        url: adoWorkItemUrl(connection.organization, String(wi.fields?.["System.TeamProject"] ?? repository.project), wi.id),
        snapshot: workItemSnapshot(connection.organization, wi),
      })),
      write: async (transaction) => {
        for (const { c, email } of byEmail) await recordComment(request.workspaceId, c, email, transaction);
      },
    },
    next: prs.length === DETAILS_PAGE ? JSON.stringify({ phase: "details", skip: skip + prs.length }) : null,
    total: null,
    requests,
    waitMs: client.lastHeaders ? adoPace(client.lastHeaders) : 0,
    stage: `Reading comments and work items: ${done} of ${total} pull requests`,
  };
}
