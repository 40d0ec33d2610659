import { Op } from "sequelize";
import { CreateAgendaItemRequest, CreateOneOnOneRequest, OneOnOne, Page, PageQuery, AgendaItem, UpdateAgendaItemRequest } from "@groundwork/shared-types";
import { badRequest, notFound } from "../http/errors.js";
import { keysetPage, presentPage } from "../http/pages.js";
import { route, type MemberContext } from "../http/route.js";
import { AgendaItemRow, OneOnOneRow } from "../storage/models.js";
import { destroyWithLinks, linksByTarget } from "./contextLinks.js";
import { memberInWorkspace } from "./people.js";

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

export const oneOnOneRoutes = [
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
