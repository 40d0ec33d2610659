import { BitbucketInstallationRow, BitbucketTokenConnectionRow, defineBitbucketModels } from "./models.js";
import { deliveryJob, type HostAdapter } from "../adapter.js";
import { bitbucketBindingRoutes, toBitbucketInstallation } from "./binding.js";
import { connectDescriptor } from "./descriptor.js";
import { BitbucketEventJob, BitbucketRefreshJob, bitbucketJobHandlers, enqueueBuildStatus } from "./jobs.js";
import { bitbucketConnectRouter } from "./lifecycle.js";
import { bitbucketForgePanelRouter, bitbucketPanelRouter, bitbucketPanelRoutes, forgePanelRoutes } from "./panel.js";
import { bitbucketTokenRoutes, toTokenConnection } from "./tokenConnection.js";
import { connectWebhook, tokenWebhook } from "./webhooks.js";
import { bitbucketForgeRouter, forgeEvents } from "./forge.js";
import { findBitbucketItems } from "./search.js";
import { bitbucketHistory } from "./history.js";
import { bitbucketAccountLinkRoutes } from "./accountLink.js";
import { bitbucketWork } from "./work.js";

/** Bitbucket Cloud: the Connect app (lifecycle, webhooks, PR panel), the Forge app (its remote) and the access-token connection; build statuses on PRs. */
export const bitbucketHost: HostAdapter = {
  name: "bitbucket",
  displayName: "Bitbucket",
  defineModels: defineBitbucketModels,
  routes: [...bitbucketBindingRoutes, ...bitbucketTokenRoutes, ...bitbucketAccountLinkRoutes],
  // Bitbucket's Connect calls (lifecycle, webhooks) authenticate by JWT; token webhooks by signature; Forge's events by its invocation token.
  deliveries: (services, recorder) => [
    { path: "/bitbucket/webhooks", handlers: connectWebhook(services, recorder) },
    { path: "/bitbucket/forge/events", handlers: forgeEvents(services, recorder) },
    { path: "/api/webhooks/bitbucket/:connectionId", handlers: tokenWebhook(services, recorder) },
  ],
  deliveryJob: deliveryJob(BitbucketEventJob, ({ eventKey }) => eventKey),
  mount(app, services) {
    app.get("/bitbucket/atlassian-connect.json", connectDescriptor(services.config.publicUrl, services.config.bitbucket.appKey));
    app.use("/bitbucket/forge/api", bitbucketForgePanelRouter(services));
    app.use("/bitbucket/forge", bitbucketForgeRouter(services));
    app.use("/bitbucket", bitbucketConnectRouter(services));
    app.use("/bitbucket", bitbucketPanelRouter(services));
  },
  documented: {
    routes: [...bitbucketPanelRoutes.map((r) => ({ ...r, security: "connectJwt" })), ...forgePanelRoutes.map((r) => ({ ...r, security: "forgeInvocation" }))],
    securitySchemes: {
      connectJwt: {
        type: "apiKey",
        in: "header",
        name: "Authorization",
        description: "`JWT <token>`: a Bitbucket Connect context token (AP.context.getToken()), signed with the installation's shared secret",
      },
      forgeInvocation: {
        type: "http",
        scheme: "bearer",
        description:
          "A Forge Invocation Token, which Forge sends with each `invokeRemote` of the Forge app's pages (and the app system token in `x-forge-oauth-system`)",
      },
    },
  },
  jobs: bitbucketJobHandlers,
  refreshJob: BitbucketRefreshJob,
  linksChanged: async (services, item) => {
    if (item.kind === "pull_request") await enqueueBuildStatus(services, item);
  },
  findItems: findBitbucketItems,
  history: bitbucketHistory,
  work: bitbucketWork,
  async overview(ctx) {
    const workspaceId = ctx.auth.workspace.id;
    const installations = await BitbucketInstallationRow.findAll({ where: { workspaceId }, order: [["createdAt", "ASC"]] });
    const token = await BitbucketTokenConnectionRow.findOne({ where: { workspaceId } });
    return {
      connected: installations.some((i) => i.status === "active") || Boolean(token),
      descriptorUrl: new URL("/bitbucket/atlassian-connect.json", ctx.services.config.publicUrl).toString(),
      forgeApp: Boolean(ctx.services.config.forge.appId),
      installations: installations.map(toBitbucketInstallation),
      tokenConnection: token && toTokenConnection(ctx.services, token),
    };
  },
  accounts: {
    connected: async (workspaceId, principalUuid) =>
      Boolean(await BitbucketInstallationRow.findOne({ where: { workspaceId, principalUuid, status: "active" } })),
  },
};
