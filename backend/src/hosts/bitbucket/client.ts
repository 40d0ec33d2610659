import { HostCallError, retryAfterSeconds } from "../hostError.js";
import { appRequestToken } from "./connectJwt.js";

/** The scopes Bitbucket says a token has (`x-oauth-scopes: repository, pullrequest`), when it says. */
function grantedScopes(headers: Headers) {
  const header = headers.get("x-oauth-scopes");
  return header === null ? null : header.split(/[\s,]+/).filter(Boolean);
}

/** Bitbucket's error bodies: `{type: "error", error: {message, fields?, detail?}}`. */
interface BitbucketErrorBody {
  message?: string;
  /** Per field, what is wrong with it (`{reviewers: ["Malformed reviewers list"]}`). */
  fields?: Record<string, string[]>;
  detail?: { required?: string[] };
}
type Method = "GET" | "POST" | "PUT" | "DELETE";

/** A failed call to Bitbucket; a 400 keeps what it said about each field. */
export class BitbucketError extends HostCallError {
  constructor(
    kind: HostCallError["kind"],
    message: string,
    status?: number,
    retryAfter?: number,
    readonly fields: Record<string, string[]> | null = null,
  ) {
    super(kind, message, status, retryAfter);
  }
}

export type BitbucketAuth = { kind: "connect"; appKey: string; clientKey: string; sharedSecret: string } | { kind: "token"; token: string };

export interface BitbucketUser {
  uuid?: string;
  display_name?: string;
  account_id?: string;
  nickname?: string;
}
/** A pull request comment (pullrequest_comment), as webhooks and the comments list carry it. */
export interface BitbucketComment {
  id?: number;
  deleted?: boolean;
  content?: { raw?: string };
  user?: BitbucketUser;
  created_on?: string;
  links?: { html?: { href?: string } };
}
export interface BitbucketPullRequest {
  id: number;
  title?: string;
  description?: string;
  state?: string;
  author?: BitbucketUser;
  created_on?: string;
  updated_on?: string;
  source?: { branch?: { name?: string }; commit?: { hash?: string }; repository?: { full_name?: string } };
  destination?: { branch?: { name?: string }; commit?: { hash?: string }; repository?: { full_name?: string } };
  participants?: { user?: BitbucketUser; role?: string; approved?: boolean; state?: string | null }[];
  reviewers?: BitbucketUser[];
  links?: { html?: { href?: string } };
}
/**
 * One file's entry in a diffstat (the OpenAPI's `diffstat`): `old` is null for an added file,
 * `new` for a removed one; besides added, removed, modified and renamed, `status` names conflicts.
 */
export interface BitbucketDiffstat {
  status?: string;
  lines_added?: number;
  lines_removed?: number;
  old?: { path?: string } | null;
  new?: { path?: string } | null;
}
/** POST …/commit/{commit}/statuses/build (developer.atlassian.com/cloud/bitbucket/rest/api-group-commit-statuses). */
export interface BitbucketBuildStatus {
  key: string;
  state: "SUCCESSFUL" | "FAILED" | "INPROGRESS" | "STOPPED";
  name: string;
  description: string;
  url: string;
  refname: string;
}

/**
 * A small client for api.bitbucket.org/2.0, as the Connect app (a fresh JWT per request) or
 * with an access token. 429 carries Retry-After when Bitbucket sends one (limits are per
 * rolling hour).
 */
export class BitbucketClient {
  constructor(
    private readonly apiUrl: string,
    private readonly auth: BitbucketAuth,
    private readonly timeoutMs = 15_000,
  ) {}

  private async request<T>(method: Method, path: string, body?: unknown): Promise<T> {
    return (await this.exchange<T>(method, path, body)).body;
  }

  /** A JSON body is sent as JSON; form fields (URLSearchParams) as a form, as `POST …/src` takes them. */
  private async exchange<T>(method: Method, path: string, body?: unknown, { hops = 0, raw = false } = {}): Promise<{ body: T; headers: Headers }> {
    const url = new URL(`${this.apiUrl}${path}`);
    const authorization = this.auth.kind === "connect" ? `JWT ${appRequestToken(method, url, this.auth)}` : `Bearer ${this.auth.token}`;
    const form = body instanceof URLSearchParams;
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers: {
          authorization,
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": form ? "application/x-www-form-urlencoded" : "application/json" }),
        },
        body: body === undefined ? undefined : form ? body.toString() : JSON.stringify(body),
        // Followed below: a Connect JWT is bound to the path it was made for (qsh), so the next hop needs a token of its own.
        redirect: "manual",
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new BitbucketError("unreachable", `Bitbucket could not be reached (${(err as Error).message})`);
    }
    const location = res.status >= 300 && res.status < 400 ? res.headers.get("location") : null;
    if (location && method === "GET" && hops < 3) {
      // Only its path is followed, against our own API URL (as `next` links are): credentials never go elsewhere.
      const target = new URL(location, url);
      return this.exchange<T>("GET", `${target.pathname}${target.search}`, undefined, { hops: hops + 1, raw });
    }
    if (res.ok) {
      // 204, and a commit's 201, have no body.
      const text = await res.text();
      return { body: (raw ? text : text ? JSON.parse(text) : undefined) as T, headers: res.headers };
    }
    const error = ((await res.json().catch(() => null)) as { error?: BitbucketErrorBody } | null)?.error;
    // A 403 for scopes names the ones needed (`detail.required`): a person can make a token with them.
    const needs = res.status === 403 && error?.detail?.required?.length ? ` (needs ${error.detail.required.join(", ")})` : "";
    const message = error?.message ? `Bitbucket answered ${res.status}: ${error.message}${needs}` : `Bitbucket answered ${res.status}`;
    const fields = error?.fields ?? null;
    if (res.status === 429) throw new BitbucketError("rate_limited", message, 429, retryAfterSeconds(res.headers));
    if (res.status === 401) throw new BitbucketError("auth", message, 401);
    if (res.status === 403) throw new BitbucketError("forbidden", message, 403);
    if (res.status === 404) throw new BitbucketError("not_found", message, 404);
    if (res.status === 400) throw new BitbucketError("invalid", message, 400, undefined, fields);
    if (res.status === 409) throw new BitbucketError("conflict", message, 409);
    throw new BitbucketError("server", message, res.status);
  }

  /** A list's values, page after page while `next` links more (its path only, as `repositories`), up to `max`. */
  private async pages<T>(path: string, max: number) {
    const values: T[] = [];
    let size: number | null = null;
    let next: string | null = path;
    while (next && values.length < max) {
      const page: { values: T[]; next?: string; size?: number } = await this.request("GET", next);
      values.push(...page.values);
      size ??= page.size ?? null;
      const link: URL | null = page.next ? new URL(page.next) : null;
      next = link ? `${link.pathname}${link.search}` : null;
    }
    return { values: values.slice(0, max), size, complete: !next && values.length <= max };
  }
  /**
   * A pull request's changed files with line counts (…/pullrequests/{id}/diffstat, which
   * redirects to the repository's diffstat of the PR's revspec) and its commits.
   */
  async pullRequestChanges(workspace: string, repository: string, id: number, limits: { files: number; commits: number }) {
    const pr = `/2.0/repositories/${encodeURIComponent(workspace)}/${encodeURIComponent(repository)}/pullrequests/${id}`;
    const [files, commits] = await Promise.all([
      this.pages<BitbucketDiffstat>(`${pr}/diffstat?pagelen=100`, limits.files),
      this.pages<{ hash: string; message?: string }>(`${pr}/commits?pagelen=50`, limits.commits),
    ]);
    return { files, commits };
  }
  /** What Sentry calls to prove a freshly posted shared secret: the principal's workspace hooks. */
  workspaceHooks(workspaceUuid: string) {
    return this.request<{ values: unknown[] }>("GET", `/2.0/workspaces/${encodeURIComponent(workspaceUuid)}/hooks`);
  }
  /** A user's permission in a workspace (owner = administrator), or null when they are not a member; a Forge app knows them by account id. */
  async workspacePermission(workspace: string, user: { uuid: string } | { accountId: string }) {
    const q = encodeURIComponent("uuid" in user ? `user.uuid="${user.uuid}"` : `user.account_id="${user.accountId}"`);
    const page = await this.request<{ values: { permission?: string }[] }>("GET", `/2.0/workspaces/${encodeURIComponent(workspace)}/permissions?q=${q}`);
    return page.values[0]?.permission ?? null;
  }
  /** An account by Atlassian account id or {uuid} (a Forge app knows people by account id; links are by uuid). */
  user(who: string) {
    return this.request<BitbucketUser>("GET", `/2.0/users/${encodeURIComponent(who)}`);
  }
  /** A repository by slug or {uuid}: its full name, which pull request links use. */
  repository(workspace: string, repository: string) {
    return this.request<{ uuid: string; full_name: string }>("GET", `/2.0/repositories/${encodeURIComponent(workspace)}/${encodeURIComponent(repository)}`);
  }
  /** A workspace by slug or {uuid}: a Forge installation knows its workspace's uuid only. */
  workspace(workspace: string) {
    return this.request<{ uuid: string; slug: string; name?: string }>("GET", `/2.0/workspaces/${encodeURIComponent(workspace)}`);
  }
  /** One comment on a pull request (a Forge event names it by id). */
  pullRequestComment(workspace: string, repository: string, id: number, commentId: number) {
    return this.request<BitbucketComment>(
      "GET",
      `/2.0/repositories/${encodeURIComponent(workspace)}/${encodeURIComponent(repository)}/pullrequests/${id}/comments/${commentId}`,
    );
  }
  pullRequest(workspace: string, repository: string, id: number) {
    return this.request<BitbucketPullRequest>("GET", `/2.0/repositories/${encodeURIComponent(workspace)}/${encodeURIComponent(repository)}/pullrequests/${id}`);
  }
  /** Webhook payloads carry 12-character hashes; statuses need the full one. */
  commit(workspace: string, repository: string, hash: string) {
    return this.request<{ hash: string }>(
      "GET",
      `/2.0/repositories/${encodeURIComponent(workspace)}/${encodeURIComponent(repository)}/commit/${encodeURIComponent(hash)}`,
    );
  }
  postBuildStatus(workspace: string, repository: string, commit: string, status: BitbucketBuildStatus) {
    return this.request<{ uuid?: string; key: string }>(
      "POST",
      `/2.0/repositories/${encodeURIComponent(workspace)}/${encodeURIComponent(repository)}/commit/${encodeURIComponent(commit)}/statuses/build`,
      status,
    );
  }
  /**
   * Every repository of a workspace. Bitbucket pages lists (`pagelen` at most 100) and links the
   * next page while more remain; only its path is followed, against our own API URL, so a link
   * can never send the credentials elsewhere.
   */
  async repositories(workspace: string) {
    type Repository = { slug: string; uuid: string; name?: string; workspace?: { uuid?: string } };
    const all: Repository[] = [];
    let path: string | null = `/2.0/repositories/${encodeURIComponent(workspace)}?pagelen=100`;
    let scopes: string[] | null = null;
    while (path) {
      const page: { body: { values: Repository[]; next?: string }; headers: Headers } = await this.exchange("GET", path);
      all.push(...page.body.values);
      scopes ??= grantedScopes(page.headers);
      const next: URL | null = page.body.next ? new URL(page.body.next) : null;
      path = next ? `${next.pathname}${next.search}` : null;
    }
    return { repositories: all, scopes };
  }
  /** Who the credentials act for (needs the account scope). */
  currentUser() {
    return this.request<BitbucketUser>("GET", "/2.0/user");
  }
  /** The caller's membership of one workspace (user/permissions/workspaces, filtered by slug as documented); null if none. */
  async workspaceMembership(slug: string) {
    const q = `workspace.slug = "${slug.replace(/[\\"]/g, "\\$&")}"`;
    const page = await this.request<{ values: { permission: string; workspace: { uuid: string; slug: string } }[] }>(
      "GET",
      `/2.0/user/permissions/workspaces?q=${encodeURIComponent(q)}`,
    );
    return page.values[0] ?? null;
  }
  /** A workspace's most recently updated repositories (the first page of `sort=-updated_on`). */
  async recentRepositories(workspace: string, pagelen: number) {
    const page = await this.request<{ values: { slug: string; full_name?: string }[] }>(
      "GET",
      `/2.0/repositories/${encodeURIComponent(workspace)}?sort=-updated_on&pagelen=${pagelen}`,
    );
    return page.values;
  }
  /**
   * A repository's pull requests in every state but superseded, most recently updated first,
   * that match a filter (developer.atlassian.com/cloud/bitbucket/rest/intro/#filtering);
   * without `state`, Bitbucket lists open ones only.
   */
  async findPullRequests(workspace: string, repository: string, filter: string | null, pagelen: number) {
    const query = new URLSearchParams([
      ["state", "OPEN"] as [string, string],
      ["state", "MERGED"],
      ["state", "DECLINED"],
      ["sort", "-updated_on"],
      ["pagelen", String(pagelen)],
      ...(filter ? [["q", filter] as [string, string]] : []),
    ]);
    const page = await this.request<{ values: BitbucketPullRequest[] }>(
      "GET",
      `/2.0/repositories/${encodeURIComponent(workspace)}/${encodeURIComponent(repository)}/pullrequests?${query.toString().replace(/\+/g, "%20")}`,
    );
    return page.values;
  }
  /**
   * One page of a repository's pull requests in every state updated since `since` and created
   * by `until`, newest first by creation (so pages stay put while others are updated), with their
   * participants (left out of lists unless asked for, as a partial response). `next`: the path of
   * the page after, as Bitbucket linked it.
   */
  async pullRequestHistoryPage(workspace: string, repository: string, window: { since: Date; until: Date }, next: string | null) {
    const at = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "+00:00");
    const first = new URLSearchParams([
      ...["OPEN", "MERGED", "DECLINED", "SUPERSEDED"].map((state) => ["state", state] as [string, string]),
      ["q", `updated_on >= ${at(window.since)} AND created_on <= ${at(window.until)}`],
      ["sort", "-created_on"],
      ["fields", "+values.participants"],
      ["pagelen", "50"],
    ]);
    const path =
      next ?? `/2.0/repositories/${encodeURIComponent(workspace)}/${encodeURIComponent(repository)}/pullrequests?${first.toString().replace(/\+/g, "%20")}`;
    const page = await this.request<{ values: BitbucketPullRequest[]; next?: string; size?: number }>("GET", path);
    const link = page.next ? new URL(page.next) : null;
    return { values: page.values, size: page.size ?? null, next: link ? `${link.pathname}${link.search}` : null };
  }
  /** One page of a pull request's comments, oldest first; `next` as pullRequestHistoryPage's. */
  async pullRequestComments(workspace: string, repository: string, id: number, next: string | null) {
    const path = next ?? `/2.0/repositories/${encodeURIComponent(workspace)}/${encodeURIComponent(repository)}/pullrequests/${id}/comments?pagelen=100`;
    const page = await this.request<{ values: BitbucketComment[]; next?: string }>("GET", path);
    const link = page.next ? new URL(page.next) : null;
    return { values: page.values, next: link ? `${link.pathname}${link.search}` : null };
  }
  /** Needs the pullrequest scope; a cheap way to test for it. */
  pullRequests(workspace: string, repository: string) {
    return this.request<{ values: BitbucketPullRequest[] }>(
      "GET",
      `/2.0/repositories/${encodeURIComponent(workspace)}/${encodeURIComponent(repository)}/pullrequests?pagelen=1`,
    );
  }
  repositoryHooks(workspace: string, repository: string) {
    return this.request<{ values: { uuid: string; url: string }[] }>(
      "GET",
      `/2.0/repositories/${encodeURIComponent(workspace)}/${encodeURIComponent(repository)}/hooks`,
    );
  }
  /** Bitbucket signs each delivery with `secret` (X-Hub-Signature: sha256=…). */
  createRepositoryHook(workspace: string, repository: string, hook: { description: string; url: string; events: string[]; secret: string }) {
    return this.request<{ uuid: string }>("POST", `/2.0/repositories/${encodeURIComponent(workspace)}/${encodeURIComponent(repository)}/hooks`, {
      ...hook,
      active: true,
    });
  }
  deleteRepositoryHook(workspace: string, repository: string, uuid: string) {
    return this.request<void>(
      "DELETE",
      `/2.0/repositories/${encodeURIComponent(workspace)}/${encodeURIComponent(repository)}/hooks/${encodeURIComponent(uuid)}`,
    );
  }

  /** The repository's main branch (where pull requests go unless told otherwise); null in an empty repository. */
  async mainBranch(workspace: string, repository: string) {
    const repo = await this.request<{ mainbranch?: { name?: string } | null }>("GET", repoPath(workspace, repository));
    return repo.mainbranch?.name ?? null;
  }
  /** A branch's head commit, or null when there is no such branch (names without refs/heads/). */
  async branchHead(workspace: string, repository: string, branch: string) {
    const found = await this.request<{ target?: { hash?: string } }>(
      "GET",
      `${repoPath(workspace, repository)}/refs/branches/${encodeURIComponent(branch)}`,
    ).catch(missingAsNull);
    return found?.target?.hash ?? null;
  }
  /** A file's text in a commit (its raw contents), or null when it is not there. */
  async fileText(workspace: string, repository: string, commit: string, path: string) {
    const encoded = path.split("/").map(encodeURIComponent).join("/");
    const url = `${repoPath(workspace, repository)}/src/${encodeURIComponent(commit)}/${encoded}`;
    return (await this.exchange<string>("GET", url, undefined, { raw: true }).catch(missingAsNull))?.body ?? null;
  }
  /**
   * One commit that writes a file on a branch, on top of `parent`: a new branch starts there, and
   * an existing one must still have it as its head, else 409. Bitbucket answers 201 with the
   * commit in `Location`; its hash is returned.
   */
  async commitFile(workspace: string, repository: string, commit: { branch: string; parent: string; path: string; content: string; message: string }) {
    const form = new URLSearchParams([
      // A leading slash marks a file, whatever its name (`message` would be the commit message).
      [`/${commit.path.replace(/^\/+/, "")}`, commit.content],
      ["message", commit.message],
      ["branch", commit.branch],
      ["parents", commit.parent],
    ]);
    const { headers } = await this.exchange<void>("POST", `${repoPath(workspace, repository)}/src`, form);
    return headers.get("location")?.split("/").pop() ?? null;
  }
  /** Open pull requests from one branch to another. */
  async openPullRequestsBetween(workspace: string, repository: string, source: string, destination: string) {
    const quoted = (s: string) => `"${s.replace(/[\\"]/g, "\\$&")}"`;
    const q = `source.branch.name = ${quoted(source)} AND destination.branch.name = ${quoted(destination)}`;
    const query = new URLSearchParams([
      ["q", q],
      ["state", "OPEN"],
      ["fields", "+values.reviewers"],
    ]);
    const page = await this.request<{ values: BitbucketPullRequest[] }>(
      "GET",
      `${repoPath(workspace, repository)}/pullrequests?${query.toString().replace(/\+/g, "%20")}`,
    );
    return page.values;
  }
  createPullRequest(
    workspace: string,
    repository: string,
    pr: { title: string; description: string; source: string; destination: string; reviewers: { uuid: string }[] },
  ) {
    return this.request<BitbucketPullRequest>("POST", `${repoPath(workspace, repository)}/pullrequests`, {
      title: pr.title,
      description: pr.description,
      source: { branch: { name: pr.source } },
      destination: { branch: { name: pr.destination } },
      reviewers: pr.reviewers,
    });
  }
  /** Changes an open pull request; Bitbucket clears the reviewers a PUT leaves out, so they are always sent. */
  updatePullRequest(workspace: string, repository: string, id: number, change: { title: string; reviewers: { uuid: string }[]; description?: string }) {
    return this.request<BitbucketPullRequest>("PUT", `${repoPath(workspace, repository)}/pullrequests/${id}`, change);
  }
}

const repoPath = (workspace: string, repository: string) => `/2.0/repositories/${encodeURIComponent(workspace)}/${encodeURIComponent(repository)}`;
const missingAsNull = (err: unknown) => {
  if (err instanceof BitbucketError && err.kind === "not_found") return null;
  throw err;
};
