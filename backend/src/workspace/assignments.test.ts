import { afterAll, beforeAll, expect, it } from "vitest";
import { adoHostsOf, fakeAdo, type FakeAdoState } from "@groundwork/simulators/ado/fakeAdo";
import type { Assignment } from "@groundwork/shared-types";
import { inviteMember, signUp, startTestApp, type ApiClient } from "../testing/testApp.js";

/** Growth assignments: numbered per workspace, checked against the workspace, and seen only by the people in them. */
const adoState: FakeAdoState = {
  organization: "fabrikam",
  pat: "assignments-pat-".padEnd(52, "a"),
  user: { id: "u1", displayName: "Olivia", email: "olivia-a@example.com" },
  projects: [{ id: "p-1", name: "Fabrikam", repositories: [{ id: "r-pay", name: "payments" }] }],
  pullRequests: [],
};
const ado = fakeAdo(adoState);
let app: Awaited<ReturnType<typeof startTestApp>>;

beforeAll(async () => {
  await ado.start();
  app = await startTestApp({ adoBaseUrl: adoHostsOf(ado).baseUrl, adoIdentityUrl: adoHostsOf(ado).identityUrl });
});
afterAll(async () => {
  await app?.close();
  await ado.stop();
});

async function team(tag: string) {
  const { client: owner } = await signUp(app.url, "Olivia", `olivia-${tag}@example.com`);
  const grace = await inviteMember(owner, `grace-${tag}@example.com`, "Grace Hopper");
  const alan = await inviteMember(owner, `alan-${tag}@example.com`, "Alan Turing");
  const edsger = await inviteMember(owner, `edsger-${tag}@example.com`, "Edsger Dijkstra");
  return { owner, grace, alan, edsger };
}

const criteria = [{ text: "Retries back off exponentially" }, { text: "A runbook explains the new alerts" }];

it("numbers a workspace's assignments GW-1, GW-2…, ties them to a competency level or a key result, and a followed repository", async () => {
  const { owner, grace, alan } = await team("numbers");
  const connected = await owner.post("/api/integrations/ado", { orgUrl: "https://dev.azure.com/fabrikam", pat: adoState.pat, repositoryIds: ["r-pay"] });
  expect(connected.status).toBe(201);
  const repositories = (await grace.client.get("/api/assignments/repositories")).body.items;
  expect(repositories).toEqual([{ host: "ado", connectionId: expect.any(String), repository: "Fabrikam/payments" }]);

  const competency = (
    await owner.post("/api/competencies", {
      name: "Reliability",
      levels: [
        { level: 1, title: "Follows runbooks" },
        { level: 2, title: "Designs for failure" },
      ],
    })
  ).body;
  const first = await owner.post("/api/assignments", {
    title: "Lead the refund-retry redesign",
    description: "Refunds fail under load; make retries safe.",
    acceptanceCriteria: criteria,
    memberId: grace.session.member.id,
    mentorId: alan.session.member.id,
    competency: { id: competency.id, level: 2 },
    repository: { ...repositories[0], repository: "fabrikam/PAYMENTS" },
  });
  expect(first.status).toBe(201);
  expect(first.body).toMatchObject({
    key: "GW-1",
    status: "planned",
    acceptanceCriteria: criteria.map((c) => ({ ...c, done: false })),
    competency: { id: competency.id, name: "Reliability", level: 2 },
    keyResult: null,
    // Stored as the connection names it.
    repository: { host: "ado", repository: "Fabrikam/payments" },
  });

  const objective = (await owner.post("/api/objectives", { title: "Fewer failed refunds", period: "2026-Q4" })).body;
  const keyResult = (await owner.post(`/api/objectives/${objective.id}/key-results`, { title: "Refund failures under 0.1%" })).body;
  const second = await grace.client.post("/api/assignments", {
    title: "Alert on refund failures",
    acceptanceCriteria: criteria,
    memberId: grace.session.member.id,
    keyResultId: keyResult.id,
  });
  expect(second.body).toMatchObject({ key: "GW-2", competency: null, keyResult: { id: keyResult.id, title: "Refund failures under 0.1%" } });

  // Created at once, they still take a number each.
  const together = await Promise.all(
    Array.from({ length: 6 }, (_, i) =>
      owner.post("/api/assignments", { title: `Spike ${i}`, acceptanceCriteria: criteria, memberId: alan.session.member.id }),
    ),
  );
  expect(together.map((r) => r.body.key).sort()).toEqual(["GW-3", "GW-4", "GW-5", "GW-6", "GW-7", "GW-8"]);

  // Another workspace counts from 1.
  const other = await team("numbers-other");
  expect(
    (await other.owner.post("/api/assignments", { title: "Own the on-call rota", acceptanceCriteria: criteria, memberId: other.grace.session.member.id })).body
      .key,
  ).toBe("GW-1");

  // Ticking a criterion and moving it on; linking a key result instead of the competency.
  const ticked = await alan.client.patch(`/api/assignments/${first.body.id}`, {
    acceptanceCriteria: [{ ...criteria[0], done: true }, criteria[1]],
    status: "in_progress",
    keyResultId: keyResult.id,
  });
  expect(ticked.status).toBe(200);
  expect(ticked.body).toMatchObject({ status: "in_progress", competency: null, keyResult: { id: keyResult.id } });
  expect(ticked.body.acceptanceCriteria.map((c: { done: boolean }) => c.done)).toEqual([true, false]);
});

it("refuses what does not hold, naming the field: other workspaces' people and competencies, unknown levels, unfollowed repositories", async () => {
  const { owner, grace } = await team("refusals");
  const stranger = await team("refusals-stranger");
  const strangerCompetency = (await stranger.owner.post("/api/competencies", { name: "Theirs", levels: [{ level: 1, title: "One" }] })).body;
  const competency = (await owner.post("/api/competencies", { name: "Ours", levels: [{ level: 1, title: "One" }] })).body;
  const base = { title: "Lead the redesign", acceptanceCriteria: criteria, memberId: grace.session.member.id };
  const refusals: [object, number, string][] = [
    [{ ...base, memberId: stranger.grace.session.member.id }, 404, "body.memberId"],
    [{ ...base, mentorId: stranger.alan.session.member.id }, 404, "body.mentorId"],
    [{ ...base, mentorId: grace.session.member.id }, 400, "body.mentorId"],
    [{ ...base, competency: { id: strangerCompetency.id } }, 404, "body.competency.id"],
    [{ ...base, competency: { id: competency.id, level: 3 } }, 400, "body.competency.level"],
    [{ ...base, repository: { host: "ado", connectionId: "nope", repository: "Fabrikam/payments" } }, 400, "body.repository"],
    [{ ...base, acceptanceCriteria: [] }, 400, "body.acceptanceCriteria"],
    [{ ...base, acceptanceCriteria: [{ text: "  " }] }, 400, "body.acceptanceCriteria.0.text"],
    [{ ...base, title: "" }, 400, "body.title"],
    [{ ...base, competency: { id: competency.id }, keyResultId: competency.id }, 400, "body.keyResultId"],
  ];
  for (const [body, status, field] of refusals) {
    const res = await owner.post("/api/assignments", body);
    expect([res.status, res.body.error?.field], JSON.stringify(body)).toEqual([status, field]);
  }
  expect((await owner.get("/api/assignments")).body.items).toEqual([]);
});

it("shows an assignment to its member, mentor, whoever set it and owners only; only its setter or an owner deletes it", async () => {
  const { owner, grace, alan, edsger } = await team("parties");
  const created = (
    await alan.client.post("/api/assignments", { title: "Pair on the ledger migration", acceptanceCriteria: criteria, memberId: grace.session.member.id })
  ).body as Assignment;
  const keys = async (client: ApiClient) => ((await client.get("/api/assignments")).body.items as Assignment[]).map((a) => a.key);
  expect(await keys(grace.client)).toEqual([created.key]);
  expect(await keys(alan.client)).toEqual([created.key]);
  expect(await keys(owner)).toEqual([created.key]);
  // Edsger is in none of it: it does not exist for him.
  expect(await keys(edsger.client)).toEqual([]);
  expect((await edsger.client.get(`/api/assignments/${created.id}`)).status).toBe(404);
  expect((await edsger.client.patch(`/api/assignments/${created.id}`, { status: "done" })).status).toBe(404);
  expect((await edsger.client.delete(`/api/assignments/${created.id}`)).status).toBe(404);
  // Grace may work it, not delete it.
  expect((await grace.client.patch(`/api/assignments/${created.id}`, { status: "in_progress" })).status).toBe(200);
  expect((await grace.client.delete(`/api/assignments/${created.id}`)).status).toBe(403);
  expect((await alan.client.delete(`/api/assignments/${created.id}`)).status).toBe(204);
  expect(await keys(owner)).toEqual([]);
  expect((await owner.get("/api/assignments/not-a-uuid")).body.error.field).toBe("params.id");
});

it("shows an assignment's milestones in the member's timeline and their 1:1s, to those who may see the assignment", async () => {
  const { owner, grace, alan, edsger } = await team("milestones");
  const created = (
    await alan.client.post("/api/assignments", { title: "Own the on-call rota", acceptanceCriteria: criteria, memberId: grace.session.member.id })
  ).body as Assignment;
  expect((await grace.client.patch(`/api/assignments/${created.id}`, { status: "done" })).status).toBe(200);
  const milestones = (events: { event: string; assignment: { key: string } }[]) => events.map((e) => `${e.event} ${e.assignment.key}`).sort();
  const timeline = async (client: ApiClient) => {
    const res = await client.get(`/api/members/${grace.session.member.id}/timeline?period=month&periods=1`);
    expect(res.status).toBe(200);
    return res.body.periods[0].assignments;
  };
  expect(milestones(await timeline(grace.client))).toEqual(["agreed GW-1", "done GW-1"]);
  expect((await timeline(grace.client))[0]).toMatchObject({ assignment: { title: "Own the on-call rota", status: "done", pullRequestUrl: null } });

  // Alan set it and holds 1:1s with Grace: there too. Edsger also holds 1:1s with her, but the assignment is not his to see.
  for (const [client, sees] of [
    [alan.client, ["agreed GW-1", "done GW-1"]],
    [edsger.client, []],
  ] as const) {
    const oneOnOne = (await client.post("/api/one-on-ones", { memberId: grace.session.member.id })).body;
    const since = (await client.get(`/api/one-on-ones/${oneOnOne.id}/since-last`)).body;
    expect(milestones(since.assignments)).toEqual(sees);
    expect(milestones(await timeline(client))).toEqual(sees);
  }

  // Reopened, it is no longer done; an owner sees what its member sees.
  await grace.client.patch(`/api/assignments/${created.id}`, { status: "in_progress" });
  expect(milestones(await timeline(owner))).toEqual(["agreed GW-1"]);
});
