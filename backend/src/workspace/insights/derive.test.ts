import { afterAll, beforeAll, expect, it } from "vitest";
import { ContextItemRow } from "../../storage/models.js";
import { createFetchedPullRequest } from "../../testing/fetchedItems.js";
import { signUp, startTestApp } from "../../testing/testApp.js";
import { until } from "../../testing/until.js";
import { BackfillInsightsJob } from "./derive.js";

/** After an upgrade: items fetched before insights existed get one, and the work date and reviewers a timeline reads. */
let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp({ worker: { enabled: true, concurrency: 2, maxAttempts: 3 } });
});
afterAll(() => app?.close());

it("backfills insights, work dates and reviewers of items fetched before this release, and leaves drawn ones alone", async () => {
  const { client } = await signUp(app.url, "Olivia", "olivia-backfill@example.com");
  const workspaceId = (await client.get("/api/auth/session")).body.workspace.id;
  const old = await createFetchedPullRequest(workspaceId, {
    metadata: {
      kind: "pull_request",
      description: "Retries refunds.",
      author: null,
      reviewers: [{ name: "Grace", email: "grace@example.com", account: "{g}", verdict: "approved" }],
      sourceBranch: "fix/refunds",
      targetBranch: "main",
      repository: "acme/payments",
      createdAt: "2026-10-01T09:00:00Z",
      updatedAt: "2026-10-03T09:00:00Z",
      closedAt: null,
    },
  });
  const drawn = await createFetchedPullRequest(workspaceId, { insightSource: "drawn-already" });
  expect(old.workedAt ?? null).toBeNull();
  await app.services.queue.enqueue(BackfillInsightsJob, { after: null }, { dedupeKey: "insight.backfill:test" });
  const done = await until("backfilled", async () => {
    const row = await ContextItemRow.findByPk(old.id);
    return row?.insight ? row : null;
  });
  expect(done.workedAt?.toISOString()).toBe("2026-10-03T09:00:00.000Z");
  expect(done.reviewerKeys).toBe("|email:grace@example.com|bitbucket:{g}|");
  expect((await ContextItemRow.findByPk(drawn.id))!.insight).toBeNull();
});
