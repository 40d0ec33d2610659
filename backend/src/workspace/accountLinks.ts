import { z } from "zod";
import { AccountLinkPreview, AccountLinkRequest, LinkedAccount, type HostName } from "@groundwork/shared-types";
import { ApiError, notFound } from "../http/errors.js";
import { route, type MemberContext } from "../http/route.js";
import type { AppServices } from "../http/services.js";
import { openClaim, sealClaim } from "../storage/encryption.js";
import { hostOf } from "../hosts/adapter.js";
import { IdentityLinkRow, MemberRow, UserRow } from "../storage/models.js";

/** A host identity as items' reviewer keys and members' keys spell it: an email, or an account on a host. */
export const identityKey = {
  email: (email: string) => `email:${email.toLowerCase()}`,
  account: (host: string, account: string) => `${host}:${account}`,
};

/**
 * Linking a host account to a member by hand: Bitbucket never tells us its users' emails, and
 * an Azure DevOps email may not be the one used here. A host panel that verified the user gets
 * a sealed, short-lived code naming them; the member opens it while logged in to Groundwork and
 * confirms. The panel then acts as that member.
 */
const PURPOSE = "account-link";
const CODE_TTL_MS = 15 * 60_000;

export interface AccountClaim {
  host: HostName;
  /** The ADO organisation, or the Bitbucket workspace uuid. */
  scope: string;
  /** Shown to the member: the organisation or workspace name. */
  scopeName: string;
  userId: string;
  /** Shown to the member: the account's email or name, when the host gave one. */
  account: string | null;
}

export function accountLinkUrl(services: AppServices, claim: AccountClaim) {
  const { code, expiresAt } = sealClaim(services.secrets, PURPOSE, claim, CODE_TTL_MS);
  return { linkUrl: new URL(`/link-account?code=${code}`, services.config.publicUrl).toString(), expiresAt: expiresAt.toISOString() };
}

/** The member a host account was linked to in a workspace, if any. */
export async function linkedMember(workspaceId: string, host: AccountClaim["host"], scope: string, externalUserId: string) {
  const link = await IdentityLinkRow.findOne({ where: { workspaceId, host, scope, externalUserId } });
  return link ? MemberRow.findOne({ where: { id: link.memberId, workspaceId }, include: [{ model: UserRow, as: "user" }] }) : null;
}

function openCode(ctx: MemberContext, code: string): AccountClaim {
  const claim = openClaim<AccountClaim>(ctx.services.secrets, PURPOSE, code);
  if (claim === "expired")
    throw new ApiError(400, "expired_link_code", "This link has expired: start again from the Groundwork panel on the pull request", "body.code");
  if (claim === "invalid" || !hostOf(ctx.services, claim.host)?.accounts)
    throw new ApiError(400, "invalid_link_code", "This link is not valid: start again from the Groundwork panel on the pull request", "body.code");
  return claim;
}

/** The host must be connected to the caller's workspace, or the link could never be used. */
async function assertConnectedHere(ctx: MemberContext, claim: AccountClaim) {
  const host = hostOf(ctx.services, claim.host)!;
  if (!(await host.accounts!.connected(ctx.auth.workspace.id, claim.scope)))
    throw new ApiError(409, "host_not_connected", `${host.displayName} ${claim.scopeName} is not connected to this workspace`, "body.code");
}

const preview = (ctx: MemberContext, claim: AccountClaim) => ({
  host: claim.host,
  hostName: hostOf(ctx.services, claim.host)!.displayName,
  scope: claim.scopeName,
  account: claim.account,
  member: { id: ctx.auth.member.id, name: ctx.auth.member.user.name },
});

export const accountLinkRoutes = [
  route({
    method: "post",
    path: "/api/account-links/preview",
    summary: "Which host account a link code names, before the member confirms it",
    tag: "Integrations",
    access: "member",
    body: AccountLinkRequest,
    response: AccountLinkPreview,
    handler: async ({ body }, ctx) => {
      const claim = openCode(ctx, body.code);
      await assertConnectedHere(ctx, claim);
      return preview(ctx, claim);
    },
  }),
  route({
    method: "post",
    path: "/api/account-links",
    summary: "Link the host account a code names to the caller; that host's panel then acts as them",
    tag: "Integrations",
    access: "member",
    body: AccountLinkRequest,
    response: AccountLinkPreview,
    status: 201,
    handler: async ({ body }, ctx) => {
      const claim = openCode(ctx, body.code);
      await assertConnectedHere(ctx, claim);
      const where = { workspaceId: ctx.auth.workspace.id, host: claim.host, scope: claim.scope, externalUserId: claim.userId };
      await linkAccount(ctx, { ...where, accountName: claim.account });
      return preview(ctx, claim);
    },
  }),
  route({
    method: "get",
    path: "/api/account-links",
    summary: "The host accounts the caller linked to themselves",
    tag: "Integrations",
    access: "member",
    response: z.array(LinkedAccount),
    handler: async (_input, ctx) => {
      const links = await IdentityLinkRow.findAll({
        where: { workspaceId: ctx.auth.workspace.id, memberId: ctx.auth.member.id },
        order: [["createdAt", "ASC"]],
      });
      return links.map((l) => ({
        id: l.id,
        host: l.host,
        hostName: hostOf(ctx.services, l.host)?.displayName ?? l.host,
        account: l.accountName,
        linkedAt: l.createdAt.toISOString(),
      }));
    },
  }),
  route({
    method: "delete",
    path: "/api/account-links/:id",
    summary: "Unlink one of the caller's host accounts: their activity there no longer counts as theirs",
    tag: "Integrations",
    access: "member",
    handler: async ({ params }, ctx) => {
      const removed = await IdentityLinkRow.destroy({ where: { id: params.id, workspaceId: ctx.auth.workspace.id, memberId: ctx.auth.member.id } });
      if (!removed) throw notFound("That linked account", "params.id");
    },
  }),
];

/** Links a host account to the caller, taking it over from whoever had it (the host vouched it is theirs). */
export async function linkAccount(
  ctx: MemberContext,
  link: { workspaceId: string; host: HostName; scope: string; externalUserId: string; accountName: string | null },
) {
  const { accountName, ...where } = link;
  const existing = await IdentityLinkRow.findOne({ where });
  if (existing) return existing.update({ memberId: ctx.auth.member.id, accountName });
  return IdentityLinkRow.create({ ...where, accountName, memberId: ctx.auth.member.id });
}
