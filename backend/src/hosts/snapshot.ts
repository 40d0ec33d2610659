import type { Transaction } from "sequelize";
import { ContextItemRow } from "../storage/models.js";

/** What we keep of a host item: the columns we query by, and the full snapshot to show. */
export interface Snapshot {
  externalKey: string;
  title: string | null;
  state: string | null;
  authorEmailNormalized: string | null;
  metadata: Record<string, unknown>;
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
      fetchedAt: new Date(),
    },
    { where: { workspaceId, externalKey: s.externalKey }, transaction },
  );
}
