import { constants, createHash, randomBytes, randomUUID, timingSafeEqual, verify, X509Certificate } from "node:crypto";
import { escapeHtml } from "@groundwork/backend/http/html";
import type { FakeRequest, FakeResponse, FakeRoute } from "../fakeHost.js";

/**
 * Microsoft Entra ID's authorization-code flow, as learn.microsoft.com/entra/identity-platform/
 * v2-oauth2-auth-code-flow documents it, for the fake Azure DevOps organisation:
 *
 * - GET /{tenant}/oauth2/v2.0/authorize?client_id&response_type=code&redirect_uri&scope&state
 *   [&code_challenge&code_challenge_method]: the redirect URI must be one the app registration
 *   lists, exactly (AADSTS50011); an unknown client is AADSTS700016. The person signs in and
 *   consents, and the browser goes back with `code` and `state`, or `error=access_denied`.
 * - POST /{tenant}/oauth2/v2.0/token, the client authenticated by its secret (HTTP Basic or
 *   client_id/client_secret in the form; AADSTS7000215 when wrong) or by a client assertion
 *   (certificate-credentials: a JWT whose x5t#S256 names the uploaded certificate, signed by its
 *   key with PS256 or RS256, for this token endpoint, issued by and about the client, unexpired;
 *   AADSTS700027 and kin otherwise): grant_type
 *   authorization_code (the code once, within 10 minutes, with the same redirect_uri, and the
 *   code_verifier whose S256 hash is the challenge — AADSTS501481), or refresh_token. Answers
 *   `{token_type: "Bearer", scope, expires_in, ext_expires_in, access_token, refresh_token}`
 *   (a refresh token only when offline_access was asked for); errors are
 *   `{error, error_description, error_codes, timestamp, trace_id, correlation_id}`, 400 or 401.
 *
 * The access tokens are good for Azure DevOps' resource (499b84ac-…), which the fake
 * organisation accepts as `Authorization: Bearer`. Here the sign-in page asks for the account's
 * email: the organisation's own user belongs to it; anyone else belongs to no organisation.
 */
export const ADO_RESOURCE = "499b84ac-1321-427f-aa17-267ca6975798";
const CODE_TTL_MS = 10 * 60_000;

export interface FakeEntraApp {
  clientId: string;
  /** Its client secret, or the certificate uploaded to it (PEM): client assertions must be signed by its key. */
  clientSecret?: string;
  certificatePem?: string;
  redirectUris: string[];
}
export interface FakeEntraState {
  /** The directory's id; `organizations` and `common` reach it too. */
  tenant: string;
  apps: FakeEntraApp[];
  /** How long an access token lasts (3599 s unless set). */
  tokenLifetimeS?: number;
  codes?: {
    code: string;
    clientId: string;
    redirectUri: string;
    email: string;
    scope: string;
    challenge: string | null;
    method: string;
    expiresAt: number;
    used: boolean;
  }[];
  accessTokens?: { token: string; email: string; expiresAt: number }[];
  refreshTokens?: { token: string; email: string; clientId: string; scope: string; revoked: boolean }[];
  /** Token requests answered, by grant type: how often Groundwork redeemed and renewed. */
  issued?: { authorization_code: number; refresh_token: number };
}

const page = (status: number, body: string): FakeResponse => ({
  status,
  headers: { "content-type": "text/html; charset=utf-8" },
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Sign in to your account — Microsoft Entra ID sandbox</title>
<style>body{font-family:system-ui;max-width:560px;margin:3rem auto;padding:0 1rem}label{display:block;margin:.75rem 0}button{margin-right:.5rem}</style></head>
<body><main>${body}</main></body></html>`,
});
const signInError = (code: number, text: string) => page(400, `<h1>Sign in</h1><p role="alert">AADSTS${code}: ${escapeHtml(text)}</p>`);

/** Entra's token-endpoint error body. */
const tokenError = (status: number, error: string, code: number, text: string): FakeResponse => ({
  status,
  body: {
    error,
    error_description: `AADSTS${code}: ${text} Trace ID: ${randomUUID()} Correlation ID: ${randomUUID()} Timestamp: ${new Date().toISOString()}`,
    error_codes: [code],
    timestamp: new Date().toISOString(),
    trace_id: randomUUID(),
    correlation_id: randomUUID(),
  },
});

const same = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));
const JWT_BEARER = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";

/** Why a client assertion is refused, or null when it proves the app (learn.microsoft.com/entra/identity-platform/certificate-credentials). */
function assertionProblem(assertion: string, app: FakeEntraApp, tokenUrl: string): [number, string] | null {
  if (!app.certificatePem) return [700027, "Client assertion contains an invalid signature: the application has no certificate."];
  const [head, body, signature] = assertion.split(".");
  let header: Record<string, unknown>, claims: Record<string, unknown>;
  try {
    header = JSON.parse(Buffer.from(head!, "base64url").toString("utf8"));
    claims = JSON.parse(Buffer.from(body!, "base64url").toString("utf8"));
  } catch {
    return [50027, "JWT token is invalid or malformed."];
  }
  const cert = new X509Certificate(app.certificatePem);
  if (header["x5t#S256"] !== createHash("sha256").update(cert.raw).digest("base64url"))
    return [700027, "Client assertion failed signature validation: the key was not found (x5t#S256)."];
  const data = Buffer.from(`${head}.${body}`);
  const signed = Buffer.from(signature ?? "", "base64url");
  const valid =
    header.alg === "PS256"
      ? verify("sha256", data, { key: cert.publicKey, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, signed)
      : header.alg === "RS256" && verify("sha256", data, cert.publicKey, signed);
  if (!valid) return [700027, "Client assertion failed signature validation."];
  if (claims.aud !== tokenUrl) return [700021, `Client assertion audience claim does not match: expected ${tokenUrl}.`];
  if (claims.iss !== app.clientId || claims.sub !== app.clientId) return [700023, "Client assertion issuer or subject is not the client."];
  const now = Date.now() / 1000;
  if (typeof claims.exp !== "number" || claims.exp < now || (typeof claims.nbf === "number" && claims.nbf > now + 300))
    return [700024, "Client assertion is not within its valid time range."];
  return null;
}
const s256 = (verifier: string) => createHash("sha256").update(verifier).digest("base64url");
const FORWARDED = ["client_id", "redirect_uri", "scope", "state", "code_challenge", "code_challenge_method"];

/** The access token a request carries, if the fake issued it and it has not expired: whose it is. */
export function entraBearerEmail(state: FakeEntraState | undefined, authorization: string | undefined) {
  const token = /^Bearer (.+)$/.exec(authorization ?? "")?.[1];
  const found = token && state?.accessTokens?.find((t) => t.token === token);
  return found && found.expiresAt > Date.now() ? found.email : null;
}

/** Read through `entra()` on each request, so a test may replace the state; none means this organisation has no Entra ID (404). */
export function entraRoutes(entra: () => FakeEntraState | undefined, defaultEmail: () => string, prefix: string): FakeRoute[] {
  let state!: FakeEntraState;
  const app = (clientId: string | null) => state.apps.find((a) => a.clientId === clientId);
  const knownTenant = (tenant: string | undefined) => tenant === state.tenant || tenant === "organizations" || tenant === "common";
  const withState =
    (handle: (req: FakeRequest) => FakeResponse) =>
    (req: FakeRequest): FakeResponse => {
      const current = entra();
      if (!current) return { status: 404, body: { error: "not_found" } };
      state = current;
      return handle(req);
    };

  const issue = (email: string, clientId: string, scope: string) => {
    const lifetime = state.tokenLifetimeS ?? 3599;
    const accessToken = `eyFake.${randomBytes(24).toString("base64url")}`;
    (state.accessTokens ??= []).push({ token: accessToken, email, expiresAt: Date.now() + lifetime * 1000 });
    const offline = scope.split(" ").includes("offline_access");
    const refreshToken = offline ? `0.Fake.${randomBytes(32).toString("base64url")}` : null;
    if (refreshToken) (state.refreshTokens ??= []).push({ token: refreshToken, email, clientId, scope, revoked: false });
    return {
      status: 200,
      headers: { "cache-control": "no-store", pragma: "no-cache" },
      body: {
        token_type: "Bearer",
        scope: `${ADO_RESOURCE}/user_impersonation`,
        expires_in: lifetime,
        ext_expires_in: lifetime,
        access_token: accessToken,
        ...(refreshToken ? { refresh_token: refreshToken } : {}),
      },
    };
  };

  return [
    {
      method: "GET",
      path: `${prefix}/:tenant/oauth2/v2.0/authorize`,
      handle: withState((req) => {
        if (!knownTenant(req.params.tenant)) return signInError(90002, `Tenant '${req.params.tenant}' not found.`);
        const a = app(req.query.get("client_id"));
        if (!a) return signInError(700016, `Application with identifier '${req.query.get("client_id")}' was not found in the directory.`);
        if (!a.redirectUris.includes(req.query.get("redirect_uri") ?? ""))
          return signInError(
            50011,
            `The redirect URI '${req.query.get("redirect_uri")}' specified in the request does not match the redirect URIs configured for the application.`,
          );
        if (req.query.get("response_type") !== "code") return signInError(900144, "The request body must contain the following parameter: 'response_type'.");
        if (!(req.query.get("scope") ?? "").split(" ").some((s) => s.startsWith(`${ADO_RESOURCE}/`)))
          return signInError(65005, "The application asked for no permission on Azure DevOps.");
        const method = req.query.get("code_challenge_method");
        if (method && method !== "S256" && method !== "plain") return signInError(501491, "Invalid code_challenge_method.");
        const hidden = FORWARDED.filter((k) => req.query.get(k) !== null)
          .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(req.query.get(k)!)}">`)
          .join("");
        return page(
          200,
          `<h1>Sign in</h1>
<form method="post" action="${prefix}/${escapeHtml(req.params.tenant!)}/oauth2/v2.0/authorize">${hidden}
<label>Email, phone, or Skype <input name="email" type="email" value="${escapeHtml(defaultEmail())}" required></label>
<p>Groundwork would like to access Azure DevOps as you, and keep that access until you remove it.</p>
<button name="decision" value="accept">Accept</button><button name="decision" value="cancel">Cancel</button>
</form>`,
        );
      }),
    },
    {
      method: "POST",
      path: `${prefix}/:tenant/oauth2/v2.0/authorize`,
      handle: withState((req) => {
        const form = new URLSearchParams(req.body);
        const a = app(form.get("client_id"));
        const redirectUri = form.get("redirect_uri") ?? "";
        if (!a || !a.redirectUris.includes(redirectUri)) return signInError(50011, "The redirect URI does not match the application's.");
        const to = new URL(redirectUri);
        if (form.get("state") !== null) to.searchParams.set("state", form.get("state")!);
        if (form.get("decision") !== "accept") {
          to.searchParams.set("error", "access_denied");
          to.searchParams.set("error_description", "AADSTS65004: User declined to consent to access the app.");
          return { status: 302, headers: { location: to.toString() } };
        }
        const code = `0.Code.${randomBytes(24).toString("base64url")}`;
        (state.codes ??= []).push({
          code,
          clientId: a.clientId,
          redirectUri,
          email: (form.get("email") ?? "").trim().toLowerCase() || defaultEmail(),
          scope: form.get("scope") ?? "",
          challenge: form.get("code_challenge"),
          method: form.get("code_challenge_method") ?? "plain",
          expiresAt: Date.now() + CODE_TTL_MS,
          used: false,
        });
        to.searchParams.set("code", code);
        return { status: 302, headers: { location: to.toString() } };
      }),
    },
    {
      method: "POST",
      path: `${prefix}/:tenant/oauth2/v2.0/token`,
      handle: withState((req) => {
        const form = new URLSearchParams(req.body);
        const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? "")?.[1];
        const [id, secret] = basic ? Buffer.from(basic, "base64").toString("utf8").split(/:(.*)/s) : [form.get("client_id"), form.get("client_secret")];
        const a = app(id ?? null);
        if (!a) return tokenError(400, "unauthorized_client", 700016, `Application with identifier '${id}' was not found in the directory.`);
        if (form.get("client_assertion_type") === JWT_BEARER) {
          const problem = assertionProblem(form.get("client_assertion") ?? "", a, `http://${req.headers.host}${req.path}`);
          if (problem) return tokenError(401, "invalid_client", ...problem);
        } else if (!a.clientSecret || !same(secret ?? "", a.clientSecret)) return tokenError(401, "invalid_client", 7000215, "Invalid client secret provided.");
        const issued = (state.issued ??= { authorization_code: 0, refresh_token: 0 });
        if (form.get("grant_type") === "authorization_code") {
          const c = state.codes?.find((x) => x.code === form.get("code") && x.clientId === a.clientId);
          if (!c || c.expiresAt < Date.now()) return tokenError(400, "invalid_grant", 70008, "The provided authorization code or refresh token has expired.");
          if (c.used) return tokenError(400, "invalid_grant", 54005, "OAuth2 Authorization code was already redeemed, please retry with a new valid code.");
          if (form.get("redirect_uri") !== c.redirectUri)
            return tokenError(
              400,
              "invalid_grant",
              500117,
              "The reply uri specified in the request does not match the reply uri used in the authorization request.",
            );
          if (c.challenge !== null) {
            const verifier = form.get("code_verifier");
            if (!verifier)
              return tokenError(
                400,
                "invalid_grant",
                50148,
                "The code_verifier does not match the code_challenge supplied in the authorization request for PKCE.",
              );
            if ((c.method === "S256" ? s256(verifier) : verifier) !== c.challenge)
              return tokenError(400, "invalid_grant", 501481, "The Code_Verifier does not match the code_challenge supplied in the authorization request.");
          }
          c.used = true;
          issued.authorization_code++;
          return issue(c.email, a.clientId, c.scope);
        }
        if (form.get("grant_type") === "refresh_token") {
          const r = state.refreshTokens?.find((x) => x.token === form.get("refresh_token") && x.clientId === a.clientId);
          if (!r) return tokenError(400, "invalid_grant", 9002313, "Invalid request. Request is malformed or invalid.");
          if (r.revoked)
            return tokenError(400, "invalid_grant", 50173, "The provided grant has expired due to it being revoked, a fresh auth token is needed.");
          issued.refresh_token++;
          return issue(r.email, a.clientId, form.get("scope") ?? r.scope);
        }
        return tokenError(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type.");
      }),
    },
  ];
}
