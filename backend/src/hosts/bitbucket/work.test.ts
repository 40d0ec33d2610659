import { afterAll, beforeAll, expect, it } from "vitest";
import {
  BITBUCKET_APP_ACCOUNT,
  bitbucketThrottled,
  deliverRepositoryHooks,
  fakeBitbucket,
  type FakeBitbucketState,
} from "@groundwork/simulators/bitbucket/fakeBitbucket";
import { sourceOf } from "@groundwork/simulators/bitbucket/fakeSource";
import { fakeForge } from "@groundwork/simulators/bitbucket/fakeForge";
import { failures, type FakeResponse } from "@groundwork/simulators/fakeHost";
import { hostSample } from "@groundwork/simulators/samples";
import type { Assignment } from "@groundwork/shared-types";
import { IdentityLinkRow } from "../../storage/models.js";
import { BitbucketInstallationRow, BitbucketTokenConnectionRow } from "./models.js";
import { inviteMember, signUp, startTestApp, type ApiClient } from "../../testing/testApp.js";
import { until } from "../../testing/until.js";
import { branchOf, workStarted, workUpdated } from "../../testing/assignmentWork.js";

/**
 * Start work on Bitbucket Cloud against the fake workspace: the branch and its one commit with
 * the ticket, a pull request with the criteria as a checklist and the mentor's linked account as
 * its reviewer, and whatever Bitbucket does to a step on the way, exactly one of each.
 */
const TOKEN = "ATCTT3xFfGN0" + "w".repeat(40);
const alan = { uuid: "{a1a1a1a1-0000-4000-8000-00000000a1a1}", display_name: "Alan Turing", account_id: "557058:a1a1" };
const brad = { uuid: "{87bb15eb-47c1-49b3-9f16-ca824a2979a4}", display_name: "Brad", account_id: "557058:2a63" };
const state: FakeBitbucketState = {
  token: TOKEN,
  tokenScopes: ["repository:write", "pullrequest:write", "webhook"],
  user: brad,
  people: [alan],
  workspaceMembers: [{ workspace: "brydzewski", uuid: alan.uuid, permission: "member" }],
  repositories: [{ workspace: "brydzewski", slug: "foo", uuid: "{bc771cbf-829e-4c4b-b71f-a0eb3ac2b860}" }],
  pullRequests: [],
  commits: [],
};
const bitbucket = fakeBitbucket(state);
let app: Awaited<ReturnType<typeof startTestApp>>;

beforeAll(async () => {
  await bitbucket.start();
  app = await startTestApp({
    bitbucket: { apiUrl: bitbucket.url, siteUrl: bitbucket.url, allowedBaseUrls: ["https://bitbucket.org"], appKey: "groundwork", requestsPerHour: 1000 },
    // A host that has not answered in 2 s has timed out (15 s in production), so the fault test can wait that out.
    hostTimeoutMs: 2_000,
    worker: { enabled: true, concurrency: 2, maxAttempts: 6 },
  });
});
afterAll(async () => {
  await app?.close();
  await bitbucket.stop();
});

const criteria = [{ text: "Retries back off exponentially" }, { text: "A runbook explains the new alerts" }];

/** A Groundwork workspace connected to brydzewski/foo with a token, Grace taking on work and Alan (whose Bitbucket account is linked) mentoring. */
async function workspace(tag: string, { linked = alan.uuid as string | null } = {}) {
  const { client: owner, session } = await signUp(app.url, "Olivia", `olivia-bb-${tag}@example.com`);
  const grace = await inviteMember(owner, `grace-bb-${tag}@example.com`, "Grace Hopper");
  const mentor = await inviteMember(owner, `alan-bb-${tag}@example.com`, "Alan Turing");
  expect((await owner.post("/api/integrations/bitbucket/token", { workspace: "brydzewski", token: TOKEN })).status).toBe(201);
  const connection = (await BitbucketTokenConnectionRow.findOne({ where: { workspaceId: session.workspace.id } }))!;
  if (linked)
    await IdentityLinkRow.create({
      workspaceId: session.workspace.id,
      memberId: mentor.session.member.id,
      host: "bitbucket",
      scope: connection.workspaceUuid!,
      externalUserId: linked,
      accountName: alan.display_name,
    });
  const [repository] = (await owner.get("/api/assignments/repositories")).body.items;
  expect(repository).toMatchObject({ host: "bitbucket", repository: "brydzewski/foo" });
  return { owner, grace, mentor, repository };
}

async function assign(owner: ApiClient, fields: Record<string, unknown>) {
  const res = await owner.post("/api/assignments", { acceptanceCriteria: criteria, ...fields });
  expect(res.status).toBe(201);
  return res.body as Assignment;
}

const updated = () => workUpdated(app.services.storage.sequelize);

/** On the fake host: the branch, the commits it has over main, and the pull requests from it. */
function onHost(branch: string) {
  const source = sourceOf(state.sources!, "brydzewski", "foo");
  const main = source.branches.main!;
  const commits = [];
  for (let c = source.branches[branch]; c && c !== main; c = source.commits[c]!.parents[0]) commits.push(source.commits[c]!);
  return {
    branches: Object.keys(source.branches).filter((b) => b === branch),
    commits,
    pullRequests: state.pullRequests!.filter((p) => p.pr.source?.branch?.name === branch).map((p) => p.pr),
  };
}

it("starts the work on Bitbucket: branch, ticket, pull request with the checklist, the mentor reviewing; merged there, done here", async () => {
  const { owner, grace, mentor, repository } = await workspace("start");
  const competency = (await owner.post("/api/competencies", { name: "Reliability", levels: [{ level: 1, title: "Designs for failure" }] })).body;
  const created = await assign(owner, {
    title: "Lead the refund-retry redesign",
    description: "Refunds fail under load; make retries safe.",
    memberId: grace.session.member.id,
    mentorId: mentor.session.member.id,
    competency: { id: competency.id, level: 1 },
    repository,
  });
  expect((await grace.client.post(`/api/assignments/${created.id}/start-work`, {})).status).toBe(202);
  const done = await workStarted(grace.client, created.id);
  const branch = "gw-1-lead-the-refund-retry-redesign";
  expect(done).toMatchObject({
    status: "in_review",
    work: {
      state: "started",
      branch,
      reviewer: "added",
      error: null,
      pullRequestUrl: expect.stringMatching(/^https:\/\/bitbucket\.org\/brydzewski\/foo\/pull-requests\/\d+$/),
    },
  });

  const host = onHost(branch);
  expect([host.branches.length, host.commits.length, host.pullRequests.length]).toEqual([1, 1, 1]);
  expect(host.commits[0]!.message).toBe("GW-1: Lead the refund-retry redesign");
  const ticket = host.commits[0]!.files[".tickets/GW-1.md"]!;
  expect(ticket).toContain("# GW-1: Lead the refund-retry redesign");
  expect(ticket).toContain("- [ ] Retries back off exponentially\n- [ ] A runbook explains the new alerts");
  // The rest of main is carried over, untouched.
  expect(host.commits[0]!.files["README.md"]).toBe("# Read me\n");
  const pr = host.pullRequests[0]!;
  expect(pr).toMatchObject({
    title: "GW-1: Lead the refund-retry redesign",
    state: "OPEN",
    destination: { branch: { name: "main" } },
    reviewers: [expect.objectContaining({ uuid: alan.uuid })],
  });
  expect(pr.description).toContain("## Acceptance criteria\n\n- [ ] Retries back off exponentially");
  expect(done.work!.pullRequestUrl).toBe(`https://bitbucket.org/brydzewski/foo/pull-requests/${pr.id}`);
  const links = (await owner.get("/api/competencies")).body.items[0].links as { item: { url: string } }[];
  expect(links.map((l) => l.item.url)).toEqual([done.work!.pullRequestUrl]);
  // Opened through Brad's token, the pull request is still Grace's work: in her timeline, and evidence of the competency it grows.
  await until("the pull request to be read", async () => (await owner.get(`/api/assignments/${created.id}`)).body.pullRequestReadAt);
  const timeline = (await owner.get(`/api/members/${grace.session.member.id}/timeline?period=month&periods=1`)).body;
  expect(timeline.periods[0].entries.map((e: { kind: string; item: { url: string } }) => `${e.kind} ${e.item.url}`)).toEqual([
    `authored ${done.work!.pullRequestUrl}`,
  ]);
  // Its insight (drawn once it is read) gives the evidence its themes.
  const evidence = await until("the evidence's themes", async () => {
    const e = (await owner.get(`/api/competencies/${competency.id}/evidence?memberId=${grace.session.member.id}&period=month&periods=1`)).body;
    return e.periods[0].themes.length > 0 && e;
  });
  expect(evidence.periods[0].entries.map((e: { kind: string }) => e.kind)).toEqual(["authored"]);
  expect(evidence.periods[0].themes).toEqual([expect.objectContaining({ theme: "reliability" })]);

  // The member ticks a criterion on Bitbucket, then merges: the repository webhook brings both.
  const sample = hostSample("bitbucket", "pullrequest_fulfilled.json");
  const deliver = async (event: string, change: Record<string, unknown>, uuid: string) =>
    expect(await deliverRepositoryHooks(state, "brydzewski", "foo", event, { ...sample, pullrequest: { ...pr, ...change } }, uuid)).toEqual([202]);
  await deliver("pullrequest:updated", { description: pr.description!.replace("- [ ] Retries", "- [x] Retries") }, "bb-tick");
  await until("the tick to arrive", async () => ((await grace.client.get(`/api/assignments/${created.id}`)).body as Assignment).acceptanceCriteria[0]!.done);
  await deliver("pullrequest:fulfilled", { state: "MERGED", description: pr.description!.replace("- [ ] Retries", "- [x] Retries") }, "bb-merge");
  const merged = await until("the merge to arrive", async () => {
    const a = (await grace.client.get(`/api/assignments/${created.id}`)).body as Assignment;
    return a.status === "done" && a;
  });
  expect(merged.acceptanceCriteria.map((c) => c.done)).toEqual([true, false]);

  // Starting again makes nothing twice.
  expect((await owner.post(`/api/assignments/${created.id}/start-work`, {})).status).toBe(202);
  expect((await workStarted(owner, created.id)).work).toMatchObject({ state: "started", reviewer: "added" });
  const again = onHost(branch);
  expect([again.branches.length, again.commits.length, again.pullRequests.length]).toEqual([1, 1, 1]);
});

it("opens the pull request without a reviewer Bitbucket cannot have, and says why: not linked, not a member, the author", async () => {
  const unlinked = await workspace("unlinked", { linked: null });
  const a = await assign(unlinked.owner, {
    title: "Unlinked mentor",
    memberId: unlinked.grace.session.member.id,
    mentorId: unlinked.mentor.session.member.id,
    repository: unlinked.repository,
  });
  await unlinked.owner.post(`/api/assignments/${a.id}/start-work`, {});
  expect((await workStarted(unlinked.owner, a.id)).work).toMatchObject({ state: "started", reviewer: "unlinked" });
  expect(onHost("gw-1-unlinked-mentor").pullRequests[0]!.reviewers).toEqual([]);

  // Alan leaves the Bitbucket workspace: Bitbucket refuses him as reviewer, and the pull request is opened without.
  const gone = await workspace("gone");
  state.workspaceMembers = [];
  try {
    const b = await assign(gone.owner, {
      title: "Mentor left",
      memberId: gone.grace.session.member.id,
      mentorId: gone.mentor.session.member.id,
      repository: gone.repository,
    });
    await gone.owner.post(`/api/assignments/${b.id}/start-work`, {});
    expect((await workStarted(gone.owner, b.id)).work).toMatchObject({ state: "started", reviewer: "refused" });
    const host = onHost("gw-1-mentor-left");
    expect([host.branches.length, host.commits.length, host.pullRequests.length]).toEqual([1, 1, 1]);
    expect(host.pullRequests[0]!.reviewers).toEqual([]);
  } finally {
    state.workspaceMembers = [{ workspace: "brydzewski", uuid: alan.uuid, permission: "member" }];
  }

  // The token is the mentor's own: Bitbucket will not make a pull request's author its reviewer.
  const own = await workspace("own", { linked: brad.uuid });
  const c = await assign(own.owner, {
    title: "Own token",
    memberId: own.grace.session.member.id,
    mentorId: own.mentor.session.member.id,
    repository: own.repository,
  });
  await own.owner.post(`/api/assignments/${c.id}/start-work`, {});
  expect((await workStarted(own.owner, c.id)).work).toMatchObject({ state: "started", reviewer: "refused" });
  expect(onHost("gw-1-own-token").pullRequests).toMatchObject([{ author: { uuid: brad.uuid }, reviewers: [] }]);
});

/**
 * Start work through an installed app (its installation bound to a fresh workspace, the mentor's
 * account linked in its workspace): one branch, one commit, one pull request the app opened as
 * itself, with the mentor reviewing. Answers when Start work was asked, to tell its requests apart.
 */
async function startsThroughApp(tag: string, title: string, installation: (workspaceId: string) => Promise<{ principal: string }>) {
  const { client: owner, session } = await signUp(app.url, "Olivia", `olivia-bb-${tag}@example.com`);
  const grace = await inviteMember(owner, `grace-bb-${tag}@example.com`, "Grace Hopper");
  const mentor = await inviteMember(owner, `alan-bb-${tag}@example.com`, "Alan Turing");
  const { principal } = await installation(session.workspace.id);
  await IdentityLinkRow.create({
    workspaceId: session.workspace.id,
    memberId: mentor.session.member.id,
    host: "bitbucket",
    scope: principal,
    externalUserId: alan.uuid,
    accountName: alan.display_name,
  });
  const [repository] = (await owner.get("/api/assignments/repositories")).body.items;
  const a = await assign(owner, { title, memberId: grace.session.member.id, mentorId: mentor.session.member.id, repository });
  const since = Date.now();
  await grace.client.post(`/api/assignments/${a.id}/start-work`, {});
  expect((await workStarted(grace.client, a.id)).work).toMatchObject({ state: "started", reviewer: "added" });
  const host = onHost(branchOf(a));
  expect([host.branches.length, host.commits.length, host.pullRequests.length]).toEqual([1, 1, 1]);
  expect(host.pullRequests[0]).toMatchObject({ author: { uuid: BITBUCKET_APP_ACCOUNT.uuid }, reviewers: [expect.objectContaining({ uuid: alan.uuid })] });
  return since;
}

it("starts the work through the Connect app too, which opens the pull request as itself", async () => {
  await startsThroughApp("connect", "Through the app", async (workspaceId) => {
    // Installed by Bitbucket and bound to this workspace (that flow is bitbucket.test.ts's).
    const install = {
      clientKey: "{c0c0c0c0-0000-4000-8000-00000000c0c0}",
      secret: "connect-shared-secret-for-start-work",
      principal: "{5e1f0000-0000-4000-8000-0000000000c0}",
    };
    (state.installations ??= {})[install.clientKey] = install.secret;
    await BitbucketInstallationRow.create({
      clientKey: install.clientKey,
      sharedSecretSealed: app.services.secrets.seal(install.secret),
      baseUrl: "https://bitbucket.org",
      principalUuid: install.principal,
      principalName: "brydzewski",
      status: "active",
      workspaceId,
      lastError: null,
      lastDeliveryAt: null,
    });
    return { principal: install.principal };
  });
});

it("starts the work through the Forge app too, with its app system token through Forge's API gateway", async () => {
  // Installed through Forge and bound to this workspace (that flow is forge.test.ts's); the token has the manifest's scopes.
  const forge = await fakeForge({ appId: "ari:cloud:ecosystem::app/8db33809-1f32-48bb-8c52-5877dab48107" });
  forge.at({ bitbucketUrl: bitbucket.url, remoteUrl: app.url });
  state.forgeTokens = forge.systemTokens;
  const installed = forge.installation("brydzewski");
  const since = await startsThroughApp("forge", "Through Forge", async (workspaceId) => {
    await BitbucketInstallationRow.create({
      kind: "forge",
      clientKey: installed.installationId,
      sharedSecretSealed: null,
      systemTokenSealed: app.services.secrets.seal(forge.mintSystemToken("brydzewski")),
      systemTokenExpiresAt: new Date(Date.now() + 3600_000),
      baseUrl: installed.apiBaseUrl,
      principalUuid: installed.workspaceUuid,
      principalName: "brydzewski",
      status: "active",
      workspaceId,
      lastError: null,
      lastDeliveryAt: null,
    });
    return { principal: installed.workspaceUuid };
  });
  const writes = bitbucket.requests.filter((r) => r.at >= since && r.method === "POST" && /\/(src|pullrequests)$/.test(r.path));
  expect(writes.length).toBeGreaterThan(0);
  for (const w of writes) expect(w.gateway).toBe(`/ex/bitbucket/${installed.workspaceUuid.slice(1, -1)}`);
});

it("stops with the scopes to ask for when the token may only read", async () => {
  const { owner, grace, repository } = await workspace("read-only");
  state.tokenScopes = ["repository", "pullrequest", "webhook"];
  try {
    const a = await assign(owner, { title: "Read only", memberId: grace.session.member.id, repository });
    await owner.post(`/api/assignments/${a.id}/start-work`, {});
    const failed = await workStarted(owner, a.id);
    expect(failed.work).toMatchObject({ state: "failed" });
    expect(failed.work!.error).toMatch(
      /^Bitbucket: Bitbucket answered 403: .*\(needs repository:write\)\. Start work needs Repositories \(Write\) and Pull requests \(Write\): connect again with a token that has them$/,
    );
    expect(onHost("gw-1-read-only").branches).toEqual([]);
  } finally {
    state.tokenScopes = ["repository:write", "pullrequest:write", "webhook"];
  }
});

it("ends with one branch, one commit and one pull request whatever a step meets: 429, 5xx, no answer in time, or an answer lost after Bitbucket did the work", async () => {
  const { owner, grace, mentor, repository } = await workspace("faults");
  const lost: FakeResponse = { status: 502, body: "<html><body>Bad gateway</body></html>" };
  const cases: [string, string, RegExp, FakeResponse, "respond" | "lostAnswer" | "timeout"][] = [
    ["the repository", "GET", /\/repositories\/brydzewski\/foo$/, failures.serverError(503), "respond"],
    ["the branch lookup", "GET", /\/refs\/branches\//, bitbucketThrottled(), "respond"],
    // The ticket is looked for on a branch that exists already (someone made it): it gets the ticket, once.
    ["the ticket lookup", "GET", /\/src\/[0-9a-f]+\//, failures.serverError(500), "respond"],
    ["the commit", "POST", /\/src$/, bitbucketThrottled(), "respond"],
    ["the commit", "POST", /\/src$/, lost, "lostAnswer"],
    ["the pull request lookup", "GET", /\/pullrequests$/, bitbucketThrottled(), "respond"],
    ["the pull request", "POST", /\/pullrequests$/, failures.serverError(503), "respond"],
    ["the pull request", "POST", /\/pullrequests$/, lost, "lostAnswer"],
    // No answer in time, though the host went on to do the work.
    ["the commit", "POST", /\/src$/, lost, "timeout"],
    ["the pull request", "POST", /\/pullrequests$/, lost, "timeout"],
  ];
  for (const [i, [step, method, path, answer, how]] of cases.entries()) {
    const title = `Fault ${i} at ${step}`;
    const created = await assign(owner, { title, memberId: grace.session.member.id, mentorId: mentor.session.member.id, repository });
    if (step === "the ticket lookup") {
      const source = sourceOf((state.sources ??= {}), "brydzewski", "foo");
      source.branches[branchOf(created)] = source.branches.main!;
    }
    const before = bitbucket.requests.length;
    bitbucket.fail(how === "timeout" ? { method, path, delayMs: 3_000, lostAnswer: answer } : { method, path, [how]: answer });
    await owner.post(`/api/assignments/${created.id}/start-work`, {});
    const done = await workStarted(owner, created.id);
    const what = `${how} ${answer.status} at ${step}`;
    expect(done.work, what).toMatchObject({ state: "started", reviewer: "added" });
    const host = onHost(done.work!.branch!);
    expect([host.branches.length, host.commits.length, host.pullRequests.length], what).toEqual([1, 1, 1]);
    expect(host.pullRequests[0]!.reviewers, what).toEqual([expect.objectContaining({ uuid: alan.uuid })]);
    // The scripted failure was met, not left for the next case.
    expect(
      bitbucket.requests.slice(before).some((r) => r.method === method && path.test(r.path)),
      what,
    ).toBe(true);
  }
  expect(bitbucket.violations).toEqual([]);
}, 120_000);

it("keeps the ticket and the pull request in step with edits in Groundwork, keeping its reviewer; nothing after the merge", async () => {
  const { owner, grace, mentor, repository } = await workspace("edits");
  const created = await assign(owner, { title: "Tame the retries", memberId: grace.session.member.id, mentorId: mentor.session.member.id, repository });
  await owner.post(`/api/assignments/${created.id}/start-work`, {});
  const done = await workStarted(owner, created.id);
  const host = () => onHost(done.work!.branch!);
  const pr = () => host().pullRequests[0]!;

  // Reworded (the commit's answer lost once): one new commit; the PR says it too and keeps Alan reviewing.
  const reworded = [{ text: "Retries back off exponentially, capped at a minute" }, { text: "A runbook explains the new alerts" }];
  bitbucket.fail({ method: "POST", path: /\/src$/, lostAnswer: { status: 502, body: "<html>Bad gateway</html>" } });
  expect((await grace.client.patch(`/api/assignments/${created.id}`, { acceptanceCriteria: reworded })).status).toBe(200);
  await until("the PR to say the new words", async () => pr().description!.includes("- [ ] Retries back off exponentially, capped at a minute"));
  await updated();
  expect(host().commits).toHaveLength(2);
  expect(host().commits[0]!.files[".tickets/GW-1.md"]).toContain("- [ ] Retries back off exponentially, capped at a minute");
  expect(pr().reviewers).toEqual([expect.objectContaining({ uuid: alan.uuid })]);

  // Someone pushed to the branch as Groundwork committed (Bitbucket's 409): it looks again and commits on top.
  bitbucket.fail({ method: "POST", path: /\/src$/, respond: { status: 409, body: { type: "error", error: { message: "The branch has moved" } } } });
  await grace.client.patch(`/api/assignments/${created.id}`, { title: "Tame the retries for good" });
  await until("the PR to take the new title", async () => pr().title === "GW-1: Tame the retries for good");
  await updated();
  expect(host().commits).toHaveLength(3);
  expect(host().commits[0]!.files[".tickets/GW-1.md"]).toContain("# GW-1: Tame the retries for good");

  // A tick changes the PR's checklist only.
  await grace.client.patch(`/api/assignments/${created.id}`, { acceptanceCriteria: [{ ...reworded[0], done: true }, reworded[1]] });
  await until("the tick to reach the PR", async () => pr().description!.includes("- [x] Retries back off"));
  await updated();
  expect(host().commits).toHaveLength(3);

  // Merged on Bitbucket: left as it was.
  pr().state = "MERGED";
  const before = pr().description;
  await grace.client.patch(`/api/assignments/${created.id}`, { title: "Tame the retries, at last" });
  await updated();
  expect([pr().description, pr().title, host().commits.length]).toEqual([before, "GW-1: Tame the retries for good", 3]);
  expect(bitbucket.violations).toEqual([]);
}, 60_000);
