import { createHmac } from "node:crypto";
import { QueryTypes } from "sequelize";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { jobsSettled, until } from "../../testing/until.js";
import { ApiClient, inviteMember, signUp, startTestApp } from "../../testing/testApp.js";
import type { BitbucketPullRequest } from "./client.js";
import { deliverRepositoryHooks, fakeBitbucket, type FakeBitbucketState } from "@groundwork/simulators/bitbucket/fakeBitbucket";
import { hostSample } from "@groundwork/simulators/samples";
import { bitbucketUserUuid } from "@groundwork/simulators/bitbucket/identities";

/** The direct connection (no Connect app): access token, signed repository webhooks, build statuses. */
const fixture = (name: string) => hostSample("bitbucket", name);
const created = fixture("pullrequest_created.json");
const fulfilled = fixture("pullrequest_fulfilled.json");
const TOKEN = "ATCTT3xFfGN0" + "t".repeat(40);
/** The operator's OAuth consumer, through which members sign in to Bitbucket to link their account. */
const CONSUMER = { key: "consumer-key-123", secret: "consumer-secret-0123456789abcdef" };
const PR_URL = "https://bitbucket.org/brydzewski/foo/pull-requests/1";
// Each test starts from this Bitbucket workspace (reset before it) and a Groundwork workspace of its own.
const initialState = (): FakeBitbucketState => ({
  token: TOKEN,
  user: { uuid: "{87bb15eb-47c1-49b3-9f16-ca824a2979a4}", display_name: "Brad", account_id: "557058:2a63" },
  repositories: [{ workspace: "brydzewski", slug: "foo", uuid: "{bc771cbf-829e-4c4b-b71f-a0eb3ac2b860}" }],
  pullRequests: [{ workspace: "brydzewski", slug: "foo", pr: structuredClone(created.pullrequest) as BitbucketPullRequest }],
  commits: ["507a576e59b3" + "0".repeat(28)],
});
const state: FakeBitbucketState = initialState();
const bitbucket = fakeBitbucket(state);
let app: Awaited<ReturnType<typeof startTestApp>>;
let owner: ApiClient;
let objectiveId: string;
let workspaces = 0;
const responses: string[] = [];

const prItem = async () =>
  ((await owner.get("/api/objectives")).body.items.find((o: { id: string }) => o.id === objectiveId).links as { item: Record<string, any> }[])[0]!.item;
const call = async (method: string, p: string, body?: unknown) => {
  const res = await owner.request(method, p, body);
  responses.push(JSON.stringify(res.body));
  return res;
};
const connect = async (repositories?: string[]) => {
  const res = await call("POST", "/api/integrations/bitbucket/token", { workspace: "brydzewski", token: TOKEN, ...(repositories ? { repositories } : {}) });
  expect(res.status).toBe(201);
  return res.body as { id: string };
};

beforeAll(async () => {
  await bitbucket.start();
  app = await startTestApp({
    bitbucket: {
      apiUrl: bitbucket.url,
      siteUrl: bitbucket.url,
      allowedBaseUrls: ["https://bitbucket.org"],
      appKey: "groundwork",
      oauth: CONSUMER,
      requestsPerHour: 1000,
    },
    worker: { enabled: true, concurrency: 2, maxAttempts: 5 },
  });
});
beforeEach(async () => {
  for (const key of Object.keys(state) as (keyof FakeBitbucketState)[]) delete state[key];
  Object.assign(state, initialState());
  owner = (await signUp(app.url, "Olivia", `olivia-${++workspaces}@example.com`)).client;
  objectiveId = (await owner.post("/api/objectives", { title: "Ship foo", period: "2026-Q4" })).body.id;
  await owner.post("/api/context-links", { targetType: "objective", targetId: objectiveId, url: PR_URL });
});
afterAll(async () => {
  await app?.close();
  await bitbucket.stop();
});

it("tests the token with errors a person can act on", async () => {
  const test = (workspace: string, token = TOKEN) => call("POST", "/api/integrations/bitbucket/token/test", { workspace, token });
  expect((await test("brydzewski", "x".repeat(40))).body.error).toMatchObject({ code: "bitbucket_auth_denied", field: "body.token" });
  state.tokenScopes = ["repository", "pullrequest"];
  const scope = await test("brydzewski");
  expect(scope.body.error.code).toBe("bitbucket_missing_scope");
  expect(scope.body.error.message).toBe("The token is missing the Webhooks (Read and write) scope; create one with it and try again");
  // Bitbucket lists a token's scopes in x-oauth-scopes: all missing ones are named, with no probing.
  state.tokenScopes = ["repository"];
  const before = bitbucket.requests.length;
  expect((await test("brydzewski")).body.error.message).toBe(
    "The token is missing the Pull requests (Read), Webhooks (Read and write) scopes; create one with them and try again",
  );
  expect(bitbucket.requests.slice(before).map((r) => r.path)).toEqual(["/2.0/repositories/brydzewski"]);
  // A broader scope implies a narrower one (pullrequest:write ⊃ pullrequest ⊃ repository).
  state.tokenScopes = ["pullrequest:write", "webhook"];
  expect((await test("brydzewski")).status).toBe(200);
  state.tokenScopes = undefined;
  const ok = await test("brydzewski");
  expect(ok.status).toBe(200);
  expect(ok.body).toEqual({ workspace: "brydzewski", repositories: [{ slug: "foo", name: "foo" }] });
});

it("lists every repository of a workspace with hundreds, following Bitbucket's next links", async () => {
  const many = Array.from({ length: 499 }, (_, i) => ({
    workspace: "brydzewski",
    slug: `repo-${i}`,
    uuid: `{00000000-0000-4000-8000-${String(i).padStart(12, "0")}}`,
  }));
  state.repositories.push(...many);
  state.maxPagelen = 100;
  const before = bitbucket.requests.length;
  try {
    const res = await call("POST", "/api/integrations/bitbucket/token/test", { workspace: "brydzewski", token: TOKEN });
    expect(res.status).toBe(200);
    expect(res.body.repositories).toHaveLength(500);
    expect(res.body.repositories.at(-1)).toEqual({ slug: "repo-498", name: "repo-498" });
    expect(bitbucket.requests.slice(before).filter((r) => r.path === "/2.0/repositories/brydzewski")).toHaveLength(5);
  } finally {
    state.repositories.splice(1);
    state.maxPagelen = undefined;
  }
});

it("connects: signed webhooks on the repositories, metadata and build statuses with the token", async () => {
  const res = await call("POST", "/api/integrations/bitbucket/token", { workspace: "brydzewski", token: TOKEN });
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({ workspace: "brydzewski", repositories: [{ slug: "foo", webhook: true }], status: "active" });
  expect(state.hooks).toHaveLength(1);
  expect(state.hooks![0]).toMatchObject({
    url: `${app.url}/api/webhooks/bitbucket/${res.body.id}`,
    events: expect.arrayContaining(["pullrequest:created", "pullrequest:comment_created"]),
  });
  expect(state.hooks![0]!.secret!.length).toBeGreaterThanOrEqual(32);

  const item = await until("metadata via the token", async () => {
    const i = await prItem();
    return i.metadataStatus === "fetched" && i;
  });
  expect(item).toMatchObject({ title: "Awesome new feature", state: "open" });
  const status = await until("build status", async () => state.statuses?.at(-1));
  expect(status).toMatchObject({ key: "groundwork-pr-1", state: "SUCCESSFUL", description: "Linked to 1 item in Groundwork", refname: "develop" });
  expect(bitbucket.requests.filter((r) => r.path.endsWith("/statuses/build")).every((r) => r.headers.authorization === `Bearer ${TOKEN}`)).toBe(true);
});

it("accepts only deliveries signed with the webhook secret, once each", async () => {
  const { id } = await connect();
  const url = `${app.url}/api/webhooks/bitbucket/${id}`;
  const count = async () =>
    Number(
      (
        await app.services.storage.sequelize.query<{ n: number }>("SELECT COUNT(*) AS n FROM jobs WHERE kind = 'bitbucket.event'", { type: QueryTypes.SELECT })
      )[0]!.n,
    );
  const before = await count();
  const headers = { "content-type": "application/json", "x-event-key": "pullrequest:fulfilled", "x-request-uuid": "forged" };
  const forged: Record<string, string>[] = [{}, { "x-hub-signature": "sha256=" + "0".repeat(64) }, { "x-hub-signature": "sha1=abc" }];
  for (const extra of forged)
    expect((await fetch(url, { method: "POST", headers: { ...headers, ...extra }, body: JSON.stringify(fulfilled) })).status).toBe(401);
  expect((await fetch(url.replace(/[0-9a-f-]{36}$/, "00000000-0000-4000-8000-000000000000"), { method: "POST", headers, body: "{}" })).status).toBe(401);
  expect(await count()).toBe(before);
  // A validly signed delivery with a request id too long for the dedupe key is refused as bad input, not a 500.
  const signed = createHmac("sha256", state.hooks![0]!.secret!).update(JSON.stringify(fulfilled)).digest("hex");
  const long = await fetch(url, {
    method: "POST",
    headers: { ...headers, "x-request-uuid": "r".repeat(400), "x-hub-signature": `sha256=${signed}` },
    body: JSON.stringify(fulfilled),
  });
  expect(long.status).toBe(400);
  expect(((await long.json()) as { error: { field: string } }).error.field).toBe("headers.X-Request-UUID");
  expect(await count()).toBe(before);

  expect(await deliverRepositoryHooks(state, "brydzewski", "foo", "pullrequest:fulfilled", fulfilled, "merge-1")).toEqual([202]);
  expect(await deliverRepositoryHooks(state, "brydzewski", "foo", "pullrequest:fulfilled", fulfilled, "merge-1")).toEqual([202]);
  await until("merged", async () => (await prItem()).state === "merged");
  expect(await count()).toBe(before + 1);
  // Repository webhooks carry the documented payloads unwrapped; each is taken.
  for (const name of ["pullrequest_created.json", "pullrequest_updated.json", "pullrequest_comment_created.json"])
    expect(await deliverRepositoryHooks(state, "brydzewski", "foo", `pullrequest:${name.slice(12, -5)}`, fixture(name), `sample-${name}`), name).toEqual([202]);
  expect(await count()).toBe(before + 4);
});

it("never reads or writes a repository the connection does not follow", async () => {
  state.repositories.push({ workspace: "brydzewski", slug: "bar", uuid: "{bc771cbf-829e-4c4b-b71f-a0eb3ac2b861}" });
  state.pullRequests!.push({ workspace: "brydzewski", slug: "bar", pr: { ...structuredClone(created.pullrequest), id: 7 } as BitbucketPullRequest });
  await connect(["foo"]);
  const before = bitbucket.requests.length;
  const kr = (await owner.post(`/api/objectives/${objectiveId}/key-results`, { title: "Bar" })).body;
  expect(
    (await owner.post("/api/context-links", { targetType: "key_result", targetId: kr.id, url: "https://bitbucket.org/brydzewski/bar/pull-requests/7" })).status,
  ).toBe(201);
  await until("marked not followed", async () => {
    const objective = (await owner.get("/api/objectives")).body.items.find((o: { id: string }) => o.id === objectiveId);
    const links = objective.keyResults.flatMap((k: { links: { item: { metadataStatus: string } }[] }) => k.links);
    return links.some((l: { item: { metadataStatus: string } }) => l.item.metadataStatus === "not_followed");
  });
  await jobsSettled(app.services.storage.sequelize);
  expect(bitbucket.requests.slice(before).filter((r) => r.path.includes("/bar/"))).toEqual([]);
});

it("disconnects, deleting the webhooks it made, and never shows the token", async () => {
  await connect();
  expect(state.hooks).toHaveLength(1);
  expect((await call("DELETE", "/api/integrations/bitbucket/token")).status).toBe(204);
  expect(state.hooks).toEqual([]);
  expect((await owner.get("/api/integrations")).body.bitbucket).toMatchObject({ connected: false, tokenConnection: null });
  for (const r of responses) expect(r).not.toContain(TOKEN);
  const stored = await app.services.storage.sequelize.query("SELECT * FROM jobs", { type: QueryTypes.SELECT });
  expect(JSON.stringify(stored)).not.toContain(TOKEN);
});

it("finds pull requests to attach by title, author, repository or number, Bitbucket filtering them", async () => {
  const pr = (id: number, title: string, author: string, state: string, updated: string): BitbucketPullRequest => ({
    ...(structuredClone(created.pullrequest) as BitbucketPullRequest),
    id,
    title,
    state,
    author: { display_name: author, uuid: `{${id}}` },
    updated_on: updated,
    destination: {
      ...created.pullrequest.destination,
      repository: { ...created.pullrequest.destination.repository, full_name: "brydzewski/payments", name: "payments" },
    },
  });
  state.repositories.push({ workspace: "brydzewski", slug: "payments", uuid: "{22222222-0000-4000-8000-000000000000}" });
  state.pullRequests!.push(
    { workspace: "brydzewski", slug: "payments", pr: pr(7, 'Make "refunds" idempotent', "Grace Hopper", "MERGED", "2026-11-02T10:00:00Z") },
    { workspace: "brydzewski", slug: "payments", pr: pr(8, "Retry card declines", "Linus", "OPEN", "2026-11-03T10:00:00Z") },
    { workspace: "brydzewski", slug: "payments", pr: pr(9, "Old idea", "Linus", "SUPERSEDED", "2026-11-04T10:00:00Z") },
  );
  state.maxPagelen = 10;
  await connect();
  const search = async (q: string) => {
    const res = await call("GET", `/api/context-search?q=${encodeURIComponent(q)}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.unavailable).toEqual([]);
    return res.body.items as { reference: string; where: string; author: string; state: string; url: string }[];
  };
  // Merged and declined ones too (Bitbucket lists open ones unless asked), never superseded; newest first.
  expect((await search("")).map((i) => `${i.where}${i.reference}`)).toEqual(["payments#8", "payments#7", "foo#1"]);
  expect(await search("grace")).toMatchObject([{ reference: "#7", author: "Grace Hopper", state: "merged", where: "payments" }]);
  expect((await search("payments")).map((i) => i.reference)).toEqual(["#8", "#7"]);
  expect((await search("payments #8")).map((i) => i.reference)).toEqual(["#8"]);
  // A quote in a word is escaped inside Bitbucket's double-quoted string; the fake parses the filter and refuses a broken one.
  expect((await search('"refunds"')).map((i) => i.reference)).toEqual(["#7"]);
  const asked = bitbucket.requests.filter((r) => r.path === "/2.0/repositories/brydzewski/payments/pullrequests").at(-1)!;
  expect(asked.query.get("q")).toBe('(title ~ "\\"refunds\\"" OR author.display_name ~ "\\"refunds\\"")');
  expect(asked.query.getAll("state")).toEqual(["OPEN", "MERGED", "DECLINED"]);
  const picked = (await search("retry"))[0]!;
  expect(picked.url).toBe("https://bitbucket.org/brydzewski/payments/pull-requests/8");
  expect((await call("POST", "/api/context-links", { targetType: "objective", targetId: objectiveId, url: picked.url })).status).toBe(201);

  // Only the repositories the connection follows are searched.
  await connect(["foo"]);
  expect((await search("")).map((i) => `${i.where}${i.reference}`)).toEqual(["foo#1"]);
});

describe("linking a member's Bitbucket account by signing in to Bitbucket", () => {
  const CALLBACK = "/api/integrations/bitbucket/oauth/callback";
  /** What the browser does: Bitbucket's consent page as `username`, then back to Groundwork with the member's cookie. */
  const signIn = async (client: ApiClient, authorizeUrl: string, choice: { username?: string; member?: boolean; decision?: "grant" | "deny" } = {}) => {
    const asked = new URL(authorizeUrl);
    const form = new URLSearchParams({
      client_id: asked.searchParams.get("client_id")!,
      state: asked.searchParams.get("state")!,
      redirect_uri: asked.searchParams.get("redirect_uri")!,
      username: choice.username ?? "brad",
      decision: choice.decision ?? "grant",
      ...(choice.member === false ? {} : { member: "yes" }),
    });
    const consent = await fetch(`${bitbucket.url}/site/oauth2/authorize`, { method: "POST", body: form, redirect: "manual" });
    expect(consent.status).toBe(302);
    return backFromBitbucket(client, consent.headers.get("location")!);
  };
  const backFromBitbucket = async (client: ApiClient, url: string) => {
    const res = await fetch(url, { headers: { cookie: client.cookie }, redirect: "manual" });
    expect(res.status, await res.clone().text()).toBe(303);
    return new URL(res.headers.get("location")!);
  };
  const start = async (client: ApiClient) => {
    const res = await client.post("/api/integrations/bitbucket/account-link");
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    return res.body.authorizeUrl as string;
  };
  beforeEach(() => {
    state.oauthConsumers = [{ ...CONSUMER, callbackUrl: `${app.url}${CALLBACK}` }];
  });

  it("links the account Bitbucket vouches for, forgets Bitbucket's token, and counts that account's pull requests and comments as the member's", async () => {
    expect((await call("GET", "/api/integrations/bitbucket/account-link")).body).toMatchObject({
      available: false,
      reason: "Bitbucket is not connected to this workspace yet.",
    });
    // Brad wrote the attached pull request; Bitbucket says so by his account's uuid, never an email.
    state.pullRequests![0]!.pr.author = { uuid: bitbucketUserUuid("brad"), display_name: "brad" };
    await connect();
    const { client: member } = await inviteMember(owner, "brad@example.com", "Brad Rydzewski");
    const me = (await member.get("/api/auth/session")).body.member.id as string;
    const authored = async () =>
      ((await owner.get(`/api/members/${me}/contributions`)).body.items as { item: { externalKey: string } }[]).map((c) => c.item.externalKey);
    await until("PR fetched", async () => (await prItem()).metadataStatus === "fetched");
    expect(await authored()).toEqual([]);
    expect((await member.get("/api/integrations/bitbucket/account-link")).body).toEqual({
      workspace: "brydzewski",
      available: true,
      reason: null,
      linked: null,
    });

    const authorizeUrl = await start(member);
    const asked = new URL(authorizeUrl);
    expect(`${asked.origin}${asked.pathname}`).toBe(`${bitbucket.url}/site/oauth2/authorize`);
    expect(Object.fromEntries(asked.searchParams)).toMatchObject({ response_type: "code", client_id: CONSUMER.key, redirect_uri: `${app.url}${CALLBACK}` });
    const landed = await signIn(member, authorizeUrl);
    expect(`${landed.pathname}${landed.search}`).toBe("/profile?bitbucket=linked");

    // Once his account is linked, the pull request he wrote counts among his contributions.
    expect(await authored()).toEqual(["bitbucket:brydzewski:foo:pr:1"]);
    // And his timeline places it in the month Bitbucket last updated it.
    const month = async (day: string) =>
      (await member.get(`/api/members/${me}/timeline?period=month&periods=1&until=${day.slice(0, 10)}`)).body.periods[0].counts as Record<string, number>;
    expect(await month((await prItem()).details.updatedAt)).toMatchObject({ authored: 1 });
    const status = (await member.get("/api/integrations/bitbucket/account-link")).body;
    expect(status.linked).toMatchObject({ account: "brad" });
    const accounts = (await member.get("/api/account-links")).body;
    expect(accounts).toEqual([{ id: status.linked.id, host: "bitbucket", hostName: "Bitbucket", account: "brad", linkedAt: expect.any(String) }]);
    // The sign-in token was used once and never kept.
    const stored = await app.services.storage.sequelize.query("SELECT * FROM identity_links", { type: QueryTypes.SELECT });
    for (const t of state.userTokens!) {
      expect(JSON.stringify(stored)).not.toContain(t.token);
      for (const r of responses) expect(r).not.toContain(t.token);
    }

    // Their comment on the PR, as the repository webhook delivers it, now counts as theirs.
    const event = fixture("pullrequest_comment_created.json");
    event.pullrequest = structuredClone(created.pullrequest);
    event.repository = created.repository;
    event.comment.user.uuid = bitbucketUserUuid("brad");
    expect(await deliverRepositoryHooks(state, "brydzewski", "foo", "pullrequest:comment_created", event, "brad-comment")).toEqual([202]);
    expect(await until("comment counted", async () => (await prItem()).updates[0])).toMatchObject({ memberId: me, body: "test comment" });
    // His timeline has his comment in the month he wrote it.
    expect(await month(event.comment.created_on)).toMatchObject({ commented: 1 });

    // Unlinking is the member's own: another member cannot, and then the account is theirs no longer.
    expect((await owner.delete(`/api/account-links/${status.linked.id}`)).status).toBe(404);
    expect((await member.delete(`/api/account-links/${status.linked.id}`)).status).toBe(204);
    expect((await member.get("/api/account-links")).body).toEqual([]);
    expect(await authored()).toEqual([]);
  });

  it("refuses a sign-in started by someone else, a spent or forged code, a cancelled one, and an account outside the workspace", async () => {
    await connect();
    const { client: victim } = await inviteMember(owner, "victim@example.com", "Victor");
    // An attacker starts a link, signs in as themselves, and gets the victim's browser to finish it.
    const attackerUrl = await start(owner);
    const asked = new URL(attackerUrl);
    const consent = await fetch(`${bitbucket.url}/site/oauth2/authorize`, {
      method: "POST",
      body: new URLSearchParams({
        client_id: CONSUMER.key,
        state: asked.searchParams.get("state")!,
        redirect_uri: asked.searchParams.get("redirect_uri")!,
        username: "mallory",
        member: "yes",
        decision: "grant",
      }),
      redirect: "manual",
    });
    const callback = consent.headers.get("location")!;
    const refused = await backFromBitbucket(victim, callback);
    expect(refused.searchParams.get("bitbucket_error")).toBe("That sign-in was not started here; start again from your profile.");
    expect((await victim.get("/api/account-links")).body).toEqual([]);
    // A forged state, or none.
    const forged = new URL(callback);
    forged.searchParams.set("state", "x".repeat(60));
    expect((await backFromBitbucket(owner, forged.toString())).searchParams.get("bitbucket_error")).toContain("not started here");
    // The attacker's own code works once for the attacker...
    expect((await backFromBitbucket(owner, callback)).searchParams.get("bitbucket")).toBe("linked");
    // ...and never again.
    expect((await backFromBitbucket(owner, callback)).searchParams.get("bitbucket_error")).toBe("Bitbucket did not accept the sign-in; start again.");

    expect((await signIn(victim, await start(victim), { decision: "deny" })).searchParams.get("bitbucket_error")).toBe(
      "You did not allow Groundwork to read your Bitbucket account.",
    );
    expect((await signIn(victim, await start(victim), { username: "outsider", member: false })).searchParams.get("bitbucket_error")).toBe(
      "Your Bitbucket account outsider is not a member of the brydzewski workspace.",
    );
    expect((await victim.get("/api/account-links")).body).toEqual([]);
    // A wrong consumer secret is refused by Bitbucket, and the secret is never logged or shown.
    state.oauthConsumers = [{ ...CONSUMER, secret: "another-secret-0123456789abcdef", callbackUrl: `${app.url}${CALLBACK}` }];
    expect((await signIn(victim, await start(victim))).searchParams.get("bitbucket_error")).toBe("Bitbucket did not accept the sign-in; start again.");
    for (const r of responses) expect(r).not.toContain(CONSUMER.secret);
  });

  it("says why a member cannot sign in when the server has no OAuth consumer set up", async () => {
    await connect();
    const original = app.services.config.bitbucket.oauth;
    app.services.config.bitbucket.oauth = undefined;
    try {
      const res = await owner.post("/api/integrations/bitbucket/account-link");
      expect(res.status).toBe(409);
      expect(res.body.error).toMatchObject({ code: "bitbucket_sign_in_unavailable", message: expect.stringContaining("BITBUCKET_OAUTH_KEY") });
    } finally {
      app.services.config.bitbucket.oauth = original;
    }
  });
});

it("draws a linked PR's insight from its diffstat (reached through Bitbucket's redirect) and commits, again after a push, and not for a redelivery", async () => {
  const changes = fixture("rest.sandbox_pullrequest_changes.json");
  Object.assign(state.pullRequests![0]!, { diffstat: changes.diffstat, commits: changes.commits });
  const before = bitbucket.requests.length;
  await connect();
  const derived = async (files: number) =>
    until(`insight with ${files} files`, async () => {
      const insight = (await prItem()).insight as { contributions: { text: string }[]; themes: { theme: string }[] } | null;
      return insight?.contributions.some((c) => c.text.startsWith(`Changed ${files} files`)) ? insight : null;
    });
  const first = await derived(5);
  expect(first.contributions.map((c) => c.text)).toContain("Linked to PAY-118");
  expect(first.themes.map((t) => t.theme)).toEqual(expect.arrayContaining(["testing", "documentation"]));
  // Listed page by page (two entries a page here) from where the pull request's diffstat redirects.
  const diffstat = bitbucket.requests.slice(before).filter((r) => r.path.includes("/diffstat"));
  expect(diffstat.map((r) => r.path)).toEqual([
    "/2.0/repositories/brydzewski/foo/pullrequests/1/diffstat",
    ...Array(3).fill(expect.stringMatching(/^\/2\.0\/repositories\/brydzewski\/foo\/diffstat\/507a576e59b3\.\.[0-9a-f]+$/)),
  ]);

  // A push moves the PR's head: the update's delivery has its files listed again.
  const updated = fixture("pullrequest_updated.json");
  const pr = state.pullRequests![0]!;
  pr.pr.source!.commit!.hash = updated.pullrequest.source.commit.hash;
  pr.diffstat = [
    ...changes.diffstat,
    { type: "diffstat", status: "added", lines_added: 30, lines_removed: 0, old: null, new: { path: "src/refunds/retry.test.ts" } },
  ];
  expect(await deliverRepositoryHooks(state, "brydzewski", "foo", "pullrequest:updated", updated, "push-1")).toEqual([202]);
  expect((await derived(6)).contributions.map((c) => c.text)).toContain("Added 1 test file and updated 1");

  // The same content again derives nothing and lists nothing.
  await jobsSettled(app.services.storage.sequelize);
  const jobs = async (kind: string) =>
    Number(
      (
        await app.services.storage.sequelize.query<{ n: number }>("SELECT COUNT(*) AS n FROM jobs WHERE kind = :kind", {
          type: QueryTypes.SELECT,
          replacements: { kind },
        })
      )[0]!.n,
    );
  const [derives, refreshes] = [await jobs("insight.derive"), await jobs("bitbucket.refresh")];
  expect(await deliverRepositoryHooks(state, "brydzewski", "foo", "pullrequest:updated", updated, "push-2")).toEqual([202]);
  await jobsSettled(app.services.storage.sequelize);
  expect([await jobs("insight.derive"), await jobs("bitbucket.refresh")]).toEqual([derives, refreshes]);
});
