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

/** Inside a job: 429 waits for Retry-After, 401/403/400 stop retrying, the rest back off. */
export function asJobError(err: unknown) {
  if (!(err instanceof HostCallError)) return err;
  if (err.kind === "rate_limited") return new RetryAfter(err.retryAfterSeconds ?? 30, err.message);
  if (err.kind === "auth" || err.kind === "forbidden" || err.kind === "invalid") return new PermanentFailure(err.message);
  return err;
}
