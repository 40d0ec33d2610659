import { AdoAccountLinkPreview, AdoAccountLinkRequest } from "@groundwork/shared-types";
import { ApiError } from "../../http/errors.js";
import { route, type MemberContext } from "../../http/route.js";
import type { AppServices } from "../../http/services.js";
import { AdoConnectionRow, AdoIdentityLinkRow } from "../../storage/models.js";

/**
 * Linking an Azure DevOps account to a member by hand, for people whose ADO email is not the
 * one they use in Groundwork. The extension gets a sealed, short-lived code naming the ADO user
 * it verified; the member opens it while logged in to Groundwork and confirms.
 */
const PURPOSE = "ado-account-link";
const CODE_TTL_MS = 15 * 60_000;

interface LinkClaim {
  organization: string;
  userId: string;
  email: string | null;
}

export function accountLinkCode(services: AppServices, claim: LinkClaim) {
  const expiresAt = Date.now() + CODE_TTL_MS;
  return { code: services.secrets.seal(JSON.stringify({ p: PURPOSE, ...claim, x: expiresAt })), expiresAt: new Date(expiresAt).toISOString() };
}

function openCode(ctx: MemberContext, code: string): LinkClaim {
  let claim: (LinkClaim & { p?: string; x?: number }) | null = null;
  try {
    claim = JSON.parse(ctx.services.secrets.open(code));
  } catch {
    claim = null;
  }
  if (!claim || claim.p !== PURPOSE || typeof claim.x !== "number")
    throw new ApiError(400, "invalid_link_code", "This link is not valid: start again from the Groundwork tab in Azure DevOps", "body.code");
  if (claim.x < Date.now())
    throw new ApiError(400, "expired_link_code", "This link has expired: start again from the Groundwork tab in Azure DevOps", "body.code");
  return { organization: claim.organization, userId: claim.userId, email: claim.email };
}

async function connectedHere(ctx: MemberContext, organization: string) {
  const connection = await AdoConnectionRow.findOne({ where: { workspaceId: ctx.auth.workspace.id, organization } });
  if (!connection)
    throw new ApiError(409, "ado_org_not_connected", `The Azure DevOps organisation ${organization} is not connected to this workspace`, "body.code");
}

export const accountLinkRoutes = [
  route({
    method: "post",
    path: "/api/integrations/ado/account-links/preview",
    summary: "Which Azure DevOps account a link code names, before the member confirms it",
    tag: "Integrations",
    access: "member",
    body: AdoAccountLinkRequest,
    response: AdoAccountLinkPreview,
    handler: async ({ body }, ctx) => {
      const claim = openCode(ctx, body.code);
      await connectedHere(ctx, claim.organization);
      return { organization: claim.organization, email: claim.email, member: { id: ctx.auth.member.id, name: ctx.auth.member.user.name } };
    },
  }),
  route({
    method: "post",
    path: "/api/integrations/ado/account-links",
    summary: "Link the Azure DevOps account a code names to the caller; the Groundwork tab then acts as them",
    tag: "Integrations",
    access: "member",
    body: AdoAccountLinkRequest,
    response: AdoAccountLinkPreview,
    status: 201,
    handler: async ({ body }, ctx) => {
      const claim = openCode(ctx, body.code);
      await connectedHere(ctx, claim.organization);
      const where = { workspaceId: ctx.auth.workspace.id, organization: claim.organization, adoUserId: claim.userId };
      const existing = await AdoIdentityLinkRow.findOne({ where });
      if (existing) await existing.update({ memberId: ctx.auth.member.id });
      else await AdoIdentityLinkRow.create({ ...where, memberId: ctx.auth.member.id });
      return { organization: claim.organization, email: claim.email, member: { id: ctx.auth.member.id, name: ctx.auth.member.user.name } };
    },
  }),
];
