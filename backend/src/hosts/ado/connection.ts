import { attachedItems } from "../../workspace/contextLinks.js";
import { startHistoryOnConnect } from "../../workspace/history.js";
import {
  AdoConnected,
  AdoConnectionTest,
  AdoDisconnectQuery,
  AdoServiceHooksResult,
  AdoSyncResult,
  AdoConnectRequest,
  AdoTestConnectionRequest,
  AdoWebhookSecret,
  type AdoConnection,
} from "@groundwork/shared-types";
import { ADO_PAT_SCOPES, missingScopesMessage, scopeLabel } from "@groundwork/shared-types/labels";
import { ApiError, notFound } from "../../http/errors.js";
import { route, type MemberContext } from "../../http/route.js";
import type { AppServices } from "../../http/services.js";
import { AdoConnectionRow } from "./models.js";
import { newToken, sha256 } from "../../workspace/secrets.js";
import { AdoClient, AdoError } from "./client.js";
import { clientFor, hostsFor, SANDBOX_ORG } from "./credentials.js";
import { signInOf, signInTokens, takeSignIn } from "./entra.js";
import type { AdoEntraSignInRow } from "./models.js";
import { AdoRefreshJob, enqueuePrStatus, queueSync, STATUS_CONTEXT } from "./jobs.js";
import { normalizeOrgUrl, ORG_URL_EXPECTED } from "./orgUrl.js";
import { assertDeliverable, createServiceHooks, deleteServiceHooks, resecretServiceHooks, subscribedEvents } from "./serviceHooks.js";

export const webhookUrl = (services: AppServices, connectionId: string) => new URL(`/api/webhooks/ado/${connectionId}`, services.config.publicUrl).toString();

export function toAdoConnection(services: AppServices, c: AdoConnectionRow): AdoConnection {
  return {
    id: c.id,
    organization: c.organization,
    url: `https://dev.azure.com/${c.organization}`,
    name: c.name,
    services: c.services,
    repositories: c.repositories,
    status: c.status,
    lastError: c.lastError,
    credential: c.credentialKind,
    signedInAs: c.signedInAs,
    lastDeliveryAt: c.lastDeliveryAt?.toISOString() ?? null,
    webhookUrl: webhookUrl(services, c.id),
    serviceHooks: (c.hookSubscriptions ?? []).map((h) => ({ project: h.project, eventType: h.eventType })),
    neededServiceHooks: subscribedEvents(c.services).map(({ eventType, label }) => ({ eventType, label })),
    createdAt: c.createdAt.toISOString(),
  };
}

/** A host that could not be reached, or answered oddly: say which, and that trying again may help. */
const unreachable = (err: AdoError) =>
  new ApiError(
    502,
    "ado_unreachable",
    err.kind === "unreachable" ? `${err.message}; try again in a moment` : `Azure DevOps did not answer properly (${err.message}); try again`,
  );

/** Runs `work` over `items`, `limit` at a time, keeping their order: an organisation may have hundreds of projects. */
async function mapLimit<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>) {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await work(items[i]!);
      }
    }),
  );
  return results;
}

const label = (scope: string) => scopeLabel(ADO_PAT_SCOPES, scope);

/** What Test connection and Connect authenticate with: a PAT, or a finished sign-in with Microsoft. */
type Credential = { kind: "pat"; pat: string } | { kind: "entra"; signIn: AdoEntraSignInRow };

/** The credential a test or connect request names: its PAT, or the caller's own sign-in with Microsoft. */
async function credentialOf(ctx: MemberContext, body: { pat?: string; signInId?: string }): Promise<Credential> {
  return body.signInId ? { kind: "entra", signIn: await signInOf(ctx, body.signInId) } : { kind: "pat", pat: body.pat! };
}

/**
 * Tests an organisation URL and credential the way a person needs to hear about it: which of the
 * URL, the token or which scopes are wrong — every scope some feature of Groundwork uses is
 * tried, and all the missing ones are named at once. Returns what the credential can see.
 */
async function testConnection(services: AppServices, orgUrl: string, credential: Credential) {
  const org = normalizeOrgUrl(orgUrl);
  if (!org) throw new ApiError(400, "invalid_org_url", `That is not an Azure DevOps organisation URL. Expected ${ORG_URL_EXPECTED}`, "body.orgUrl");
  const entra = credential.kind === "entra" ? signInTokens(services, credential.signIn) : null;
  const client = new AdoClient(
    hostsFor(services, org.organization),
    org.organization,
    entra ? { bearer: () => Promise.resolve(entra.accessToken) } : { pat: (credential as { pat: string }).pat },
  );
  const explain = (err: unknown) => {
    if (!(err instanceof AdoError)) return err;
    if (err.kind === "auth" || err.kind === "forbidden")
      return entra
        ? new ApiError(422, "ado_auth_denied", `Your Microsoft account has no access to ${org.url} — choose an organisation it belongs to`, "body.orgUrl")
        : new ApiError(422, "ado_auth_denied", "Authorization denied — check the token and its expiry", "body.pat");
    if (err.kind === "not_found") return new ApiError(422, "ado_org_not_found", `Organisation not found — check the URL (${org.url})`, "body.orgUrl");
    if (err.kind === "rate_limited")
      return new ApiError(503, "ado_rate_limited", "Azure DevOps is rate-limiting us; try again in a minute", undefined, {
        "Retry-After": String(err.retryAfterSeconds ?? 60),
      });
    return unreachable(err);
  };
  const me = await client.connectionData().catch((err: unknown) => {
    throw explain(err);
  });
  const missing = new Set<string>();
  /** A call that needs `scope`: refused means the scope is missing; anything else is explained. */
  const probe = async <T>(scope: string, call: () => Promise<T>, accept: (err: AdoError) => boolean = () => false): Promise<T | null> => {
    try {
      return await call();
    } catch (err) {
      if (err instanceof AdoError && (err.kind === "auth" || err.kind === "forbidden")) missing.add(scope);
      else if (!(err instanceof AdoError && accept(err))) throw explain(err);
      return null;
    }
  };
  const projects = (await probe("vso.project", () => client.projects())) ?? [];
  const withRepos = await mapLimit(projects, 4, async (p) => ({
    ...p,
    repositories: (await probe("vso.code_write", () => client.repositories(p.name))) ?? [],
  }));
  const first = withRepos.find((p) => p.repositories.length);
  if (projects[0]) await probe("vso.work", () => client.workItemTypes(projects[0]!.name));
  await probe("vso.identity", () => client.identity(me.authenticatedUser.id));
  // Posting statuses needs write access, which no read shows: a status for pull request 0, which
  // never exists, is refused for the scope before Azure DevOps looks for the pull request (404).
  if (first)
    await probe(
      "vso.code_write",
      () =>
        client.postPullRequestStatus(first.name, first.repositories[0]!.id, 0, {
          state: "notApplicable",
          description: "Groundwork connection test",
          context: STATUS_CONTEXT,
          targetUrl: services.config.publicUrl.toString(),
        }),
      (err) => err.kind === "not_found" || err.kind === "invalid",
    );
  if (missing.size) {
    const names = [...missing].map(label);
    // Signed in, the account has all of Azure DevOps' scopes: a refusal is its permissions in the organisation.
    if (entra)
      throw new ApiError(
        422,
        "ado_permission_denied",
        `Your Microsoft account is not allowed ${names.join(", ")} in ${org.organization}; ask a Project Collection Administrator, or sign in as someone who is`,
        "body.orgUrl",
      );
    throw new ApiError(422, "ado_missing_scope", missingScopesMessage(names, "a token"), "body.pat");
  }
  return { ...org, user: me.authenticatedUser.providerDisplayName ?? null, projects: withRepos };
}

async function connectionOf(ctx: MemberContext) {
  const c = await AdoConnectionRow.findOne({ where: { workspaceId: ctx.auth.workspace.id } });
  if (!c) throw notFound("An Azure DevOps connection");
  return c;
}

/** The secret is kept hashed to check deliveries, and sealed so Groundwork can create service hooks with it. */
function newWebhookSecret(services: AppServices) {
  const secret = newToken(24);
  return { secret, fields: { webhookSecretHash: sha256(secret), webhookSecretSealed: services.secrets.seal(secret) } };
}

export const adoConnectionRoutes = [
  route({
    method: "post",
    path: "/api/integrations/ado/test",
    summary: "Test an Azure DevOps organisation URL with a personal access token or a sign-in with Microsoft, without saving them",
    tag: "Integrations",
    access: "owner",
    body: AdoTestConnectionRequest,
    response: AdoConnectionTest,
    handler: async ({ body }, ctx) => testConnection(ctx.services, body.orgUrl, await credentialOf(ctx, body)),
  }),
  route({
    method: "post",
    path: "/api/integrations/ado",
    summary: "Connect (or reconnect with a new credential) an Azure DevOps organisation; returns the webhook secret once",
    tag: "Integrations",
    access: "owner",
    body: AdoConnectRequest,
    response: AdoConnected,
    status: 201,
    handler: async ({ body }, ctx) => {
      const credential = await credentialOf(ctx, body);
      const found = await testConnection(ctx.services, body.orgUrl, credential);
      const all = found.projects.flatMap((p) => p.repositories.map((r) => ({ id: r.id, name: r.name, project: p.name })));
      const repositories = body.repositoryIds ? all.filter((r) => body.repositoryIds!.includes(r.id)) : all;
      if (body.repositoryIds && repositories.length !== body.repositoryIds.length)
        throw new ApiError(400, "unknown_repository", "Some repositories were not found in this organisation", "body.repositoryIds");
      const existing = await AdoConnectionRow.findOne({ where: { workspaceId: ctx.auth.workspace.id } });
      // Reconnecting (a new token, other repositories) keeps the webhook secret, so service hooks keep working.
      const keepSecret = existing?.organization === found.organization && existing.webhookSecretSealed !== null;
      const fresh = keepSecret ? null : newWebhookSecret(ctx.services);
      const fields = {
        organization: found.organization,
        name: body.name ?? found.organization,
        ...(credential.kind === "entra"
          ? await takeSignIn(credential.signIn)
          : { credentialKind: "pat" as const, credentialSealed: ctx.services.secrets.seal(credential.pat), signedInAs: null }),
        ...(fresh ? fresh.fields : { webhookSecretHash: existing!.webhookSecretHash, webhookSecretSealed: existing!.webhookSecretSealed }),
        hookSubscriptions: keepSecret ? existing!.hookSubscriptions : [],
        services: { pullRequests: true, workItems: true, comments: true, statuses: true, ...body.services },
        repositories,
        status: "active" as const,
        lastError: null,
      };
      const row = existing
        ? await existing.update(fields)
        : await AdoConnectionRow.create({ ...fields, workspaceId: ctx.auth.workspace.id, lastDeliveryAt: null, createdBy: ctx.auth.member.id });
      // Items pasted before the organisation was connected get their metadata and statuses now.
      const items = await attachedItems(ctx.auth.workspace.id, "ado");
      for (const item of items.filter((i) => i.hostIds.organization === row.organization)) {
        if (item.metadataStatus !== "fetched") await ctx.services.queue.enqueue(AdoRefreshJob, { contextItemId: item.id }, { workspaceId: row.workspaceId });
        if (item.kind === "pull_request") await enqueuePrStatus(ctx.services, item);
      }
      if (!existing)
        await startHistoryOnConnect(ctx.services, { workspaceId: row.workspaceId, host: "ado", connectionId: row.id, createdBy: ctx.auth.member.id });
      return {
        connection: toAdoConnection(ctx.services, row),
        webhook: fresh && { webhookUrl: webhookUrl(ctx.services, row.id), webhookSecret: fresh.secret },
      };
    },
  }),
  route({
    method: "post",
    path: "/api/integrations/ado/webhook-secret",
    summary: "Replace the service hooks' secret; the old one stops working at once",
    tag: "Integrations",
    access: "owner",
    response: AdoWebhookSecret,
    handler: async (_input, ctx) => {
      const c = await connectionOf(ctx);
      const { secret, fields } = newWebhookSecret(ctx.services);
      await c.update(fields);
      const failed = await resecretServiceHooks(clientFor(ctx.services, c), c, webhookUrl(ctx.services, c.id), secret);
      return {
        webhookUrl: webhookUrl(ctx.services, c.id),
        webhookSecret: secret,
        ...(failed
          ? { warning: `${failed} service hook${failed === 1 ? "" : "s"} Groundwork created could not be given the new secret; create them again.` }
          : {}),
      };
    },
  }),
  route({
    method: "post",
    path: "/api/integrations/ado/service-hooks",
    summary: "Create the service-hook subscriptions for every linked project (needs a Project Collection Administrator's token)",
    tag: "Integrations",
    access: "owner",
    response: AdoServiceHooksResult,
    handler: async (_input, ctx) => {
      const c = await connectionOf(ctx);
      const url = webhookUrl(ctx.services, c.id);
      if (c.organization !== SANDBOX_ORG) assertDeliverable(url);
      if (!c.webhookSecretSealed)
        throw new ApiError(409, "webhook_secret_unknown", "Regenerate the webhook secret first; Groundwork will use the new one for the hooks");
      try {
        return await createServiceHooks(clientFor(ctx.services, c), c, url, ctx.services.secrets.open(c.webhookSecretSealed));
      } catch (err) {
        if (err instanceof AdoError) throw unreachable(err);
        throw err;
      }
    },
  }),
  route({
    method: "post",
    path: "/api/integrations/ado/sync",
    summary: "Fetch every linked pull request and work item of the organisation again now",
    tag: "Integrations",
    access: "owner",
    status: 202,
    response: AdoSyncResult,
    handler: async (_input, ctx) => ({ queued: await queueSync(ctx.services, await connectionOf(ctx), true) }),
  }),
  route({
    method: "delete",
    path: "/api/integrations/ado",
    summary: "Disconnect: delete the credentials and stop all calls; linked items keep their last snapshot",
    tag: "Integrations",
    access: "owner",
    query: AdoDisconnectQuery,
    handler: async ({ query }, ctx) => {
      const c = await connectionOf(ctx);
      // Best effort: a token that no longer works must not keep an owner from disconnecting.
      if (query.deleteServiceHooks === "true") await deleteServiceHooks(clientFor(ctx.services, c), c);
      await c.destroy();
    },
  }),
];
