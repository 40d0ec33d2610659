import { DataTypes, Model, type CreationOptional, type Sequelize } from "sequelize";
import type { AdoServices } from "@groundwork/shared-types";
import { tableOptions, uuidPk, type Attrs, type Creation } from "../../storage/models/base.js";

/** An organisation connected to a workspace: its PAT and webhook secret sealed, what it follows. */

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

export function defineAdoModels(sequelize: Sequelize) {
  const opts = tableOptions(sequelize);
  const S = DataTypes;
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
}
