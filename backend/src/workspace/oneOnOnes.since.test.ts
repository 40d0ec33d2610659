import { afterAll, beforeAll, expect, it } from "vitest";
import { createFetchedPullRequest } from "../testing/fetchedItems.js";
import { inviteMember, signUp, startTestApp } from "../testing/testApp.js";

/** A 1:1's "since last time": the other person's work since it was last held, which the next "held" resets. */
let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

it("lists the other person's work since the 1:1 was last held, for the two of them only", async () => {
  const { client: olivia } = await signUp(app.url, "Olivia", "olivia-since@example.com");
  const workspaceId = (await olivia.get("/api/auth/session")).body.workspace.id;
  const { client: grace } = await inviteMember(olivia, "grace-since@example.com", "Grace Hopper");
  const { client: sam } = await inviteMember(olivia, "sam-since@example.com", "Sam");
  const graceId = (await grace.get("/api/auth/session")).body.member.id;
  const oneOnOne = (await olivia.post("/api/one-on-ones", { memberId: graceId })).body;
  expect(oneOnOne.lastHeldAt).toBeNull();

  // Never held: the last 30 days count, not before.
  await createFetchedPullRequest(workspaceId, {
    authorEmailNormalized: "grace-since@example.com",
    title: "Old work",
    workedAt: new Date(Date.now() - 40 * 86400_000),
  });
  const recent = await createFetchedPullRequest(workspaceId, {
    authorEmailNormalized: "grace-since@example.com",
    title: "Make refunds idempotent",
    workedAt: new Date(),
  });
  const since = (await olivia.get(`/api/one-on-ones/${oneOnOne.id}/since-last`)).body;
  expect(since).toMatchObject({ memberId: graceId, more: 0 });
  expect(Math.abs(Date.parse(since.since) - (Date.now() - 30 * 86400_000))).toBeLessThan(60_000);
  expect(since.entries.map((e: { kind: string; item: { id: string } }) => [e.kind, e.item.id])).toEqual([["authored", recent.id]]);
  // Grace sees Olivia's side: nothing of Olivia's yet. Sam is not in this 1:1.
  expect((await grace.get(`/api/one-on-ones/${oneOnOne.id}/since-last`)).body.entries).toEqual([]);
  expect((await sam.get(`/api/one-on-ones/${oneOnOne.id}/since-last`)).status).toBe(404);
  expect((await sam.post(`/api/one-on-ones/${oneOnOne.id}/held`)).status).toBe(404);

  // Held today: what came before is no longer new.
  const held = await olivia.post(`/api/one-on-ones/${oneOnOne.id}/held`);
  expect(held.status).toBe(200);
  expect(Date.parse(held.body.lastHeldAt)).toBeGreaterThan(Date.now() - 60_000);
  await recent.update({ workedAt: new Date(Date.now() - 3600_000) });
  expect((await olivia.get(`/api/one-on-ones/${oneOnOne.id}/since-last`)).body.entries).toEqual([]);
});
