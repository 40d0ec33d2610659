import { Op, type Model, type Transaction } from "sequelize";
import { ItemDetails, parseContextUrl, type PullRequestChanges } from "@groundwork/shared-types";
import { ContextItemRow, pendingItem } from "../storage/models.js";
import { startsWith } from "../storage/startsWith.js";
import type { AppServices } from "../http/services.js";
import { insightSourceOf, queueInsight } from "../workspace/insights/derive.js";
import { queueChangesRefresh, type HistoryPage } from "./adapter.js";
import { reviewerKeysOf, workDate } from "../workspace/timeline.js";
import { followPullRequest } from "../workspace/assignmentProgress.js";

/** A busy connection records its latest delivery this often at most: one write per delivery would double the worker's writes. */
export const DELIVERY_TOUCH_MS = 10_000;

/** Records that a connection (or installation) just delivered, unless it did within DELIVERY_TOUCH_MS. */
export function touchDelivery(connection: Model & { lastDeliveryAt: Date | null }, transaction: Transaction) {
  if (connection.lastDeliveryAt && Date.now() - connection.lastDeliveryAt.getTime() < DELIVERY_TOUCH_MS) return Promise.resolve();
  return connection.update({ lastDeliveryAt: new Date() }, { transaction });
}

/** How many of a pull request's files and commits a refresh lists (PullRequestChanges): enough to see what it did. */
export const CHANGES_LISTED = { files: 300, commits: 100 };

/**
 * What we keep of a host item: the columns we query by, and the snapshot its card shows, in the
 * shape every host gives (ItemDetails) with whatever else the host adds (kept, not shown).
 */
export interface Snapshot {
  externalKey: string;
  title: string | null;
  state: string | null;
  authorEmailNormalized: string | null;
  /** The author's account on the host (a Bitbucket user uuid, an Azure DevOps identity id): matched to members through their linked accounts. */
  authorAccount: string | null;
  /** Each PR reviewer may carry `account`, their account on the host: their reviews count as the member's who linked it. */
  metadata: ItemDetails & Record<string, unknown>;
  /** A pull request's source commit: when it moves past the one its changes were listed at, they are listed again. */
  headCommit?: string | null;
  /** A pull request's files and commits, when the host was asked for them (a refresh); a delivery carries none. */
  changes?: PullRequestChanges;
}

/**
 * Writes a snapshot onto the workspace's context item with that identity, if anyone linked it,
 * and queues its insight when what it is drawn from changed. A delivery's snapshot
 * (`fromDelivery`) also queues the listing of a pull request's files and commits when a push
 * moved it past the ones last listed; a refresh's own never does, so a host that will not list
 * them is not asked again and again.
 */
export async function applySnapshot(
  services: AppServices,
  workspaceId: string,
  s: Snapshot,
  transaction: Transaction,
  { fromDelivery = false, deferInsight = false } = {},
) {
  const items = await ContextItemRow.findAll({
    attributes: ["id", "workspaceId", "host", "changes", "insightSource"],
    where: { workspaceId, externalKey: s.externalKey },
    transaction,
  });
  for (const item of items) {
    const changes = s.changes ?? item.changes;
    await ContextItemRow.update(
      {
        metadataStatus: "fetched",
        metadata: s.metadata,
        title: s.title,
        state: s.state,
        authorEmailNormalized: s.authorEmailNormalized,
        authorAccount: s.authorAccount,
        fetchedAt: new Date(),
        workedAt: workDate(s.metadata),
        reviewerKeys: reviewerKeysOf(item.host, s.metadata),
        ...(s.changes ? { changes: s.changes } : {}),
      },
      { where: { id: item.id }, transaction },
    );
    const source = insightSourceOf({ title: s.title, state: s.state, details: s.metadata, changes });
    if (source.digest !== item.insightSource && !deferInsight) await queueInsight(services, item, transaction);
    if (fromDelivery && !s.changes && s.metadata.kind === "pull_request" && s.headCommit && changes?.headCommit !== s.headCommit)
      await queueChangesRefresh(services, item, transaction);
  }
  // Whether or not anyone linked it: the pull request of an assignment's work moves the assignment.
  if (s.metadata.kind === "pull_request")
    await followPullRequest(workspaceId, { externalKey: s.externalKey, state: s.state, description: s.metadata.description }, transaction);
}

/** Stores a pull request's newly listed files and commits on a linked item, and queues its insight if they changed it. */
export async function applyChanges(services: AppServices, item: ContextItemRow, changes: PullRequestChanges, transaction: Transaction) {
  await item.update({ changes }, { transaction });
  const details = ItemDetails.safeParse(item.metadata);
  if (details.success && insightSourceOf({ title: item.title, state: item.state, details: details.data, changes }).digest !== item.insightSource)
    await queueInsight(services, item, transaction);
}

/**
 * Writes an imported pull request onto the workspace's item for it (created if nobody attached it
 * yet), unless something newer is there: a delivery or refresh that wrote it after this page was
 * read, or a snapshot the host dated later.
 */
async function importSnapshot(
  services: AppServices,
  workspaceId: string,
  { url, snapshot }: HistoryPage["items"][number],
  readAt: Date,
  transaction: Transaction,
) {
  const parsed = parseContextUrl(url);
  if (!parsed || parsed.externalKey !== snapshot.externalKey) return false;
  const existing = await ContextItemRow.findOne({ where: { workspaceId, externalKey: parsed.externalKey }, transaction });
  if (existing) {
    if (existing.fetchedAt && existing.fetchedAt > readAt) return false;
    const theirs = (existing.metadata as { updatedAt?: string | null } | null)?.updatedAt;
    const ours = snapshot.metadata.updatedAt;
    if (theirs && ours && Date.parse(theirs) > Date.parse(ours)) return false;
  } else {
    await ContextItemRow.create(pendingItem(workspaceId, parsed), { transaction });
  }
  // A new item's insight is drawn once the connection's import is done (workspace/history.ts): drawing them as pages arrive would halve its pace.
  await applySnapshot(services, workspaceId, snapshot, transaction, { deferInsight: !existing });
  return true;
}

/** A history page's pull requests, written as importSnapshot does each: how many were written. */
export async function importSnapshots(services: AppServices, workspaceId: string, items: HistoryPage["items"], readAt: Date, transaction: Transaction) {
  let written = 0;
  for (const item of items) if (await importSnapshot(services, workspaceId, item, readAt, transaction)) written++;
  return written;
}

/** Pull requests whose comments (and work items) one page of an import's last pass reads. */
export const DETAILS_PAGE = 10;

/** A repository's pull requests in the workspace (imported or attached), `DETAILS_PAGE` of them from `skip` in key order, and how many there are. */
export async function repositoryPullRequests(workspaceId: string, itemKeyPrefix: string, skip: number) {
  const where = { workspaceId, kind: "pull_request", [Op.and]: [startsWith("external_key", itemKeyPrefix)] };
  const [items, total] = await Promise.all([
    ContextItemRow.findAll({ where, order: [["externalKey", "ASC"]], offset: skip, limit: DETAILS_PAGE }),
    ContextItemRow.count({ where }),
  ]);
  return { items, total };
}
