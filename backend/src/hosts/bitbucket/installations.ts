import fs from "node:fs";
import path from "node:path";
import { ApiError } from "../../http/errors.js";
import type { Request, Response } from "express";
import type { AppServices } from "../../http/services.js";
import { BitbucketInstallationRow } from "./models.js";
import { claimedClientKey, connectToken, verifyConnectJwt } from "./connectJwt.js";
import { BitbucketClient } from "./client.js";

/** How Bitbucket writes a workspace's, repository's or account's uuid: in braces. */
export const BRACED_UUID = /^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/i;

/** The app's baseUrl, as the descriptor gives it; request paths are hashed (qsh) relative to it. */
export const connectBaseUrl = (services: AppServices) => `${services.config.publicUrl.toString().replace(/\/$/, "")}/bitbucket`;
export const sealedSecret = (services: AppServices, row: Pick<BitbucketInstallationRow, "sharedSecretSealed"> | null) =>
  row?.sharedSecretSealed ? services.secrets.open(row.sharedSecretSealed) : null;

const kept = (services: AppServices) => services.storage.recent(BitbucketInstallationRow, "clientKey");

async function verified<I extends Pick<BitbucketInstallationRow, "status" | "sharedSecretSealed">>(
  services: AppServices,
  req: Request,
  qsh: "request" | "context",
  read: (clientKey: string) => Promise<I | null>,
) {
  const token = connectToken(req);
  const clientKey = token && claimedClientKey(token);
  const row = clientKey ? await read(clientKey) : null;
  const verified = verifyConnectJwt(req, token, row?.status === "uninstalled" ? null : sealedSecret(services, row), connectBaseUrl(services), qsh);
  return { installation: row!, subject: verified.subject };
}

/** The installation a Connect request is signed for, verified; refused with 401 otherwise. */
export const verifiedInstallation = (services: AppServices, req: Request, qsh: "request" | "context" = "request") =>
  verified(services, req, qsh, (clientKey) => kept(services).find(clientKey));

/**
 * The same for a webhook, which only reads the installation: its kept values, frozen, with no
 * model instance built for each delivery (as the token webhook and the service hook read theirs).
 */
export const verifiedInstallationValues = (services: AppServices, req: Request) =>
  verified(services, req, "request", (clientKey) => kept(services).peek(clientKey));

export const installationName = (i: BitbucketInstallationRow) => i.principalName ?? i.principalUuid;

/** The Bitbucket hosts we trust: installs may come from them, they may frame our pages and supply all.js. */
export const trustedHosts = (services: AppServices) => [
  ...services.config.bitbucket.allowedBaseUrls,
  // The local sandbox, reached as 127.0.0.1 or localhost.
  ...(services.config.sandbox.bitbucketUrl
    ? [services.config.sandbox.bitbucketUrl, services.config.sandbox.bitbucketUrl.replace("127.0.0.1", "localhost")]
    : []),
];

/** Where a framed page loads all.js from: the host that framed it (xdm_e), if it is one we trust, else the install's. */
export function allJsHost(services: AppServices, req: Request, installation: BitbucketInstallationRow) {
  const framer = typeof req.query.xdm_e === "string" ? req.query.xdm_e.replace(/\/$/, "") : "";
  return trustedHosts(services).includes(framer) ? framer : installation.baseUrl.replace(/\/$/, "");
}

/**
 * The policy for the pages Bitbucket frames: only the trusted hosts may frame them, scripts come
 * from us and (the panel) the host's all.js, styles may be inline (the page's own and Atlaskit's).
 */
export function allowFraming(services: AppServices, res: Response, scriptHost?: string) {
  res.removeHeader("X-Frame-Options");
  res.setHeader(
    "Content-Security-Policy",
    [
      "default-src 'self'",
      `script-src 'self'${scriptHost ? ` ${scriptHost}` : ""}`,
      "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data: https:",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      `frame-ancestors ${trustedHosts(services).join(" ")}`,
    ].join("; "),
  );
}

/** The Bitbucket sandbox's one workspace, reachable with its access token as well as through the app. */
export const SANDBOX_WORKSPACE = "groundwork-sandbox";

/** A token connection to the sandbox's workspace talks to the sandbox; every other one to Bitbucket's API. */
export const tokenApiUrlFor = (services: AppServices, workspace: string) =>
  services.config.sandbox.bitbucketUrl && workspace.toLowerCase() === SANDBOX_WORKSPACE
    ? services.config.sandbox.bitbucketUrl
    : services.config.bitbucket.apiUrl;

/** The sandbox's installations live on the sandbox; every other one on Bitbucket's API. */
export const apiUrlFor = (services: AppServices, baseUrl: string) =>
  services.config.sandbox.bitbucketUrl && baseUrl.replace(/\/$/, "") === services.config.sandbox.bitbucketUrl
    ? services.config.sandbox.bitbucketUrl
    : services.config.bitbucket.apiUrl;

/** Where the panel's and configure page's built files are (bitbucket-connect-app). */
export const APP_DIST = path.resolve(import.meta.dirname, "../../../../bitbucket-connect-app/dist");

/**
 * One of the app's built pages, with the host's all.js and, where the page reads them, the
 * values the server found (JSON, `<` escaped so no value can close the script element).
 */
export function appPage(name: "panel" | "configure", host: string, data?: unknown) {
  const file = path.join(APP_DIST, name, `${name}.html`);
  if (!fs.existsSync(file)) throw new ApiError(503, "app_not_built", "The Bitbucket app's pages are not built: run npm run build:bitbucket");
  const html = fs.readFileSync(file, "utf8").replaceAll("__HOST_BASE_URL__", host);
  return data === undefined ? html : html.replace("__CONFIGURE_DATA__", () => JSON.stringify(data).replace(/</g, "\\u003c"));
}

/**
 * How Groundwork calls Bitbucket as an installed app: as the Connect app (a JWT per request,
 * signed with the shared secret), or as the Forge app with the newest system token Forge sent,
 * through the API base URL Forge named. null when it cannot: uninstalled, or (Forge) the token
 * lapsed and Forge has not called since.
 */
export function installationClient(services: AppServices, i: BitbucketInstallationRow) {
  if (i.status === "uninstalled") return null;
  if (i.kind === "forge") {
    if (!i.systemTokenSealed || !i.systemTokenExpiresAt || i.systemTokenExpiresAt.getTime() <= Date.now()) return null;
    return new BitbucketClient(
      i.baseUrl.replace(/\/$/, ""),
      { kind: "token", token: services.secrets.open(i.systemTokenSealed) },
      services.config.hostTimeoutMs,
    );
  }
  const sharedSecret = sealedSecret(services, i);
  if (!sharedSecret) return null;
  return new BitbucketClient(
    apiUrlFor(services, i.baseUrl),
    { kind: "connect", appKey: services.config.bitbucket.appKey, clientKey: i.clientKey, sharedSecret },
    services.config.hostTimeoutMs,
  );
}
