import { createHash, randomUUID } from "node:crypto";
import { FakeHost, type ContractCheck, type FakeRequest, type FakeResponse } from "../fakeHost.js";
import { HostContract } from "../hostContract.js";
import { hostEventSamples, hostSample } from "../samples.js";
import { parseWiql, WiqlError } from "./wiql.js";
import { entraBearerEmail, entraRoutes, type FakeEntraState } from "./fakeEntra.js";
import { gitWriteRoutes, type FakeAdoGit } from "./fakeGit.js";
import { ADO_PAT_SCOPES } from "@groundwork/shared-types/labels";
import type {
  AdoCommentThread,
  AdoPullRequest,
  AdoPullRequestChange,
  AdoPullRequestStatus,
  AdoSubscription,
  AdoWorkItem,
  AdoWorkItemComment,
} from "@groundwork/backend/hosts/ado/client";

/**
 * A fake Azure DevOps organisation speaking the REST paths we call, with the shapes of
 * learn.microsoft.com/rest/api/azure/devops (core/projects, git/repositories,
 * git/pull-requests/get-pull-request, wit/work-items/get-work-item, wit/work-item-types,
 * wit/comments/get-comments, ims/identities/read-identities, hooks/subscriptions).
 *
 * Every request is first checked against the contract derived from Microsoft's REST 7.1
 * specifications (simulators/src/contracts/ado.json), as Azure DevOps itself would:
 * an unknown route answers 404, a missing or wrong api-version 400 with Azure DevOps' error
 * shape, a PAT lacking the operation's scope 401 (TF400813), a body missing a required field
 * 400. Only the scope refusal is a normal answer; the rest are contract violations, which fail
 * the test that caused them. vssps.dev.azure.com (identities) is served under `/_vssps`.
 */
export interface FakeAdoToken {
  pat: string;
  /** Whose Entra access token it is, for a Bearer token. */
  email?: string;
  /** The PAT's scopes, as Azure DevOps names them (vso.code_write, vso.identity, …). */
  scopes: string[];
}

/** Every scope Groundwork's features need (Code (Read & Write), Work Items (Read), Project and Team (Read), Identity (Read)). */
export const FULL_ADO_SCOPES = ADO_PAT_SCOPES.map((s) => s.scope);

export interface FakeAdoState {
  organization: string;
  pat: string;
  /** The main PAT's scopes (FULL_ADO_SCOPES when unset). */
  scopes?: string[];
  /** More PATs of the same user, each with its own scopes. */
  otherTokens?: FakeAdoToken[];
  user: { id: string; displayName: string; email: string };
  projects: { id: string; name: string; repositories: { id: string; name: string }[] }[];
  /** The largest page a list answers with, whatever `$top` asks (2 unless set), so a reader of one page fails. */
  pageSize?: number;
  pullRequests?: AdoPullRequest[];
  /** What each pull request changes (by id: Azure DevOps numbers PRs across the organisation), where a test gives it. */
  pullRequestChanges?: Record<number, { files: AdoPullRequestChange[]; commits: { commitId: string; comment: string }[] }>;
  workItems?: AdoWorkItem[];
  /** Comment threads on pull requests (by PR id), as git/pull-request-threads/list answers them. */
  pullRequestThreads?: Record<number, AdoCommentThread[]>;
  /** The work items each pull request references (by PR id). */
  pullRequestWorkItems?: Record<number, number[]>;
  workItemComments?: (AdoWorkItemComment & { workItemId: number })[];
  /** Other people in the organisation, for identity lookups (the token's user is always there). */
  identities?: { id: string; displayName: string; email: string }[];
  /** Creating service hooks needs Project Collection Administrator rights; false refuses them. */
  canManageHooks?: boolean;
  /** Real ADO only delivers to public HTTPS URLs; the local sandbox delivers to http://localhost. */
  allowInsecureHookUrls?: boolean;
  subscriptions?: AdoSubscription[];
  /** Ids handed to comments made in the fake. */
  commentCount?: number;
  /**
   * A rate limit on the organisation's API: at most `requests` calls in any `windowMs`. Past 80%
   * of it, answers carry the X-RateLimit-* headers (Reset: when usage would be back to 0); the call
   * that spends the last of it gets Retry-After too, on a 200, saying when usage falls back under
   * the limit; beyond it, 429 (counted in `throttled`). As learn.microsoft.com/azure/devops/
   * integrate/concepts/rate-limits documents the headers ("API client experience").
   */
  rateLimit?: { requests: number; windowMs: number };
  throttled?: number;
  /** Microsoft Entra ID for the organisation (served under /_entra): sign-in instead of a PAT. */
  entra?: FakeEntraState;
  /** Each repository's branches and commits (by repository id, lower case), made with `main` on first use. */
  git?: Record<string, FakeAdoGit>;
  /** PR statuses posted to the fake, newest last. */
  statuses?: (AdoPullRequestStatus & { id: number; pullRequestId: number; repositoryId: string })[];
}

/** The path prefixes under which the fake serves vssps.dev.azure.com, app.vssps.visualstudio.com and Entra ID (login.microsoftonline.com). */
export const VSSPS_PREFIX = "/_vssps";
export const PROFILE_PREFIX = "/_app";
export const ENTRA_PREFIX = "/_entra";

/** The fake's hosts, as Groundwork's settings name them (ADO_BASE_URL, ADO_IDENTITY_URL, ADO_PROFILE_URL). */
export const adoHostsOf = (host: FakeHost) => ({ baseUrl: host.url, identityUrl: `${host.url}${VSSPS_PREFIX}`, profileUrl: `${host.url}${PROFILE_PREFIX}` });
/** The fake's Entra ID as Groundwork's settings take it (ENTRA_AUTHORITY_URL and the app registration). */
export const entraAppOf = (host: FakeHost, state: FakeEntraState) => ({
  authorityUrl: `${host.url}${ENTRA_PREFIX}`,
  tenant: state.tenant,
  clientId: state.apps[0]!.clientId,
  credential: { secret: state.apps[0]!.clientSecret! },
});

/** A bad PAT is often answered 203 with an HTML sign-in page, not 401 (vsts-rest-api-specs#97). */
export const adoSignInPage = (): FakeResponse => ({
  status: 203,
  body: "<!DOCTYPE html><html><head><title>Azure DevOps Services | Sign In</title></head><body>Sign in</body></html>",
});

/**
 * Throttling as documented (learn.microsoft.com/azure/devops/integrate/concepts/rate-limits):
 * 429 with TF400733, Retry-After and the X-RateLimit-* headers.
 */
export const adoThrottled = (retryAfterSeconds: number): FakeResponse => ({
  status: 429,
  headers: {
    "Retry-After": String(retryAfterSeconds),
    "X-RateLimit-Resource": "Core",
    "X-RateLimit-Delay": "0.5",
    "X-RateLimit-Limit": "200",
    "X-RateLimit-Remaining": "0",
    "X-RateLimit-Reset": String(Math.ceil(Date.now() / 1000) + retryAfterSeconds),
  },
  body: {
    $id: "1",
    message: "TF400733: The request has been canceled: Request was blocked due to exceeding usage of resource 'Core' in namespace 'User'.",
    typeKey: "RequestBlockedException",
  },
});

/** Azure DevOps' error envelope (VssServiceException serialised). */
const adoError = (status: number, typeKey: string, message: string): FakeResponse => ({
  status,
  body: {
    $id: "1",
    innerException: null,
    message,
    typeName: `Microsoft.VisualStudio.Services.WebApi.${typeKey}, Microsoft.VisualStudio.Services.WebApi`,
    typeKey,
    errorCode: 0,
    eventId: 3000,
  },
});
const notAuthorized = (user: string) =>
  adoError(401, "UnauthorizedRequestException", `TF400813: The user '${user}' is not authorized to access this resource.`);
const missing = (what: string) => adoError(404, "NotFoundException", `${what} does not exist.`);
const same = (a: string | undefined, b: string | undefined) => a?.toLowerCase() === b?.toLowerCase();
const contract = new HostContract("ado");
/** PullRequestStatus as searchCriteria.status takes it. */
const PR_STATUSES = ["notset", "active", "abandoned", "completed", "all"];

/** Each event's resourceVersion, as the documented samples (fixtures/) carry it. */
const DOCUMENTED_RESOURCE_VERSIONS: Record<string, string> = Object.fromEntries(
  hostEventSamples("ado")
    .map((f) => hostSample("ado", f) as { eventType: string; resourceVersion: string })
    .map((e) => [e.eventType, e.resourceVersion]),
);

/** The api-version an operation takes: exactly its own, or `X-preview` for `X-preview.N`. */
function versionProblem(expected: string, given: string | null, method: string): FakeResponse | null {
  if (!given)
    return adoError(
      400,
      "VssVersionNotSpecifiedException",
      `No api-version was supplied for the "${method}" request. The version must be supplied either as part of the Accept header (e.g. "application/json; api-version=1.0") or as a query parameter (e.g. '?api-version=1.0').`,
    );
  if (given === expected || (expected.includes("-preview") && given === expected.replace(/\.\d+$/, ""))) return null;
  if (expected.includes("-preview") && !given.includes("-preview"))
    return adoError(
      400,
      "VssInvalidPreviewVersionException",
      `The requested version "${given}" of the resource is under preview. The -preview flag must be supplied in the api-version for such requests. For example: "${given}-preview"`,
    );
  return adoError(400, "VssVersionOutOfRangeException", `The requested REST API version of ${given} is not the one this contract uses (${expected}).`);
}

export function fakeAdo(state: FakeAdoState) {
  const tokens = (): FakeAdoToken[] => [{ pat: state.pat, scopes: state.scopes ?? FULL_ADO_SCOPES }, ...(state.otherTokens ?? [])];
  const tokenOf = (req: { headers: FakeRequest["headers"] }) => {
    const header = req.headers.authorization ?? "";
    // Signed in with Microsoft, a token acts with all of its user's rights (user_impersonation); only the organisation's user belongs to it.
    const email = entraBearerEmail(state.entra, header);
    if (email) return { pat: "", scopes: [...FULL_ADO_SCOPES, "vso.profile"], email };
    if (!header.startsWith("Basic ")) return null;
    const decoded = Buffer.from(header.slice(6), "base64").toString("utf8");
    const pat = decoded.slice(decoded.indexOf(":") + 1);
    return tokens().find((t) => t.pat === pat) ?? null;
  };
  const pageSize = () => state.pageSize ?? 2;
  /** Azure DevOps' ids are GUIDs: the user's profile and the organisation get stable ones. */
  const guidOf = (text: string) =>
    createHash("sha256")
      .update(text)
      .digest("hex")
      .replace(/^(.{8})(.{4}).(.{3}).(.{3})(.{12}).*$/, "$1-$2-4$3-8$4-$5");
  const profileId = (email: string) => guidOf(`profile:${email.toLowerCase()}`);
  const organizationId = () => guidOf(`organization:${state.organization}`);
  /** When the calls within the rate limit's window were made. */
  const calls: number[] = [];
  const rateHeaders = (): Record<string, string> => {
    const limit = state.rateLimit;
    if (!limit) return {};
    const now = Date.now();
    while (calls.length && calls[0]! <= now - limit.windowMs) calls.shift();
    const remaining = Math.max(0, limit.requests - calls.length);
    if (remaining > limit.requests * 0.2) return {};
    // Reset: "if all resource consumption stops immediately, tracked usage returns to 0", when the newest call leaves the window.
    const reset = Math.ceil(((calls.at(-1) ?? now) + limit.windowMs) / 1000);
    return {
      "X-RateLimit-Resource": "Core",
      "X-RateLimit-Delay": "0",
      "X-RateLimit-Limit": String(limit.requests),
      "X-RateLimit-Remaining": String(remaining),
      "X-RateLimit-Reset": String(reset),
      // Retry-After: "how long to wait before you send your next request to fall under the detection threshold".
      ...(remaining === 0 ? { "Retry-After": String(Math.max(1, Math.ceil((calls[0]! + limit.windowMs - now) / 1000))) } : {}),
    };
  };
  /** Counts a call against the rate limit, or answers 429 when it is spent. */
  const throttle = (): FakeResponse | null => {
    const limit = state.rateLimit;
    if (!limit) return null;
    const now = Date.now();
    while (calls.length && calls[0]! <= now - limit.windowMs) calls.shift();
    if (calls.length >= limit.requests) {
      state.throttled = (state.throttled ?? 0) + 1;
      return adoThrottled(Math.max(1, Math.ceil((calls[0]! + limit.windowMs - now) / 1000)));
    }
    calls.push(now);
    return null;
  };

  /** Route, api-version, scope and body, checked before any route answers (see the header comment). */
  const check: ContractCheck = (req) => {
    if (!req.path.includes("/_apis/")) return null; // the sandbox's own pages
    const prefix = [VSSPS_PREFIX, PROFILE_PREFIX].find((p) => req.path.startsWith(`${p}/`));
    const host = prefix === VSSPS_PREFIX ? "vssps.dev.azure.com" : prefix === PROFILE_PREFIX ? "app.vssps.visualstudio.com" : "dev.azure.com";
    const path = prefix ? req.path.slice(prefix.length) : req.path;
    const op = contract.operation(host, req.method, path);
    if (!op)
      return {
        respond: adoError(404, "VssResourceNotFoundException", `API resource location was not found for ${req.method} ${host}${path}.`),
        violation: `${host} has no operation ${req.method} ${path}`,
      };
    const version = versionProblem(op.apiVersion ?? "7.1", req.query.get("api-version"), req.method);
    if (version) return { respond: version, violation: `api-version must be ${op.apiVersion} (${op.source}), got ${req.query.get("api-version") ?? "none"}` };
    const token = tokenOf(req);
    if (!token) return "allowed"; // the route answers as Azure DevOps does to a bad PAT
    const throttled = throttle();
    if (throttled) return { respond: throttled };
    if (!contract.allows(op.scopes, token.scopes)) return { respond: notAuthorized(state.user.email) };
    const missingFields = ["POST", "PUT", "PATCH"].includes(req.method) ? contract.missingFields(op, req.body) : [];
    if (missingFields.length)
      return {
        respond: adoError(400, "ArgumentNullException", `Value cannot be null.\r\nParameter name: ${missingFields[0]}`),
        violation: `the body lacks ${missingFields.join(", ")} (${op.source})`,
      };
    return "allowed";
  };

  const guard = (req: FakeRequest, ok: () => FakeResponse): FakeResponse => {
    if (!same(req.params.org, state.organization)) return { status: 404, body: { message: "The resource cannot be found.", typeKey: "UnknownOrganization" } };
    const token = tokenOf(req);
    if (!token) return adoSignInPage();
    // Someone signed in with Microsoft who does not belong to the organisation.
    if (token.email && token.email !== state.user.email.toLowerCase()) return notAuthorized(token.email);
    const answer = ok();
    return { ...answer, headers: { ...answer.headers, ...rateHeaders() } };
  };
  const identityOf = (p: { id: string; displayName: string; email: string }) => ({
    id: p.id,
    providerDisplayName: p.displayName,
    isActive: true,
    properties: { Account: { $type: "System.String", $value: p.email }, Mail: { $type: "System.String", $value: p.email } },
  });
  const project = (key: string | undefined) => state.projects.find((p) => same(p.id, key) || same(p.name, key));
  const pullRequestOf = (req: FakeRequest) => {
    const repo = project(req.params.project)?.repositories.find((r) => same(r.id, req.params.repo) || same(r.name, req.params.repo));
    return state.pullRequests?.find((x) => x.pullRequestId === Number(req.params.id) && same(x.repository?.id, repo?.id)) ?? null;
  };
  const prNotFound = () => adoError(404, "GitPullRequestNotFoundException", "TF401180: The requested pull request was not found.");
  const hooksGuard = (req: FakeRequest, ok: () => FakeResponse) =>
    guard(req, () =>
      state.canManageHooks === false
        ? adoError(
            403,
            "UnauthorizedRequestException",
            `Access Denied: ${state.user.displayName} needs the following permission(s) on the resource Service Hooks to perform this action: Edit subscriptions`,
          )
        : ok(),
    );
  const invalidSubscription = (body: Partial<AdoSubscription>): string | null => {
    const url = body.consumerInputs?.url ?? "";
    if (body.publisherId !== "tfs" || body.consumerId !== "webHooks") return "The subscription's publisher or consumer is not one Azure DevOps knows.";
    const version = DOCUMENTED_RESOURCE_VERSIONS[body.eventType ?? ""];
    if (!version) return `The event type ${body.eventType} is not one Groundwork's documented samples cover.`;
    if (body.resourceVersion !== version) return `Resource version ${body.resourceVersion} is not supported for event ${body.eventType}; use ${version}.`;
    if (!project(body.publisherInputs?.projectId)) return `TF400813: Project ${body.publisherInputs?.projectId} does not exist.`;
    if (!/^https?:\/\//.test(url)) return "The URL of the web hook is not valid.";
    if (!state.allowInsecureHookUrls && body.consumerInputs?.basicAuthPassword && !url.startsWith("https://"))
      return "Basic authentication requires a secure (https) URL.";
    return null;
  };

  /** wit/wiql/query-by-wiql: the ids of the work items a flat query matches, in its order, at most $top; within one project if the path names one. */
  const wiql = (req: FakeRequest, inProject: string | null): FakeResponse => {
    let query;
    try {
      query = parseWiql(String((JSON.parse(req.body) as { query?: unknown }).query ?? ""));
    } catch (err) {
      const message = err instanceof WiqlError ? err.message : "The request body is not a query";
      return adoError(400, "WorkItemTrackingQueryException", `TF51006: The query statement is not valid. ${message}`);
    }
    const rows = (state.workItems ?? [])
      .map((w) => ({ id: w.id, row: { ...w.fields, "System.Id": w.id } as Record<string, unknown> }))
      .filter(({ row }) => (!inProject || same(String(row["System.TeamProject"]), inProject)) && query.matches(row));
    for (const { field, descending } of [...query.order].reverse())
      rows.sort((a, b) => String(a.row[field] ?? "").localeCompare(String(b.row[field] ?? ""), undefined, { numeric: true }) * (descending ? -1 : 1));
    const top = Number(req.query.get("$top") ?? 20000) || 20000;
    return {
      status: 200,
      body: {
        queryType: "flat",
        queryResultType: "workItem",
        asOf: new Date().toISOString(),
        columns: [{ referenceName: "System.Id", name: "ID", url: `https://dev.azure.com/${state.organization}/_apis/wit/fields/System.Id` }],
        sortColumns: query.order.map((o) => ({ field: { referenceName: o.field }, descending: o.descending })),
        workItems: rows.slice(0, top).map(({ id }) => ({ id, url: `https://dev.azure.com/${state.organization}/_apis/wit/workItems/${id}` })),
      },
    };
  };
  /** wit/work-items/list: at most 200 ids; only the fields asked for; an unknown id fails the call unless errorPolicy=omit. */
  const workItemsByIds = (req: FakeRequest): FakeResponse => {
    const ids = (req.query.get("ids") ?? "").split(",").filter(Boolean).map(Number);
    if (ids.length === 0 || ids.length > 200 || ids.some((id) => !Number.isInteger(id)))
      return adoError(400, "InvalidArgumentValueException", "The ids parameter must hold 1 to 200 work item ids.");
    const fields = req.query.get("fields")?.split(",");
    const omit = req.query.get("errorPolicy")?.toLowerCase() === "omit";
    const found = ids.map((id) => state.workItems?.find((w) => w.id === id) ?? null);
    const absent = ids.find((_, i) => !found[i]);
    if (absent !== undefined && !omit) return missing(`Work item ${absent}`);
    const value = found.map((w) =>
      w ? { ...w, fields: fields ? Object.fromEntries(Object.entries(w.fields ?? {}).filter(([k]) => fields.includes(k))) : w.fields } : null,
    );
    return { status: 200, body: { count: value.length, value } };
  };

  const host = new FakeHost(
    "Azure DevOps",
    [
      {
        method: "GET",
        path: "/:org/_apis/connectionData",
        handle: (req) =>
          guard(req, () => ({
            status: 200,
            body: {
              authenticatedUser: { id: state.user.id, providerDisplayName: state.user.displayName, properties: {} },
              authorizedUser: { id: state.user.id, providerDisplayName: state.user.displayName },
              instanceId: randomUUID(),
              locationServiceData: { serviceOwner: "00025394-6065-48ca-87d9-7f5672854ef7" },
            },
          })),
      },
      {
        method: "GET",
        path: "/:org/_apis/projects",
        // One page of `$top` (at most pageSize) from the continuation token, and x-ms-continuationtoken while more remain.
        handle: (req) =>
          guard(req, () => {
            const from = Number(req.query.get("continuationToken") ?? req.query.get("$skip") ?? 0) || 0;
            const top = Math.min(Number(req.query.get("$top") ?? 100) || 100, pageSize());
            const page = state.projects.slice(from, from + top);
            const more = from + top < state.projects.length;
            const headers: Record<string, string> = more ? { "x-ms-continuationtoken": String(from + top) } : {};
            return {
              status: 200,
              headers,
              body: {
                count: page.length,
                value: page.map((p) => ({
                  id: p.id,
                  name: p.name,
                  url: `https://dev.azure.com/${state.organization}/_apis/projects/${p.id}`,
                  state: "wellFormed",
                  revision: 1,
                  visibility: "private",
                })),
              },
            };
          }),
      },
      {
        method: "GET",
        path: "/:org/:project/_apis/wit/workitems/:id",
        handle: (req) =>
          guard(req, () => {
            if (!project(req.params.project)) return missing(`Project ${req.params.project}`);
            const wi = state.workItems?.find((w) => w.id === Number(req.params.id));
            return wi ? { status: 200, body: wi } : missing(`Work item ${req.params.id}`);
          }),
      },
      {
        method: "GET",
        path: "/:org/:project/_apis/git/repositories",
        handle: (req) =>
          guard(req, () => {
            const p = project(req.params.project);
            if (!p) return missing(`Project ${req.params.project}`);
            const value = p.repositories.map((r) => ({ id: r.id, name: r.name, project: { id: p.id, name: p.name } }));
            return { status: 200, body: { count: value.length, value } };
          }),
      },
      {
        method: "GET",
        path: "/:org/:project/_apis/git/pullrequests",
        // git/pull-requests/get-pull-requests-by-project: active ones unless searchCriteria.status says otherwise, newest first, $top/$skip.
        handle: (req) =>
          guard(req, () => {
            const p = project(req.params.project);
            if (!p) return missing(`Project ${req.params.project}`);
            const status = (req.query.get("searchCriteria.status") ?? "active").toLowerCase();
            if (!PR_STATUSES.includes(status))
              return adoError(400, "InvalidArgumentValueException", `The value '${status}' is not valid for searchCriteria.status.`);
            const repositoryId = req.query.get("searchCriteria.repositoryId");
            const ids = new Set(p.repositories.map((r) => r.id.toLowerCase()));
            const all = (state.pullRequests ?? [])
              .filter((x) => ids.has(x.repository?.id.toLowerCase() ?? "") && (!repositoryId || same(x.repository?.id, repositoryId)))
              .filter((x) => status === "all" || (x.status ?? "active") === status)
              .sort((a, b) => (b.creationDate ?? "").localeCompare(a.creationDate ?? "") || b.pullRequestId - a.pullRequestId);
            const skip = Number(req.query.get("$skip") ?? 0) || 0;
            const top = Number(req.query.get("$top") ?? 101) || 101;
            const value = all.slice(skip, skip + top).map((x) => ({ ...x, repository: { ...x.repository, project: { id: p.id, name: p.name } } }));
            return { status: 200, body: { value, count: value.length } };
          }),
      },
      {
        method: "GET",
        path: "/:org/:project/_apis/git/repositories/:repo/pullrequests",
        // git/pull-requests/get-pull-requests: as by project, and within searchCriteria.minTime/maxTime of their
        // creation or, with queryTimeRangeType=closed, their closing; newest first by that time.
        handle: (req) =>
          guard(req, () => {
            const p = project(req.params.project);
            const repo = p?.repositories.find((r) => same(r.id, req.params.repo) || same(r.name, req.params.repo));
            if (!p || !repo) return missing(`Repository ${req.params.repo}`);
            const status = (req.query.get("searchCriteria.status") ?? "active").toLowerCase();
            if (!PR_STATUSES.includes(status))
              return adoError(400, "InvalidArgumentValueException", `The value '${status}' is not valid for searchCriteria.status.`);
            const range = (req.query.get("searchCriteria.queryTimeRangeType") ?? "created").toLowerCase();
            if (range !== "created" && range !== "closed")
              return adoError(400, "InvalidArgumentValueException", `The value '${range}' is not valid for searchCriteria.queryTimeRangeType.`);
            const [min, max] = ["minTime", "maxTime"].map((k) => req.query.get(`searchCriteria.${k}`)).map((v) => (v ? Date.parse(v) : null)) as [
              number | null,
              number | null,
            ];
            if (Number.isNaN(min) || Number.isNaN(max))
              return adoError(400, "InvalidArgumentValueException", "searchCriteria.minTime and maxTime must be dates.");
            const timeOf = (x: AdoPullRequest) => Date.parse((range === "created" ? x.creationDate : x.closedDate) ?? "");
            const [source, target] = ["sourceRefName", "targetRefName"].map((k) => req.query.get(`searchCriteria.${k}`));
            const all = (state.pullRequests ?? [])
              .filter((x) => same(x.repository?.id, repo.id))
              .filter((x) => status === "all" || (x.status ?? "active") === status)
              .filter((x) => (!source || x.sourceRefName === source) && (!target || x.targetRefName === target))
              .filter(
                (x) => (min === null && max === null) || (!Number.isNaN(timeOf(x)) && (min === null || timeOf(x) >= min) && (max === null || timeOf(x) <= max)),
              )
              .sort((a, b) => (timeOf(b) || 0) - (timeOf(a) || 0) || b.pullRequestId - a.pullRequestId);
            const skip = Number(req.query.get("$skip") ?? 0) || 0;
            const top = Math.min(Number(req.query.get("$top") ?? 101) || 101, pageSize());
            const value = all.slice(skip, skip + top).map((x) => ({ ...x, repository: { ...x.repository, project: { id: p.id, name: p.name } } }));
            return { status: 200, body: { value, count: value.length } };
          }),
      },
      {
        method: "POST",
        path: "/:org/_apis/wit/wiql",
        handle: (req) => guard(req, () => wiql(req, null)),
      },
      {
        method: "POST",
        path: "/:org/:project/_apis/wit/wiql",
        handle: (req) =>
          guard(req, () => {
            const p = project(req.params.project);
            return p ? wiql(req, p.name) : missing(`Project ${req.params.project}`);
          }),
      },
      {
        method: "GET",
        path: "/:org/_apis/wit/workitems",
        handle: (req) => guard(req, () => workItemsByIds(req)),
      },
      {
        method: "GET",
        path: "/:org/:project/_apis/git/repositories/:repo/pullrequests/:id",
        handle: (req) =>
          guard(req, () => {
            const p = project(req.params.project);
            const repo = p?.repositories.find((r) => same(r.id, req.params.repo) || same(r.name, req.params.repo));
            const pr = state.pullRequests?.find((x) => x.pullRequestId === Number(req.params.id) && same(x.repository?.id, repo?.id));
            return pr ? { status: 200, body: pr } : missing(`Pull request ${req.params.id}`);
          }),
      },
      {
        method: "GET",
        path: "/:org/:project/_apis/git/repositories/:repo/pullRequests/:id/iterations",
        // One iteration per PR here: its source commit is the PR's lastMergeSourceCommit.
        handle: (req) =>
          guard(req, () => {
            const pr = pullRequestOf(req);
            if (!pr) return prNotFound();
            const value = [{ id: 1, sourceRefCommit: pr.lastMergeSourceCommit ?? null, createdDate: pr.creationDate ?? null }];
            return { status: 200, body: { count: value.length, value } };
          }),
      },
      {
        method: "GET",
        path: "/:org/:project/_apis/git/repositories/:repo/pullRequests/:id/iterations/:iteration/changes",
        // GitPullRequestIterationChanges: $top/$skip paging, nextSkip/nextTop 0 on the last page.
        handle: (req) =>
          guard(req, () => {
            const pr = pullRequestOf(req);
            if (!pr) return prNotFound();
            if (Number(req.params.iteration) !== 1)
              return adoError(404, "GitPullRequestIterationNotFoundException", `TF401174: The iteration ${req.params.iteration} was not found.`);
            const all = state.pullRequestChanges?.[pr.pullRequestId]?.files ?? [];
            const skip = Number(req.query.get("$skip") ?? 0) || 0;
            const top = Math.min(Number(req.query.get("$top") ?? 100) || 100, pageSize());
            const changeEntries = all.slice(skip, skip + top).map((c, i) => ({ changeTrackingId: skip + i + 1, changeId: skip + i + 1, ...c }));
            const more = skip + top < all.length;
            return { status: 200, body: { changeEntries, nextSkip: more ? skip + top : 0, nextTop: more ? top : 0 } };
          }),
      },
      {
        method: "GET",
        path: "/:org/:project/_apis/git/repositories/:repo/pullRequests/:id/commits",
        // Paged with $top and x-ms-continuationtoken, like the other lists that take a continuationToken.
        handle: (req) =>
          guard(req, () => {
            const pr = pullRequestOf(req);
            if (!pr) return prNotFound();
            const all = state.pullRequestChanges?.[pr.pullRequestId]?.commits ?? [];
            const from = Number(req.query.get("continuationToken") ?? 0) || 0;
            const top = Math.min(Number(req.query.get("$top") ?? 100) || 100, pageSize());
            const value = all.slice(from, from + top);
            return {
              status: 200,
              headers: from + top < all.length ? { "x-ms-continuationtoken": String(from + top) } : {},
              body: { count: value.length, value },
            };
          }),
      },
      {
        method: "POST",
        path: "/:org/:project/_apis/git/repositories/:repo/pullRequests/:id/statuses",
        handle: (req) =>
          guard(req, () => {
            const repo = project(req.params.project)?.repositories.find((r) => same(r.id, req.params.repo) || same(r.name, req.params.repo));
            if (!repo) return missing(`Repository ${req.params.repo}`);
            if (!state.pullRequests?.some((x) => x.pullRequestId === Number(req.params.id) && same(x.repository?.id, repo.id)))
              return adoError(404, "GitPullRequestNotFoundException", `TF401180: The requested pull request was not found.`);
            const body = JSON.parse(req.body) as AdoPullRequestStatus;
            state.statuses ??= [];
            const status = { ...body, id: state.statuses.length + 1, pullRequestId: Number(req.params.id), repositoryId: repo.id };
            state.statuses.push(status);
            return {
              status: 200,
              body: { ...body, id: status.id, creationDate: new Date().toISOString(), createdBy: { displayName: state.user.displayName } },
            };
          }),
      },
      {
        method: "GET",
        path: "/:org/:project/_apis/wit/workitemtypes",
        handle: (req) => guard(req, () => ({ status: 200, body: { count: 2, value: [{ name: "Bug" }, { name: "User Story" }] } })),
      },
      {
        method: "GET",
        path: "/:org/:project/_apis/wit/workItems/:id/comments",
        handle: (req) =>
          guard(req, () => {
            const id = Number(req.params.id);
            if (!state.workItems?.some((w) => w.id === id)) return missing(`Work item ${id}`);
            const top = Number(req.query.get("$top") ?? 200);
            const all = (state.workItemComments ?? []).filter((c) => c.workItemId === id);
            const ordered = req.query.get("order") === "desc" ? [...all].reverse() : all;
            const comments = ordered
              .slice(0, top)
              .map((c) => ({ ...c, version: 1, url: `https://dev.azure.com/${state.organization}/_apis/wit/workItems/${id}/comments/${c.commentId}` }));
            return { status: 200, body: { totalCount: all.length, count: comments.length, comments } };
          }),
      },
      {
        method: "GET",
        path: `${VSSPS_PREFIX}/:org/_apis/identities`,
        handle: (req) =>
          guard(req, () => {
            const ids = (req.query.get("identityIds") ?? "").split(",");
            const people = [{ ...state.user }, ...(state.identities ?? [])];
            // ims/identities/read-identities with searchFilter=General: people whose name or address is filterValue.
            if (req.query.get("searchFilter")) {
              const wanted = req.query.get("filterValue") ?? "";
              const found = people.filter((p) => same(p.email, wanted) || same(p.displayName, wanted));
              const value = found.map(identityOf);
              return { status: 200, body: { count: value.length, value } };
            }
            const value = ids.map((id) => {
              const p = people.find((x) => same(x.id, id));
              return p ? identityOf(p) : null;
            });
            return { status: 200, body: { count: value.length, value } };
          }),
      },
      {
        method: "GET",
        path: "/:org/_apis/hooks/subscriptions",
        handle: (req) => hooksGuard(req, () => ({ status: 200, body: { count: state.subscriptions?.length ?? 0, value: state.subscriptions ?? [] } })),
      },
      {
        method: "POST",
        path: "/:org/_apis/hooks/subscriptions",
        handle: (req) =>
          hooksGuard(req, () => {
            const body = JSON.parse(req.body) as AdoSubscription;
            const problem = invalidSubscription(body);
            if (problem) return { status: 400, body: { $id: "1", message: problem, typeKey: "SubscriptionInputException" } };
            const created = { ...body, id: randomUUID(), status: "enabled" };
            (state.subscriptions ??= []).push(created);
            return { status: 200, body: { ...created, consumerInputs: { ...created.consumerInputs, basicAuthPassword: "********" } } };
          }),
      },
      {
        method: "PUT",
        path: "/:org/_apis/hooks/subscriptions/:id",
        handle: (req) =>
          hooksGuard(req, () => {
            const i = state.subscriptions?.findIndex((x) => x.id === req.params.id) ?? -1;
            if (i < 0) return missing(`Subscription ${req.params.id}`);
            const body = JSON.parse(req.body) as AdoSubscription;
            const problem = invalidSubscription(body);
            if (problem) return { status: 400, body: { $id: "1", message: problem, typeKey: "SubscriptionInputException" } };
            state.subscriptions![i] = { ...body, id: req.params.id!, status: "enabled" };
            return { status: 200, body: state.subscriptions![i] };
          }),
      },
      {
        method: "DELETE",
        path: "/:org/_apis/hooks/subscriptions/:id",
        handle: (req) =>
          hooksGuard(req, () => {
            const i = state.subscriptions?.findIndex((x) => x.id === req.params.id) ?? -1;
            if (i < 0) return missing(`Subscription ${req.params.id}`);
            state.subscriptions!.splice(i, 1);
            return { status: 204 };
          }),
      },
      {
        method: "GET",
        path: "/:org/:project/_apis/git/repositories/:repo/pullRequests/:id/threads",
        handle: (req) =>
          guard(req, () => {
            const pr = pullRequestOf(req);
            if (!pr) return prNotFound();
            const value = state.pullRequestThreads?.[pr.pullRequestId] ?? [];
            return { status: 200, body: { value, count: value.length } };
          }),
      },
      {
        method: "GET",
        path: "/:org/:project/_apis/git/repositories/:repo/pullRequests/:id/workitems",
        handle: (req) =>
          guard(req, () => {
            const pr = pullRequestOf(req);
            if (!pr) return prNotFound();
            // ResourceRef: the id is a string.
            const value = (state.pullRequestWorkItems?.[pr.pullRequestId] ?? []).map((id) => ({
              id: String(id),
              url: `https://dev.azure.com/${state.organization}/_apis/wit/workItems/${id}`,
            }));
            return { status: 200, body: { value, count: value.length } };
          }),
      },
      {
        method: "GET",
        path: `${PROFILE_PREFIX}/_apis/profile/profiles/:id`,
        handle: (req) => {
          const token = tokenOf(req);
          if (!token) return adoSignInPage();
          const email = token.email ?? state.user.email;
          if (req.params.id !== "me" && req.params.id !== profileId(email)) return missing(`Profile ${req.params.id}`);
          return {
            status: 200,
            body: {
              displayName: email === state.user.email.toLowerCase() ? state.user.displayName : email.split("@")[0],
              publicAlias: profileId(email),
              emailAddress: email,
              coreRevision: 1,
              timeStamp: new Date(0).toISOString(),
              id: profileId(email),
              revision: 1,
            },
          };
        },
      },
      {
        method: "GET",
        path: `${PROFILE_PREFIX}/_apis/accounts`,
        handle: (req) => {
          if (!tokenOf(req)) return adoSignInPage();
          if (!req.query.get("memberId") && !req.query.get("ownerId"))
            return adoError(400, "ArgumentException", "One of the following parameters is required: ownerId, memberId.");
          const value =
            req.query.get("memberId") === profileId(state.user.email)
              ? [
                  {
                    accountId: organizationId(),
                    accountUri: `https://vssps.dev.azure.com/${state.organization}/`,
                    accountName: state.organization,
                    properties: {},
                  },
                ]
              : [];
          return { status: 200, body: { count: value.length, value } };
        },
      },
      ...gitWriteRoutes({
        git: () => (state.git ??= {}),
        pullRequests: () => (state.pullRequests ??= []),
        people: () => [state.user, ...(state.identities ?? [])],
        user: () => state.user,
        organization: () => state.organization,
        repository: (req) => {
          const p = project(req.params.project);
          const repo = p?.repositories.find((r) => same(r.id, req.params.repo) || same(r.name, req.params.repo));
          return p && repo ? { project: { id: p.id, name: p.name }, repo } : null;
        },
        guard,
        error: adoError,
      }),
      ...entraRoutes(
        () => state.entra,
        () => state.user.email,
        ENTRA_PREFIX,
      ),
    ],
    check,
  );
  return host;
}

/** Sends a service-hook delivery the way ADO does: JSON body, Basic auth, nothing else. */
export function sendServiceHook(url: string, event: unknown, password: string, username = "groundwork") {
  return fetch(url, {
    method: "POST",
    headers: {
      "content-type": "application/json; charset=utf-8",
      authorization: `Basic ${Buffer.from(`${username}:${password}`).toString("base64")}`,
    },
    body: JSON.stringify(event),
  });
}

/**
 * Delivers an event the way ADO does to every enabled subscription for its event type in its
 * project, with the subscription's Basic auth; answers each delivery's status.
 */
export async function deliverToSubscriptions(state: FakeAdoState, event: { eventType: string; resourceContainers?: { project?: { id?: string } } }) {
  const projectId = event.resourceContainers?.project?.id;
  const targets = (state.subscriptions ?? []).filter((s) => s.eventType === event.eventType && (!projectId || s.publisherInputs.projectId === projectId));
  return Promise.all(
    targets.map(async (s) => {
      const res = await sendServiceHook(s.consumerInputs.url!, event, s.consumerInputs.basicAuthPassword ?? "", s.consumerInputs.basicAuthUsername);
      return { url: s.consumerInputs.url!, status: res.status };
    }),
  );
}
