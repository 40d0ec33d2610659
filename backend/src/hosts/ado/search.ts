import { adoPullRequestUrl, adoWorkItemUrl, type FoundItem } from "@groundwork/shared-types";
import type { MemberContext } from "../../http/route.js";
import { searchWords } from "../adapter.js";
import { AdoError, type AdoClient, type AdoPullRequest } from "./client.js";
import { clientFor } from "./credentials.js";
import { AdoConnectionRow } from "./models.js";
import { identityField, pullRequestState } from "./snapshots.js";

/** What one search reads at most: projects with followed repositories, pull requests per project, work items. */
const PROJECTS = 10;
const PULL_REQUESTS_PER_PROJECT = 50;
const WORK_ITEMS = 20;
const WORK_ITEM_FIELDS = ["System.Title", "System.State", "System.WorkItemType", "System.TeamProject", "System.AssignedTo", "System.ChangedDate"];

/** A WIQL string literal: single quotes, a quote inside doubled (learn.microsoft.com/azure/devops/boards/queries/wiql-syntax). */
const wiqlString = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Recent work items of any project (a connection follows repositories, not boards) whose title
 * holds every word, or whose number one word is. $top keeps Azure DevOps from refusing a query
 * that matches more than 20,000.
 */
export function workItemQuery(words: string[]) {
  const conditions = words.map((word) => {
    const id = /^#?(\d{1,9})$/.exec(word)?.[1];
    return id ? `([System.Title] CONTAINS ${wiqlString(word)} OR [System.Id] = ${id})` : `[System.Title] CONTAINS ${wiqlString(word)}`;
  });
  return `SELECT [System.Id] FROM WorkItems${conditions.length ? ` WHERE ${conditions.join(" AND ")}` : ""} ORDER BY [System.ChangedDate] DESC`;
}

/**
 * Someone typing in the attach box searches again every few keystrokes, and Azure DevOps filters
 * pull requests by none of the words: each project's recent ones are kept per connection for a
 * short while (a failed read is not kept), so a search reads them once, not once per keystroke.
 */
const RECENT_TTL_MS = 30_000;
const RECENT_MAX = 500;
const recentPullRequests = new Map<string, { until: number; read: Promise<AdoPullRequest[]> }>();
function recentPullRequestsOf(connection: AdoConnectionRow, client: AdoClient, project: string) {
  const key = `${connection.id}\0${project}`;
  const now = Date.now();
  const kept = recentPullRequests.get(key);
  if (kept && kept.until > now) return kept.read;
  for (const [k, v] of recentPullRequests) if (v.until <= now || recentPullRequests.size >= RECENT_MAX) recentPullRequests.delete(k);
  const read = client.pullRequestsOfProject(project, PULL_REQUESTS_PER_PROJECT);
  recentPullRequests.set(key, { until: now + RECENT_TTL_MS, read });
  read.catch(() => recentPullRequests.delete(key));
  return read;
}

function foundPullRequest(organization: string, pr: AdoPullRequest): FoundItem {
  const project = pr.repository!.project!.name;
  const repository = pr.repository!.name;
  return {
    host: "ado",
    kind: "pull_request",
    url: adoPullRequestUrl(organization, project, repository, pr.pullRequestId),
    title: pr.title ?? `Pull request ${pr.pullRequestId}`,
    reference: `!${pr.pullRequestId}`,
    where: repository,
    author: pr.createdBy?.displayName ?? null,
    state: pullRequestState(pr),
    // Azure DevOps keeps no "last updated" on a pull request.
    updatedAt: pr.closedDate ?? pr.creationDate ?? null,
  };
}

/**
 * Pull requests of the repositories the connection follows whose title, author, repository or
 * number hold every word of `q`, and work items by title or number. Azure
 * DevOps filters pull requests by none of these, so each project's most recent are read and
 * matched here; work items are found by a WIQL query.
 */
export async function findAdoItems(ctx: MemberContext, q: string): Promise<FoundItem[]> {
  const connection = await AdoConnectionRow.findOne({ where: { workspaceId: ctx.auth.workspace.id } });
  if (!connection) return [];
  if (connection.status === "auth_failed") throw new AdoError("auth", "its token was refused; renew it under Integrations");
  const client = clientFor(ctx.services, connection);
  const projects = [...new Set(connection.repositories.map((r) => r.project))].slice(0, PROJECTS);
  const followed = new Set(connection.repositories.map((r) => r.id.toLowerCase()));
  const words = searchWords(q);
  const matches = (pr: AdoPullRequest) => {
    const text = [pr.title, pr.createdBy?.displayName, pr.createdBy?.uniqueName, pr.repository?.name, `!${pr.pullRequestId}`, `#${pr.pullRequestId}`]
      .join(" ")
      .toLowerCase();
    return words.every((w) => text.includes(w));
  };
  const [pullRequests, workItems] = await Promise.all([
    connection.services.pullRequests
      ? Promise.all(projects.map((p) => recentPullRequestsOf(connection, client, p))).then((pages) =>
          pages.flat().filter((pr) => followed.has(pr.repository?.id.toLowerCase() ?? "") && pr.repository?.project?.name && matches(pr)),
        )
      : [],
    connection.services.workItems ? client.queryWorkItems(workItemQuery(words), WORK_ITEMS).then((ids) => client.workItems(ids, WORK_ITEM_FIELDS)) : [],
  ]);
  return [
    ...pullRequests.map((pr) => foundPullRequest(connection.organization, pr)),
    ...workItems.map((wi): FoundItem => {
      const f = wi.fields ?? {};
      const project = String(f["System.TeamProject"] ?? "");
      return {
        host: "ado",
        kind: "work_item",
        url: adoWorkItemUrl(connection.organization, project, wi.id),
        title: typeof f["System.Title"] === "string" ? f["System.Title"] : `Work item ${wi.id}`,
        reference: `#${wi.id}`,
        where: project || null,
        author: identityField(f["System.AssignedTo"])?.name ?? null,
        state: typeof f["System.State"] === "string" ? f["System.State"] : null,
        updatedAt: typeof f["System.ChangedDate"] === "string" ? f["System.ChangedDate"] : null,
      };
    }),
  ];
}
