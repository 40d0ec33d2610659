import { ConfigError, loadConfig } from "./config.js";
import { createLogger } from "./log.js";
import { SANDBOX_ORG } from "./hosts/ado/connection.js";
import { startAdoSandbox } from "./hosts/ado/sandbox.js";
import { startGroundwork } from "./server.js";

async function main() {
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
  if (config.sandbox.enabled) {
    const sandbox = await startAdoSandbox(config.sandbox.port);
    config.sandbox.adoUrl = sandbox.url;
    log.info(`Azure DevOps sandbox: ${sandbox.url} (organisation ${SANDBOX_ORG}; open it for the token and sample links)`);
  }
  const running = await startGroundwork(config, log).catch((err) => {
    log.fatal({ err }, `Groundwork could not start: ${err.message}`);
    process.exit(1);
  });
  log.info(
    { url: config.publicUrl.toString(), database: config.database.dialect },
    `Groundwork is running: open ${config.publicUrl.toString()}`,
  );
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => {
      log.info(`${signal}: shutting down`);
      void running.close().then(() => process.exit(0));
    });
}

void main();
