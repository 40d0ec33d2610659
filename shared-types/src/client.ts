import createClient from "openapi-fetch";
import type { paths } from "./openapi.js";

/**
 * The one client of Groundwork's API, typed from its OpenAPI document (openapi.ts, generated):
 * the web UI and both PR panels build theirs from this, each with its own way of
 * authenticating. Paths, parameters, bodies and responses are checked against the server's
 * routes at compile time; a refusal is thrown as an ApiFailure.
 */

/** A refusal from Groundwork as it described it: what went wrong, its code and, where known, which field. */
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

type Headers = Record<string, string | undefined>;

export interface ClientOptions {
  /** Where the API is ("" for the page's own origin). */
  baseUrl?: string;
  credentials?: "omit" | "same-origin" | "include";
  /** Headers for one request (a token, the CSRF token), read as it is sent. */
  headers?(method: string): Headers | Promise<Headers>;
}

export function groundworkClient(options: ClientOptions = {}) {
  const client = createClient<paths>({ baseUrl: options.baseUrl ?? "", credentials: options.credentials });
  client.use({
    async onRequest({ request }) {
      for (const [name, value] of Object.entries((await options.headers?.(request.method)) ?? {})) if (value !== undefined) request.headers.set(name, value);
      return request;
    },
    async onResponse({ response }) {
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string; field?: string } } | null;
        const e = body?.error;
        throw new ApiFailure(response.status, e?.code ?? "unexpected", e?.message ?? `Groundwork answered ${response.status}`, e?.field);
      }
      return response;
    },
    onError({ error }) {
      if (error instanceof ApiFailure) return error;
      return new ApiFailure(0, "unreachable", "Groundwork could not be reached. Check your connection and try again.");
    },
  });
  return client;
}

export type GroundworkClient = ReturnType<typeof groundworkClient>;

/** The data of a call that succeeded (a refusal has been thrown by then). */
export const data = async <D>(call: Promise<{ data?: D }>): Promise<D> => (await call).data as D;

type GetPath = { [P in keyof paths]: paths[P] extends { get: { responses: unknown } } ? P : never }[keyof paths];
type GetOk<P extends GetPath> = paths[P]["get"]["responses"] extends { 200: { content: { "application/json": infer B } } } ? B : never;
/** The list endpoints: every GET that answers a page ({items, nextCursor}). */
export type ListPath = { [P in GetPath]: GetOk<P> extends { items: unknown[]; nextCursor: string | null } ? P : never }[GetPath];
/** What a list endpoint's pages hold. */
export type ListItem<P extends ListPath> = GetOk<P> extends { items: (infer I)[] } ? I : never;
/** A list endpoint's parameters, but the cursor, which paging supplies. */
export type ListParams<P extends ListPath> = {
  path?: paths[P]["get"]["parameters"]["path"];
  query?: Omit<NonNullable<paths[P]["get"]["parameters"]["query"]>, "cursor">;
};

/** One page of a list endpoint. */
export function listPage<P extends ListPath>(client: GroundworkClient, path: P, params: ListParams<P>, cursor: string | null) {
  const query = { ...params.query, ...(cursor ? { cursor } : {}) };
  // The path is one of the list endpoints, so its parameters and answer are the ones typed above.
  return data(client.GET(path as ListPath, { params: { ...params, query } } as never)) as Promise<{ items: ListItem<P>[]; nextCursor: string | null }>;
}
