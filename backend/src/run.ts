import { ConfigError, loadConfig, StartupError, type Config } from "./config.js";
import { createLogger, type Logger } from "./log.js";
import { startGroundwork } from "./server.js";

/**
 * Runs Groundwork as a process: settings from the environment (a bad one is named and the
 * process exits 78), then the server until SIGINT or SIGTERM. `prepare` may start what the
 * server should find running first and point the settings at it (`npm start`'s sandboxes).
 */
export async function runGroundwork(prepare?: (config: Config, log: Logger) => Promise<void>) {
  // sequelize's SQLite driver captures a stack trace on every query; mapped through source maps
  // that was an eighth of the server's CPU. Stacks in logs name the transpiled positions instead.
  process.setSourceMapsEnabled(false);
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(78);
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  await prepare?.(config, log);
  const running = await startGroundwork(config, log).catch((err) => {
    if (err instanceof StartupError) {
      console.error(err.message);
      process.exit(78);
    }
    log.fatal({ err }, `Groundwork could not start: ${err.message}`);
    process.exit(1);
  });
  log.info({ url: config.publicUrl.toString(), database: config.database.dialect }, `Groundwork is running: open ${config.publicUrl.toString()}`);
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => {
      log.info(`${signal}: shutting down`);
      void running.close().then(() => process.exit(0));
    });
}
