import type { RequestHandler } from "express";
import { BitbucketBindPreview, BitbucketBindRequest, type BitbucketInstallation } from "@groundwork/shared-types";
import { ApiError } from "../../http/errors.js";
import { route, type MemberContext } from "../../http/route.js";
import type { AppServices } from "../../http/services.js";
import { openClaim, sealClaim } from "../../storage/encryption.js";
import { BitbucketInstallationRow, ContextItemRow } from "../../storage/models.js";
import { enqueueBuildStatus } from "./jobs.js";
import { allowFraming, installationName, verifiedInstallation } from "./installations.js";
import { escapeHtml } from "../../http/html.js";

/**
 * Binding an installation to a Groundwork workspace: Bitbucket opens the app's configure page
 * (signed); it hands a sealed, short-lived code to Groundwork, where a workspace owner who is
 * logged in confirms. Until then, events are recorded but change nothing.
 */
const PURPOSE = "bitbucket-bind";
const CODE_TTL_MS = 30 * 60_000;

export function toBitbucketInstallation(i: BitbucketInstallationRow): BitbucketInstallation {
  return {
    id: i.id,
    workspace: installationName(i),
    status: i.status,
    lastError: i.lastError,
    lastDeliveryAt: i.lastDeliveryAt?.toISOString() ?? null,
    installedAt: i.createdAt.toISOString(),
  };
}

/** GET /bitbucket/configure — the configure page Bitbucket shows in an iframe, signed with the installation's JWT. */
export function configurePage(services: AppServices): RequestHandler {
  return async (req, res, next) => {
    try {
      const { installation } = await verifiedInstallation(services, req, "context");
      const { code } = sealClaim(services.secrets, PURPOSE, { clientKey: installation.clientKey }, CODE_TTL_MS);
      const bindUrl = new URL(`/integrations/bitbucket/bind?code=${code}`, services.config.publicUrl).toString();
      const bound = Boolean(installation.workspaceId);
      allowFraming(services, res);
      res
        .status(200)
        .type("html")
        .send(
          `<!doctype html><html><head><meta charset="utf-8"><title>Groundwork</title>
<style>body{font-family:-apple-system,"Segoe UI",Roboto,sans-serif;color:#172b4d;margin:16px}a.button{display:inline-block;background:#0052cc;color:#fff;padding:8px 12px;border-radius:3px;text-decoration:none}</style></head>
<body><h1>Groundwork</h1>
<p>${bound ? "This Bitbucket workspace is connected to a Groundwork workspace. To move it to another one, connect it again." : "One step left: connect this Bitbucket workspace to your Groundwork workspace."}</p>
<p>A Groundwork workspace owner opens the link below, logs in and confirms. Pull requests then show where they are attached, and get a Groundwork build status.</p>
<p><a class="button" href="${escapeHtml(bindUrl)}" target="_blank" rel="noopener">Connect ${escapeHtml(installationName(installation))} to Groundwork</a></p>
<p><small>The link works for 30 minutes.</small></p></body></html>`,
        );
    } catch (err) {
      next(err);
    }
  };
}

async function installationOf(ctx: MemberContext, code: string) {
  const claim = openClaim<{ clientKey?: unknown }>(ctx.services.secrets, PURPOSE, code);
  if (claim === "expired")
    throw new ApiError(400, "expired_bind_code", "This link has expired: open the Groundwork configure page in Bitbucket again", "body.code");
  if (claim === "invalid" || typeof claim.clientKey !== "string")
    throw new ApiError(400, "invalid_bind_code", "This link is not valid: open the Groundwork configure page in Bitbucket again", "body.code");
  const installation = await BitbucketInstallationRow.findOne({ where: { clientKey: claim.clientKey } });
  if (!installation || installation.status === "uninstalled")
    throw new ApiError(409, "not_installed", "The Groundwork app is no longer installed in that Bitbucket workspace", "body.code");
  return installation;
}

export const bitbucketBindingRoutes = [
  route({
    method: "post",
    path: "/api/integrations/bitbucket/bind/preview",
    summary: "Which Bitbucket workspace a configure-page link names, before an owner connects it",
    tag: "Integrations",
    access: "owner",
    body: BitbucketBindRequest,
    response: BitbucketBindPreview,
    handler: async ({ body }, ctx) => {
      const installation = await installationOf(ctx, body.code);
      return { workspace: installationName(installation), alreadyBoundHere: installation.workspaceId === ctx.auth.workspace.id };
    },
  }),
  route({
    method: "post",
    path: "/api/integrations/bitbucket/bind",
    summary: "Connect a Bitbucket workspace where the app is installed to this Groundwork workspace",
    tag: "Integrations",
    access: "owner",
    body: BitbucketBindRequest,
    response: BitbucketBindPreview,
    status: 201,
    handler: async ({ body }, ctx) => {
      const installation = await installationOf(ctx, body.code);
      await installation.update({ workspaceId: ctx.auth.workspace.id });
      // PRs pasted before the connection get their metadata and build statuses now.
      const items = await ContextItemRow.findAll({ where: { workspaceId: ctx.auth.workspace.id, host: "bitbucket" } });
      for (const item of items) {
        if (item.metadataStatus !== "fetched")
          await ctx.services.queue.enqueue("bitbucket.refresh", { contextItemId: item.id }, { workspaceId: item.workspaceId });
        if (item.kind === "pull_request") await enqueueBuildStatus(ctx.services, item);
      }
      return { workspace: installationName(installation), alreadyBoundHere: true };
    },
  }),
];
