import { afterAll, beforeAll, expect, it } from "vitest";
import { inviteMember, signUp, startTestApp, type ApiClient } from "../testing/testApp.js";
import { AdoPrStatusJob } from "../hosts/ado/jobs.js";
import { BitbucketBuildStatusJob } from "../hosts/bitbucket/jobs.js";

const prStatus = (workspaceId: string, pullRequestId: number) => ({
  workspaceId,
  organization: "fabrikam",
  project: "Fabrikam",
  repository: "web",
  pullRequestId,
});

let app: Awaited<ReturnType<typeof startTestApp>>;
let owner: ApiClient;
let member: ApiClient;
let workspaceId: string;

beforeAll(async () => {
  app = await startTestApp();
  const o = await signUp(app.url);
  owner = o.client;
  workspaceId = o.session.workspace.id;
  member = (await inviteMember(owner, `ops-${Date.now()}@example.com`)).client;
});
afterAll(() => app?.close());

it("shows owners their workspace's dead-lettered jobs and lets them retry one", async () => {
  const queue = app.services.queue;
  const { id } = await queue.enqueue(AdoPrStatusJob, prStatus(workspaceId, 1), { workspaceId, maxAttempts: 1 });
  const elsewhere = "00000000-0000-4000-8000-00000000beef";
  await queue.enqueue(AdoPrStatusJob, prStatus(elsewhere, 2), { workspaceId: elsewhere, maxAttempts: 1 });
  for (const job of await queue.claim("w", 10)) await queue.fail(job, new Error("TF400813: not authorized"));

  const dead = await owner.get("/api/jobs/dead");
  expect(dead.status).toBe(200);
  expect(dead.body.items).toMatchObject([{ id, kind: "ado.pr-status", lastError: "TF400813: not authorized" }]);
  expect((await member.get("/api/jobs/dead")).status).toBe(403);

  expect((await owner.post(`/api/jobs/dead/${id}/retry`)).status).toBe(204);
  expect((await owner.get("/api/jobs/dead")).body.items).toEqual([]);
  expect((await owner.post(`/api/jobs/dead/${id}/retry`)).status).toBe(404);
  expect((await owner.post(`/api/jobs/dead/abc/retry`)).status).toBe(400);
});

it("pages dead jobs, most recently failed first, however many there are", async () => {
  const queue = app.services.queue;
  const failed: number[] = [];
  for (let i = 0; i < 5; i++) {
    const { id } = await queue.enqueue(
      BitbucketBuildStatusJob,
      { connectionId: "00000000-0000-4000-8000-0000000000c1", workspace: "acme", repository: "widgets", pullRequestId: i },
      { workspaceId, maxAttempts: 1 },
    );
    for (const job of await queue.claim("w", 10)) await queue.fail(job, new Error(`failure ${i}`));
    failed.unshift(id!);
  }
  const seen: number[] = [];
  let cursor: string | null = null;
  do {
    const page: { body: { items: { id: number }[]; nextCursor: string | null } } = await owner.get(
      `/api/jobs/dead?limit=2${cursor ? `&cursor=${cursor}` : ""}`,
    );
    expect(page.body.items.length).toBeLessThanOrEqual(2);
    seen.push(...page.body.items.map((j) => j.id));
    cursor = page.body.nextCursor;
  } while (cursor);
  // (The job the test above retried may have failed again alongside.)
  expect(seen.filter((id) => failed.includes(id))).toEqual(failed);
  expect(new Set(seen).size).toBe(seen.length);
  expect((await owner.get("/api/jobs/dead?cursor=e30")).body.error).toMatchObject({ code: "invalid_cursor", field: "query.cursor" });
});

it("keeps integrations to owners", async () => {
  expect((await owner.get("/api/integrations")).body).toEqual({
    ado: { connected: false, connection: null, signInWithMicrosoft: false },
    bitbucket: { connected: false, descriptorUrl: `${app.url}/bitbucket/atlassian-connect.json`, forgeApp: false, installations: [], tokenConnection: null },
  });
  expect((await member.get("/api/integrations")).status).toBe(403);
});
