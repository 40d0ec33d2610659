import pino from "pino";

/** Paths pino blanks out wherever they appear, so secrets never reach the logs. */
export const REDACT_PATHS = [
  "req.headers.authorization",
  "req.headers.cookie",
  "req.headers['x-csrf-token']",
  "res.headers['set-cookie']",
  "*.password",
  "*.token",
  "*.secret",
  "*.sharedSecret",
  "*.pat",
  "password",
  "token",
  "secret",
];

export function createLogger(level: string, destination?: pino.DestinationStream) {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: "[redacted]" } }, destination);
}
export type Logger = pino.Logger;
