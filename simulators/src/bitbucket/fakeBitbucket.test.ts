import { afterAll, beforeAll, expect, it } from "vitest";
import { bitbucketThrottled, fakeBitbucket, type FakeBitbucketState } from "./fakeBitbucket.js";

/** The fake refuses what Bitbucket Cloud refuses, pages as it pages, and reports requests that break the contract. */
const TOKEN = "fake-bitbucket-token-0123456789";
const state: FakeBitbucketState = {
  token: TOKEN,
  tokenScopes: ["repository"],
  user: { uuid: "{u}", display_name: "Brad", account_id: "1" },
  repositories: ["a", "b", "c", "d", "e"].map((slug, i) => ({ workspace: "ws", slug, uuid: `{r${i}}` })),
};
const bitbucket = fakeBitbucket(state);
const call = (path: string, init: RequestInit = {}) =>
  fetch(`${bitbucket.url}${path}`, { ...init, headers: { authorization: `Bearer ${TOKEN}`, ...init.headers } });

beforeAll(() => bitbucket.start());
afterAll(() => bitbucket.stop());

it("pages with pagelen and a next link while more remain, and lists the token's scopes", async () => {
  const seen: string[] = [];
  let path: string | null = "/2.0/repositories/ws?pagelen=100";
  while (path) {
    const res = await call(path);
    expect(res.headers.get("x-oauth-scopes")).toBe("repository");
    const page = (await res.json()) as { pagelen: number; values: { slug: string }[]; next?: string };
    expect(page.pagelen).toBe(2);
    seen.push(...page.values.map((v) => v.slug));
    path = page.next ? new URL(page.next).pathname + new URL(page.next).search : null;
  }
  expect(seen).toEqual(["a", "b", "c", "d", "e"]);
});

it("refuses credentials lacking a scope with 403, naming what was needed", async () => {
  const res = await call("/2.0/repositories/ws/a/pullrequests/1");
  expect(res.status).toBe(403);
  expect(await res.json()).toMatchObject({ type: "error", error: { detail: { required: ["pullrequest"], granted: ["repository"] } } });
  expect(bitbucket.takeViolations()).toEqual([]);
});

it("answers 404 to a route Bitbucket does not have, and 400 to a body missing a required field, reporting both", async () => {
  expect((await call("/2.0/repositories/ws/a/nonsense")).status).toBe(404);
  const status = await call("/2.0/repositories/ws/a/commit/abc/statuses/build", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ key: "k" }),
  });
  expect(status.status).toBe(400);
  expect(bitbucket.takeViolations()).toEqual([expect.stringContaining("has no operation"), expect.stringContaining("the body lacks state, url")]);
});

it("throttles with 429 and no Retry-After when told to, as Bitbucket documents", async () => {
  bitbucket.fail({ respond: bitbucketThrottled() });
  const res = await call("/2.0/repositories/ws");
  expect(res.status).toBe(429);
  expect(res.headers.get("retry-after")).toBeNull();
});

it("lists open pull requests unless `state` asks for others, filtered by `q` and ordered by `sort`", async () => {
  state.tokenScopes = ["pullrequest"];
  state.maxPagelen = 10;
  const pr = (id: number, title: string, s: string, updated: string) => ({ workspace: "ws", slug: "a", pr: { id, title, state: s, updated_on: updated } });
  state.pullRequests = [pr(1, "Fix login", "MERGED", "2026-01-01"), pr(2, 'Say "hi"', "OPEN", "2026-02-01"), pr(3, "Fix logout", "DECLINED", "2026-03-01")];
  const ids = async (query: string) => {
    const res = await call(`/2.0/repositories/ws/a/pullrequests?${query}`);
    expect(res.status).toBe(200);
    return ((await res.json()) as { values: { id: number }[] }).values.map((v) => v.id);
  };
  expect(await ids("")).toEqual([2]);
  expect(await ids("state=MERGED&state=DECLINED&sort=-updated_on")).toEqual([3, 1]);
  expect(await ids(`state=OPEN&state=MERGED&q=${encodeURIComponent('title ~ "FIX" AND (id = 1 OR id = 2)')}`)).toEqual([1]);
  expect(await ids(`q=${encodeURIComponent('title ~ "\\"hi\\""')}`)).toEqual([2]);
  const broken = await call(`/2.0/repositories/ws/a/pullrequests?q=${encodeURIComponent('title ~ "unclosed')}`);
  expect(broken.status).toBe(400);
  expect((await call("/2.0/repositories/ws/a/pullrequests?sort=-nonsense")).status).toBe(400);
  state.maxPagelen = undefined;
  state.tokenScopes = ["repository"];
});

it("filters a user's workspace memberships only as documented: by workspace.slug or permission", async () => {
  const user = { uuid: "{signed-in}", display_name: "Ada", account_id: "a" };
  state.userTokens = [{ token: "user-token-0123456789", user, scopes: ["account"] }];
  state.workspaceMembers = [{ workspace: "ws", uuid: user.uuid, permission: "member" }];
  const get = (q: string) =>
    fetch(`${bitbucket.url}/2.0/user/permissions/workspaces?q=${encodeURIComponent(q)}`, { headers: { authorization: "Bearer user-token-0123456789" } });
  const found = await get('workspace.slug = "ws"');
  expect(found.status).toBe(200);
  expect(((await found.json()) as { values: { workspace: { slug: string } }[] }).values.map((v) => v.workspace.slug)).toEqual(["ws"]);
  expect((await get('workspace.uuid = "{x}"')).status).toBe(400);
  state.userTokens = undefined;
  state.workspaceMembers = undefined;
});

it("commits through src as documented: a new branch at its parent, 201 with the commit in Location, 409 when the parent is no longer the head", async () => {
  state.tokenScopes = ["repository:write"];
  try {
    const head = async (branch: string) =>
      ((await (await call(`/2.0/repositories/ws/a/refs/branches/${branch}`)).json()) as { target: { hash: string } }).target.hash;
    const commit = (fields: Record<string, string>) =>
      call("/2.0/repositories/ws/a/src", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams(fields).toString(),
      });
    const main = await head("main");
    const made = await commit({ "/docs/a.md": "A", message: "Add a", branch: "topic", parents: main });
    expect([made.status, await made.text()]).toEqual([201, ""]);
    const first = made.headers.get("location")!.split("/").pop()!;
    expect(await head("topic")).toBe(first);
    // The file's path spans directories; main did not move.
    expect((await call(`/2.0/repositories/ws/a/src/${first}/docs/a.md?format=meta`)).status).toBe(200);
    expect((await call(`/2.0/repositories/ws/a/src/${main}/docs/a.md?format=meta`)).status).toBe(404);
    expect(await head("main")).toBe(main);
    // The branch exists now: a parent that is not its head is refused.
    expect((await commit({ "/docs/b.md": "B", branch: "topic", parents: main })).status).toBe(409);
    expect((await call("/2.0/repositories/ws/a/refs/branches/nope")).status).toBe(404);
    expect(bitbucket.takeViolations()).toEqual([]);
  } finally {
    state.tokenScopes = ["repository"];
  }
});
