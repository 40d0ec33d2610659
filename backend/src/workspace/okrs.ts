import { Op } from "sequelize";
import { z } from "zod";
import {
  CreateKeyResultRequest,
  CreateObjectiveRequest,
  KeyResult,
  Objective,
  Page,
  PageQuery,
  UpdateKeyResultRequest,
  UpdateObjectiveRequest,
} from "@groundwork/shared-types";
import { forbidden, notFound } from "../http/errors.js";
import { keysetPage, presentPage } from "../http/pages.js";
import { route, type MemberContext } from "../http/route.js";
import { KeyResultRow, ObjectiveRow } from "../storage/models.js";
import { destroyWithLinks, linksByTarget } from "./contextLinks.js";
import { memberInWorkspace } from "./people.js";

async function present(ctx: MemberContext, rows: ObjectiveRow[]): Promise<Objective[]> {
  const ws = ctx.auth.workspace.id;
  const krs = await KeyResultRow.findAll({
    where: { objectiveId: { [Op.in]: rows.map((r) => r.id) } },
    order: [["createdAt", "ASC"]],
  });
  const [objectiveLinks, krLinks] = await Promise.all([
    linksByTarget(
      ws,
      "objective",
      rows.map((r) => r.id),
    ),
    linksByTarget(
      ws,
      "key_result",
      krs.map((k) => k.id),
    ),
  ]);
  return rows.map((o) => ({
    id: o.id,
    ownerId: o.ownerId,
    title: o.title,
    description: o.description,
    period: o.period,
    createdAt: o.createdAt.toISOString(),
    keyResults: krs.filter((k) => k.objectiveId === o.id).map((k) => toKeyResult(k, krLinks.get(k.id) ?? [])),
    links: objectiveLinks.get(o.id) ?? [],
  }));
}

const toKeyResult = (k: KeyResultRow, links: KeyResult["links"]): KeyResult => ({
  id: k.id,
  title: k.title,
  target: Number(k.target),
  current: Number(k.current),
  links,
});

/** OKRs are visible to the whole workspace; their owner and workspace owners may change them. */
async function editableObjective(ctx: MemberContext, id: string) {
  const o = await ObjectiveRow.findOne({ where: { id, workspaceId: ctx.auth.workspace.id } });
  if (!o) throw notFound("That objective", "params.id");
  if (o.ownerId !== ctx.auth.member.id && ctx.auth.member.role !== "owner") throw forbidden("Only the objective's owner or a workspace owner can change it");
  return o;
}

async function editableKeyResult(ctx: MemberContext, id: string) {
  const k = await KeyResultRow.findByPk(id);
  if (!k) throw notFound("That key result", "params.id");
  await editableObjective(ctx, k.objectiveId).catch((err) => {
    throw err.status === 404 ? notFound("That key result", "params.id") : err;
  });
  return k;
}

export const okrRoutes = [
  route({
    method: "get",
    path: "/api/objectives",
    summary: "Objectives with their key results, newest first",
    tag: "OKRs",
    access: "member",
    query: PageQuery.extend({ period: z.string().max(16).optional(), ownerId: z.uuid().optional() }),
    response: Page(Objective),
    handler: async ({ query }, ctx) => {
      const where = {
        workspaceId: ctx.auth.workspace.id,
        ...(query.period ? { period: query.period } : {}),
        ...(query.ownerId ? { ownerId: query.ownerId } : {}),
      };
      const page = await keysetPage(ObjectiveRow, { where }, { by: "createdAt", direction: "DESC" }, query);
      return presentPage(page, (rows) => present(ctx, rows));
    },
  }),
  route({
    method: "post",
    path: "/api/objectives",
    summary: "Set an objective",
    tag: "OKRs",
    access: "member",
    body: CreateObjectiveRequest,
    response: Objective,
    status: 201,
    handler: async ({ body }, ctx) => {
      const ownerId = body.ownerId ?? ctx.auth.member.id;
      if (ownerId !== ctx.auth.member.id) {
        if (ctx.auth.member.role !== "owner") throw forbidden("Only workspace owners can set objectives for someone else");
        await memberInWorkspace(ctx, ownerId, "body.ownerId");
      }
      const o = await ObjectiveRow.create({
        workspaceId: ctx.auth.workspace.id,
        ownerId,
        title: body.title,
        description: body.description ?? null,
        period: body.period,
      });
      return (await present(ctx, [o]))[0]!;
    },
  }),
  route({
    method: "patch",
    path: "/api/objectives/:id",
    summary: "Edit an objective",
    tag: "OKRs",
    access: "member",
    body: UpdateObjectiveRequest,
    response: Objective,
    handler: async ({ body, params }, ctx) => {
      const o = await editableObjective(ctx, params.id);
      await o.update(body);
      return (await present(ctx, [o]))[0]!;
    },
  }),
  route({
    method: "delete",
    path: "/api/objectives/:id",
    summary: "Delete an objective, its key results and their links",
    tag: "OKRs",
    access: "member",
    handler: async ({ params }, ctx) => {
      const o = await editableObjective(ctx, params.id);
      const krIds = (await KeyResultRow.findAll({ where: { objectiveId: o.id } })).map((k) => k.id);
      await destroyWithLinks(
        ctx,
        [
          ["key_result", krIds],
          ["objective", [o.id]],
        ],
        async (transaction) => {
          await KeyResultRow.destroy({ where: { objectiveId: o.id }, transaction });
          await o.destroy({ transaction });
        },
      );
    },
  }),
  route({
    method: "post",
    path: "/api/objectives/:id/key-results",
    summary: "Add a key result",
    tag: "OKRs",
    access: "member",
    body: CreateKeyResultRequest,
    response: KeyResult,
    status: 201,
    handler: async ({ body, params }, ctx) => {
      const o = await editableObjective(ctx, params.id);
      const k = await KeyResultRow.create({ objectiveId: o.id, ...body });
      return toKeyResult(k, []);
    },
  }),
  route({
    method: "patch",
    path: "/api/key-results/:id",
    summary: "Update a key result's progress or wording",
    tag: "OKRs",
    access: "member",
    body: UpdateKeyResultRequest,
    response: KeyResult,
    handler: async ({ body, params }, ctx) => {
      const k = await editableKeyResult(ctx, params.id);
      await k.update(body);
      const links = await linksByTarget(ctx.auth.workspace.id, "key_result", [k.id]);
      return toKeyResult(k, links.get(k.id) ?? []);
    },
  }),
  route({
    method: "delete",
    path: "/api/key-results/:id",
    summary: "Delete a key result and its links",
    tag: "OKRs",
    access: "member",
    handler: async ({ params }, ctx) => {
      const k = await editableKeyResult(ctx, params.id);
      await destroyWithLinks(ctx, [["key_result", [k.id]]], (transaction) => k.destroy({ transaction }));
    },
  }),
];
