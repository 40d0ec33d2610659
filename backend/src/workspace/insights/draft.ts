import { Op } from "sequelize";
import { FeedbackDraft, FeedbackDraftRequest, Insight, type InsightPoint } from "@groundwork/shared-types";
import { THEME_LABELS } from "@groundwork/shared-types/labels";
import { ApiError } from "../../http/errors.js";
import { route, type MemberContext } from "../../http/route.js";
import { ContextItemRow } from "../../storage/models.js";
import { contributionScope } from "../contextLinks.js";
import { memberInWorkspace } from "../people.js";

/** One cited item as a draft reads it. */
interface Cited {
  id: string;
  title: string;
  url: string;
  where: string | null;
  state: string | null;
  insight: Insight | null;
}

const list = (xs: string[]) => (xs.length <= 1 ? (xs[0] ?? "") : `${xs.slice(0, -1).join(", ")} and ${xs.at(-1)}`);
/** "Made refunds idempotent" → "made refunds idempotent": a point as part of a sentence about "you". */
const inSentence = (p: InsightPoint) => p.text.charAt(0).toLowerCase() + p.text.slice(1).replace(/[.]$/, "");
const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}${/[.!?]$/.test(text) ? "" : "."}`;

/**
 * A situation–behaviour–impact note from what the items' insights say, citing each item: a
 * starting point the writer edits, never saved by itself.
 */
export function draftFrom(items: Cited[]): FeedbackDraft {
  const named = items.map((i) => `“${i.title}”${i.where ? ` (${i.where}${i.state === "merged" || i.state === "completed" ? ", merged" : ""})` : ""}`);
  const situation = sentence(`In ${list(named)}`);
  const behaviour = items
    .map((i) => {
      const points = (i.insight?.contributions ?? []).slice(0, 4);
      if (!points.length) return sentence(`You worked on “${i.title}”`);
      return sentence(`You ${list(points.map(inSentence))}`);
    })
    .join(" ");
  const impacts = items.flatMap((i) => (i.insight?.impact ?? []).filter((p) => !/^(merged|closed without merging)/i.test(p.text)).slice(0, 2));
  const themes = [...new Set(items.flatMap((i) => (i.insight?.themes ?? []).map((t) => THEME_LABELS[t.theme].toLowerCase())))];
  const impact = impacts.length
    ? impacts.map((p) => sentence(p.text)).join(" ")
    : themes.length
      ? sentence(`It was work on ${list(themes.slice(0, 3))} — what did it change for users or the team?`)
      : "What did it change for users or the team?";
  return {
    situation,
    behaviour,
    impact,
    body: `Situation: ${situation}\n\nBehaviour: ${behaviour}\n\nImpact: ${impact}`,
    cites: items.map((i) => ({ contextItemId: i.id, title: i.title, url: i.url })),
  };
}

async function draft(ctx: MemberContext, body: FeedbackDraftRequest) {
  const subject = await memberInWorkspace(ctx, body.subjectId, "body.subjectId");
  const ids = [...new Set(body.contextItemIds)];
  // Only what the caller sees among the subject's contributions: anything else is "not found", alike.
  const found = await ContextItemRow.findAll({ where: { [Op.and]: [contributionScope(ctx, subject).where, { id: { [Op.in]: ids } }] } });
  const missing = ids.filter((id) => !found.some((i) => i.id === id));
  if (missing.length)
    throw new ApiError(404, "not_found", `Not among ${subject.user.name}'s contributions that you can see: ${missing.join(", ")}`, "body.contextItemIds");
  const byId = new Map(found.map((i) => [i.id, i]));
  return draftFrom(
    ids.map((id) => {
      const i = byId.get(id)!;
      const insight = Insight.safeParse(i.insight);
      const ids = i.hostIds;
      const reference = ids.pullRequestId !== undefined ? `!${ids.pullRequestId}` : ids.workItemId !== undefined ? `#${ids.workItemId}` : "";
      const place = (i.metadata as { repository?: string | null; project?: string | null } | null)?.repository ?? String(ids.repository ?? ids.project ?? "");
      return {
        id: i.id,
        title: i.title ?? `${i.kind === "pull_request" ? "PR" : "Work item"} ${reference}`.trim(),
        url: i.url,
        where: place ? `${place} ${reference}`.trim() : reference || null,
        state: i.state,
        insight: insight.success ? insight.data : null,
      };
    }),
  );
}

export const feedbackDraftRoutes = [
  route({
    method: "post",
    path: "/api/feedback/drafts",
    summary: "Draft feedback (situation, behaviour, impact) from a member's pull requests or work items; nothing is saved",
    tag: "Feedback",
    access: "member",
    body: FeedbackDraftRequest,
    response: FeedbackDraft,
    handler: ({ body }, ctx) => draft(ctx, body),
  }),
];
