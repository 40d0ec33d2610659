import type { AppServices } from "../http/services.js";
import type { JobHandler } from "../jobs/worker.js";
import { adoJobHandlers } from "./ado/jobs.js";

/** The job that fetches a linked item's metadata, per host that can do it yet. */
export const REFRESH_JOB: Partial<Record<"ado" | "bitbucket", string>> = { ado: "ado.refresh" };

/** Every job kind the backend runs, bound to the services they need. */
export function jobHandlers(services: AppServices): Record<string, JobHandler> {
  return { ...adoJobHandlers(services) };
}
