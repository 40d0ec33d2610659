import type { AppServices } from "../http/services.js";
import type { JobHandler } from "../jobs/worker.js";
import type { ContextItemRow } from "../storage/models.js";
import { adoJobHandlers, enqueuePrStatus } from "./ado/jobs.js";
import { bitbucketJobHandlers, enqueueBuildStatus } from "./bitbucket/jobs.js";

/** The job that fetches a linked item's metadata, per host. */
export const REFRESH_JOB: Record<"ado" | "bitbucket", string> = { ado: "ado.refresh", bitbucket: "bitbucket.refresh" };

/** Called after a context item's links change, so hosts can update what they show (ADO PR statuses, Bitbucket build statuses). */
export async function linksChanged(services: AppServices, item: ContextItemRow) {
  if (item.kind !== "pull_request") return;
  if (item.host === "ado") await enqueuePrStatus(services, item);
  if (item.host === "bitbucket") await enqueueBuildStatus(services, item);
}

/** Every job kind the backend runs, bound to the services they need. */
export function jobHandlers(services: AppServices): Record<string, JobHandler> {
  return { ...adoJobHandlers(services), ...bitbucketJobHandlers(services) };
}
