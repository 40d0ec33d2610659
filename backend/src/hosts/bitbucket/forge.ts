import { createHash } from "node:crypto";
import express, { type Request, type RequestHandler, type Router } from "express";
import { decodeJwt } from "jose";
import { Op } from "sequelize";
import { z } from "zod";
import { ApiError } from "../../http/errors.js";
import type { AppServices } from "../../http/services.js";
import type { DeliveryRecorder } from "../../jobs/deliveries.js";
import { BitbucketInstallationRow } from "./models.js";
import { eventKeyOfForge } from "./events.js";
import { BitbucketEventJob, ForgePullRequestEvent } from "./jobs.js";
import { verifyForgeInvocation, type ForgeInvocation } from "./forgeToken.js";
import { administers, bindLink } from "./binding.js";
import { BRACED_UUID, installationClient, installationName } from "./installations.js";
import { BitbucketError } from "./client.js";
import type { BitbucketConfigureData } from "@groundwork/shared-types";

/**
 * Groundwork as the remote of its Forge app for Bitbucket (bitbucket-forge-app/manifest.yml,
 * developer.atlassian.com/platform/forge/remote): every call carries a Forge Invocation Token,
 * verified before anything else, and the app's system token (`x-forge-oauth-system`), kept
 * sealed on the installation so jobs can call Bitbucket as the app. Forge has no uninstall
 * event; a lapsed token waits for Forge's next call (an event, a page, the hourly trigger).
 */

/** Forge promises a system token at least 55 minutes (remote/calling-product-apis, "Token Expiry"): assumed when its `exp` cannot be read. */
const PROMISED_TOKEN_LIFE_MS = 55 * 60_000;
/** A token lasting this much longer than the one kept replaces it: not a write on every call. */
const TOKEN_RENEWAL_MS = 5 * 60_000;

/** When an app system token lapses: its `exp`, which the docs say it carries, though the token is otherwise opaque. */
function lapsesAt(token: string) {
  try {
    const { exp } = decodeJwt(token);
    if (typeof exp === "number") return new Date(exp * 1000);
  } catch {
    // not a JWT after all: the promise stands
  }
  return new Date(Date.now() + PROMISED_TOKEN_LIFE_MS);
}

/**
 * The installation a verified call is for, made on the first call that names its workspace (a
 * page's context, an event's payload), with the newest system token. A reinstall has a new
 * installation id: it takes over its workspace's binding, which Forge vouches is the same.
 */
async function keepInstallation(services: AppServices, invocation: ForgeInvocation, systemToken: string | undefined, workspaceUuid?: string) {
  const installationId = invocation.app.installationId;
  let row = await BitbucketInstallationRow.findOne({ where: { clientKey: installationId } });
  if (row && row.kind !== "forge") throw new ApiError(401, "forge_token_invalid", "The Forge invocation token names an installation of another app");
  if (row && workspaceUuid && row.principalUuid.toLowerCase() !== workspaceUuid.toLowerCase())
    throw new ApiError(403, "wrong_workspace", "This installation of the app is in another Bitbucket workspace", "body.payload.workspace.uuid");
  if (!row && workspaceUuid && BRACED_UUID.test(workspaceUuid)) {
    const previous = await BitbucketInstallationRow.findOne({
      where: { kind: "forge", principalUuid: workspaceUuid, status: { [Op.ne]: "uninstalled" } },
      order: [["createdAt", "DESC"]],
    });
    [row] = await BitbucketInstallationRow.findOrCreate({
      where: { clientKey: installationId },
      defaults: {
        kind: "forge",
        clientKey: installationId,
        sharedSecretSealed: null,
        baseUrl: invocation.app.apiBaseUrl,
        principalUuid: workspaceUuid,
        principalName: null,
        status: "active",
        workspaceId: previous?.workspaceId ?? null,
        lastError: null,
        lastDeliveryAt: null,
      },
    });
    if (previous && previous.id !== row.id)
      await previous.update({ status: "uninstalled", systemTokenSealed: null, systemTokenExpiresAt: null, workspaceId: null });
  }
  if (row && systemToken) {
    const expiresAt = lapsesAt(systemToken);
    const kept = row.systemTokenExpiresAt?.getTime() ?? 0;
    if (row.status !== "active" || row.baseUrl !== invocation.app.apiBaseUrl || expiresAt.getTime() > kept + TOKEN_RENEWAL_MS)
      await row.update({
        systemTokenSealed: services.secrets.seal(systemToken),
        systemTokenExpiresAt: expiresAt,
        baseUrl: invocation.app.apiBaseUrl,
        status: "active",
        lastError: null,
      });
  }
  return row;
}

/** A call from Forge, verified; its installation kept (when the call names its workspace) with the newest system token. */
export async function forgeCall(services: AppServices, req: Request) {
  const invocation = await verifyForgeInvocation(services.config, req.get("authorization"));
  const installation = await keepInstallation(services, invocation, req.get("x-forge-oauth-system"), invocation.context?.workspaceId);
  return { invocation, installation };
}

/** Lifecycle events (installed, upgraded) and the hourly trigger: each brings a fresh system token. */
function tokenCall(services: AppServices): RequestHandler {
  return async (req, res, next) => {
    try {
      await forgeCall(services, req);
      res.status(204).end();
    } catch (err) {
      next(err);
    }
  };
}

/** JSON with its keys in order, so the same event reads the same however it was serialised. */
const canonical = (value: unknown): string =>
  Array.isArray(value)
    ? `[${value.map(canonical).join(",")}]`
    : value && typeof value === "object"
      ? `{${Object.keys(value)
          .sort()
          .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
          .join(",")}}`
      : JSON.stringify(value);

const ForgeEventBody = z.object({
  payload: z.looseObject({ eventType: z.string().min(1), retryContext: z.looseObject({ retryCount: z.number().int() }).optional() }),
});

/**
 * POST /bitbucket/forge/events — a product event sent to the remote: verified, recorded, then
 * acknowledged within Forge's 5 s. Forge retries an event it did not see acknowledged, up to
 * 4 times, marking each with `retryContext`: a retry is the same event less that mark, and is
 * recorded once. A first attempt identical to an earlier event is a new event (a second edit
 * of the same pull request): it is recorded under its own invocation's id.
 */
export function forgeEvents(services: AppServices, recorder: DeliveryRecorder): RequestHandler[] {
  const handler: RequestHandler = async (req, res, next) => {
    try {
      const invocation = await verifyForgeInvocation(services.config, req.get("authorization"));
      const body = ForgeEventBody.safeParse(req.body);
      if (!body.success) throw new ApiError(400, "invalid_event", "A Forge event carries its payload as {payload: {eventType, …}}", "body.payload");
      const { retryContext, ...event } = body.data.payload;
      const eventKey = eventKeyOfForge(event.eventType);
      if (!eventKey) {
        res.status(202).json({ received: true, ignored: true });
        return;
      }
      const named = ForgePullRequestEvent.safeParse(event);
      if (!named.success) {
        const issue = named.error.issues[0]!;
        throw new ApiError(
          400,
          "invalid_event",
          `Not a Bitbucket pull request event: ${issue.path.join(".")} ${issue.message}`,
          `body.payload.${issue.path.join(".")}`,
        );
      }
      const installation = await keepInstallation(services, invocation, req.get("x-forge-oauth-system"), named.data.workspace.uuid);
      const digest = createHash("sha256").update(canonical(event)).digest("hex").slice(0, 40);
      const record = (deliveryId: string) =>
        recorder.record({
          source: `bitbucket-forge:${installation!.id}`,
          deliveryId,
          job: BitbucketEventJob,
          payload: { installationId: installation!.id, eventKey, body: event, idsOnly: true as const },
          workspaceId: installation!.workspaceId,
        });
      let { duplicate } = await record(digest);
      if (duplicate && !retryContext && invocation.jti) ({ duplicate } = await record(`${digest}:${invocation.jti}`));
      res.status(202).json({ received: true, duplicate });
    } catch (err) {
      next(err);
    }
  };
  return [express.json({ limit: "1mb" }), handler];
}

/** A call from one of the app's pages: it names the workspace and the person, or it is refused. */
export async function pageCall(services: AppServices, req: Request) {
  const { invocation, installation } = await forgeCall(services, req);
  if (!installation || !invocation.principal)
    throw new ApiError(400, "forge_context_missing", "A call from the app's pages names its Bitbucket workspace and who is using it", "headers.authorization");
  return { invocation, installation, principal: invocation.principal };
}

/** The workspace's slug, which pull request links name: Forge gives its uuid only. */
async function nameWorkspace(services: AppServices, installation: BitbucketInstallationRow) {
  const client = installationClient(services, installation);
  if (installation.principalName || !client) return;
  try {
    await installation.update({ principalName: (await client.workspace(installation.principalUuid)).slug });
  } catch (err) {
    if (!(err instanceof BitbucketError)) throw err;
    throw new ApiError(503, "bitbucket_unreachable", "Bitbucket could not name this workspace right now; try again in a moment", undefined, {
      "Retry-After": "30",
    });
  }
}

/**
 * POST /bitbucket/forge/configure — the workspace settings page (`invokeRemote`): for a workspace
 * administrator (Bitbucket asked, as the app), a link that connects the workspace to Groundwork
 * once a Groundwork owner confirms it; anyone else is told to ask one.
 */
function configure(services: AppServices): RequestHandler {
  return async (req, res, next) => {
    try {
      const { installation, principal } = await pageCall(services, req);
      await nameWorkspace(services, installation);
      const data: BitbucketConfigureData = (await administers(services, installation, principal))
        ? await bindLink(services, installation, principal)
        : { kind: "admin_only", workspace: installationName(installation) };
      res.json(data);
    } catch (err) {
      next(err);
    }
  };
}

/** Routes under /bitbucket/forge that Forge calls besides events (a delivery route of its own). */
export function bitbucketForgeRouter(services: AppServices): Router {
  const router = express.Router();
  router.use(express.json({ limit: "1mb" }));
  router.post("/lifecycle", tokenCall(services));
  router.post("/tick", tokenCall(services));
  router.post("/configure", configure(services));
  return router;
}
