import * as SDK from "azure-devops-extension-sdk";
import { ApiFailure, data, groundworkClient, type GroundworkClient } from "@groundwork/shared-types/client";

/** The Groundwork server this package was built for; the packager writes it into each page. */
export function groundworkUrl() {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="groundwork-url"]')?.content ?? "";
  if (!/^https?:\/\//.test(meta)) throw new ApiFailure(0, "not_packaged", "This extension was packaged without a Groundwork URL.");
  return meta.replace(/\/$/, "");
}

let appToken: Promise<string> | null = null;
let client: GroundworkClient | null = null;

/**
 * Groundwork's extension API with the app token (a bearer, never cookies) and the organisation
 * the host reports, which the server confirms before acting.
 */
const groundwork = () =>
  (client ??= groundworkClient({
    baseUrl: groundworkUrl(),
    credentials: "omit",
    headers: async () => ({ authorization: `Bearer ${await (appToken ??= SDK.getAppToken())}`, "x-ado-organization": SDK.getHost().name }),
  }));

/** Calls Groundwork. An app token lasts about an hour, so a 401 fetches a fresh one once. */
export async function callGroundwork<D>(call: (api: GroundworkClient) => Promise<{ data?: D }>): Promise<D> {
  try {
    return await data(call(groundwork()));
  } catch (err) {
    if (!(err instanceof ApiFailure && err.status === 401)) throw err;
  }
  appToken = null;
  try {
    return await data(call(groundwork()));
  } catch (err) {
    if (err instanceof ApiFailure && err.status === 401)
      throw new ApiFailure(401, "signed_out", "Azure DevOps could not vouch for you to Groundwork. Reload the page to sign in again.");
    throw err;
  }
}
