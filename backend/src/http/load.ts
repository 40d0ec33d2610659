import type { RequestHandler } from "express";

/** Requests in flight from which the process counts as busy: a sustained 50 deliveries/s keeps one or two in flight, a burst dozens. */
export const BUSY_AT = 8;

/** The requests this process is answering right now; the worker yields to a burst of them. */
export class RequestLoad {
  inFlight = 0;

  readonly track: RequestHandler = (_req, res, next) => {
    this.inFlight++;
    // "close" comes once, whether the response finished or the client went away.
    res.once("close", () => this.inFlight--);
    next();
  };

  get busy() {
    return this.inFlight >= BUSY_AT;
  }
}
