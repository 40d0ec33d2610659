import { IntegrationsOverview } from "@groundwork/shared-types";
import { route } from "../http/route.js";

export const integrationRoutes = [
  route({
    method: "get",
    path: "/api/integrations",
    summary: "Which hosts this workspace is connected to",
    tag: "Integrations",
    access: "owner",
    response: IntegrationsOverview,
    // Each host says what its connections are; the shared schema checks the whole on the way out.
    handler: async (_input, ctx) =>
      Object.fromEntries(await Promise.all(ctx.services.hosts.map(async (h) => [h.name, await h.overview(ctx)] as const))) as IntegrationsOverview,
  }),
];
