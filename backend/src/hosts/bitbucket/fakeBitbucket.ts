import { FakeHost, type FakeRequest, type FakeResponse } from "../../testing/fakeHost.js";

/**
 * A fake Bitbucket Cloud API (api.bitbucket.org/2.0). Paths and shapes follow the REST docs:
 * GET /2.0/user and GET /2.0/repositories/{workspace}
 * (developer.atlassian.com/cloud/bitbucket/rest/api-group-repositories). The Bitbucket issue
 * adds pull requests, build statuses, hooks and the Connect lifecycle.
 */
export interface FakeBitbucketState {
  token: string;
  user: { uuid: string; display_name: string; account_id: string };
  repositories: { workspace: string; slug: string; uuid: string }[];
}

export function fakeBitbucket(state: FakeBitbucketState) {
  const guard = (req: FakeRequest, ok: () => FakeResponse): FakeResponse =>
    req.headers.authorization === `Bearer ${state.token}`
      ? ok()
      : { status: 401, body: { type: "error", error: { message: "Access token expired or invalid" } } };
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
            .filter((r) => r.workspace === req.params.workspace)
            .map((r) => ({ type: "repository", uuid: r.uuid, slug: r.slug, full_name: `${r.workspace}/${r.slug}`, name: r.slug }));
          return { status: 200, body: { pagelen: 10, size: values.length, page: 1, values } };
        }),
    },
  ]);
}
