import { literal, Op, QueryTypes, type WhereOptions } from "sequelize";
import { z } from "zod";
import { LinkTarget, Page, PageQuery } from "@groundwork/shared-types";
import { decodeCursor, encodeCursor, keysetPage } from "../http/pages.js";
import { route, type MemberContext } from "../http/route.js";
import { AgendaItemRow, CompetencyRow, FeedbackRow, KeyResultRow, MemberRow, ObjectiveRow, OneOnOneRow, UserRow } from "../storage/models.js";

const short = (text: string) => (text.length > 70 ? `${text.slice(0, 69)}…` : text);

export const LinkTargetQuery = PageQuery.extend({
  q: z.string().trim().max(100).optional().describe("Words in the target's text, or the teammate's name it concerns"),
  limit: z.coerce.number().int().min(1).max(200).default(20).describe("Items per page (1–200, 20 by default)"),
});
export type LinkTargetQuery = z.infer<typeof LinkTargetQuery>;

interface Search {
  ctx: MemberContext;
  /** `lower(column) LIKE '%text%'`, or nothing to match when there is no text. */
  matches(column: string): WhereOptions | undefined;
  /** Members whose name matches, when there is text. */
  namedMembers: string[] | null;
}
type Kind = (s: Search, page: PageQuery) => Promise<Page<LinkTarget>>;

async function names(ids: string[]) {
  const rows = await MemberRow.findAll({ where: { id: { [Op.in]: [...new Set(ids)] } }, include: [{ model: UserRow, as: "user" }] });
  return new Map(rows.map((m) => [m.id, m.user?.name ?? "a former member"]));
}

const feedback: Kind = async ({ ctx, matches, namedMembers }, page) => {
  const me = ctx.auth.member.id;
  const text = matches("body");
  const where = {
    workspaceId: ctx.auth.workspace.id,
    [Op.and]: [
      { [Op.or]: [{ authorId: me }, { subjectId: me, visibility: "shared_with_subject" }] },
      ...(text ? [{ [Op.or]: [text, { subjectId: { [Op.in]: namedMembers ?? [] } }] }] : []),
    ],
  };
  const rows = await keysetPage(FeedbackRow, { where }, { by: "createdAt", direction: "DESC" }, page);
  const name = await names(rows.items.map((f) => f.subjectId));
  return {
    items: rows.items.map((f) => ({ type: "feedback", id: f.id, group: "Feedback", title: `About ${name.get(f.subjectId)}: ${short(f.body)}` })),
    nextCursor: rows.nextCursor,
  };
};

const agendaItems: Kind = async ({ ctx, matches, namedMembers }, page) => {
  const me = ctx.auth.member.id;
  const mine = await OneOnOneRow.findAll({ where: { workspaceId: ctx.auth.workspace.id, [Op.or]: [{ memberAId: me }, { memberBId: me }] } });
  const other = new Map(mine.map((o) => [o.id, o.memberAId === me ? o.memberBId : o.memberAId]));
  const text = matches("text");
  const withNamed = mine.filter((o) => namedMembers?.includes(other.get(o.id)!)).map((o) => o.id);
  const where = {
    oneOnOneId: { [Op.in]: [...other.keys()] },
    done: false,
    ...(text ? { [Op.or]: [text, { oneOnOneId: { [Op.in]: withNamed } }] } : {}),
  };
  const rows = await keysetPage(AgendaItemRow, { where }, { by: "createdAt", direction: "ASC" }, page);
  const name = await names(rows.items.map((a) => other.get(a.oneOnOneId)!));
  return {
    items: rows.items.map((a) => ({
      type: "agenda_item",
      id: a.id,
      group: "1:1 agendas",
      title: `With ${name.get(other.get(a.oneOnOneId)!)}: ${short(a.text)}`,
    })),
    nextCursor: rows.nextCursor,
  };
};

const objectives: Kind = async ({ ctx, matches }, page) => {
  const text = matches("title");
  const where = { workspaceId: ctx.auth.workspace.id, ...(text ? { [Op.or]: [text, matches("period")!] } : {}) };
  const rows = await keysetPage(ObjectiveRow, { where }, { by: "createdAt", direction: "DESC" }, page);
  return {
    items: rows.items.map((o) => ({ type: "objective", id: o.id, group: "OKRs", title: `${o.period} · ${o.title}` })),
    nextCursor: rows.nextCursor,
  };
};

const keyResults: Kind = async ({ ctx, matches }, page) => {
  const ws = ctx.services.storage.sequelize.escape(ctx.auth.workspace.id);
  const text = matches("title");
  const where = {
    [Op.and]: [literal(`objective_id IN (SELECT id FROM objectives WHERE workspace_id = ${ws})`), ...(text ? [text] : [])],
  };
  const rows = await keysetPage(KeyResultRow, { where }, { by: "createdAt", direction: "ASC" }, page);
  const parents = await ObjectiveRow.findAll({ where: { id: { [Op.in]: rows.items.map((k) => k.objectiveId) } } });
  const title = new Map(parents.map((o) => [o.id, o.title]));
  return {
    items: rows.items.map((k) => ({ type: "key_result", id: k.id, group: "OKRs", title: `${title.get(k.objectiveId)} → ${k.title}` })),
    nextCursor: rows.nextCursor,
  };
};

const competencies: Kind = async ({ ctx, matches }, page) => {
  const where = { workspaceId: ctx.auth.workspace.id, ...(matches("name") ? { [Op.and]: [matches("name")!] } : {}) };
  const rows = await keysetPage(CompetencyRow, { where }, { by: "name", direction: "ASC" }, page);
  return {
    items: rows.items.map((c) => ({ type: "competency", id: c.id, group: "Competencies", title: c.name })),
    nextCursor: rows.nextCursor,
  };
};

/** Searched in this order, each kind read a keyset page at a time. */
const KINDS = [feedback, agendaItems, objectives, keyResults, competencies];
const Position = z.tuple([
  z
    .number()
    .int()
    .min(0)
    .max(KINDS.length - 1),
  z.string().max(600).nullable(),
]);

/**
 * What the caller may attach a pull request or work item to, matching `q` — for a type-ahead
 * picker. The cursor names the kind being read and the position inside it.
 */
export async function linkTargetsFor(ctx: MemberContext, query: LinkTargetQuery): Promise<Page<LinkTarget>> {
  const search = await searchFor(ctx, query.q);
  const [first, inner] = query.cursor ? decodeCursor(query.cursor, Position) : [0, null];
  const items: LinkTarget[] = [];
  for (let kind = first; kind < KINDS.length; kind++) {
    const limit = query.limit - items.length;
    if (limit === 0) return { items, nextCursor: encodeCursor([kind, null]) };
    const page = await KINDS[kind]!(search, { limit, cursor: kind === first ? (inner ?? undefined) : undefined });
    items.push(...page.items);
    if (page.nextCursor) return { items, nextCursor: encodeCursor([kind, page.nextCursor]) };
  }
  return { items, nextCursor: null };
}

async function searchFor(ctx: MemberContext, q: string | undefined): Promise<Search> {
  if (!q) return { ctx, matches: () => undefined, namedMembers: null };
  const sequelize = ctx.services.storage.sequelize;
  const pattern = sequelize.escape(`%${q.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
  const named = await sequelize.query<{ id: string }>(
    `SELECT m.id FROM members m JOIN users u ON u.id = m.user_id
     WHERE m.workspace_id = :ws AND lower(u.name) LIKE ${pattern} ESCAPE '\\'`,
    { type: QueryTypes.SELECT, replacements: { ws: ctx.auth.workspace.id } },
  );
  return {
    ctx,
    matches: (column) => literal(`lower("${column}") LIKE ${pattern} ESCAPE '\\'`) as WhereOptions,
    namedMembers: named.map((m) => m.id),
  };
}

export const linkTargetRoutes = [
  route({
    method: "get",
    path: "/api/link-targets",
    summary: "What the caller may attach a pull request or work item to (their feedback, open 1:1 agenda items, OKRs and competencies), matching q",
    tag: "Context",
    access: "member",
    query: LinkTargetQuery,
    response: Page(LinkTarget),
    handler: async ({ query }, ctx) => linkTargetsFor(ctx, query),
  }),
];
