import { UniqueConstraintError } from "sequelize";
import { z } from "zod";
import {
  Assessment,
  Competency,
  CompetencyEvidence,
  CompetencyEvidenceQuery,
  CreateAssessmentRequest,
  CreateCompetencyRequest,
  Page,
  PageQuery,
  UpdateCompetencyRequest,
} from "@groundwork/shared-types";
import { badRequest, conflict, forbidden, notFound } from "../http/errors.js";
import { keysetPage, presentPage } from "../http/pages.js";
import { route, type MemberContext } from "../http/route.js";
import { AssessmentRow, CompetencyLevelRow, CompetencyRow, ContextLinkRow } from "../storage/models.js";
import { destroyWithLinks, linksByTarget } from "./contextLinks.js";
import { memberInWorkspace } from "./people.js";
import { entriesBetween, periodsUntil, themeCounts } from "./timeline.js";

async function present(ctx: MemberContext, rows: CompetencyRow[]): Promise<Competency[]> {
  const levels = await CompetencyLevelRow.findAll({
    where: { competencyId: rows.map((r) => r.id) },
    order: [["level", "ASC"]],
  });
  const links = await linksByTarget(
    ctx.auth.workspace.id,
    "competency",
    rows.map((r) => r.id),
  );
  return rows.map((c) => ({
    id: c.id,
    name: c.name,
    description: c.description,
    levels: levels.filter((l) => l.competencyId === c.id).map((l) => ({ level: l.level, title: l.title, description: l.description })),
    links: links.get(c.id) ?? [],
  }));
}

const toAssessment = (a: AssessmentRow): Assessment => ({
  id: a.id,
  memberId: a.memberId,
  competencyId: a.competencyId,
  level: a.level,
  note: a.note,
  assessedBy: a.assessedBy,
  createdAt: a.createdAt.toISOString(),
});

async function competencyIn(ctx: MemberContext, id: string, field = "params.id") {
  const c = await CompetencyRow.findOne({ where: { id, workspaceId: ctx.auth.workspace.id } });
  if (!c) throw notFound("That competency", field);
  return c;
}

const nameTaken = (err: unknown) => {
  if (err instanceof UniqueConstraintError) return conflict("name_taken", "A competency with this name exists already", "body.name");
  return err;
};

type LevelInput = z.infer<typeof CreateCompetencyRequest>["levels"];
const levelRows = (competencyId: string, levels: LevelInput) =>
  levels.map((l) => ({ competencyId, level: l.level, title: l.title, description: l.description ?? null }));

export const competencyRoutes = [
  route({
    method: "get",
    path: "/api/competencies",
    summary: "The workspace's competency framework, by name",
    tag: "Competencies",
    access: "member",
    query: PageQuery,
    response: Page(Competency),
    handler: async ({ query }, ctx) => {
      const where = { workspaceId: ctx.auth.workspace.id };
      const page = await keysetPage(CompetencyRow, { where }, { by: "name", direction: "ASC" }, query);
      return presentPage(page, (rows) => present(ctx, rows));
    },
  }),
  route({
    method: "post",
    path: "/api/competencies",
    summary: "Define a competency and its levels",
    tag: "Competencies",
    access: "owner",
    body: CreateCompetencyRequest,
    response: Competency,
    status: 201,
    handler: async ({ body }, ctx) => {
      const c = await ctx.services.storage.sequelize
        .transaction(async (transaction) => {
          const c = await CompetencyRow.create({ workspaceId: ctx.auth.workspace.id, name: body.name, description: body.description ?? null }, { transaction });
          await CompetencyLevelRow.bulkCreate(levelRows(c.id, body.levels), { transaction });
          return c;
        })
        .catch((err) => {
          throw nameTaken(err);
        });
      return (await present(ctx, [c]))[0]!;
    },
  }),
  route({
    method: "patch",
    path: "/api/competencies/:id",
    summary: "Rename a competency or redefine its levels",
    tag: "Competencies",
    access: "owner",
    body: UpdateCompetencyRequest,
    response: Competency,
    handler: async ({ body, params }, ctx) => {
      const c = await competencyIn(ctx, params.id);
      await ctx.services.storage.sequelize
        .transaction(async (transaction) => {
          const { levels, ...fields } = body;
          if (Object.keys(fields).length) await c.update(fields, { transaction });
          if (levels) {
            await CompetencyLevelRow.destroy({ where: { competencyId: c.id }, transaction });
            await CompetencyLevelRow.bulkCreate(levelRows(c.id, levels), { transaction });
          }
        })
        .catch((err) => {
          throw nameTaken(err);
        });
      return (await present(ctx, [c]))[0]!;
    },
  }),
  route({
    method: "delete",
    path: "/api/competencies/:id",
    summary: "Remove a competency, its levels, assessments and links",
    tag: "Competencies",
    access: "owner",
    handler: async ({ params }, ctx) => {
      const c = await competencyIn(ctx, params.id);
      await destroyWithLinks(ctx, [["competency", [c.id]]], async (transaction) => {
        await AssessmentRow.destroy({ where: { competencyId: c.id }, transaction });
        await CompetencyLevelRow.destroy({ where: { competencyId: c.id }, transaction });
        await c.destroy({ transaction });
      });
    },
  }),
  route({
    method: "get",
    path: "/api/competencies/:id/evidence",
    summary: "A member's work attached to a competency, by period, beside their assessed level then: growth over time",
    tag: "Competencies",
    access: "member",
    query: CompetencyEvidenceQuery,
    response: CompetencyEvidence,
    handler: async ({ params, query }, ctx) => {
      const memberId = query.memberId ?? ctx.auth.member.id;
      if (memberId !== ctx.auth.member.id && ctx.auth.member.role !== "owner") throw forbidden("Only workspace owners can see other members' evidence");
      const member = await memberInWorkspace(ctx, memberId, "query.memberId");
      const c = await competencyIn(ctx, params.id, "params.id");
      const periods = periodsUntil(query.period, query.until ? new Date(`${query.until}T00:00:00Z`) : new Date(), query.periods);
      const [entries, links, levels, assessments] = await Promise.all([
        entriesBetween(ctx, member, periods[0]!.start, periods.at(-1)!.end),
        ContextLinkRow.findAll({ where: { workspaceId: ctx.auth.workspace.id, targetType: "competency", targetId: c.id } }),
        CompetencyLevelRow.findAll({ where: { competencyId: c.id } }),
        AssessmentRow.findAll({ where: { workspaceId: ctx.auth.workspace.id, memberId: member.id, competencyId: c.id }, order: [["createdAt", "ASC"]] }),
      ]);
      const attached = new Set(links.map((l) => l.contextItemId));
      const evidence = entries.filter((e) => attached.has(e.item.id) && e.kind !== "attached");
      return {
        competencyId: c.id,
        memberId: member.id,
        periods: periods.map((p) => {
          const inPeriod = evidence.filter((e) => e.at >= p.start.toISOString() && e.at < p.end.toISOString());
          const assessed = assessments.filter((a) => a.createdAt < p.end).at(-1);
          return {
            start: p.start.toISOString(),
            end: p.end.toISOString(),
            label: p.label,
            level: assessed
              ? { level: assessed.level, title: levels.find((l) => l.level === assessed.level)?.title ?? "", assessedAt: assessed.createdAt.toISOString() }
              : null,
            entries: inPeriod,
            themes: themeCounts(inPeriod),
          };
        }),
      };
    },
  }),
  route({
    method: "get",
    path: "/api/assessments",
    summary: "Assessments: your own, or anyone's for workspace owners; newest first",
    tag: "Competencies",
    access: "member",
    query: PageQuery.extend({ memberId: z.uuid().optional() }),
    response: Page(Assessment),
    handler: async ({ query }, ctx) => {
      const memberId = query.memberId ?? ctx.auth.member.id;
      if (memberId !== ctx.auth.member.id && ctx.auth.member.role !== "owner") throw forbidden("Only workspace owners can see other members' assessments");
      const where = { workspaceId: ctx.auth.workspace.id, memberId };
      const page = await keysetPage(AssessmentRow, { where }, { by: "createdAt", direction: "DESC" }, query);
      return presentPage(page, (rows) => rows.map(toAssessment));
    },
  }),
  route({
    method: "post",
    path: "/api/assessments",
    summary: "Record a member's level on a competency (owners for anyone, members for themselves)",
    tag: "Competencies",
    access: "member",
    body: CreateAssessmentRequest,
    response: Assessment,
    status: 201,
    handler: async ({ body }, ctx) => {
      if (body.memberId !== ctx.auth.member.id && ctx.auth.member.role !== "owner") throw forbidden("Only workspace owners can assess other members");
      await memberInWorkspace(ctx, body.memberId, "body.memberId");
      const c = await competencyIn(ctx, body.competencyId, "body.competencyId");
      const level = await CompetencyLevelRow.findOne({ where: { competencyId: c.id, level: body.level } });
      if (!level) throw badRequest("unknown_level", `${c.name} has no level ${body.level}`, "body.level");
      const a = await AssessmentRow.create({
        workspaceId: ctx.auth.workspace.id,
        memberId: body.memberId,
        competencyId: c.id,
        level: body.level,
        note: body.note ?? null,
        assessedBy: ctx.auth.member.id,
      });
      return toAssessment(a);
    },
  }),
];
