import { attachedItems } from "../../workspace/contextLinks.js";
import { startHistoryOnConnect } from "../../workspace/history.js";
import { BitbucketTokenConnect, BitbucketTokenConnection, BitbucketTokenTest, BitbucketTokenTestResult } from "@groundwork/shared-types";
import { BITBUCKET_SCOPE_IMPLIES, BITBUCKET_TOKEN_SCOPES, impliedScopes, missingScopesMessage, scopeLabel } from "@groundwork/shared-types/labels";
import { ApiError, notFound } from "../../http/errors.js";
import { route, type MemberContext } from "../../http/route.js";
import type { AppServices } from "../../http/services.js";
import { BitbucketTokenConnectionRow } from "./models.js";
import { newToken } from "../../workspace/secrets.js";
import { BitbucketClient, BitbucketError } from "./client.js";
import { tokenApiUrlFor } from "./installations.js";
import { BitbucketRefreshJob, enqueueBuildStatus } from "./jobs.js";
import { BITBUCKET_EVENTS } from "./events.js";

/**
 * The direct connection, for teams that cannot install the Connect app (Atlassian stopped new
 * Connect installs on 2 February 2026): a workspace or repository access token, repository
 * webhooks Groundwork creates with a secret (Bitbucket signs each delivery with it,
 * `X-Hub-Signature: sha256=<hex HMAC of the body>`), and build statuses posted with the token.
 * Events run through the same handlers as the Connect app's.
 */
export const tokenWebhookUrl = (services: AppServices, id: string) => new URL(`/api/webhooks/bitbucket/${id}`, services.config.publicUrl).toString();

export function toTokenConnection(services: AppServices, c: BitbucketTokenConnectionRow): BitbucketTokenConnection {
  return {
    id: c.id,
    workspace: c.bitbucketWorkspace,
    repositories: c.repositories.map((r) => ({ slug: r.slug, webhook: Boolean(r.hookUuid) })),
    status: c.status,
    lastError: c.lastError,
    lastDeliveryAt: c.lastDeliveryAt?.toISOString() ?? null,
    webhookUrl: tokenWebhookUrl(services, c.id),
  };
}

/**
 * Tests a token the way a person needs to hear about it: the token, or every scope it lacks.
 * Bitbucket lists a token's scopes in `x-oauth-scopes`; where it does not, each scope is probed.
 */
async function testToken(services: AppServices, workspace: string, token: string) {
  const client = new BitbucketClient(tokenApiUrlFor(services, workspace), { kind: "token", token });
  const explain = (err: unknown) => {
    if (!(err instanceof BitbucketError)) return err;
    if (err.kind === "auth") return new ApiError(422, "bitbucket_auth_denied", "Bitbucket did not accept the token — check it and its expiry", "body.token");
    if (err.kind === "not_found")
      return new ApiError(
        422,
        "bitbucket_workspace_not_found",
        `No Bitbucket workspace "${workspace}" is visible to this token — check its name`,
        "body.workspace",
      );
    if (err.kind === "rate_limited")
      return new ApiError(503, "bitbucket_rate_limited", "Bitbucket is rate-limiting us; try again later", undefined, {
        "Retry-After": String(err.retryAfterSeconds ?? 60),
      });
    return new ApiError(
      502,
      "bitbucket_unreachable",
      err.kind === "unreachable" ? `${err.message}; try again in a moment` : `Bitbucket did not answer properly (${err.message}); try again`,
    );
  };
  const missing = new Set<string>();
  const probe = async <T>(scope: string, call: () => Promise<T>): Promise<T | null> => {
    try {
      return await call();
    } catch (err) {
      if (err instanceof BitbucketError && err.kind === "forbidden") missing.add(scope);
      else throw explain(err);
      return null;
    }
  };
  const listed = await probe("repository", () => client.repositories(workspace));
  const repositories = listed?.repositories ?? [];
  const first = repositories[0];
  if (listed?.scopes) {
    const granted = impliedScopes(listed.scopes, BITBUCKET_SCOPE_IMPLIES);
    for (const { scope } of BITBUCKET_TOKEN_SCOPES) if (!granted.has(scope)) missing.add(scope);
  } else if (first) {
    await probe("pullrequest", () => client.pullRequests(workspace, first.slug));
    await probe("webhook", () => client.repositoryHooks(workspace, first.slug));
  }
  if (missing.size) {
    const names = [...missing].map((s) => scopeLabel(BITBUCKET_TOKEN_SCOPES, s));
    throw new ApiError(422, "bitbucket_missing_scope", missingScopesMessage(names, "one"), "body.token");
  }
  return { client, repositories };
}

async function connectionOf(ctx: MemberContext) {
  const c = await BitbucketTokenConnectionRow.findOne({ where: { workspaceId: ctx.auth.workspace.id } });
  if (!c) throw notFound("A Bitbucket token connection");
  return c;
}

export const bitbucketTokenRoutes = [
  route({
    method: "post",
    path: "/api/integrations/bitbucket/token/test",
    summary: "Test a Bitbucket workspace or repository access token without saving it",
    tag: "Integrations",
    access: "owner",
    body: BitbucketTokenTest,
    response: BitbucketTokenTestResult,
    handler: async ({ body }, ctx) => {
      const { repositories } = await testToken(ctx.services, body.workspace, body.token);
      return { workspace: body.workspace, repositories: repositories.map((r) => ({ slug: r.slug, name: r.name ?? r.slug })) };
    },
  }),
  route({
    method: "post",
    path: "/api/integrations/bitbucket/token",
    summary: "Connect a Bitbucket workspace with an access token: creates signed webhooks on its repositories and posts build statuses",
    tag: "Integrations",
    access: "owner",
    body: BitbucketTokenConnect,
    response: BitbucketTokenConnection,
    status: 201,
    handler: async ({ body }, ctx) => {
      const { client, repositories } = await testToken(ctx.services, body.workspace, body.token);
      const chosen = body.repositories ? repositories.filter((r) => body.repositories!.includes(r.slug)) : repositories;
      if (body.repositories && chosen.length !== body.repositories.length)
        throw new ApiError(400, "unknown_repository", "Some repositories were not found in that workspace", "body.repositories");
      const previous = await BitbucketTokenConnectionRow.findOne({ where: { workspaceId: ctx.auth.workspace.id } });
      if (previous) await removeHooks(ctx.services, previous);
      await previous?.destroy();
      const secret = newToken(24);
      const row = await BitbucketTokenConnectionRow.create({
        workspaceId: ctx.auth.workspace.id,
        bitbucketWorkspace: body.workspace,
        workspaceUuid: chosen[0]?.workspace?.uuid ?? null,
        tokenSealed: ctx.services.secrets.seal(body.token),
        webhookSecretSealed: ctx.services.secrets.seal(secret),
        repositories: [],
        status: "active",
        lastError: null,
        lastDeliveryAt: null,
        createdBy: ctx.auth.member.id,
      });
      const url = tokenWebhookUrl(ctx.services, row.id);
      const hooked = [];
      for (const r of chosen) {
        const hook = await client
          .createRepositoryHook(body.workspace, r.slug, { description: "Groundwork", url, events: Object.keys(BITBUCKET_EVENTS), secret })
          .catch((err: unknown) => {
            if (err instanceof BitbucketError) return null;
            throw err;
          });
        hooked.push({ slug: r.slug, uuid: r.uuid, hookUuid: hook?.uuid ?? null });
      }
      const missing = hooked.filter((h) => !h.hookUuid).map((h) => h.slug);
      await row.update({
        repositories: hooked,
        lastError: missing.length
          ? `Bitbucket refused webhooks on ${missing.join(", ")}; Groundwork still posts build statuses there, and Sync keeps PRs current.`
          : null,
      });
      const items = await attachedItems(ctx.auth.workspace.id, "bitbucket");
      for (const item of items.filter((i) => String(i.hostIds.workspace).toLowerCase() === body.workspace.toLowerCase())) {
        if (item.metadataStatus !== "fetched")
          await ctx.services.queue.enqueue(BitbucketRefreshJob, { contextItemId: item.id }, { workspaceId: item.workspaceId });
        if (item.kind === "pull_request") await enqueueBuildStatus(ctx.services, item);
      }
      await startHistoryOnConnect(ctx.services, { workspaceId: row.workspaceId, host: "bitbucket", connectionId: row.id, createdBy: ctx.auth.member.id });
      return toTokenConnection(ctx.services, row);
    },
  }),
  route({
    method: "delete",
    path: "/api/integrations/bitbucket/token",
    summary: "Disconnect the token: deletes the webhooks Groundwork created (when the token still can) and the token",
    tag: "Integrations",
    access: "owner",
    handler: async (_input, ctx) => {
      const c = await connectionOf(ctx);
      await removeHooks(ctx.services, c);
      await c.destroy();
    },
  }),
];

/** Best effort: a token that stopped working must not keep an owner from disconnecting. */
async function removeHooks(services: AppServices, c: BitbucketTokenConnectionRow) {
  const client = new BitbucketClient(tokenApiUrlFor(services, c.bitbucketWorkspace), { kind: "token", token: services.secrets.open(c.tokenSealed) });
  for (const r of c.repositories) if (r.hookUuid) await client.deleteRepositoryHook(c.bitbucketWorkspace, r.slug, r.hookUuid).catch(() => undefined);
}
