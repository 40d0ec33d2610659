import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes, type Sequelize } from "sequelize";

type Attrs<M extends Model> = InferAttributes<M>;
type Creation<M extends Model> = InferCreationAttributes<M>;

export class WorkspaceRow extends Model<Attrs<WorkspaceRow>, Creation<WorkspaceRow>> {
  declare id: CreationOptional<string>;
  declare name: string;
  declare createdAt: CreationOptional<Date>;
}
export class UserRow extends Model<Attrs<UserRow>, Creation<UserRow>> {
  declare id: CreationOptional<string>;
  declare email: string;
  declare emailNormalized: string;
  declare name: string;
  declare passwordHash: string;
  declare emailVerifiedAt: CreationOptional<Date | null>;
}
export class MemberRow extends Model<Attrs<MemberRow>, Creation<MemberRow>> {
  declare id: CreationOptional<string>;
  declare workspaceId: string;
  declare userId: string;
  declare emailNormalized: string;
  declare role: "owner" | "member";
  declare createdAt: CreationOptional<Date>;
  declare user?: UserRow;
}
export class InviteRow extends Model<Attrs<InviteRow>, Creation<InviteRow>> {
  declare id: CreationOptional<string>;
  declare workspaceId: string;
  declare email: string;
  declare emailNormalized: string;
  declare role: "owner" | "member";
  declare tokenHash: string;
  declare invitedBy: string;
  declare expiresAt: Date;
  declare acceptedAt: Date | null;
  declare createdAt: CreationOptional<Date>;
}
export class SessionRow extends Model<Attrs<SessionRow>, Creation<SessionRow>> {
  declare id: CreationOptional<string>;
  declare tokenHash: string;
  declare userId: string;
  declare memberId: string;
  declare csrfToken: string;
  declare expiresAt: Date;
}
export class LoginFailureRow extends Model<Attrs<LoginFailureRow>, Creation<LoginFailureRow>> {
  declare id: CreationOptional<number>;
  declare emailNormalized: string;
  declare ip: string;
  declare createdAt: CreationOptional<Date>;
}
export class FeedbackRow extends Model<Attrs<FeedbackRow>, Creation<FeedbackRow>> {
  declare id: CreationOptional<string>;
  declare workspaceId: string;
  declare authorId: string;
  declare subjectId: string;
  declare body: string;
  declare visibility: "private" | "shared_with_subject";
  declare createdAt: CreationOptional<Date>;
}
export class OneOnOneRow extends Model<Attrs<OneOnOneRow>, Creation<OneOnOneRow>> {
  declare id: CreationOptional<string>;
  declare workspaceId: string;
  declare memberAId: string;
  declare memberBId: string;
  declare createdAt: CreationOptional<Date>;
}
export class AgendaItemRow extends Model<Attrs<AgendaItemRow>, Creation<AgendaItemRow>> {
  declare id: CreationOptional<string>;
  declare oneOnOneId: string;
  declare authorId: string;
  declare text: string;
  declare done: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
}
export class ObjectiveRow extends Model<Attrs<ObjectiveRow>, Creation<ObjectiveRow>> {
  declare id: CreationOptional<string>;
  declare workspaceId: string;
  declare ownerId: string;
  declare title: string;
  declare description: string | null;
  declare period: string;
  declare createdAt: CreationOptional<Date>;
}
export class KeyResultRow extends Model<Attrs<KeyResultRow>, Creation<KeyResultRow>> {
  declare id: CreationOptional<string>;
  declare objectiveId: string;
  declare title: string;
  declare target: number;
  declare current: number;
  declare createdAt: CreationOptional<Date>;
}
export class CompetencyRow extends Model<Attrs<CompetencyRow>, Creation<CompetencyRow>> {
  declare id: CreationOptional<string>;
  declare workspaceId: string;
  declare name: string;
  declare description: string | null;
  declare createdAt: CreationOptional<Date>;
}
export class CompetencyLevelRow extends Model<Attrs<CompetencyLevelRow>, Creation<CompetencyLevelRow>> {
  declare id: CreationOptional<string>;
  declare competencyId: string;
  declare level: number;
  declare title: string;
  declare description: string | null;
}
export class AssessmentRow extends Model<Attrs<AssessmentRow>, Creation<AssessmentRow>> {
  declare id: CreationOptional<string>;
  declare workspaceId: string;
  declare memberId: string;
  declare competencyId: string;
  declare level: number;
  declare note: string | null;
  declare assessedBy: string;
  declare createdAt: CreationOptional<Date>;
}
export class ContextItemRow extends Model<Attrs<ContextItemRow>, Creation<ContextItemRow>> {
  declare id: CreationOptional<string>;
  declare workspaceId: string;
  declare host: "ado" | "bitbucket";
  declare kind: "pull_request" | "work_item";
  declare url: string;
  declare externalKey: string;
  declare hostIds: Record<string, string | number>;
  declare metadataStatus: "pending" | "fetched" | "host_not_connected" | "not_followed" | "error";
  declare metadata: Record<string, unknown> | null;
  declare title: string | null;
  declare state: string | null;
  declare authorEmailNormalized: string | null;
  declare fetchedAt: Date | null;
  declare createdAt: CreationOptional<Date>;
}
export class ContextLinkRow extends Model<Attrs<ContextLinkRow>, Creation<ContextLinkRow>> {
  declare id: CreationOptional<string>;
  declare workspaceId: string;
  declare contextItemId: string;
  declare targetType: "feedback" | "agenda_item" | "objective" | "key_result" | "competency";
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
}

export interface AdoServices {
  pullRequests: boolean;
  workItems: boolean;
  comments: boolean;
  statuses: boolean;
}
/** A service-hook subscription Groundwork created in the organisation. */
export interface AdoHookSubscription {
  id: string;
  projectId: string;
  project: string;
  eventType: string;
}
export class AdoConnectionRow extends Model<Attrs<AdoConnectionRow>, Creation<AdoConnectionRow>> {
  declare id: CreationOptional<string>;
  declare workspaceId: string;
  declare organization: string;
  declare name: string;
  declare patSealed: string;
  declare webhookSecretHash: string;
  declare webhookSecretSealed: string | null;
  declare hookSubscriptions: AdoHookSubscription[] | null;
  declare services: AdoServices;
  declare repositories: { id: string; name: string; project: string }[];
  declare status: "active" | "auth_failed";
  declare lastError: string | null;
  declare lastDeliveryAt: Date | null;
  declare createdBy: string;
  declare createdAt: CreationOptional<Date>;
}

export class IdentityLinkRow extends Model<Attrs<IdentityLinkRow>, Creation<IdentityLinkRow>> {
  declare id: CreationOptional<string>;
  declare workspaceId: string;
  declare memberId: string;
  declare host: "ado" | "bitbucket";
  declare scope: string;
  declare externalUserId: string;
}

export class BitbucketInstallationRow extends Model<Attrs<BitbucketInstallationRow>, Creation<BitbucketInstallationRow>> {
  declare id: CreationOptional<string>;
  declare clientKey: string;
  declare sharedSecretSealed: string | null;
  declare baseUrl: string;
  declare principalUuid: string;
  declare principalName: string | null;
  declare status: "active" | "uninstalled" | "auth_failed";
  declare workspaceId: string | null;
  declare bindNonce: CreationOptional<string | null>;
  declare lastError: string | null;
  declare lastDeliveryAt: Date | null;
  declare createdAt: CreationOptional<Date>;
}

export class BitbucketTokenConnectionRow extends Model<Attrs<BitbucketTokenConnectionRow>, Creation<BitbucketTokenConnectionRow>> {
  declare id: CreationOptional<string>;
  declare workspaceId: string;
  declare bitbucketWorkspace: string;
  declare workspaceUuid: string | null;
  declare tokenSealed: string;
  declare webhookSecretSealed: string;
  declare repositories: { slug: string; uuid: string; hookUuid: string | null }[];
  declare status: "active" | "auth_failed";
  declare lastError: string | null;
  declare lastDeliveryAt: Date | null;
  declare createdBy: string;
  declare createdAt: CreationOptional<Date>;
}

const uuidPk = { type: DataTypes.UUID, primaryKey: true, defaultValue: DataTypes.UUIDV4 };

/** Binds the domain models to the database; one database per process (or vitest file). */
export function defineModels(sequelize: Sequelize) {
  const opts = (tableName: string) => ({ sequelize, tableName, underscored: true, timestamps: true });
  const S = DataTypes;

  WorkspaceRow.init({ id: uuidPk, name: S.STRING, createdAt: S.DATE }, opts("workspaces"));
  UserRow.init({ id: uuidPk, email: S.STRING, emailNormalized: S.STRING, name: S.STRING, passwordHash: S.STRING, emailVerifiedAt: S.DATE }, opts("users"));
  MemberRow.init({ id: uuidPk, workspaceId: S.UUID, userId: S.UUID, emailNormalized: S.STRING, role: S.STRING, createdAt: S.DATE }, opts("members"));
  InviteRow.init(
    {
      id: uuidPk,
      workspaceId: S.UUID,
      email: S.STRING,
      emailNormalized: S.STRING,
      role: S.STRING,
      tokenHash: S.STRING,
      invitedBy: S.UUID,
      expiresAt: S.DATE,
      acceptedAt: S.DATE,
      createdAt: S.DATE,
    },
    opts("invites"),
  );
  SessionRow.init({ id: uuidPk, tokenHash: S.STRING, userId: S.UUID, memberId: S.UUID, csrfToken: S.STRING, expiresAt: S.DATE }, opts("sessions"));
  LoginFailureRow.init(
    { id: { type: S.INTEGER, primaryKey: true, autoIncrement: true }, emailNormalized: S.STRING, ip: S.STRING, createdAt: S.DATE },
    { ...opts("login_failures"), updatedAt: false },
  );
  FeedbackRow.init(
    {
      id: uuidPk,
      workspaceId: S.UUID,
      authorId: S.UUID,
      subjectId: S.UUID,
      body: S.TEXT,
      visibility: S.STRING,
      createdAt: S.DATE,
    },
    opts("feedback"),
  );
  OneOnOneRow.init({ id: uuidPk, workspaceId: S.UUID, memberAId: S.UUID, memberBId: S.UUID, createdAt: S.DATE }, opts("one_on_ones"));
  AgendaItemRow.init({ id: uuidPk, oneOnOneId: S.UUID, authorId: S.UUID, text: S.TEXT, done: S.BOOLEAN, createdAt: S.DATE }, opts("agenda_items"));
  ObjectiveRow.init(
    {
      id: uuidPk,
      workspaceId: S.UUID,
      ownerId: S.UUID,
      title: S.STRING,
      description: S.TEXT,
      period: S.STRING,
      createdAt: S.DATE,
    },
    opts("objectives"),
  );
  KeyResultRow.init({ id: uuidPk, objectiveId: S.UUID, title: S.STRING, target: S.DOUBLE, current: S.DOUBLE, createdAt: S.DATE }, opts("key_results"));
  CompetencyRow.init({ id: uuidPk, workspaceId: S.UUID, name: S.STRING, description: S.TEXT, createdAt: S.DATE }, opts("competencies"));
  CompetencyLevelRow.init({ id: uuidPk, competencyId: S.UUID, level: S.INTEGER, title: S.STRING, description: S.TEXT }, opts("competency_levels"));
  AssessmentRow.init(
    {
      id: uuidPk,
      workspaceId: S.UUID,
      memberId: S.UUID,
      competencyId: S.UUID,
      level: S.INTEGER,
      note: S.TEXT,
      assessedBy: S.UUID,
      createdAt: S.DATE,
    },
    opts("assessments"),
  );
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
      fetchedAt: S.DATE,
      createdAt: S.DATE,
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
    },
    opts("context_updates"),
  );

  AdoConnectionRow.init(
    {
      id: uuidPk,
      workspaceId: S.UUID,
      organization: S.STRING,
      name: S.STRING,
      patSealed: S.TEXT,
      webhookSecretHash: S.STRING,
      webhookSecretSealed: S.TEXT,
      hookSubscriptions: S.JSON,
      services: S.JSON,
      repositories: S.JSON,
      status: S.STRING,
      lastError: S.TEXT,
      lastDeliveryAt: S.DATE,
      createdBy: S.UUID,
      createdAt: S.DATE,
    },
    opts("ado_connections"),
  );

  IdentityLinkRow.init(
    { id: uuidPk, workspaceId: S.UUID, memberId: S.UUID, host: S.STRING, scope: S.STRING, externalUserId: S.STRING },
    opts("identity_links"),
  );

  BitbucketInstallationRow.init(
    {
      id: uuidPk,
      clientKey: S.STRING,
      sharedSecretSealed: S.TEXT,
      baseUrl: S.STRING,
      principalUuid: S.STRING,
      principalName: S.STRING,
      status: S.STRING,
      workspaceId: S.UUID,
      bindNonce: S.STRING,
      lastError: S.TEXT,
      lastDeliveryAt: S.DATE,
      createdAt: S.DATE,
    },
    opts("bitbucket_installations"),
  );

  BitbucketTokenConnectionRow.init(
    {
      id: uuidPk,
      workspaceId: S.UUID,
      bitbucketWorkspace: S.STRING,
      workspaceUuid: S.STRING,
      tokenSealed: S.TEXT,
      webhookSecretSealed: S.TEXT,
      repositories: S.JSON,
      status: S.STRING,
      lastError: S.TEXT,
      lastDeliveryAt: S.DATE,
      createdBy: S.UUID,
      createdAt: S.DATE,
    },
    opts("bitbucket_token_connections"),
  );

  MemberRow.belongsTo(UserRow, { as: "user", foreignKey: "userId" });
  ContextLinkRow.belongsTo(ContextItemRow, { as: "item", foreignKey: "contextItemId" });
  AgendaItemRow.belongsTo(OneOnOneRow, { as: "oneOnOne", foreignKey: "oneOnOneId" });
  KeyResultRow.belongsTo(ObjectiveRow, { as: "objective", foreignKey: "objectiveId" });
}
