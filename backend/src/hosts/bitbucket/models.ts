import { DataTypes, Model, type CreationOptional, type Sequelize } from "sequelize";
import { tableOptions, uuidPk, type Attrs, type Creation } from "../../storage/models/base.js";

/**
 * How workspaces reach Bitbucket: installations of the Connect app or the Forge app, and
 * access-token connections (secrets sealed). A Forge installation's `clientKey` is its
 * installation id, its `baseUrl` the API base URL Forge names, and it has no shared secret: it
 * calls Bitbucket with the newest app system token Forge sent.
 */

export class BitbucketInstallationRow extends Model<Attrs<BitbucketInstallationRow>, Creation<BitbucketInstallationRow>> {
  declare id: CreationOptional<string>;
  declare kind: CreationOptional<"connect" | "forge">;
  declare clientKey: string;
  declare sharedSecretSealed: string | null;
  declare baseUrl: string;
  declare principalUuid: string;
  declare principalName: string | null;
  declare status: "active" | "uninstalled" | "auth_failed";
  declare workspaceId: string | null;
  declare bindNonce: CreationOptional<string | null>;
  declare systemTokenSealed: CreationOptional<string | null>;
  declare systemTokenExpiresAt: CreationOptional<Date | null>;
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

export function defineBitbucketModels(sequelize: Sequelize) {
  const opts = tableOptions(sequelize);
  const S = DataTypes;
  BitbucketInstallationRow.init(
    {
      id: uuidPk,
      kind: { type: S.STRING, defaultValue: "connect" },
      clientKey: S.STRING,
      sharedSecretSealed: S.TEXT,
      baseUrl: S.STRING,
      principalUuid: S.STRING,
      principalName: S.STRING,
      status: S.STRING,
      workspaceId: S.UUID,
      bindNonce: S.STRING,
      systemTokenSealed: S.TEXT,
      systemTokenExpiresAt: S.DATE,
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
}
