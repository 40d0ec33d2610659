import { Op } from "sequelize";
import { z } from "zod";
import { CreateFeedbackRequest, Feedback, Page, PageQuery, UpdateFeedbackRequest } from "@groundwork/shared-types";
import { forbidden, notFound } from "../http/errors.js";
import { keysetPage, presentPage } from "../http/pages.js";
import { route, type MemberContext } from "../http/route.js";
import { FeedbackRow } from "../storage/models.js";
import { canSeeFeedback, destroyWithLinks, linksByTarget } from "./contextLinks.js";
import { memberInWorkspace } from "./people.js";

async function present(ctx: MemberContext, rows: FeedbackRow[]): Promise<Feedback[]> {
  const links = await linksByTarget(
    ctx.auth.workspace.id,
    "feedback",
    rows.map((r) => r.id),
  );
  return rows.map((f) => ({
    id: f.id,
    authorId: f.authorId,
    subjectId: f.subjectId,
    body: f.body,
    visibility: f.visibility,
    createdAt: f.createdAt.toISOString(),
    links: links.get(f.id) ?? [],
  }));
}

async function ownFeedback(ctx: MemberContext, id: string) {
  const f = await FeedbackRow.findOne({ where: { id, workspaceId: ctx.auth.workspace.id } });
  if (!f || !canSeeFeedback(f, ctx.auth.member.id)) throw notFound("That feedback", "params.id");
  if (f.authorId !== ctx.auth.member.id) throw forbidden("Only the author can change or delete feedback");
  return f;
}

export const feedbackRoutes = [
  route({
    method: "get",
    path: "/api/feedback",
    summary: "Feedback the caller wrote or received (shared with them), newest first",
    tag: "Feedback",
    access: "member",
    query: PageQuery.extend({ subjectId: z.uuid().optional() }),
    response: Page(Feedback),
    handler: async ({ query }, ctx) => {
      const me = ctx.auth.member.id;
      const where = {
        workspaceId: ctx.auth.workspace.id,
        ...(query.subjectId ? { subjectId: query.subjectId } : {}),
        [Op.or]: [{ authorId: me }, { subjectId: me, visibility: "shared_with_subject" as const }],
      };
      const page = await keysetPage(FeedbackRow, { where }, { by: "createdAt", direction: "DESC" }, query);
      return presentPage(page, (rows) => present(ctx, rows));
    },
  }),
  route({
    method: "post",
    path: "/api/feedback",
    summary: "Write feedback about a member",
    tag: "Feedback",
    access: "member",
    body: CreateFeedbackRequest,
    response: Feedback,
    status: 201,
    handler: async ({ body }, ctx) => {
      await memberInWorkspace(ctx, body.subjectId, "body.subjectId");
      const row = await FeedbackRow.create({
        workspaceId: ctx.auth.workspace.id,
        authorId: ctx.auth.member.id,
        subjectId: body.subjectId,
        body: body.body,
        visibility: body.visibility,
      });
      return (await present(ctx, [row]))[0]!;
    },
  }),
  route({
    method: "patch",
    path: "/api/feedback/:id",
    summary: "Edit feedback you wrote",
    tag: "Feedback",
    access: "member",
    body: UpdateFeedbackRequest,
    response: Feedback,
    handler: async ({ body, params }, ctx) => {
      const f = await ownFeedback(ctx, params.id);
      await f.update(body);
      return (await present(ctx, [f]))[0]!;
    },
  }),
  route({
    method: "delete",
    path: "/api/feedback/:id",
    summary: "Delete feedback you wrote, with its links",
    tag: "Feedback",
    access: "member",
    handler: async ({ params }, ctx) => {
      const f = await ownFeedback(ctx, params.id);
      await destroyWithLinks(ctx, [["feedback", [f.id]]], (transaction) => f.destroy({ transaction }));
    },
  }),
];
