import { createHash, createPrivateKey, randomUUID, timingSafeEqual, X509Certificate } from "node:crypto";
import { Op } from "sequelize";
import { CodeChallengeMethod, generateCodeVerifier, generateState, OAuth2Client, OAuth2RequestError, OAuth2Tokens } from "arctic";
import { SignJWT } from "jose";
import { AdoEntraCallback, AdoEntraSignIn, AdoEntraStart } from "@groundwork/shared-types";
import type { EntraApp } from "../../config.js";
import { ApiError, notFound } from "../../http/errors.js";
import { route, type MemberContext } from "../../http/route.js";
import type { AppServices } from "../../http/services.js";
import { openClaim, sealClaim } from "../../storage/encryption.js";
import { AdoClient, AdoError, type AdoHosts } from "./client.js";
import { AdoConnectionRow, AdoEntraSignInRow } from "./models.js";
import { SANDBOX_ORG } from "./orgUrl.js";

/**
 * Connecting Azure DevOps by signing in with Microsoft Entra ID instead of pasting a PAT: the
 * authorization-code flow with PKCE against the operator's app registration (learn.microsoft.com
 * /entra/identity-platform/v2-oauth2-auth-code-flow), asking for Azure DevOps' resource
 * (reference/ado.md §3). The tokens wait, sealed, until the owner chooses an organisation; then
 * they are the connection's credential, refreshed before they expire.
 *
 * arctic, already Groundwork's OAuth client, makes the authorization URL and the PKCE pair and
 * reads the token answers; the app authenticates with a client secret (HTTP Basic, as arctic's own
 * Entra provider does) or a certificate (a signed client assertion, learn.microsoft.com/entra/
 * identity-platform/certificate-credentials). MSAL Node would refuse the local sandbox's http://
 * authority, so the sandbox could not play Entra for a new user.
 */
export const ADO_RESOURCE_SCOPE = "499b84ac-1321-427f-aa17-267ca6975798/.default";
// offline_access: a refresh token, so the connection outlives the hour an access token lasts.
const SCOPES = [ADO_RESOURCE_SCOPE, "offline_access"];
export const ENTRA_CALLBACK_PATH = "/api/integrations/ado/entra/callback";
const COOKIE = "gw_entra";
const COOKIE_PATH = "/api/integrations/ado/entra";
const PURPOSE = "ado-entra";
const STARTED_TTL_MS = 10 * 60_000;
const SIGN_IN_TTL_MS = 30 * 60_000;
/** Renewed this long before it expires, so no call goes out with a token about to lapse. */
const REFRESH_BEFORE_MS = 5 * 60_000;
/** A sign-in not renewed for this long is renewed anyway, well within the 90 days Entra keeps an unused refresh token. */
const IDLE_RENEWAL_MS = 7 * 86400_000;
const INTEGRATIONS_PATH = "/integrations";

/** What a sign-in leaves: sealed at rest as JSON, never returned. */
export interface EntraTokens {
  accessToken: string;
  refreshToken: string;
  expiresAt: number;
}
/** What the browser's cookie carries between the start and Microsoft's redirect back (sealed). */
interface Started {
  state: string;
  verifier: string;
  workspaceId: string;
  memberId: string;
  sandbox: boolean;
}

/** The app registration owners sign in through: the operator's, or on `npm start` the sandbox's. */
function signInApp(services: AppServices): { app: EntraApp; sandbox: boolean } | null {
  const { entra, sandbox } = services.config;
  if (entra) return { app: entra, sandbox: false };
  return sandbox.entra ? { app: sandbox.entra, sandbox: true } : null;
}
/** The app a connection's tokens were issued to: the sandbox's for the sandbox organisation. */
const appOf = (services: AppServices, organization: string) =>
  organization === SANDBOX_ORG && services.config.sandbox.entra ? services.config.sandbox.entra : services.config.entra;

export const signInWithMicrosoftAvailable = (services: AppServices) => signInApp(services) !== null;

const tokenEndpoint = (app: EntraApp) => `${app.authorityUrl}/${encodeURIComponent(app.tenant)}/oauth2/v2.0/token`;
const redirectUri = (services: AppServices) => new URL(ENTRA_CALLBACK_PATH, services.config.publicUrl).toString();
const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/**
 * A client assertion for the token endpoint: a JWT signed with the certificate's key (PS256),
 * naming the certificate by its SHA-256 thumbprint (x5t#S256), for this endpoint only, briefly.
 */
async function clientAssertion(app: EntraApp, certificate: { privateKeyPem: string; certificatePem: string }) {
  const thumbprint = createHash("sha256").update(new X509Certificate(certificate.certificatePem).raw).digest("base64url");
  return new SignJWT({})
    .setProtectedHeader({ alg: "PS256", typ: "JWT", "x5t#S256": thumbprint })
    .setIssuer(app.clientId)
    .setSubject(app.clientId)
    .setAudience(tokenEndpoint(app))
    .setJti(randomUUID())
    .setNotBefore("0s")
    .setIssuedAt()
    .setExpirationTime("5m")
    .sign(createPrivateKey(certificate.privateKeyPem));
}

/** A token request (code redemption or refresh), the app authenticated by its secret or certificate. */
async function requestTokens(app: EntraApp, grant: Record<string, string>): Promise<OAuth2Tokens> {
  const body = new URLSearchParams({ ...grant, scope: SCOPES.join(" ") });
  const headers: Record<string, string> = { "content-type": "application/x-www-form-urlencoded", accept: "application/json" };
  if ("secret" in app.credential) headers.authorization = `Basic ${Buffer.from(`${app.clientId}:${app.credential.secret}`).toString("base64")}`;
  else {
    body.set("client_id", app.clientId);
    body.set("client_assertion_type", JWT_BEARER);
    body.set("client_assertion", await clientAssertion(app, app.credential.certificate));
  }
  const res = await fetch(tokenEndpoint(app), { method: "POST", headers, body, signal: AbortSignal.timeout(15_000) });
  const data = (await res.json().catch(() => null)) as Record<string, unknown> | null;
  if (res.status === 200 && data && typeof data.access_token === "string") return new OAuth2Tokens(data);
  if ((res.status === 400 || res.status === 401) && typeof data?.error === "string")
    throw new OAuth2RequestError(data.error, typeof data.error_description === "string" ? data.error_description : null, null, null);
  throw new Error(`the token endpoint answered ${res.status}`);
}

function tokensOf(t: OAuth2Tokens, previous?: EntraTokens): EntraTokens {
  const refreshToken = t.hasRefreshToken() ? t.refreshToken() : previous?.refreshToken;
  if (!refreshToken) throw new AdoError("auth", "Microsoft issued no refresh token (the sign-in lacked offline_access)");
  return { accessToken: t.accessToken(), refreshToken, expiresAt: t.accessTokenExpiresAt().getTime() };
}

/** Why Microsoft refused, in words an owner can act on, without echoing anything secret. */
const refusal = (err: unknown) =>
  err instanceof OAuth2RequestError
    ? `Microsoft refused (${err.code})`
    : `Microsoft Entra ID could not be reached (${err instanceof Error ? err.message : String(err)})`;

const openTokens = (services: AppServices, sealed: string) => JSON.parse(services.secrets.open(sealed)) as EntraTokens;

const renewing = new Map<string, Promise<string>>();

/**
 * The Bearer credential of a connection made by signing in: its access token, renewed with the
 * refresh token when it has under five minutes left. One renewal per connection at a time in a
 * process; another replica renewing at once is harmless (Entra keeps earlier refresh tokens valid
 * until they expire), and each reads the row first in case the other already did.
 */
export function entraBearer(services: AppServices, c: AdoConnectionRow) {
  return () => {
    const tokens = openTokens(services, c.credentialSealed);
    if (tokens.expiresAt - Date.now() > REFRESH_BEFORE_MS) return Promise.resolve(tokens.accessToken);
    let pending = renewing.get(c.id);
    if (!pending) {
      pending = renew(services, c).finally(() => renewing.delete(c.id));
      renewing.set(c.id, pending);
    }
    return pending;
  };
}

/**
 * Entra ID lets a refresh token lapse after 90 days unused: a connection whose repositories are
 * quiet would lose its sign-in. Renewing each one whose token has not been renewed for a week keeps
 * them alive (every renewal brings a fresh refresh token).
 */
export async function renewIdleSignIns(services: AppServices) {
  const idleSince = Date.now() - IDLE_RENEWAL_MS;
  for (const c of await AdoConnectionRow.findAll({ where: { credentialKind: "entra", status: "active" } })) {
    const tokens = openTokens(services, c.credentialSealed);
    if (tokens.expiresAt >= idleSince) continue;
    // A refused renewal marks that connection and is its owner's to mend; the others still renew.
    await renew(services, c, true).catch((err: unknown) => {
      if (!(err instanceof AdoError)) throw err;
    });
  }
}

async function renew(services: AppServices, c: AdoConnectionRow, idle = false) {
  await c.reload();
  const current = openTokens(services, c.credentialSealed);
  if (!idle && current.expiresAt - Date.now() > REFRESH_BEFORE_MS) return current.accessToken;
  const app = appOf(services, c.organization);
  if (!app) throw new AdoError("auth", "Signing in with Microsoft is no longer set up on this server; reconnect with a personal access token");
  let next: EntraTokens;
  try {
    next = tokensOf(await requestTokens(app, { grant_type: "refresh_token", refresh_token: current.refreshToken }), current);
  } catch (err) {
    // A refused refresh (consent withdrawn, password reset, 90 days unused) needs a person to sign in again.
    if (err instanceof OAuth2RequestError) {
      const message = `${refusal(err)} to renew the sign-in of ${c.signedInAs ?? "its owner"}; sign in with Microsoft again`;
      await c.update({ status: "auth_failed", lastError: message });
      throw new AdoError("auth", message);
    }
    if (err instanceof AdoError) throw err;
    throw new AdoError("unreachable", refusal(err));
  }
  await c.update({ credentialSealed: services.secrets.seal(JSON.stringify(next)) });
  return next.accessToken;
}

/** A sign-in's client before an organisation is chosen (profile and organisations): on the sandbox's hosts for a sandbox sign-in. */
function profileClient(services: AppServices, sandbox: boolean, tokens: EntraTokens) {
  const { config } = services;
  const hosts: AdoHosts =
    sandbox && config.sandbox.ado ? config.sandbox.ado : { baseUrl: config.adoBaseUrl, identityUrl: config.adoIdentityUrl, profileUrl: config.adoProfileUrl };
  return new AdoClient(hosts, "", { bearer: () => Promise.resolve(tokens.accessToken) });
}

/** A finished sign-in of the caller's that has not expired, or 404 (someone else's is never found). */
export async function signInOf(ctx: MemberContext, id: string) {
  const row = await AdoEntraSignInRow.findOne({
    where: { id, workspaceId: ctx.auth.workspace.id, memberId: ctx.auth.member.id, expiresAt: { [Op.gt]: new Date() } },
  });
  if (!row) throw notFound("That sign-in with Microsoft (it lasts half an hour; sign in again)");
  return row;
}
export const signInTokens = (services: AppServices, row: AdoEntraSignInRow) => openTokens(services, row.tokensSealed);

const backToIntegrations = (ctx: MemberContext, outcome: { signInId: string } | { error: string }) => {
  const url = new URL(INTEGRATIONS_PATH, ctx.services.config.publicUrl);
  if ("signInId" in outcome) url.searchParams.set("adoSignIn", outcome.signInId);
  else url.searchParams.set("ado_error", outcome.error);
  ctx.res.clearCookie(COOKIE, { path: COOKIE_PATH });
  ctx.res.redirect(303, url.toString());
};

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

async function finish(ctx: MemberContext, query: AdoEntraCallback): Promise<{ signInId: string } | { error: string }> {
  const cookie = (ctx.req.cookies as Record<string, string | undefined>)[COOKIE];
  const started = cookie ? openClaim<Started>(ctx.services.secrets, PURPOSE, cookie) : "invalid";
  if (started === "expired") return { error: "That sign-in took too long; start again." };
  // The state must match the one this browser was sent off with, for the member who started it.
  if (
    started === "invalid" ||
    !query.state ||
    !sameText(query.state, started.state) ||
    started.memberId !== ctx.auth.member.id ||
    started.workspaceId !== ctx.auth.workspace.id
  )
    return { error: "That sign-in was not started here; start again from Integrations." };
  if (query.error)
    return {
      error:
        query.error === "access_denied"
          ? "You did not allow Groundwork to use Azure DevOps on your behalf."
          : `Microsoft refused: ${(query.error_description ?? query.error).split(/\r?\n/)[0]}`,
    };
  const found = signInApp(ctx.services);
  if (!query.code || !found || found.sandbox !== started.sandbox) return { error: "Signing in with Microsoft is not set up on this server any more." };
  let tokens: EntraTokens;
  try {
    tokens = tokensOf(
      await requestTokens(found.app, {
        grant_type: "authorization_code",
        code: query.code,
        redirect_uri: redirectUri(ctx.services),
        code_verifier: started.verifier,
      }),
    );
  } catch (err) {
    ctx.log.warn({ reason: refusal(err) }, "a Microsoft sign-in code was not redeemed");
    return { error: `${refusal(err)}; start again.` };
  }
  const client = profileClient(ctx.services, started.sandbox, tokens);
  let profile;
  try {
    profile = await client.myProfile();
  } catch (err) {
    if (!(err instanceof AdoError)) throw err;
    return { error: `Azure DevOps did not say who you are (${err.message}); start again.` };
  }
  const row = await AdoEntraSignInRow.create({
    workspaceId: ctx.auth.workspace.id,
    memberId: ctx.auth.member.id,
    tokensSealed: ctx.services.secrets.seal(JSON.stringify(tokens)),
    account: profile.emailAddress ?? profile.displayName ?? profile.id,
    profileId: profile.id,
    sandbox: started.sandbox,
    expiresAt: new Date(Date.now() + SIGN_IN_TTL_MS),
  });
  // Sign-ins left unused are of no further use to anyone.
  await AdoEntraSignInRow.destroy({ where: { expiresAt: { [Op.lt]: new Date() } } });
  return { signInId: row.id };
}

export const adoEntraRoutes = [
  route({
    method: "post",
    path: "/api/integrations/ado/entra/start",
    summary: "Start connecting Azure DevOps by signing in with Microsoft: where to send the browser",
    tag: "Integrations",
    access: "owner",
    response: AdoEntraStart,
    handler: async (_input, ctx) => {
      const found = signInApp(ctx.services);
      if (!found)
        throw new ApiError(
          409,
          "entra_not_configured",
          "Signing in with Microsoft is not set up on this server (an operator sets ENTRA_CLIENT_ID and ENTRA_CLIENT_SECRET); use a personal access token.",
        );
      const started: Started = {
        state: generateState(),
        verifier: generateCodeVerifier(),
        workspaceId: ctx.auth.workspace.id,
        memberId: ctx.auth.member.id,
        sandbox: found.sandbox,
      };
      const { code } = sealClaim(ctx.services.secrets, PURPOSE, started, STARTED_TTL_MS);
      // Lax: Microsoft's redirect back is a top-level navigation, which carries it.
      ctx.res.cookie(COOKIE, code, {
        httpOnly: true,
        sameSite: "lax",
        secure: ctx.services.config.publicUrl.protocol === "https:",
        path: COOKIE_PATH,
        maxAge: STARTED_TTL_MS,
      });
      const { app } = found;
      const authorize = `${app.authorityUrl}/${encodeURIComponent(app.tenant)}/oauth2/v2.0/authorize`;
      const url = new OAuth2Client(app.clientId, null, redirectUri(ctx.services)).createAuthorizationURLWithPKCE(
        authorize,
        started.state,
        CodeChallengeMethod.S256,
        started.verifier,
        SCOPES,
      );
      // Let the person pick the account, rather than silently reusing whichever is signed in.
      url.searchParams.set("prompt", "select_account");
      return { authorizeUrl: url.toString() };
    },
  }),
  route({
    method: "get",
    path: ENTRA_CALLBACK_PATH,
    summary: "Where Microsoft sends the browser back after sign-in (the app registration's redirect URI); then Integrations shows the organisations",
    tag: "Integrations",
    access: "owner",
    query: AdoEntraCallback,
    handler: async ({ query }, ctx) => backToIntegrations(ctx, await finish(ctx, query)),
  }),
  route({
    method: "get",
    path: "/api/integrations/ado/entra/sign-ins/:signInId",
    summary: "A finished sign-in with Microsoft: who signed in and the Azure DevOps organisations they belong to",
    tag: "Integrations",
    access: "owner",
    response: AdoEntraSignIn,
    handler: async ({ params }, ctx) => {
      const row = await signInOf(ctx, params.signInId);
      const tokens = signInTokens(ctx.services, row);
      const client = profileClient(ctx.services, row.sandbox, tokens);
      const accounts = await client.organizations(row.profileId).catch((err: unknown) => {
        if (err instanceof AdoError)
          throw new ApiError(502, "ado_unreachable", `Azure DevOps did not list your organisations (${err.message}); try again or sign in again`);
        throw err;
      });
      return {
        id: row.id,
        account: row.account,
        organizations: accounts
          .map((a) => ({ name: a.accountName, url: `https://dev.azure.com/${a.accountName}` }))
          .sort((a, b) => a.name.localeCompare(b.name)),
        expiresAt: row.expiresAt.toISOString(),
      };
    },
  }),
];

/** The credential fields a connection keeps after a sign-in is used; the sign-in itself is gone. */
export async function takeSignIn(row: AdoEntraSignInRow) {
  const fields = { credentialKind: "entra" as const, credentialSealed: row.tokensSealed, signedInAs: row.account };
  await row.destroy();
  return fields;
}
