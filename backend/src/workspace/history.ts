import { randomUUID } from "node:crypto";
import { Op, QueryTypes, type Transaction } from "sequelize";
import { z } from "zod";
import {
  HISTORY_MONTHS,
  HistoryImport,
  Page,
  PageQuery,
  StartedHistoryImports,
  StartHistoryImportRequest,
  type HistoryImportStatus,
} from "@groundwork/shared-types";
import { ApiError, notFound } from "../http/errors.js";
import { route, type MemberContext } from "../http/route.js";
import type { AppServices } from "../http/services.js";
import { keysetPage } from "../http/pages.js";
import { handle, jobType, type JobHandler } from "../jobs/jobType.js";
import { asJobError, hostOf, HostCallError, isPassing, type HistoryPage, type HostAdapter } from "../hosts/adapter.js";
import { ContextItemRow, HistoryImportRow, IdentityLinkRow, MemberRow } from "../storage/models.js";
import { startsWith } from "../storage/startsWith.js";
import { identityKey } from "./accountLinks.js";
import { BackfillInsightsJob } from "./insights/derive.js";

/**
 * History imports: the pull requests a connection's repositories had before Groundwork was
 * connected, a page per job. A repository's row keeps the host's cursor for the next page; the
 * page's items, the new cursor and the next page's job commit together, so a process killed
 * mid-import carries on from the last page it committed, and a page read twice writes the same
 * items. One repository of a connection imports at a time, so the host's rate limit is shared
 * by one reader.
 */
export const HistoryImportJob = jobType("history.import", z.object({ importId: z.string().min(1), page: z.number().int().min(0) }));

const ACTIVE: HistoryImportStatus[] = ["queued", "importing"];
/** Pull requests written per transaction: on SQLite one holds the only write lock, and 20 at a time held deliveries' p99 at 5× idle. */
const SAVE_BATCH = 5;
/** While live work (deliveries, statuses, refreshes) waits, an import's next page waits this long. */
const YIELD_MS = 1000;

/** The shortest span an import's rate is reported over. */
const RATE_SPAN_MIN = 5 / 60;

const monthsAgo = (months: number, from = new Date()) => new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() - months, from.getUTCDate()));

function toHistoryImport(row: HistoryImportRow): HistoryImport {
  const elapsedMin = row.startedAt ? ((row.finishedAt ?? new Date()).getTime() - row.startedAt.getTime()) / 60_000 : 0;
  // Under a few seconds, a rate is mostly noise (one page in 0.2 s is not 9,000 a minute).
  const perMinute = elapsedMin >= RATE_SPAN_MIN && row.imported > 0 ? Math.round((row.imported / elapsedMin) * 10) / 10 : null;
  const left = row.total !== null ? Math.max(0, row.total - row.imported) : null;
  return {
    id: row.id,
    host: row.host,
    connectionId: row.connectionId,
    repository: row.repository,
    status: row.status,
    since: row.since.toISOString(),
    imported: row.imported,
    total: row.total,
    requests: row.requests,
    perMinute,
    stage: row.status === "importing" ? row.stage : null,
    secondsLeft: row.status === "importing" && left !== null && perMinute ? Math.round((left / perMinute) * 60) : null,
    waitingUntil: row.status === "importing" && row.waitingUntil && row.waitingUntil > new Date() ? row.waitingUntil.toISOString() : null,
    error: row.error,
    summary: row.summary,
    startedAt: row.startedAt?.toISOString() ?? null,
    finishedAt: row.finishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

const historyOf = (services: AppServices, host: string) => {
  const adapter = hostOf(services, host);
  return adapter?.history ? (adapter as HostAdapter & Required<Pick<HostAdapter, "history">>) : null;
};

/**
 * Starts the connection's next queued import if none of its imports is running. The host's rate
 * limit is the connection's, so its first call waits for the pace the connection's last answer
 * asked for (kept on that import's row, whatever became of it).
 */
async function startNext(services: AppServices, of: Pick<HistoryImportRow, "workspaceId" | "host" | "connectionId">, transaction: Transaction) {
  const mine = { workspaceId: of.workspaceId, host: of.host, connectionId: of.connectionId };
  if (await HistoryImportRow.count({ where: { ...mine, status: "importing" }, transaction })) return;
  const next = await HistoryImportRow.findOne({
    where: { ...mine, status: "queued" },
    order: [
      ["createdAt", "ASC"],
      ["id", "ASC"],
    ],
    transaction,
  });
  if (!next) {
    // The connection's imports are over: the pull requests they brought in get their insights now.
    await services.queue.enqueue(BackfillInsightsJob, { after: null }, { transaction, dedupeKey: `insight.backfill:history:${randomUUID()}` });
    return;
  }
  const now = new Date();
  const paced = await HistoryImportRow.max<Date | null, HistoryImportRow>("waitingUntil", { where: mine, transaction });
  const waitingUntil = paced && new Date(paced) > now ? new Date(paced) : null;
  await next.update({ status: "importing", startedAt: now, until: now, waitingUntil }, { transaction });
  await services.queue.enqueue(
    HistoryImportJob,
    { importId: next.id, page: next.page },
    { workspaceId: next.workspaceId, transaction, runAt: waitingUntil?.getTime() },
  );
}

/**
 * Queues the import of the repositories a connection follows (or one of them), `months` back; a
 * repository already importing keeps going. Called on connecting, and by an owner on demand.
 */
export async function startHistoryImports(
  services: AppServices,
  request: { workspaceId: string; host: string; connectionId: string; repository?: string; months: number; createdBy: string | null },
) {
  const source = historyOf(services, request.host);
  if (!source) return [];
  const repositories = (await source.history.repositories(services, request.workspaceId, request.connectionId)).filter(
    (r) => !request.repository || r.repository.toLowerCase() === request.repository.toLowerCase(),
  );
  if (request.repository && repositories.length === 0)
    throw new ApiError(400, "not_followed", `The connection does not follow a repository named ${request.repository}`, "body.repository");
  return services.storage.sequelize.transaction(async (transaction) => {
    const rows: HistoryImportRow[] = [];
    for (const r of repositories) {
      const key = { workspaceId: request.workspaceId, host: request.host, connectionId: r.connectionId, repository: r.repository };
      const fresh = {
        status: "queued" as const,
        since: monthsAgo(request.months),
        until: null,
        cursor: null,
        imported: 0,
        total: null,
        requests: 0,
        // waitingUntil stays: it is the host's pace for the connection (see startNext).
        error: null,
        summary: null,
        stage: null,
        startedAt: null,
        finishedAt: null,
        createdBy: request.createdBy,
      };
      const existing = await HistoryImportRow.findOne({ where: key, transaction });
      if (existing && ACTIVE.includes(existing.status)) rows.push(existing);
      // A new run's pages count on from the last run's, so a job the last run left behind finds its page taken.
      else if (existing) rows.push(await existing.update({ ...fresh, page: existing.page + 1 }, { transaction }));
      else rows.push(await HistoryImportRow.create({ ...key, ...fresh, itemKeyPrefix: r.itemKeyPrefix }, { transaction }));
    }
    for (const connectionId of new Set(repositories.map((r) => r.connectionId)))
      await startNext(services, { workspaceId: request.workspaceId, host: request.host, connectionId }, transaction);
    // One after another: a transaction is one connection, and pg@9 refuses a query on a client that is running one.
    const queued: HistoryImportRow[] = [];
    for (const r of rows) queued.push(await r.reload({ transaction }));
    return queued;
  });
}

/**
 * On connecting a host: the followed repositories' last six months are queued for import. A
 * failure here (the host would not list the repositories) leaves the connection made; the owner
 * can start the import from Integrations.
 */
export async function startHistoryOnConnect(services: AppServices, request: { workspaceId: string; host: string; connectionId: string; createdBy: string }) {
  try {
    await startHistoryImports(services, { ...request, months: HISTORY_MONTHS.default });
  } catch (err) {
    services.log.warn({ err, host: request.host }, "queueing the history import after connecting failed");
  }
}

/** Whether work other than imports and insights is due: an import's next page waits for it. */
async function liveWorkWaiting(services: AppServices) {
  if (services.load.busy) return true;
  const due = await services.storage.sequelize.query(
    "SELECT 1 AS due FROM jobs WHERE status = 'queued' AND run_at <= :now AND kind NOT LIKE 'history.%' AND kind NOT LIKE 'insight.%' LIMIT 1",
    { type: QueryTypes.SELECT, replacements: { now: services.queue.options.now() } },
  );
  return due.length > 0;
}

/** When an import is done: how many people authored its pull requests, and how many of them are members (by email or linked account). */
async function summaryOf(row: HistoryImportRow, transaction: Transaction) {
  const items = await ContextItemRow.findAll({
    attributes: ["authorEmailNormalized", "authorAccount"],
    where: { workspaceId: row.workspaceId, [Op.and]: [startsWith("external_key", row.itemKeyPrefix)] },
    transaction,
  });
  // In turn, not together: both run on the transaction's one connection.
  const members = await MemberRow.findAll({ attributes: ["emailNormalized"], where: { workspaceId: row.workspaceId }, transaction });
  const links = await IdentityLinkRow.findAll({ attributes: ["externalUserId"], where: { workspaceId: row.workspaceId, host: row.host }, transaction });
  const emails = new Set(members.map((m) => m.emailNormalized));
  const accounts = new Set(links.map((l) => l.externalUserId));
  const authors = new Map<string, boolean>();
  for (const i of items) {
    const key = i.authorAccount ? identityKey.account(row.host, i.authorAccount) : i.authorEmailNormalized ? identityKey.email(i.authorEmailNormalized) : null;
    if (key)
      authors.set(
        key,
        (i.authorEmailNormalized !== null && emails.has(i.authorEmailNormalized)) || (i.authorAccount !== null && accounts.has(i.authorAccount)),
      );
  }
  return { authors: authors.size, matchedAuthors: [...authors.values()].filter(Boolean).length };
}

export function historyJobHandlers(services: AppServices): JobHandler[] {
  return [
    handle(HistoryImportJob, async ({ importId, page }, ctx) => {
      const row = await HistoryImportRow.findByPk(importId);
      if (!row || row.page !== page || row.status !== "importing") return; // cancelled, re-run or done meanwhile
      const source = historyOf(services, row.host);
      const fail = (message: string) =>
        ctx.finish(async (tx) => {
          await row.update({ status: "failed", error: message, finishedAt: new Date(), waitingUntil: null }, { transaction: tx });
          await startNext(services, row, tx);
        });
      if (!source) return fail("This version of Groundwork cannot import from this host");
      if (await liveWorkWaiting(services)) {
        await ctx.finish((tx) =>
          services.queue
            .enqueue(HistoryImportJob, { importId, page }, { workspaceId: row.workspaceId, transaction: tx, runAt: Date.now() + YIELD_MS })
            .then(() => undefined),
        );
        return;
      }
      const readAt = new Date();
      let read: HistoryPage;
      try {
        read = await source.history.page(services, {
          workspaceId: row.workspaceId,
          connectionId: row.connectionId,
          repository: row.repository,
          since: row.since,
          until: row.until ?? readAt,
          cursor: row.cursor,
        });
      } catch (err) {
        if (!(err instanceof HostCallError)) throw err;
        if (isPassing(err)) {
          // Waited out on the job's lane (Retry-After, else a backoff); the panel says until when.
          if (err.retryAfterSeconds) await row.update({ waitingUntil: new Date(Date.now() + err.retryAfterSeconds * 1000) });
          throw asJobError(err);
        }
        return fail(`${source.displayName}: ${err.message}`);
      }
      // Written a few at a time, each in a transaction of its own, and the last with the cursor: on SQLite a
      // transaction holds the only write lock, and a page's hundred pull requests at once kept deliveries waiting.
      // A page cut short by a crash is read again, and writing an item twice writes the same thing.
      // The host's pace counts from its answer: the time spent writing this page is part of the wait.
      const nextCallAt = Date.now() + read.waitMs;
      const last = read.items.slice(-SAVE_BATCH);
      let written = 0;
      for (let i = 0; i < read.items.length - last.length; i += SAVE_BATCH) {
        const batch = read.items.slice(i, Math.min(i + SAVE_BATCH, read.items.length - last.length));
        written += await services.storage.sequelize.transaction((tx) => source.history.save(services, row.workspaceId, batch, readAt, tx));
      }
      await ctx.finish(async (tx) => {
        const now = await HistoryImportRow.findByPk(importId, { transaction: tx });
        if (!now || now.page !== page || now.status !== "importing") return;
        const imported = written + (await source.history.save(services, now.workspaceId, last, readAt, tx));
        if (read.related) {
          await source.history.save(services, now.workspaceId, read.related.items, readAt, tx);
          await read.related.write?.(tx);
        }
        const done = read.next === null;
        await now.update(
          {
            cursor: read.next,
            page: page + 1,
            imported: now.imported + imported,
            total: read.total ?? now.total,
            requests: now.requests + read.requests,
            stage: done ? null : (read.stage ?? null),
            // Kept when done too: the connection's next import starts at the host's pace.
            waitingUntil: nextCallAt > Date.now() ? new Date(nextCallAt) : null,
            ...(done ? { status: "done" as const, finishedAt: new Date(), summary: await summaryOf(now, tx) } : {}),
          },
          { transaction: tx },
        );
        if (done) await startNext(services, now, tx);
        else await services.queue.enqueue(HistoryImportJob, { importId, page: page + 1 }, { workspaceId: now.workspaceId, transaction: tx, runAt: nextCallAt });
      });
    }),
  ];
}

async function importOf(ctx: MemberContext, id: string) {
  const row = z.uuid().safeParse(id).success ? await HistoryImportRow.findOne({ where: { id, workspaceId: ctx.auth.workspace.id } }) : null;
  if (!row) throw notFound("The import", "params.id");
  return row;
}

export const historyRoutes = [
  route({
    method: "get",
    path: "/api/history-imports",
    summary: "The workspace's history imports, one per repository: where each stands",
    tag: "Integrations",
    access: "owner",
    query: PageQuery,
    response: Page(HistoryImport),
    handler: async ({ query }, ctx) => {
      const page = await keysetPage(HistoryImportRow, { where: { workspaceId: ctx.auth.workspace.id } }, { by: "createdAt", direction: "ASC" }, query);
      return { items: page.items.map(toHistoryImport), nextCursor: page.nextCursor };
    },
  }),
  route({
    method: "post",
    path: "/api/history-imports",
    summary: "Import (again) the pull requests of a connection's repositories, or of one of them, from the last months",
    tag: "Integrations",
    access: "owner",
    body: StartHistoryImportRequest,
    response: StartedHistoryImports,
    status: 202,
    handler: async ({ body }, ctx) => {
      if (!historyOf(ctx.services, body.host)) throw new ApiError(400, "unknown_host", `Groundwork imports no history from "${body.host}"`, "body.host");
      const rows = await startHistoryImports(ctx.services, { ...body, workspaceId: ctx.auth.workspace.id, createdBy: ctx.auth.member.id });
      if (rows.length === 0) throw notFound("A connection with repositories to import", "body.connectionId");
      return { imports: rows.map(toHistoryImport) };
    },
  }),
  route({
    method: "post",
    path: "/api/history-imports/:id/cancel",
    summary: "Stop an import; what it imported stays, and it can be run again",
    tag: "Integrations",
    access: "owner",
    response: HistoryImport,
    handler: async ({ params }, ctx) => {
      const row = await importOf(ctx, params.id);
      if (!ACTIVE.includes(row.status)) throw new ApiError(409, "not_running", "This import is not queued or importing", "params.id");
      await ctx.services.storage.sequelize.transaction(async (transaction) => {
        await row.update({ status: "cancelled", finishedAt: new Date(), page: row.page + 1 }, { transaction });
        await startNext(ctx.services, row, transaction);
      });
      return toHistoryImport(row);
    },
  }),
];
