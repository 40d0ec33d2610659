/**
 * A worker process for the job-queue crash tests: runs "test.effect" jobs, each writing one
 * row to job_effects in the job's finishing transaction. Settings come from the environment.
 */
import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { handle, jobType } from "../jobs/jobType.js";
import { JobQueue } from "../jobs/queue.js";
import { Worker } from "../jobs/worker.js";
import { createLogger } from "../log.js";
import { openDatabase } from "../storage/database.js";

const database = JSON.parse(process.env.EFFECT_DB!);
const sequelize = await openDatabase(database);
const queue = new JobQueue(sequelize, { leaseMs: Number(process.env.LEASE_MS ?? 2000), backoffBaseMs: 10 });
const holdMs = Number(process.env.HOLD_MS ?? 0);
const worker = new Worker(
  queue,
  [
    handle(jobType("test.effect", z.object({ n: z.number() })), async ({ n }, ctx) => {
      await ctx.finish(async (tx) => {
        await sequelize.query("INSERT INTO job_effects (job_id, n, worker) VALUES (:jobId, :n, :worker)", {
          replacements: { jobId: ctx.job.id, n, worker: process.env.WORKER_ID },
          transaction: tx,
        });
        // Hold the transaction open so a SIGKILL is likely to land between effect and commit.
        if (holdMs) await sleep(holdMs);
      });
    }),
  ],
  { concurrency: Number(process.env.CONCURRENCY ?? 4), pollMs: 20, workerId: process.env.WORKER_ID, log: createLogger("silent") },
);
worker.start();
process.send?.("ready");
process.on(
  "SIGTERM",
  () =>
    void worker
      .stop()
      .then(() => sequelize.close())
      .then(() => process.exit(0)),
);
