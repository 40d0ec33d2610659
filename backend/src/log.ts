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

/** Query parameters that carry a credential: Connect page JWTs, bind and account-link codes, tokens. */
const SECRET_QUERY = /^(jwt|code|token|secret|signature|pat|password)$/i;
/** Paths whose last segment is a credential: invite links and their API. */
const SECRET_PATH = /^(\/invite\/|\/api\/invites\/by-token\/)[^/?#]+/i;

/** A URL as it may be logged: the credentials in its path or query replaced. */
export function redactUrl(url: string) {
  const q = url.indexOf("?");
  const path = (q < 0 ? url : url.slice(0, q)).replace(SECRET_PATH, "$1[redacted]");
  if (q < 0) return path;
  const query = url
    .slice(q + 1)
    .split("&")
    .map((pair) => {
      const name = pair.split("=")[0]!;
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // an undecodable name is logged as sent
      }
      return SECRET_QUERY.test(decoded) ? `${name}=[redacted]` : pair;
    })
    .join("&");
  return `${path}?${query}`;
}

/** Requests are logged by method, redacted URL and headers (themselves redacted); query and params would repeat the URL's secrets. */
export const requestSerializer = (req: { id?: unknown; method?: string; url?: string; headers?: unknown; remoteAddress?: string }) => ({
  id: req.id,
  method: req.method,
  url: req.url === undefined ? undefined : redactUrl(req.url),
  headers: req.headers,
  remoteAddress: req.remoteAddress,
});

export function createLogger(level: string, destination?: pino.DestinationStream) {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: "[redacted]" }, serializers: { req: requestSerializer } }, destination);
}
export type Logger = pino.Logger;
