import { z } from "zod";
import { DeadJob, Page, PageQuery } from "@groundwork/shared-types";
import { notFound } from "../http/errors.js";
import { decodeCursor, encodeCursor } from "../http/pages.js";
import { route } from "../http/route.js";

const DeadJobPosition = z.object({ updatedAt: z.number().int().nonnegative(), id: z.number().int().positive() });

export const operationsRoutes = [
  route({
    method: "get",
    path: "/api/jobs/dead",
    summary: "Background work that failed for good (dead-lettered), newest first",
    tag: "Operations",
    access: "owner",
    query: PageQuery,
    response: Page(DeadJob),
    handler: async ({ query }, ctx) => {
      const after = query.cursor ? decodeCursor(query.cursor, DeadJobPosition) : undefined;
      const rows = await ctx.services.queue.deadJobs(ctx.auth.workspace.id, query.limit + 1, after);
      const items = rows.slice(0, query.limit);
      const last = items.at(-1);
      const more = rows.length > query.limit && last;
      return { items, nextCursor: more ? encodeCursor({ updatedAt: Date.parse(last.updatedAt), id: last.id }) : null };
    },
  }),
  route({
    method: "post",
    path: "/api/jobs/dead/:id/retry",
    summary: "Queue a dead-lettered job again",
    tag: "Operations",
    access: "owner",
    params: { id: z.string().regex(/^\d{1,15}$/, { message: "must be a job number" }) },
    handler: async ({ params }, ctx) => {
      if (!(await ctx.services.queue.retryDead(Number(params.id), ctx.auth.workspace.id))) throw notFound("That dead job", "params.id");
    },
  }),
];
