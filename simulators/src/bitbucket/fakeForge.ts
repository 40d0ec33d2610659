import { randomBytes, randomUUID } from "node:crypto";
import { exportJWK, generateKeyPair, SignJWT } from "jose";
import type { FakeResponse } from "../fakeHost.js";
import { bitbucketWorkspaceUuid } from "./identities.js";
import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";

/** The scopes Groundwork's Forge app declares (bitbucket-forge-app/manifest.yml): what its system tokens carry. */
export const FORGE_MANIFEST_SCOPES = (
  parseYaml(fs.readFileSync(path.resolve(import.meta.dirname, "../../../bitbucket-forge-app/manifest.yml"), "utf8")) as { permissions: { scopes: string[] } }
).permissions.scopes;

/**
 * Forge's side of a Forge app with a remote (developer.atlassian.com/platform/forge/remote):
 * it signs a Forge Invocation Token (RS256, iss forge/invocation-token, aud the app id, 25 s to
 * live) for every call, published as a JWKS; it mints app system tokens the fake Bitbucket
 * accepts through the API gateway (`app.apiBaseUrl`, with the scopes the manifest declares);
 * it sends product and lifecycle events as `POST {payload}` with a 5 s timeout, retried up to
 * 4 times with `retryContext` (60 s apart on Forge; shorter where a test says); and it calls a
 * UI module's remote endpoint as `invokeRemote` does (25 s, no retries).
 */
export interface FakeForgeOptions {
  /** The app's id, `ari:cloud:ecosystem::app/<uuid>` (manifest.yml's app.id). */
  appId: string;
  /** The scopes the manifest declares: what the system tokens may do (the manifest's, unless a test says). */
  scopes?: string[];
  /** Delay between an event's attempts (Forge: 60 s). */
  retryDelayMs?: number;
}

/** The gateway path the fake Bitbucket answers for a workspace, as api.atlassian.com/ex/bitbucket/{id} does. */
export const FORGE_GATEWAY = /^\/ex\/bitbucket\/[0-9a-f-]{36}(?=\/2\.0\/)/i;

export interface ForgeSystemToken {
  token: string;
  scopes: string[];
  expiresAt: number;
  /** The installation's workspace ({uuid}): the only one its gateway path reaches. */
  workspaceUuid: string;
}

/** One attempt at delivering an event, as the remote answered it. */
export interface ForgeAttempt {
  status: number | "timeout" | "unreachable";
  retryCount: number;
}

/** Where things are: the fake Bitbucket (`apiBaseUrl` is its gateway path for a workspace) and the remote (manifest.yml's remotes[].baseUrl). */
export interface ForgeWhere {
  bitbucketUrl: string;
  remoteUrl: string;
}

export async function fakeForge(options: FakeForgeOptions) {
  const where: ForgeWhere = { bitbucketUrl: "", remoteUrl: "" };
  const scopes = options.scopes ?? FORGE_MANIFEST_SCOPES;
  const keys = await generateKeyPair("RS256");
  const kid = `fake-forge-${randomUUID()}`;
  const jwk = { ...(await exportJWK(keys.publicKey)), kid, alg: "RS256", use: "sig" };
  /** Minted system tokens: the fake Bitbucket takes those not yet expired. */
  const systemTokens: ForgeSystemToken[] = [];

  const installation = (workspace: string) => {
    const workspaceUuid = bitbucketWorkspaceUuid(workspace);
    return {
      installationId: `ari:cloud:ecosystem::installation/${workspaceUuid.slice(1, -1)}`,
      workspaceUuid,
      apiBaseUrl: `${where.bitbucketUrl}/ex/bitbucket/${workspaceUuid.slice(1, -1)}`,
    };
  };

  /** A FIT for one call from a module of the app installed in a workspace. */
  const invocationToken = (
    workspace: string,
    module: { type: string; key: string },
    {
      principal,
      context,
      expiresIn = "25s",
      installationId,
    }: { principal?: string; context?: Record<string, unknown>; expiresIn?: string; installationId?: string } = {},
  ) => {
    const i = installation(workspace);
    const id = installationId ?? i.installationId;
    return new SignJWT({
      app: {
        id: options.appId,
        version: "1",
        appVersion: "1.0.0",
        installationId: id,
        apiBaseUrl: i.apiBaseUrl,
        environment: { type: "DEVELOPMENT", id: `ari:cloud:ecosystem::environment/${options.appId.split("/")[1]}/sandbox` },
        module,
        installation: { id, contexts: [{ name: `ari:cloud:bitbucket::workspace/${i.workspaceUuid.slice(1, -1)}`, apiBaseUrl: i.apiBaseUrl }] },
      },
      // Only a UI module's call says where it was invoked, and by whom.
      ...(context ? { context: { workspaceId: i.workspaceUuid, ...context } } : {}),
      ...(principal ? { principal } : {}),
    })
      .setProtectedHeader({ alg: "RS256", kid })
      .setIssuer("forge/invocation-token")
      .setAudience(options.appId)
      .setIssuedAt()
      .setNotBefore("0s")
      .setExpirationTime(expiresIn)
      .setJti(randomBytes(20).toString("hex"))
      .sign(keys.privateKey);
  };

  /** A system token lives an hour (Forge promises at least 55 minutes). */
  const mintSystemToken = (workspace: string, lifetimeMs = 3600_000) => {
    const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
    // Opaque to the app, but a JWT whose `exp` says when it lapses, as Forge documents.
    const jwt = [part({ alg: "RS256", typ: "JWT" }), part({ sub: "forge-app-system", exp: Math.floor((Date.now() + lifetimeMs) / 1000), jti: randomUUID() })];
    const token: ForgeSystemToken = {
      token: `${jwt.join(".")}.${randomBytes(32).toString("base64url")}`,
      scopes,
      expiresAt: Date.now() + lifetimeMs,
      workspaceUuid: bitbucketWorkspaceUuid(workspace),
    };
    systemTokens.push(token);
    return token.token;
  };

  const headers = (fit: string, workspace: string) => ({
    "content-type": "application/json",
    authorization: `Bearer ${fit}`,
    "x-b3-traceid": randomBytes(8).toString("hex"),
    "x-b3-spanid": randomBytes(8).toString("hex"),
    "x-forge-oauth-system": mintSystemToken(workspace),
  });

  return {
    appId: options.appId,
    /** Once the fake Bitbucket and the remote listen. */
    at(urls: ForgeWhere) {
      Object.assign(where, urls);
    },
    installation,
    invocationToken,
    mintSystemToken,
    systemTokens,
    jwks: { keys: [jwk] },
    /** Serves the JWKS on the fake Bitbucket (FORGE_JWKS_URL points there). */
    jwksRoute: { method: "GET", path: "/_forge/jwks.json", handle: (): FakeResponse => ({ status: 200, body: { keys: [jwk] } }) },

    /**
     * An event (product or lifecycle) to the endpoint at `path`: 5 s to answer 2xx, else tried
     * again with `retryContext`, up to 4 more times. Resolves with every attempt.
     */
    async sendEvent(
      workspace: string,
      path: string,
      payload: Record<string, unknown>,
      endpointKey = "groundwork-events-remote",
      onAttempt?: (attempt: ForgeAttempt) => void,
    ) {
      const attempts: ForgeAttempt[] = [];
      for (let retryCount = 0; retryCount <= 4; retryCount++) {
        if (retryCount) await new Promise((r) => setTimeout(r, options.retryDelayMs ?? 60_000));
        const fit = await invocationToken(workspace, { type: "core:endpoint", key: endpointKey });
        const last = attempts.at(-1)?.status;
        const retryReason = last === "timeout" ? "TIMEOUT_ERROR" : last === 401 ? "INVALID_FORGE_INVOCATION_TOKEN" : "INVALID_REMOTE_INVOCATION_ERROR";
        const body = { payload: retryCount ? { ...payload, retryContext: { retryData: null, retryCount, retryReason } } : payload };
        let status: ForgeAttempt["status"];
        try {
          const res = await fetch(`${where.remoteUrl}${path}`, {
            method: "POST",
            headers: headers(fit, workspace),
            body: JSON.stringify(body),
            signal: AbortSignal.timeout(5_000),
          });
          status = res.status;
        } catch (err) {
          status = (err as Error).name === "TimeoutError" ? "timeout" : "unreachable";
        }
        attempts.push({ status, retryCount });
        onAttempt?.({ status, retryCount });
        if (typeof status === "number" && status >= 200 && status < 300) break;
      }
      return attempts;
    },

    /** `invokeRemote` from a UI module: the FIT names the workspace, the module and the person; no retries. */
    async invokeRemote(
      workspace: string,
      module: { type: string; key: string },
      request: { method?: string; path: string; body?: unknown; principal: string; context?: Record<string, unknown> },
      { token }: { token?: string } = {},
    ) {
      const fit = token ?? (await invocationToken(workspace, module, { principal: request.principal, context: { moduleKey: module.key, ...request.context } }));
      const res = await fetch(`${where.remoteUrl}${request.path}`, {
        method: request.method ?? "POST",
        headers: headers(fit, workspace),
        ...(request.body === undefined ? {} : { body: JSON.stringify(request.body) }),
        signal: AbortSignal.timeout(25_000),
      });
      const text = await res.text();
      return { status: res.status, body: text ? (JSON.parse(text) as unknown) : null };
    },
  };
}
export type FakeForge = Awaited<ReturnType<typeof fakeForge>>;
