import http from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: string;
  params: Record<string, string>;
  /** When it arrived (ms since epoch), to check retry timing. */
  at: number;
  /** The API gateway prefix it came through (`/ex/bitbucket/{id}` for a Forge app), stripped from `path`. */
  gateway?: string;
}

export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings and buffers as they are (e.g. an HTML sign-in page, a font). */
  body?: unknown;
}

export interface FakeRoute {
  method: string;
  /** A path with :params, e.g. /:org/_apis/projects */
  path: string;
  handle(req: FakeRequest): FakeResponse | Promise<FakeResponse>;
}

/** A scripted failure: answer the next `times` matching requests this way instead. */
export interface ScriptedFailure {
  method?: string;
  path?: RegExp;
  /** Matched against the query string as sent, to tell apart calls of one path (a search from an import's page). */
  query?: RegExp;
  times?: number;
  delayMs?: number;
  respond?: FakeResponse;
  /** The host does the work, but the caller gets this instead: a gateway's 502 or a connection cut after the commit. */
  lostAnswer?: FakeResponse;
}

/**
 * Checks a request against the host's published contract before routing: `null` for a request
 * outside the host's API (a sandbox page), "allowed" when it keeps to the contract, else the
 * host's own refusal (404, 400, 401/403) and, when the request breaks the contract — which no
 * request Groundwork sends may do — how.
 */
export type ContractCheck = (req: Omit<FakeRequest, "params">) => { respond: FakeResponse; violation?: string } | "allowed" | null;

/** The failures every host can produce; host fakes add their own (ADO's 203 sign-in page). */
export const failures = {
  unauthorized: (): FakeResponse => ({ status: 401, body: { message: "Unauthorized" } }),
  forbidden: (): FakeResponse => ({ status: 403, body: { message: "Forbidden" } }),
  notFound: (): FakeResponse => ({ status: 404, body: { message: "Not found" } }),
  rateLimited: (retryAfterSeconds: number): FakeResponse => ({
    status: 429,
    headers: { "Retry-After": String(retryAfterSeconds) },
    body: { message: "Rate limit for this resource has been exceeded" },
  }),
  serverError: (status = 503): FakeResponse => ({ status, body: { message: "Service unavailable" } }),
};

function compile(pattern: string) {
  const names: string[] = [];
  const re = new RegExp(
    "^" +
      pattern.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\/:([A-Za-z_]+)(\*?)/g, (_m, name, rest) => {
        names.push(name);
        // `:name*` takes the rest of the path, slashes and all (a file's path in a repository).
        return rest ? "/(.+)" : "/([^/]+)";
      }) +
      "/?$",
    // Host paths are case-insensitive (ADO answers pullRequests and pullrequests alike).
    "i",
  );
  return (path: string) => {
    const m = re.exec(path);
    if (!m) return null;
    return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1]!)]));
  };
}

/**
 * A small HTTP server on an ephemeral loopback port that answers a host's documented REST
 * routes, records every request for assertions, and injects scripted failures and delays.
 */
export class FakeHost {
  /** Running fakes, so a test run can fail any test whose requests broke a host's contract. */
  static readonly live = new Set<FakeHost>();
  readonly requests: FakeRequest[] = [];
  /** Requests that broke the host's contract, or that the fake cannot answer, not yet reported. */
  readonly violations: string[] = [];
  private script: ScriptedFailure[] = [];
  private server!: http.Server;
  url = "";

  constructor(
    readonly name: string,
    private readonly routes: FakeRoute[],
    private readonly check?: ContractCheck,
  ) {}

  private violated(message: string) {
    this.violations.push(message);
    // Loud even where no test reads `violations` (the sandboxes under `npm start`).
    console.error(`[${this.name} fake] contract violation: ${message}`);
  }

  /** Hands over the violations recorded since the last call. */
  takeViolations() {
    return this.violations.splice(0);
  }

  /** Path prefixes of an API gateway in front of the host: a request through one is answered as the rest of its path. */
  readonly gateways: RegExp[] = [];
  /** Names the host takes for the same thing (Bitbucket's `{uuid}` for a workspace's slug), resolved before routing. */
  resolvePath: (path: string) => string = (path) => path;

  /** Adds a route before start(): sandboxes add pages of their own. */
  addRoute(route: FakeRoute) {
    this.routes.push(route);
    return this;
  }

  async start(port = 0) {
    const compiled = this.routes.map((r) => ({ ...r, match: compile(r.path) }));
    this.server = http.createServer(async (req, res) => {
      const chunks: Buffer[] = [];
      for await (const c of req) chunks.push(c as Buffer);
      const url = new URL(req.url ?? "/", "http://fake");
      const gateway = this.gateways.map((g) => g.exec(url.pathname)?.[0]).find(Boolean);
      const base: Omit<FakeRequest, "params"> = {
        method: req.method ?? "GET",
        path: this.resolvePath(gateway ? url.pathname.slice(gateway.length) : url.pathname),
        ...(gateway ? { gateway } : {}),
        query: url.searchParams,
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
        at: Date.now(),
      };
      let response: FakeResponse | null = null;
      // Browser tests run the sandboxes in the product's process: they read the violations here.
      if (base.method === "GET" && base.path === "/_fake/violations") {
        res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ violations: this.violations }));
        return;
      }
      const failure = this.takeFailure(base);
      if (failure?.delayMs) await sleep(failure.delayMs);
      const verdict = failure?.respond ? null : this.check?.(base);
      if (this.latencyMs && verdict) await sleep(this.latencyMs);
      const refusal = verdict && verdict !== "allowed" ? verdict : null;
      if (failure?.respond || refusal) {
        this.requests.push({ ...base, params: {} });
        response = failure?.respond ?? refusal!.respond;
        if (refusal?.violation) this.violated(`${base.method} ${base.path}${url.search}: ${refusal.violation}`);
      } else {
        for (const r of compiled) {
          const params = r.method === base.method ? r.match(base.path) : null;
          if (!params) continue;
          const request = { ...base, params };
          this.requests.push(request);
          response = await r.handle(request);
          if (failure?.lostAnswer) response = failure.lostAnswer;
          break;
        }
      }
      if (!response) {
        if (verdict === "allowed") this.violated(`${base.method} ${base.path}: the host has this operation, but the fake does not answer it yet`);
        response = { status: 404, body: { message: `${this.name} fake has no route ${base.method} ${base.path}` } };
      }
      const raw = typeof response.body === "string" || Buffer.isBuffer(response.body);
      res.writeHead(response.status, {
        "content-type": raw ? "text/html; charset=utf-8" : "application/json; charset=utf-8",
        ...response.headers,
      });
      res.end(response.body === undefined ? undefined : raw ? (response.body as string | Buffer) : JSON.stringify(response.body));
    });
    await new Promise<void>((resolve, reject) => this.server.listen(port, "127.0.0.1", resolve).once("error", reject));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    FakeHost.live.add(this);
    return this;
  }

  /** How long each API call takes to answer (a real host's round trip; the sandboxes' own pages answer at once). */
  latencyMs = 0;

  /** Queue a failure or delay for matching requests (all requests when no match is given). */
  fail(failure: ScriptedFailure) {
    this.script.push({ times: 1, ...failure });
    return this;
  }

  /** Drops every scripted failure not yet used. */
  clearFailures() {
    this.script.length = 0;
  }

  private takeFailure(req: Omit<FakeRequest, "params">) {
    const i = this.script.findIndex(
      (f) => (!f.method || f.method === req.method) && (!f.path || f.path.test(req.path)) && (!f.query || f.query.test(req.query.toString())),
    );
    if (i < 0) return null;
    const f = this.script[i]!;
    if (f.times !== undefined && --f.times <= 0) this.script.splice(i, 1);
    return f;
  }

  async stop() {
    FakeHost.live.delete(this);
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
