import express from "express";
import type { AddressInfo } from "node:net";
import { QueryTypes } from "sequelize";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { ApiError, errorHandler } from "../http/errors.js";
import { openStorage, type Storage } from "../storage/index.js";
import { testDatabase } from "../testing/testDatabase.js";
import { DeliveryRecorder, type InboundDelivery } from "./deliveries.js";
import { JobQueue } from "./queue.js";
import { z } from "zod";
import { jobType } from "./jobType.js";

/** Record, then acknowledge: the order every host adapter's webhook route keeps. */
function deliveryEndpoint(recorder: DeliveryRecorder, describe: (req: express.Request) => InboundDelivery): express.RequestHandler {
  return async (req, res, next) => {
    try {
      const { duplicate } = await recorder.record(describe(req));
      res.status(202).json({ received: true, duplicate });
    } catch (err) {
      next(err);
    }
  };
}

const db = testDatabase();
let storage: Storage;
let queue: JobQueue;
let url: string;
let server: ReturnType<express.Express["listen"]>;

beforeAll(async () => {
  storage = await openStorage(db.database);
  queue = new JobQueue(storage.sequelize);
  const app = express();
  app.post(
    "/hook",
    express.json(),
    deliveryEndpoint(new DeliveryRecorder(queue), (req) => {
      if (req.get("authorization") !== "Bearer right") throw new ApiError(401, "unauthenticated", "bad secret");
      return { source: "test", deliveryId: String(req.get("x-delivery-id")), job: jobType("test.delivery", z.unknown()), payload: req.body };
    }),
  );
  app.use(errorHandler);
  server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  server?.close();
  await storage?.close();
  await db.drop();
});

const send = (id: string, body: unknown, auth = "Bearer right") =>
  fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: auth, "x-delivery-id": id },
    body: JSON.stringify(body),
  });

describe("record-then-acknowledge delivery endpoint", () => {
  beforeEach(() => storage.sequelize.query("DELETE FROM jobs"));

  it("stores the delivery as a queued job before answering 202, and a redelivery once", async () => {
    const first = await send("d-1", { eventType: "git.pullrequest.created" });
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ received: true, duplicate: false });
    const again = await send("d-1", { eventType: "git.pullrequest.created" });
    expect(await again.json()).toEqual({ received: true, duplicate: true });
    expect(await queue.countByStatus()).toEqual({ queued: 1 });
    const [job] = await queue.claim("w", 1);
    expect(job).toMatchObject({ kind: "test.delivery", payload: { eventType: "git.pullrequest.created" } });
  });

  it("stores nothing when the adapter refuses the request", async () => {
    const res = await send("d-2", { x: 1 }, "Bearer wrong");
    expect(res.status).toBe(401);
    const counts = await queue.countByStatus();
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(0);
  });

  it("refuses a body that cannot be stored on its own, without failing the deliveries committed beside it", async () => {
    // 20,000 levels deep: JSON.stringify throws on it, which used to fail its whole group commit.
    const deep = `{"eventType":"x","resource":${"[".repeat(20_000)}${"]".repeat(20_000)}}`;
    const sendRaw = (id: string, raw: string) =>
      fetch(url, { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer right", "x-delivery-id": id }, body: raw });
    const answers = await Promise.all(
      Array.from({ length: 120 }, (_, i) => (i % 10 === 0 ? sendRaw(`deep-${i}`, deep) : send(`good-${i}`, { eventType: "git.pullrequest.created", n: i }))),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s, i) => i % 10 !== 0 && s !== 202)).toEqual([]);
    expect(statuses.filter((s, i) => i % 10 === 0)).toEqual(Array(12).fill(400));
    const [{ n }] = (await storage.sequelize.query("SELECT COUNT(*) AS n FROM jobs WHERE dedupe_key LIKE 'test:good-%'", { type: QueryTypes.SELECT })) as [
      { n: number },
    ];
    expect(Number(n)).toBe(108);
  });

  it("group-commits concurrent deliveries and still reports each redelivery as a duplicate", async () => {
    const ids = Array.from({ length: 120 }, (_, i) => `burst-${i % 80}`);
    const answers = await Promise.all(ids.map((id) => send(id, { id }).then((r) => r.json() as Promise<{ duplicate: boolean }>)));
    expect(answers.filter((a) => !a.duplicate)).toHaveLength(80);
    expect(answers.filter((a) => a.duplicate)).toHaveLength(40);
    const stored = await storage.sequelize.query<{ n: number | string }>("SELECT COUNT(*) AS n FROM jobs WHERE dedupe_key LIKE 'test:burst-%'", {
      type: QueryTypes.SELECT,
    });
    expect(Number(stored[0]!.n)).toBe(80);
  });

  it("stores a verbatim field as the host sent it, the rest serialised beside it", async () => {
    const recorder = new DeliveryRecorder(queue);
    const job = jobType("test.verbatim", z.object({ connectionId: z.string(), event: z.object({ id: z.string(), n: z.number() }) }));
    const sent = '{ "id" : "v-1",\n  "n": 1e2 }';
    await recorder.record({
      source: "test",
      deliveryId: "verbatim-1",
      job,
      payload: { connectionId: "c-1", event: { id: "v-1", n: 100 } },
      verbatim: { field: "event", json: sent },
    });
    const only = jobType("test.verbatim-only", z.object({ body: z.unknown() }));
    await recorder.record({ source: "test", deliveryId: "verbatim-2", job: only, payload: { body: [1] }, verbatim: { field: "body", json: "[1]" } });
    const rows = await storage.sequelize.query<{ payload: string }>(
      "SELECT payload FROM jobs WHERE dedupe_key IN ('test:verbatim-1', 'test:verbatim-2') ORDER BY id",
      {
        type: QueryTypes.SELECT,
      },
    );
    expect(rows.map((r) => r.payload)).toEqual([`{"connectionId":"c-1","event":${sent}}`, '{"body":[1]}']);
    expect(JSON.parse(rows[0]!.payload)).toEqual({ connectionId: "c-1", event: { id: "v-1", n: 100 } });
  });
});
