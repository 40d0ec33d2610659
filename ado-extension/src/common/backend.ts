import * as SDK from "azure-devops-extension-sdk";

/** The Groundwork server this package was built for; the packager writes it into each page. */
export function groundworkUrl() {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="groundwork-url"]')?.content ?? "";
  if (!/^https?:\/\//.test(meta)) throw new BackendError("not_packaged", "This extension was packaged without a Groundwork URL.", 0);
  return meta.replace(/\/$/, "");
}

/** A refusal from Groundwork, with its code so the panel can pick the right message. */
export class BackendError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

let appToken: Promise<string> | null = null;

/**
 * Calls Groundwork's extension API with the app token (a bearer, never cookies) and the
 * organisation the host reports, which the server confirms before acting. An app token
 * lasts about an hour, so a 401 fetches a fresh one once.
 */
export async function callGroundwork<T>(method: "GET" | "POST" | "DELETE", path: string, body?: unknown, retried = false): Promise<T> {
  appToken ??= SDK.getAppToken();
  let res: Response;
  try {
    res = await fetch(`${groundworkUrl()}/api/ext/ado${path}`, {
      method,
      credentials: "omit",
      headers: {
        authorization: `Bearer ${await appToken}`,
        "x-ado-organization": SDK.getHost().name,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new BackendError("unreachable", "Groundwork could not be reached. Check your connection and try again.", 0);
  }
  if (res.status === 401 && !retried) {
    appToken = null;
    return callGroundwork(method, path, body, true);
  }
  if (res.status === 204) return undefined as T;
  const json = (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null;
  if (!res.ok) {
    const error = json?.error ?? { code: "unexpected", message: `Groundwork answered ${res.status}` };
    if (res.status === 401) throw new BackendError("signed_out", "Azure DevOps could not vouch for you to Groundwork. Reload the page to sign in again.", 401);
    throw new BackendError(error.code, error.message, res.status);
  }
  return json as T;
}
