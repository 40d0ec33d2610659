import { z } from "zod";
import { Id, Timestamp } from "./common.js";

/** Importing a connection's pull requests from before it was connected: one import per repository. */

export const HISTORY_MONTHS = { default: 6, max: 24 } as const;
export const HistoryImportStatus = z.enum(["queued", "importing", "done", "failed", "cancelled"]);
export type HistoryImportStatus = z.infer<typeof HistoryImportStatus>;

export const HistoryImport = z.object({
  id: Id,
  host: z.string().describe("The host's name, as items name it (ado, bitbucket)"),
  connectionId: z.string().describe("The connection (or app installation) it reads through"),
  repository: z.string().describe("The repository, as the host names it (project/repository, workspace/slug)"),
  status: HistoryImportStatus,
  since: Timestamp.describe("Pull requests created or updated since then are imported"),
  imported: z.number().int().describe("Pull requests imported so far"),
  total: z.number().int().nullable().describe("How many the host says there are, where it says (Bitbucket does, Azure DevOps does not)"),
  requests: z.number().int().describe("Calls made to the host"),
  perMinute: z.number().nullable().describe("Pull requests imported per minute while importing"),
  stage: z.string().nullable().describe("What an import is busy with beyond the pull requests (their comments and work items)"),
  secondsLeft: z.number().int().nullable().describe("Estimated, where the total is known"),
  waitingUntil: Timestamp.nullable().describe("Paused for the host's rate limit until then"),
  error: z.string().nullable(),
  summary: z
    .object({ authors: z.number().int(), matchedAuthors: z.number().int() })
    .nullable()
    .describe("When done: the distinct authors among the imported pull requests, and how many are members"),
  startedAt: Timestamp.nullable(),
  finishedAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type HistoryImport = z.infer<typeof HistoryImport>;

export const StartHistoryImportRequest = z.object({
  host: z.string().min(1).max(32),
  connectionId: z.string().min(1).max(100),
  repository: z.string().min(1).max(300).optional().describe("One of the connection's followed repositories; all of them when omitted"),
  months: z.number().int().min(1).max(HISTORY_MONTHS.max).default(HISTORY_MONTHS.default).describe("How far back, in months (6 by default)"),
});
export type StartHistoryImportRequest = z.infer<typeof StartHistoryImportRequest>;
export const StartedHistoryImports = z.object({ imports: z.array(HistoryImport) });
