import { HostCallError, retryAfterSeconds } from "../hostError.js";

export { asJobError } from "../hostError.js";

/** A failed call to Azure DevOps. */
export class AdoError extends HostCallError {}

const API_VERSION = "7.1";

export interface AdoHosts {
  baseUrl: string;
  identityUrl: string;
  /** app.vssps.visualstudio.com: profiles and the organisations a user belongs to, outside any organisation. */
  profileUrl: string;
}

/** How calls authenticate: a PAT (HTTP Basic, empty user name) or a Microsoft Entra ID access token (Bearer), asked for per call so it can be refreshed. */
export type AdoCredential = { pat: string } | { bearer: () => Promise<string> };

interface RequestOptions {
  apiVersion?: string;
  identity?: boolean;
  profile?: boolean;
}

/** An organisation a user belongs to (account/accounts/list). */
export interface AdoAccount {
  accountId: string;
  accountName: string;
}

/** ADO error bodies are `{ message, typeKey, … }`. */
async function errorMessage(res: Response) {
  const body = (await res.json().catch(() => null)) as { message?: unknown } | null;
  return typeof body?.message === "string" ? body.message.slice(0, 500) : `HTTP ${res.status}`;
}

export interface AdoIdentityRef {
  id?: string;
  displayName?: string;
  uniqueName?: string;
}
export interface AdoPullRequest {
  pullRequestId: number;
  title?: string;
  description?: string;
  status?: string;
  isDraft?: boolean;
  createdBy?: AdoIdentityRef;
  creationDate?: string;
  closedDate?: string;
  sourceRefName?: string;
  targetRefName?: string;
  reviewers?: (AdoIdentityRef & { vote?: number })[];
  repository?: { id: string; name: string; project?: { id: string; name: string } };
  /** The source branch's commit the PR was last merged at: a push moves it. */
  lastMergeSourceCommit?: { commitId: string };
}
/** GitPullRequestChange: a file (or folder) an iteration changes; changeType is a flags list ("edit, rename"). */
export interface AdoPullRequestChange {
  changeType?: string;
  item?: { path?: string; gitObjectType?: string; isFolder?: boolean };
  originalPath?: string;
}
/** A pull request as a service hook sends it with resource details "All": nothing more to fetch. */
export const isCompletePullRequest = (pr: Partial<AdoPullRequest>) => pr.title !== undefined && Boolean(pr.repository?.project?.name);

export interface AdoPullRequestStatus {
  state: "notSet" | "pending" | "succeeded" | "failed" | "error" | "notApplicable";
  description: string;
  context: { name: string; genre: string };
  targetUrl: string;
}
/** A comment in a pull request's thread (git/pull-request-threads: Comment). */
export interface AdoPullRequestComment {
  id?: number;
  content?: string;
  author?: AdoIdentityRef;
  commentType?: string | number;
  isDeleted?: boolean;
  publishedDate?: string;
  lastUpdatedDate?: string;
  _links?: { threads?: { href?: string } };
}
export interface AdoCommentThread {
  id: number;
  comments?: AdoPullRequestComment[];
  isDeleted?: boolean;
}
export interface AdoWorkItemComment {
  commentId: number;
  text: string;
  createdBy?: AdoIdentityRef;
  createdDate?: string;
}
export interface AdoIdentity {
  id: string;
  providerDisplayName?: string;
  isActive?: boolean;
  properties?: Record<string, { $value?: string } | undefined>;
}
/** A service-hook subscription (learn.microsoft.com/rest/api/azure/devops/hooks/subscriptions). */
export interface AdoSubscriptionRequest {
  publisherId: "tfs";
  eventType: string;
  resourceVersion: string;
  consumerId: "webHooks";
  consumerActionId: "httpRequest";
  publisherInputs: { projectId: string };
  consumerInputs: Record<string, string>;
}
export interface AdoSubscription extends AdoSubscriptionRequest {
  id: string;
  status?: string;
}
export interface AdoWorkItem {
  id: number;
  rev?: number;
  fields?: Record<string, unknown>;
}

/**
 * A small REST client for one organisation, authenticated with a PAT or an Entra access token
 * (reference/ado.md §3). Azure DevOps often answers a bad PAT with 203 and an HTML sign-in page rather than
 * 401, so any non-JSON answer counts as an authorization failure.
 */
export class AdoClient {
  constructor(
    /** Where the organisation's APIs live (dev.azure.com) and its identities (vssps.dev.azure.com). */
    private readonly hosts: AdoHosts,
    readonly organization: string,
    private readonly credential: AdoCredential,
    private readonly timeoutMs = 15_000,
  ) {}

  private async get<T>(path: string, options: RequestOptions = {}) {
    return (await this.exchange<T>("GET", path, undefined, options)).body;
  }

  private async request<T>(method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE", path: string, body?: unknown, options: RequestOptions = {}): Promise<T> {
    return (await this.exchange<T>(method, path, body, options)).body;
  }

  private async exchange<T>(
    method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE",
    path: string,
    body?: unknown,
    options: RequestOptions = {},
  ): Promise<{ body: T; headers: Headers }> {
    const base = options.profile
      ? this.hosts.profileUrl
      : `${options.identity ? this.hosts.identityUrl : this.hosts.baseUrl}/${encodeURIComponent(this.organization)}`;
    const url = `${base}/${path}${path.includes("?") ? "&" : "?"}api-version=${options.apiVersion ?? API_VERSION}`;
    const authorization =
      "pat" in this.credential ? `Basic ${Buffer.from(`:${this.credential.pat}`).toString("base64")}` : `Bearer ${await this.credential.bearer()}`;
    let res: Response;
    try {
      res = await fetch(url, {
        method,
        headers: {
          authorization,
          accept: "application/json",
          ...(body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        redirect: "manual",
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (err) {
      throw new AdoError("unreachable", `Azure DevOps could not be reached (${(err as Error).message})`);
    }
    const json = (res.headers.get("content-type") ?? "").includes("application/json");
    if (res.status === 429) throw new AdoError("rate_limited", "Azure DevOps is rate-limiting us", 429, retryAfterSeconds(res.headers));
    if (res.status === 401 || res.status === 203 || (res.status >= 300 && res.status < 400) || (res.ok && res.status !== 204 && !json))
      throw new AdoError("auth", "Authorization denied — check the token and its expiry", res.status);
    if (res.status === 403) throw new AdoError("forbidden", `The token is not allowed to do this: ${await errorMessage(res)}`, 403);
    if (res.status === 404) throw new AdoError("not_found", "Not found in Azure DevOps", 404);
    if (res.status === 400) throw new AdoError("invalid", await errorMessage(res), 400);
    if (res.status === 409) throw new AdoError("conflict", await errorMessage(res), 409);
    if (!res.ok) throw new AdoError("server", `Azure DevOps answered ${res.status}`, res.status);
    this.lastHeaders = res.headers;
    if (res.status === 204) return { body: undefined as T, headers: res.headers };
    return { body: (await res.json()) as T, headers: res.headers };
  }
  /** The last answer's headers: what Azure DevOps said of its rate limit (X-RateLimit-*, Retry-After) after a run of calls. */
  lastHeaders: Headers | null = null;

  /** Who the credential belongs to (profile/profiles/get with id "me"): its id is the memberId organisations are listed by. */
  myProfile() {
    return this.get<{ id: string; displayName?: string; emailAddress?: string }>("_apis/profile/profiles/me", { profile: true });
  }
  /** The organisations a user belongs to (account/accounts/list: preview-only in 7.1, so plain 7.1 is refused). */
  async organizations(memberId: string) {
    return (await this.get<{ value: AdoAccount[] }>(`_apis/accounts?memberId=${encodeURIComponent(memberId)}`, { profile: true, apiVersion: "7.1-preview.1" }))
      .value;
  }
  /** A preview-only resource: Azure DevOps refuses plain `7.1` here with VssInvalidPreviewVersionException. */
  connectionData() {
    return this.get<{ authenticatedUser: { id: string; providerDisplayName?: string } }>("_apis/connectionData", { apiVersion: "7.1-preview.1" });
  }
  /** Every project: Azure DevOps answers a page at a time, with x-ms-continuationtoken while more remain. */
  async projects() {
    const all: { id: string; name: string }[] = [];
    let token: string | null = null;
    do {
      const page: { body: { value: { id: string; name: string }[] }; headers: Headers } = await this.exchange(
        "GET",
        `_apis/projects?$top=100${token ? `&continuationToken=${encodeURIComponent(token)}` : ""}`,
      );
      all.push(...page.body.value);
      token = page.headers.get("x-ms-continuationtoken");
    } while (token);
    return all;
  }
  async repositories(project: string) {
    return (await this.get<{ value: { id: string; name: string }[] }>(`${encodeURIComponent(project)}/_apis/git/repositories`)).value;
  }
  pullRequest(project: string, repository: string, id: number) {
    return this.get<AdoPullRequest>(`${encodeURIComponent(project)}/_apis/git/repositories/${encodeURIComponent(repository)}/pullrequests/${id}`);
  }
  workItem(project: string, id: number) {
    return this.get<AdoWorkItem>(`${encodeURIComponent(project)}/_apis/wit/workitems/${id}`);
  }
  /** A project's pull requests in any state, newest first (git/pull-requests/get-pull-requests-by-project; active ones only unless asked). */
  async pullRequestsOfProject(project: string, top: number) {
    return (await this.get<{ value: AdoPullRequest[] }>(`${encodeURIComponent(project)}/_apis/git/pullrequests?searchCriteria.status=all&$top=${top}`)).value;
  }
  /**
   * One page of a repository's pull requests in any state, newest first, whose creation (or
   * close) time falls in [minTime, maxTime] (git/pull-requests/get-pull-requests, searchCriteria
   * .queryTimeRangeType), with the response's headers: Azure DevOps says through them how close
   * the caller is to its rate limit (X-RateLimit-*, and Retry-After even on a 200).
   */
  pullRequestsPage(project: string, repositoryId: string, c: { minTime: Date; maxTime: Date; timeRangeType: "created" | "closed"; skip: number; top: number }) {
    const q = new URLSearchParams({
      "searchCriteria.status": "all",
      "searchCriteria.minTime": c.minTime.toISOString(),
      "searchCriteria.maxTime": c.maxTime.toISOString(),
      "searchCriteria.queryTimeRangeType": c.timeRangeType,
      $skip: String(c.skip),
      $top: String(c.top),
    });
    return this.exchange<{ value: AdoPullRequest[]; count?: number }>(
      "GET",
      `${encodeURIComponent(project)}/_apis/git/repositories/${encodeURIComponent(repositoryId)}/pullrequests?${q.toString()}`,
    );
  }
  /** The ids a flat WIQL query matches, in its order (wit/wiql/query-by-wiql, across every project). */
  async queryWorkItems(query: string, top: number) {
    const result = await this.request<{ workItems: { id: number }[] }>("POST", `_apis/wit/wiql?$top=${top}`, { query });
    return result.workItems.map((w) => w.id);
  }
  /** Up to 200 work items by id with the fields asked for; ones deleted meanwhile are left out (errorPolicy=omit answers null). */
  async workItems(ids: number[], fields: string[]) {
    if (ids.length === 0) return [];
    const page = await this.get<{ value: (AdoWorkItem | null)[] }>(`_apis/wit/workitems?ids=${ids.join(",")}&fields=${fields.join(",")}&errorPolicy=omit`);
    return page.value.filter((w): w is AdoWorkItem => w !== null);
  }
  /**
   * A pull request's changed files, as of its latest iteration against its target (iterations,
   * then that iteration's changes, paged with $top/$skip while nextTop says more), and its
   * commits (paged with x-ms-continuationtoken). Azure DevOps counts no lines.
   */
  async pullRequestChanges(project: string, repository: string, id: number, limits: { files: number; commits: number }) {
    const pr = `${encodeURIComponent(project)}/_apis/git/repositories/${encodeURIComponent(repository)}/pullRequests/${id}`;
    const iterations = (await this.get<{ value: { id: number }[] }>(`${pr}/iterations`)).value;
    const latest = Math.max(0, ...iterations.map((i) => i.id));
    const files: AdoPullRequestChange[] = [];
    let more = false;
    for (let skip = 0; latest && files.length < limits.files;) {
      const page = await this.get<{ changeEntries?: AdoPullRequestChange[]; nextSkip?: number; nextTop?: number }>(
        `${pr}/iterations/${latest}/changes?$top=${Math.min(100, limits.files - files.length)}&$skip=${skip}`,
      );
      files.push(...(page.changeEntries ?? []));
      more = Boolean(page.nextTop);
      if (!page.nextTop || !page.nextSkip) break;
      skip = page.nextSkip;
    }
    const commits: { commitId: string; comment?: string }[] = [];
    let token: string | null = null;
    do {
      const page: { body: { value: { commitId: string; comment?: string }[] }; headers: Headers } = await this.exchange(
        "GET",
        `${pr}/commits?$top=${Math.min(100, limits.commits - commits.length)}${token ? `&continuationToken=${encodeURIComponent(token)}` : ""}`,
      );
      commits.push(...page.body.value);
      token = page.headers.get("x-ms-continuationtoken");
    } while (token && commits.length < limits.commits);
    return { files, moreFiles: more, commits, moreCommits: Boolean(token) };
  }
  /** POST …/pullRequests/{id}/statuses (learn.microsoft.com/rest/api/azure/devops/git/pull-request-statuses/create). */
  postPullRequestStatus(project: string, repository: string, pullRequestId: number, status: AdoPullRequestStatus) {
    return this.request<{ id: number }>(
      "POST",
      `${encodeURIComponent(project)}/_apis/git/repositories/${encodeURIComponent(repository)}/pullRequests/${pullRequestId}/statuses`,
      status,
    );
  }
  async workItemTypes(project: string) {
    return (await this.get<{ value: { name: string }[] }>(`${encodeURIComponent(project)}/_apis/wit/workitemtypes`)).value;
  }
  /** A pull request's comment threads, all of them (git/pull-request-threads/list has no paging). */
  async pullRequestThreads(project: string, repository: string, id: number) {
    const pr = `${encodeURIComponent(project)}/_apis/git/repositories/${encodeURIComponent(repository)}/pullRequests/${id}`;
    return (await this.get<{ value: AdoCommentThread[] }>(`${pr}/threads`)).value;
  }
  /** The ids of the work items a pull request references (git/pull-request-work-items/list; ResourceRef ids are strings). */
  async pullRequestWorkItemIds(project: string, repository: string, id: number) {
    const pr = `${encodeURIComponent(project)}/_apis/git/repositories/${encodeURIComponent(repository)}/pullRequests/${id}`;
    return (await this.get<{ value: { id: string }[] }>(`${pr}/workitems`)).value.map((w) => Number(w.id)).filter(Number.isInteger);
  }
  /** The newest comments first (wit/comments/get-comments, still a preview API in 7.1). */
  async workItemComments(project: string, id: number, top = 10) {
    const page = await this.get<{ comments: AdoWorkItemComment[] }>(
      `${encodeURIComponent(project)}/_apis/wit/workItems/${id}/comments?$top=${top}&order=desc`,
      { apiVersion: "7.1-preview.4" },
    );
    return page.comments;
  }
  /** An identity by id, with its Mail/Account properties (ims/identities/read-identities); null if unknown. */
  async identity(id: string) {
    const found = await this.get<{ value: (AdoIdentity | null)[] }>(`_apis/identities?identityIds=${encodeURIComponent(id)}&queryMembership=None`, {
      identity: true,
    });
    return found.value[0] ?? null;
  }
  /** Whose address is `email` in the organisation (ims/identities/read-identities, searchFilter=General); null if nobody. */
  async identityByEmail(email: string) {
    const found = await this.get<{ value: AdoIdentity[] }>(
      `_apis/identities?searchFilter=General&filterValue=${encodeURIComponent(email)}&queryMembership=None`,
      { identity: true },
    );
    return found.value.find((i) => i.isActive !== false) ?? null;
  }
  /** git/repositories/get: the repository's default branch (refs/heads/…), null for an empty one. */
  async defaultBranch(project: string, repository: string) {
    return (await this.get<{ defaultBranch?: string }>(`${this.repositoryPath(project, repository)}`)).defaultBranch ?? null;
  }
  /** A branch's head commit (git/refs/list: `filter` matches names by prefix, so the exact name is picked), null if there is none. */
  async branchHead(project: string, repository: string, branch: string) {
    const refs = await this.get<{ value: { name: string; objectId: string }[] }>(
      `${this.repositoryPath(project, repository)}/refs?filter=${encodeURIComponent(branch.replace(/^refs\//, ""))}`,
    );
    return refs.value.find((r) => r.name === branch)?.objectId ?? null;
  }
  /** Whether a file is on a branch (git/items/list at that path; TF401174, a 404, when it is not). */
  async hasFile(project: string, repository: string, branch: string, path: string) {
    const q = new URLSearchParams({
      scopePath: path,
      recursionLevel: "None",
      "versionDescriptor.version": branch.replace(/^refs\/heads\//, ""),
      "versionDescriptor.versionType": "branch",
    });
    try {
      await this.get(`${this.repositoryPath(project, repository)}/items?${q.toString()}`);
      return true;
    } catch (err) {
      if (err instanceof AdoError && err.kind === "not_found") return false;
      throw err;
    }
  }
  /** A file's text on a branch (git/items/get with its content), null when it is not there. */
  async fileText(project: string, repository: string, branch: string, path: string) {
    const q = new URLSearchParams({
      path,
      includeContent: "true",
      $format: "json",
      "versionDescriptor.version": branch.replace(/^refs\/heads\//, ""),
      "versionDescriptor.versionType": "branch",
    });
    try {
      return (await this.get<{ content?: string }>(`${this.repositoryPath(project, repository)}/items?${q.toString()}`)).content ?? "";
    } catch (err) {
      if (err instanceof AdoError && err.kind === "not_found") return null;
      throw err;
    }
  }
  /**
   * One commit adding (or editing) a file, pushed onto `branch` (git/pushes/create): a branch that
   * does not exist yet is created at `from`, the commit its history starts at; an existing one must
   * still be at `from`, or Azure DevOps refuses with TF401028 (409).
   */
  async pushFile(
    project: string,
    repository: string,
    push: { branch: string; from: string; path: string; content: string; comment: string; change?: "add" | "edit" },
  ) {
    const result = await this.request<{ commits: { commitId: string }[] }>("POST", `${this.repositoryPath(project, repository)}/pushes`, {
      refUpdates: [{ name: push.branch, oldObjectId: push.from }],
      commits: [
        {
          comment: push.comment,
          changes: [{ changeType: push.change ?? "add", item: { path: push.path }, newContent: { content: push.content, contentType: "rawtext" } }],
        },
      ],
    });
    return result.commits.at(-1)!.commitId;
  }
  /** git/pull-requests/update: a new title and description. */
  updatePullRequest(project: string, repository: string, id: number, change: { title: string; description: string }) {
    return this.request<AdoPullRequest>("PATCH", `${this.repositoryPath(project, repository)}/pullrequests/${id}`, change);
  }
  /** The pull requests from one branch into another, in any state, newest first. */
  async pullRequestsBetween(project: string, repository: string, source: string, target: string) {
    const q = new URLSearchParams({ "searchCriteria.status": "all", "searchCriteria.sourceRefName": source, "searchCriteria.targetRefName": target });
    return (await this.get<{ value: AdoPullRequest[] }>(`${this.repositoryPath(project, repository)}/pullrequests?${q.toString()}`)).value;
  }
  /** git/pull-requests/create; an active one between the same branches already existing is TF401179 (409). */
  createPullRequest(project: string, repository: string, pr: { sourceRefName: string; targetRefName: string; title: string; description: string }) {
    return this.request<AdoPullRequest>("POST", `${this.repositoryPath(project, repository)}/pullrequests`, pr);
  }
  /** Adds (or keeps) a reviewer with no vote yet (git/pull-request-reviewers/create-pull-request-reviewer). */
  addReviewer(project: string, repository: string, pullRequestId: number, reviewerId: string) {
    return this.request<AdoIdentityRef>(
      "PUT",
      `${this.repositoryPath(project, repository)}/pullRequests/${pullRequestId}/reviewers/${encodeURIComponent(reviewerId)}`,
      { vote: 0 },
    );
  }
  private repositoryPath(project: string, repository: string) {
    return `${encodeURIComponent(project)}/_apis/git/repositories/${encodeURIComponent(repository)}`;
  }
  async subscriptions() {
    return (await this.get<{ value: AdoSubscription[] }>("_apis/hooks/subscriptions")).value;
  }
  createSubscription(body: AdoSubscriptionRequest) {
    return this.request<AdoSubscription>("POST", "_apis/hooks/subscriptions", body);
  }
  replaceSubscription(id: string, body: AdoSubscriptionRequest) {
    return this.request<AdoSubscription>("PUT", `_apis/hooks/subscriptions/${encodeURIComponent(id)}`, body);
  }
  deleteSubscription(id: string) {
    return this.request<void>("DELETE", `_apis/hooks/subscriptions/${encodeURIComponent(id)}`);
  }
}
