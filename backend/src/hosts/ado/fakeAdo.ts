import { randomUUID } from "node:crypto";
import { FakeHost, type FakeRequest, type FakeResponse } from "../../testing/fakeHost.js";
import type { AdoPullRequest, AdoPullRequestStatus, AdoSubscription, AdoWorkItem, AdoWorkItemComment } from "./client.js";

/**
 * A fake Azure DevOps organisation host speaking the REST paths we call, with the shapes of
 * learn.microsoft.com/rest/api/azure/devops (core/projects, git/repositories,
 * git/pull-requests/get-pull-request, wit/work-items/get-work-item, wit/work-item-types,
 * wit/comments/get-comments, ims/identities/read-identities, hooks/subscriptions):
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
  const hooksGuard = (req: FakeRequest, ok: () => FakeResponse) =>
    guard(req, null, () =>
      state.canManageHooks === false
        ? {
            status: 403,
            body: {
              $id: "1",
              message: `Access Denied: ${state.user.displayName} needs the following permission(s) on the resource Service Hooks to perform this action: Edit subscriptions`,
              typeKey: "UnauthorizedRequestException",
            },
          }
        : ok(),
    );
  const invalidSubscription = (body: Partial<AdoSubscription>): string | null => {
    const url = body.consumerInputs?.url ?? "";
    if (body.publisherId !== "tfs" || body.consumerId !== "webHooks" || !body.eventType) return "The subscription is missing its publisher, consumer or event type.";
    if (!project(body.publisherInputs?.projectId)) return `TF400813: Project ${body.publisherInputs?.projectId} does not exist.`;
    if (!/^https?:\/\//.test(url)) return "The URL of the web hook is not valid.";
    if (!state.allowInsecureHookUrls && body.consumerInputs?.basicAuthPassword && !url.startsWith("https://"))
      return "Basic authentication requires a secure (https) URL.";
    return null;
  };

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
    {
      method: "GET",
      path: "/:org/:project/_apis/wit/workItems/:id/comments",
      handle: (req) =>
        guard(req, "work", () => {
          const id = Number(req.params.id);
          if (!state.workItems?.some((w) => w.id === id)) return missing(`Work item ${id}`);
          const top = Number(req.query.get("$top") ?? 200);
          const all = (state.workItemComments ?? []).filter((c) => c.workItemId === id);
          const ordered = req.query.get("order") === "desc" ? [...all].reverse() : all;
          const comments = ordered.slice(0, top).map((c) => ({ ...c, version: 1, url: `https://dev.azure.com/${state.organization}/_apis/wit/workItems/${id}/comments/${c.commentId}` }));
          return { status: 200, body: { totalCount: all.length, count: comments.length, comments } };
        }),
    },
    {
      method: "GET",
      path: "/:org/_apis/identities",
      handle: (req) =>
        guard(req, null, () => {
          const ids = (req.query.get("identityIds") ?? "").split(",");
          const people = [{ ...state.user }, ...(state.identities ?? [])];
          const value = ids.map((id) => {
            const p = people.find((x) => same(x.id, id));
            return p
              ? {
                  id: p.id,
                  providerDisplayName: p.displayName,
                  isActive: true,
                  properties: { Account: { $type: "System.String", $value: p.email }, Mail: { $type: "System.String", $value: p.email } },
                }
              : null;
          });
          return { status: 200, body: { count: value.length, value } };
        }),
    },
    {
      method: "GET",
      path: "/:org/_apis/hooks/subscriptions",
      handle: (req) =>
        hooksGuard(req, () => ({ status: 200, body: { count: state.subscriptions?.length ?? 0, value: state.subscriptions ?? [] } })),
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

/**
 * Delivers an event the way ADO does to every enabled subscription for its event type in its
 * project, with the subscription's Basic auth; answers each delivery's status.
 */
export async function deliverToSubscriptions(state: FakeAdoState, event: { eventType: string; resourceContainers?: { project?: { id?: string } } }) {
  const projectId = event.resourceContainers?.project?.id;
  const targets = (state.subscriptions ?? []).filter(
    (s) => s.eventType === event.eventType && (!projectId || s.publisherInputs.projectId === projectId),
  );
  return Promise.all(
    targets.map(async (s) => {
      const res = await sendServiceHook(s.consumerInputs.url!, event, s.consumerInputs.basicAuthPassword ?? "", s.consumerInputs.basicAuthUsername);
      return { url: s.consumerInputs.url!, status: res.status };
    }),
  );
}
