import { IntegrationsOverview } from "@groundwork/shared-types";
import { route } from "../http/route.js";
import { AdoConnectionRow, BitbucketInstallationRow, BitbucketTokenConnectionRow } from "../storage/models.js";
import { toAdoConnection } from "./ado/connection.js";
import { toBitbucketInstallation } from "./bitbucket/binding.js";
import { toTokenConnection } from "./bitbucket/tokenConnection.js";

export const integrationRoutes = [
  route({
    method: "get",
    path: "/api/integrations",
    summary: "Which hosts this workspace is connected to",
    tag: "Integrations",
    access: "owner",
    response: IntegrationsOverview,
    handler: async (_input, ctx) => {
      const ado = await AdoConnectionRow.findOne({ where: { workspaceId: ctx.auth.workspace.id } });
      const installations = await BitbucketInstallationRow.findAll({ where: { workspaceId: ctx.auth.workspace.id }, order: [["createdAt", "ASC"]] });
      const token = await BitbucketTokenConnectionRow.findOne({ where: { workspaceId: ctx.auth.workspace.id } });
      return {
        ado: { connected: Boolean(ado), connection: ado ? toAdoConnection(ctx.services, ado) : null },
        bitbucket: {
          connected: installations.some((i) => i.status === "active") || Boolean(token),
          descriptorUrl: new URL("/bitbucket/atlassian-connect.json", ctx.services.config.publicUrl).toString(),
          installations: installations.map(toBitbucketInstallation),
          tokenConnection: token && toTokenConnection(ctx.services, token),
        },
      };
    },
  }),
];
