import { QueryTypes } from "sequelize";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { fakeBitbucket, type FakeBitbucketState } from "@groundwork/simulators/bitbucket/fakeBitbucket";
import { fakeForge, type FakeForge } from "@groundwork/simulators/bitbucket/fakeForge";
import { bitbucketWorkspaceUuid } from "@groundwork/simulators/bitbucket/identities";
import { hostSample } from "@groundwork/simulators/samples";
import { jobsSettled, until } from "../../testing/until.js";
import { ApiClient, signUp, startTestApp } from "../../testing/testApp.js";
import type { BitbucketPullRequest } from "./client.js";
import { IdentityLinkRow } from "../../storage/models.js";
import { BitbucketInstallationRow } from "./models.js";

/**
 * The Forge app end to end against the fake Bitbucket and a fake Forge (its own signing key as
 * the JWKS, system tokens through the API gateway, events with Forge's retries): settings page →
 * bind → events read as the app → snapshot, build status, comments; forged calls refused.
 */
const APP_ID = "ari:cloud:ecosystem::app/8db33809-1f32-48bb-8c52-5877dab48107";
const WORKSPACE = "brydzewski";
const ADMIN = { uuid: "{00000000-0000-4000-8000-00000000a0a0}", display_name: "Ada Admin", account_id: "712020:ada-admin" };
const MEMBER = { uuid: "{00000000-0000-4000-8000-0000000000b0}", display_name: "Max Member", account_id: "712020:max-member" };
const COMMENTER = { uuid: "{145a94da-035e-42d6-bf85-296cea8005ba}", display_name: "Rutvij Mehta", account_id: "712020:rutvij" };
const REPOSITORY = { workspace: WORKSPACE, slug: "foo", uuid: "{bc771cbf-829e-4c4b-b71f-a0eb3ac2b860}" };
const PR_URL = "https://bitbucket.org/brydzewski/foo/pull-requests/1";
const created = hostSample("bitbucket", "pullrequest_created.json");

const state: FakeBitbucketState = {
  user: { uuid: "{87bb15eb-47c1-49b3-9f16-ca824a2979a4}", display_name: "Brad Rydzewski", account_id: "557058:2a63" },
  repositories: [REPOSITORY],
  commits: ["507a576e59b3" + "0".repeat(28)],
  people: [ADMIN, MEMBER, COMMENTER],
  workspaceMembers: [
    { workspace: WORKSPACE, uuid: ADMIN.uuid, permission: "owner" },
    { workspace: WORKSPACE, uuid: MEMBER.uuid, permission: "member" },
  ],
};
const bitbucket = fakeBitbucket(state);
let forge: FakeForge;
let app: Awaited<ReturnType<typeof startTestApp>>;
let owner: ApiClient;

/** A documented Forge event, naming this test's workspace, repository and pull request by uuid and id. */
const event = (name: string, pullRequestId = 1) => {
  const e = hostSample("bitbucket", name);
  e.workspace.uuid = bitbucketWorkspaceUuid(WORKSPACE);
  e.repository.uuid = REPOSITORY.uuid;
  e.pullrequest.id = pullRequestId;
  return e as Record<string, unknown>;
};
const settings = (principal: string) =>
  forge.invokeRemote(WORKSPACE, { type: "bitbucket:workspaceSettingsMenuPage", key: "groundwork-settings" }, { path: "/configure", principal });
const installation = () => BitbucketInstallationRow.findOne({ where: { clientKey: forge.installation(WORKSPACE).installationId } });
const count = async (kind: string) =>
  Number(
    (
      await app.services.storage.sequelize.query<{ n: number }>("SELECT COUNT(*) AS n FROM jobs WHERE kind = :kind", {
        type: QueryTypes.SELECT,
        replacements: { kind },
      })
    )[0]!.n,
  );

beforeAll(async () => {
  forge = await fakeForge({ appId: APP_ID, retryDelayMs: 50 });
  bitbucket.addRoute(forge.jwksRoute);
  state.forgeTokens = forge.systemTokens;
  await bitbucket.start();
  app = await startTestApp({
    bitbucket: { apiUrl: bitbucket.url, siteUrl: bitbucket.url, allowedBaseUrls: ["https://bitbucket.org"], appKey: "groundwork", requestsPerHour: 1000 },
    forge: { appId: APP_ID, jwksUrl: `${bitbucket.url}/_forge/jwks.json` },
    worker: { enabled: true, concurrency: 2, maxAttempts: 5 },
  });
  forge.at({ bitbucketUrl: bitbucket.url, remoteUrl: `${app.url}/bitbucket/forge` });
});
afterAll(async () => {
  await app?.close();
  await bitbucket.stop();
});
beforeEach(async () => {
  await BitbucketInstallationRow.destroy({ where: {} });
  state.pullRequests = [{ workspace: WORKSPACE, slug: "foo", pr: structuredClone(created.pullrequest) as BitbucketPullRequest }];
  state.statuses = [];
  owner = (await signUp(app.url, "Olivia", `olivia-${Date.now()}-${Math.random()}@example.com`)).client;
});

/** The settings page, opened by a workspace administrator, and its link confirmed by the Groundwork owner. */
async function bound() {
  const page = await settings(ADMIN.account_id);
  expect(page).toMatchObject({ status: 200, body: { kind: "connect", workspace: WORKSPACE, bound: false } });
  const code = new URL((page.body as { bindUrl: string }).bindUrl).searchParams.get("code")!;
  expect((await owner.post("/api/integrations/bitbucket/bind", { code })).status).toBe(201);
}

describe("installing and binding", () => {
  it("learns the installation from its first call that names the workspace, and keeps the app token sealed", async () => {
    // Lifecycle events name no workspace: acknowledged, nothing to keep yet.
    expect(await forge.sendEvent(WORKSPACE, "/lifecycle", hostSample("bitbucket", "forge.lifecycle_installed.json"), "groundwork-lifecycle-remote")).toEqual([
      { status: 204, retryCount: 0 },
    ]);
    expect(await installation()).toBeNull();

    const page = await settings(MEMBER.account_id);
    // Not an administrator: told to ask one, no link.
    expect(page).toEqual({ status: 200, body: { kind: "admin_only", workspace: WORKSPACE } });
    const row = (await installation())!;
    expect(row).toMatchObject({
      kind: "forge",
      principalUuid: bitbucketWorkspaceUuid(WORKSPACE),
      principalName: WORKSPACE,
      status: "active",
      workspaceId: null,
    });
    expect(row.baseUrl).toBe(forge.installation(WORKSPACE).apiBaseUrl);
    // Sealed at rest, and it lapses when the token says (an hour).
    expect(row.systemTokenSealed).not.toContain(forge.systemTokens.at(-1)!.token.split(".")[2]);
    expect(Math.abs(row.systemTokenExpiresAt!.getTime() - forge.systemTokens[0]!.expiresAt)).toBeLessThan(2000);
    // Bitbucket was asked as the app, through the gateway, with the account id Forge named.
    const asked = bitbucket.requests.filter((r) => r.path.endsWith("/permissions"));
    expect(asked.at(-1)).toMatchObject({ gateway: `/ex/bitbucket/${bitbucketWorkspaceUuid(WORKSPACE).slice(1, -1)}` });
    expect(asked.at(-1)!.query.get("q")).toBe(`user.account_id="${MEMBER.account_id}"`);
  });

  it("binds through the settings page an administrator opened, once; the workspace then lists it", async () => {
    const page = await settings(ADMIN.account_id);
    const code = new URL((page.body as { bindUrl: string }).bindUrl).searchParams.get("code")!;
    expect((await owner.post("/api/integrations/bitbucket/bind/preview", { code })).body).toEqual({ workspace: WORKSPACE, alreadyBoundHere: false });
    expect((await owner.post("/api/integrations/bitbucket/bind", { code })).status).toBe(201);
    expect((await owner.post("/api/integrations/bitbucket/bind", { code })).body.error.code).toBe("used_bind_code");
    const { installations } = (await owner.get("/api/integrations")).body.bitbucket;
    expect(installations).toMatchObject([{ workspace: WORKSPACE, status: "active" }]);
    // Another Groundwork workspace cannot take it over with a fresh link.
    const other = (await signUp(app.url, "Mallory", `mallory-${Date.now()}@example.com`)).client;
    const again = new URL(((await settings(ADMIN.account_id)).body as { bindUrl: string }).bindUrl).searchParams.get("code")!;
    expect((await other.post("/api/integrations/bitbucket/bind", { code: again })).body.error.code).toBe("bound_elsewhere");
  });
});

describe("events", () => {
  it("reads a pull request event's pull request as the app, attaches its snapshot and posts the build status", async () => {
    await owner
      .post("/api/objectives", { title: "Ship foo", period: "2026-Q4" })
      .then((o) => owner.post("/api/context-links", { targetType: "objective", targetId: o.body.id, url: PR_URL }));
    await bound();
    await jobsSettled(app.services.storage.sequelize);
    state.pullRequests![0]!.pr.title = "Renamed on Bitbucket";
    state.statuses = [];
    expect(await forge.sendEvent(WORKSPACE, "/events", event("forge.pullrequest_updated.json"))).toEqual([{ status: 202, retryCount: 0 }]);
    const item = await until("the new title", async () => {
      const objectives = (await owner.get("/api/objectives")).body.items as { links: { item: { title: string } }[] }[];
      return objectives[0]!.links.find((l) => l.item.title === "Renamed on Bitbucket")?.item;
    });
    expect(item).toBeTruthy();
    const status = await until("the build status", async () => state.statuses?.at(-1));
    expect(status).toMatchObject({ key: "groundwork-pr-1", state: "SUCCESSFUL", refname: created.pullrequest.source.branch.name });
    // Every call went through the gateway with a system token Forge sent.
    const calls = bitbucket.requests.filter((r) => r.path.startsWith("/2.0/repositories/"));
    expect(calls.length).toBeGreaterThan(0);
    for (const call of calls) {
      expect(call.gateway).toBeTruthy();
      expect(forge.systemTokens.map((t) => `Bearer ${t.token}`)).toContain(call.headers.authorization);
    }
    expect(bitbucket.takeViolations()).toEqual([]);
  });

  it("records a retried event once, but a first attempt that repeats an earlier event as a new one", async () => {
    await bound();
    await jobsSettled(app.services.storage.sequelize);
    const before = await count("bitbucket.event");
    const body = event("forge.pullrequest_updated.json");
    const send = (payload: Record<string, unknown>) =>
      forge.invokeRemote(WORKSPACE, { type: "core:endpoint", key: "groundwork-events-remote" }, { path: "/events", body: { payload }, principal: "" });
    expect((await send(body)).body).toEqual({ received: true, duplicate: false });
    const retry = { ...body, retryContext: { retryData: null, retryCount: 1, retryReason: "TIMEOUT_ERROR" } };
    // Keys in another order are the same event.
    const reordered = Object.fromEntries(Object.entries(retry).reverse());
    expect((await send(reordered)).body).toEqual({ received: true, duplicate: true });
    expect((await send(body)).body).toEqual({ received: true, duplicate: false });
    expect(await count("bitbucket.event")).toBe(before + 2);
  });

  it("counts a comment by a member who linked their Bitbucket account, read by its id", async () => {
    await owner
      .post("/api/objectives", { title: "Ship foo", period: "2026-Q4" })
      .then((o) => owner.post("/api/context-links", { targetType: "objective", targetId: o.body.id, url: PR_URL }));
    await bound();
    const row = (await installation())!;
    const me = (await owner.get("/api/auth/session")).body;
    await IdentityLinkRow.create({
      workspaceId: row.workspaceId!,
      memberId: me.member.id,
      host: "bitbucket",
      scope: row.principalUuid,
      externalUserId: COMMENTER.uuid,
      accountName: COMMENTER.display_name,
    });
    const comment = { id: 406336310, content: { raw: "Looks right to me" }, user: COMMENTER, created_on: "2026-11-20T10:00:00Z" };
    state.pullRequests![0]!.comments = [comment];
    const e = event("forge.pullrequest_comment_created.json");
    expect(await forge.sendEvent(WORKSPACE, "/events", e)).toEqual([{ status: 202, retryCount: 0 }]);
    const update = await until("the comment", async () => {
      const objectives = (await owner.get("/api/objectives")).body.items as { links: { item: { updates: { body: string }[] } }[] }[];
      return objectives[0]!.links[0]!.item.updates[0];
    });
    expect(update).toMatchObject({ body: "Looks right to me", authorName: "Rutvij Mehta" });
    expect(bitbucket.requests.some((r) => r.path === "/2.0/repositories/brydzewski/foo/pullrequests/1/comments/406336310")).toBe(true);
  });

  it("does not call Bitbucket with a lapsed app token: the work waits, and Forge's hourly call brings a fresh one", async () => {
    await bound();
    await jobsSettled(app.services.storage.sequelize);
    await (await installation())!.update({ systemTokenExpiresAt: new Date(Date.now() - 1000) });
    const calls = bitbucket.requests.length;
    await owner
      .post("/api/objectives", { title: "Ship foo", period: "2026-Q4" })
      .then((o) => owner.post("/api/context-links", { targetType: "objective", targetId: o.body.id, url: PR_URL }));
    // Its lane (Bitbucket, for this workspace) is held for minutes, the job not spent.
    const waiting = await until("the refresh to wait", async () =>
      [...(await app.services.queue.laneHolds()).values()].find((hold) => hold.until > Date.now() + 60_000),
    );
    expect(waiting).toBeTruthy();
    expect(bitbucket.requests.length).toBe(calls);
    expect(await forge.sendEvent(WORKSPACE, "/tick", {}, "groundwork-tick-remote")).toEqual([{ status: 204, retryCount: 0 }]);
    expect((await installation())!.systemTokenExpiresAt!.getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    // Once the wait is over, the work carries on with the fresh token.
    await app.services.storage.sequelize.query("DELETE FROM lane_holds");
    await app.services.storage.sequelize.query("UPDATE jobs SET run_at = :now WHERE status = 'queued'", { replacements: { now: Date.now() } });
    await jobsSettled(app.services.storage.sequelize);
    expect(bitbucket.requests.some((r) => r.path === "/2.0/repositories/brydzewski/foo/pullrequests/1" && r.gateway)).toBe(true);
  });

  it("takes an installation Forge has not called for hours as uninstalled (Forge sends no uninstall event), until Forge calls again", async () => {
    await bound();
    await jobsSettled(app.services.storage.sequelize);
    await (await installation())!.update({ systemTokenExpiresAt: new Date(Date.now() - 3 * 3600_000) });
    const calls = bitbucket.requests.length;
    await owner
      .post("/api/objectives", { title: "Ship foo", period: "2026-Q4" })
      .then((o) => owner.post("/api/context-links", { targetType: "objective", targetId: o.body.id, url: PR_URL }));
    await until("the installation taken as uninstalled", async () => ((await installation())!.status === "uninstalled" ? true : undefined));
    expect(await installation()).toMatchObject({ status: "uninstalled", lastError: expect.stringContaining("looks uninstalled") });
    expect(bitbucket.requests.length).toBe(calls);
    // Forge calls again (the app was there after all): it is active with a fresh token.
    await forge.sendEvent(WORKSPACE, "/tick", {}, "groundwork-tick-remote");
    expect(await installation()).toMatchObject({ status: "active", lastError: null });
  });
});

describe("the pull request card", () => {
  /** `invokeRemote` from the card on pull request `id`, as `who`. */
  const card = (who: string, path: string, init: { method?: string; body?: unknown } = {}, id = 1) =>
    forge.invokeRemote(
      WORKSPACE,
      { type: "bitbucket:repoPullRequestCard", key: "groundwork-pr-card" },
      {
        path: `/api${path}`,
        principal: who,
        method: "GET",
        ...init,
        context: { extension: { type: "bitbucket:repoPullRequestCard", repository: { uuid: REPOSITORY.uuid }, pullRequest: { id } } },
      },
    );

  it("shows the pull request it is on, links a reviewer's account once, then adds and unlinks the pull request", async () => {
    // Not connected yet: the card says what to do.
    expect(await card(COMMENTER.account_id, "/pull-request")).toMatchObject({ status: 409, body: { error: { code: "not_bound" } } });
    await bound();
    // Bitbucket does not say who this is by email: the reviewer links their account first.
    expect(await card(COMMENTER.account_id, "/pull-request")).toMatchObject({ status: 403, body: { error: { code: "not_a_member" } } });
    const start = await card(COMMENTER.account_id, "/account-link", { method: "POST" });
    expect(start.status).toBe(200);
    const code = new URL((start.body as { linkUrl: string }).linkUrl).searchParams.get("code")!;
    expect((await owner.post("/api/account-links", { code })).status).toBe(201);
    // The link is to the Bitbucket account Forge's account id names.
    expect(await IdentityLinkRow.findOne({ where: { externalUserId: COMMENTER.uuid } })).toBeTruthy();

    const shown = await card(COMMENTER.account_id, "/pull-request");
    expect(shown).toMatchObject({ status: 200, body: { links: [], pullRequestUrl: PR_URL, member: { name: "Olivia" } } });
    const objective = (await owner.post("/api/objectives", { title: "Ship foo", period: "2026-Q4" })).body;
    const added = await card(COMMENTER.account_id, "/context-links", {
      method: "POST",
      body: { url: PR_URL, targetType: "objective", targetId: objective.id },
    });
    expect(added.status).toBe(201);
    expect((await card(COMMENTER.account_id, "/pull-request")).body).toMatchObject({ links: [{ targetId: objective.id, targetTitle: "Ship foo" }] });
    const status = await until("the build status", async () => state.statuses?.find((s) => s.state === "SUCCESSFUL"));
    expect(status).toMatchObject({ key: "groundwork-pr-1", description: "Linked to 1 item in Groundwork" });
    const linkId = ((await card(COMMENTER.account_id, "/pull-request")).body as { links: { id: string }[] }).links[0]!.id;
    expect((await card(COMMENTER.account_id, `/context-links/${linkId}`, { method: "DELETE" })).status).toBe(204);
    expect((await card(COMMENTER.account_id, "/pull-request")).body).toMatchObject({ links: [] });
    expect(bitbucket.takeViolations()).toEqual([]);
  });

  it("refuses a card call from someone with no linked account, and one with a forged token", async () => {
    await bound();
    const settingsCall = await forge.invokeRemote(
      WORKSPACE,
      { type: "bitbucket:workspaceSettingsMenuPage", key: "groundwork-settings" },
      { path: "/api/pull-request?repository=brydzewski/foo&pullrequest=1", method: "GET", principal: ADMIN.account_id },
    );
    // The administrator has no linked account: refused before anything is read.
    expect(settingsCall.status).toBe(403);
    const forged = await fetch(`${app.url}/bitbucket/forge/api/pull-request`, { headers: { authorization: "Bearer forged.token.value" } });
    expect(forged.status).toBe(401);
  });
});

describe("refusals", () => {
  it("refuses an event signed by anyone but Forge, for another app, or expired; Forge retries and nothing is recorded", async () => {
    await bound();
    const before = await count("bitbucket.event");
    const body = JSON.stringify({ payload: event("forge.pullrequest_updated.json") });
    const post = (authorization: string) =>
      fetch(`${app.url}/bitbucket/forge/events`, {
        method: "POST",
        headers: { "content-type": "application/json", authorization, "x-forge-oauth-system": forge.mintSystemToken(WORKSPACE) },
        body,
      });
    const other = await fakeForge({ appId: APP_ID });
    const forged = await other.invocationToken(WORKSPACE, { type: "core:endpoint", key: "groundwork-events-remote" });
    const wrongApp = await (
      await fakeForge({ appId: "ari:cloud:ecosystem::app/00000000-0000-4000-8000-0000000000aa" })
    ).invocationToken(WORKSPACE, {
      type: "core:endpoint",
      key: "groundwork-events-remote",
    });
    const expired = await forge.invocationToken(WORKSPACE, { type: "core:endpoint", key: "groundwork-events-remote" }, { expiresIn: "-60s" });
    for (const token of [forged, wrongApp, expired, "not-a-token"]) {
      const res = await post(`Bearer ${token}`);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: { field: string } }).error.field).toBe("headers.authorization");
    }
    expect(await count("bitbucket.event")).toBe(before);
    expect(await installation()).toMatchObject({ workspaceId: expect.any(String) });
  });

  it("answers a malformed event 400 naming the field, and an event it does not use 202", async () => {
    const send = (payload: unknown) =>
      forge.invokeRemote(WORKSPACE, { type: "core:endpoint", key: "groundwork-events-remote" }, { path: "/events", body: { payload }, principal: "" });
    const broken = event("forge.pullrequest_updated.json");
    (broken.pullrequest as { id: unknown }).id = "three";
    expect(await send(broken)).toMatchObject({ status: 400, body: { error: { code: "invalid_event", field: "body.payload.pullrequest.id" } } });
    expect(await send({ ...broken, eventType: "avi:bitbucket:created:repository" })).toMatchObject({ status: 202, body: { ignored: true } });
    expect(await send("not an object")).toMatchObject({ status: 400, body: { error: { field: "body.payload" } } });
  });
});
