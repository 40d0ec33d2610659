import { IntegrationsOverview } from "@groundwork/shared-types";
import { route } from "../http/route.js";
import { AdoConnectionRow } from "../storage/models.js";
import { toAdoConnection } from "./ado/connection.js";

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
      return {
        ado: { connected: Boolean(ado), connection: ado ? toAdoConnection(ctx.services, ado) : null },
        bitbucket: { connected: false },
      };
    },
  }),
];
