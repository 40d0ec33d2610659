import type { PullRequestPanelData, ParsedContextUrl } from "@groundwork/shared-types";
import type { MemberContext } from "../http/route.js";
import { ContextItemRow, ContextLinkRow } from "../storage/models.js";
import { toContextLink, updatesByItem, visibleTargets } from "./contextLinks.js";
import { linkTargetsFor } from "./linkTargets.js";

/** What a host's PR panel shows: where the PR is attached (that the caller may see) and what it may be attached to. */
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
    visibleTargets(ctx, rows.map((r) => ({ type: r.targetType, id: r.targetId }))),
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
    targets: await linkTargetsFor(ctx),
  };
}
