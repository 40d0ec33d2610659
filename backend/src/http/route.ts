import type { Request, Response, Router } from "express";
import { z, type ZodType } from "zod";
import type { Logger } from "../log.js";
import type { Auth } from "./session.js";
import type { AppServices } from "./services.js";
import { ApiError, fromZodError } from "./errors.js";

export type Access = "public" | "member" | "owner";

export interface PublicContext {
  services: AppServices;
  req: Request;
  res: Response;
  log: Logger;
  auth: Auth | null;
}
export interface MemberContext extends PublicContext {
  auth: Auth;
}

/** A path's parameter names: "/api/objectives/:id/key-results/:krId" gives "id" | "krId". */
type PathParams<P extends string> = P extends `${string}:${infer Name}/${infer Rest}`
  ? Name | PathParams<`/${Rest}`>
  : P extends `${string}:${infer Name}`
    ? Name
    : never;
type Input<B, Q, P extends string> = { body: B; query: Q; params: Record<PathParams<P>, string> };

/**
 * One declaration per endpoint: express wiring, validation at the edge and the OpenAPI
 * document all come from it, so the three cannot drift apart.
 */
export interface RouteSpec<A extends Access = Access, B = unknown, Q = unknown, R = unknown, P extends string = string> {
  method: "get" | "post" | "put" | "patch" | "delete";
  path: P;
  summary: string;
  tag: string;
  access: A;
  body?: ZodType<B>;
  query?: ZodType<Q>;
  /** Path parameters that are not UUIDs (every other parameter must be one). */
  params?: Record<string, ZodType<string>>;
  response?: ZodType<R>;
  status?: 200 | 201 | 202 | 204;
  /** How callers authenticate, when not by session: a security scheme given to openApiDocument. */
  security?: string;
  handler: (input: Input<B, Q, P>, ctx: A extends "public" ? PublicContext : MemberContext) => Promise<R>;
}

export function route<A extends Access, B = undefined, Q = undefined, R = void, P extends string = string>(spec: RouteSpec<A, B, Q, R, P>) {
  return spec as unknown as RouteSpec;
}

const uuid = z.uuid();

/** Mounts routes on a router that is itself mounted at `prefix`. */
export function mount(router: Router, routes: RouteSpec[], services: AppServices, prefix = "/api") {
  for (const spec of routes) {
    router[spec.method](spec.path.slice(prefix.length), async (req, res, next) => {
      try {
        const auth = req.auth ?? null;
        if (spec.access !== "public" && !auth) throw new ApiError(401, "unauthenticated", "Log in to continue");
        if (spec.access === "owner" && auth?.member.role !== "owner") throw new ApiError(403, "forbidden", "Only workspace owners can do this");
        const params: Record<string, string> = {};
        for (const [name, value] of Object.entries(req.params)) {
          const schema = spec.params?.[name] ?? uuid;
          const parsed = schema.safeParse(value);
          if (!parsed.success) throw new ApiError(400, "invalid_parameter", `${name} in the path is not a valid id`, `params.${name}`);
          params[name] = parsed.data;
        }
        const body = spec.body ? parse(spec.body, rejectNul(req.body ?? {}, "body"), "body") : undefined;
        const query = spec.query ? parse(spec.query, rejectNul(req.query, "query"), "query") : undefined;
        const ctx = { services, req, res, log: req.log, auth } as MemberContext;
        const result = await spec.handler({ body, query, params }, ctx);
        if (res.headersSent) return;
        const status = spec.status ?? 200;
        if (status === 204 || result === undefined) res.status(status === 200 ? 204 : status).end();
        else res.status(status).json(result);
      } catch (err) {
        next(err);
      }
    });
  }
}

/** Deeper than any body of ours: refused before anything walks it. */
const MAX_DEPTH = 32;

/** PostgreSQL text cannot hold NUL, and no field of ours needs it: refused wherever it appears, naming where. */
function rejectNul(value: unknown, where: string, depth = 0): unknown {
  if (depth > MAX_DEPTH) throw new ApiError(400, "too_deep", `${where} is nested too deeply`, where);
  if (typeof value === "string" && value.includes("\u0000")) throw new ApiError(400, "invalid_characters", `${where} contains a NUL character`, where);
  if (value && typeof value === "object") for (const [key, inner] of Object.entries(value)) rejectNul(inner, `${where}.${key}`, depth + 1);
  return value;
}

function parse<T>(schema: ZodType<T>, value: unknown, where: "body" | "query"): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw fromZodError(parsed.error, where);
  return parsed.data;
}

const jsonSchema = (schema: ZodType, io: "input" | "output") => z.toJSONSchema(schema, { io, unrepresentable: "any", target: "draft-2020-12" });

/** OpenAPI 3.1 (whose schemas are JSON Schema 2020-12) built from the same route list. */
export function openApiDocument(
  routes: RouteSpec[],
  info: { title: string; version: string },
  serverUrl: string,
  securitySchemes: Record<string, Record<string, unknown>> = {},
) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const spec of routes) {
    const path = spec.path.replace(/:([A-Za-z_]+)/g, "{$1}");
    const parameters = [...spec.path.matchAll(/:([A-Za-z_]+)/g)].map((m) => ({
      name: m[1],
      in: "path",
      required: true,
      schema: spec.params?.[m[1]!] ? jsonSchema(spec.params[m[1]!]!, "input") : { type: "string", format: "uuid" },
    }));
    if (spec.query) {
      const q = jsonSchema(spec.query, "input") as { properties?: Record<string, unknown>; required?: string[] };
      for (const [name, schema] of Object.entries(q.properties ?? {}))
        parameters.push({ name, in: "query", required: q.required?.includes(name) ?? false, schema: schema as never });
    }
    const status = String(spec.status ?? (spec.response ? 200 : 204));
    paths[path] ??= {};
    paths[path][spec.method] = {
      summary: spec.summary,
      tags: [spec.tag],
      ...(spec.security ? { security: [{ [spec.security]: [] }] } : spec.access === "public" ? { security: [] } : {}),
      ...(spec.access === "owner" ? { description: "Workspace owners only." } : {}),
      parameters,
      ...(spec.body ? { requestBody: { required: true, content: { "application/json": { schema: jsonSchema(spec.body, "input") } } } } : {}),
      responses: {
        [status]: spec.response
          ? { description: "OK", content: { "application/json": { schema: jsonSchema(spec.response, "output") } } }
          : { description: "No content" },
        default: { description: "Error", content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } } },
      },
    };
  }
  return {
    openapi: "3.1.0",
    info,
    servers: [{ url: serverUrl }],
    security: [{ session: [], csrf: [] }],
    components: {
      securitySchemes: {
        session: { type: "apiKey", in: "cookie", name: "gw_session" },
        csrf: { type: "apiKey", in: "header", name: "X-CSRF-Token", description: "Required on POST, PUT, PATCH, DELETE" },
        ...securitySchemes,
      },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: { code: { type: "string" }, message: { type: "string" }, field: { type: "string" } },
            },
          },
        },
      },
    },
    paths,
  };
}
