import { randomBytes } from "node:crypto";
import { OAuth2Client, OAuth2RequestError } from "arctic";
import { BitbucketAccountLinkStart, BitbucketAccountLinkStatus, BitbucketOAuthCallback } from "@groundwork/shared-types";
import { ApiError } from "../../http/errors.js";
import { route, type MemberContext } from "../../http/route.js";
import type { AppServices } from "../../http/services.js";
import { openClaim, sealClaim } from "../../storage/encryption.js";
import { IdentityLinkRow } from "../../storage/models.js";
import { linkAccount } from "../../workspace/accountLinks.js";
import { BitbucketClient, BitbucketError } from "./client.js";
import { SANDBOX_WORKSPACE } from "./installations.js";
import { BitbucketInstallationRow, BitbucketTokenConnectionRow } from "./models.js";

/**
 * Linking a member's Bitbucket account on the access-token path, where no Connect panel can
 * vouch for them and Bitbucket shares no emails: the member signs in to Bitbucket through the
 * operator's OAuth consumer (developer.atlassian.com/cloud/bitbucket/oauth-2, authorization code
 * grant: /site/oauth2/authorize, then /site/oauth2/access_token with the consumer's key and
 * secret), Groundwork reads who they are and that they belong to the connected workspace, links
 * that account to them and forgets the token.
 */
const PURPOSE = "bitbucket-oauth";
const STATE_TTL_MS = 10 * 60_000;
export const OAUTH_CALLBACK_PATH = "/api/integrations/bitbucket/oauth/callback";
const PROFILE_PATH = "/profile";

interface Consumer {
  siteUrl: string;
  apiUrl: string;
  key: string;
  secret: string;
}
interface OAuthState {
  workspaceId: string;
  memberId: string;
  connectionId: string;
  nonce: string;
}

/** The sandbox's workspace signs in on the sandbox, with its consumer; every other one on bitbucket.org with the operator's. */
function consumerFor(services: AppServices, bitbucketWorkspace: string): Consumer | null {
  const { sandbox, bitbucket } = services.config;
  if (sandbox.bitbucketUrl && sandbox.bitbucketOAuth && bitbucketWorkspace.toLowerCase() === SANDBOX_WORKSPACE)
    return { siteUrl: sandbox.bitbucketUrl, apiUrl: sandbox.bitbucketUrl, ...sandbox.bitbucketOAuth };
  return bitbucket.oauth ? { siteUrl: bitbucket.siteUrl, apiUrl: bitbucket.apiUrl, ...bitbucket.oauth } : null;
}

const oauthClient = (services: AppServices, consumer: Consumer) =>
  new OAuth2Client(consumer.key, consumer.secret, new URL(OAUTH_CALLBACK_PATH, services.config.publicUrl).toString());

async function status(ctx: MemberContext) {
  const workspaceId = ctx.auth.workspace.id;
  const connection = await BitbucketTokenConnectionRow.findOne({ where: { workspaceId } });
  const link = connection?.workspaceUuid
    ? await IdentityLinkRow.findOne({ where: { workspaceId, memberId: ctx.auth.member.id, host: "bitbucket", scope: connection.workspaceUuid } })
    : null;
  let reason: string | null = null;
  if (!connection)
    reason = (await BitbucketInstallationRow.findOne({ where: { workspaceId, status: "active" } }))
      ? "This workspace reaches Bitbucket through the Groundwork app: link your account from the Groundwork panel on any pull request."
      : "Bitbucket is not connected to this workspace yet.";
  else if (!consumerFor(ctx.services, connection.bitbucketWorkspace))
    reason = "Signing in with Bitbucket is not set up on this Groundwork server (an operator sets BITBUCKET_OAUTH_KEY and BITBUCKET_OAUTH_SECRET).";
  return { connection, link, reason };
}

/** Back to the profile page, saying how it went. */
const backToProfile = (ctx: MemberContext, outcome: { linked: string } | { error: string }) => {
  const url = new URL(PROFILE_PATH, ctx.services.config.publicUrl);
  if ("linked" in outcome) url.searchParams.set("bitbucket", "linked");
  else url.searchParams.set("bitbucket_error", outcome.error);
  ctx.res.redirect(303, url.toString());
};

async function finish(ctx: MemberContext, query: BitbucketOAuthCallback): Promise<{ linked: string } | { error: string }> {
  if (query.error)
    return {
      error:
        query.error === "access_denied"
          ? "You did not allow Groundwork to read your Bitbucket account."
          : `Bitbucket refused: ${query.error_description ?? query.error}`,
    };
  const claim = query.state ? openClaim<OAuthState>(ctx.services.secrets, PURPOSE, query.state) : "invalid";
  if (claim === "expired") return { error: "That sign-in took too long; start again." };
  // Bound to the member who started it: a link someone else started never lands on this account.
  if (claim === "invalid" || claim.memberId !== ctx.auth.member.id || claim.workspaceId !== ctx.auth.workspace.id || !query.code)
    return { error: "That sign-in was not started here; start again from your profile." };
  const connection = await BitbucketTokenConnectionRow.findOne({ where: { id: claim.connectionId, workspaceId: claim.workspaceId } });
  const consumer = connection && consumerFor(ctx.services, connection.bitbucketWorkspace);
  if (!connection || !consumer) return { error: "Bitbucket is no longer connected to this workspace." };
  let token: string;
  try {
    token = (
      await oauthClient(ctx.services, consumer).validateAuthorizationCode(`${consumer.siteUrl}/site/oauth2/access_token`, query.code, null)
    ).accessToken();
  } catch (err) {
    ctx.log.warn({ err: err instanceof OAuth2RequestError ? err.code : (err as Error).message }, "a Bitbucket sign-in code was refused");
    return { error: "Bitbucket did not accept the sign-in; start again." };
  }
  const client = new BitbucketClient(consumer.apiUrl, { kind: "token", token });
  try {
    const [user, membership] = await Promise.all([client.currentUser(), client.workspaceMembership(connection.bitbucketWorkspace)]);
    if (!user.uuid) return { error: "Bitbucket did not say who you are; start again." };
    if (!membership) return { error: `Your Bitbucket account ${user.display_name ?? ""} is not a member of the ${connection.bitbucketWorkspace} workspace.` };
    const scope = connection.workspaceUuid ?? membership.workspace.uuid;
    // Comments on this connection are matched to members within the workspace's uuid.
    if (!connection.workspaceUuid) await connection.update({ workspaceUuid: scope });
    await linkAccount(ctx, { workspaceId: ctx.auth.workspace.id, host: "bitbucket", scope, externalUserId: user.uuid, accountName: user.display_name ?? null });
    return { linked: user.display_name ?? user.uuid };
  } catch (err) {
    if (!(err instanceof BitbucketError)) throw err;
    return { error: `Bitbucket could not tell us who you are (${err.message}); start again.` };
  }
}

export const bitbucketAccountLinkRoutes = [
  route({
    method: "get",
    path: "/api/integrations/bitbucket/account-link",
    summary: "Whether the caller can link their Bitbucket account by signing in to Bitbucket, and the account they linked",
    tag: "Integrations",
    access: "member",
    response: BitbucketAccountLinkStatus,
    handler: async (_input, ctx) => {
      const { connection, link, reason } = await status(ctx);
      return {
        workspace: connection?.bitbucketWorkspace ?? null,
        available: reason === null,
        reason,
        linked: link ? { id: link.id, account: link.accountName } : null,
      };
    },
  }),
  route({
    method: "post",
    path: "/api/integrations/bitbucket/account-link",
    summary: "Start linking the caller's Bitbucket account: where to send the browser to sign in to Bitbucket",
    tag: "Integrations",
    access: "member",
    response: BitbucketAccountLinkStart,
    handler: async (_input, ctx) => {
      const { connection, reason } = await status(ctx);
      if (!connection || reason) throw new ApiError(409, "bitbucket_sign_in_unavailable", reason ?? "Bitbucket is not connected to this workspace yet.");
      const consumer = consumerFor(ctx.services, connection.bitbucketWorkspace)!;
      const state: OAuthState = {
        workspaceId: ctx.auth.workspace.id,
        memberId: ctx.auth.member.id,
        connectionId: connection.id,
        nonce: randomBytes(8).toString("hex"),
      };
      const { code } = sealClaim(ctx.services.secrets, PURPOSE, state, STATE_TTL_MS);
      return { authorizeUrl: oauthClient(ctx.services, consumer).createAuthorizationURL(`${consumer.siteUrl}/site/oauth2/authorize`, code, []).toString() };
    },
  }),
  route({
    method: "get",
    path: OAUTH_CALLBACK_PATH,
    summary: "Where Bitbucket sends the browser back after sign-in (the OAuth consumer's callback URL): links the account, then shows the profile",
    tag: "Integrations",
    access: "member",
    query: BitbucketOAuthCallback,
    handler: async ({ query }, ctx) => backToProfile(ctx, await finish(ctx, query)),
  }),
];
