import type { Express, RequestHandler } from "express";
import type { Sequelize, Transaction } from "sequelize";
import type { MemberContext, RouteSpec } from "../http/route.js";
import type { AppServices } from "../http/services.js";
import type { DeliveryRecorder } from "../jobs/deliveries.js";
import { z } from "zod";
import type { AssignmentWork, FoundItem } from "@groundwork/shared-types";

/** A failed host call, whose message a person may read (the core tells one by this), and what a job makes of it. */
export { asJobError, HostCallError, isPassing } from "./hostError.js";
import { jobType, type JobHandler, type JobType } from "../jobs/jobType.js";
import type { ContextItemRow } from "../storage/models.js";
import type { Snapshot } from "./snapshot.js";

/**
 * Everything Groundwork knows of one host, from its folder under `hosts/`: the core (http,
 * workspace, jobs, storage) reaches a host only through this, from the registry in
 * `services.hosts`, and never names one. Adding a host is a folder exporting one of these and a
 * line in `hosts/index.ts`.
 */
export interface HostAdapter {
  /** As context items, jobs ("<name>.…") and account links store it. */
  name: string;
  /** Shown to people ("Azure DevOps"). */
  displayName: string;
  /** Binds the host's own tables (its connections, installations) when storage opens; their migrations are the core's. */
  defineModels?(sequelize: Sequelize): void;
  /** Its workspace API (connections, bindings), mounted under /api with the session like the core's routes. */
  routes: RouteSpec[];
  /**
   * Its webhook endpoints (POST): each verifies a delivery by the host's own means, records it
   * with `recorder`, then acknowledges it. The core serves them ahead of everything a person's
   * request goes through (see http/deliveryLog.ts).
   */
  deliveries(services: AppServices, recorder: DeliveryRecorder): { path: string; handlers: RequestHandler[] }[];
  /** The job its deliveries become, and how one names its event: the Integrations page's delivery history. */
  deliveryJob: DeliveryJob;
  /** What else authenticates by the host's own means, each route at its own path: install lifecycle, panels and their APIs. */
  mount?(app: Express, services: AppServices): void;
  /** Routes `mount` serves that the OpenAPI document shows, with the security schemes they name. */
  documented?: { routes: RouteSpec[]; securitySchemes: Record<string, Record<string, unknown>> };
  /** What runs its jobs (`handle(type, run)`), bound to the services. */
  jobs(services: AppServices): JobHandler[];
  /** Work every replica schedules (deduplicated per period, so one job per period runs). */
  periodic?: { job: JobType<Record<string, never>>; everyMs: number }[];
  /** The job that fetches one linked item's metadata: `refreshJobOf(name)`. */
  refreshJob: RefreshJob;
  /** Called after a linked item's links change: PR statuses count them. */
  linksChanged(services: AppServices, item: ContextItemRow): Promise<void>;
  /**
   * Recent pull requests and work items on the caller's workspace's connections matching `q`
   * (title, author, repository or number), newest first: the attach box's picker. None when not
   * connected; a host call that fails throws (the core names the host as unavailable).
   */
  findItems?(ctx: MemberContext, q: string): Promise<FoundItem[]>;
  /** Its part of GET /api/integrations, for the caller's workspace. */
  overview(ctx: MemberContext): Promise<unknown>;
  /** Reads the pull requests its connections' repositories had before they were connected (workspace/history.ts). */
  history?: HistorySource;
  /** Starts a growth assignment's work in one of its connections' repositories, and keeps it in step (workspace/assignments.ts). */
  work?: AssignmentWorkOnHost;
  /**
   * Its users can link their accounts to members (workspace/accountLinks.ts): whether the scope
   * a link code names (an organisation, a workspace) is connected to this Groundwork workspace.
   */
  accounts?: { connected(workspaceId: string, scope: string): Promise<boolean> };
}

/** A repository a connection follows, as a history import names it. */
export interface HistoryRepository {
  connectionId: string;
  /** As the host names it: "project/repository", "workspace/slug". */
  repository: string;
  /** What its pull requests' keys begin with. */
  itemKeyPrefix: string;
}
/** One page of a repository's pull requests, read from `cursor` (null: the first page). */
export interface HistoryPageRequest {
  workspaceId: string;
  connectionId: string;
  repository: string;
  /** Created or updated since then … */
  since: Date;
  /** … and created before then (what came after arrives by webhook, and must not shift the pages). */
  until: Date;
  cursor: string | null;
}
export interface HistoryPage {
  /** Each pull request's web link (which names it as a pasted link would) and its snapshot. */
  items: { url: string; snapshot: Snapshot }[];
  /** Where the next page starts; null after the last. */
  next: string | null;
  /** How many the import covers, where the host says. */
  total: number | null;
  /** Calls this page made. */
  requests: number;
  /** How long to wait before the next page to stay within the host's rate limit. */
  waitMs: number;
  /** What the page read beside pull requests (the work items they reference, comments), written with its last batch and not counted. */
  related?: { items: HistoryPage["items"]; write?: (transaction: Transaction) => Promise<void> };
  /** What the import is busy with, said to people, when it is not the pull requests themselves. */
  stage?: string;
}
export interface HistorySource {
  /** The repositories a workspace's connections of this host follow (one connection's when given). */
  repositories(services: AppServices, workspaceId: string, connectionId?: string): Promise<HistoryRepository[]>;
  /** One page; a host call that fails throws its HostCallError (a throttle is waited out, the rest fail the import). */
  page(services: AppServices, request: HistoryPageRequest): Promise<HistoryPage>;
  /** Writes a page's items onto the workspace's (hosts/snapshot.ts importSnapshots); returns how many it wrote. */
  save(services: AppServices, workspaceId: string, items: HistoryPage["items"], readAt: Date, transaction: Transaction): Promise<number>;
}

/** What starting an assignment's work makes on the host: a branch, a ticket file on it, a pull request, a reviewer. */
export interface StartWorkRequest {
  workspaceId: string;
  connectionId: string;
  /** As HistorySource.repositories names it. */
  repository: string;
  /** The branch's name without refs/heads/ (gw-42-refund-retry-redesign). */
  branch: string;
  /** Where the ticket goes, from the repository's root (.tickets/GW-42.md), and what it says. */
  ticket: { path: string; content: string; commitMessage: string };
  pullRequest: { title: string; description: string };
  /** Who reviews: their address and their linked accounts on this host (each in its scope); null for nobody. */
  reviewer: { email: string; accounts: { scope: string; id: string }[] } | null;
}
export interface StartedWork {
  branch: string;
  /** The pull request's page on the host: attaching it makes it context like any other. */
  pullRequestUrl: string;
  /** added, or why not (AssignmentWork's reviewer). */
  reviewer: NonNullable<AssignmentWork["reviewer"]>;
}
/** The assignment changed in Groundwork: its ticket and its pull request's text, as they should read now. */
export type UpdateWorkRequest = Omit<StartWorkRequest, "reviewer"> & { pullRequestUrl: string };
/**
 * "updated" when the host had something to change, "unchanged" when it already said this, and
 * "closed" when the pull request is merged or abandoned (or the branch gone): the work is over.
 */
export type WorkUpdate = "updated" | "unchanged" | "closed";
/**
 * Each step looks for what an earlier attempt made before making it (the branch, the file on it,
 * an open pull request between the same branches), so a job retried after any failure — a 429, a
 * 5xx, a timeout after the host had done the work — makes one branch, one commit and one pull
 * request. An update commits the ticket only when its words changed (ticks alone change the pull
 * request's checklist), and reads before it writes, so a retry commits nothing twice.
 */
export interface AssignmentWorkOnHost {
  start(services: AppServices, request: StartWorkRequest): Promise<StartedWork>;
  update(services: AppServices, request: UpdateWorkRequest): Promise<WorkUpdate>;
}

/** Ticks aside ("- [x]" reads as "- [ ]"): whether a ticket says something new. */
export const ticketWords = (ticket: string) => ticket.replace(/^(\s*[-*]\s+)\[[xX]\]/gm, "$1[ ]");
/** The number a pull request's page ends with (…/pullrequest/7, …/pull-requests/7). */
export const pullRequestNumber = (url: string) => Number(/\/(\d+)\/?$/.exec(url)?.[1] ?? NaN);

/** The job a host's webhook deliveries are recorded as, and the event a delivery's payload carries. */
export interface DeliveryJob {
  kind: string;
  event(payload: unknown): string;
}
export const deliveryJob = <P>(type: JobType<P>, event: (payload: P) => string): DeliveryJob => ({
  kind: type.kind,
  event: (payload) => {
    const parsed = type.payload.safeParse(payload);
    return parsed.success ? event(parsed.data) : "(not a delivery this version of Groundwork reads)";
  },
});

/** Fetches one linked item's metadata from its host; `changesOnly`: only a pull request's files and commits, after a push. */
export type RefreshJob = JobType<{ contextItemId: string; changesOnly?: boolean }>;
export const refreshJobOf = (host: string): RefreshJob =>
  jobType(`${host}.refresh`, z.object({ contextItemId: z.string().min(1), changesOnly: z.boolean().optional() }));

/** Work scheduled every so often, with nothing to carry. */
export const periodicJob = (kind: string) => jobType(kind, z.object({}).strict() as z.ZodType<Record<string, never>>);

/** The words of a search (`findItems`), each of which a match must hold somewhere. */
export const searchWords = (q: string) => q.toLowerCase().split(/\s+/).filter(Boolean).slice(0, 5);

/** The adapter of a stored item's host; an item of a host no longer registered has none. */
export const hostOf = (services: AppServices, name: string) => services.hosts.find((h) => h.name === name) ?? null;

/** A burst of pushes to one pull request lists its files and commits once. */
const CHANGES_COALESCE_MS = 5000;
/** Queues the listing of a pull request's files and commits, once a push moved it past the ones listed. */
export async function queueChangesRefresh(services: AppServices, item: Pick<ContextItemRow, "id" | "host" | "workspaceId">, transaction: Transaction) {
  const host = hostOf(services, item.host);
  if (host)
    await services.queue.enqueue(
      host.refreshJob,
      { contextItemId: item.id, changesOnly: true },
      { workspaceId: item.workspaceId, transaction, coalesce: { key: item.id, windowMs: CHANGES_COALESCE_MS } },
    );
}

/** Queues the fetch of a linked item's metadata by its host. */
export async function queueRefresh(services: AppServices, item: ContextItemRow) {
  const host = hostOf(services, item.host);
  if (host) await services.queue.enqueue(host.refreshJob, { contextItemId: item.id }, { workspaceId: item.workspaceId });
}
