import type { PullRequestPanelData, ParsedContextUrl } from "@groundwork/shared-types";
import { ApiError } from "../http/errors.js";
import type { MemberContext } from "../http/route.js";
import { ContextItemRow, ContextLinkRow } from "../storage/models.js";
import { toContextLink, updatesByItem, visibleTarget } from "./contextLinks.js";
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
  const updates = await updatesByItem(item ? [item.id] : []);
  const links = [];
  for (const row of rows) {
    // Links on things the caller may not see (someone else's private feedback) stay hidden.
    const target = await visibleTarget(ctx, row.targetType, row.targetId).catch((err) => {
      if (err instanceof ApiError && err.status === 404) return null;
      throw err;
    });
    if (target) links.push({ ...toContextLink(row, updates), targetTitle: target.title });
  }
  return {
    workspace: { name: ctx.auth.workspace.name, url: new URL("/", ctx.services.config.publicUrl).toString() },
    member: { id: ctx.auth.member.id, name: ctx.auth.member.user.name },
    pullRequestUrl: pr.canonicalUrl,
    links,
    targets: await linkTargetsFor(ctx),
  };
}
