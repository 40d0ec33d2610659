import { z } from "zod";
import { PageQuery, Timestamp } from "./common.js";

/** What owners see of the background work. */

export const DeadJob = z.object({
  id: z.number(),
  kind: z.string(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type DeadJob = z.infer<typeof DeadJob>;

/** One webhook delivery a host made to the workspace, as recorded before it was acknowledged, and what became of it. */
export const Delivery = z.object({
  id: z.number(),
  host: z.string().describe("The host it came from: ado, bitbucket"),
  event: z.string().describe("As the host names it: git.pullrequest.updated, pullrequest:comment_created…"),
  outcome: z.enum(["waiting", "applying", "applied", "failed"]).describe("failed: retried until its budget ran out; see error"),
  attempts: z.number(),
  error: z.string().nullable(),
  receivedAt: Timestamp,
  updatedAt: Timestamp,
});
export type Delivery = z.infer<typeof Delivery>;
export const DeliveryQuery = PageQuery.extend({ host: z.string().max(40).optional().describe("Only this host's deliveries: ado, bitbucket") });
