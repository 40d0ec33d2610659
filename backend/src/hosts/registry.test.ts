import { z } from "zod";
import { afterAll, beforeAll, expect, test } from "vitest";
import { ApiError } from "../http/errors.js";
import { route } from "../http/route.js";
import { ContextItemRow, ContextLinkRow } from "../storage/models.js";
import { signUp, startTestApp, type ApiClient } from "../testing/testApp.js";
import { until } from "../testing/until.js";
import { handle, jobType } from "../jobs/jobType.js";
import { periodicJob, refreshJobOf, type HostAdapter } from "./adapter.js";
import { HOSTS } from "./index.js";

// A third host, as small as a host can be, registered beside the real two: everything it does
// reaches the product through its adapter alone — no file outside its folder names it.
const seen = { events: [] as unknown[], refreshed: [] as string[], linksChanged: [] as string[], periodic: 0 };
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
              payload: { n: 1 },
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
  await until("the worker to run acme.event", async () => seen.events.length === 1);
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
