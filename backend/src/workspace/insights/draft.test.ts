import { afterAll, beforeAll, expect, it } from "vitest";
import { QueryTypes } from "sequelize";
import type { Insight } from "@groundwork/shared-types";
import { ContextItemRow } from "../../storage/models.js";
import { createFetchedPullRequest } from "../../testing/fetchedItems.js";
import { inviteMember, signUp, startTestApp } from "../../testing/testApp.js";
import { until } from "../../testing/until.js";
import { queueInsight } from "./derive.js";

/** "Draft feedback": a situation–behaviour–impact note from a member's items' insights, citing them, saving nothing. */
let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp({ worker: { enabled: true, concurrency: 2, maxAttempts: 3 } });
});
afterAll(() => app?.close());

const derived = async (item: ContextItemRow) => {
  await queueInsight(app.services, item);
  await until("insight", async () => (await ContextItemRow.findByPk(item.id))?.insight as Insight | null);
};

it("drafts situation, behaviour and impact from the member's pull requests, citing them, and saves nothing", async () => {
  const { client: owner } = await signUp(app.url, "Olivia", "olivia-draft@example.com");
  const workspaceId = (await owner.get("/api/auth/session")).body.workspace.id;
  const { client: grace, session } = await inviteMember(owner, "grace-draft@example.com", "Grace Hopper");
  const graceId: string = session.member.id;
  const refunds = await createFetchedPullRequest(workspaceId, { authorEmailNormalized: "grace-draft@example.com", state: "merged" });
  const docs = await createFetchedPullRequest(workspaceId, {
    authorEmailNormalized: "grace-draft@example.com",
    title: "Document the refund API",
    changes: {
      files: [{ path: "docs/refunds.md", status: "modified", linesAdded: 40, linesRemoved: 2 }],
      fileCount: 1,
      commits: [],
      commitCount: 0,
      headCommit: null,
    },
    metadata: { ...(refunds.metadata as object), description: null },
  });
  // Olivia's own PR is not Grace's work.
  const someoneElses = await createFetchedPullRequest(workspaceId, { authorEmailNormalized: "olivia-draft@example.com" });
  await Promise.all([derived(refunds), derived(docs)]);
  const count = async () =>
    Number((await app.services.storage.sequelize.query<{ n: number }>("SELECT COUNT(*) AS n FROM feedback", { type: QueryTypes.SELECT }))[0]!.n);
  const before = await count();

  const res = await owner.post("/api/feedback/drafts", { subjectId: graceId, contextItemIds: [refunds.id, docs.id] });
  expect(res.status).toBe(200);
  expect(res.body.situation).toBe(
    "In “Make refunds idempotent” (acme/payments !" +
      refunds.hostIds.pullRequestId +
      ", merged) and “Document the refund API” (acme/payments !" +
      docs.hostIds.pullRequestId +
      ").",
  );
  expect(res.body.behaviour).toBe(
    "You made refunds idempotent, changed 5 files, +183 −13 lines in 3 commits, mostly in src/refunds, docs and migrations, updated 1 test file and linked to PAY-118. " +
      "You documented the refund API and changed 1 file, +40 −2 lines, mostly in docs.",
  );
  expect(res.body.impact).toBe("Customers are no longer refunded twice when the gateway times out. Changes the database schema or data: deploy with care.");
  expect(res.body.body).toBe(`Situation: ${res.body.situation}\n\nBehaviour: ${res.body.behaviour}\n\nImpact: ${res.body.impact}`);
  expect(res.body.cites).toEqual([
    { contextItemId: refunds.id, title: "Make refunds idempotent", url: refunds.url },
    { contextItemId: docs.id, title: "Document the refund API", url: docs.url },
  ]);
  expect(await count()).toBe(before);

  // Only the subject's contributions the caller can see; bad input named.
  const other = await owner.post("/api/feedback/drafts", { subjectId: graceId, contextItemIds: [someoneElses.id] });
  expect(other.status).toBe(404);
  expect(other.body.error.field).toBe("body.contextItemIds");
  expect((await owner.post("/api/feedback/drafts", { subjectId: graceId, contextItemIds: [] })).body.error).toMatchObject({ field: "body.contextItemIds" });
  // Another workspace's member and items are not found either.
  const { client: stranger } = await signUp(app.url, "Sam", "sam-draft@example.com");
  expect((await stranger.post("/api/feedback/drafts", { subjectId: graceId, contextItemIds: [refunds.id] })).status).toBe(404);
  // Grace drafting about Olivia cannot cite Grace's own work as Olivia's.
  expect(
    (await grace.post("/api/feedback/drafts", { subjectId: (await owner.get("/api/auth/session")).body.member.id, contextItemIds: [refunds.id] })).status,
  ).toBe(404);
});
