import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, expect, it } from "vitest";
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload } from "jose";
import { ApiError } from "../../http/errors.js";
import { verifyForgeInvocation } from "./forgeToken.js";

/**
 * Forge Invocation Tokens as Forge issues them (developer.atlassian.com/platform/forge/remote/essentials:
 * RS256 from the published JWKS, iss forge/invocation-token, aud the app's id, 25 s to live), and
 * the forgeries a remote must refuse.
 */
const APP_ID = "ari:cloud:ecosystem::app/8db33809-1f32-48bb-8c52-5877dab48107";
const INSTALLATION = "ari:cloud:ecosystem::installation/0a3a7799-53ae-4a5b-9e7e-03338980abb5";
/** The documented example's claims, for a Bitbucket workspace. */
const claims = (overrides: JWTPayload = {}): JWTPayload => ({
  app: {
    id: APP_ID,
    appVersion: "2.0.0",
    installationId: INSTALLATION,
    apiBaseUrl: "https://api.atlassian.com/ex/bitbucket/4c822e2f-510f-48b9-b8d2-8419d0932949",
    environment: { type: "PRODUCTION", id: "ari:cloud:ecosystem::environment/8db33809-1f32-48bb-8c52-5877dab48107/aa911f10-c54b-4b93-9e27-dd2947840b9e" },
    module: { type: "bitbucket:repoPullRequestCard", key: "groundwork-pr-card" },
    installation: { id: INSTALLATION, contexts: [] },
  },
  context: { workspaceId: "{b7ea02c9-0871-4858-a2a6-a190d7de977c}", moduleKey: "groundwork-pr-card" },
  principal: "655362:312d3308-8954-42b0-aa38-771a10c88656",
  ...overrides,
});

let forge: Awaited<ReturnType<typeof generateKeyPair>>;
let other: Awaited<ReturnType<typeof generateKeyPair>>;
let jwks: http.Server;
let jwksUrl: string;

beforeAll(async () => {
  [forge, other] = await Promise.all([generateKeyPair("RS256", { extractable: true }), generateKeyPair("RS256")]);
  const key = { ...(await exportJWK(forge.publicKey)), kid: "forge-key-1", alg: "RS256", use: "sig" };
  jwks = http.createServer((_req, res) => res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ keys: [key] })));
  await new Promise<void>((resolve) => jwks.listen(0, "127.0.0.1", resolve));
  jwksUrl = `http://127.0.0.1:${(jwks.address() as AddressInfo).port}/.well-known/jwks.json`;
});
afterAll(() => new Promise((resolve) => jwks.close(resolve)));

const sign = (payload: JWTPayload, { key = forge.privateKey, iss = "forge/invocation-token", aud = APP_ID, exp = "25s", kid = "forge-key-1" } = {}) =>
  new SignJWT(payload).setProtectedHeader({ alg: "RS256", kid }).setIssuer(iss).setAudience(aud).setIssuedAt().setExpirationTime(exp).sign(key);
const verify = (authorization: string | undefined, config = { forge: { appId: APP_ID, jwksUrl } }) => verifyForgeInvocation(config, authorization);
const refusal = async (authorization: string | undefined, config?: Parameters<typeof verify>[1]) => {
  const err = await verify(authorization, config).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  const { status, code, message } = err as ApiError;
  return { status, code, message };
};

it("takes a token Forge signed for this app, and reads the installation, the workspace and who invoked it", async () => {
  const invocation = await verify(`Bearer ${await sign(claims())}`);
  expect(invocation).toMatchObject({
    app: { id: APP_ID, installationId: INSTALLATION, module: { type: "bitbucket:repoPullRequestCard" } },
    context: { workspaceId: "{b7ea02c9-0871-4858-a2a6-a190d7de977c}" },
    principal: "655362:312d3308-8954-42b0-aa38-771a10c88656",
  });
});

it("refuses forged, expired, misdirected and malformed tokens with 401, saying why", async () => {
  const invalid = (why: string) => ({ status: 401, code: "forge_token_invalid", message: `The Forge invocation token was refused: ${why}` });
  // Signed by a key Forge does not publish, under Forge's key id.
  expect(await refusal(`Bearer ${await sign(claims(), { key: other.privateKey })}`)).toEqual(invalid("no key Forge publishes signed it"));
  expect(await refusal(`Bearer ${await sign(claims(), { kid: "someone-elses" })}`)).toEqual(invalid("no key Forge publishes signed it"));
  // Expired a minute ago.
  const expired = await sign(claims(), { exp: Math.floor(Date.now() / 1000) - 60 } as never);
  expect(await refusal(`Bearer ${expired}`)).toEqual(invalid("it has expired"));
  // For another app, or not issued by Forge.
  expect(await refusal(`Bearer ${await sign(claims(), { aud: "ari:cloud:ecosystem::app/00000000-0000-4000-8000-000000000000" })}`)).toEqual(
    invalid("its aud claim is not what this app expects"),
  );
  expect(await refusal(`Bearer ${await sign(claims(), { iss: "someone" })}`)).toEqual(invalid("its iss claim is not what this app expects"));
  // The algorithm is the verifier's to choose: HS256 keyed with the public key, or none at all.
  const publicJwk = await exportJWK(forge.publicKey);
  const confused = await new SignJWT(claims())
    .setProtectedHeader({ alg: "HS256", kid: "forge-key-1" })
    .setIssuer("forge/invocation-token")
    .setAudience(APP_ID)
    .setIssuedAt()
    .setExpirationTime("25s")
    .sign(new TextEncoder().encode(publicJwk.n!));
  expect((await refusal(`Bearer ${confused}`)).status).toBe(401);
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString("base64url");
  const unsigned = `${b64({ alg: "none" })}.${b64({ ...claims(), iss: "forge/invocation-token", aud: APP_ID, exp: Date.now() / 1000 + 25, iat: Date.now() / 1000 })}.`;
  expect((await refusal(`Bearer ${unsigned}`)).status).toBe(401);
  // Signed and addressed right, but not an installation's.
  const { app: _app, ...noApp } = claims();
  expect(await refusal(`Bearer ${await sign(noApp)}`)).toEqual(invalid("it does not describe an installation of this app"));
  expect(await refusal(`Bearer ${await sign(claims({ app: { ...(claims().app as object), id: "ari:cloud:ecosystem::app/other" } }))}`)).toEqual(
    invalid("it does not describe an installation of this app"),
  );
  // No token, or not a bearer one.
  expect(await refusal(undefined)).toMatchObject({ status: 401, code: "forge_token_missing" });
  expect(await refusal(`JWT ${await sign(claims())}`)).toMatchObject({ status: 401, code: "forge_token_missing" });
});

it("answers 404 on a server with no Forge app, and 503, not 401, while Forge's keys are out of reach", async () => {
  const token = `Bearer ${await sign(claims())}`;
  expect(await refusal(token, { forge: { jwksUrl } } as never)).toMatchObject({ status: 404, code: "forge_not_configured" });
  expect(await refusal(token, { forge: { appId: APP_ID, jwksUrl: "http://127.0.0.1:9/.well-known/jwks.json" } })).toMatchObject({
    status: 503,
    code: "forge_keys_unavailable",
  });
});
