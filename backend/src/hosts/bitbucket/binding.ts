import { attachedItems } from "../../workspace/contextLinks.js";
import { startHistoryOnConnect } from "../../workspace/history.js";
import type { RequestHandler } from "express";
import { BitbucketBindPreview, BitbucketBindRequest, type BitbucketConfigureData, type BitbucketInstallation } from "@groundwork/shared-types";
import { Op } from "sequelize";
import { z } from "zod";
import { ApiError, notFound } from "../../http/errors.js";
import { route, type MemberContext } from "../../http/route.js";
import type { AppServices } from "../../http/services.js";
import { openClaim, sealClaim } from "../../storage/encryption.js";
import { BitbucketInstallationRow } from "./models.js";
import { BitbucketRefreshJob, enqueueBuildStatus } from "./jobs.js";
import { newToken } from "../../workspace/secrets.js";
import { BitbucketError } from "./client.js";
import { allJsHost, allowFraming, appPage, installationClient, installationName, verifiedInstallation } from "./installations.js";

const InstallationParams = { installationId: z.uuid() };

/**
 * Binding an installation to a Groundwork workspace: Bitbucket opens the app's configure page
 * with a page-load JWT (its qsh bound to that request, naming the user in `sub`); if Bitbucket
 * says that user administers the workspace, the page hands out a sealed code, valid 10 minutes
 * and once, that a logged-in Groundwork owner confirms. An installation bound to one Groundwork
 * workspace moves only after an owner there releases it. Until bound, events change nothing.
 */
const PURPOSE = "bitbucket-bind";
const CODE_TTL_MS = 10 * 60_000;

export function toBitbucketInstallation(i: BitbucketInstallationRow): BitbucketInstallation {
  return {
    id: i.id,
    app: i.kind,
    workspace: installationName(i),
    status: i.status,
    lastError: i.lastError,
    lastDeliveryAt: i.lastDeliveryAt?.toISOString() ?? null,
    installedAt: i.createdAt.toISOString(),
  };
}

/** Whether Bitbucket, asked as the app, says this user (a uuid to Connect, an account id to Forge) administers the installation's workspace. */
export async function administers(services: AppServices, installation: BitbucketInstallationRow, user: string) {
  const client = installationClient(services, installation);
  if (!client) return false;
  try {
    const who = installation.kind === "forge" ? { accountId: user } : { uuid: user };
    return (await client.workspacePermission(installation.principalUuid, who)) === "owner";
  } catch (err) {
    if (err instanceof BitbucketError)
      throw new ApiError(
        503,
        "bitbucket_unreachable",
        "Bitbucket could not confirm who administers this workspace right now; try again in a moment",
        undefined,
        {
          "Retry-After": "30",
        },
      );
    throw err;
  }
}

/** What a configure page shows an administrator: a link, good once for 10 minutes, that a Groundwork owner confirms. */
export async function bindLink(services: AppServices, installation: BitbucketInstallationRow, admin: string): Promise<BitbucketConfigureData> {
  const nonce = newToken(16);
  await installation.update({ bindNonce: nonce });
  const { code } = sealClaim(services.secrets, PURPOSE, { clientKey: installation.clientKey, nonce, admin }, CODE_TTL_MS);
  const bindUrl = new URL(`/integrations/bitbucket/bind?code=${code}`, services.config.publicUrl).toString();
  return { kind: "connect", workspace: installationName(installation), bound: Boolean(installation.workspaceId), bindUrl };
}

/**
 * GET /bitbucket/configure — the configure page Bitbucket shows in an iframe, signed for this very
 * request: the app's Atlaskit page, with what the server found written into it. The host's all.js
 * sizes the frame to its `ac-content` (developer.atlassian.com/cloud/bitbucket/about-the-javascript-api);
 * without it the frame stays 150 px tall and hides the Connect button.
 */
export function configurePage(services: AppServices): RequestHandler {
  return async (req, res, next) => {
    try {
      // Only the page-load token: a context token (context-qsh) is handed to anyone viewing a PR panel.
      const { installation, subject } = await verifiedInstallation(services, req, "request");
      const host = allJsHost(services, req, installation);
      allowFraming(services, res, host);
      const workspace = installationName(installation);
      if (!subject || !(await administers(services, installation, subject))) {
        res
          .status(403)
          .type("html")
          .send(appPage("configure", host, { kind: "admin_only", workspace } satisfies BitbucketConfigureData));
        return;
      }
      res
        .status(200)
        .type("html")
        .send(appPage("configure", host, await bindLink(services, installation, subject)));
    } catch (err) {
      next(err);
    }
  };
}

async function installationOf(ctx: MemberContext, code: string) {
  const claim = openClaim<{ clientKey?: unknown; nonce?: unknown; admin?: unknown }>(ctx.services.secrets, PURPOSE, code);
  if (claim === "expired")
    throw new ApiError(400, "expired_bind_code", "This link has expired: open the Groundwork configure page in Bitbucket again", "body.code");
  if (claim === "invalid" || typeof claim.clientKey !== "string" || typeof claim.nonce !== "string" || typeof claim.admin !== "string")
    throw new ApiError(400, "invalid_bind_code", "This link is not valid: open the Groundwork configure page in Bitbucket again", "body.code");
  const installation = await BitbucketInstallationRow.findOne({ where: { clientKey: claim.clientKey } });
  if (!installation || installation.status === "uninstalled")
    throw new ApiError(409, "not_installed", "The Groundwork app is no longer installed in that Bitbucket workspace", "body.code");
  if (installation.bindNonce !== claim.nonce)
    throw new ApiError(
      400,
      "used_bind_code",
      "This link was already used, or a newer one replaced it: open the Groundwork configure page in Bitbucket again",
      "body.code",
    );
  if (installation.workspaceId && installation.workspaceId !== ctx.auth.workspace.id)
    throw new ApiError(
      409,
      "bound_elsewhere",
      `${installationName(installation)} is connected to another Groundwork workspace. An owner there must release it (Integrations → Bitbucket) before it can move here.`,
      "body.code",
    );
  return { installation, nonce: claim.nonce, admin: claim.admin };
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
      const { installation } = await installationOf(ctx, body.code);
      return { workspace: installationName(installation), alreadyBoundHere: installation.workspaceId === ctx.auth.workspace.id };
    },
  }),
  route({
    method: "post",
    path: "/api/integrations/bitbucket/bind",
    summary: "Connect a Bitbucket workspace where the app is installed to this Groundwork workspace (a configure-page link works once)",
    tag: "Integrations",
    access: "owner",
    body: BitbucketBindRequest,
    response: BitbucketBindPreview,
    status: 201,
    handler: async ({ body }, ctx) => {
      const { installation, nonce, admin } = await installationOf(ctx, body.code);
      // The administrator who opened the configure page may have lost the role since.
      if (!(await administers(ctx.services, installation, admin)))
        throw new ApiError(
          403,
          "not_workspace_admin",
          `Bitbucket no longer lists the person who opened this link as an administrator of ${installationName(installation)}`,
          "body.code",
        );
      // Spend the code: only the request that clears its nonce binds, whatever races it.
      const [bound] = await BitbucketInstallationRow.update(
        { workspaceId: ctx.auth.workspace.id, bindNonce: null },
        { where: { id: installation.id, bindNonce: nonce, [Op.or]: [{ workspaceId: null }, { workspaceId: ctx.auth.workspace.id }] } },
      );
      if (bound !== 1)
        throw new ApiError(400, "used_bind_code", "This link was already used: open the Groundwork configure page in Bitbucket again", "body.code");
      // PRs pasted before the connection get their metadata and build statuses now.
      const items = await attachedItems(ctx.auth.workspace.id, "bitbucket");
      for (const item of items) {
        if (item.metadataStatus !== "fetched")
          await ctx.services.queue.enqueue(BitbucketRefreshJob, { contextItemId: item.id }, { workspaceId: item.workspaceId });
        if (item.kind === "pull_request") await enqueueBuildStatus(ctx.services, item);
      }
      await startHistoryOnConnect(ctx.services, {
        workspaceId: ctx.auth.workspace.id,
        host: "bitbucket",
        connectionId: installation.id,
        createdBy: ctx.auth.member.id,
      });
      return { workspace: installationName(installation), alreadyBoundHere: true };
    },
  }),
  route({
    method: "delete",
    path: "/api/integrations/bitbucket/installations/:installationId",
    summary: "Release a Bitbucket workspace from this Groundwork workspace: its events stop counting here, and it may be connected elsewhere",
    tag: "Integrations",
    access: "owner",
    params: InstallationParams,
    handler: async ({ params }, ctx) => {
      const [released] = await BitbucketInstallationRow.update(
        { workspaceId: null, bindNonce: null },
        { where: { id: params.installationId, workspaceId: ctx.auth.workspace.id } },
      );
      if (released !== 1) throw notFound("A Bitbucket installation connected to this workspace");
    },
  }),
];
