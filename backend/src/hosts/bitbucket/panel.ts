import express, { type Request, type RequestHandler, type Router } from "express";
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
import { allJsHost, allowFraming, APP_DIST, appPage, installationClient, installationName, verifiedInstallation } from "./installations.js";
import { pageCall } from "./forge.js";
import { BitbucketError } from "./client.js";

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
    /** A Forge page's invocation context (its module's, signed by Forge). */
    forgeContext?: unknown;
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
      const { installation, subject } = await verifiedInstallation(services, req, "context");
      await actAs(req, installation, subject);
      next();
    } catch (err) {
      next(err);
    }
  };
}

/** The member a Bitbucket user acts as in the panel: the one who linked their account, in the Groundwork workspace the installation is bound to. */
async function actAs(req: Request, installation: BitbucketInstallationRow, subject: string | null) {
  req.auth = null;
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
    throw new ApiError(403, "not_a_member", "Bitbucket does not tell Groundwork who you are by email: link your Groundwork account once to use this panel.");
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

/** Where the Forge app's pull request card calls (`invokeRemote`, relative to the remote's /bitbucket/forge). */
export const FORGE_PANEL_API = "/bitbucket/forge/api";

/** What the pull request card's invocation says it is on (its module's context, signed by Forge). */
const CardContext = z.looseObject({
  extension: z.looseObject({
    repository: z.looseObject({ uuid: z.string().min(1) }),
    pullRequest: z.looseObject({ id: z.coerce.number().int().positive() }),
  }),
});

/** Names Forge gives by id, resolved once as the app: a person's account id to their uuid, a repository's uuid to its full name. */
const resolved = new Map<string, string>();
async function resolveOnce(key: string, read: () => Promise<string | undefined>) {
  const known = resolved.get(key);
  if (known) return known;
  let value: string | undefined;
  try {
    value = await read();
  } catch (err) {
    if (!(err instanceof BitbucketError)) throw err;
    if (err.kind === "not_found") return undefined;
    throw new ApiError(503, "bitbucket_unreachable", "Bitbucket did not answer Groundwork just now; try again in a moment", undefined, { "Retry-After": "30" });
  }
  // They never change; the bound only keeps a long-running process's memory in check.
  if (resolved.size >= 10_000) resolved.clear();
  if (value) resolved.set(key, value);
  return value;
}

/**
 * The Forge card's calls: the invocation token verified (pageCall), the person it names (an
 * Atlassian account id) resolved to the Bitbucket account links are made with.
 */
function forgePanelAuth(services: AppServices): RequestHandler {
  return async (req, _res, next) => {
    try {
      const { invocation, installation, principal } = await pageCall(services, req);
      const client = installationClient(services, installation);
      const uuid = client ? await resolveOnce(`user:${principal}`, async () => (await client.user(principal)).uuid) : undefined;
      req.forgeContext = invocation.context;
      await actAs(req, installation, uuid ?? null);
      next();
    } catch (err) {
      next(err);
    }
  };
}

/** The card's own view of the pull request it is on: Forge names it in the invocation, never the caller. */
export const forgePanelRoutes: RouteSpec[] = [
  route({
    method: "get",
    path: `${FORGE_PANEL_API}/pull-request`,
    summary: "For the Forge app's pull request card: where the pull request it is on is attached",
    tag: "Bitbucket panel",
    access: "member",
    response: PullRequestPanelData,
    handler: async (_input, ctx) => {
      const card = CardContext.safeParse(ctx.req.forgeContext);
      if (!card.success) throw new ApiError(400, "not_a_pull_request", "This call did not come from a pull request's Groundwork card", "headers.authorization");
      const { installation } = ctx.req.bitbucketPanel!;
      const client = installationClient(ctx.services, installation);
      const { repository, pullRequest } = card.data.extension;
      const fullName = client
        ? await resolveOnce(`repository:${repository.uuid}`, async () => (await client.repository(installation.principalUuid, repository.uuid)).full_name)
        : undefined;
      const parsed = fullName && parseContextUrl(`https://bitbucket.org/${fullName}/pull-requests/${pullRequest.id}`);
      if (!parsed) throw new ApiError(404, "not_found", "Bitbucket does not know this pull request's repository");
      return pullRequestPanel(ctx, parsed);
    },
  }),
  ...bitbucketPanelRoutes.filter((r) => r.path === `${PANEL_API}/account-link`).map((r) => ({ ...r, path: `${FORGE_PANEL_API}/account-link` })),
  ...panelWorkspaceRoutes(FORGE_PANEL_API, "Bitbucket panel"),
];

/** The Forge card's API, under /bitbucket/forge/api. */
export function bitbucketForgePanelRouter(services: AppServices): Router {
  const api = express.Router();
  api.use(express.json({ limit: "100kb" }));
  api.use(forgePanelAuth(services));
  mount(api, forgePanelRoutes, services, FORGE_PANEL_API);
  api.use((req, _res, next) => next(new ApiError(404, "no_such_endpoint", `There is no ${req.method} ${req.baseUrl}${req.path}`)));
  return api;
}

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
