import { randomBytes, timingSafeEqual } from "node:crypto";
import { escapeHtml } from "@groundwork/backend/http/html";
import type { FakeRequest, FakeResponse, FakeRoute } from "../fakeHost.js";
import type { FakeBitbucketState } from "./fakeBitbucket.js";
import { bitbucketUserUuid } from "./identities.js";

/**
 * Bitbucket's OAuth 2.0 authorization code grant as developer.atlassian.com/cloud/bitbucket/oauth-2
 * documents it: the consent page at /site/oauth2/authorize?client_id=…&response_type=code (with
 * `state` passed back, and a `redirect_uri` that must start with the consumer's callback URL),
 * then POST /site/oauth2/access_token with the consumer's key and secret (HTTP Basic) and
 * grant_type=authorization_code&code=…, answered with a bearer token good for two hours, or
 * `{error, error_description}`. Here the consent page also asks who is signing in, and whether
 * they belong to the fake's workspaces, since the fake has no Bitbucket log-in.
 */
const CODE_TTL_MS = 5 * 60_000;

const page = (status: number, body: string): FakeResponse => ({
  status,
  headers: { "content-type": "text/html; charset=utf-8" },
  body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Authorize — Bitbucket sandbox</title>
<style>body{font-family:system-ui;max-width:560px;margin:3rem auto;padding:0 1rem}label{display:block;margin:.75rem 0}button{margin-right:.5rem}</style></head>
<body><main>${body}</main></body></html>`,
});
const oauthError = (status: number, error: string, description: string): FakeResponse => ({ status, body: { error, error_description: description } });

const sameSecret = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

export function oauthRoutes(state: FakeBitbucketState): FakeRoute[] {
  const consumer = (key: string | null) => state.oauthConsumers?.find((c) => c.key === key);
  /** Where the browser goes back to: the redirect_uri asked for, which must start with the configured callback. */
  const callbackOf = (c: { callbackUrl: string }, asked: string | null) => (asked === null ? c.callbackUrl : asked.startsWith(c.callbackUrl) ? asked : null);
  const workspaces = () => [...new Set(state.repositories.map((r) => r.workspace))];

  return [
    {
      method: "GET",
      path: "/site/oauth2/authorize",
      handle: (req) => {
        const c = consumer(req.query.get("client_id"));
        if (!c) return page(400, "<h1>Invalid client_id</h1><p>No OAuth consumer has this key.</p>");
        if (req.query.get("response_type") !== "code") return page(400, "<h1>Unsupported response_type</h1>");
        if (!callbackOf(c, req.query.get("redirect_uri"))) return page(400, "<h1>redirect_uri does not match the consumer's callback URL</h1>");
        const hidden = ["client_id", "state", "redirect_uri"]
          .filter((k) => req.query.get(k) !== null)
          .map((k) => `<input type="hidden" name="${k}" value="${escapeHtml(req.query.get(k)!)}">`)
          .join("");
        return page(
          200,
          `<h1>Authorize Groundwork</h1>
<p>Groundwork would like to read your Bitbucket account.</p>
<form method="post" action="/site/oauth2/authorize">${hidden}
<label>Signed in to Bitbucket as (username) <input name="username" value="ada" required></label>
<label><input type="checkbox" name="member" value="yes" checked> A member of ${workspaces().map(escapeHtml).join(", ") || "no workspace"}</label>
<button name="decision" value="grant">Grant access</button><button name="decision" value="deny">Cancel</button>
</form>`,
        );
      },
    },
    {
      method: "POST",
      path: "/site/oauth2/authorize",
      handle: (req) => {
        const form = new URLSearchParams(req.body);
        const c = consumer(form.get("client_id"));
        const back = c && callbackOf(c, form.get("redirect_uri"));
        if (!c || !back) return page(400, "<h1>Invalid request</h1>");
        const to = new URL(back);
        if (form.get("state") !== null) to.searchParams.set("state", form.get("state")!);
        if (form.get("decision") !== "grant") {
          to.searchParams.set("error", "access_denied");
          to.searchParams.set("error_description", "The user denied access");
          return { status: 302, headers: { location: to.toString() } };
        }
        const username = (form.get("username") ?? "").trim() || "ada";
        const user = { uuid: bitbucketUserUuid(username), display_name: username, account_id: `sandbox:${username.toLowerCase()}` };
        if (form.get("member") === "yes")
          for (const workspace of workspaces())
            if (!state.workspaceMembers?.some((m) => m.workspace === workspace && m.uuid === user.uuid))
              (state.workspaceMembers ??= []).push({ workspace, uuid: user.uuid, permission: "member" });
        const code = randomBytes(12).toString("base64url");
        (state.oauthCodes ??= []).push({ code, key: c.key, user, expiresAt: Date.now() + CODE_TTL_MS, used: false });
        to.searchParams.set("code", code);
        return { status: 302, headers: { location: to.toString() } };
      },
    },
    {
      method: "POST",
      path: "/site/oauth2/access_token",
      handle: (req: FakeRequest) => {
        const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? "")?.[1];
        const [key, secret] = basic ? Buffer.from(basic, "base64").toString("utf8").split(/:(.*)/s) : [];
        const c = consumer(key ?? null);
        if (!c || !sameSecret(secret ?? "", c.secret)) return oauthError(401, "invalid_client", "Invalid OAuth client credentials");
        const form = new URLSearchParams(req.body);
        if (form.get("grant_type") !== "authorization_code") return oauthError(400, "unsupported_grant_type", "Only authorization_code is played here");
        const issued = state.oauthCodes?.find((x) => x.code === form.get("code") && x.key === c.key);
        if (!issued || issued.used || issued.expiresAt < Date.now()) return oauthError(400, "invalid_grant", "The authorization code is invalid or expired.");
        if (form.get("redirect_uri") !== null && !callbackOf(c, form.get("redirect_uri"))) return oauthError(400, "invalid_grant", "redirect_uri mismatch");
        issued.used = true;
        const token = randomBytes(24).toString("base64url");
        (state.userTokens ??= []).push({ token, user: issued.user, scopes: ["account"] });
        return {
          status: 200,
          body: {
            access_token: token,
            scopes: "account",
            expires_in: 7200,
            refresh_token: randomBytes(12).toString("base64url"),
            token_type: "bearer",
            state: "authorization_code",
          },
        };
      },
    },
  ];
}
