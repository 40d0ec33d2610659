/**
 * One Groundwork replica in a process of its own, for the fault tests: started from the
 * settings in REPLICA (JSON), told its URL over IPC, and stopped by SIGTERM as a deployment
 * stops it — or killed outright. Its queue's clock is the real one until the test sends
 * `{ clock: ms }`, which stops it at that time until the next such message: the test lives
 * through an outage of hours in seconds, and nothing comes due except when it says.
 */
import { loadConfig } from "../config.js";
import { createLogger } from "../log.js";
import { startGroundwork } from "../server.js";

const settings = JSON.parse(process.env.REPLICA!) as {
  database: ReturnType<typeof loadConfig>["database"];
  dataDir: string;
  adoBaseUrl: string;
  adoIdentityUrl: string;
};
const base = loadConfig({ PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", DATA_DIR: settings.dataDir });
let stopped: number | null = null;
process.on("message", (m: { clock?: number }) => {
  if (m.clock !== undefined) stopped = m.clock;
});
const running = await startGroundwork(
  { ...base, database: settings.database, adoBaseUrl: settings.adoBaseUrl, adoIdentityUrl: settings.adoIdentityUrl },
  // Errors only, into the test's output: a fault test that sees a 500 shows what the replica could not handle.
  createLogger("error"),
  { now: () => stopped ?? Date.now() },
);
running.services.config.publicUrl = new URL(running.url);
process.send!({ url: running.url });
process.once("SIGTERM", () => void running.close().then(() => process.exit(0)));
