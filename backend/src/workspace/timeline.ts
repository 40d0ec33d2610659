import { literal, Op, where as sqlWhere, type WhereOptions } from "sequelize";
import {
  Timeline,
  TimelineQuery,
  type Insight,
  type ItemDetails,
  type Theme,
  type TimelineEntry,
  type TimelinePeriod,
  type TimelinePeriodKind,
} from "@groundwork/shared-types";
import { forbidden } from "../http/errors.js";
import { route, type MemberContext } from "../http/route.js";
import { AssignmentRow, ContextItemRow, ContextLinkRow, ContextUpdateRow, IdentityLinkRow, MemberRow, OneOnOneRow } from "../storage/models.js";
import { contributionScope, toContextItem, updatesByItem, visibleTargets } from "./contextLinks.js";
import { memberInWorkspace } from "./people.js";
import { identityKey } from "./accountLinks.js";
import { assignmentEventsBetween } from "./assignments.js";

/** At most this many items of each kind are read for one timeline, and shown in one period. */
const READ_LIMIT = 2000;
const PERIOD_ENTRIES = 50;
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** The start of the period (UTC) that holds `day`: a week's Monday, a month's first, a quarter's first. */
function periodStart(kind: TimelinePeriodKind, day: Date) {
  const d = new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate()));
  if (kind === "week") return new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86400_000);
  const month = kind === "month" ? d.getUTCMonth() : d.getUTCMonth() - (d.getUTCMonth() % 3);
  return new Date(Date.UTC(d.getUTCFullYear(), month, 1));
}
function shift(kind: TimelinePeriodKind, start: Date, by: number) {
  if (kind === "week") return new Date(start.getTime() + by * 7 * 86400_000);
  return new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + by * (kind === "month" ? 1 : 3), 1));
}
function label(kind: TimelinePeriodKind, start: Date) {
  if (kind === "week") return `Week of ${start.getUTCDate()} ${MONTHS[start.getUTCMonth()]!.slice(0, 3)} ${start.getUTCFullYear()}`;
  if (kind === "month") return `${MONTHS[start.getUTCMonth()]} ${start.getUTCFullYear()}`;
  return `${start.getUTCFullYear()} Q${Math.floor(start.getUTCMonth() / 3) + 1}`;
}
/** The `count` periods ending with the one that holds `until`, oldest first. */
export function periodsUntil(kind: TimelinePeriodKind, until: Date, count: number) {
  const last = periodStart(kind, until);
  return Array.from({ length: count }, (_, i) => {
    const start = shift(kind, last, i - count + 1);
    return { start, end: shift(kind, start, 1), label: label(kind, start) };
  });
}

/** A member's timeline is theirs, the owners', and whoever holds 1:1s with them. */
async function mayRead(ctx: MemberContext, memberId: string) {
  const me = ctx.auth.member.id;
  if (me === memberId || ctx.auth.member.role === "owner") return true;
  const shared = await OneOnOneRow.count({
    where: {
      workspaceId: ctx.auth.workspace.id,
      [Op.or]: [
        { memberAId: me, memberBId: memberId },
        { memberAId: memberId, memberBId: me },
      ],
    },
  });
  return shared > 0;
}

/** When an item's work happened, as its host dates it: a PR's close, else its last update, else its opening; a work item's last change. */
export function workDate(d: ItemDetails) {
  const at = d.kind === "pull_request" ? (d.closedAt ?? d.updatedAt ?? d.createdAt) : d.updatedAt;
  const date = at ? new Date(at) : null;
  return date && !Number.isNaN(date.getTime()) ? date : null;
}

type StoredReviewer = Extract<ItemDetails, { kind: "pull_request" }>["reviewers"][number] & { account?: string | null };

/** "|email:a@x|bitbucket:{uuid}|": each PR reviewer's email and host account (stored beside the shared fields), delimited for a LIKE match. */
export function reviewerKeysOf(host: string, d: ItemDetails) {
  if (d.kind !== "pull_request") return null;
  const keys = (d.reviewers as StoredReviewer[]).flatMap((r) =>
    [r.email ? identityKey.email(r.email) : null, r.account ? identityKey.account(host, r.account) : null].filter((k): k is string => Boolean(k)),
  );
  return keys.length ? `|${keys.join("|")}|` : null;
}

/** How a member appears on the hosts: their email, and each host account they linked. */
async function identityKeys(member: MemberRow) {
  const links = await IdentityLinkRow.findAll({ where: { workspaceId: member.workspaceId, memberId: member.id } });
  return { email: identityKey.email(member.emailNormalized), accounts: links.map((l) => identityKey.account(l.host, l.externalUserId)), links };
}

/** LIKE with `!` as its escape, the same on SQLite and PostgreSQL. */
const likePattern = (text: string) => `%|${text.replace(/[!%_]/g, "!$&")}|%`;

const workedAt = (i: ContextItemRow) => i.workedAt ?? i.createdAt;
const inRange = (start: Date, end: Date) =>
  sqlWhere(literal('COALESCE("ContextItemRow"."worked_at", "ContextItemRow"."created_at")'), { [Op.gte]: start, [Op.lt]: end });

/** What a member did between two times (authored, reviewed, commented, attached to their work), newest first, as the caller may see it. */
export async function entriesBetween(ctx: MemberContext, member: MemberRow, start: Date, end: Date): Promise<TimelineEntry[]> {
  const ws = ctx.auth.workspace.id;
  const keys = await identityKeys(member);
  const reviewedBy: WhereOptions<ContextItemRow> = {
    [Op.or]: [keys.email, ...keys.accounts].map((k) =>
      literal(`"ContextItemRow"."reviewer_keys" LIKE ${ctx.services.storage.sequelize.escape(likePattern(k))} ESCAPE '!'`),
    ),
  };
  const [theirs, reviewed, comments, assigned] = await Promise.all([
    ContextItemRow.findAll({ where: { [Op.and]: [contributionScope(ctx, member).where, inRange(start, end)] }, limit: READ_LIMIT }),
    ContextItemRow.findAll({ where: { [Op.and]: [{ workspaceId: ws, kind: "pull_request" }, reviewedBy, inRange(start, end)] }, limit: READ_LIMIT }),
    ContextUpdateRow.findAll({
      where: { workspaceId: ws, memberId: member.id, occurredAt: { [Op.gte]: start, [Op.lt]: end } },
      order: [["occurredAt", "DESC"]],
      limit: READ_LIMIT,
    }),
    AssignmentRow.findAll({ where: { workspaceId: ws, memberId: member.id, pullRequestKey: { [Op.ne]: null } }, attributes: ["pullRequestKey"] }),
  ]);
  // Their assignment's pull request is their work, though Groundwork opened it with someone else's credentials.
  const theirAssignments = new Set(assigned.map((a) => a.pullRequestKey));
  const authoredBy = (i: ContextItemRow) =>
    i.authorEmailNormalized === member.emailNormalized ||
    keys.links.some((l) => l.host === i.host && l.externalUserId === i.authorAccount) ||
    theirAssignments.has(i.externalKey);
  // Comments are on items of any date: theirs are read by id.
  const known = new Map([...theirs, ...reviewed].map((i) => [i.id, i]));
  const missing = [...new Set(comments.map((c) => c.contextItemId))].filter((id) => !known.has(id));
  if (missing.length) for (const i of await ContextItemRow.findAll({ where: { workspaceId: ws, id: { [Op.in]: missing } } })) known.set(i.id, i);
  const ids = [...known.keys()];
  const [updates, links] = await Promise.all([updatesByItem(ids), ids.length ? ContextLinkRow.findAll({ where: { contextItemId: { [Op.in]: ids } } }) : []]);
  const titles = await visibleTargets(
    ctx,
    links.map((l) => ({ type: l.targetType, id: l.targetId })),
  );
  const attachedTo = (itemId: string) =>
    links
      .filter((l) => l.contextItemId === itemId && titles.has(`${l.targetType}:${l.targetId}`))
      .map((l) => ({ targetType: l.targetType, targetId: l.targetId, title: titles.get(`${l.targetType}:${l.targetId}`)! }));
  const entry = (i: ContextItemRow, fields: Pick<TimelineEntry, "kind" | "at"> & Partial<TimelineEntry>): TimelineEntry => ({
    verdict: null,
    comment: null,
    ...fields,
    item: toContextItem(i, updates),
    attachedTo: attachedTo(i.id),
  });
  /** Their verdict among the reviewers (each stored with its host account beside the shared fields). */
  const verdictOf = (i: ContextItemRow) => {
    const details = i.metadata as ItemDetails | null;
    if (details?.kind !== "pull_request") return null;
    const mine = (details.reviewers as StoredReviewer[]).find(
      (r) => (r.email && identityKey.email(r.email) === keys.email) || (r.account && keys.accounts.includes(identityKey.account(i.host, r.account))),
    );
    return mine?.verdict ?? null;
  };
  return [
    // What they reviewed shows as their review, not again as merely attached to their work.
    ...theirs
      .filter((i) => authoredBy(i) || !reviewed.some((r) => r.id === i.id))
      .map((i) => entry(i, { kind: authoredBy(i) ? "authored" : "attached", at: workedAt(i).toISOString() })),
    ...reviewed.filter((i) => !authoredBy(i)).map((i) => entry(i, { kind: "reviewed", at: workedAt(i).toISOString(), verdict: verdictOf(i) })),
    ...comments.map((c) => entry(known.get(c.contextItemId)!, { kind: "commented", at: c.occurredAt.toISOString(), comment: { body: c.body, url: c.url } })),
  ].sort((a, b) => b.at.localeCompare(a.at));
}

/** The themes of the work they authored among `entries`, most frequent first. */
export function themeCounts(entries: TimelineEntry[]) {
  const counts = new Map<Theme, number>();
  for (const e of entries)
    if (e.kind === "authored") for (const t of (e.item.insight as Insight | null)?.themes ?? []) counts.set(t.theme, (counts.get(t.theme) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([theme, count]) => ({ theme, count }));
}

async function timelineOf(ctx: MemberContext, memberId: string, query: TimelineQuery): Promise<Timeline> {
  const member = await memberInWorkspace(ctx, memberId, "params.id");
  if (!(await mayRead(ctx, member.id))) throw forbidden("Only they, the workspace's owners and whoever holds 1:1s with them see their timeline");
  const periods = periodsUntil(query.period, query.until ? new Date(`${query.until}T00:00:00Z`) : new Date(), query.periods);
  const [entries, assignments] = await Promise.all([
    entriesBetween(ctx, member, periods[0]!.start, periods.at(-1)!.end),
    assignmentEventsBetween(ctx, member.id, periods[0]!.start, periods.at(-1)!.end),
  ]);

  const shown: TimelinePeriod[] = periods.map((p) => {
    const inPeriod = entries.filter((e) => e.at >= p.start.toISOString() && e.at < p.end.toISOString());
    const count = (kind: TimelineEntry["kind"]) => inPeriod.filter((e) => e.kind === kind).length;
    return {
      start: p.start.toISOString(),
      end: p.end.toISOString(),
      label: p.label,
      counts: { authored: count("authored"), reviewed: count("reviewed"), commented: count("commented"), attached: count("attached") },
      themes: themeCounts(inPeriod),
      entries: inPeriod.slice(0, PERIOD_ENTRIES),
      assignments: assignments.filter((e) => e.at >= p.start.toISOString() && e.at < p.end.toISOString()),
    };
  });
  const recurring = new Map<Theme, { count: number; periods: number }>();
  for (const p of shown)
    for (const t of p.themes) {
      const r = recurring.get(t.theme) ?? { count: 0, periods: 0 };
      recurring.set(t.theme, { count: r.count + t.count, periods: r.periods + 1 });
    }
  return {
    memberId: member.id,
    period: query.period,
    periods: shown,
    themes: [...recurring.entries()]
      .sort((a, b) => b[1].periods - a[1].periods || b[1].count - a[1].count || a[0].localeCompare(b[0]))
      .map(([theme, r]) => ({ theme, ...r })),
  };
}

export const timelineRoutes = [
  route({
    method: "get",
    path: "/api/members/:id/timeline",
    summary: "A member's work by week, month or quarter: pull requests authored and reviewed, comments, and where each is attached",
    tag: "Contributions",
    access: "member",
    query: TimelineQuery,
    response: Timeline,
    handler: ({ params, query }, ctx) => timelineOf(ctx, params.id, query),
  }),
];
