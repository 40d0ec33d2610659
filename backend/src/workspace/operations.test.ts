import { afterAll, beforeAll, expect, it } from "vitest";
import { inviteMember, signUp, startTestApp, type ApiClient } from "../testing/testApp.js";

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
  const { id } = await queue.enqueue("ado.status.post", { pr: 1 }, { workspaceId, maxAttempts: 1 });
  await queue.enqueue("ado.status.post", { pr: 2 }, { workspaceId: "00000000-0000-4000-8000-00000000beef", maxAttempts: 1 });
  for (const job of await queue.claim("w", 10)) await queue.fail(job, new Error("TF400813: not authorized"));

  const dead = await owner.get("/api/jobs/dead");
  expect(dead.status).toBe(200);
  expect(dead.body).toMatchObject([{ id, kind: "ado.status.post", lastError: "TF400813: not authorized" }]);
  expect((await member.get("/api/jobs/dead")).status).toBe(403);

  expect((await owner.post(`/api/jobs/dead/${id}/retry`)).status).toBe(204);
  expect((await owner.get("/api/jobs/dead")).body).toEqual([]);
  expect((await owner.post(`/api/jobs/dead/${id}/retry`)).status).toBe(404);
  expect((await owner.post(`/api/jobs/dead/abc/retry`)).status).toBe(400);
});

it("keeps integrations to owners", async () => {
  expect((await owner.get("/api/integrations")).body).toEqual({
    ado: { connected: false, connection: null },
    bitbucket: { connected: false, descriptorUrl: `${app.url}/bitbucket/atlassian-connect.json`, installations: [], tokenConnection: null },
  });
  expect((await member.get("/api/integrations")).status).toBe(403);
});
