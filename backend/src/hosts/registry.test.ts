import { z } from "zod";
import { afterAll, beforeAll, expect, test } from "vitest";
import { ApiError } from "../http/errors.js";
import { route } from "../http/route.js";
import { ContextItemRow, ContextLinkRow } from "../storage/models.js";
import { inviteMember, signUp, startTestApp, type ApiClient } from "../testing/testApp.js";
import { until } from "../testing/until.js";
import { handle, jobType } from "../jobs/jobType.js";
import { deliveryJob, periodicJob, refreshJobOf, type HostAdapter } from "./adapter.js";
import { HOSTS } from "./index.js";

// A third host, as small as a host can be, registered beside the real two: everything it does
// reaches the product through its adapter alone — no file outside its folder names it.
const seen = { events: [] as { n: number }[], refreshed: [] as string[], linksChanged: [] as string[], periodic: 0 };
const AcmeEventJob = jobType("acme.event", z.object({ n: z.number() }));
const AcmeRefreshJob = refreshJobOf("acme");
const AcmeTickJob = periodicJob("acme.tick");
const acme: HostAdapter = {
  name: "acme",
  displayName: "Acme Code",
  routes: [
    route({
      method: "get",
      path: "/api/integrations/acme",
      summary: "The Acme connection",
      tag: "Integrations",
      access: "owner",
      response: z.object({ connected: z.boolean() }),
      handler: async () => ({ connected: true }),
    }),
  ],
  deliveryJob: deliveryJob(AcmeEventJob, ({ n }) => `acme.${n}`),
  deliveries: (_services, recorder) => [
    {
      path: "/acme/webhooks",
      handlers: [
        async (req, res, next) => {
          try {
            if (req.get("x-acme-secret") !== "s3cret") throw new ApiError(401, "invalid_signature", "Not signed by Acme");
            const { duplicate } = await recorder.record({
              source: "acme",
              deliveryId: String(req.get("x-acme-delivery")),
              job: AcmeEventJob,
              payload: { n: Number(req.get("x-acme-n") ?? 1) },
              workspaceId: req.get("x-acme-workspace") ?? null,
            });
            res.status(202).json({ received: true, duplicate });
          } catch (err) {
            next(err);
          }
        },
      ],
    },
  ],
  documented: {
    routes: [
      route({
        method: "get",
        path: "/acme/api/panel",
        summary: "Acme's panel",
        tag: "Acme panel",
        access: "public",
        security: "acmeToken",
        handler: async () => ({}),
      }),
    ],
    securitySchemes: { acmeToken: { type: "http", scheme: "bearer" } },
  },
  jobs: () => [
    handle(AcmeEventJob, async (payload) => void seen.events.push(payload)),
    handle(AcmeRefreshJob, async ({ contextItemId }) => void seen.refreshed.push(contextItemId)),
    handle(AcmeTickJob, async () => void seen.periodic++),
  ],
  periodic: [{ job: AcmeTickJob, everyMs: 50 }],
  refreshJob: AcmeRefreshJob,
  linksChanged: async (_services, item) => void seen.linksChanged.push(item.id),
  overview: async () => ({ connected: true, account: "acme-team" }),
};

let app: Awaited<ReturnType<typeof startTestApp>>;
let owner: ApiClient;
let workspaceId: string;
let memberId: string;
beforeAll(async () => {
  app = await startTestApp({ worker: { enabled: true, concurrency: 2, maxAttempts: 3 } }, undefined, { hosts: [...HOSTS, acme] });
  const { client, session } = await signUp(app.url, "Owner", "owner@example.com");
  owner = client;
  workspaceId = session.workspace.id;
  memberId = session.member.id;
});
afterAll(async () => {
  await app?.close();
});

test("its workspace API is mounted under /api with the session's access rules, and documented", async () => {
  expect((await owner.get("/api/integrations/acme")).body).toEqual({ connected: true });
  expect((await fetch(`${app.url}/api/integrations/acme`)).status).toBe(401);
  const doc = (await owner.get("/api/openapi.json")).body;
  expect(doc.paths["/api/integrations/acme"].get.summary).toBe("The Acme connection");
  expect(doc.paths["/acme/api/panel"].get.security).toEqual([{ acmeToken: [] }]);
  expect(doc.components.securitySchemes.acmeToken).toEqual({ type: "http", scheme: "bearer" });
  expect((await owner.get("/api/integrations")).body.acme).toEqual({ connected: true, account: "acme-team" });
});

test("its webhook authenticates by its own means, is recorded once, and its job runs", async () => {
  const deliver = (secret: string) => fetch(`${app.url}/acme/webhooks`, { method: "POST", headers: { "x-acme-secret": secret, "x-acme-delivery": "d-1" } });
  expect((await deliver("wrong")).status).toBe(401);
  expect(await (await deliver("s3cret")).json()).toEqual({ received: true, duplicate: false });
  expect(await (await deliver("s3cret")).json()).toEqual({ received: true, duplicate: true });
  await until("the worker to run acme.event", async () => seen.events.filter((e) => e.n === 1).length === 1);
  await until("acme.tick, scheduled every 50 ms", async () => seen.periodic > 0, 5_000);
});

test("an item of its own hears of link changes and is refreshed by its job", async () => {
  const objective = (await owner.post("/api/objectives", { title: "Ship it", period: "2026-Q4" })).body;
  const item = await ContextItemRow.create({
    workspaceId,
    host: "acme",
    kind: "pull_request",
    url: "https://acme.example/pr/1",
    externalKey: "acme:pr:1",
    hostIds: { pr: 1 },
    metadataStatus: "pending",
    metadata: null,
    title: null,
    state: null,
    authorEmailNormalized: null,
    fetchedAt: null,
  } as never);
  const link = await ContextLinkRow.create({
    workspaceId,
    contextItemId: item.id,
    targetType: "objective",
    targetId: objective.id,
    note: null,
    linkedBy: memberId,
  } as never);

  expect((await owner.post(`/api/context-items/${item.id}/sync`)).status).toBe(202);
  await until("the worker to run acme.refresh", async () => seen.refreshed.includes(item.id));
  expect((await owner.delete(`/api/context-links/${link.id}`)).status).toBe(204);
  expect(seen.linksChanged).toEqual([item.id]);
});

test("its deliveries show in the workspace's delivery history, to owners, and one can be applied again", async () => {
  const deliver = (id: string) =>
    fetch(`${app.url}/acme/webhooks`, {
      method: "POST",
      headers: { "x-acme-secret": "s3cret", "x-acme-delivery": id, "x-acme-n": "2", "x-acme-workspace": workspaceId },
    });
  for (const id of ["h-1", "h-2", "h-3"]) expect((await deliver(id)).status).toBe(202);
  await until("the three applied", async () => seen.events.filter((e) => e.n === 2).length === 3);

  const first = await owner.get("/api/integrations/deliveries?host=acme&limit=2");
  expect(first.status).toBe(200);
  expect(first.body.items).toHaveLength(2);
  expect(first.body.items[0]).toMatchObject({ host: "acme", event: "acme.2", outcome: "applied", attempts: 1, error: null });
  const rest = await owner.get(`/api/integrations/deliveries?host=acme&limit=2&cursor=${first.body.nextCursor}`);
  expect(rest.body).toMatchObject({ items: [expect.objectContaining({ event: "acme.2" })], nextCursor: null });
  const ids = [...first.body.items, ...rest.body.items].map((d: { id: number }) => d.id);
  expect(new Set(ids).size).toBe(3);
  // Another host's history does not hold them; all hosts' together does.
  expect((await owner.get("/api/integrations/deliveries?host=ado")).body.items).toEqual([]);
  expect((await owner.get("/api/integrations/deliveries")).body.items.map((d: { id: number }) => d.id)).toEqual(expect.arrayContaining(ids));

  // Applied again: the job runs once more.
  expect((await owner.post(`/api/integrations/deliveries/${ids[0]}/redeliver`)).status).toBe(204);
  await until("applied again", async () => seen.events.filter((e) => e.n === 2).length === 4);

  // Refused: an unknown host, a job that is no delivery, another workspace's delivery, a member, a stranger.
  const unknown = await owner.get("/api/integrations/deliveries?host=gitlab");
  expect(unknown.status).toBe(400);
  expect(unknown.body.error).toMatchObject({ code: "unknown_host", field: "query.host" });
  const tick = await app.services.queue.enqueue(AcmeTickJob, {}, { workspaceId });
  expect((await owner.post(`/api/integrations/deliveries/${tick.id}/redeliver`)).status).toBe(404);
  const other = await signUp(app.url, "Other", "other-owner@example.com");
  expect((await other.client.get("/api/integrations/deliveries?host=acme")).body.items).toEqual([]);
  expect((await other.client.post(`/api/integrations/deliveries/${ids[0]}/redeliver`)).status).toBe(404);
  const { client: member } = await inviteMember(owner, "member-of-acme@example.com", "Member");
  expect((await member.get("/api/integrations/deliveries")).status).toBe(403);
  expect((await fetch(`${app.url}/api/integrations/deliveries`)).status).toBe(401);
});
