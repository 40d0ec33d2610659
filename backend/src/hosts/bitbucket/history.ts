import { z } from "zod";
import { bitbucketPullRequestKeyPrefix, bitbucketPullRequestUrl } from "@groundwork/shared-types";
import type { AppServices } from "../../http/services.js";
import { linkedMember } from "../../workspace/accountLinks.js";
import type { HistoryPage, HistoryPageRequest, HistoryRepository, HistorySource } from "../adapter.js";
import { recordContextUpdate } from "../contextUpdates.js";
import { DETAILS_PAGE, importSnapshots, repositoryPullRequests } from "../snapshot.js";
import type { BitbucketComment } from "./client.js";
import { access, bitbucketPullRequestSnapshot, commentUpdate, type BitbucketVia } from "./jobs.js";
import { BitbucketInstallationRow, BitbucketTokenConnectionRow } from "./models.js";

/**
 * Bitbucket documents no rate-limit headers, only 429 past a rolling hour's allowance (1,000
 * calls for most repository resources): an import spends at most 90% of it, so live work and
 * the people using Bitbucket keep the rest.
 */
const SHARE_OF_ALLOWANCE = 0.9;
const paceMs = (services: AppServices) => Math.ceil(3600_000 / (services.config.bitbucket.requestsPerHour * SHARE_OF_ALLOWANCE));

/** A history import reads through the Connect installation or the token connection it was started for. */
export async function viaOf(workspaceId: string, connectionId?: string) {
  // Installations and connections are known by uuid (PostgreSQL refuses to compare anything else with one).
  if (connectionId !== undefined && !z.uuid().safeParse(connectionId).success) return [];
  const scope = { workspaceId, ...(connectionId ? { id: connectionId } : {}) };
  const vias: { via: BitbucketVia; workspace: string; repositories: string[] | null }[] = [];
  for (const i of await BitbucketInstallationRow.findAll({ where: { ...scope, status: "active" } }))
    if (i.principalName) vias.push({ via: { installationId: i.id }, workspace: i.principalName, repositories: null });
  for (const c of await BitbucketTokenConnectionRow.findAll({ where: scope }))
    vias.push({ via: { connectionId: c.id }, workspace: c.bitbucketWorkspace, repositories: c.repositories.map((r) => r.slug) });
  return vias;
}
const idOf = (via: BitbucketVia) => ("installationId" in via ? via.installationId : via.connectionId);

export const bitbucketHistory: HistorySource = {
  save: importSnapshots,
  async repositories(services, workspaceId, connectionId) {
    const found: HistoryRepository[] = [];
    for (const { via, workspace, repositories } of await viaOf(workspaceId, connectionId)) {
      // The app covers every repository of its workspace: they are listed from Bitbucket.
      const slugs = repositories ?? (await (await access(services, via))?.client.repositories(workspace))?.repositories.map((r) => r.slug) ?? [];
      for (const slug of slugs)
        found.push({
          connectionId: idOf(via),
          repository: `${workspace}/${slug}`,
          itemKeyPrefix: bitbucketPullRequestKeyPrefix(workspace, slug),
        });
    }
    return found;
  },

  async page(services, request) {
    const [{ via } = { via: null }] = await viaOf(request.workspaceId, request.connectionId);
    const on = via && (await access(services, via));
    const [workspace, slug] = request.repository.split("/") as [string, string];
    if (!on || !slug || !on.follows(slug)) return { items: [], next: null, total: null, requests: 0, waitMs: 0 };
    const details = request.cursor?.startsWith("{") ? Details.parse(JSON.parse(request.cursor)) : null;
    if (details) return comments(services, request, on, workspace, slug, details.comments);
    const page = await on.client.pullRequestHistoryPage(workspace, slug, request, request.cursor);
    const items = page.values.flatMap((pr) => {
      const snapshot = bitbucketPullRequestSnapshot(`${workspace}/${slug}`, pr);
      return snapshot ? [{ url: bitbucketPullRequestUrl(workspace, slug, pr.id), snapshot }] : [];
    });
    // After the last page, the comments — which count only for linked accounts, so not without a workspace to match them in.
    const next = page.next ?? (on.identityScope ? JSON.stringify({ comments: 0 }) : null);
    return { items, next, total: page.size, requests: 1, waitMs: paceMs(services) };
  },
};

const Details = z.object({ comments: z.number().int().min(0) });

/**
 * The last pass: the comments on the repository's pull requests in the workspace, a few at a
 * time; a comment counts as a member's contribution when its author linked their Bitbucket
 * account, keyed as the comment webhook's, so the two never double.
 */
async function comments(
  services: AppServices,
  request: HistoryPageRequest,
  on: NonNullable<Awaited<ReturnType<typeof access>>>,
  workspace: string,
  slug: string,
  skip: number,
): Promise<HistoryPage> {
  const { items: prs, total } = await repositoryPullRequests(request.workspaceId, bitbucketPullRequestKeyPrefix(workspace, slug), skip);
  const found: { key: string; comment: BitbucketComment }[] = [];
  let requests = 0;
  for (const pr of prs) {
    let next: string | null = null;
    do {
      const page = await on.client.pullRequestComments(workspace, slug, Number(pr.hostIds.pullRequestId), next);
      requests++;
      found.push(...page.values.filter((c) => c.id && !c.deleted).map((comment) => ({ key: pr.externalKey, comment })));
      next = page.next;
    } while (next);
  }
  const members = new Map<string, Awaited<ReturnType<typeof linkedMember>>>();
  for (const uuid of new Set(found.map((f) => f.comment.user?.uuid).filter((u): u is string => Boolean(u))))
    members.set(uuid, await linkedMember(request.workspaceId, "bitbucket", on.identityScope!, uuid));
  return {
    items: [],
    related: {
      items: [],
      write: async (transaction) => {
        for (const { key, comment } of found) {
          const author = comment.user?.uuid ? members.get(comment.user.uuid) : null;
          if (author) await recordContextUpdate(request.workspaceId, commentUpdate(key, comment, author), transaction);
        }
      },
    },
    next: prs.length === DETAILS_PAGE ? JSON.stringify({ comments: skip + prs.length }) : null,
    total: null,
    requests,
    waitMs: paceMs(services) * requests,
    stage: `Reading comments: ${Math.min(total, skip + prs.length)} of ${total} pull requests`,
  };
}
