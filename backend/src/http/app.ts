import fs from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import express from "express";
import compression from "compression";
import cookieParser from "cookie-parser";
import { rateLimit } from "express-rate-limit";
import { pinoHttp } from "pino-http";
import { requestSerializer } from "../log.js";
import { linkTargetRoutes } from "../workspace/linkTargets.js";
import { accountLinkRoutes } from "../workspace/accountLinks.js";
import { integrationRoutes } from "../workspace/integrations.js";
import { insightSettingsRoutes } from "../workspace/insights/settings.js";
import { feedbackDraftRoutes } from "../workspace/insights/draft.js";
import { timelineRoutes } from "../workspace/timeline.js";
import { historyRoutes } from "../workspace/history.js";
import { DeliveryRecorder } from "../jobs/deliveries.js";
import { competencyRoutes } from "../workspace/competencies.js";
import { contextLinkRoutes } from "../workspace/contextLinks.js";
import { contextSearchRoutes } from "../workspace/contextSearch.js";
import { feedbackRoutes } from "../workspace/feedback.js";
import { oneOnOneRoutes } from "../workspace/oneOnOnes.js";
import { okrRoutes } from "../workspace/okrs.js";
import { assignmentRoutes } from "../workspace/assignments.js";
import { operationsRoutes } from "../workspace/operations.js";
import { peopleRoutes } from "../workspace/people.js";
import { accountRoutes } from "../workspace/accounts.js";
import { deliveryLog } from "./deliveryLog.js";
import { ApiError, errorHandler } from "./errors.js";
import { cacheHashedAssets } from "./html.js";
import { mount, openApiDocument, type RouteSpec } from "./route.js";
import type { AppServices } from "./services.js";
import type { HostAdapter } from "../hosts/adapter.js";
import { sessionMiddleware } from "./session.js";

/** The core's API; each host adds its own (services.hosts). */
export const coreRoutes: RouteSpec[] = [
  ...peopleRoutes,
  ...accountRoutes,
  ...feedbackRoutes,
  ...oneOnOneRoutes,
  ...okrRoutes,
  ...competencyRoutes,
  ...assignmentRoutes,
  ...contextLinkRoutes,
  ...contextSearchRoutes,
  ...linkTargetRoutes,
  ...operationsRoutes,
  ...integrationRoutes,
  ...accountLinkRoutes,
  ...insightSettingsRoutes,
  ...feedbackDraftRoutes,
  ...timelineRoutes,
  ...historyRoutes,
];

/** The OpenAPI document of everything Groundwork serves: the core's API and each host's. */
export const apiDocument = (hosts: HostAdapter[], origin: string) =>
  openApiDocument(
    [...coreRoutes, ...hosts.flatMap((h) => [...h.routes, ...(h.documented?.routes ?? [])])],
    { title: "Groundwork API", version: "0.1.0" },
    origin,
    Object.assign({}, ...hosts.map((h) => h.documented?.securitySchemes ?? {})),
  );

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,100}$/;
const READY_WITHIN_MS = 2_000;

export function createApp(services: AppServices) {
  const app = express();
  app.disable("x-powered-by");
  app.use(services.load.track);
  app.use((_req, res, next) => {
    res.setHeader("X-Content-Type-Options", "nosniff");
    res.setHeader("Referrer-Policy", "same-origin");
    res.setHeader("X-Frame-Options", "DENY");
    next();
  });
  app.set("trust proxy", services.config.trustProxy);

  // Hosts authenticate their webhooks by their own means, never by session cookie.
  const recorder = new DeliveryRecorder(services.queue);
  for (const host of services.hosts)
    for (const { path, handlers } of host.deliveries(services, recorder)) app.post(path, deliveryLog(services.log), ...handlers);

  // gzip or brotli for JSON, HTML and the bundles (the Bitbucket panel is 510 KB raw, 150 KB gzipped).
  app.use(compression());
  app.use(
    pinoHttp({
      logger: services.log,
      serializers: { req: requestSerializer },
      genReqId: (req, res) => {
        const given = req.headers["x-request-id"];
        const id = typeof given === "string" && REQUEST_ID.test(given) ? given : randomUUID();
        res.setHeader("X-Request-Id", id);
        return id;
      },
      autoLogging: { ignore: (req) => req.url === "/healthz" || req.url === "/readyz" },
    }),
  );

  app.get("/healthz", (_req, res) => {
    res.json({ status: "ok" });
  });
  // Ready means a delivery could be recorded now: a write commits (not just SELECT 1), within a bounded time.
  app.get("/readyz", async (_req, res) => {
    let timer: NodeJS.Timeout | undefined;
    const tooSlow = new Promise<"slow">((resolve) => (timer = setTimeout(() => resolve("slow"), READY_WITHIN_MS)));
    const wrote = services.storage.sequelize.query("UPDATE readiness SET checked_at = :now WHERE id = 1", { replacements: { now: Date.now() } }).then(
      () => "ok" as const,
      () => "failed" as const,
    );
    const outcome = await Promise.race([wrote, tooSlow]);
    clearTimeout(timer);
    if (outcome === "ok") res.json({ status: "ready" });
    else
      res
        .status(503)
        .set("Retry-After", "5")
        .json({
          error: {
            code: outcome === "slow" ? "database_slow" : "database_unwritable",
            message:
              outcome === "slow" ? `The database did not take a write within ${READY_WITHIN_MS / 1000} s` : "The database is not reachable or not writable",
          },
        });
  });

  const apiRoutes = [...coreRoutes, ...services.hosts.flatMap((h) => h.routes)];
  const document = apiDocument(services.hosts, services.config.publicUrl.origin);
  app.get("/api/openapi.json", (_req, res) => {
    res.json(document);
  });

  // Hosts authenticate their lifecycle calls and panels by their own means too, outside /api's session handling.
  for (const host of services.hosts) host.mount?.(app, services);

  const api = express.Router();
  api.use(express.json({ limit: "1mb" }));
  api.use(cookieParser());
  api.use(
    ["/auth/login", "/auth/signup", "/invites/accept", "/auth/password-reset", "/auth/verify-email"],
    rateLimit({
      windowMs: 60_000,
      limit: 30,
      standardHeaders: "draft-7",
      legacyHeaders: false,
      handler: (_req, _res, next) => next(new ApiError(429, "rate_limited", "Too many attempts from this address; wait a minute and try again")),
    }),
  );
  api.use(sessionMiddleware());
  mount(api, apiRoutes, services);
  api.use((req, _res, next) => next(new ApiError(404, "no_such_endpoint", `There is no ${req.method} ${req.baseUrl}${req.path}`)));
  app.use("/api", api);

  serveWebUi(app, services.config.webDistDir);
  app.use(errorHandler);
  return app;
}

/** The web UI loads nothing from elsewhere and is framed by no one. */
const WEB_UI_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

/** The built web UI, with every non-API path answered by index.html for client-side routing. */
function serveWebUi(app: express.Express, dist: string) {
  const index = path.join(dist, "index.html");
  app.use((_req, res, next) => {
    res.setHeader("Content-Security-Policy", WEB_UI_POLICY);
    next();
  });
  app.use(express.static(dist, { index: false, setHeaders: cacheHashedAssets }));
  app.get("*", (_req, res) => {
    // The page names the current bundles, so it is revalidated every time.
    if (fs.existsSync(index)) res.setHeader("Cache-Control", "no-cache").sendFile(index, { cacheControl: false });
    else res.status(503).type("text").send("The web UI is not built yet: run `npm run build:web` (npm start does it for you).");
  });
}
