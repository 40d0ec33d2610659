import type { PullRequestPanelData, ParsedContextUrl } from "@groundwork/shared-types";
import type { MemberContext } from "../http/route.js";
import { ContextItemRow, ContextLinkRow } from "../storage/models.js";
import { contextLinkRoutes, storedInsight, toContextLink, updatesByItem, visibleTargets } from "./contextLinks.js";
import { linkTargetRoutes } from "./linkTargets.js";

/** What a host's PR panel shows: where the PR is attached, as far as the caller may see. */
export async function pullRequestPanel(ctx: MemberContext, pr: ParsedContextUrl): Promise<PullRequestPanelData> {
  const item = await ContextItemRow.findOne({ where: { workspaceId: ctx.auth.workspace.id, externalKey: pr.externalKey } });
  const rows = item
    ? ((await ContextLinkRow.findAll({
        where: { contextItemId: item.id },
        include: [{ model: ContextItemRow, as: "item" }],
        order: [["createdAt", "ASC"]],
      })) as (ContextLinkRow & { item: ContextItemRow })[])
    : [];
  const [updates, titles] = await Promise.all([
    updatesByItem(item ? [item.id] : []),
    visibleTargets(
      ctx,
      rows.map((r) => ({ type: r.targetType, id: r.targetId })),
    ),
  ]);
  // Links on things the caller may not see (someone else's private feedback) stay hidden.
  const links = rows.flatMap((row) => {
    const title = titles.get(`${row.targetType}:${row.targetId}`);
    return title === undefined ? [] : [{ ...toContextLink(row, updates), targetTitle: title }];
  });
  return {
    workspace: { name: ctx.auth.workspace.name, url: new URL("/", ctx.services.config.publicUrl).toString() },
    member: { id: ctx.auth.member.id, name: ctx.auth.member.user.name },
    pullRequestUrl: pr.canonicalUrl,
    links,
    insight: storedInsight(item?.insight ?? null),
  };
}

/** Searching link targets, attaching and unlinking: the workspace's own routes, for a host panel under its own prefix and authentication. */
export const panelWorkspaceRoutes = (prefix: string, tag: string) =>
  [...linkTargetRoutes, ...contextLinkRoutes]
    .filter(
      (r) =>
        (r.method === "get" && r.path === "/api/link-targets") ||
        (r.method === "post" && r.path === "/api/context-links") ||
        (r.method === "delete" && r.path === "/api/context-links/:id"),
    )
    .map((r) => ({ ...r, path: r.path.replace(/^\/api/, prefix), tag }));
