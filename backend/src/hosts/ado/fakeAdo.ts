import { randomUUID } from "node:crypto";
import { FakeHost, type FakeRequest, type FakeResponse } from "../../testing/fakeHost.js";

/**
 * A fake Azure DevOps organisation host. Paths and shapes follow the REST docs:
 * GET {org}/_apis/connectionData and GET {org}/_apis/projects
 * (learn.microsoft.com/rest/api/azure/devops/core/projects/list). The ADO integration issue
 * adds repositories, pull requests, statuses, work items and hooks.
 */
export interface FakeAdoState {
  organization: string;
  pat: string;
  user: { id: string; displayName: string; email: string };
  projects: { id: string; name: string }[];
}

/** A bad PAT is often answered 203 with an HTML sign-in page, not 401 (vsts-rest-api-specs#97). */
export const adoSignInPage = (): FakeResponse => ({
  status: 203,
  body: "<!DOCTYPE html><html><head><title>Azure DevOps Services | Sign In</title></head><body>Sign in</body></html>",
});

export function fakeAdo(state: FakeAdoState) {
  const authorized = (req: FakeRequest) => {
    const header = req.headers.authorization ?? "";
    if (!header.startsWith("Basic ")) return false;
    const decoded = Buffer.from(header.slice(6), "base64").toString("utf8");
    return decoded.slice(decoded.indexOf(":") + 1) === state.pat;
  };
  const guard = (req: FakeRequest, ok: () => FakeResponse): FakeResponse => {
    if (req.params.org?.toLowerCase() !== state.organization.toLowerCase())
      return { status: 404, body: { message: `The resource cannot be found.`, typeKey: "UnknownOrganization" } };
    return authorized(req) ? ok() : adoSignInPage();
  };
  return new FakeHost("Azure DevOps", [
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
      handle: (req) =>
        guard(req, () => ({
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
  ]);
}
