import { Op } from "sequelize";
import {
  CreateAgendaItemRequest,
  CreateOneOnOneRequest,
  OneOnOne,
  Page,
  PageQuery,
  AgendaItem,
  SinceLastOneOnOne,
  UpdateAgendaItemRequest,
} from "@groundwork/shared-types";
import { badRequest, notFound } from "../http/errors.js";
import { keysetPage, presentPage } from "../http/pages.js";
import { route, type MemberContext } from "../http/route.js";
import { AgendaItemRow, OneOnOneRow } from "../storage/models.js";
import { destroyWithLinks, linksByTarget } from "./contextLinks.js";
import { memberInWorkspace } from "./people.js";
import { entriesBetween } from "./timeline.js";
import { assignmentEventsBetween } from "./assignments.js";

async function present(ctx: MemberContext, rows: OneOnOneRow[]): Promise<OneOnOne[]> {
  const items = await AgendaItemRow.findAll({
    where: { oneOnOneId: { [Op.in]: rows.map((r) => r.id) } },
    order: [["createdAt", "ASC"]],
  });
  const links = await linksByTarget(
    ctx.auth.workspace.id,
    "agenda_item",
    items.map((i) => i.id),
  );
  return rows.map((o) => ({
    id: o.id,
    memberIds: [o.memberAId, o.memberBId],
    createdAt: o.createdAt.toISOString(),
    lastHeldAt: o.lastHeldAt?.toISOString() ?? null,
    agenda: items.filter((i) => i.oneOnOneId === o.id).map((i) => toAgendaItem(i, links.get(i.id) ?? [])),
  }));
}

const toAgendaItem = (i: AgendaItemRow, links: AgendaItem["links"]): AgendaItem => ({
  id: i.id,
  authorId: i.authorId,
  text: i.text,
  done: Boolean(i.done),
  createdAt: i.createdAt.toISOString(),
  links,
});

/** A 1:1 the caller is part of; anyone else's answers 404. */
async function myOneOnOne(ctx: MemberContext, id: string, field = "params.id") {
  const me = ctx.auth.member.id;
  const o = await OneOnOneRow.findOne({ where: { id, workspaceId: ctx.auth.workspace.id } });
  if (!o || (o.memberAId !== me && o.memberBId !== me)) throw notFound("That 1:1", field);
  return o;
}

async function myAgendaItem(ctx: MemberContext, id: string) {
  const item = await AgendaItemRow.findByPk(id);
  if (!item) throw notFound("That agenda item", "params.id");
  await myOneOnOne(ctx, item.oneOnOneId, "params.id");
  return item;
}

/** How many of the other person's items "since last time" lists. */
const SINCE_LAST_ENTRIES = 30;
const FIRST_ONE_ON_ONE_DAYS = 30;

export const oneOnOneRoutes = [
  route({
    method: "post",
    path: "/api/one-on-ones/:id/held",
    summary: 'Mark the 1:1 held now: its "since last time" starts from here',
    tag: "1:1s",
    access: "member",
    response: OneOnOne,
    handler: async ({ params }, ctx) => {
      const o = await myOneOnOne(ctx, params.id);
      await o.update({ lastHeldAt: new Date() });
      return (await present(ctx, [o]))[0]!;
    },
  }),
  route({
    method: "get",
    path: "/api/one-on-ones/:id/since-last",
    summary: "The other person's work since the 1:1 was last held (before it ever was, the last 30 days): what to bring to the agenda",
    tag: "1:1s",
    access: "member",
    response: SinceLastOneOnOne,
    handler: async ({ params }, ctx) => {
      const o = await myOneOnOne(ctx, params.id);
      const other = await memberInWorkspace(ctx, o.memberAId === ctx.auth.member.id ? o.memberBId : o.memberAId, "params.id");
      // Never held yet: the last few weeks, so a first 1:1 has something to start from.
      const since = o.lastHeldAt ?? new Date(Math.min(o.createdAt.getTime(), Date.now() - FIRST_ONE_ON_ONE_DAYS * 86400_000));
      const until = new Date(Date.now() + 60_000);
      const [entries, assignments] = await Promise.all([entriesBetween(ctx, other, since, until), assignmentEventsBetween(ctx, other.id, since, until)]);
      return {
        memberId: other.id,
        since: since.toISOString(),
        entries: entries.slice(0, SINCE_LAST_ENTRIES),
        more: Math.max(0, entries.length - SINCE_LAST_ENTRIES),
        assignments,
      };
    },
  }),
  route({
    method: "get",
    path: "/api/one-on-ones",
    summary: "The caller's 1:1s with their agendas, oldest first",
    tag: "1:1s",
    access: "member",
    query: PageQuery,
    response: Page(OneOnOne),
    handler: async ({ query }, ctx) => {
      const me = ctx.auth.member.id;
      const where = { workspaceId: ctx.auth.workspace.id, [Op.or]: [{ memberAId: me }, { memberBId: me }] };
      const page = await keysetPage(OneOnOneRow, { where }, { by: "createdAt", direction: "ASC" }, query);
      return presentPage(page, (rows) => present(ctx, rows));
    },
  }),
  route({
    method: "post",
    path: "/api/one-on-ones",
    summary: "Start a 1:1 with a member (returns the existing one if the pair has one)",
    tag: "1:1s",
    access: "member",
    body: CreateOneOnOneRequest,
    response: OneOnOne,
    status: 201,
    handler: async ({ body }, ctx) => {
      const me = ctx.auth.member.id;
      if (body.memberId === me) throw badRequest("same_member", "A 1:1 needs two different people", "body.memberId");
      await memberInWorkspace(ctx, body.memberId, "body.memberId");
      const [a, b] = [me, body.memberId].sort() as [string, string];
      const [row] = await OneOnOneRow.findOrCreate({
        where: { workspaceId: ctx.auth.workspace.id, memberAId: a, memberBId: b },
        defaults: { workspaceId: ctx.auth.workspace.id, memberAId: a, memberBId: b },
      });
      return (await present(ctx, [row]))[0]!;
    },
  }),
  route({
    method: "post",
    path: "/api/one-on-ones/:id/agenda-items",
    summary: "Add an agenda item",
    tag: "1:1s",
    access: "member",
    body: CreateAgendaItemRequest,
    response: AgendaItem,
    status: 201,
    handler: async ({ body, params }, ctx) => {
      const o = await myOneOnOne(ctx, params.id);
      const item = await AgendaItemRow.create({ oneOnOneId: o.id, authorId: ctx.auth.member.id, text: body.text });
      return toAgendaItem(item, []);
    },
  }),
  route({
    method: "patch",
    path: "/api/agenda-items/:id",
    summary: "Edit an agenda item or tick it off",
    tag: "1:1s",
    access: "member",
    body: UpdateAgendaItemRequest,
    response: AgendaItem,
    handler: async ({ body, params }, ctx) => {
      const item = await myAgendaItem(ctx, params.id);
      await item.update(body);
      const links = await linksByTarget(ctx.auth.workspace.id, "agenda_item", [item.id]);
      return toAgendaItem(item, links.get(item.id) ?? []);
    },
  }),
  route({
    method: "delete",
    path: "/api/agenda-items/:id",
    summary: "Remove an agenda item, with its links",
    tag: "1:1s",
    access: "member",
    handler: async ({ params }, ctx) => {
      const item = await myAgendaItem(ctx, params.id);
      await destroyWithLinks(ctx, [["agenda_item", [item.id]]], (transaction) => item.destroy({ transaction }));
    },
  }),
];
