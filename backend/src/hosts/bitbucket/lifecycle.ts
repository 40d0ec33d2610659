import express, { type RequestHandler, type Router } from "express";
import { z } from "zod";
import { ApiError } from "../../http/errors.js";
import type { AppServices } from "../../http/services.js";
import { BitbucketInstallationRow } from "./models.js";
import { BitbucketClient, BitbucketError } from "./client.js";
import { connectToken, verifyConnectJwt } from "./connectJwt.js";
import { configurePage } from "./binding.js";
import { apiUrlFor, BRACED_UUID, connectBaseUrl, sealedSecret, trustedHosts, verifiedInstallation } from "./installations.js";

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

/** Routes under /bitbucket that Bitbucket itself calls. */
export function bitbucketConnectRouter(services: AppServices): Router {
  const router = express.Router();
  router.use(express.json({ limit: "1mb" }));
  router.post("/installed", installed(services));
  router.post("/uninstalled", uninstalled(services));
  router.get("/configure", configurePage(services));
  return router;
}
