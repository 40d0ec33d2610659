import { z } from "zod";
import { Timestamp } from "./common.js";

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
