import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Config } from "./config.js";
import { createApp } from "./http/app.js";
import { RequestLoad } from "./http/load.js";
import type { AppServices } from "./http/services.js";
import { createMailer } from "./mail.js";
import { JobQueue, type QueueOptions } from "./jobs/queue.js";
import { Worker } from "./jobs/worker.js";
import type { HostAdapter } from "./hosts/adapter.js";
import { HOSTS } from "./hosts/index.js";
import { createLogger, type Logger } from "./log.js";
import { SecretBox } from "./storage/encryption.js";
import { openStorage } from "./storage/index.js";
import { insightJobHandlers, queueInsightBackfill } from "./workspace/insights/derive.js";
import { historyJobHandlers } from "./workspace/history.js";
import { assignmentJobHandlers } from "./workspace/assignments.js";

const DONE_JOB_RETENTION_MS = 30 * 24 * 3600_000;

/**
 * While a burst is being acknowledged, the worker waits for it to pass (looking every
 * BUSY_CHECK_MS) and starts one job per BUSY_PAUSE_MS at most. In `npm run bench` a burst queued
 * ~5,000 jobs that drained in ~17 s once it ended; one job per 50 ms (20 a second) moved 1–2% of
 * that backlog during the burst yet took ~15% of the acknowledgements' throughput (SQLite: 0.47×
 * bare, 0.53× at 500 ms). The pause keeps work moving under a load that never ends without buying
 * that little progress so dearly.
 */
const BUSY_PAUSE_MS = 500;
const BUSY_CHECK_MS = 50;

export interface RunningGroundwork {
  services: AppServices;
  server: Server;
  worker: Worker | null;
  url: string;
  close(graceMs?: number): Promise<void>;
}

/** How long requests in flight may take to finish when Groundwork is told to stop. */
export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Opens storage, starts the HTTP server and (unless disabled) a worker: one replica. `now` is
 * the queue's clock (fault tests move it through hours of outage instead of waiting); `hosts`
 * the registry (a test adds a host of its own).
 */
export async function startGroundwork(
  config: Config,
  log: Logger = createLogger(config.logLevel),
  { now = Date.now, hosts = HOSTS }: Partial<Pick<QueueOptions, "now">> & { hosts?: HostAdapter[] } = {},
): Promise<RunningGroundwork> {
  const storage = await openStorage(config.database, (sequelize) => hosts.forEach((h) => h.defineModels?.(sequelize)));
  const queue = new JobQueue(storage.sequelize, { maxAttempts: config.worker.maxAttempts, now });
  const secrets = SecretBox.fromSettings(config.encryptionKey, config.dataDir);
  const services: AppServices = { config, storage, queue, log, secrets, mail: createMailer(config), load: new RequestLoad(), hosts };
  const app = createApp(services);

  const server = await new Promise<Server>((resolve, reject) => {
    const s = app.listen(config.port, config.host, () => resolve(s)).on("error", reject);
  });
  const worker =
    config.worker.enabled && config.worker.concurrency > 0
      ? new Worker(
          queue,
          [...insightJobHandlers(services), ...historyJobHandlers(services), ...assignmentJobHandlers(services), ...hosts.flatMap((h) => h.jobs(services))],
          {
            concurrency: config.worker.concurrency,
            log: log.child({ component: "worker" }),
            busy: () => services.load.busy,
            busyPauseMs: BUSY_PAUSE_MS,
            busyCheckMs: BUSY_CHECK_MS,
          },
        )
      : null;
  worker?.start();
  if (worker) await queueInsightBackfill(services);
  const prune = setInterval(() => void queue.pruneDone(DONE_JOB_RETENTION_MS).catch(() => undefined), 3600_000);
  prune.unref();
  // Every replica ticks, but the time-bucket dedupe key lets one job per period through.
  const periodic = hosts
    .flatMap((h) => h.periodic ?? [])
    .map(({ job, everyMs }) => {
      const timer = setInterval(() => {
        const bucket = Math.floor(queue.options.now() / everyMs);
        void queue.enqueue(job, {}, { dedupeKey: `${job.kind}:${bucket}` }).catch(() => undefined);
      }, everyMs);
      timer.unref();
      return timer;
    });

  const { port } = server.address() as AddressInfo;
  const host = config.host === "0.0.0.0" || config.host === "::" ? "127.0.0.1" : config.host;
  return {
    services,
    server,
    worker,
    url: `http://${host}:${port}`,
    /**
     * Stops taking requests, lets those in flight finish (a delivery being recorded is
     * acknowledged, not cut off) for up to `graceMs`, then stops the worker once its jobs in
     * hand are done, and closes the database.
     */
    async close(graceMs = SHUTDOWN_GRACE_MS) {
      clearInterval(prune);
      periodic.forEach(clearInterval);
      const drained = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const cutOff = setTimeout(() => server.closeAllConnections(), graceMs);
      await drained;
      clearTimeout(cutOff);
      await worker?.stop();
      await storage.close();
    },
  };
}
