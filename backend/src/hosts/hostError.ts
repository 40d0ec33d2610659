import { PermanentFailure, RetryAfter } from "../jobs/queue.js";

export type HostErrorKind = "auth" | "forbidden" | "not_found" | "invalid" | "rate_limited" | "server" | "unreachable";

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

/** Inside a job: 429 waits for Retry-After (or backs off), 401/403/400 stop retrying, the rest back off. */
export function asJobError(err: unknown) {
  if (!(err instanceof HostCallError)) return err;
  if (err.kind === "rate_limited") return new RetryAfter(err.retryAfterSeconds, err.message);
  if (err.kind === "auth" || err.kind === "forbidden" || err.kind === "invalid") return new PermanentFailure(err.message);
  return err;
}
