import type { ApiErrorBody, Session } from "@groundwork/shared-types";

/** An API error as the server described it: what went wrong and, where known, which field. */
export class ApiFailure extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

let csrfToken = "";
export const setCsrfToken = (token: string) => {
  csrfToken = token;
};

export async function api<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(path, {
    method,
    credentials: "same-origin",
    headers: {
      ...(body !== undefined ? { "content-type": "application/json" } : {}),
      ...(method !== "GET" && csrfToken ? { "x-csrf-token": csrfToken } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const data = await res.json().catch(() => null);
  if (!res.ok) {
    const e = (data as ApiErrorBody | null)?.error;
    throw new ApiFailure(res.status, e?.code ?? "http_error", e?.message ?? `The server answered ${res.status}`, e?.field);
  }
  if (data && typeof data === "object" && "csrfToken" in data) setCsrfToken((data as Session).csrfToken);
  return data as T;
}
