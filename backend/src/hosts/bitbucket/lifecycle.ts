import express, { type Request, type RequestHandler, type Response, type Router } from "express";
import { z } from "zod";
import { ApiError } from "../../http/errors.js";
import type { AppServices } from "../../http/services.js";
import type { DeliveryRecorder } from "../../jobs/deliveries.js";
import type { BitbucketEventJob } from "./jobs.js";
import { BitbucketInstallationRow } from "../../storage/models.js";
import { BitbucketClient, BitbucketError } from "./client.js";
import { connectToken, verifyConnectJwt } from "./connectJwt.js";
import { configurePage } from "./binding.js";
import { apiUrlFor, connectBaseUrl, sealedSecret, trustedHosts, verifiedInstallation } from "./installations.js";

/**
 * The Connect lifecycle as Bitbucket runs it (developer.atlassian.com/cloud/bitbucket/authentication-for-apps):
 * the first `installed` carries no JWT, so its shared secret is trusted only once Bitbucket
 * accepts a call signed with it; a re-install and `uninstalled` are signed with the previous
 * secret, so they are accepted only when signed with the one stored.
 *
 * atlassian-connect-express is not used for these routes: its install route stores unknown
 * Bitbucket installs unauthenticated, it has no `uninstalled` route, and its webhook routes
 * acknowledge before anything is recorded. Tokens are checked with atlassian-jwt, which ACE uses.
 */
const BRACED_UUID = /^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/i;

const LifecycleBody = z.looseObject({
  key: z.string(),
  clientKey: z.string().min(1).max(255),
  sharedSecret: z.string().min(1).max(128).optional(),
  baseUrl: z.url(),
  eventType: z.enum(["installed", "uninstalled"]),
  principal: z.looseObject({
    uuid: z.string().regex(BRACED_UUID, { message: "must be a workspace uuid like {…}" }),
    username: z.string().optional(),
    display_name: z.string().optional(),
  }),
});
type LifecycleBody = z.infer<typeof LifecycleBody>;

function parse(body: unknown, appKey: string): LifecycleBody {
  const parsed = LifecycleBody.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ApiError(400, "invalid_lifecycle", `Not a Connect lifecycle payload: ${issue.path.join(".")} ${issue.message}`, `body.${issue.path.join(".")}`);
  }
  if (parsed.data.key !== appKey) throw new ApiError(400, "wrong_app", `This server is the "${appKey}" app, not "${parsed.data.key}"`, "body.key");
  return parsed.data;
}

function installed(services: AppServices): RequestHandler {
  return async (req, res, next) => {
    try {
      const body = parse(req.body, services.config.bitbucket.appKey);
      if (!body.sharedSecret) throw new ApiError(400, "invalid_lifecycle", "An install must carry its shared secret", "body.sharedSecret");
      if (!trustedHosts(services).includes(body.baseUrl.replace(/\/$/, "")))
        throw new ApiError(403, "host_not_allowed", `Installs are accepted from ${trustedHosts(services).join(", ")} only`, "body.baseUrl");
      const existing = await BitbucketInstallationRow.findOne({ where: { clientKey: body.clientKey } });
      if (existing?.sharedSecretSealed) {
        // A re-install: signed with the secret we hold, or someone is trying to replace it.
        const verified = verifyConnectJwt(req, connectToken(req), sealedSecret(services, existing), connectBaseUrl(services));
        if (verified.clientKey !== body.clientKey) throw new ApiError(401, "invalid_jwt", "Request refused: the token is for another installation");
      } else {
        await proveSecret(services, body);
      }
      const fields = {
        sharedSecretSealed: services.secrets.seal(body.sharedSecret),
        baseUrl: body.baseUrl,
        principalUuid: body.principal.uuid,
        principalName: body.principal.username ?? null,
        status: "active" as const,
        lastError: null,
      };
      if (existing) await existing.update(fields);
      else await BitbucketInstallationRow.create({ ...fields, clientKey: body.clientKey, workspaceId: null, lastDeliveryAt: null });
      req.log.info({ clientKey: body.clientKey, principal: body.principal.uuid }, existing ? "Bitbucket app re-installed" : "Bitbucket app installed");
      res.status(204).end();
    } catch (err) {
      next(err);
    }
  };
}

/** An unsigned install is believed only if Bitbucket accepts a call signed with the secret it carries. */
async function proveSecret(services: AppServices, body: LifecycleBody) {
  const client = new BitbucketClient(apiUrlFor(services, body.baseUrl), {
    kind: "connect",
    appKey: services.config.bitbucket.appKey,
    clientKey: body.clientKey,
    sharedSecret: body.sharedSecret!,
  });
  try {
    await client.workspaceHooks(body.principal.uuid);
  } catch (err) {
    if (err instanceof BitbucketError && (err.kind === "auth" || err.kind === "forbidden" || err.kind === "not_found"))
      throw new ApiError(401, "install_not_verified", "Bitbucket did not accept this installation's shared secret");
    throw new ApiError(503, "bitbucket_unreachable", "Bitbucket could not confirm the installation right now; it will retry", undefined, {
      "Retry-After": "30",
    });
  }
}

function uninstalled(services: AppServices): RequestHandler {
  return async (req, res, next) => {
    try {
      const body = parse(req.body, services.config.bitbucket.appKey);
      const { installation } = await verifiedInstallation(services, req);
      if (installation.clientKey !== body.clientKey) throw new ApiError(401, "invalid_jwt", "Request refused: the token is for another installation");
      // Purge the secret: nothing can be signed or verified for this installation any more.
      await installation.update({ status: "uninstalled", sharedSecretSealed: null });
      req.log.info({ clientKey: installation.clientKey }, "Bitbucket app uninstalled");
      res.status(204).end();
    } catch (err) {
      next(err);
    }
  };
}

const REQUEST_ID = /^[A-Za-z0-9{}._:-]{1,100}$/;

/** Events the app subscribes to in its descriptor. */
export const BITBUCKET_EVENTS = [
  "pullrequest:created",
  "pullrequest:updated",
  "pullrequest:fulfilled",
  "pullrequest:rejected",
  "pullrequest:comment_created",
] as const;

/**
 * Records a verified delivery as a `bitbucket.event` job and acknowledges it: events we do not
 * use get 202 and are dropped; a redelivery (same X-Request-UUID) is recorded once.
 */
export async function recordBitbucketEvent(
  recorder: DeliveryRecorder,
  req: Request,
  res: Response,
  body: unknown,
  from: { source: string; via: { installationId: string } | { connectionId: string }; workspaceId: string | null },
) {
  const eventKey = req.get("x-event-key") ?? "";
  if (!(BITBUCKET_EVENTS as readonly string[]).includes(eventKey)) {
    res.status(202).json({ received: true, ignored: true });
    return;
  }
  const requestId = req.get("x-request-uuid");
  if (!requestId) throw new ApiError(400, "missing_request_id", "The X-Request-UUID header is missing", "headers.X-Request-UUID");
  // Bitbucket sends a UUID; anything else would not fit the delivery's dedupe key.
  if (!REQUEST_ID.test(requestId)) throw new ApiError(400, "invalid_request_id", "The X-Request-UUID header is not a request id", "headers.X-Request-UUID");
  const parsed = z.record(z.string(), z.unknown()).safeParse(body);
  if (!parsed.success) throw new ApiError(400, "invalid_event", "The webhook body is not a JSON object", "body");
  const { duplicate } = await recorder.record({
    source: from.source,
    deliveryId: requestId,
    kind: "bitbucket.event",
    payload: { ...from.via, eventKey, body: parsed.data } satisfies BitbucketEventJob,
    workspaceId: from.workspaceId,
    // Bitbucket's payloads carry the whole pull request and comment: applying one calls nothing.
    callsHost: false,
  });
  res.status(202).json({ received: true, duplicate });
}

/**
 * Connect app webhooks arrive wrapped, `{"event": "pullrequest:updated", "data": {pullrequest,
 * repository, actor, …}}`, unlike repository webhooks made with a token, which carry the payload
 * itself (as open-source Connect apps running on Bitbucket Cloud read them).
 */
const ConnectEnvelope = z.object({ event: z.string().optional(), data: z.record(z.string(), z.unknown()) });

/**
 * Webhooks: verified (JWT with qsh), recorded, then acknowledged. Bitbucket retries only on
 * 5xx, at once, so a redelivery (same X-Request-UUID) is recorded once.
 */
function webhook(services: AppServices, recorder: DeliveryRecorder): RequestHandler {
  return async (req, res, next) => {
    try {
      const { installation } = await verifiedInstallation(services, req);
      const envelope = ConnectEnvelope.safeParse(req.body);
      if (!envelope.success && (BITBUCKET_EVENTS as readonly string[]).includes(req.get("x-event-key") ?? ""))
        throw new ApiError(400, "invalid_event", "A Connect webhook carries its payload as {event, data}: data is missing or not an object", "body.data");
      await recordBitbucketEvent(recorder, req, res, envelope.data?.data ?? null, {
        source: `bitbucket:${installation.id}`,
        via: { installationId: installation.id },
        workspaceId: installation.workspaceId,
      });
    } catch (err) {
      next(err);
    }
  };
}

/** Routes under /bitbucket that Bitbucket itself calls. */
export function bitbucketConnectRouter(services: AppServices, recorder: DeliveryRecorder): Router {
  const router = express.Router();
  router.use(express.json({ limit: "1mb" }));
  router.post("/installed", installed(services));
  router.post("/uninstalled", uninstalled(services));
  router.post("/webhooks", webhook(services, recorder));
  router.get("/configure", configurePage(services));
  return router;
}
