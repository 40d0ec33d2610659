/**
 * One benchmark target in its own process: "bare" answers 200 at once; "sqlite" and
 * "postgres" serve Groundwork's record-then-acknowledge delivery endpoint on that database.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import express from "express";
import { ApiError, errorHandler } from "../src/http/errors.js";
import { DeliveryRecorder, deliveryEndpoint } from "../src/jobs/deliveries.js";
import { JobQueue } from "../src/jobs/queue.js";
import { openStorage } from "../src/storage/index.js";

const mode = process.argv[2] as "bare" | "sqlite" | "postgres";
const app = express();
let cleanup = async () => {};

if (mode === "bare") {
  app.post("/hook", express.json(), (_req, res) => {
    res.status(200).json({ received: true });
  });
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-bench-"));
  const schema = `bench_${process.pid}`;
  const storage = await openStorage(
    mode === "sqlite"
      ? { dialect: "sqlite", storage: path.join(dir, "bench.db") }
      : { dialect: "postgres", url: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test", schema },
  );
  const queue = new JobQueue(storage.sequelize);
  app.post(
    "/hook",
    express.json(),
    deliveryEndpoint(new DeliveryRecorder(queue), (req) => {
      const deliveryId = req.get("x-delivery-id");
      if (!deliveryId) throw new ApiError(400, "missing_delivery_id", "X-Delivery-Id is required");
      return { source: "bench", deliveryId, kind: "bench.delivery", payload: req.body };
    }),
  );
  cleanup = async () => {
    if (mode === "postgres") await storage.sequelize.query(`DROP SCHEMA "${schema}" CASCADE`);
    await storage.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}
app.use(errorHandler);

const server = app.listen(0, "127.0.0.1", () => {
  process.send?.({ port: (server.address() as AddressInfo).port });
});
process.on("message", (msg) => {
  if (msg === "stop") server.close(() => void cleanup().then(() => process.exit(0)));
});
