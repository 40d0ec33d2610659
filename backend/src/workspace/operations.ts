import { z } from "zod";
import { DeadJob, Delivery, DeliveryQuery, Page, PageQuery } from "@groundwork/shared-types";
import { ApiError, badRequest, notFound } from "../http/errors.js";
import type { MemberContext } from "../http/route.js";
import { decodeCursor, encodeCursor } from "../http/pages.js";
import { route } from "../http/route.js";

const DeadJobPosition = z.object({ updatedAt: z.number().int().nonnegative(), id: z.number().int().positive() });
const DeliveryPosition = z.object({ createdAt: z.number().int().nonnegative(), id: z.number().int().positive() });
const OUTCOMES = { queued: "waiting", running: "applying", done: "applied", dead: "failed" } as const;
const jobNumber = z.string().regex(/^\d{1,15}$/, { message: "must be a job number" });

/** A page of rows read one past `limit`: the first `limit`, and a cursor at the last of them if more follow. */
function pageOf<R>(rows: R[], limit: number, position: (last: R) => unknown) {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? encodeCursor(position(items.at(-1)!)) : null };
}

/** The hosts whose deliveries are asked for: all, or the one named (refused if there is none by that name). */
function deliveryHosts(ctx: MemberContext, host: string | undefined) {
  const hosts = ctx.services.hosts.filter((h) => !host || h.name === host);
  if (hosts.length === 0)
    throw badRequest("unknown_host", `There is no host "${host}"; use one of ${ctx.services.hosts.map((h) => h.name).join(", ")}`, "query.host");
  return hosts;
}

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
      return pageOf(rows, query.limit, (last) => ({ updatedAt: Date.parse(last.updatedAt), id: last.id }));
    },
  }),
  route({
    method: "post",
    path: "/api/jobs/dead/:id/retry",
    summary: "Queue a dead-lettered job again",
    tag: "Operations",
    access: "owner",
    params: { id: jobNumber },
    handler: async ({ params }, ctx) => {
      if (!(await ctx.services.queue.retryDead(Number(params.id), ctx.auth.workspace.id))) throw notFound("That dead job", "params.id");
    },
  }),
  route({
    method: "get",
    path: "/api/integrations/deliveries",
    summary: "Webhook deliveries the hosts made to this workspace, newest first, and what became of each (kept 30 days once applied)",
    tag: "Operations",
    access: "owner",
    query: DeliveryQuery,
    response: Page(Delivery),
    handler: async ({ query }, ctx) => {
      const hosts = deliveryHosts(ctx, query.host);
      const after = query.cursor ? decodeCursor(query.cursor, DeliveryPosition) : undefined;
      const kinds = hosts.map((h) => h.deliveryJob.kind);
      const rows = await ctx.services.queue.jobsOfKinds(ctx.auth.workspace.id, kinds, query.limit + 1, after);
      const page = pageOf(rows, query.limit, (last) => ({ createdAt: last.createdAt, id: last.id }));
      const items = page.items.map((r) => {
        const host = hosts.find((h) => h.deliveryJob.kind === r.kind)!;
        return {
          id: r.id,
          host: host.name,
          event: host.deliveryJob.event(r.payload),
          outcome: OUTCOMES[r.status],
          attempts: r.attempts,
          error: r.lastError,
          receivedAt: new Date(r.createdAt).toISOString(),
          updatedAt: new Date(r.updatedAt).toISOString(),
        };
      });
      return { items, nextCursor: page.nextCursor };
    },
  }),
  route({
    method: "post",
    path: "/api/integrations/deliveries/:id/redeliver",
    summary: "Apply a delivery again: after fixing what made it fail, or to read its event once more",
    tag: "Operations",
    access: "owner",
    params: { id: jobNumber },
    handler: async ({ params }, ctx) => {
      const kinds = ctx.services.hosts.map((h) => h.deliveryJob.kind);
      if (!(await ctx.services.queue.runAgain(Number(params.id), ctx.auth.workspace.id, kinds)))
        throw new ApiError(404, "not_found", "No applied or failed delivery of this workspace has that number (one still waiting runs anyway)", "params.id");
    },
  }),
];
