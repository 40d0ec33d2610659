import { z } from "zod";
import { bitbucketPullRequestKeyPrefix, bitbucketPullRequestUrl } from "@groundwork/shared-types";
import type { AppServices } from "../../http/services.js";
import type { HistoryRepository, HistorySource } from "../adapter.js";
import { importSnapshots } from "../snapshot.js";
import { access, bitbucketPullRequestSnapshot, type BitbucketVia } from "./jobs.js";
import { BitbucketInstallationRow, BitbucketTokenConnectionRow } from "./models.js";

/**
 * Bitbucket documents no rate-limit headers, only 429 past a rolling hour's allowance (1,000
 * calls for most repository resources): an import spends at most 90% of it, so live work and
 * the people using Bitbucket keep the rest.
 */
const SHARE_OF_ALLOWANCE = 0.9;
const paceMs = (services: AppServices) => Math.ceil(3600_000 / (services.config.bitbucket.requestsPerHour * SHARE_OF_ALLOWANCE));

/** A history import reads through the Connect installation or the token connection it was started for. */
async function viaOf(workspaceId: string, connectionId?: string) {
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
    const page = await on.client.pullRequestHistoryPage(workspace, slug, request, request.cursor);
    const items = page.values.flatMap((pr) => {
      const snapshot = bitbucketPullRequestSnapshot(`${workspace}/${slug}`, pr);
      return snapshot ? [{ url: bitbucketPullRequestUrl(workspace, slug, pr.id), snapshot }] : [];
    });
    return { items, next: page.next, total: page.size, requests: 1, waitMs: paceMs(services) };
  },
};
