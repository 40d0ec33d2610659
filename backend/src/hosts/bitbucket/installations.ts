import type { Request } from "express";
import type { AppServices } from "../../http/services.js";
import { BitbucketInstallationRow } from "../../storage/models.js";
import { claimedClientKey, connectToken, verifyConnectJwt } from "./connectJwt.js";

/** The app's baseUrl, as the descriptor gives it; request paths are hashed (qsh) relative to it. */
export const connectBaseUrl = (services: AppServices) => `${services.config.publicUrl.toString().replace(/\/$/, "")}/bitbucket`;
export const sealedSecret = (services: AppServices, row: BitbucketInstallationRow | null) =>
  row?.sharedSecretSealed ? services.secrets.open(row.sharedSecretSealed) : null;

/** The installation a Connect request is signed for, verified; refused with 401 otherwise. */
export async function verifiedInstallation(services: AppServices, req: Request, qsh: "request" | "context" = "request") {
  const token = connectToken(req);
  const clientKey = token && claimedClientKey(token);
  const row = clientKey ? await BitbucketInstallationRow.findOne({ where: { clientKey } }) : null;
  const verified = verifyConnectJwt(req, token, row?.status === "uninstalled" ? null : sealedSecret(services, row), connectBaseUrl(services), qsh);
  return { installation: row!, subject: verified.subject };
}

