import { createRemoteJWKSet, errors, jwtVerify } from "jose";
import { z } from "zod";
import type { Config } from "../../config.js";
import { ApiError } from "../../http/errors.js";

/**
 * What Groundwork reads of a Forge Invocation Token, the bearer token Forge sends with every call
 * to a remote (developer.atlassian.com/platform/forge/remote/essentials, "The Forge Invocation
 * Token (FIT)"): the installation (the key remote storage is kept under; it changes on reinstall),
 * the Bitbucket workspace it was invoked in, and who invoked it (UI modules only).
 */
export const ForgeInvocation = z.object({
  app: z.object({
    id: z.string(),
    installationId: z.string().regex(/^ari:cloud:ecosystem::installation\/[0-9a-f-]{36}$/),
    apiBaseUrl: z.url(),
    environment: z.object({ type: z.string(), id: z.string() }),
    module: z.object({ type: z.string(), key: z.string() }),
  }),
  context: z.looseObject({ workspaceId: z.string().optional() }).optional(),
  principal: z.string().optional(),
  /** Unique to each invocation (a retry of an event has its own). */
  jti: z.string().optional(),
});
export type ForgeInvocation = z.infer<typeof ForgeInvocation>;

/** Forge issues them so, for the app they are meant for: its id is their audience. */
const ISSUER = "forge/invocation-token";
/** A FIT lives 25 s; a small allowance for clocks, no more. */
const CLOCK_TOLERANCE_S = 10;

/** One key set per URL, kept: jose fetches it once, then again only for a key id it has not seen (rotation), at most every 30 s. */
const keySets = new Map<string, ReturnType<typeof createRemoteJWKSet>>();
const keysAt = (url: string) => {
  let keys = keySets.get(url);
  if (!keys) keySets.set(url, (keys = createRemoteJWKSet(new URL(url), { timeoutDuration: 5_000 })));
  return keys;
};

/**
 * Verifies the `Authorization: Bearer <FIT>` of a call from Forge: signed (RS256) by a key in the
 * published JWKS, issued by Forge, for this app, not expired; else 401, which Forge counts as
 * INVALID_FORGE_INVOCATION_TOKEN. Nothing in an unverified token is trusted, the algorithm it names
 * included.
 */
export async function verifyForgeInvocation(config: Pick<Config, "forge">, authorization: string | undefined): Promise<ForgeInvocation> {
  const { appId, jwksUrl } = config.forge;
  if (!appId) throw new ApiError(404, "forge_not_configured", "This Groundwork server has no FORGE_APP_ID set, so it takes no calls from a Forge app");
  const token = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/.exec(authorization ?? "")?.[1];
  if (!token)
    throw new ApiError(
      401,
      "forge_token_missing",
      "A call from Forge carries its invocation token as `Authorization: Bearer <token>`",
      "headers.authorization",
    );
  let payload: unknown;
  try {
    ({ payload } = await jwtVerify(token, keysAt(jwksUrl), {
      algorithms: ["RS256"],
      issuer: ISSUER,
      audience: appId,
      requiredClaims: ["exp", "iat"],
      clockTolerance: CLOCK_TOLERANCE_S,
    }));
  } catch (err) {
    // Not the token's fault: Forge's keys could not be read. Forge calls again (an event, up to 4 times).
    if (err instanceof errors.JWKSTimeout || err instanceof errors.JWKSInvalid || !(err instanceof errors.JOSEError))
      throw new ApiError(503, "forge_keys_unavailable", "Forge's signing keys could not be read just now; try again", undefined, { "retry-after": "5" });
    throw new ApiError(401, "forge_token_invalid", `The Forge invocation token was refused: ${refusal(err)}`, "headers.authorization");
  }
  const claims = ForgeInvocation.safeParse(payload);
  if (!claims.success || claims.data.app.id !== appId)
    throw new ApiError(
      401,
      "forge_token_invalid",
      "The Forge invocation token was refused: it does not describe an installation of this app",
      "headers.authorization",
    );
  return claims.data;
}

/** Why, in words safe to answer with (never the token or a key). */
function refusal(err: errors.JOSEError) {
  if (err instanceof errors.JWTExpired) return "it has expired";
  if (err instanceof errors.JWTClaimValidationFailed) return `its ${err.claim} claim is not what this app expects`;
  if (err instanceof errors.JWSSignatureVerificationFailed || err instanceof errors.JWKSNoMatchingKey) return "no key Forge publishes signed it";
  if (err instanceof errors.JOSEAlgNotAllowed) return "it is not signed with RS256";
  return "it is not a well-formed token";
}
