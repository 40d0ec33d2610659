import { afterAll, beforeAll, expect, it } from "vitest";
import { AssessmentRow, ContextUpdateRow, IdentityLinkRow } from "../storage/models.js";
import { createFetchedPullRequest } from "../testing/fetchedItems.js";
import { inviteMember, signUp, startTestApp } from "../testing/testApp.js";
import { extractInsight } from "./insights/extract.js";
import { periodsUntil } from "./timeline.js";

/** A member's work by period: authored, reviewed (by email or a linked account), commented, attached; and who may read it. */
let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

const GRACE = "grace_tl@example.com";
/** A pull request's snapshot with one reviewer (the hosts store each one's account beside the shared fields). */
const reviewedBy = (reviewer: { name: string; email: string | null; account?: string; verdict: string }) => ({
  kind: "pull_request",
  description: null,
  author: null,
  reviewers: [reviewer],
  sourceBranch: null,
  targetBranch: null,
  repository: "acme/payments",
  createdAt: null,
  updatedAt: null,
  closedAt: null,
});
const UUID = "{4a1b2c3d-0000-4000-8000-00000000abcd}";

it("groups a member's authored, reviewed and commented work by month, with recurring themes and where each is attached", async () => {
  const { client: owner } = await signUp(app.url, "Olivia", "olivia-tl@example.com");
  const workspaceId = (await owner.get("/api/auth/session")).body.workspace.id;
  const { client: grace, session } = await inviteMember(owner, GRACE, "Grace Hopper");
  const graceId: string = session.member.id;
  const { client: sam, session: samSession } = await inviteMember(owner, "sam-tl@example.com", "Sam");
  await IdentityLinkRow.create({ workspaceId, memberId: graceId, host: "bitbucket", scope: "{ws}", externalUserId: UUID, accountName: "grace" });

  const withInsight = async (fields: Parameters<typeof createFetchedPullRequest>[1]) => {
    const item = await createFetchedPullRequest(workspaceId, fields);
    return item.update({ insight: extractInsight({ title: item.title, state: item.state, details: item.metadata as never, changes: item.changes }) });
  };
  const october = await withInsight({ authorEmailNormalized: GRACE, workedAt: new Date("2026-10-05T10:00:00Z") });
  const november = await withInsight({ authorEmailNormalized: GRACE, title: "Retry refund webhooks with backoff", workedAt: new Date("2026-11-10T10:00:00Z") });
  const reviewed = await createFetchedPullRequest(workspaceId, {
    title: "Cache exchange rates",
    authorEmailNormalized: "olivia-tl@example.com",
    workedAt: new Date("2026-11-12T10:00:00Z"),
    reviewerKeys: `|email:${GRACE}|`,
    metadata: reviewedBy({ name: "Grace", email: GRACE, verdict: "approved" }),
  });
  await createFetchedPullRequest(workspaceId, {
    title: "Reviewed as her Bitbucket account",
    workedAt: new Date("2026-09-20T10:00:00Z"),
    reviewerKeys: `|bitbucket:${UUID}|`,
    metadata: reviewedBy({ name: "grace", email: null, account: UUID, verdict: "changes_requested" }),
  });
  // "_" in her address is a LIKE wildcard: someone whose address differs there is not her.
  await createFetchedPullRequest(workspaceId, { title: "Not hers", workedAt: new Date("2026-11-14T10:00:00Z"), reviewerKeys: "|email:gracextl@example.com|" });
  // Outside the three months asked for.
  await createFetchedPullRequest(workspaceId, { authorEmailNormalized: GRACE, title: "Too old", workedAt: new Date("2026-06-01T10:00:00Z") });
  await ContextUpdateRow.create({
    workspaceId,
    contextItemId: reviewed.id,
    kind: "comment",
    externalId: "c-1",
    memberId: graceId,
    authorName: "Grace",
    body: "Expire them hourly?",
    url: null,
    occurredAt: new Date("2026-11-13T09:00:00Z"),
  });
  const objective = (await owner.post("/api/objectives", { title: "Safer refunds", period: "2026-Q4", ownerId: graceId })).body;
  await owner.post("/api/context-links", { targetType: "objective", targetId: objective.id, url: november.url });

  const res = await owner.get(`/api/members/${graceId}/timeline?period=month&periods=3&until=2026-11-27`);
  expect(res.status).toBe(200);
  const t = res.body;
  expect(t.periods.map((p: { label: string }) => p.label)).toEqual(["September 2026", "October 2026", "November 2026"]);
  expect(t.periods.map((p: { counts: unknown }) => p.counts)).toEqual([
    { authored: 0, reviewed: 1, commented: 0, attached: 0 },
    { authored: 1, reviewed: 0, commented: 0, attached: 0 },
    { authored: 1, reviewed: 1, commented: 1, attached: 0 },
  ]);
  const nov = t.periods[2];
  expect(nov.entries.map((e: { kind: string; item: { title: string } }) => [e.kind, e.item.title])).toEqual([
    ["commented", "Cache exchange rates"],
    ["reviewed", "Cache exchange rates"],
    ["authored", "Retry refund webhooks with backoff"],
  ]);
  expect(nov.entries[0].comment).toEqual({ body: "Expire them hourly?", url: null });
  expect(nov.entries[1].verdict).toBe("approved");
  expect(t.periods[0].entries[0].verdict).toBe("changes_requested");
  expect(nov.entries[2].attachedTo).toEqual([{ targetType: "objective", targetId: objective.id, title: "Safer refunds" }]);
  expect(nov.entries[2].item.insight.themes.length).toBeGreaterThan(0);
  // Reliability runs through both months she authored in.
  expect(t.themes).toContainEqual({ theme: "reliability", count: 2, periods: 2 });
  expect(october.id).not.toBe(november.id);

  // Quarters and weeks are labelled as people say them.
  expect((await owner.get(`/api/members/${graceId}/timeline?period=quarter&periods=1&until=2026-11-27`)).body.periods[0]).toMatchObject({
    label: "2026 Q4",
    start: "2026-10-01T00:00:00.000Z",
    counts: { authored: 2, reviewed: 1, commented: 1 },
  });
  expect(periodsUntil("week", new Date("2026-11-27T12:00:00Z"), 2).map((p) => p.label)).toEqual(["Week of 16 Nov 2026", "Week of 23 Nov 2026"]);

  // Hers, the owners', and whoever holds 1:1s with her.
  expect((await grace.get(`/api/members/${graceId}/timeline`)).status).toBe(200);
  const refused = await sam.get(`/api/members/${graceId}/timeline`);
  expect(refused.status).toBe(403);
  expect((await sam.get(`/api/members/${graceId}/timeline?period=fortnight`)).body.error.field).toBe("query.period");
  expect((await sam.post("/api/one-on-ones", { memberId: graceId })).status).toBe(201);
  expect((await sam.get(`/api/members/${graceId}/timeline`)).status).toBe(200);
  expect(samSession.member.id).not.toBe(graceId);
});

it("shows a member's evidence for a competency by quarter, beside the level they were assessed at by then", async () => {
  const { client: owner } = await signUp(app.url, "Olivia", "olivia-ev@example.com");
  const workspaceId = (await owner.get("/api/auth/session")).body.workspace.id;
  const { client: grace, session } = await inviteMember(owner, "grace-ev@example.com", "Grace Hopper");
  const graceId: string = session.member.id;
  const { client: sam } = await inviteMember(owner, "sam-ev@example.com", "Sam");
  const competency = (
    await owner.post("/api/competencies", {
      name: "Reliability engineering",
      levels: [
        { level: 1, title: "Learning" },
        { level: 2, title: "Practising" },
      ],
    })
  ).body;
  const attach = (url: string) => owner.post("/api/context-links", { targetType: "competency", targetId: competency.id, url });
  const summer = await createFetchedPullRequest(workspaceId, {
    authorEmailNormalized: "grace-ev@example.com",
    title: "Add retries",
    workedAt: new Date("2026-08-10T10:00:00Z"),
  });
  const autumn = await createFetchedPullRequest(workspaceId, {
    authorEmailNormalized: "grace-ev@example.com",
    title: "Make refunds idempotent",
    workedAt: new Date("2026-11-02T10:00:00Z"),
  });
  await createFetchedPullRequest(workspaceId, {
    authorEmailNormalized: "grace-ev@example.com",
    title: "Not attached",
    workedAt: new Date("2026-11-03T10:00:00Z"),
  });
  await autumn.update({ insight: extractInsight({ title: autumn.title, state: autumn.state, details: autumn.metadata as never, changes: autumn.changes }) });
  for (const item of [summer, autumn]) expect((await attach(item.url)).status).toBe(201);
  const assess = async (level: number, at: string) => {
    const a = (await owner.post("/api/assessments", { memberId: graceId, competencyId: competency.id, level })).body;
    await AssessmentRow.update({ createdAt: new Date(at) }, { where: { id: a.id }, silent: true });
  };
  await assess(1, "2026-08-20T10:00:00Z");
  await assess(2, "2026-11-05T10:00:00Z");

  const res = await owner.get(`/api/competencies/${competency.id}/evidence?memberId=${graceId}&periods=2&until=2026-11-27`);
  expect(res.status).toBe(200);
  const [q3, q4] = res.body.periods;
  expect([q3.label, q4.label]).toEqual(["2026 Q3", "2026 Q4"]);
  expect(q3.entries.map((e: { item: { title: string } }) => e.item.title)).toEqual(["Add retries"]);
  expect(q3.level).toMatchObject({ level: 1, title: "Learning" });
  expect(q4.entries.map((e: { item: { title: string } }) => e.item.title)).toEqual(["Make refunds idempotent"]);
  expect(q4.level).toMatchObject({ level: 2, title: "Practising" });
  expect(q4.themes.map((t: { theme: string }) => t.theme)).toContain("reliability");

  // Her own, or an owner's view; not another member's.
  expect((await grace.get(`/api/competencies/${competency.id}/evidence?periods=2&until=2026-11-27`)).body.periods[1].entries).toHaveLength(1);
  expect((await sam.get(`/api/competencies/${competency.id}/evidence?memberId=${graceId}`)).status).toBe(403);
});
