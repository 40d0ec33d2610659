import cors from "cors";
import express, { type RequestHandler, type Router } from "express";
import { jwtVerify } from "jose";
import { AccountLinkStart, AdoOrganizationStatus, AdoPanelQuery, PullRequestPanelData, parseContextUrl } from "@groundwork/shared-types";
import { ADO_PAT_SCOPES, scopeLabel } from "@groundwork/shared-types/labels";
import { ApiError } from "../../http/errors.js";
import { mount, route, type RouteSpec } from "../../http/route.js";
import type { AppServices } from "../../http/services.js";
import type { Auth } from "../../http/session.js";
import { MemberRow, UserRow, WorkspaceRow } from "../../storage/models.js";
import { AdoConnectionRow } from "./models.js";
import { panelWorkspaceRoutes, pullRequestPanel } from "../../workspace/pullRequestPanel.js";
import { AdoError } from "./client.js";
import { clientFor } from "./credentials.js";
import { accountLinkUrl, linkedMember } from "../../workspace/accountLinks.js";

/** Where the extension's API lives; its calls carry the app token, never a cookie. */
export const EXTENSION_API = "/api/ext/ado";
const ORGANIZATION_HEADER = "X-Ado-Organization";
const ORG_NAME = /^[A-Za-z0-9][A-Za-z0-9-]{0,62}$/;

/** What the app token and the organisation hint established about the caller. */
export interface ExtensionCaller {
  userId: string;
  organization: string;
  connections: AdoConnectionRow[];
  /** The connection through which the user was confirmed to be in the organisation. */
  connection: AdoConnectionRow | null;
  email: string | null;
}

declare module "express-serve-static-core" {
  interface Request {
    adoExtension?: ExtensionCaller;
  }
}

const refused = (message: string) => new ApiError(401, "invalid_app_token", message, undefined, { "WWW-Authenticate": 'Bearer realm="Groundwork"' });

/**
 * Verifies an app token from `SDK.getAppToken()`: an HS256 JWT signed with the extension's
 * certificate (learn.microsoft.com/azure/devops/extend/develop/auth). Any other algorithm
 * (including `none`), a bad signature, a missing or past `exp`, a future `nbf` or (when
 * configured) a wrong audience is refused. Microsoft's own validation sample checks only the
 * signature and lifetime; `iss` is community-observed, not documented, so it is not pinned.
 */
export async function verifyAppToken(token: string, config: AppServices["config"]) {
  const secret = config.adoExtension.secret;
  if (!secret) throw new ApiError(503, "extension_not_configured", "This Groundwork server has no ADO_EXTENSION_SECRET set; ask its administrator");
  try {
    const { payload } = await jwtVerify(token, new TextEncoder().encode(secret), {
      algorithms: ["HS256"],
      requiredClaims: ["exp", "nameid"],
      ...(config.adoExtension.audience ? { audience: config.adoExtension.audience } : {}),
      clockTolerance: 30,
    });
    const userId = payload.nameid;
    if (typeof userId !== "string" || !userId) throw new Error("no nameid");
    return { userId };
  } catch (err) {
    if (err instanceof ApiError) throw err;
    throw refused("Your Azure DevOps sign-in could not be verified (the token is expired or was not issued for this extension). Reload the page.");
  }
}

/** `https://*.gallerycdn.vsassets.io` matches one label in place of `*`. */
export function originAllowed(origin: string, patterns: string[]) {
  return patterns.some((p) => {
    const re = new RegExp(`^${p.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, "[A-Za-z0-9-]+")}$`, "i");
    return re.test(origin);
  });
}

const IDENTITY_SCOPE = scopeLabel(ADO_PAT_SCOPES, "vso.identity");
const IDENTITY_REFUSED = `Recognising people in the Groundwork tab failed: the token has expired or lacks the ${IDENTITY_SCOPE} scope. Reconnect with a token that has it.`;

/** Identity lookups cost a call to ADO; a member's panel makes several requests a minute. */
const IDENTITY_TTL_MS = 10 * 60_000;
const identities = new Map<string, { email: string | null; at: number }>();

async function emailInOrganization(services: AppServices, connection: AdoConnectionRow, userId: string) {
  const key = `${connection.id}:${userId}`;
  const cached = identities.get(key);
  if (cached && Date.now() - cached.at < IDENTITY_TTL_MS) return cached.email;
  const identity = await clientFor(services, connection).identity(userId);
  const mail = identity?.properties?.Mail?.$value ?? identity?.properties?.Account?.$value ?? null;
  const email = identity ? (mail && mail.includes("@") ? mail.toLowerCase() : "") : null;
  if (identities.size > 10_000) identities.clear();
  identities.set(key, { email, at: Date.now() });
  return email;
}

/**
 * Authenticates an extension call: the app token says who (`nameid`), not where, so the
 * organisation the SDK reported is only a hint, confirmed by finding the user among that
 * organisation's identities through its connection before mapping their email to a member.
 */
function extensionAuth(services: AppServices): RequestHandler {
  return async (req, _res, next) => {
    try {
      req.auth = null;
      const header = req.get("authorization") ?? "";
      if (!header.startsWith("Bearer ")) throw refused("Open Groundwork from Azure DevOps: this request carries no app token.");
      const { userId } = await verifyAppToken(header.slice(7).trim(), services.config);
      const organization = (req.get(ORGANIZATION_HEADER) ?? "").toLowerCase();
      if (!ORG_NAME.test(organization))
        throw new ApiError(400, "invalid_organization", `Send the organisation name in the ${ORGANIZATION_HEADER} header`, `headers.${ORGANIZATION_HEADER}`);
      const connections = await AdoConnectionRow.findAll({ where: { organization }, order: [["createdAt", "ASC"]] });
      const caller: ExtensionCaller = { userId, organization, connections, connection: null, email: null };
      req.adoExtension = caller;
      for (const connection of connections) {
        let email: string | null;
        try {
          email = await emailInOrganization(services, connection, userId);
        } catch (err) {
          if (!(err instanceof AdoError)) throw err;
          // This connection's token cannot tell; say why on its Integrations card, and try another workspace's.
          if (err.kind === "auth" || err.kind === "forbidden") await connection.update({ lastError: IDENTITY_REFUSED });
          continue;
        }
        if (email === null) continue;
        caller.connection ??= connection;
        caller.email ??= email || null;
        // An account the member linked by hand wins; otherwise the identity's email names the member.
        const member =
          (await linkedMember(connection.workspaceId, "ado", organization, userId)) ??
          (email
            ? await MemberRow.findOne({ where: { workspaceId: connection.workspaceId, emailNormalized: email }, include: [{ model: UserRow, as: "user" }] })
            : null);
        const workspace = member && (await WorkspaceRow.findByPk(member.workspaceId));
        if (member && workspace) {
          caller.connection = connection;
          caller.email = email;
          req.auth = { sessionId: "ado-app-token", csrfToken: "", member: member as Auth["member"], workspace };
          break;
        }
      }
      if (connections.length > 0 && !caller.connection)
        throw new ApiError(
          403,
          "not_in_organization",
          `Groundwork could not confirm that you belong to the Azure DevOps organisation ${organization}. If the organisation's connection token has expired or lacks the ${IDENTITY_SCOPE} scope, ask a Groundwork owner to reconnect it with a token that has it.`,
        );
      next();
    } catch (err) {
      next(err);
    }
  };
}

/** A member is needed past this point; say plainly why there is none. */
const requireMember: RequestHandler = (req, _res, next) => {
  if (req.auth) return next();
  const caller = req.adoExtension!;
  if (caller.connections.length === 0)
    return next(
      new ApiError(
        409,
        "ado_org_not_connected",
        `The Azure DevOps organisation ${caller.organization} is not connected to a Groundwork workspace yet. A workspace owner connects it under Integrations.`,
      ),
    );
  next(
    new ApiError(
      403,
      "not_a_member",
      caller.email
        ? `No member of the Groundwork workspace uses ${caller.email}. Ask a workspace owner to invite that address, or link your Azure DevOps account to your Groundwork account.`
        : "Your Azure DevOps account has no email address Groundwork can match to a member: link it to your Groundwork account.",
    ),
  );
};

const integrationsUrl = (services: AppServices) => new URL("/integrations", services.config.publicUrl).toString();

const statusRoute = route({
  method: "get",
  path: `${EXTENSION_API}/organization`,
  summary: "For the settings hub: whether this organisation is connected to a Groundwork workspace, and its service-hook health",
  tag: "Azure DevOps extension",
  access: "public",
  response: AdoOrganizationStatus,
  handler: async (_input, ctx) => {
    const caller = ctx.req.adoExtension!;
    const c = caller.connection;
    if (!c)
      return {
        organization: caller.organization,
        connected: false,
        workspace: null,
        status: null,
        lastError: null,
        lastDeliveryAt: null,
        failedJobs: 0,
        serviceHooks: 0,
      };
    const workspace = await WorkspaceRow.findByPk(c.workspaceId);
    return {
      organization: caller.organization,
      connected: true,
      workspace: workspace && { name: workspace.name, integrationsUrl: integrationsUrl(ctx.services) },
      status: c.status,
      lastError: c.lastError,
      lastDeliveryAt: c.lastDeliveryAt?.toISOString() ?? null,
      failedJobs: await ctx.services.queue.countDead(c.workspaceId, "ado."),
      serviceHooks: c.hookSubscriptions?.length ?? 0,
    };
  },
});

const panelRoute = route({
  method: "get",
  path: `${EXTENSION_API}/pull-request`,
  summary: "For the PR panel: where this pull request is attached",
  tag: "Azure DevOps extension",
  access: "member",
  query: AdoPanelQuery,
  response: PullRequestPanelData,
  handler: async ({ query }, ctx) => {
    const org = ctx.req.adoExtension!.organization;
    const parsed = parseContextUrl(
      `https://dev.azure.com/${org}/${encodeURIComponent(query.project)}/_git/${encodeURIComponent(query.repository)}/pullrequest/${query.pullRequestId}`,
    );
    // "." and ".." are dot-segments a URL resolves away: no project or repository is named that.
    if (!parsed) throw new ApiError(400, "invalid_parameter", "Not an Azure DevOps pull request (check the project and repository)", "query.project");
    return pullRequestPanel(ctx, parsed);
  },
});

/** Attaching and unlinking are the workspace's own routes, reached with the app token. */
const linkRoutes = panelWorkspaceRoutes(EXTENSION_API, "Azure DevOps extension");

const accountLinkRoute = route({
  method: "post",
  path: `${EXTENSION_API}/account-link`,
  summary: "Start linking this Azure DevOps account to a Groundwork member: returns a page for the member to confirm it on",
  tag: "Azure DevOps extension",
  access: "public",
  response: AccountLinkStart,
  handler: async (_input, ctx) => {
    const caller = ctx.req.adoExtension!;
    if (!caller.connection)
      throw new ApiError(409, "ado_org_not_connected", `The Azure DevOps organisation ${caller.organization} is not connected to a Groundwork workspace yet.`);
    return accountLinkUrl(ctx.services, {
      host: "ado",
      scope: caller.organization,
      scopeName: caller.organization,
      userId: caller.userId,
      account: caller.email,
    });
  },
});

export const extensionRoutes: RouteSpec[] = [statusRoute, panelRoute, accountLinkRoute, ...linkRoutes];

/**
 * The extension's API: cross-origin from the extension's CDN origins only, credentials never
 * (the app token travels as a bearer), and no session cookie is read.
 */
export function adoExtensionRouter(services: AppServices): Router {
  const router = express.Router();
  // The local sandbox plays the marketplace CDN, on 127.0.0.1 or localhost.
  const sandboxOrigins = (url: string) => [new URL(url).origin, new URL(url).origin.replace("127.0.0.1", "localhost")];
  const origins = () => [...services.config.adoExtension.origins, ...(services.config.sandbox.ado ? sandboxOrigins(services.config.sandbox.ado.baseUrl) : [])];
  router.use(
    cors({
      origin: (origin, done) => done(null, Boolean(origin && originAllowed(origin, origins()))),
      credentials: false,
      methods: ["GET", "POST", "DELETE"],
      allowedHeaders: ["Authorization", "Content-Type", ORGANIZATION_HEADER],
      maxAge: 600,
    }),
  );
  router.use(express.json({ limit: "100kb" }));
  router.use(extensionAuth(services));
  router.use((req, res, next) => (req.path === "/organization" || req.path === "/account-link" ? next() : requireMember(req, res, next)));
  mount(router, extensionRoutes, services, EXTENSION_API);
  router.use((req, _res, next) => next(new ApiError(404, "no_such_endpoint", `There is no ${req.method} ${req.baseUrl}${req.path}`)));
  return router;
}
