import { setTimeout as sleep } from "node:timers/promises";
import { QueryTypes } from "sequelize";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { failures } from "@groundwork/simulators/fakeHost";
import { jobsSettled, until } from "../../testing/until.js";
import { ApiClient, inviteMember, signUp, startTestApp } from "../../testing/testApp.js";
import { bindCodeOf, configureDataOf } from "../../testing/hostedApp.js";
import { BitbucketHostDriver, fakeBitbucket, lifecyclePayload, signAsBitbucket, type FakeBitbucketState } from "@groundwork/simulators/bitbucket/fakeBitbucket";
import type { BitbucketPullRequest } from "./client.js";
import { RecentRows } from "../../storage/recentRows.js";
import { hostSample } from "@groundwork/simulators/samples";

/** The Connect app end to end against the fake Bitbucket, with documented payloads (fixtures/SOURCES.md). */
const fixture = (name: string) => hostSample("bitbucket", name);
const created = fixture("pullrequest_created.json");
const updated = fixture("pullrequest_updated.json");
const fulfilled = fixture("pullrequest_fulfilled.json");
const PR_URL = "https://bitbucket.org/brydzewski/foo/pull-requests/1";
const ADMIN = "{00000000-0000-4000-8000-00000000a0a0}";
const VIEWER = "{00000000-0000-4000-8000-0000000000b0}";
/** Each test installs the app afresh (a workspace of its own in Bitbucket's eyes) into a Groundwork workspace of its own. */
let install: { clientKey: string; sharedSecret: string; principal: { uuid: string; username: string } };
let installs = 0;
const APP_KEY = "groundwork-fabrikam";
/** Opens the configure page as Bitbucket does (a page-load JWT for that request, naming the user) and returns its bind code. */
const configure = async (sub?: string) => {
  const res = await fetch(
    `${app.url}/bitbucket/configure?jwt=${signAsBitbucket(install.clientKey, install.sharedSecret, "GET", "/configure", sub ? { sub } : {})}`,
  );
  const html = await res.text();
  const data = configureDataOf(html);
  return { status: res.status, html, data, code: bindCodeOf(html), link: data?.kind === "connect" ? data.bindUrl : undefined };
};
const state: FakeBitbucketState = {
  appKey: APP_KEY,
  user: { uuid: "{87bb15eb-47c1-49b3-9f16-ca824a2979a4}", display_name: "Brad Rydzewski", account_id: "557058:2a63" },
  repositories: [{ workspace: "brydzewski", slug: "foo", uuid: "{bc771cbf-829e-4c4b-b71f-a0eb3ac2b860}" }],
  commits: ["507a576e59b3" + "0".repeat(28), "0704fc5beccc" + "1".repeat(28)],
  workspaceMembers: [],
};
const bitbucket = fakeBitbucket(state);
let app: Awaited<ReturnType<typeof startTestApp>>;
let owner: ApiClient;
let host: BitbucketHostDriver;
let objectiveId: string;

const sql = () => app.services.storage.sequelize;
const installation = async () =>
  (
    await sql().query<Record<string, any>>("SELECT * FROM bitbucket_installations WHERE client_key = :k", {
      type: QueryTypes.SELECT,
      replacements: { k: install.clientKey },
    })
  )[0];
const count = async (kind: string) =>
  Number((await sql().query<{ n: number }>("SELECT COUNT(*) AS n FROM jobs WHERE kind = :kind", { type: QueryTypes.SELECT, replacements: { kind } }))[0]!.n);
const post = (p: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${app.url}/bitbucket${p}`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify(body) });
const prItem = async () =>
  ((await owner.get("/api/objectives")).body.items.find((o: { id: string }) => o.id === objectiveId).links as { item: Record<string, any> }[]).find(
    (l) => l.item.host === "bitbucket",
  )!.item;
const latestStatus = () => state.statuses?.at(-1);

beforeAll(async () => {
  await bitbucket.start();
  app = await startTestApp({
    // Not the default key: keys are global in Atlassian's registry, so a self-hosted deployment sets its own.
    bitbucket: { apiUrl: bitbucket.url, siteUrl: bitbucket.url, allowedBaseUrls: ["https://bitbucket.org"], appKey: APP_KEY, requestsPerHour: 1000 },
    worker: { enabled: true, concurrency: 2, maxAttempts: 5 },
  });
  host = new BitbucketHostDriver(state, `${app.url}/bitbucket`);
});
beforeEach(async () => {
  const n = String(++installs).padStart(12, "0");
  install = {
    clientKey: `{a1b2c3d4-0000-4000-8000-${n}}`,
    sharedSecret: `first-shared-secret-${n}`,
    principal: { uuid: `{5e1f0000-0000-4000-8000-${n}}`, username: "brydzewski" },
  };
  // signAsBitbucket's default user administers the workspace; the PR viewer is a plain member.
  state.workspaceMembers!.push(
    { workspace: install.principal.uuid, uuid: ADMIN, permission: "owner" },
    { workspace: install.principal.uuid, uuid: VIEWER, permission: "member" },
  );
  state.pullRequests = [{ workspace: "brydzewski", slug: "foo", pr: structuredClone(created.pullrequest) as BitbucketPullRequest }];
  state.statuses = [];
  owner = (await signUp(app.url, "Olivia", `olivia-${n}@example.com`)).client;
  objectiveId = (await owner.post("/api/objectives", { title: "Ship foo", period: "2026-Q4" })).body.id;
});

const installed = async () => expect((await host.install(install)).status).toBe(204);
/** Installed, the PR attached to the objective, and the installation bound to the owner's workspace. */
const bound = async () => {
  await installed();
  await owner.post("/api/context-links", { targetType: "objective", targetId: objectiveId, url: PR_URL });
  expect((await owner.post("/api/integrations/bitbucket/bind", { code: (await configure()).code! })).status).toBe(201);
};
const settled = () => jobsSettled(sql());
afterAll(async () => {
  await app?.close();
  await bitbucket.stop();
});

describe("install lifecycle", () => {
  it("stores a first install whose secret Bitbucket accepts, sealed, and refuses one it does not", async () => {
    const forged = { ...install, clientKey: "{f0f0f0f0-0000-4000-8000-000000000bad}", sharedSecret: "attacker-chosen-secret" };
    const refused = await post("/installed", lifecyclePayload("installed", forged, "https://bitbucket.org", APP_KEY));
    expect(refused.status).toBe(401);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe("install_not_verified");

    expect(
      (await post("/installed", { ...lifecyclePayload("installed", forged, "https://bitbucket.org", APP_KEY), principal: { uuid: "not-a-uuid" } })).status,
    ).toBe(400);
    expect(
      (await post("/installed", { ...lifecyclePayload("installed", forged, "https://bitbucket.org", APP_KEY), baseUrl: "https://evil.example.com" })).status,
    ).toBe(403);
    expect((await post("/installed", { ...lifecyclePayload("installed", forged, "https://bitbucket.org", APP_KEY), key: "groundwork" })).status).toBe(400);
    const stored = await sql().query("SELECT 1 FROM bitbucket_installations WHERE client_key = :k", {
      type: QueryTypes.SELECT,
      replacements: { k: forged.clientKey },
    });
    expect(stored).toEqual([]);

    expect((await host.install(install)).status).toBe(204);
    const row = await installation();
    expect(row).toMatchObject({ status: "active", principal_uuid: install.principal.uuid, principal_name: "brydzewski", workspace_id: null });
    expect(JSON.stringify(row)).not.toContain(install.sharedSecret);
  });

  it("refuses a re-install or uninstall not signed with the stored secret, and accepts Bitbucket's own re-install", async () => {
    await installed();
    const first = install.sharedSecret;
    const takeover = lifecyclePayload("installed", { ...install, sharedSecret: "attacker-secret" }, "https://bitbucket.org", APP_KEY);
    expect((await post("/installed", takeover)).status).toBe(401);
    const wrongKey = signAsBitbucket(install.clientKey, "attacker-secret", "POST", "/installed");
    expect((await post("/installed", takeover, { authorization: `JWT ${wrongKey}` })).status).toBe(401);
    const wrongUninstall = signAsBitbucket(install.clientKey, "attacker-secret", "POST", "/uninstalled");
    expect(
      (await post("/uninstalled", lifecyclePayload("uninstalled", install, "https://bitbucket.org", APP_KEY), { authorization: `JWT ${wrongUninstall}` }))
        .status,
    ).toBe(401);
    expect((await installation())!.status).toBe("active");

    install.sharedSecret = "rotated-shared-secret-9876543210";
    expect((await host.install(install)).status).toBe(204);
    // Webhooks must now be signed with the new secret.
    const old = signAsBitbucket(install.clientKey, first, "POST", "/webhooks");
    expect((await post("/webhooks", created, { authorization: `JWT ${old}`, "x-event-key": "pullrequest:created", "x-request-uuid": "r-old" })).status).toBe(
      401,
    );
  });
});

describe("the documented install payload", () => {
  it("is read as Bitbucket sends it: refused for another app's key, stored for ours once its secret is proven", async () => {
    const sample = fixture("lifecycle_installed.json");
    const wrongApp = await post("/installed", sample);
    expect(wrongApp.status).toBe(400);
    expect(((await wrongApp.json()) as { error: { field: string } }).error.field).toBe("body.key");
    (state.installations ??= {})[sample.clientKey] = sample.sharedSecret;
    expect((await post("/installed", { ...sample, key: APP_KEY })).status).toBe(204);
    const row = (
      await sql().query<Record<string, any>>("SELECT * FROM bitbucket_installations WHERE client_key = :k", {
        type: QueryTypes.SELECT,
        replacements: { k: sample.clientKey },
      })
    )[0];
    expect(row).toMatchObject({ status: "active", principal_uuid: sample.principal.uuid, principal_name: "sentryuser" });
    const signed = signAsBitbucket(sample.clientKey, sample.sharedSecret, "POST", "/uninstalled");
    expect((await post("/uninstalled", { ...sample, key: APP_KEY, eventType: "uninstalled" }, { authorization: `JWT ${signed}` })).status).toBe(204);
  });
});

describe("requests from Bitbucket", () => {
  it("refuses every forged webhook and stores nothing", async () => {
    await installed();
    const before = await count("bitbucket.event");
    const headers = { "x-event-key": "pullrequest:created", "x-request-uuid": "forged-1" };
    const none = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
    const body = Buffer.from(JSON.stringify({ iss: install.clientKey, exp: 9999999999, qsh: "x" })).toString("base64url");
    const forged: Record<string, string | null> = {
      missing: null,
      wrongSecret: signAsBitbucket(install.clientKey, "not-the-secret", "POST", "/webhooks"),
      algNone: `${none}.${body}.`,
      expired: signAsBitbucket(install.clientKey, install.sharedSecret, "POST", "/webhooks", { exp: Math.floor(Date.now() / 1000) - 600 }),
      qshMismatch: signAsBitbucket(install.clientKey, install.sharedSecret, "POST", "/uninstalled"),
      unknownClient: signAsBitbucket("{99999999-0000-4000-8000-000000000000}", install.sharedSecret, "POST", "/webhooks"),
      garbage: "not.a.jwt",
    };
    for (const [what, token] of Object.entries(forged)) {
      const res = await post("/webhooks", created, { ...headers, ...(token ? { authorization: `JWT ${token}` } : {}) });
      expect(res.status, what).toBe(401);
    }
    expect(await count("bitbucket.event")).toBe(before);
  });

  it("verifies panel loads and panel API calls, and explains how to finish set-up before binding", async () => {
    await installed();
    const page = "/panel/pull-request?repository=brydzewski%2Ffoo&pullrequest=1";
    const good = signAsBitbucket(install.clientKey, install.sharedSecret, "GET", page);
    const wrong = signAsBitbucket(install.clientKey, "not-the-secret", "GET", page);
    const otherPage = signAsBitbucket(install.clientKey, install.sharedSecret, "GET", "/panel/pull-request?repository=brydzewski%2Ffoo&pullrequest=2");
    expect((await fetch(`${app.url}/bitbucket${page}&jwt=${wrong}`)).status).toBe(401);
    expect((await fetch(`${app.url}/bitbucket${page}&jwt=${otherPage}`)).status).toBe(401);
    const loaded = await fetch(`${app.url}/bitbucket${page}&jwt=${good}`);
    expect(loaded.status).toBe(200);
    expect(loaded.headers.get("x-frame-options")).toBeNull();
    const policy = loaded.headers.get("content-security-policy")!;
    expect(policy).toContain("frame-ancestors https://bitbucket.org");
    expect(policy).toContain("script-src 'self' https://bitbucket.org;");
    expect(policy).toContain("object-src 'none'");
    expect(await loaded.text()).toContain("https://bitbucket.org/atlassian-connect/all.js");

    const api = (token: string) =>
      fetch(`${app.url}/bitbucket/api/pull-request?repository=brydzewski/foo&pullrequest=1`, { headers: { authorization: `JWT ${token}` } });
    const context = (secret: string, claims: Record<string, unknown> = {}) =>
      signAsBitbucket(install.clientKey, secret, "GET", "/ignored", { qsh: "context-qsh", sub: "{00000000-0000-4000-8000-0000000000b0}", ...claims });
    expect((await api(context("not-the-secret"))).status).toBe(401);
    expect((await api(context(install.sharedSecret, { exp: Math.floor(Date.now() / 1000) - 600 }))).status).toBe(401);
    const unbound = await api(context(install.sharedSecret));
    expect(unbound.status).toBe(409);
    expect(((await unbound.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: "not_bound" });
  });

  it("lets a workspace owner bind the installation from the configure page", async () => {
    await installed();
    const page = await configure();
    expect(page.status).toBe(200);
    expect(page.link).toMatch(new RegExp(`^${app.url}/integrations/bitbucket/bind\\?code=`));
    // The host's all.js sizes the frame to the page's ac-content, so the Connect button is in sight.
    expect(page.html).toContain(`<script src="https://bitbucket.org/atlassian-connect/all.js"></script>`);
    expect(page.html).toContain(`<div class="ac-content" id="root"></div>`);
    expect(page.data).toMatchObject({ kind: "connect", workspace: "brydzewski", bound: false });
    const code = page.code!;
    expect((await fetch(`${app.url}/bitbucket/configure`)).status).toBe(401);

    // Pasted before binding: pending until the installation is bound.
    await owner.post("/api/context-links", { targetType: "objective", targetId: objectiveId, url: PR_URL });
    expect((await prItem()).metadataStatus).toBe("pending");

    const { client: member } = await inviteMember(owner, `member-${installs}@example.com`);
    expect((await member.post("/api/integrations/bitbucket/bind", { code })).status).toBe(403);
    expect((await owner.post("/api/integrations/bitbucket/bind", { code: code.slice(0, -4) + "AAAA" })).body.error.code).toBe("invalid_bind_code");
    expect((await owner.post("/api/integrations/bitbucket/bind/preview", { code })).body).toEqual({ workspace: "brydzewski", alreadyBoundHere: false });
    expect((await owner.post("/api/integrations/bitbucket/bind", { code })).status).toBe(201);
    const overview = (await owner.get("/api/integrations")).body.bitbucket;
    expect(overview).toMatchObject({
      connected: true,
      descriptorUrl: `${app.url}/bitbucket/atlassian-connect.json`,
      installations: [{ workspace: "brydzewski", status: "active" }],
    });

    const item = await until("PR metadata fetched as the app", async () => {
      const i = await prItem();
      return i.metadataStatus === "fetched" && i;
    });
    expect(item).toMatchObject({ title: "Awesome new feature", state: "open" });
    expect(item.details).toMatchObject({
      kind: "pull_request",
      sourceBranch: "develop",
      targetBranch: "master",
      author: { name: "Brad Rydzewski", email: null },
    });
    // Its diffstat is read as the app too: the redirect's target gets a JWT of its own (a token's qsh binds one path), or the refresh would have failed.
    expect(bitbucket.requests.some((r) => /^\/2\.0\/repositories\/brydzewski\/foo\/diffstat\/[0-9a-f]+\.\.[0-9a-f]+$/.test(r.path))).toBe(true);
    expect(await until("insight derived", async () => (await prItem()).insight)).toMatchObject({ derivedBy: "rules", themes: [{ theme: "feature" }] });
  });

  it("writes what the configure page shows as data a workspace's name cannot break out of", async () => {
    install.principal.username = '</script><script>alert("x")</script>';
    await installed();
    const page = await configure();
    expect(page.status).toBe(200);
    expect(page.html).not.toContain("<script>alert");
    expect(page.data).toMatchObject({ kind: "connect", workspace: '</script><script>alert("x")</script>' });
  });

  it("refuses the install hijack: a viewer's context token, a non-administrator, a spent code, and a move without the owner's consent", async () => {
    await bound();
    // The PR panel hands every viewer a context token; it must not open the configure page.
    const context = signAsBitbucket(install.clientKey, install.sharedSecret, "GET", "/ignored", { qsh: "context-qsh", sub: VIEWER });
    expect((await fetch(`${app.url}/bitbucket/configure?jwt=${context}`)).status).toBe(401);
    // A page-load token for someone Bitbucket does not list as an administrator gets no code.
    const member = await configure(VIEWER);
    expect(member.status).toBe(403);
    expect(member.code).toBeNull();
    expect(member.data).toEqual({ kind: "admin_only", workspace: "brydzewski" });

    // A code binds once; a second use, even by the same owner, is refused.
    const first = (await configure()).code!;
    expect((await owner.post("/api/integrations/bitbucket/bind", { code: first })).status).toBe(201);
    expect((await owner.post("/api/integrations/bitbucket/bind", { code: first })).body.error.code).toBe("used_bind_code");

    // An owner of another Groundwork workspace cannot take it, even with a fresh code from an administrator.
    const { client: rival } = await signUp(app.url, "Rival", `rival-${installs}@example.com`);
    const fresh = (await configure()).code!;
    const taken = await rival.post("/api/integrations/bitbucket/bind", { code: fresh });
    expect(taken.status).toBe(409);
    expect(taken.body.error.code).toBe("bound_elsewhere");
    expect((await installation())!.workspace_id).toBe((await owner.get("/api/auth/session")).body.workspace.id);
    expect((await rival.delete(`/api/integrations/bitbucket/installations/${(await installation())!.id}`)).status).toBe(404);

    // With the current owner's consent (releasing it), it moves; and back again.
    const id = (await owner.get("/api/integrations")).body.bitbucket.installations[0].id;
    expect((await owner.delete(`/api/integrations/bitbucket/installations/${id}`)).status).toBe(204);
    expect((await rival.post("/api/integrations/bitbucket/bind", { code: (await configure()).code! })).status).toBe(201);
    expect((await rival.delete(`/api/integrations/bitbucket/installations/${id}`)).status).toBe(204);
    expect((await owner.post("/api/integrations/bitbucket/bind", { code: (await configure()).code! })).status).toBe(201);
  });

  it("posts the build status with the documented body, and re-posts it when the PR's links change", async () => {
    await bound();
    const first = await until("build status", async () => latestStatus()?.description === "Linked to 1 item in Groundwork" && latestStatus());
    expect(first).toEqual({
      key: "groundwork-pr-1",
      state: "SUCCESSFUL",
      name: "Groundwork",
      description: "Linked to 1 item in Groundwork",
      url: `${app.url}/add?url=${encodeURIComponent(PR_URL)}`,
      refname: "develop",
      workspace: "brydzewski",
      slug: "foo",
      commit: state.commits![0],
    });
    const kr = (await owner.post(`/api/objectives/${objectiveId}/key-results`, { title: "Merge it" })).body;
    const second = await owner.post("/api/context-links", { targetType: "key_result", targetId: kr.id, url: PR_URL });
    await until("two links", async () => latestStatus()?.description === "Linked to 2 items in Groundwork");
    expect(second.status).toBe(201);
    // Deleting the key result takes its link with it, and the status follows.
    expect((await owner.delete(`/api/key-results/${kr.id}`)).status).toBe(204);
    await until("back to one", async () => latestStatus()?.description === "Linked to 1 item in Groundwork");
  });

  it("finds the workspace's pull requests to attach as the app, its JWT bound to the filtered query", async () => {
    await bound();
    state.maxPagelen = 10;
    const search = (q: string) => owner.get(`/api/context-search?q=${encodeURIComponent(q)}`);
    const all = await search("");
    expect(all.body).toMatchObject({ items: [{ reference: "#1", where: "foo", url: PR_URL, title: "Awesome new feature" }], unavailable: [] });
    // The fake checks the JWT's qsh against the query as sent: repeated `state`, `sort` and a quoted `q`.
    expect((await search("awesome")).body.items.map((i: { reference: string }) => i.reference)).toEqual(["#1"]);
    expect((await search("nothing-like-it")).body).toEqual({ items: [], unavailable: [] });
    // The search's own call (its filter names the word), not a page of the history import running beside it.
    bitbucket.fail({ path: /\/pullrequests$/, query: /awesome/, respond: failures.unauthorized() });
    expect((await search("awesome")).body).toMatchObject({
      items: [],
      unavailable: [{ host: "bitbucket", message: expect.stringMatching(/^Bitbucket answered 401/) }],
    });
  });

  it("checks each webhook against the installation's kept values, building it no model instance", async () => {
    await bound();
    expect((await host.webhook(install.clientKey, "pullrequest:created", created, "kept-1")).status).toBe(202);
    // find() builds each caller a model instance of its own: in npm run bench, a cost on every delivery.
    const find = vi.spyOn(RecentRows.prototype, "find");
    const peek = vi.spyOn(RecentRows.prototype, "peek");
    try {
      for (const id of ["kept-2", "kept-3"]) expect((await host.webhook(install.clientKey, "pullrequest:updated", updated, id)).status).toBe(202);
      expect(find).not.toHaveBeenCalled();
      expect(peek).toHaveBeenCalledTimes(2);
    } finally {
      find.mockRestore();
      peek.mockRestore();
    }
    // A forged one is still refused.
    expect((await host.webhook(install.clientKey, "pullrequest:updated", updated, "kept-4", "not-the-secret")).status).toBe(401);
  });

  it("updates the snapshot from each documented webhook once, even when redelivered", async () => {
    await bound();
    const first = await host.webhook(install.clientKey, "pullrequest:created", created, "req-created");
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ received: true, duplicate: false });

    state.pullRequests![0]!.pr = structuredClone(updated.pullrequest);
    expect((await host.webhook(install.clientKey, "pullrequest:updated", updated, "req-updated")).status).toBe(202);
    // A new commit was pushed: the status goes on the new head, resolved from its short hash.
    await until("status on the new commit", async () => latestStatus()?.commit === state.commits![1]);

    expect(await (await host.webhook(install.clientKey, "pullrequest:fulfilled", fulfilled, "req-merged")).json()).toEqual({
      received: true,
      duplicate: false,
    });
    expect(await (await host.webhook(install.clientKey, "pullrequest:fulfilled", fulfilled, "req-merged")).json()).toEqual({ received: true, duplicate: true });
    const merged = await until("merged", async () => {
      const i = await prItem();
      return i.state === "merged" && i;
    });
    expect(merged.details.closedAt).toBe(fulfilled.pullrequest.updated_on);
    const jobs = await sql().query<{ status: string }>("SELECT status FROM jobs WHERE dedupe_key LIKE '%:req-merged'", { type: QueryTypes.SELECT });
    expect(jobs).toEqual([{ status: "done" }]);

    const ignored = await host.webhook(install.clientKey, "repo:push", fixture("repo_push.json"));
    expect(await ignored.json()).toEqual({ received: true, ignored: true });
  });

  it("turns a comment by a member who linked their Bitbucket account into a context update", async () => {
    await bound();
    const author = "{145a94da-035e-42d6-bf85-296cea8005ba}";
    // From the panel, with a context token for that Bitbucket user; Olivia confirms in Groundwork.
    const token = signAsBitbucket(install.clientKey, install.sharedSecret, "POST", "/ignored", { qsh: "context-qsh", sub: author });
    const start = await fetch(`${app.url}/bitbucket/api/account-link`, { method: "POST", headers: { authorization: `JWT ${token}` } });
    expect(start.status).toBe(200);
    const code = new URL(((await start.json()) as { linkUrl: string }).linkUrl).searchParams.get("code")!;
    expect((await owner.post("/api/account-links", { code })).status).toBe(201);

    const event = fixture("pullrequest_comment_created.json");
    event.pullrequest = structuredClone(fulfilled.pullrequest);
    event.repository = fulfilled.repository;
    expect((await host.webhook(install.clientKey, "pullrequest:comment_created", event, "req-comment")).status).toBe(202);
    const update = await until("comment shown", async () => (await prItem()).updates[0]);
    expect(update).toMatchObject({ authorName: "Rutvij Mehta", body: "test comment", url: event.comment.links.html.href });

    const stranger = structuredClone(event);
    stranger.comment.id = 42;
    stranger.comment.user.uuid = "{00000000-0000-4000-8000-0000000000aa}";
    await host.webhook(install.clientKey, "pullrequest:comment_created", stranger, "req-stranger");
    await until(
      "stranger's delivery processed",
      async () =>
        (await sql().query("SELECT 1 FROM jobs WHERE dedupe_key LIKE '%:req-stranger' AND status = 'done'", { type: QueryTypes.SELECT })).length === 1,
    );
    expect((await prItem()).updates).toHaveLength(1);
  });

  it("retries a 429 after its Retry-After, and stops on a 401, showing it on the Integrations page", async () => {
    await bound();
    await settled();
    bitbucket.fail({ method: "POST", path: /statuses\/build$/, respond: failures.rateLimited(1) });
    const start = bitbucket.requests.length;
    const kr = (await owner.post(`/api/objectives/${objectiveId}/key-results`, { title: "Retry" })).body;
    const link = await owner.post("/api/context-links", { targetType: "key_result", targetId: kr.id, url: PR_URL });
    const posts = await until("two status posts", async () => {
      const p = bitbucket.requests.slice(start).filter((r) => r.method === "POST" && r.path.endsWith("/statuses/build"));
      return p.length >= 2 && p;
    });
    expect(posts[1]!.at - posts[0]!.at).toBeGreaterThanOrEqual(950);

    bitbucket.fail({ method: "POST", path: /statuses\/build$/, respond: failures.unauthorized() });
    await owner.delete(`/api/context-links/${link.body.id}`);
    const shown = await until("auth failure shown", async () => {
      const i = (await owner.get("/api/integrations")).body.bitbucket.installations[0];
      return i.status === "auth_failed" && i;
    });
    expect(shown.lastError).toContain("401");
    // Bitbucket re-installing the app (same secret) makes it active again.
    expect((await host.install(install)).status).toBe(204);
    expect((await installation())!.status).toBe("active");
  });

  it("stops all calls and purges the secret on uninstall", async () => {
    await bound();
    await settled();
    const res = await host.uninstall(install);
    expect(res.status).toBe(204);
    expect(await installation()).toMatchObject({ status: "uninstalled", shared_secret_sealed: null });
    const posted = state.statuses!.length;
    const kr = (await owner.post(`/api/objectives/${objectiveId}/key-results`, { title: "After uninstall" })).body;
    await owner.post("/api/context-links", { targetType: "key_result", targetId: kr.id, url: PR_URL });
    await sleep(500);
    expect(state.statuses!.length).toBe(posted);
    const late = signAsBitbucket(install.clientKey, install.sharedSecret, "POST", "/webhooks");
    expect((await post("/webhooks", created, { authorization: `JWT ${late}`, "x-event-key": "pullrequest:created", "x-request-uuid": "late" })).status).toBe(
      401,
    );
    expect((await owner.get("/api/integrations")).body.bitbucket).toMatchObject({ connected: false, installations: [{ status: "uninstalled" }] });
  });
});
