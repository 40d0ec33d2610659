import type { Model, Transaction } from "sequelize";
import type { ItemDetails } from "@groundwork/shared-types";
import { ContextItemRow } from "../storage/models.js";

/** A busy connection records its latest delivery this often at most: one write per delivery would double the worker's writes. */
export const DELIVERY_TOUCH_MS = 10_000;

/** Records that a connection (or installation) just delivered, unless it did within DELIVERY_TOUCH_MS. */
export function touchDelivery(connection: Model & { lastDeliveryAt: Date | null }, transaction: Transaction) {
  if (connection.lastDeliveryAt && Date.now() - connection.lastDeliveryAt.getTime() < DELIVERY_TOUCH_MS) return Promise.resolve();
  return connection.update({ lastDeliveryAt: new Date() }, { transaction });
}

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
  metadata: ItemDetails & Record<string, unknown>;
}

/** Writes a snapshot onto the workspace's context item with that identity, if anyone linked it. */
export function applySnapshot(workspaceId: string, s: Snapshot, transaction: Transaction) {
  return ContextItemRow.update(
    {
      metadataStatus: "fetched",
      metadata: s.metadata,
      title: s.title,
      state: s.state,
      authorEmailNormalized: s.authorEmailNormalized,
      authorAccount: s.authorAccount,
      fetchedAt: new Date(),
    },
    { where: { workspaceId, externalKey: s.externalKey }, transaction },
  );
}
