import { z } from "zod";

/** Azure DevOps service-hook events: which ones Groundwork acts on, their envelope, and the job a delivery becomes. */
/** The service-hook events we act on (learn.microsoft.com/azure/devops/service-hooks/events). */
export const ADO_EVENTS = [
  "git.pullrequest.created",
  "git.pullrequest.updated",
  "git.pullrequest.merged",
  "ms.vss-code.git-pullrequest-comment-event",
  "workitem.created",
  "workitem.updated",
  "workitem.commented",
] as const;

export const AdoEvent = z.looseObject({
  id: z.string().min(1).max(100),
  eventType: z.string().min(1).max(200),
  resource: z.record(z.string(), z.unknown()).nullish(),
  // Which project the event is from: minimal work item payloads are fetched through it.
  resourceContainers: z
    .object({
      project: z
        .object({ id: z.string().max(100) })
        .partial()
        .nullish(),
    })
    .partial()
    .nullish(),
  createdDate: z.string().optional(),
});
export type AdoEvent = z.infer<typeof AdoEvent>;
/** An `ado.event` job: one delivery, as recorded before it was acknowledged. */
export interface AdoEventJob {
  connectionId: string;
  event: AdoEvent;
}
