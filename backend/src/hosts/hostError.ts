import { PermanentFailure, HostUnavailable } from "../jobs/queue.js";

/** conflict: what the call would create exists already, or changed under it (409). */
export type HostErrorKind = "auth" | "forbidden" | "not_found" | "invalid" | "conflict" | "rate_limited" | "server" | "unreachable";

/** A failed call to a host (Azure DevOps, Bitbucket), classified so callers can tell a person what to do. */
export class HostCallError extends Error {
  constructor(
    readonly kind: HostErrorKind,
    message: string,
    readonly status?: number,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/**
 * Seconds a response's Retry-After asks for (delta-seconds or an HTTP date), or undefined when it
 * asks for none: `Number(null)` is 0, which would retry at once, in a loop.
 */
export function retryAfterSeconds(headers: Headers) {
  const value = headers.get("retry-after")?.trim();
  if (!value) return undefined;
  const seconds = /^\d+$/.test(value) ? Number(value) : (Date.parse(value) - Date.now()) / 1000;
  return Number.isFinite(seconds) && seconds > 0 ? Math.ceil(seconds) : undefined;
}

/** Whether the host only failed for now (throttled, erroring, unreachable or timed out): waiting and calling again can succeed. */
export const isPassing = (err: HostCallError) => err.kind === "rate_limited" || err.kind === "server" || err.kind === "unreachable";

/**
 * Inside a job: a throttling or unavailable host (429, 5xx, unreachable, timed out) holds the
 * job's lane and waits, without spending attempts, for Retry-After or a capped backoff;
 * what retrying cannot fix (401, 403, 400, 404) is dead-lettered at once.
 */
export function asJobError(err: unknown) {
  if (!(err instanceof HostCallError)) return err;
  if (isPassing(err)) return new HostUnavailable(err.retryAfterSeconds, err.message);
  return new PermanentFailure(err.message);
}
