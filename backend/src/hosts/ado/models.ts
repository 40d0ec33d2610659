import { DataTypes, Model, type CreationOptional, type Sequelize } from "sequelize";
import type { AdoServices } from "@groundwork/shared-types";
import { tableOptions, uuidPk, type Attrs, type Creation } from "../../storage/models/base.js";

/** An organisation connected to a workspace: its credential (a PAT or Entra tokens) and webhook secret sealed, what it follows. */

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
  /** The PAT, or the Entra tokens as JSON (EntraTokens), sealed. */
  declare credentialSealed: string;
  declare credentialKind: CreationOptional<"pat" | "entra">;
  /** Who signed in with Microsoft for an Entra credential. */
  declare signedInAs: string | null;
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

/** A sign-in with Microsoft waiting for its owner to choose the organisation to connect (half an hour at most). */
export class AdoEntraSignInRow extends Model<Attrs<AdoEntraSignInRow>, Creation<AdoEntraSignInRow>> {
  declare id: CreationOptional<string>;
  declare workspaceId: string;
  declare memberId: string;
  declare tokensSealed: string;
  declare account: string;
  /** The Azure DevOps profile id: organisations are listed by it. */
  declare profileId: string;
  /** Signed in on the local sandbox's Entra: its tokens reach only the sandbox organisation. */
  declare sandbox: boolean;
  declare expiresAt: Date;
  declare createdAt: CreationOptional<Date>;
}

export function defineAdoModels(sequelize: Sequelize) {
  const opts = tableOptions(sequelize);
  const S = DataTypes;
  AdoConnectionRow.init(
    {
      id: uuidPk,
      workspaceId: S.UUID,
      organization: S.STRING,
      name: S.STRING,
      credentialSealed: S.TEXT,
      credentialKind: { type: S.STRING, defaultValue: "pat" },
      signedInAs: S.STRING,
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
  AdoEntraSignInRow.init(
    {
      id: uuidPk,
      workspaceId: S.UUID,
      memberId: S.UUID,
      tokensSealed: S.TEXT,
      account: S.STRING,
      profileId: S.STRING,
      sandbox: S.BOOLEAN,
      expiresAt: S.DATE,
      createdAt: S.DATE,
    },
    { ...opts("ado_entra_sign_ins"), updatedAt: false },
  );
}
