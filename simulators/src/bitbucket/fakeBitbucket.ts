import { createHmac, randomUUID } from "node:crypto";
import * as jwt from "atlassian-jwt";
import fs from "node:fs";
import path from "node:path";
import { FakeHost, type ContractCheck, type FakeRequest, type FakeResponse } from "../fakeHost.js";
import { HostContract } from "../hostContract.js";
import { FilterError, parseFilter } from "./filter.js";
import { oauthRoutes } from "./oauth.js";
import { bitbucketWorkspaceUuid } from "./identities.js";
import { sourceWriteRoutes, type FakeAccount, type FakeBitbucketSource } from "./fakeSource.js";
import { FORGE_GATEWAY, type ForgeSystemToken } from "./fakeForge.js";
import { BITBUCKET_TOKEN_SCOPES } from "@groundwork/shared-types/labels";
import type { BitbucketBuildStatus, BitbucketComment, BitbucketDiffstat, BitbucketPullRequest } from "@groundwork/backend/hosts/bitbucket/client";

/**
 * A fake Bitbucket Cloud: the REST paths we call on api.bitbucket.org/2.0 (user, repositories,
 * workspace hooks, pull requests, commits, build statuses — developer.atlassian.com/cloud/bitbucket/rest),
 * authenticated as a Connect app (a JWT with iss = app key, sub = clientKey, qsh, signed with
 * that installation's shared secret) or with an access token; and Bitbucket's side of the
 * Connect lifecycle and webhooks (developer.atlassian.com/cloud/bitbucket/authentication-for-apps,
 * support.atlassian.com/bitbucket-cloud/docs/event-payloads): the first `installed` unsigned,
 * later ones and `uninstalled` signed with the previous secret, webhooks with X-Event-Key,
 * X-Hook-UUID, X-Request-UUID, X-Attempt-Number and a JWT.
 *
 * Every API request is first checked against the contract derived from Bitbucket's OpenAPI
 * description (simulators/src/contracts/bitbucket.json): an unknown route answers 404, a
 * body missing a required field 400 (both contract violations, which fail the test that caused
 * them), and credentials lacking a scope 403 as Bitbucket words it. The app has the scopes its
 * descriptor declares; an access token its own, which responses to it list in `x-oauth-scopes`.
 * Lists page with `pagelen` and a `next` link, at most `maxPagelen` (2 unless set) a page.
 */
export interface FakeBitbucketState {
  token?: string;
  /** What the access token may do (repository, pullrequest and webhook when unset). */
  tokenScopes?: string[];
  /** More access tokens for the same workspace, each with its scopes. */
  otherTokens?: { token: string; scopes: string[] }[];
  /** The app key its descriptor declares ("groundwork" unless set) and the scopes it asks for (the descriptor's). */
  appKey?: string;
  appScopes?: string[];
  /** The largest page a list answers with, whatever `pagelen` asks. */
  maxPagelen?: number;
  /**
   * The allowance per credentials (Bitbucket's is 1,000 calls in a rolling hour for most
   * repository resources): beyond it, 429 with no Retry-After, as documented; counted in `throttled`.
   */
  rateLimit?: { requests: number; windowMs: number };
  throttled?: number;
  /** Repository webhooks created through the API, with the secret Bitbucket signs deliveries with. */
  hooks?: { uuid: string; workspace: string; slug: string; url: string; events: string[]; secret?: string }[];
  user: { uuid: string; display_name: string; account_id: string };
  repositories: { workspace: string; slug: string; uuid: string }[];
  /** Who belongs to which workspace (by slug or {uuid}), with their permission (owner = administrator). */
  workspaceMembers?: { workspace: string; uuid: string; permission: "owner" | "collaborator" | "member" }[];
  /** Installations Bitbucket itself made: the secrets it will accept API calls signed with. */
  installations?: Record<string, string>;
  /** Each with the files it changes (diffstat entries) and its commits, newest first, where a test gives them. */
  pullRequests?: {
    workspace: string;
    slug: string;
    pr: BitbucketPullRequest;
    diffstat?: BitbucketDiffstat[];
    commits?: { hash: string; message: string }[];
    /** Its comments, oldest first (pullrequest_comment). */
    comments?: BitbucketComment[];
  }[];
  /** Full commit hashes; abbreviated ones resolve by prefix. */
  commits?: string[];
  statuses?: (BitbucketBuildStatus & { workspace: string; slug: string; commit: string })[];
  /** OAuth consumers (Workspace settings → OAuth consumers): key, secret and the callback URL configured. */
  oauthConsumers?: { key: string; secret: string; callbackUrl: string }[];
  /** Authorization codes handed out by the consent page, each good once for a few minutes. */
  oauthCodes?: { code: string; key: string; user: BitbucketUserState; expiresAt: number; used: boolean }[];
  /** Access tokens people got by signing in through a consumer: each acts as its user, with the account scope. */
  userTokens?: { token: string; user: BitbucketUserState; scopes: string[] }[];
  /** Other Bitbucket accounts (reviewers); membership of a workspace is in workspaceMembers. */
  people?: FakeAccount[];
  /** Each repository's branches and commits ("workspace/slug" → …), made on first use. */
  sources?: Record<string, FakeBitbucketSource>;
  /**
   * App system tokens Forge minted (fakeForge's): taken only through the API gateway path of
   * their installation's workspace, until they expire, with the granular scopes the app declares.
   */
  forgeTokens?: ForgeSystemToken[];
}
export type BitbucketUserState = FakeBitbucketState["user"];

/** What Groundwork's access-token features need (repository, pullrequest, webhook). */
export const FULL_BITBUCKET_SCOPES = BITBUCKET_TOKEN_SCOPES.map((s) => s.scope);
const DESCRIPTOR_SCOPES = (JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "../../../atlassian-connect.json"), "utf8")) as { scopes: string[] })
  .scopes;

const error = (status: number, message: string, extra: Record<string, unknown> = {}): FakeResponse => ({
  status,
  body: { type: "error", error: { message, ...extra } },
});
const same = (a: string | undefined, b: string | undefined) => a?.toLowerCase() === b?.toLowerCase();
const contract = new HostContract("bitbucket");

/** Bitbucket documents a 429 with no Retry-After (bitbucket.org/blog/introducing-scaled-rate-limits-for-bitbucket-cloud-api). */
/** Who a Connect app's own calls act as: the app's bot account, the author of what it makes. */
export const BITBUCKET_APP_ACCOUNT: FakeAccount = { uuid: "{6a7c2f10-0000-4000-8000-00000000a991}", display_name: "Groundwork", account_id: "groundwork-app" };

export const bitbucketThrottled = (): FakeResponse => error(429, "Rate limit for this resource has been exceeded");

/** A webhook needs the scope of each event it subscribes to (the create-webhook operation's description). */
const EVENT_SCOPES: Record<string, string> = { pullrequest: "pullrequest", repo: "repository", issue: "issue" };

export function fakeBitbucket(state: FakeBitbucketState) {
  const appKey = () => state.appKey ?? "groundwork";
  type Caller = { kind: "app" | "token" | "forge"; scopes: string[]; user?: BitbucketUserState };
  /**
   * Connect JWT (as the app: the scopes its descriptor declared), access token (its scopes), or a
   * Forge app's system token through the gateway (its granular scopes), checked the way Bitbucket documents.
   */
  const callerOf = (req: Omit<FakeRequest, "params">): Caller | null => {
    const header = req.headers.authorization ?? "";
    const forge = state.forgeTokens?.find((t) => header === `Bearer ${t.token}`);
    if (forge || req.gateway)
      return forge && forge.expiresAt > Date.now() && req.gateway?.toLowerCase() === `/ex/bitbucket/${forge.workspaceUuid.slice(1, -1)}`
        ? { kind: "forge", scopes: forge.scopes, user: BITBUCKET_APP_ACCOUNT }
        : null;
    const tokens = [...(state.token ? [{ token: state.token, scopes: state.tokenScopes ?? FULL_BITBUCKET_SCOPES }] : []), ...(state.otherTokens ?? [])];
    const token = tokens.find((t) => header === `Bearer ${t.token}`);
    if (token) return { kind: "token", scopes: token.scopes };
    const signedIn = state.userTokens?.find((t) => header === `Bearer ${t.token}`);
    if (signedIn) return { kind: "token", scopes: signedIn.scopes, user: signedIn.user };
    if (!header.startsWith("JWT ")) return null;
    const raw = header.slice(4);
    try {
      const claimed = jwt.decodeSymmetric(raw, "", jwt.SymmetricAlgorithm.HS256, true) as { iss?: string; sub?: string };
      const secret = claimed.sub ? state.installations?.[claimed.sub] : undefined;
      if (claimed.iss !== appKey() || !secret) return null;
      const claims = jwt.decodeSymmetric(raw, secret, jwt.SymmetricAlgorithm.HS256) as { exp: number; qsh: string };
      const query = req.query.toString();
      const qsh = jwt.createQueryStringHash(jwt.fromMethodAndUrl(req.method, `${req.path}${query ? `?${query}` : ""}`));
      return claims.exp > Date.now() / 1000 && claims.qsh === qsh ? { kind: "app", scopes: state.appScopes ?? DESCRIPTOR_SCOPES } : null;
    } catch {
      return null;
    }
  };
  /** When each caller's calls within the rate limit's window were made. */
  const calls = new Map<string, number[]>();
  const throttle = (req: Omit<FakeRequest, "params">) => {
    const limit = state.rateLimit;
    if (!limit) return false;
    const now = Date.now();
    // A Connect JWT differs on every call (its qsh): the app's calls count together.
    const who = (req.headers.authorization ?? "").startsWith("JWT ") ? "app" : (req.headers.authorization ?? "");
    const mine = (calls.get(who) ?? []).filter((t) => t > now - limit.windowMs);
    calls.set(who, mine);
    if (mine.length >= limit.requests) {
      state.throttled = (state.throttled ?? 0) + 1;
      return true;
    }
    mine.push(now);
    return false;
  };
  const lacksScopes = (required: string[], granted: string[]) =>
    error(403, "Your credentials lack one or more required privilege scopes.", { detail: { required, granted } });

  const check: ContractCheck = (req) => {
    if (!req.path.startsWith("/2.0/")) return null; // the sandbox's own pages
    const op = contract.operation("api.bitbucket.org", req.method, req.path);
    if (!op) return { respond: error(404, "Resource not found"), violation: `api.bitbucket.org has no operation ${req.method} ${req.path}` };
    const caller = callerOf(req);
    if (!caller) return { respond: error(401, "Token is invalid or expired.") };
    if (throttle(req)) return { respond: bitbucketThrottled() };
    if (caller.kind === "forge" ? !(op.granularScopes ?? []).every((s) => caller.scopes.includes(s)) : !contract.allows(op.scopes, caller.scopes))
      return { respond: lacksScopes(caller.kind === "forge" ? op.granularScopes! : op.scopes, caller.scopes) };
    const missingFields = ["POST", "PUT", "PATCH"].includes(req.method) ? contract.missingFields(op, req.body) : [];
    if (missingFields.length)
      return {
        respond: error(400, "Bad request", { fields: Object.fromEntries(missingFields.map((f) => [f, ["required key not provided"]])) }),
        violation: `the body lacks ${missingFields.join(", ")} (${op.source})`,
      };
    return "allowed";
  };

  /** Answers for a caller the contract check let through; token responses list the token's scopes. */
  const ok = (req: FakeRequest, response: FakeResponse): FakeResponse => {
    const caller = callerOf(req)!;
    return caller.kind === "token" ? { ...response, headers: { ...response.headers, "x-oauth-scopes": caller.scopes.join(", ") } } : response;
  };
  /** One page of a list, as Bitbucket pages: `pagelen` (at most maxPagelen), `page`, and `next` while more remain. */
  const paged = (req: FakeRequest, all: unknown[]): FakeResponse => {
    const pagelen = Math.max(1, Math.min(Number(req.query.get("pagelen") ?? 10) || 10, state.maxPagelen ?? 2));
    const page = Math.max(1, Number(req.query.get("page") ?? 1) || 1);
    const values = all.slice((page - 1) * pagelen, page * pagelen);
    const next = new URL(`https://api.bitbucket.org${req.path}?${req.query.toString()}`);
    next.searchParams.set("page", String(page + 1));
    return ok(req, { status: 200, body: { pagelen, size: all.length, page, values, ...(page * pagelen < all.length ? { next: next.toString() } : {}) } });
  };
  /** One page of what a list's `q` keeps (Bitbucket's filter language); a query it cannot parse is refused with 400. */
  const filteredPage = (req: FakeRequest, all: unknown[], fields?: string[]): FakeResponse => {
    const q = req.query.get("q");
    if (!q) return paged(req, all);
    try {
      return paged(req, all.filter(parseFilter(q, fields)));
    } catch (err) {
      if (err instanceof FilterError) return error(400, `Invalid query: ${err.message}`);
      throw err;
    }
  };
  const repo = (req: FakeRequest) => state.repositories.find((r) => same(r.workspace, req.params.workspace) && same(r.slug, req.params.repo));
  const pullRequestOf = (req: FakeRequest) =>
    state.pullRequests?.find((p) => same(p.workspace, req.params.workspace) && same(p.slug, req.params.repo) && p.pr.id === Number(req.params.id));
  const fullHash = (hash: string | undefined) => (hash && hash.length >= 7 ? state.commits?.find((c) => c.startsWith(hash.toLowerCase())) : undefined);

  const accounts = () => [state.user, BITBUCKET_APP_ACCOUNT, ...(state.people ?? []), ...(state.userTokens ?? []).map((t) => t.user)];

  const host = new FakeHost(
    "Bitbucket",
    [
      ...sourceWriteRoutes({
        sources: () => (state.sources ??= {}),
        pullRequests: () => (state.pullRequests ??= []),
        repository: (req) => repo(req) ?? null,
        author: (req) => {
          const caller = callerOf(req)!;
          return caller.kind === "token" ? (caller.user ?? state.user) : BITBUCKET_APP_ACCOUNT;
        },
        account: (uuid) => accounts().find((a) => same(a.uuid, uuid)) ?? null,
        isMember: (workspace, uuid) =>
          same(uuid, BITBUCKET_APP_ACCOUNT.uuid) ||
          (state.workspaceMembers ?? []).some((m) => (same(m.workspace, workspace) || m.workspace === bitbucketWorkspaceUuid(workspace)) && same(m.uuid, uuid)),
        remember: (hash) => {
          if (!(state.commits ??= []).includes(hash)) state.commits.push(hash);
        },
        ok,
        error,
      }),
      {
        method: "GET",
        path: "/2.0/user",
        handle: (req) => ok(req, { status: 200, body: { type: "user", ...(callerOf(req)!.user ?? state.user) } }),
      },
      {
        method: "GET",
        path: "/2.0/users/:who",
        // By {uuid} or Atlassian account id, as the operation documents.
        handle: (req) => {
          const who = accounts().find((a) => same(a.uuid, req.params.who) || a.account_id === req.params.who);
          return who ? ok(req, { status: 200, body: { type: "user", ...who } }) : error(404, `${req.params.who} is not a user`);
        },
      },
      {
        method: "GET",
        path: "/2.0/user/permissions/workspaces",
        // The caller's workspace memberships, filtered by `q` (workspace.slug, workspace.uuid, permission).
        handle: (req) => {
          const me = callerOf(req)!.user ?? state.user;
          const rows = (state.workspaceMembers ?? [])
            .filter((m) => same(m.uuid, me.uuid))
            .map((m) => ({
              type: "workspace_membership",
              permission: m.permission,
              user: { type: "user", uuid: me.uuid, display_name: me.display_name },
              workspace: { type: "workspace", slug: m.workspace, uuid: m.workspace.startsWith("{") ? m.workspace : bitbucketWorkspaceUuid(m.workspace) },
            }));
          // The operation documents filtering by workspace.slug and permission only.
          return filteredPage(req, rows, ["workspace.slug", "permission"]);
        },
      },
      ...oauthRoutes(state),
      {
        method: "GET",
        path: "/2.0/repositories/:workspace",
        handle: (req) =>
          paged(
            req,
            state.repositories
              .filter((r) => same(r.workspace, req.params.workspace))
              .map((r) => ({
                type: "repository",
                uuid: r.uuid,
                slug: r.slug,
                full_name: `${r.workspace}/${r.slug}`,
                name: r.slug,
                workspace: { slug: r.workspace, uuid: bitbucketWorkspaceUuid(r.workspace) },
              })),
          ),
      },
      {
        method: "GET",
        path: "/2.0/workspaces/:workspace",
        handle: (req) => {
          const known = state.repositories.find((r) => same(r.workspace, req.params.workspace));
          return known
            ? ok(req, { status: 200, body: { type: "workspace", uuid: bitbucketWorkspaceUuid(known.workspace), slug: known.workspace, name: known.workspace } })
            : error(404, "Workspace not found");
        },
      },
      {
        method: "GET",
        path: "/2.0/workspaces/:workspace/permissions",
        // Filtered as Bitbucket filters (developer.atlassian.com/cloud/bitbucket/rest/intro/#filtering): user.uuid and permission.
        handle: (req) => {
          const q = req.query.get("q") ?? "";
          const user = /user\.uuid\s*=\s*"([^"]+)"/.exec(q)?.[1];
          // A Forge app knows people by Atlassian account id (its invocation's `principal`).
          const accountId = /user\.account_id\s*=\s*"([^"]+)"/.exec(q)?.[1];
          const account = accountId ? accounts().find((a) => a.account_id === accountId) : undefined;
          const permission = /permission\s*=\s*"([^"]+)"/.exec(q)?.[1];
          if (accountId && !account) return paged(req, []);
          const members = (state.workspaceMembers ?? []).filter(
            (m) =>
              same(m.workspace, req.params.workspace) &&
              (!user || same(m.uuid, user)) &&
              (!account || same(m.uuid, account.uuid)) &&
              (!permission || m.permission === permission),
          );
          return paged(
            req,
            members.map((m) => ({
              type: "workspace_membership",
              permission: m.permission,
              user: { type: "user", uuid: m.uuid, account_id: accounts().find((a) => same(a.uuid, m.uuid))?.account_id },
              workspace: { slug: m.workspace },
            })),
          );
        },
      },
      {
        method: "GET",
        path: "/2.0/workspaces/:workspace/hooks",
        handle: (req) => paged(req, []),
      },
      {
        method: "GET",
        path: "/2.0/repositories/:workspace/:repo/pullrequests",
        // Open ones unless `state` (repeatable) says otherwise; filtered by `q` and ordered by `sort` as the API's intro documents.
        handle: (req) => {
          if (!repo(req)) return error(404, "Repository not found");
          const states = req.query.getAll("state").map((x) => x.toUpperCase());
          const sort = req.query.get("sort");
          const field = sort?.replace(/^-/, "");
          if (field && !["id", "created_on", "updated_on", "title"].includes(field)) return error(400, `Invalid sort field: ${field}`);
          const found = (state.pullRequests ?? [])
            .filter((p) => same(p.workspace, req.params.workspace) && same(p.slug, req.params.repo))
            .map((p) => p.pr)
            .filter((pr) => (states.length ? states : ["OPEN"]).includes(pr.state ?? "OPEN"));
          if (field) {
            const key = field as "id" | "created_on" | "updated_on" | "title";
            found.sort((a, b) => String(a[key] ?? "").localeCompare(String(b[key] ?? ""), undefined, { numeric: true }) * (sort!.startsWith("-") ? -1 : 1));
          }
          // Listed pull requests leave out their participants and reviewers unless a partial
          // response asks for them (`fields=+values.participants`; the API intro's "Partial responses").
          const asked = (req.query.get("fields") ?? "").split(",").map((f) => f.trim());
          const listed = found.map(({ participants, reviewers, ...rest }) => ({
            ...rest,
            ...(asked.includes("+values.participants") ? { participants } : {}),
            ...(asked.includes("+values.reviewers") ? { reviewers } : {}),
          }));
          return filteredPage(req, listed);
        },
      },
      {
        method: "GET",
        path: "/2.0/repositories/:workspace/:repo/hooks",
        handle: (req) =>
          repo(req)
            ? paged(
                req,
                (state.hooks ?? []).filter((h) => same(h.workspace, req.params.workspace) && same(h.slug, req.params.repo)).map(({ secret: _s, ...h }) => h),
              )
            : error(404, "Repository not found"),
      },
      {
        method: "POST",
        path: "/2.0/repositories/:workspace/:repo/hooks",
        handle: (req) => {
          const r = repo(req);
          if (!r) return error(404, "Repository not found");
          const body = JSON.parse(req.body) as { url: string; events: string[]; secret?: string; description?: string };
          const caller = callerOf(req)!;
          const needed = [...new Set(body.events.map((e) => EVENT_SCOPES[e.split(":")[0]!]).filter((x): x is string => Boolean(x)))];
          if (!contract.allows(needed, caller.scopes)) return lacksScopes(["webhook", ...needed], caller.scopes);
          const hook = {
            uuid: `{${randomUUID()}}`,
            workspace: r.workspace,
            slug: r.slug,
            url: body.url,
            events: body.events,
            ...(body.secret ? { secret: body.secret } : {}),
          };
          (state.hooks ??= []).push(hook);
          return ok(req, {
            status: 201,
            body: { type: "webhook_subscription", uuid: hook.uuid, url: hook.url, events: hook.events, active: true, secret_set: Boolean(body.secret) },
          });
        },
      },
      {
        method: "DELETE",
        path: "/2.0/repositories/:workspace/:repo/hooks/:uid",
        handle: (req) => {
          const i = (state.hooks ?? []).findIndex((h) => h.uuid === req.params.uid);
          if (i < 0) return error(404, "Webhook not found");
          state.hooks!.splice(i, 1);
          return ok(req, { status: 204 });
        },
      },
      {
        method: "GET",
        path: "/2.0/repositories/:workspace/:repo/pullrequests/:id",
        handle: (req) => {
          const found = pullRequestOf(req);
          if (!found) return error(404, "Pull request not found");
          // Bitbucket names both ends' repository in full (what a Forge event, carrying ids only, is read by).
          const repository = { type: "repository", full_name: `${found.workspace}/${found.slug}`, uuid: repo(req)?.uuid };
          const end = (e: BitbucketPullRequest["source"]) => ({ ...e, repository: { ...repository, ...e?.repository } });
          return ok(req, { status: 200, body: { ...found.pr, source: end(found.pr.source), destination: end(found.pr.destination) } });
        },
      },
      {
        method: "GET",
        path: "/2.0/repositories/:workspace/:repo/pullrequests/:id/diffstat",
        // "Redirects to the repository diffstat with the revspec that corresponds to the pull request" (302, absolute, on api.bitbucket.org).
        handle: (req) => {
          const found = pullRequestOf(req);
          if (!found) return error(404, "Pull request not found");
          const spec = `${found.pr.source?.commit?.hash ?? "0000000"}..${found.pr.destination?.commit?.hash ?? "0000000"}`;
          return ok(req, {
            status: 302,
            headers: { location: `https://api.bitbucket.org/2.0/repositories/${req.params.workspace}/${req.params.repo}/diffstat/${spec}?topic=true` },
          });
        },
      },
      {
        method: "GET",
        path: "/2.0/repositories/:workspace/:repo/diffstat/:spec",
        handle: (req) => {
          if (!repo(req)) return error(404, "Repository not found");
          const [source] = (req.params.spec ?? "").split("..");
          const found = (state.pullRequests ?? []).find(
            (p) => same(p.workspace, req.params.workspace) && same(p.slug, req.params.repo) && p.pr.source?.commit?.hash === source,
          );
          return found
            ? paged(
                req,
                (found.diffstat ?? []).map((d) => ({ type: "diffstat", ...d })),
              )
            : error(404, "Commit not found");
        },
      },
      {
        method: "GET",
        path: "/2.0/repositories/:workspace/:repo/pullrequests/:id/comments",
        handle: (req) => {
          const found = pullRequestOf(req);
          return found
            ? paged(
                req,
                (found.comments ?? []).map((c) => ({ type: "pullrequest_comment", ...c })),
              )
            : error(404, "Pull request not found");
        },
      },
      {
        method: "GET",
        path: "/2.0/repositories/:workspace/:repo/pullrequests/:id/comments/:comment",
        handle: (req) => {
          const comment = pullRequestOf(req)?.comments?.find((c) => c.id === Number(req.params.comment));
          return comment ? ok(req, { status: 200, body: { type: "pullrequest_comment", ...comment } }) : error(404, "Comment not found");
        },
      },
      {
        method: "GET",
        path: "/2.0/repositories/:workspace/:repo/pullrequests/:id/commits",
        handle: (req) => {
          const found = pullRequestOf(req);
          return found
            ? paged(
                req,
                (found.commits ?? []).map((c) => ({ type: "commit", ...c })),
              )
            : error(404, "Pull request not found");
        },
      },
      {
        method: "GET",
        path: "/2.0/repositories/:workspace/:repo/commit/:hash",
        handle: (req) => {
          const hash = repo(req) && fullHash(req.params.hash);
          return hash ? ok(req, { status: 200, body: { type: "commit", hash } }) : error(404, `Commit not found`);
        },
      },
      {
        method: "POST",
        path: "/2.0/repositories/:workspace/:repo/commit/:hash/statuses/build",
        handle: (req) => {
          const r = repo(req);
          const hash = r && fullHash(req.params.hash);
          if (!r || !hash) return error(404, "Repository or commit not found");
          const body = JSON.parse(req.body) as BitbucketBuildStatus;
          const stored = { ...body, workspace: r.workspace, slug: r.slug, commit: hash };
          (state.statuses ??= []).push(stored);
          const now = new Date().toISOString();
          return ok(req, {
            status: 201,
            body: { type: "build", ...body, uuid: `{${randomUUID()}}`, created_on: now, updated_on: now, commit: { hash, type: "commit" } },
          });
        },
      },
    ],
    check,
  );
  host.gateways.push(FORGE_GATEWAY);
  // Bitbucket takes a workspace's or repository's {uuid} wherever it takes its slug.
  host.resolvePath = (path) =>
    path.replace(/^\/2\.0\/(repositories|workspaces)\/([^/]+)(?:\/([^/]+))?/, (whole, kind: string, workspace: string, repository?: string) => {
      const uuidOf = (s: string) => decodeURIComponent(s).toLowerCase();
      const r = state.repositories.find((x) => bitbucketWorkspaceUuid(x.workspace) === uuidOf(workspace) || same(x.workspace, uuidOf(workspace)));
      if (!r || !/^\{/.test(uuidOf(workspace) + (repository ? uuidOf(repository) : ""))) return whole;
      const slug =
        kind === "repositories" && repository
          ? (state.repositories.find((x) => x.workspace === r.workspace && same(x.uuid, uuidOf(repository)))?.slug ?? repository)
          : repository;
      return `/2.0/${kind}/${r.workspace}${slug !== undefined ? `/${slug}` : ""}`;
    });
  return host;
}

/** What Bitbucket posts to the app's lifecycle URLs (host-samples/bitbucket/lifecycle_installed.json). */
export function lifecyclePayload(
  eventType: "installed" | "uninstalled",
  install: { clientKey: string; sharedSecret: string; principal: { uuid: string; username: string } },
  baseUrl = "https://bitbucket.org",
  key = "groundwork",
) {
  return {
    key,
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
  return jwt.encodeSymmetric(
    { iss: clientKey, iat: now, exp: now + 180, qsh, sub: "{00000000-0000-4000-8000-00000000a0a0}", ...overrides },
    secret,
    jwt.SymmetricAlgorithm.HS256,
  );
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
    const headers: Record<string, string> = previous ? { authorization: `JWT ${signAsBitbucket(install.clientKey, previous, "POST", "/installed")}` } : {};
    return this.post("/installed", lifecyclePayload("installed", install, this.hostBaseUrl, this.state.appKey), headers);
  }

  async uninstall(install: { clientKey: string; sharedSecret: string; principal: { uuid: string; username: string } }) {
    const res = await this.post("/uninstalled", lifecyclePayload("uninstalled", install, this.hostBaseUrl, this.state.appKey), {
      authorization: `JWT ${signAsBitbucket(install.clientKey, install.sharedSecret, "POST", "/uninstalled")}`,
    });
    delete this.state.installations?.[install.clientKey];
    return res;
  }

  /** A Connect app's webhook: the event's payload wrapped as `{event, data}`, unlike a repository webhook's. */
  webhook(clientKey: string, eventKey: string, data: unknown, requestUuid: string = randomUUID(), secret = this.state.installations?.[clientKey] ?? "") {
    return this.post(
      "/webhooks",
      { event: eventKey, data },
      {
        authorization: `JWT ${signAsBitbucket(clientKey, secret, "POST", "/webhooks")}`,
        "x-event-key": eventKey,
        "x-hook-uuid": `{${randomUUID()}}`,
        "x-request-uuid": requestUuid,
        "x-attempt-number": "1",
        "user-agent": "Bitbucket-Webhooks/2.0",
      },
    );
  }
}

/**
 * Delivers an event to the repository webhooks created through the API, as Bitbucket does:
 * the event headers, and X-Hub-Signature (sha256 HMAC of the body) when the hook has a secret.
 */
export async function deliverRepositoryHooks(
  state: FakeBitbucketState,
  workspace: string,
  slug: string,
  eventKey: string,
  body: unknown,
  requestUuid: string = randomUUID(),
) {
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
