import express, { type RequestHandler, type Router } from "express";
import { z } from "zod";
import { AccountLinkStart, PullRequestPanelData, parseContextUrl } from "@groundwork/shared-types";
import { ApiError } from "../../http/errors.js";
import { mount, route, type RouteSpec } from "../../http/route.js";
import { cacheHashedAssets } from "../../http/html.js";
import type { AppServices } from "../../http/services.js";
import type { Auth } from "../../http/session.js";
import { WorkspaceRow } from "../../storage/models.js";
import { BitbucketInstallationRow } from "./models.js";
import { panelWorkspaceRoutes, pullRequestPanel } from "../../workspace/pullRequestPanel.js";
import { accountLinkUrl, linkedMember } from "../../workspace/accountLinks.js";
import { allJsHost, allowFraming, APP_DIST, appPage, installationName, verifiedInstallation } from "./installations.js";

/**
 * The PR panel Bitbucket frames (webPanel `org.bitbucket.pullrequest.overview.informationPanel`):
 * the page load is signed for its URL; the panel's own API calls carry a context token from
 * `AP.context.getToken()` (qsh `context-qsh`), whose `sub` is the Bitbucket user. Bitbucket
 * does not share emails, so a user acts as the member who linked their account.
 */
export const PANEL_API = "/bitbucket/api";

interface PanelCaller {
  installation: BitbucketInstallationRow;
  userId: string | null;
}
declare module "express-serve-static-core" {
  interface Request {
    bitbucketPanel?: PanelCaller;
  }
}

/** GET /bitbucket/panel/pull-request — the panel page, with the host's all.js. */
function panelPage(services: AppServices): RequestHandler {
  return async (req, res, next) => {
    try {
      const { installation } = await verifiedInstallation(services, req, "request");
      const host = allJsHost(services, req, installation);
      allowFraming(services, res, host);
      res.type("html").send(appPage("panel", host));
    } catch (err) {
      next(err);
    }
  };
}

/** Verifies the context token and finds the member: the account linked to them in the bound workspace. */
function panelAuth(services: AppServices): RequestHandler {
  return async (req, _res, next) => {
    try {
      req.auth = null;
      const { installation, subject } = await verifiedInstallation(services, req, "context");
      req.bitbucketPanel = { installation, userId: subject };
      const workspace = installation.workspaceId ? await WorkspaceRow.findByPk(installation.workspaceId) : null;
      if (!workspace)
        throw new ApiError(
          409,
          "not_bound",
          `Finish setting up Groundwork: a Groundwork owner opens the app's configure page for ${installationName(installation)} in Bitbucket (Workspace settings → Groundwork) and connects it.`,
        );
      const member = subject ? await linkedMember(workspace.id, "bitbucket", installation.principalUuid, subject) : null;
      if (member) req.auth = { sessionId: "bitbucket-context-token", csrfToken: "", member: member as Auth["member"], workspace };
      else if (req.path !== "/account-link")
        throw new ApiError(
          403,
          "not_a_member",
          "Bitbucket does not tell Groundwork who you are by email: link your Groundwork account once to use this panel.",
        );
      next();
    } catch (err) {
      next(err);
    }
  };
}

const PanelQuery = z.object({
  repository: z.string().regex(/^[^/\s]+\/[^/\s]+$/, { message: "must be workspace/repository" }),
  pullrequest: z.coerce.number().int().positive(),
});

export const bitbucketPanelRoutes: RouteSpec[] = [
  route({
    method: "get",
    path: `${PANEL_API}/pull-request`,
    summary: "For the Bitbucket PR panel: where this pull request is attached",
    tag: "Bitbucket panel",
    access: "member",
    query: PanelQuery,
    response: PullRequestPanelData,
    handler: async ({ query }, ctx) => {
      const [workspace, repository] = query.repository.split("/") as [string, string];
      const parsed = parseContextUrl(
        `https://bitbucket.org/${encodeURIComponent(workspace)}/${encodeURIComponent(repository)}/pull-requests/${query.pullrequest}`,
      );
      if (!parsed) throw new ApiError(400, "invalid_parameter", "Not a Bitbucket pull request", "query.repository");
      return pullRequestPanel(ctx, parsed);
    },
  }),
  route({
    method: "post",
    path: `${PANEL_API}/account-link`,
    summary: "Start linking this Bitbucket account to a Groundwork member: returns a page for the member to confirm it on",
    tag: "Bitbucket panel",
    access: "public",
    response: AccountLinkStart,
    handler: async (_input, ctx) => {
      const { installation, userId } = ctx.req.bitbucketPanel!;
      if (!userId) throw new ApiError(400, "no_user", "Bitbucket did not say who you are; reload the page");
      return accountLinkUrl(ctx.services, {
        host: "bitbucket",
        scope: installation.principalUuid,
        scopeName: installationName(installation),
        userId,
        account: null,
      });
    },
  }),
  ...panelWorkspaceRoutes(PANEL_API, "Bitbucket panel"),
];

/** The panel's page, its built files and its API, under /bitbucket. */
export function bitbucketPanelRouter(services: AppServices): Router {
  const router = express.Router();
  router.get("/panel/pull-request", panelPage(services));
  router.use("/app", express.static(APP_DIST, { index: false, setHeaders: cacheHashedAssets }));
  const api = express.Router();
  api.use(express.json({ limit: "100kb" }));
  api.use(panelAuth(services));
  mount(api, bitbucketPanelRoutes, services, PANEL_API);
  api.use((req, _res, next) => next(new ApiError(404, "no_such_endpoint", `There is no ${req.method} ${req.baseUrl}${req.path}`)));
  router.use("/api", api);
  return router;
}
