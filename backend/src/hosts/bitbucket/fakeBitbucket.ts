import { createHmac, randomUUID } from "node:crypto";
import * as jwt from "atlassian-jwt";
import { FakeHost, type FakeRequest, type FakeResponse } from "../../testing/fakeHost.js";
import type { BitbucketBuildStatus, BitbucketPullRequest } from "./client.js";
import { APP_KEY } from "./connectJwt.js";

/**
 * A fake Bitbucket Cloud: the REST paths we call on api.bitbucket.org/2.0 (user, repositories,
 * workspace hooks, pull requests, commits, build statuses — developer.atlassian.com/cloud/bitbucket/rest),
 * authenticated as a Connect app (a JWT with iss = app key, sub = clientKey, qsh, signed with
 * that installation's shared secret) or with an access token; and Bitbucket's side of the
 * Connect lifecycle and webhooks (developer.atlassian.com/cloud/bitbucket/authentication-for-apps,
 * support.atlassian.com/bitbucket-cloud/docs/event-payloads): the first `installed` unsigned,
 * later ones and `uninstalled` signed with the previous secret, webhooks with X-Event-Key,
 * X-Hook-UUID, X-Request-UUID, X-Attempt-Number and a JWT.
 */
export interface FakeBitbucketState {
  token?: string;
  /** What the access token may do (all of these when unset). */
  tokenScopes?: ("repository" | "pullrequest" | "webhook")[];
  /** Repository webhooks created through the API, with the secret Bitbucket signs deliveries with. */
  hooks?: { uuid: string; workspace: string; slug: string; url: string; events: string[]; secret?: string }[];
  user: { uuid: string; display_name: string; account_id: string };
  repositories: { workspace: string; slug: string; uuid: string }[];
  /** Installations Bitbucket itself made: the secrets it will accept API calls signed with. */
  installations?: Record<string, string>;
  pullRequests?: { workspace: string; slug: string; pr: BitbucketPullRequest }[];
  /** Full commit hashes; abbreviated ones resolve by prefix. */
  commits?: string[];
  statuses?: (BitbucketBuildStatus & { workspace: string; slug: string; commit: string })[];
}

const error = (status: number, message: string): FakeResponse => ({ status, body: { type: "error", error: { message } } });
const same = (a: string | undefined, b: string | undefined) => a?.toLowerCase() === b?.toLowerCase();

export function fakeBitbucket(state: FakeBitbucketState) {
  /** Connect JWT (as the app: every scope it declared) or access token (its scopes), checked the way Bitbucket documents. */
  const authorized = (req: FakeRequest): "app" | "token" | false => {
    const header = req.headers.authorization ?? "";
    if (state.token && header === `Bearer ${state.token}`) return "token";
    if (!header.startsWith("JWT ")) return false;
    const token = header.slice(4);
    try {
      const claimed = jwt.decodeSymmetric(token, "", jwt.SymmetricAlgorithm.HS256, true) as { iss?: string; sub?: string };
      const secret = claimed.sub ? state.installations?.[claimed.sub] : undefined;
      if (claimed.iss !== APP_KEY || !secret) return false;
      const claims = jwt.decodeSymmetric(token, secret, jwt.SymmetricAlgorithm.HS256) as { exp: number; qsh: string };
      const query = req.query.toString();
      const qsh = jwt.createQueryStringHash(jwt.fromMethodAndUrl(req.method, `${req.path}${query ? `?${query}` : ""}`));
      return claims.exp > Date.now() / 1000 && claims.qsh === qsh ? "app" : false;
    } catch {
      return false;
    }
  };
  const guard = (req: FakeRequest, ok: () => FakeResponse, scope: "repository" | "pullrequest" | "webhook" = "repository"): FakeResponse => {
    const who = authorized(req);
    if (!who) return error(401, "Token is invalid or expired.");
    const granted = state.tokenScopes ?? ["repository", "pullrequest", "webhook"];
    if (who === "token" && !granted.includes(scope))
      return { status: 403, body: { type: "error", error: { message: "Your credentials lack one or more required privilege scopes.", detail: { required: [scope], granted } } } };
    return ok();
  };
  const repo = (req: FakeRequest) => state.repositories.find((r) => same(r.workspace, req.params.workspace) && same(r.slug, req.params.repo));
  const fullHash = (hash: string | undefined) => (hash && hash.length >= 7 ? state.commits?.find((c) => c.startsWith(hash.toLowerCase())) : undefined);

  return new FakeHost("Bitbucket", [
    {
      method: "GET",
      path: "/2.0/user",
      handle: (req) => guard(req, () => ({ status: 200, body: { type: "user", ...state.user } })),
    },
    {
      method: "GET",
      path: "/2.0/repositories/:workspace",
      handle: (req) =>
        guard(req, () => {
          const values = state.repositories
            .filter((r) => same(r.workspace, req.params.workspace))
            .map((r) => ({ type: "repository", uuid: r.uuid, slug: r.slug, full_name: `${r.workspace}/${r.slug}`, name: r.slug, workspace: { slug: r.workspace, uuid: `{${r.workspace.padEnd(8, "0").slice(0, 8).replace(/[^0-9a-f]/g, "a")}-0000-4000-8000-000000000000}` } }));
          return { status: 200, body: { pagelen: 10, size: values.length, page: 1, values } };
        }),
    },
    {
      method: "GET",
      path: "/2.0/workspaces/:workspace/hooks",
      handle: (req) => guard(req, () => ({ status: 200, body: { pagelen: 10, size: 0, page: 1, values: [] } })),
    },
    {
      method: "GET",
      path: "/2.0/repositories/:workspace/:repo/pullrequests",
      handle: (req) =>
        guard(
          req,
          () => {
            const values = (state.pullRequests ?? []).filter((p) => same(p.workspace, req.params.workspace) && same(p.slug, req.params.repo)).map((p) => p.pr);
            return repo(req) ? { status: 200, body: { pagelen: 1, size: values.length, values: values.slice(0, 1) } } : error(404, "Repository not found");
          },
          "pullrequest",
        ),
    },
    {
      method: "GET",
      path: "/2.0/repositories/:workspace/:repo/hooks",
      handle: (req) =>
        guard(
          req,
          () => {
            const values = (state.hooks ?? []).filter((h) => same(h.workspace, req.params.workspace) && same(h.slug, req.params.repo)).map(({ secret: _s, ...h }) => h);
            return repo(req) ? { status: 200, body: { pagelen: 10, size: values.length, values } } : error(404, "Repository not found");
          },
          "webhook",
        ),
    },
    {
      method: "POST",
      path: "/2.0/repositories/:workspace/:repo/hooks",
      handle: (req) =>
        guard(
          req,
          () => {
            const r = repo(req);
            if (!r) return error(404, "Repository not found");
            const body = JSON.parse(req.body) as { url?: string; events?: string[]; secret?: string; description?: string };
            if (!body.url || !body.events?.length) return error(400, "url and events are required");
            const hook = { uuid: `{${randomUUID()}}`, workspace: r.workspace, slug: r.slug, url: body.url, events: body.events, ...(body.secret ? { secret: body.secret } : {}) };
            (state.hooks ??= []).push(hook);
            return { status: 201, body: { type: "webhook_subscription", uuid: hook.uuid, url: hook.url, events: hook.events, active: true, secret_set: Boolean(body.secret) } };
          },
          "webhook",
        ),
    },
    {
      method: "DELETE",
      path: "/2.0/repositories/:workspace/:repo/hooks/:uid",
      handle: (req) =>
        guard(
          req,
          () => {
            const i = (state.hooks ?? []).findIndex((h) => h.uuid === req.params.uid);
            if (i < 0) return error(404, "Webhook not found");
            state.hooks!.splice(i, 1);
            return { status: 204 };
          },
          "webhook",
        ),
    },
    {
      method: "GET",
      path: "/2.0/repositories/:workspace/:repo/pullrequests/:id",
      handle: (req) =>
        guard(req, () => {
          const found = state.pullRequests?.find((p) => same(p.workspace, req.params.workspace) && same(p.slug, req.params.repo) && p.pr.id === Number(req.params.id));
          return found ? { status: 200, body: found.pr } : error(404, "Pull request not found");
        }, "pullrequest"),
    },
    {
      method: "GET",
      path: "/2.0/repositories/:workspace/:repo/commit/:hash",
      handle: (req) =>
        guard(req, () => {
          const hash = repo(req) && fullHash(req.params.hash);
          return hash ? { status: 200, body: { type: "commit", hash } } : error(404, `Commit not found`);
        }),
    },
    {
      method: "POST",
      path: "/2.0/repositories/:workspace/:repo/commit/:hash/statuses/build",
      handle: (req) =>
        guard(req, () => {
          const r = repo(req);
          const hash = r && fullHash(req.params.hash);
          if (!r || !hash) return error(404, "Repository or commit not found");
          const body = JSON.parse(req.body) as BitbucketBuildStatus;
          if (!body.key || !body.state || !body.url) return error(400, "key, state and url are required");
          const stored = { ...body, workspace: r.workspace, slug: r.slug, commit: hash };
          (state.statuses ??= []).push(stored);
          const now = new Date().toISOString();
          return {
            status: 201,
            body: { type: "build", ...body, uuid: `{${randomUUID()}}`, created_on: now, updated_on: now, commit: { hash, type: "commit" } },
          };
        }),
    },
  ]);
}

/** What Bitbucket posts to the app's lifecycle URLs (host-samples/bitbucket/lifecycle_installed.json). */
export function lifecyclePayload(
  eventType: "installed" | "uninstalled",
  install: { clientKey: string; sharedSecret: string; principal: { uuid: string; username: string } },
  baseUrl = "https://bitbucket.org",
) {
  return {
    key: APP_KEY,
    eventType,
    baseUrl,
    baseApiUrl: "https://api.bitbucket.org",
    productType: "bitbucket",
    clientKey: install.clientKey,
    sharedSecret: install.sharedSecret,
    publicKey: "MIGf",
    principal: { type: "team", username: install.principal.username, display_name: install.principal.username, uuid: install.principal.uuid },
    user: { type: "user", username: "admin", display_name: "Admin", uuid: "{00000000-0000-4000-8000-00000000a0a0}" },
  };
}

/** A JWT as Bitbucket signs calls to the app: iss = clientKey, qsh of the request relative to the app's baseUrl. */
export function signAsBitbucket(clientKey: string, secret: string, method: string, pathAndQuery: string, overrides: Record<string, unknown> = {}) {
  const now = Math.floor(Date.now() / 1000);
  const qsh = jwt.createQueryStringHash(jwt.fromMethodAndUrl(method, pathAndQuery));
  return jwt.encodeSymmetric({ iss: clientKey, iat: now, exp: now + 180, qsh, sub: "{00000000-0000-4000-8000-00000000a0a0}", ...overrides }, secret, jwt.SymmetricAlgorithm.HS256);
}

/** Bitbucket's side of the lifecycle and webhooks, aimed at the app's baseUrl. */
export class BitbucketHostDriver {
  constructor(
    private readonly state: FakeBitbucketState,
    private readonly appBaseUrl: string,
    /** The host's own base URL, as install payloads name it. */
    private readonly hostBaseUrl = "https://bitbucket.org",
  ) {}

  private post(path: string, body: unknown, headers: Record<string, string>) {
    return fetch(`${this.appBaseUrl}${path}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
  }

  /** An install Bitbucket really makes: it knows the secret, so API calls signed with it succeed. */
  async install(install: { clientKey: string; sharedSecret: string; principal: { uuid: string; username: string } }) {
    const previous = this.state.installations?.[install.clientKey];
    (this.state.installations ??= {})[install.clientKey] = install.sharedSecret;
    const headers: Record<string, string> = previous
      ? { authorization: `JWT ${signAsBitbucket(install.clientKey, previous, "POST", "/installed")}` }
      : {};
    return this.post("/installed", lifecyclePayload("installed", install, this.hostBaseUrl), headers);
  }

  async uninstall(install: { clientKey: string; sharedSecret: string; principal: { uuid: string; username: string } }) {
    const res = await this.post("/uninstalled", lifecyclePayload("uninstalled", install, this.hostBaseUrl), {
      authorization: `JWT ${signAsBitbucket(install.clientKey, install.sharedSecret, "POST", "/uninstalled")}`,
    });
    delete this.state.installations?.[install.clientKey];
    return res;
  }

  webhook(clientKey: string, eventKey: string, body: unknown, requestUuid: string = randomUUID(), secret = this.state.installations?.[clientKey] ?? "") {
    return this.post("/webhooks", body, {
      authorization: `JWT ${signAsBitbucket(clientKey, secret, "POST", "/webhooks")}`,
      "x-event-key": eventKey,
      "x-hook-uuid": `{${randomUUID()}}`,
      "x-request-uuid": requestUuid,
      "x-attempt-number": "1",
      "user-agent": "Bitbucket-Webhooks/2.0",
    });
  }
}

/**
 * Delivers an event to the repository webhooks created through the API, as Bitbucket does:
 * the event headers, and X-Hub-Signature (sha256 HMAC of the body) when the hook has a secret.
 */
export async function deliverRepositoryHooks(state: FakeBitbucketState, workspace: string, slug: string, eventKey: string, body: unknown, requestUuid: string = randomUUID()) {
  const raw = JSON.stringify(body);
  const hooks = (state.hooks ?? []).filter((h) => same(h.workspace, workspace) && same(h.slug, slug) && h.events.includes(eventKey));
  return Promise.all(
    hooks.map(async (h) => {
      const res = await fetch(h.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "x-event-key": eventKey,
          "x-hook-uuid": h.uuid,
          "x-request-uuid": requestUuid,
          "x-attempt-number": "1",
          ...(h.secret ? { "x-hub-signature": `sha256=${createHmac("sha256", h.secret).update(raw).digest("hex")}` } : {}),
        },
        body: raw,
      });
      return res.status;
    }),
  );
}
