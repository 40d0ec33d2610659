import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** How often the checkpointer looks while writes keep coming, and at most when they have stopped. */
export const CHECKPOINT_EVERY_MS = 100;
const IDLE_CHECK_MAX_MS = 5_000;

/**
 * Runs on the checkpointer's own thread, with its own connection (better-sqlite3 is synchronous,
 * so this is the only way off the event loop). A PASSIVE checkpoint never waits on a lock and
 * never blocks a writer: it copies what no reader still needs and leaves the rest for next time.
 * Looks every CHECKPOINT_EVERY_MS while the WAL grows, backing off to IDLE_CHECK_MAX_MS when idle.
 */
const THREAD = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.driver);
const db = new Database(workerData.file, { fileMustExist: true, timeout: 0 });
let wait = workerData.everyMs, seen = -1, timer;
const look = () => {
  let frames = seen;
  try { frames = db.pragma("wal_checkpoint(PASSIVE)")[0].log; } catch {}
  wait = frames !== seen ? workerData.everyMs : Math.min(wait * 2, workerData.idleMaxMs);
  seen = frames;
  timer = setTimeout(look, wait);
};
timer = setTimeout(look, wait);
parentPort.once("message", () => { clearTimeout(timer); db.close(); parentPort.postMessage("closed"); });
parentPort.postMessage("open");
`;

/**
 * SQLite in WAL mode copies the log back into the database file (a checkpoint, with an fsync)
 * on whichever connection commits past the threshold: the event loop's own, half of each
 * delivery's insert time under a burst in `npm run bench`. Here a thread of its own does it,
 * and the process's connections keep a high threshold only as a backstop (database.ts), should
 * this thread fall behind or fail to start.
 */
export async function startCheckpointer(file: string, onError: (err: Error) => void) {
  const worker = new Worker(THREAD, {
    eval: true,
    workerData: { file, driver: createRequire(import.meta.url).resolve("better-sqlite3"), everyMs: CHECKPOINT_EVERY_MS, idleMaxMs: IDLE_CHECK_MAX_MS },
  });
  worker.on("error", onError);
  const opened = await new Promise<boolean>((resolve) => {
    worker.once("message", () => resolve(true));
    worker.once("exit", () => resolve(false));
  });
  if (!opened) return { stop: async () => {} };
  let exited = false;
  worker.once("exit", () => (exited = true));
  // Never what keeps the process alive: exiting without stop() leaves the backstop's work to the next open.
  worker.unref();
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        worker.once("exit", () => resolve());
        worker.once("message", () => void worker.terminate());
        worker.postMessage("stop");
      }),
  };
}
