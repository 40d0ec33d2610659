import type { ErrorRequestHandler } from "express";
import { ZodError } from "zod";
import type { ApiErrorBody } from "@groundwork/shared-types";
import { isDatabaseUnavailable } from "../storage/database.js";

/** An error the caller can act on: rendered as {error:{code,message,field?}} with its status. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what: string, field?: string) => new ApiError(404, "not_found", `${what} was not found`, field);
export const forbidden = (message: string) => new ApiError(403, "forbidden", message);
export const badRequest = (code: string, message: string, field?: string) => new ApiError(400, code, message, field);
export const conflict = (code: string, message: string, field?: string) => new ApiError(409, code, message, field);

export function fromZodError(err: ZodError, where: "body" | "query" | "params"): ApiError {
  const issue = err.issues[0]!;
  const field = [where, ...issue.path.map(String)].join(".");
  const message = issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message;
  return new ApiError(400, "validation_failed", message, field);
}

export function errorBody(err: ApiError): ApiErrorBody {
  return { error: { code: err.code, message: err.message, ...(err.field ? { field: err.field } : {}) } };
}

/** The last middleware: every failure leaves as JSON, and unknown ones are logged, not shown. */
export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  let apiError: ApiError;
  if (err instanceof ApiError) apiError = err;
  else if (err instanceof ZodError) apiError = fromZodError(err, "body");
  else if (err?.type === "entity.parse.failed") apiError = new ApiError(400, "invalid_json", "The request body is not valid JSON");
  else if (err?.type === "entity.too.large") apiError = new ApiError(413, "too_large", "The request body is too large");
  // The client went away before its body was read (e.g. while its credentials were checked): nothing went wrong here.
  else if (err?.type === "stream.not.readable" || err?.type === "request.aborted") apiError = new ApiError(400, "request_aborted", "The request was aborted");
  else if (isDatabaseUnavailable(err)) {
    req.log?.warn({ err }, "database unavailable");
    apiError = new ApiError(503, "database_unavailable", "Groundwork cannot reach its database right now; try again shortly", undefined, {
      "Retry-After": "5",
    });
  } else if (err?.status >= 400 && err?.status < 500 && typeof err?.message === "string") apiError = new ApiError(err.status, "bad_request", err.message);
  else {
    req.log?.error({ err }, "unhandled error");
    apiError = new ApiError(500, "internal", "Something went wrong on our side; it has been logged");
  }
  res.status(apiError.status).set(apiError.headers).json(errorBody(apiError));
};
