import { randomBytes } from "node:crypto";
import { ConfigError, loadConfig, StartupError } from "./config.js";
import { createLogger } from "./log.js";
import { SANDBOX_ORG } from "./hosts/ado/credentials.js";
import { startAdoSandbox } from "./hosts/ado/sandbox.js";
import { adoHostsOf } from "./hosts/ado/fakeAdo.js";
import { startBitbucketSandbox } from "./hosts/bitbucket/sandbox.js";
import { startGroundwork } from "./server.js";
import { startMailSandbox } from "./testing/mailSandbox.js";

async function main() {
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
  if (config.sandbox.enabled) {
    // The sandbox's extension harness signs app tokens with the configured secret, or one made up for this run.
    config.adoExtension.secret ??= randomBytes(32).toString("base64url");
    const sandbox = await startAdoSandbox(config.sandbox.port, {
      groundworkUrl: config.publicUrl.origin,
      extensionSecret: config.adoExtension.secret,
      ...(config.adoExtension.audience ? { audience: config.adoExtension.audience } : {}),
    });
    config.sandbox.ado = adoHostsOf(sandbox);
    log.info(`Azure DevOps sandbox: ${sandbox.url} (organisation ${SANDBOX_ORG}; open it for the token and sample links)`);
    const bitbucket = await startBitbucketSandbox(config.sandbox.bitbucketPort, config.publicUrl.origin, config.bitbucket.appKey);
    config.sandbox.bitbucketUrl = bitbucket.url;
    log.info(`Bitbucket sandbox: ${bitbucket.url} (install the Groundwork app there and open its pull request)`);
    if (!config.mail) {
      // Mail goes to a local catcher whose page shows it, so verification and reset links can be followed.
      const mail = await startMailSandbox(config.sandbox.mailPort);
      config.mail = { smtpUrl: mail.smtpUrl, from: "Groundwork <no-reply@groundwork.localhost>" };
      log.info(`Mail sandbox: ${mail.url} (the mail Groundwork would have sent)`);
    }
  }
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

void main();
