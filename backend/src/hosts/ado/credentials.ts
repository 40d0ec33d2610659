import { timingSafeEqual } from "node:crypto";
import type { AppServices } from "../../http/services.js";
import type { AdoConnectionRow } from "./models.js";
import { sha256 } from "../../workspace/secrets.js";
import { AdoClient, type AdoHosts } from "./client.js";
import { entraBearer } from "./entra.js";
import { SANDBOX_ORG } from "./orgUrl.js";

export { SANDBOX_ORG };

// What a stored connection's credentials give: its client, and the check of its webhook secret.

export const hostsFor = (services: AppServices, organization: string): AdoHosts =>
  organization === SANDBOX_ORG && services.config.sandbox.ado
    ? services.config.sandbox.ado
    : { baseUrl: services.config.adoBaseUrl, identityUrl: services.config.adoIdentityUrl, profileUrl: services.config.adoProfileUrl };

/** The connection's client; its PAT or Entra tokens are decrypted only here, for the call. */
export function clientFor(services: AppServices, c: AdoConnectionRow) {
  return new AdoClient(
    hostsFor(services, c.organization),
    c.organization,
    c.credentialKind === "entra" ? { bearer: entraBearer(services, c) } : { pat: services.secrets.open(c.credentialSealed) },
    services.config.hostTimeoutMs,
  );
}

/** Checks a webhook's Basic auth password against the stored hash, in constant time. */
export function webhookSecretMatches(c: Pick<AdoConnectionRow, "webhookSecretHash">, presented: string) {
  return timingSafeEqual(Buffer.from(sha256(presented)), Buffer.from(c.webhookSecretHash));
}
