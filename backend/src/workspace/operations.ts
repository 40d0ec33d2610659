import { z } from "zod";
import { DeadJob } from "@groundwork/shared-types";
import { notFound } from "../http/errors.js";
import { route } from "../http/route.js";

export const operationsRoutes = [
  route({
    method: "get",
    path: "/api/jobs/dead",
    summary: "Background work that failed for good (dead-lettered), newest first",
    tag: "Operations",
    access: "owner",
    response: z.array(DeadJob),
    handler: async (_input, ctx) => ctx.services.queue.deadJobs(ctx.auth.workspace.id),
  }),
  route({
    method: "post",
    path: "/api/jobs/dead/:id/retry",
    summary: "Queue a dead-lettered job again",
    tag: "Operations",
    access: "owner",
    params: { id: z.string().regex(/^\d{1,15}$/, { message: "must be a job number" }) },
    handler: async ({ params }, ctx) => {
      if (!(await ctx.services.queue.retryDead(Number(params.id), ctx.auth.workspace.id)))
        throw notFound("That dead job", "params.id");
    },
  }),
];
