import { randomUUID } from "node:crypto";
import { FakeHost, type FakeRequest, type FakeResponse } from "../../testing/fakeHost.js";
import type { AdoPullRequest, AdoPullRequestStatus, AdoWorkItem } from "./client.js";

/**
 * A fake Azure DevOps organisation host speaking the REST paths we call, with the shapes of
 * learn.microsoft.com/rest/api/azure/devops (core/projects, git/repositories,
 * git/pull-requests/get-pull-request, wit/work-items/get-work-item, wit/work-item-types):
 * Basic auth with a PAT, per-scope refusals, and scripted failures from FakeHost.
 */
export type AdoScope = "project" | "code" | "work";

export interface FakeAdoState {
  organization: string;
  pat: string;
  scopes?: AdoScope[];
  user: { id: string; displayName: string; email: string };
  projects: { id: string; name: string; repositories: { id: string; name: string }[] }[];
  pullRequests?: AdoPullRequest[];
  workItems?: AdoWorkItem[];
  /** PR statuses posted to the fake, newest last. */
  statuses?: (AdoPullRequestStatus & { id: number; pullRequestId: number; repositoryId: string })[];
}

/** A bad PAT is often answered 203 with an HTML sign-in page, not 401 (vsts-rest-api-specs#97). */
export const adoSignInPage = (): FakeResponse => ({
  status: 203,
  body: "<!DOCTYPE html><html><head><title>Azure DevOps Services | Sign In</title></head><body>Sign in</body></html>",
});

const notAuthorized = (user: string): FakeResponse => ({
  status: 401,
  body: { $id: "1", message: `TF400813: The user '${user}' is not authorized to access this resource.`, typeKey: "UnauthorizedRequestException" },
});
const missing = (what: string): FakeResponse => ({ status: 404, body: { $id: "1", message: `${what} does not exist.`, typeKey: "NotFoundException" } });
const same = (a: string | undefined, b: string | undefined) => a?.toLowerCase() === b?.toLowerCase();

export function fakeAdo(state: FakeAdoState) {
  const scopes = () => new Set(state.scopes ?? ["project", "code", "work"]);
  const authorized = (req: FakeRequest) => {
    const header = req.headers.authorization ?? "";
    if (!header.startsWith("Basic ")) return false;
    const decoded = Buffer.from(header.slice(6), "base64").toString("utf8");
    return decoded.slice(decoded.indexOf(":") + 1) === state.pat;
  };
  const guard = (req: FakeRequest, scope: AdoScope | null, ok: () => FakeResponse): FakeResponse => {
    if (!same(req.params.org, state.organization))
      return { status: 404, body: { message: "The resource cannot be found.", typeKey: "UnknownOrganization" } };
    if (!authorized(req)) return adoSignInPage();
    if (scope && !scopes().has(scope)) return notAuthorized(state.user.email);
    return ok();
  };
  const project = (key: string | undefined) => state.projects.find((p) => same(p.id, key) || same(p.name, key));

  const host = new FakeHost("Azure DevOps", [
    {
      method: "GET",
      path: "/:org/_apis/connectionData",
      handle: (req) =>
        guard(req, null, () => ({
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
      handle: (req) =>
        guard(req, "project", () => ({
          status: 200,
          body: {
            count: state.projects.length,
            value: state.projects.map((p) => ({
              id: p.id,
              name: p.name,
              url: `https://dev.azure.com/${state.organization}/_apis/projects/${p.id}`,
              state: "wellFormed",
              revision: 1,
              visibility: "private",
            })),
          },
        })),
    },
    {
      method: "GET",
      path: "/:org/_apis/wit/workitems/:id",
      handle: (req) =>
        guard(req, "work", () => {
          const wi = state.workItems?.find((w) => w.id === Number(req.params.id));
          return wi ? { status: 200, body: wi } : missing(`Work item ${req.params.id}`);
        }),
    },
    {
      method: "GET",
      path: "/:org/:project/_apis/git/repositories",
      handle: (req) =>
        guard(req, "code", () => {
          const p = project(req.params.project);
          if (!p) return missing(`Project ${req.params.project}`);
          const value = p.repositories.map((r) => ({ id: r.id, name: r.name, project: { id: p.id, name: p.name } }));
          return { status: 200, body: { count: value.length, value } };
        }),
    },
    {
      method: "GET",
      path: "/:org/:project/_apis/git/repositories/:repo/pullrequests/:id",
      handle: (req) =>
        guard(req, "code", () => {
          const p = project(req.params.project);
          const repo = p?.repositories.find((r) => same(r.id, req.params.repo) || same(r.name, req.params.repo));
          const pr = state.pullRequests?.find(
            (x) => x.pullRequestId === Number(req.params.id) && same(x.repository?.id, repo?.id),
          );
          return pr ? { status: 200, body: pr } : missing(`Pull request ${req.params.id}`);
        }),
    },
    {
      method: "POST",
      path: "/:org/:project/_apis/git/repositories/:repo/pullRequests/:id/statuses",
      handle: (req) =>
        guard(req, "code", () => {
          const repo = project(req.params.project)?.repositories.find((r) => same(r.id, req.params.repo) || same(r.name, req.params.repo));
          if (!repo) return missing(`Repository ${req.params.repo}`);
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
      handle: (req) =>
        guard(req, "work", () => ({ status: 200, body: { count: 2, value: [{ name: "Bug" }, { name: "User Story" }] } })),
    },
  ]);
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
