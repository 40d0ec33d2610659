import { Op, type WhereOptions } from "sequelize";
import { z } from "zod";
import {
  Assignment,
  AssignmentRepository,
  CreateAssignmentRequest,
  Page,
  PageQuery,
  UpdateAssignmentRequest,
  type AssignmentRepository as Repository,
} from "@groundwork/shared-types";
import { badRequest, forbidden, notFound } from "../http/errors.js";
import { keysetPage, presentPage } from "../http/pages.js";
import { route, type MemberContext } from "../http/route.js";
import { AssignmentRow, CompetencyLevelRow, CompetencyRow, KeyResultRow, ObjectiveRow, WorkspaceRow } from "../storage/models.js";
import { memberInWorkspace } from "./people.js";

/**
 * Growth assignments: a stretch piece of work a member takes on, with its acceptance criteria,
 * an optional mentor, the competency or key result it grows, and the repository its work is to
 * start in. Seen and changed by its member, its mentor, whoever set it, and workspace owners.
 */

/** What a workspace calls its assignments: GW-1, GW-2… */
const KEY_PREFIX = "GW";

const partiesOf = (ctx: MemberContext): WhereOptions<AssignmentRow> =>
  ctx.auth.member.role === "owner" ? {} : { [Op.or]: [{ memberId: ctx.auth.member.id }, { mentorId: ctx.auth.member.id }, { createdBy: ctx.auth.member.id }] };

async function present(ctx: MemberContext, rows: AssignmentRow[]): Promise<Assignment[]> {
  const ids = (pick: (r: AssignmentRow) => string | null) => [...new Set(rows.map(pick).filter((id): id is string => id !== null))];
  const [competencies, keyResults] = await Promise.all([
    CompetencyRow.findAll({ where: { id: ids((r) => r.competencyId), workspaceId: ctx.auth.workspace.id } }),
    KeyResultRow.findAll({ where: { id: ids((r) => r.keyResultId) } }),
  ]);
  return rows.map((r) => {
    const competency = competencies.find((c) => c.id === r.competencyId);
    const keyResult = keyResults.find((k) => k.id === r.keyResultId);
    return {
      id: r.id,
      key: `${KEY_PREFIX}-${r.number}`,
      title: r.title,
      description: r.description,
      acceptanceCriteria: r.acceptanceCriteria,
      memberId: r.memberId,
      mentorId: r.mentorId,
      competency: competency ? { id: competency.id, name: competency.name, level: r.competencyLevel } : null,
      keyResult: keyResult ? { id: keyResult.id, title: keyResult.title, objectiveId: keyResult.objectiveId } : null,
      repository: r.repository,
      status: r.status,
      createdBy: r.createdBy,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}

async function visibleAssignment(ctx: MemberContext, id: string) {
  const row = await AssignmentRow.findOne({ where: { id, workspaceId: ctx.auth.workspace.id, ...partiesOf(ctx) } });
  if (!row) throw notFound("That assignment", "params.id");
  return row;
}

/** The repositories the workspace's connections follow: where an assignment's work can start. */
async function followedRepositories(ctx: MemberContext): Promise<Repository[]> {
  const lists = await Promise.all(
    ctx.services.hosts.map(async (host) =>
      host.history
        ? (await host.history.repositories(ctx.services, ctx.auth.workspace.id)).map((r) => ({
            host: host.name,
            connectionId: r.connectionId,
            repository: r.repository,
          }))
        : [],
    ),
  );
  return lists.flat();
}

/** The fields as stored, each reference checked against the workspace; `field` names where a bad one came from. */
async function checked(ctx: MemberContext, body: z.infer<typeof UpdateAssignmentRequest>, memberId: string) {
  const ws = ctx.auth.workspace.id;
  const fields: Partial<AssignmentRow> = {};
  if (body.title !== undefined) fields.title = body.title;
  if (body.description !== undefined) fields.description = body.description || null;
  if (body.acceptanceCriteria !== undefined) fields.acceptanceCriteria = body.acceptanceCriteria.map((c) => ({ text: c.text, done: c.done }));
  if (body.status !== undefined) fields.status = body.status;
  if (body.mentorId !== undefined) {
    if (body.mentorId === memberId) throw badRequest("mentor_is_member", "The mentor reviews the member's work, so must be someone else", "body.mentorId");
    if (body.mentorId) await memberInWorkspace(ctx, body.mentorId, "body.mentorId");
    fields.mentorId = body.mentorId ?? null;
  }
  if (body.competency !== undefined) {
    if (body.competency) {
      const competency = await CompetencyRow.findOne({ where: { id: body.competency.id, workspaceId: ws } });
      if (!competency) throw notFound("That competency", "body.competency.id");
      const level = body.competency.level;
      if (level !== undefined && !(await CompetencyLevelRow.count({ where: { competencyId: competency.id, level } })))
        throw badRequest("unknown_level", `${competency.name} has no level ${level}`, "body.competency.level");
      Object.assign(fields, { competencyId: competency.id, competencyLevel: level ?? null, keyResultId: null });
    } else Object.assign(fields, { competencyId: null, competencyLevel: null });
  }
  if (body.keyResultId !== undefined) {
    if (body.keyResultId) {
      const keyResult = await KeyResultRow.findOne({
        where: { id: body.keyResultId },
        include: [{ model: ObjectiveRow, as: "objective", where: { workspaceId: ws } }],
      });
      if (!keyResult) throw notFound("That key result", "body.keyResultId");
      Object.assign(fields, { keyResultId: keyResult.id, competencyId: null, competencyLevel: null });
    } else fields.keyResultId = null;
  }
  if (body.repository !== undefined) {
    const wanted = body.repository;
    const followed = wanted
      ? (await followedRepositories(ctx)).find(
          (r) => r.host === wanted.host && r.connectionId === wanted.connectionId && r.repository.toLowerCase() === wanted.repository.toLowerCase(),
        )
      : null;
    if (wanted && !followed)
      throw badRequest("not_followed", `No connection of this workspace follows ${wanted.repository} on ${wanted.host}`, "body.repository");
    fields.repository = followed ?? null;
  }
  return fields;
}

export const assignmentRoutes = [
  route({
    method: "get",
    path: "/api/assignments",
    summary: "Growth assignments the caller takes part in (all of them for owners), newest first",
    tag: "Growth assignments",
    access: "member",
    query: PageQuery.extend({ memberId: z.uuid().optional() }),
    response: Page(Assignment),
    handler: async ({ query }, ctx) => {
      const where = { workspaceId: ctx.auth.workspace.id, ...(query.memberId ? { memberId: query.memberId } : {}), ...partiesOf(ctx) };
      const page = await keysetPage(AssignmentRow, { where }, { by: "createdAt", direction: "DESC" }, query);
      return presentPage(page, (rows) => present(ctx, rows));
    },
  }),
  route({
    method: "get",
    path: "/api/assignments/repositories",
    summary: "The repositories an assignment's work can start in: those the workspace's connections follow",
    tag: "Growth assignments",
    access: "member",
    response: z.object({ items: z.array(AssignmentRepository) }),
    handler: async (_input, ctx) => ({ items: await followedRepositories(ctx) }),
  }),
  route({
    method: "post",
    path: "/api/assignments",
    summary: "Agree a growth assignment with a member",
    tag: "Growth assignments",
    access: "member",
    body: CreateAssignmentRequest,
    response: Assignment,
    status: 201,
    handler: async ({ body }, ctx) => {
      await memberInWorkspace(ctx, body.memberId, "body.memberId");
      const fields = await checked(ctx, body, body.memberId);
      const row = await ctx.services.storage.sequelize.transaction(async (transaction) => {
        // The workspace's row, locked, hands out numbers one at a time (PostgreSQL; SQLite writes one at a time anyway).
        await WorkspaceRow.findByPk(ctx.auth.workspace.id, { transaction, lock: transaction.LOCK.UPDATE });
        const last = await AssignmentRow.max<number | null, AssignmentRow>("number", { where: { workspaceId: ctx.auth.workspace.id }, transaction });
        return AssignmentRow.create(
          {
            description: null,
            mentorId: null,
            competencyId: null,
            competencyLevel: null,
            keyResultId: null,
            repository: null,
            ...fields,
            title: body.title,
            acceptanceCriteria: fields.acceptanceCriteria!,
            workspaceId: ctx.auth.workspace.id,
            number: Number(last ?? 0) + 1,
            memberId: body.memberId,
            status: "planned",
            createdBy: ctx.auth.member.id,
          },
          { transaction },
        );
      });
      return (await present(ctx, [row]))[0]!;
    },
  }),
  route({
    method: "get",
    path: "/api/assignments/:id",
    summary: "One growth assignment",
    tag: "Growth assignments",
    access: "member",
    response: Assignment,
    handler: async ({ params }, ctx) => (await present(ctx, [await visibleAssignment(ctx, params.id)]))[0]!,
  }),
  route({
    method: "patch",
    path: "/api/assignments/:id",
    summary: "Change an assignment: its wording, criteria (ticked or not), mentor, growth target, repository or status",
    tag: "Growth assignments",
    access: "member",
    body: UpdateAssignmentRequest,
    response: Assignment,
    handler: async ({ body, params }, ctx) => {
      const row = await visibleAssignment(ctx, params.id);
      await row.update(await checked(ctx, body, row.memberId));
      return (await present(ctx, [row]))[0]!;
    },
  }),
  route({
    method: "delete",
    path: "/api/assignments/:id",
    summary: "Delete an assignment (whoever set it, or an owner)",
    tag: "Growth assignments",
    access: "member",
    handler: async ({ params }, ctx) => {
      const row = await visibleAssignment(ctx, params.id);
      if (row.createdBy !== ctx.auth.member.id && ctx.auth.member.role !== "owner")
        throw forbidden("Only whoever set the assignment or a workspace owner can delete it");
      await row.destroy();
    },
  }),
];
