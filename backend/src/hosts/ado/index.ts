import { AdoConnectionRow, defineAdoModels } from "./models.js";
import { deliveryJob, type HostAdapter } from "../adapter.js";
import { AdoEventJob } from "./events.js";
import { adoConnectionRoutes, toAdoConnection } from "./connection.js";
import { adoExtensionRouter, EXTENSION_API, extensionRoutes } from "./panel.js";
import { adoJobHandlers, AdoEntraKeepAliveJob, AdoRefreshJob, AdoSyncStaleJob, enqueuePrStatus } from "./jobs.js";
import { adoWebhook } from "./webhooks.js";
import { findAdoItems } from "./search.js";
import { adoHistory } from "./history.js";
import { adoWork } from "./work.js";
import { adoEntraRoutes, signInWithMicrosoftAvailable } from "./entra.js";

/** Azure DevOps: a PAT or Entra ID connection with service hooks, PR statuses, and the extension's PR tab and hub. */
export const adoHost: HostAdapter = {
  name: "ado",
  displayName: "Azure DevOps",
  defineModels: defineAdoModels,
  routes: [...adoConnectionRoutes, ...adoEntraRoutes],
  deliveries: (services, recorder) => [{ path: "/api/webhooks/ado/:connectionId", handlers: adoWebhook(services, recorder) }],
  deliveryJob: deliveryJob(AdoEventJob, ({ event }) => event.eventType),
  mount(app, services) {
    // The extension authenticates by app token and is called cross-origin, so it has a router of its own.
    app.use(EXTENSION_API, adoExtensionRouter(services));
  },
  documented: {
    routes: extensionRoutes.map((r) => ({ ...r, security: "appToken" })),
    securitySchemes: {
      appToken: {
        type: "http",
        scheme: "bearer",
        bearerFormat: "JWT",
        description: "The Azure DevOps extension's app token (SDK.getAppToken()), with the organisation in X-Ado-Organization",
      },
    },
  },
  jobs: adoJobHandlers,
  periodic: [
    { job: AdoSyncStaleJob, everyMs: 5 * 60_000 },
    { job: AdoEntraKeepAliveJob, everyMs: 6 * 3600_000 },
  ],
  refreshJob: AdoRefreshJob,
  linksChanged: async (services, item) => {
    if (item.kind === "pull_request") await enqueuePrStatus(services, item);
  },
  findItems: findAdoItems,
  history: adoHistory,
  work: adoWork,
  async overview(ctx) {
    const ado = await AdoConnectionRow.findOne({ where: { workspaceId: ctx.auth.workspace.id } });
    return {
      connected: Boolean(ado),
      connection: ado ? toAdoConnection(ctx.services, ado) : null,
      signInWithMicrosoft: signInWithMicrosoftAvailable(ctx.services),
    };
  },
  accounts: {
    connected: async (workspaceId, organization) => Boolean(await AdoConnectionRow.findOne({ where: { workspaceId, organization } })),
  },
};
