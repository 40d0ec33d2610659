/**
 * `npm start`: Groundwork with a local Azure DevOps organisation, a Bitbucket workspace and a
 * mail catcher beside it, so a new user can try every path without an account anywhere.
 */
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { SANDBOX_ORG } from "@groundwork/backend/hosts/ado/credentials";
import { runGroundwork } from "@groundwork/backend/run";
import { adoHostsOf, ENTRA_PREFIX } from "./ado/fakeAdo.js";
import { SANDBOX_ENTRA, startAdoSandbox } from "./ado/sandbox.js";
import { SANDBOX_FORGE_APP_ID, SANDBOX_OAUTH_CONSUMER, startBitbucketSandbox } from "./bitbucket/sandbox.js";
import { startMailSandbox } from "./mail.js";

const port = z.coerce.number().int().min(0).max(65535);
const ports = z.object({ SANDBOX_PORT: port.default(3001), SANDBOX_BITBUCKET_PORT: port.default(3002), SANDBOX_MAIL_PORT: port.default(3003) });

void runGroundwork(async (config, log) => {
  const parsed = ports.safeParse(process.env);
  if (!parsed.success) {
    console.error(`Invalid sandbox setting: ${parsed.error.issues.map((i) => `${i.path.join(".")} ${i.message}`).join("; ")}`);
    process.exit(78);
  }
  const { SANDBOX_PORT, SANDBOX_BITBUCKET_PORT, SANDBOX_MAIL_PORT } = parsed.data;
  // The extension harness signs app tokens with the configured secret, or one made up for this run.
  config.adoExtension.secret ??= randomBytes(32).toString("base64url");
  const ado = await startAdoSandbox(SANDBOX_PORT, {
    groundworkUrl: config.publicUrl.origin,
    extensionSecret: config.adoExtension.secret,
    ...(config.adoExtension.audience ? { audience: config.adoExtension.audience } : {}),
  });
  config.sandbox.ado = adoHostsOf(ado);
  const { clientId, clientSecret, tenant } = SANDBOX_ENTRA;
  config.sandbox.entra = { authorityUrl: `${ado.url}${ENTRA_PREFIX}`, tenant, clientId, credential: { secret: clientSecret } };
  log.info(`Azure DevOps sandbox: ${ado.url} (organisation ${SANDBOX_ORG}; open it for the token and sample links)`);
  const bitbucket = await startBitbucketSandbox(SANDBOX_BITBUCKET_PORT, config.publicUrl.origin, config.bitbucket.appKey);
  config.sandbox.bitbucketUrl = bitbucket.url;
  config.sandbox.bitbucketOAuth = SANDBOX_OAUTH_CONSUMER;
  // The sandbox plays Forge for the Forge app, unless this server is set up for a real one.
  if (!config.forge.appId) config.forge = { appId: SANDBOX_FORGE_APP_ID, jwksUrl: `${bitbucket.url}/_forge/jwks.json` };
  log.info(`Bitbucket sandbox: ${bitbucket.url} (install the Groundwork app there and open its pull request)`);
  if (!config.mail) {
    // Mail goes to a local catcher whose page shows it, so verification and reset links can be followed.
    const mail = await startMailSandbox(SANDBOX_MAIL_PORT);
    config.mail = { smtpUrl: mail.smtpUrl, from: "Groundwork <no-reply@groundwork.localhost>" };
    log.info(`Mail sandbox: ${mail.url} (the mail Groundwork would have sent)`);
  }
});
