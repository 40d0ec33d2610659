import { createHash } from "node:crypto";
import { Op, type Transaction } from "sequelize";
import { reviewerKeysOf, workDate } from "../timeline.js";
import { z } from "zod";
import { ItemDetails, type Insight } from "@groundwork/shared-types";
import type { AppServices } from "../../http/services.js";
import { handle, jobType, type JobHandler } from "../../jobs/jobType.js";
import { ContextItemRow, WorkspaceRow } from "../../storage/models.js";
import type { Logger } from "../../log.js";
import { extractInsight, type InsightSource } from "./extract.js";
import { InsightModelError, modelInsight } from "./model.js";

/** Derives one linked item's insight from what it holds now. */
export const DeriveInsightJob = jobType("insight.derive", z.object({ contextItemId: z.string().min(1) }), { deferred: true });
/**
 * After an upgrade, items fetched before insights existed get one, and the work date and
 * reviewers a timeline reads, a batch at a time (`after`: the last id done).
 */
export const BackfillInsightsJob = jobType("insight.backfill", z.object({ after: z.string().nullable() }), { deferred: true });
const BACKFILL_BATCH = 200;
/** Queues the backfill once per database (the dedupe key holds while its job is kept). */
export const queueInsightBackfill = (services: AppServices) =>
  services.queue.enqueue(BackfillInsightsJob, { after: null }, { dedupeKey: "insight.backfill:start" });

/** Updates to one item within this long derive its insight once, from the last of them. */
const COALESCE_MS = 1000;

/**
 * What an insight is drawn from, without what moves on every delivery (dates, revisions), and its
 * digest: an item whose digest is unchanged keeps its insight.
 */
export function insightSourceOf(src: InsightSource) {
  const d = src.details;
  const content =
    d.kind === "pull_request"
      ? { kind: d.kind, description: d.description, reviewers: d.reviewers.map((r) => [r.name, r.verdict]), branches: [d.sourceBranch, d.targetBranch] }
      : { kind: d.kind, type: d.type, description: d.description };
  const changes = src.changes && { files: src.changes.files, commits: src.changes.commits, counts: [src.changes.fileCount, src.changes.commitCount] };
  const digest = createHash("sha256")
    .update(JSON.stringify({ title: src.title, state: src.state, content, changes }))
    .digest("hex");
  return { digest };
}

/** Queues an item's insight (deduplicated over a second), in the transaction that changed the item. */
export function queueInsight(services: AppServices, item: Pick<ContextItemRow, "id" | "workspaceId">, transaction?: Transaction) {
  return services.queue.enqueue(
    DeriveInsightJob,
    { contextItemId: item.id },
    // In a lane of its own ("insight:<workspace>"): a slow language model holds at most half the worker's slots.
    { workspaceId: item.workspaceId, transaction, coalesce: { key: item.id, windowMs: COALESCE_MS } },
  );
}

function sourceOf(item: ContextItemRow): InsightSource | null {
  const details = ItemDetails.safeParse(item.metadata);
  return details.success ? { title: item.title, state: item.state, details: details.data, changes: item.changes } : null;
}

/**
 * The operator's language model where the workspace's owner turned it on, else Groundwork's own
 * extractor — which also stands in when the model fails, is slow or answers what does not hold.
 */
async function derive(services: AppServices, workspaceId: string, src: InsightSource, log: Logger): Promise<Insight> {
  const model = services.config.insightModel;
  const workspace = model ? await WorkspaceRow.findByPk(workspaceId, { attributes: ["id", "insightsUseModel"] }) : null;
  if (model && workspace?.insightsUseModel)
    try {
      return await modelInsight(model, src);
    } catch (err) {
      if (!(err instanceof InsightModelError)) throw err;
      log.warn({ reason: err.message, model: model.model }, "the language model gave no usable insight; Groundwork's extractor drew it");
    }
  return extractInsight(src);
}

export function insightJobHandlers(services: AppServices): JobHandler[] {
  return [
    handle(BackfillInsightsJob, async ({ after }, ctx) => {
      const items = await ContextItemRow.findAll({
        where: { metadataStatus: "fetched", insightSource: null, ...(after ? { id: { [Op.gt]: after } } : {}) },
        order: [["id", "ASC"]],
        limit: BACKFILL_BATCH,
      });
      await ctx.finish(async (tx) => {
        for (const item of items) {
          const details = ItemDetails.safeParse(item.metadata);
          if (!details.success) continue; // a snapshot from before details had one shape: drawn once it is next fetched
          // The stored snapshot as it is: parsing would drop what hosts keep beside the shared fields (a reviewer's account).
          const stored = item.metadata as ItemDetails;
          await item.update(
            { workedAt: item.workedAt ?? workDate(stored), reviewerKeys: item.reviewerKeys ?? reviewerKeysOf(item.host, stored) },
            { transaction: tx },
          );
          await queueInsight(services, item, tx);
        }
        const last = items.at(-1);
        if (items.length === BACKFILL_BATCH && last)
          await services.queue.enqueue(BackfillInsightsJob, { after: last.id }, { transaction: tx, dedupeKey: `insight.backfill:${last.id}` });
      });
    }),
    handle(DeriveInsightJob, async ({ contextItemId }, ctx) => {
      const item = await ContextItemRow.findByPk(contextItemId);
      const src = item && sourceOf(item);
      if (!item || !src) return; // unlinked since, or nothing fetched to draw from
      const { digest } = insightSourceOf(src);
      if (digest === item.insightSource) return;
      const insight = await derive(services, item.workspaceId, src, ctx.log);
      await ctx.finish(async (tx) => {
        // A delivery that changed the item meanwhile queued a job of its own: this one's insight is already behind.
        const now = await ContextItemRow.findByPk(contextItemId, { transaction: tx });
        const current = now && sourceOf(now);
        if (!current || insightSourceOf(current).digest !== digest) return;
        await now.update({ insight, insightSource: digest }, { transaction: tx });
      });
    }),
  ];
}
