import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Config } from "../config.js";
import { loadConfig } from "../config.js";
import { createLogger, type Logger } from "../log.js";
import { startGroundwork, type RunningGroundwork } from "../server.js";
import { groundworkClient, type GroundworkClient } from "@groundwork/shared-types/client";
import { testDatabase } from "./testDatabase.js";

/** A running backend on an ephemeral port with a database of its own. */
export async function startTestApp(overrides: Partial<Config> = {}, log: Logger = createLogger("silent"), options: Parameters<typeof startGroundwork>[2] = {}) {
  const db = testDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "groundwork-data-"));
  const base = loadConfig({ PORT: "0", HOST: "127.0.0.1", LOG_LEVEL: "silent", WORKER_ENABLED: "false", DATA_DIR: dataDir });
  const config: Config = { ...base, database: db.database, ...overrides };
  const running: RunningGroundwork = await startGroundwork(config, log, options);
  if (!overrides.publicUrl) config.publicUrl = new URL(running.url);
  return {
    ...running,
    async close() {
      await running.close();
      await db.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface ApiResponse<T = any> {
  status: number;
  body: T;
  headers: Headers;
}

/**
 * A browser-like API client: keeps the session cookie and sends the CSRF header. `api` is the
 * typed client the UIs use, on the same session (a refusal throws ApiFailure); `request` and its
 * shorthands send anything at all, for tests of what the API refuses.
 */
export class ApiClient {
  cookie = "";
  csrfToken = "";
  readonly api: GroundworkClient;

  constructor(readonly baseUrl: string) {
    this.api = groundworkClient({
      baseUrl,
      headers: (method) => ({ cookie: this.cookie || undefined, "x-csrf-token": method !== "GET" ? this.csrfToken || undefined : undefined }),
    });
  }

  async request<T = any>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const res = await fetch(new URL(path, this.baseUrl), {
      method,
      headers: {
        ...(body !== undefined ? { "content-type": "application/json" } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...(this.csrfToken && method !== "GET" ? { "x-csrf-token": this.csrfToken } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
    });
    const setCookie = res.headers.get("set-cookie");
    if (setCookie) this.cookie = setCookie.split(";")[0]!;
    const text = await res.text();
    const parsed = text && res.headers.get("content-type")?.includes("json") ? JSON.parse(text) : text;
    if (parsed && typeof parsed === "object" && typeof parsed.csrfToken === "string") this.csrfToken = parsed.csrfToken;
    return { status: res.status, body: parsed as T, headers: res.headers };
  }

  get = <T = any>(path: string) => this.request<T>("GET", path);
  post = <T = any>(path: string, body?: unknown) => this.request<T>("POST", path, body ?? {});
  patch = <T = any>(path: string, body: unknown) => this.request<T>("PATCH", path, body);
  delete = <T = any>(path: string) => this.request<T>("DELETE", path);
}

let counter = 0;
/** Signs up a new workspace owner and returns their logged-in client. */
export async function signUp(baseUrl: string, name = "Ada Lovelace", email?: string) {
  const client = new ApiClient(baseUrl);
  const res = await client.post("/api/auth/signup", {
    workspaceName: `${name}'s team`,
    name,
    email: email ?? `owner${++counter}-${Date.now()}@example.com`,
    password: "correct horse battery staple",
  });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { client, session: res.body };
}

/** Invites `email` into the owner's workspace and accepts as that person. */
export async function inviteMember(owner: ApiClient, email: string, name = "Grace Hopper", role = "member") {
  const invite = await owner.post("/api/invites", { email, role });
  if (invite.status !== 201) throw new Error(`invite failed: ${invite.status} ${JSON.stringify(invite.body)}`);
  const token = new URL(invite.body.inviteUrl).pathname.split("/").pop()!;
  const client = new ApiClient(owner.baseUrl);
  const res = await client.post("/api/invites/accept", { token, name, password: "another long password" });
  if (res.status !== 201) throw new Error(`accept failed: ${res.status} ${JSON.stringify(res.body)}`);
  return { client, session: res.body };
}
