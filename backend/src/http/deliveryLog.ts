import type { RequestHandler } from "express";
import { redactUrl, type Logger } from "../log.js";

/**
 * Hosts' webhook deliveries come in bursts of hundreds, their answers are a few bytes, and each
 * is recorded as a job: they skip compression and pino-http, whose per-request child logger
 * (the request's headers serialised and redacted) and response wrapping cost more than a third
 * of a delivery's time in `npm run bench`. Each still leaves one line: at info when answered,
 * warn when refused, error when it failed (errorHandler logs the error itself through req.log).
 */
export const deliveryLog =
  (log: Logger): RequestHandler =>
  (req, res, next) => {
    const started = performance.now();
    req.log = log;
    res.once("finish", () => {
      const level = res.statusCode >= 500 ? "error" : res.statusCode >= 400 ? "warn" : "info";
      if (!log.isLevelEnabled(level)) return;
      const delivery = {
        method: req.method,
        url: redactUrl(req.originalUrl),
        statusCode: res.statusCode,
        responseTime: Math.round(performance.now() - started),
      };
      log[level]({ delivery }, res.statusCode >= 400 ? "webhook delivery refused" : "webhook delivery answered");
    });
    next();
  };
