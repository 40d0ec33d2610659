import { DataTypes, Model, type CreationOptional, type Sequelize } from "sequelize";
import type { ContextItemKind, HostName, Insight, LinkTargetType, MetadataStatus, ParsedContextUrl, PullRequestChanges } from "@groundwork/shared-types";
import { tableOptions, uuidPk, type Attrs, type Creation } from "./base.js";

/** Delivery work as context: items from the hosts, their links to growth records, members' updates on them, and the host accounts members linked. */

export class ContextItemRow extends Model<Attrs<ContextItemRow>, Creation<ContextItemRow>> {
  declare id: CreationOptional<string>;
  declare workspaceId: string;
  declare host: HostName;
  declare kind: ContextItemKind;
  declare url: string;
  declare externalKey: string;
  declare hostIds: Record<string, string | number>;
  declare metadataStatus: MetadataStatus;
  declare metadata: Record<string, unknown> | null;
  declare title: string | null;
  declare state: string | null;
  declare authorEmailNormalized: string | null;
  declare authorAccount: string | null;
  /** A pull request's files and commits as the host last listed them (null until fetched, and for work items). */
  declare changes: PullRequestChanges | null;
  declare insight: Insight | null;
  /** A digest of what `insight` was derived from (workspace/insights/derive.ts). */
  declare insightSource: string | null;
  /** When its work happened on the host (hosts/snapshot.ts): what a timeline groups by. */
  declare workedAt: Date | null;
  /** Its reviewers' identities, "|email:…|<host>:<account>|" (hosts/snapshot.ts). */
  declare reviewerKeys: string | null;
  declare fetchedAt: Date | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}
/** A workspace's item for a recognised link, before its host was read: what attaching a link or importing history creates. */
export function pendingItem(workspaceId: string, parsed: ParsedContextUrl) {
  const { externalKey, canonicalUrl, host, kind, ...ids } = parsed;
  return {
    workspaceId,
    host,
    kind,
    url: canonicalUrl,
    externalKey,
    hostIds: Object.fromEntries(Object.entries(ids)) as Record<string, string | number>,
    metadataStatus: "pending" as const,
    metadata: null,
    title: null,
    state: null,
    authorEmailNormalized: null,
    authorAccount: null,
    fetchedAt: null,
  };
}
export class ContextLinkRow extends Model<Attrs<ContextLinkRow>, Creation<ContextLinkRow>> {
  declare id: CreationOptional<string>;
  declare workspaceId: string;
  declare contextItemId: string;
  declare targetType: LinkTargetType;
  declare targetId: string;
  declare note: string | null;
  declare linkedBy: string;
  declare createdAt: CreationOptional<Date>;
  declare item?: ContextItemRow;
}
export class ContextUpdateRow extends Model<Attrs<ContextUpdateRow>, Creation<ContextUpdateRow>> {
  declare id: CreationOptional<string>;
  declare workspaceId: string;
  declare contextItemId: string;
  declare kind: "comment";
  declare externalId: string;
  declare memberId: string;
  declare authorName: string;
  declare body: string;
  declare url: string | null;
  declare occurredAt: Date;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}
export class IdentityLinkRow extends Model<Attrs<IdentityLinkRow>, Creation<IdentityLinkRow>> {
  declare id: CreationOptional<string>;
  declare workspaceId: string;
  declare memberId: string;
  declare host: HostName;
  declare scope: string;
  declare externalUserId: string;
  declare accountName: string | null;
  declare createdAt: CreationOptional<Date>;
}

export function defineContext(sequelize: Sequelize) {
  const opts = tableOptions(sequelize);
  const S = DataTypes;
  ContextItemRow.init(
    {
      id: uuidPk,
      workspaceId: S.UUID,
      host: S.STRING,
      kind: S.STRING,
      url: S.STRING,
      externalKey: S.STRING,
      hostIds: S.JSON,
      metadataStatus: S.STRING,
      metadata: S.JSON,
      title: S.STRING,
      state: S.STRING,
      authorEmailNormalized: S.STRING,
      authorAccount: S.STRING,
      changes: S.JSON,
      insight: S.JSON,
      insightSource: S.STRING,
      workedAt: S.DATE,
      reviewerKeys: S.TEXT,
      fetchedAt: S.DATE,
      createdAt: S.DATE,
      updatedAt: S.DATE,
    },
    opts("context_items"),
  );
  ContextLinkRow.init(
    {
      id: uuidPk,
      workspaceId: S.UUID,
      contextItemId: S.UUID,
      targetType: S.STRING,
      targetId: S.UUID,
      note: S.TEXT,
      linkedBy: S.UUID,
      createdAt: S.DATE,
    },
    opts("context_links"),
  );
  ContextUpdateRow.init(
    {
      id: uuidPk,
      workspaceId: S.UUID,
      contextItemId: S.UUID,
      kind: S.STRING,
      externalId: S.STRING,
      memberId: S.UUID,
      authorName: S.STRING,
      body: S.TEXT,
      url: S.STRING,
      occurredAt: S.DATE,
      createdAt: S.DATE,
      updatedAt: S.DATE,
    },
    opts("context_updates"),
  );
  IdentityLinkRow.init(
    { id: uuidPk, workspaceId: S.UUID, memberId: S.UUID, host: S.STRING, scope: S.STRING, externalUserId: S.STRING, accountName: S.STRING, createdAt: S.DATE },
    opts("identity_links"),
  );
}
