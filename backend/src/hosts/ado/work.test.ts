import { afterAll, beforeAll, expect, it } from "vitest";
import { randomUUID } from "node:crypto";
import { adoHostsOf, adoThrottled, fakeAdo, sendServiceHook, type FakeAdoState } from "@groundwork/simulators/ado/fakeAdo";
import { hostSample } from "@groundwork/simulators/samples";
import { gitOf } from "@groundwork/simulators/ado/fakeGit";
import { failures, type FakeResponse } from "@groundwork/simulators/fakeHost";
import type { Assignment } from "@groundwork/shared-types";
import { inviteMember, signUp, startTestApp } from "../../testing/testApp.js";
import { until } from "../../testing/until.js";
import { branchOf, workStarted, workUpdated } from "../../testing/assignmentWork.js";

/**
 * Start work on Azure DevOps against the fake organisation: a branch from main with the ticket in
 * one commit, a pull request with the criteria as a checklist, the mentor as its reviewer, and
 * whatever the host does to a step on the way, exactly one of each.
 */
const alan = { id: "5c1d7e2a-0000-4000-8000-0000000000a1", displayName: "Alan Turing", email: "alan-w@example.com" };
const state: FakeAdoState = {
  organization: "fabrikam",
  pat: "start-work-pat-".padEnd(52, "w"),
  user: { id: "u1", displayName: "Olivia", email: "olivia-w@example.com" },
  identities: [alan],
  projects: [{ id: "p-1", name: "Fabrikam", repositories: [{ id: "r-pay", name: "payments" }] }],
  pullRequests: [],
};
const ado = fakeAdo(state);
let app: Awaited<ReturnType<typeof startTestApp>>;

beforeAll(async () => {
  await ado.start();
  app = await startTestApp({
    adoBaseUrl: adoHostsOf(ado).baseUrl,
    adoIdentityUrl: adoHostsOf(ado).identityUrl,
    // A host that has not answered in 2 s has timed out (15 s in production), so the fault test can wait that out.
    hostTimeoutMs: 2_000,
    worker: { enabled: true, concurrency: 2, maxAttempts: 5 },
  });
});
afterAll(async () => {
  await app?.close();
  await ado.stop();
});

const criteria = [{ text: "Retries back off exponentially" }, { text: "A runbook explains the new alerts" }];

async function workspace(tag: string) {
  const { client: owner } = await signUp(app.url, "Olivia", `olivia-${tag}@example.com`);
  const grace = await inviteMember(owner, `grace-${tag}@example.com`, "Grace Hopper");
  const mentor = await inviteMember(owner, alan.email.replace("@", `+${tag}@`), "Alan Turing");
  const connected = await owner.post("/api/integrations/ado", {
    orgUrl: "https://dev.azure.com/fabrikam",
    pat: state.pat,
    repositoryIds: ["r-pay"],
    services: { pullRequests: true, workItems: false, comments: false, statuses: false },
  });
  expect(connected.status).toBe(201);
  const [repository] = (await owner.get("/api/assignments/repositories")).body.items;
  return { owner, grace, mentor, repository, hook: connected.body.webhook as { webhookUrl: string; webhookSecret: string } };
}

const updated = () => workUpdated(app.services.storage.sequelize);

/** On the fake host: the branch, the commits it has over main, and the pull requests from it. */
function onHost(branch: string) {
  const git = gitOf(state.git!, "r-pay");
  const main = git.refs["refs/heads/main"]!;
  const commits: string[] = [];
  for (let c = git.refs[`refs/heads/${branch}`]; c && c !== main; c = git.commits[c]!.parents[0]) commits.push(c);
  return {
    branches: Object.keys(git.refs).filter((r) => r === `refs/heads/${branch}`),
    commits: commits.map((c) => git.commits[c]!),
    pullRequests: state.pullRequests!.filter((pr) => pr.sourceRefName === `refs/heads/${branch}`),
  };
}

it("starts the work on Azure DevOps: branch, ticket, pull request with the checklist, the mentor reviewing, attached to the competency", async () => {
  const { owner, grace, mentor, repository, hook } = await workspace("start");
  // The mentor's address in the organisation is the one Groundwork knows them by.
  state.identities = [{ ...alan, email: alan.email.replace("@", "+start@") }];
  const competency = (await owner.post("/api/competencies", { name: "Reliability", levels: [{ level: 1, title: "Designs for failure" }] })).body;
  const created = (
    await owner.post("/api/assignments", {
      title: "Lead the refund-retry redesign",
      description: "Refunds fail under load; make retries safe.",
      acceptanceCriteria: criteria,
      memberId: grace.session.member.id,
      mentorId: mentor.session.member.id,
      competency: { id: competency.id, level: 1 },
      repository,
    })
  ).body as Assignment;
  // Only its member, its mentor or an owner starts it; here, Grace.
  const asked = await grace.client.post(`/api/assignments/${created.id}/start-work`, {});
  expect(asked.status).toBe(202);
  expect(asked.body.work).toMatchObject({ state: "starting" });
  const done = await workStarted(grace.client, created.id);
  const branch = "gw-1-lead-the-refund-retry-redesign";
  expect(done).toMatchObject({
    status: "in_review",
    work: {
      state: "started",
      branch,
      reviewer: "added",
      error: null,
      pullRequestUrl: expect.stringMatching(/^https:\/\/dev\.azure\.com\/fabrikam\/Fabrikam\/_git\/payments\/pullrequest\/\d+$/),
    },
  });

  const host = onHost(branch);
  expect(host.branches).toHaveLength(1);
  expect(host.commits).toHaveLength(1);
  const ticket = host.commits[0]!.files["/.tickets/GW-1.md"]!;
  expect(ticket).toContain("# GW-1: Lead the refund-retry redesign");
  expect(ticket).toContain("- [ ] Retries back off exponentially\n- [ ] A runbook explains the new alerts");
  expect(ticket).toContain("Taken on by Grace Hopper, mentored by Alan Turing.");
  expect(host.pullRequests).toHaveLength(1);
  const pr = host.pullRequests[0]!;
  expect(pr).toMatchObject({
    title: "GW-1: Lead the refund-retry redesign",
    targetRefName: "refs/heads/main",
    status: "active",
    reviewers: [{ id: alan.id, vote: 0 }],
  });
  expect(pr.description).toContain("## Acceptance criteria\n\n- [ ] Retries back off exponentially");
  expect(done.work!.pullRequestUrl).toMatch(new RegExp(`/pullrequest/${pr.pullRequestId}$`));

  // The pull request is context of the competency it grows.
  const links = (await owner.get("/api/competencies")).body.items[0].links as { item: { url: string } }[];
  expect(links.map((l) => l.item.url)).toEqual([done.work!.pullRequestUrl]);

  // On the host, the member ticks a criterion in the description: Groundwork ticks it. Merged, the assignment is done.
  const deliver = async (file: string, change: Partial<typeof pr>) => {
    const event = hostSample("ado", file);
    const res = await sendServiceHook(
      hook.webhookUrl,
      {
        ...event,
        id: randomUUID(),
        resourceContainers: { ...event.resourceContainers, project: { id: "p-1" } },
        resource: { ...event.resource, ...pr, ...change },
      },
      hook.webhookSecret,
    );
    expect(res.status).toBe(202);
  };
  const now = (await owner.get(`/api/assignments/${created.id}`)).body as Assignment;
  pr.description = pr.description!.replace("- [ ] Retries back off", "- [x] Retries back off");
  await deliver("git.pullrequest.updated.json", {});
  await until("the tick to arrive", async () => {
    const a = (await grace.client.get(`/api/assignments/${created.id}`)).body as Assignment;
    return a.acceptanceCriteria[0]!.done && a;
  });
  expect(now.acceptanceCriteria.map((c) => c.done)).toEqual([false, false]);
  await deliver("git.pullrequest.merged.json", { status: "completed", closedDate: new Date().toISOString() });
  const merged = await until("the merge to arrive", async () => {
    const a = (await grace.client.get(`/api/assignments/${created.id}`)).body as Assignment;
    return a.status === "done" && a;
  });
  expect(merged.acceptanceCriteria.map((c) => c.done)).toEqual([true, false]);

  // Starting again makes nothing twice.
  expect((await owner.post(`/api/assignments/${created.id}/start-work`, {})).status).toBe(202);
  await workStarted(owner, created.id);
  expect(onHost(branch)).toMatchObject({ branches: [expect.any(String)], commits: [expect.anything()], pullRequests: [expect.anything()] });
});

it("reads the pull request from the host on Sync when no event came: abandoned there, the assignment is back in progress", async () => {
  const { owner, grace, mentor, repository } = await workspace("sync");
  const created = (
    await owner.post("/api/assignments", {
      title: "Own the on-call rota",
      acceptanceCriteria: criteria,
      memberId: grace.session.member.id,
      mentorId: mentor.session.member.id,
      repository,
    })
  ).body as Assignment;
  expect((await grace.client.post(`/api/assignments/${created.id}/sync-pull-request`, {})).body.error.code).toBe("not_started");
  await grace.client.post(`/api/assignments/${created.id}/start-work`, {});
  const done = await workStarted(grace.client, created.id);
  expect(done.status).toBe("in_review");
  // Abandoned on Azure DevOps with its second criterion ticked, and no service hook told Groundwork.
  const pr = onHost(done.work!.branch!).pullRequests[0]!;
  pr.status = "abandoned";
  pr.description = pr.description!.replace("- [ ] A runbook", "- [x] A runbook");
  expect((await grace.client.post(`/api/assignments/${created.id}/sync-pull-request`, {})).status).toBe(202);
  const synced = await until("the sync", async () => {
    const a = (await grace.client.get(`/api/assignments/${created.id}`)).body as Assignment;
    return a.status === "in_progress" && a;
  });
  expect(synced.acceptanceCriteria.map((c) => c.done)).toEqual([false, true]);
});

it("stops with a reason on an answer it cannot read, and Try again finishes without making anything twice", async () => {
  const { owner, grace, repository } = await workspace("unreadable");
  const created = (
    await owner.post("/api/assignments", { title: "Read the odd answer", acceptanceCriteria: criteria, memberId: grace.session.member.id, repository })
  ).body as Assignment;
  // The push is made, but its answer is not what Azure DevOps documents.
  ado.fail({ method: "POST", path: /\/pushes$/, lostAnswer: { status: 201, body: {} } });
  await owner.post(`/api/assignments/${created.id}/start-work`, {});
  const failed = await workStarted(owner, created.id);
  expect(failed.work).toMatchObject({ state: "failed", error: "Azure DevOps answered something Groundwork could not read; it has been logged" });
  expect((await owner.post(`/api/assignments/${created.id}/start-work`, {})).status).toBe(202);
  const done = await workStarted(owner, created.id);
  // No mentor: Olivia, who set it, reviews; the organisation does not know her address, so no one is added.
  expect(done.work).toMatchObject({ state: "started", reviewer: "not_found", error: null });
  const host = onHost(done.work!.branch!);
  expect([host.branches.length, host.commits.length, host.pullRequests.length]).toEqual([1, 1, 1]);
});

it("has whoever set the assignment review when it has no mentor, and no one when members set their own", async () => {
  const { owner, grace, repository } = await workspace("setter");
  state.identities = [{ id: "0e1a0000-0000-4000-8000-0000000000e1", displayName: "Olivia", email: "olivia-setter@example.com" }];
  const set = (await owner.post("/api/assignments", { title: "Set by Olivia", acceptanceCriteria: criteria, memberId: grace.session.member.id, repository }))
    .body as Assignment;
  const own = (
    await grace.client.post("/api/assignments", { title: "Set by Grace herself", acceptanceCriteria: criteria, memberId: grace.session.member.id, repository })
  ).body as Assignment;
  for (const a of [set, own]) await grace.client.post(`/api/assignments/${a.id}/start-work`, {});
  expect((await workStarted(grace.client, set.id)).work).toMatchObject({ state: "started", reviewer: "added" });
  expect(onHost("gw-1-set-by-olivia").pullRequests[0]!.reviewers).toEqual([expect.objectContaining({ id: "0e1a0000-0000-4000-8000-0000000000e1" })]);
  expect((await workStarted(grace.client, own.id)).work).toMatchObject({ state: "started", reviewer: "none" });
  expect(onHost("gw-2-set-by-grace-herself").pullRequests[0]!.reviewers).toEqual([]);
});

it("refuses to start what it cannot: someone outside the assignment, no repository chosen", async () => {
  const { owner, grace, mentor } = await workspace("refuse");
  const outsider = await inviteMember(owner, "edsger-refuse@example.com", "Edsger Dijkstra");
  const created = (
    await mentor.client.post("/api/assignments", { title: "Pair on the ledger", acceptanceCriteria: criteria, memberId: grace.session.member.id })
  ).body;
  expect((await outsider.client.post(`/api/assignments/${created.id}/start-work`, {})).status).toBe(404);
  const noRepository = await grace.client.post(`/api/assignments/${created.id}/start-work`, {});
  expect([noRepository.status, noRepository.body.error.code]).toEqual([409, "no_repository"]);
});

it("ends with one branch, one commit and one pull request whatever a step meets: 429, 5xx, no answer in time, or an answer lost after the host did the work", async () => {
  const { owner, grace, mentor, repository } = await workspace("faults");
  state.identities = [{ ...alan, email: alan.email.replace("@", "+faults@") }];
  const lost: FakeResponse = { status: 502, body: "<html><body>Bad gateway</body></html>" };
  const cases: [string, string, RegExp, FakeResponse, "respond" | "lostAnswer" | "timeout"][] = [
    ["the repository", "GET", /repositories\/r-pay$/, failures.serverError(503), "respond"],
    ["the branch lookup", "GET", /\/refs$/, adoThrottled(1), "respond"],
    // The ticket is looked for on a branch that exists already (someone made it): it gets the ticket, once.
    ["the ticket lookup", "GET", /\/items$/, failures.serverError(500), "respond"],
    ["the push", "POST", /\/pushes$/, adoThrottled(1), "respond"],
    ["the push", "POST", /\/pushes$/, lost, "lostAnswer"],
    ["the pull request", "POST", /\/pullrequests$/, failures.serverError(503), "respond"],
    ["the pull request", "POST", /\/pullrequests$/, lost, "lostAnswer"],
    ["the reviewer lookup", "GET", /\/identities$/, adoThrottled(1), "respond"],
    ["the reviewer", "PUT", /\/reviewers\//, lost, "lostAnswer"],
    // No answer in time, though the host went on to do the work.
    ["the commit", "POST", /\/pushes$/, lost, "timeout"],
    ["the pull request", "POST", /\/pullrequests$/, lost, "timeout"],
  ];
  for (const [i, [step, method, path, answer, how]] of cases.entries()) {
    const title = `Fault ${i} at ${step}`;
    const created = (
      await owner.post("/api/assignments", {
        title,
        acceptanceCriteria: criteria,
        memberId: grace.session.member.id,
        mentorId: mentor.session.member.id,
        repository,
      })
    ).body as Assignment;
    if (step === "the ticket lookup") {
      const git = gitOf((state.git ??= {}), "r-pay");
      git.refs[`refs/heads/${branchOf(created)}`] = git.refs["refs/heads/main"]!;
    }
    const before = ado.requests.length;
    ado.fail(how === "timeout" ? { method, path, delayMs: 3_000, lostAnswer: answer } : { method, path, [how]: answer });
    await owner.post(`/api/assignments/${created.id}/start-work`, {});
    const done = await workStarted(owner, created.id);
    const what = `${how} ${answer.status} at ${step}`;
    expect(done.work, what).toMatchObject({ state: "started", reviewer: "added" });
    const host = onHost(done.work!.branch!);
    expect([host.branches.length, host.commits.length, host.pullRequests.length], what).toEqual([1, 1, 1]);
    expect(host.pullRequests[0]!.reviewers, what).toEqual([expect.objectContaining({ id: alan.id })]);
    // The scripted failure was met, not left for the next case.
    expect(
      ado.requests.slice(before).some((r) => r.method === method && path.test(r.path)),
      what,
    ).toBe(true);
  }
}, 120_000);

it("keeps the ticket and the pull request in step with edits in Groundwork: new words make one commit, ticks only the checklist, nothing after the merge", async () => {
  const { owner, grace, repository } = await workspace("edits");
  // Longer than the 4,000 characters Azure DevOps keeps of a description: the PR's ends by pointing at the ticket.
  const long = `The refund service needs safe retries. ${"Context on the failure modes. ".repeat(150)}`;
  const created = (
    await owner.post("/api/assignments", {
      title: "Tame the retries",
      description: long,
      acceptanceCriteria: criteria,
      memberId: grace.session.member.id,
      repository,
    })
  ).body as Assignment;
  await owner.post(`/api/assignments/${created.id}/start-work`, {});
  const done = await workStarted(owner, created.id);
  expect(done.work).toMatchObject({ state: "started", error: null });
  const pr = () => onHost(done.work!.branch!).pullRequests[0]!;
  expect(pr().description!.length).toBeLessThanOrEqual(4000);
  expect(pr().description).toMatch(/… the rest is in \.tickets\/GW-1\.md$/);
  const ticket = () => onHost(done.work!.branch!).commits[0]!.files["/.tickets/GW-1.md"]!;
  expect(ticket()).toContain(long.trim());

  // Reworded in Groundwork (and the answer to the push lost once): one new commit, and the PR says it too.
  const reworded = [{ text: "Retries back off exponentially, capped at a minute" }, { text: "A runbook explains the new alerts" }];
  ado.fail({ method: "POST", path: /\/pushes$/, lostAnswer: { status: 502, body: "<html>Bad gateway</html>" } });
  expect((await grace.client.patch(`/api/assignments/${created.id}`, { acceptanceCriteria: reworded, description: "Make refund retries safe." })).status).toBe(
    200,
  );
  await until("the PR to say the new words", async () => pr().description!.includes("- [ ] Retries back off exponentially, capped at a minute"));
  await updated();
  expect(onHost(done.work!.branch!).commits).toHaveLength(2);
  expect(ticket()).toContain("- [ ] Retries back off exponentially, capped at a minute");
  expect(pr().description).toMatch(/^Make refund retries safe\.\n\n## Acceptance criteria/);

  // A tick changes the checklist in the PR, not the ticket's history.
  await grace.client.patch(`/api/assignments/${created.id}`, { acceptanceCriteria: [{ ...reworded[0], done: true }, reworded[1]] });
  await until("the tick to reach the PR", async () => pr().description!.includes("- [x] Retries back off exponentially, capped at a minute"));
  await updated();
  expect(onHost(done.work!.branch!).commits).toHaveLength(2);

  // Merged: the work is over, and the pull request is left as it was.
  pr().status = "completed";
  const before = pr().description;
  await grace.client.patch(`/api/assignments/${created.id}`, { title: "Tame the retries, at last" });
  await updated();
  expect([pr().description, pr().title, onHost(done.work!.branch!).commits.length]).toEqual([before, "GW-1: Tame the retries", 2]);
  expect(((await owner.get(`/api/assignments/${created.id}`)).body as Assignment).work!.error).toBeNull();
}, 60_000);
