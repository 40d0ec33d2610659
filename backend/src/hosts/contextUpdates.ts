import type { Transaction } from "sequelize";
import { ContextItemRow, ContextUpdateRow } from "../storage/models.js";

/** A member's comment on a host item, ready to show wherever the item is linked. */
export interface ContextUpdateInput {
  externalKey: string;
  /** The host's identity of the comment, so a redelivery or an edit updates one row. */
  externalId: string;
  memberId: string;
  authorName: string;
  body: string;
  url: string | null;
  occurredAt: Date;
  deleted: boolean;
}

/** Records (or edits, or removes) a context update on the workspace's item with that identity, if it is linked. */
export async function recordContextUpdate(workspaceId: string, u: ContextUpdateInput, transaction: Transaction) {
  const item = await ContextItemRow.findOne({ where: { workspaceId, externalKey: u.externalKey }, transaction });
  if (!item) return;
  const existing = await ContextUpdateRow.findOne({ where: { contextItemId: item.id, externalId: u.externalId }, transaction });
  if (u.deleted) {
    await existing?.destroy({ transaction });
    return;
  }
  const fields = { authorName: u.authorName.slice(0, 200), body: u.body.slice(0, 4000), url: u.url, occurredAt: u.occurredAt };
  if (existing) await existing.update(fields, { transaction });
  else
    await ContextUpdateRow.create(
      { ...fields, workspaceId, contextItemId: item.id, kind: "comment", externalId: u.externalId, memberId: u.memberId },
      { transaction },
    );
}
