import { timingSafeEqual } from "node:crypto";
import type { Request } from "express";
import * as jwt from "atlassian-jwt";
import { ApiError } from "../../http/errors.js";

/**
 * Atlassian Connect JWTs for Bitbucket (developer.atlassian.com/cloud/bitbucket/authentication-for-apps),
 * on atlassian-jwt: HS256 only, signed with the installation's shared secret, `iss` = its
 * clientKey, `exp` in the future, and `qsh` bound to the request's method, path (relative to
 * the app's baseUrl) and query.
 *
 * Why atlassian-jwt rather than atlassian-connect-express (ACE 11.5.3), part by part:
 * - install/uninstall: ACE stores unknown Bitbucket installs unauthenticated and has no
 *   `uninstalled` route (see lifecycle.ts);
 * - webhooks: ACE's auto-registered routes emit and answer 204 before anything is stored, where
 *   deliveries must be recorded before they are acknowledged;
 * - request authentication: ACE picks the clientKey from `aud[0]` when present and reads the
 *   plaintext shared secret from its settings store, and its AJAX tokens need checkValidToken
 *   anyway; here the secret stays sealed in our own table and is opened only to verify;
 * - outgoing calls: ACE's httpClient rides the deprecated `request` package and the host URL an
 *   install names, where we call the API base URL from settings and need 429/Retry-After and
 *   401/403 classified for the job queue;
 * - descriptor serving: one route (descriptor.ts), where ACE would bring ~250 packages
 *   (MongoDB, DynamoDB and Redis clients among them) for it.
 * atlassian-jwt is the library ACE itself verifies and signs with.
 */
const LEEWAY_SECONDS = 30;
const OUTGOING_VALIDITY_SECONDS = 180;

const refused = (why: string) => new ApiError(401, "invalid_jwt", `Request refused: ${why}`, undefined, { "WWW-Authenticate": 'JWT realm="Groundwork"' });

/** The token from `Authorization: JWT …` or the `jwt` query parameter (iframe loads). */
export function connectToken(req: Request) {
  const header = req.get("authorization") ?? "";
  if (header.startsWith("JWT ")) return header.slice(4).trim();
  return typeof req.query.jwt === "string" ? req.query.jwt : null;
}

/** The clientKey a token claims, before anything is trusted: only to find the secret to verify it with. */
export function claimedClientKey(token: string) {
  try {
    const claims = jwt.decodeSymmetric(token, "", jwt.SymmetricAlgorithm.HS256, true) as { iss?: unknown };
    return typeof claims.iss === "string" && claims.iss ? claims.iss : null;
  } catch {
    return null;
  }
}

export interface VerifiedJwt {
  clientKey: string;
  /** The Bitbucket user the token speaks for (iframe loads), when it names one. */
  subject: string | null;
}

/**
 * Verifies a Connect JWT with the shared secret of the installation it claims.
 * `qsh: "context"` also accepts the `context-qsh` of iframe context tokens.
 */
export function verifyConnectJwt(
  req: Request,
  token: string | null,
  secret: string | null,
  baseUrl: string,
  qsh: "request" | "context" = "request",
): VerifiedJwt {
  if (!token) throw refused("no JWT");
  let alg: unknown;
  try {
    alg = jwt.getAlgorithm(token);
  } catch {
    throw refused("not a JWT");
  }
  if (alg !== "HS256") throw refused("only HS256 tokens are accepted");
  if (!secret) throw refused("unknown or uninstalled installation");
  let claims: { iss?: string; sub?: string; exp?: number; qsh?: string };
  try {
    claims = jwt.decodeSymmetric(token, secret, jwt.SymmetricAlgorithm.HS256);
  } catch {
    throw refused("signature verification failed");
  }
  if (typeof claims.exp !== "number" || claims.exp + LEEWAY_SECONDS < Date.now() / 1000) throw refused("the token has expired");
  if (!claims.iss) throw refused("the token names no issuer");
  const expected = jwt.createQueryStringHash(jwt.fromExpressRequest(req as never), false, baseUrl);
  const presented = claims.qsh ?? "";
  const matches = presented.length === expected.length && timingSafeEqual(Buffer.from(presented), Buffer.from(expected));
  if (!matches && !(qsh === "context" && presented === "context-qsh")) throw refused("the query string hash does not match this request");
  return { clientKey: claims.iss, subject: claims.sub ?? null };
}

/** A JWT for calling the Bitbucket API as the app on an installation's behalf: `iss` = app key, `sub` = clientKey. */
export function appRequestToken(
  method: string,
  url: URL,
  { appKey, clientKey, sharedSecret: secret }: { appKey: string; clientKey: string; sharedSecret: string },
) {
  const now = Math.floor(Date.now() / 1000);
  const request = jwt.fromMethodAndUrl(method, `${url.pathname}${url.search}`);
  return jwt.encodeSymmetric(
    { iss: appKey, sub: clientKey, iat: now, exp: now + OUTGOING_VALIDITY_SECONDS, qsh: jwt.createQueryStringHash(request) },
    secret,
    jwt.SymmetricAlgorithm.HS256,
  );
}
