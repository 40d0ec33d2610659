import { invokeRemote } from "@forge/bridge";
import { ApiFailure } from "@groundwork/shared-types/client";
import type { ApiErrorBody } from "@groundwork/shared-types";
import type { PanelHost } from "@groundwork/bitbucket-connect-app/src/panel/PullRequestPanel";

type Method = "GET" | "POST" | "DELETE";

/**
 * A call to Groundwork, the app's remote, through Forge (`invokeRemote`): Forge adds the
 * invocation token naming the workspace, the person and (on the card) the pull request, so the
 * page sends none of them. Groundwork's error body becomes the same ApiFailure the Connect app sees.
 */
export async function remote<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const res = await invokeRemote({ method, path, ...(body === undefined ? {} : { body }) });
  if (res.status >= 200 && res.status < 300) return res.body as T;
  const error = (res.body as ApiErrorBody | undefined)?.error;
  throw new ApiFailure(res.status, error?.code ?? "remote_failed", error?.message ?? `Groundwork answered ${res.status}`, error?.field);
}

const query = (params: Record<string, string | number | undefined>) =>
  new URLSearchParams(Object.entries(params).flatMap(([k, v]) => (v === undefined ? [] : [[k, String(v)]]))).toString();

/** The panel on the Forge card: Forge sizes the card to its content, so there is nothing to resize. */
export const forgeHost: PanelHost = {
  calls: {
    load: () => remote("GET", "/api/pull-request"),
    add: (body) => remote("POST", "/api/context-links", body),
    unlink: (id) => remote("DELETE", `/api/context-links/${encodeURIComponent(id)}`),
    linkAccount: () => remote("POST", "/api/account-link"),
  },
  searchTargets: (params) => remote("GET", `/api/link-targets?${query(params)}`),
  resize: () => undefined,
};
