import { DataTypes, Model, type CreationOptional, type Sequelize } from "sequelize";
import type { Role } from "@groundwork/shared-types";
import { tableOptions, uuidPk, type Attrs, type Creation } from "./base.js";

/** Workspaces and the people in them: accounts, memberships, invites, sessions and failed logins. */

export class WorkspaceRow extends Model<Attrs<WorkspaceRow>, Creation<WorkspaceRow>> {
  declare id: CreationOptional<string>;
  declare name: string;
  /** Whether its insights may be drawn by the operator's language model (it sends PR content there). */
  declare insightsUseModel: CreationOptional<boolean>;
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
  declare role: Role;
  declare createdAt: CreationOptional<Date>;
  declare user?: UserRow;
}
export class InviteRow extends Model<Attrs<InviteRow>, Creation<InviteRow>> {
  declare id: CreationOptional<string>;
  declare workspaceId: string;
  declare email: string;
  declare emailNormalized: string;
  declare role: Role;
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

export function definePeople(sequelize: Sequelize) {
  const opts = tableOptions(sequelize);
  const S = DataTypes;
  WorkspaceRow.init({ id: uuidPk, name: S.STRING, insightsUseModel: { type: S.BOOLEAN, defaultValue: false }, createdAt: S.DATE }, opts("workspaces"));
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
}
