import { createHash } from "node:crypto";
import { PasswordResetConfirm, PasswordResetLink, PasswordResetRequest, VerifyEmailRequest } from "@groundwork/shared-types";
import { ApiError, conflict, notFound } from "../http/errors.js";
import { route } from "../http/route.js";
import type { AppServices } from "../http/services.js";
import { openClaim, sealClaim } from "../storage/encryption.js";
import { LoginFailureRow, MemberRow, SessionRow, UserRow } from "../storage/models.js";
import { hashPassword, normalizeEmail } from "./secrets.js";

/**
 * Proving an email address and getting back into an account. Links are sealed claims: a
 * verification link names the account and the address it proves; a reset link names the account
 * and a fingerprint of its current password, so it works once and dies with any password change.
 */
const VERIFY = "verify-email";
const RESET = "password-reset";
const VERIFY_TTL_MS = 48 * 3600_000;
const RESET_TTL_MS = 3600_000;

const fingerprint = (passwordHash: string) => createHash("sha256").update(passwordHash).digest("base64url").slice(0, 22);

/** Mails a verification link for the account's address, when this Groundwork sends mail. */
export async function sendVerification(services: AppServices, user: UserRow) {
  if (!services.mail || user.emailVerifiedAt) return;
  const { code } = sealClaim(services.secrets, VERIFY, { u: user.id, e: user.emailNormalized }, VERIFY_TTL_MS);
  const link = new URL(`/verify-email?token=${encodeURIComponent(code)}`, services.config.publicUrl).toString();
  await services.mail.send({
    to: user.email,
    subject: "Confirm your email for Groundwork",
    text: `Hello ${user.name},\n\nConfirm that ${user.email} is yours by opening this link (it works for 48 hours):\n\n${link}\n\nIf you did not sign up for Groundwork, ignore this mail.`,
  });
}

function resetLink(services: AppServices, user: UserRow) {
  const { code, expiresAt } = sealClaim(services.secrets, RESET, { u: user.id, f: fingerprint(user.passwordHash) }, RESET_TTL_MS);
  return { resetUrl: new URL(`/reset-password?token=${encodeURIComponent(code)}`, services.config.publicUrl).toString(), expiresAt: expiresAt.toISOString() };
}

const badLink = (what: string, claim: "invalid" | "expired") =>
  new ApiError(
    400,
    claim === "expired" ? "link_expired" : "link_invalid",
    claim === "expired" ? `This ${what} link has expired; ask for a new one` : `This ${what} link is not valid; ask for a new one`,
    "body.token",
  );

/** The account a mailed link names, with the rest of its claim; refused if the link is not one of ours or has expired. */
async function linkedAccount<T extends object>(services: AppServices, purpose: string, token: string, what: string) {
  const claim = openClaim<T & { u?: unknown }>(services.secrets, purpose, token);
  if (claim === "invalid" || claim === "expired") throw badLink(what, claim);
  const user = typeof claim.u === "string" ? await UserRow.findByPk(claim.u) : null;
  return { claim, user };
}

export const accountRoutes = [
  route({
    method: "post",
    path: "/api/auth/verify-email",
    summary: "Confirm an account's email address with the link mailed to it",
    tag: "People",
    access: "public",
    body: VerifyEmailRequest,
    status: 204,
    handler: async ({ body }, ctx) => {
      const { claim, user } = await linkedAccount<{ e?: unknown }>(ctx.services, VERIFY, body.token, "confirmation");
      // A link for an address the account no longer has proves nothing.
      if (!user || user.emailNormalized !== claim.e) throw badLink("confirmation", "invalid");
      if (!user.emailVerifiedAt) await user.update({ emailVerifiedAt: new Date() });
    },
  }),
  route({
    method: "post",
    path: "/api/auth/verify-email/resend",
    summary: "Mail the confirmation link again",
    tag: "People",
    access: "member",
    status: 202,
    handler: async (_input, ctx) => {
      if (!ctx.services.mail) throw conflict("mail_not_configured", "This Groundwork does not send mail, so addresses are not confirmed");
      await sendVerification(ctx.services, ctx.auth.member.user);
      return { sent: !ctx.auth.member.user.emailVerifiedAt };
    },
  }),
  route({
    method: "post",
    path: "/api/auth/password-reset",
    summary: "Mail a one-time password reset link to an account's address (the answer is the same whether or not it exists)",
    tag: "People",
    access: "public",
    body: PasswordResetRequest,
    status: 202,
    handler: async ({ body }, ctx) => {
      if (!ctx.services.mail)
        throw conflict("mail_not_configured", "This Groundwork does not send mail: ask an owner of your workspace for a reset link (Members → Reset link)");
      const user = await UserRow.findOne({ where: { emailNormalized: normalizeEmail(body.email) } });
      if (user) {
        const { resetUrl } = resetLink(ctx.services, user);
        await ctx.services.mail.send({
          to: user.email,
          subject: "Reset your Groundwork password",
          text: `Hello ${user.name},\n\nSomeone asked to reset the password of the Groundwork account for ${user.email}. To choose a new one, open this link within an hour (it works once):\n\n${resetUrl}\n\nIf it was not you, ignore this mail: your password stays as it is.`,
        });
      }
      return { sent: true };
    },
  }),
  route({
    method: "post",
    path: "/api/auth/password-reset/confirm",
    summary: "Choose a new password with a reset link; every session of the account ends",
    tag: "People",
    access: "public",
    body: PasswordResetConfirm,
    status: 204,
    handler: async ({ body }, ctx) => {
      const { claim, user } = await linkedAccount<{ f?: unknown }>(ctx.services, RESET, body.token, "reset");
      if (!user || fingerprint(user.passwordHash) !== claim.f)
        throw new ApiError(400, "link_used", "This reset link was used already, or the password changed since; ask for a new one", "body.token");
      const passwordHash = await hashPassword(body.password);
      await ctx.services.storage.sequelize.transaction(async (transaction) => {
        // Only the request that still sees the old password spends the link.
        const [changed] = await UserRow.update(
          { passwordHash, emailVerifiedAt: user.emailVerifiedAt ?? (ctx.services.mail ? new Date() : null) },
          { where: { id: user.id, passwordHash: user.passwordHash }, transaction },
        );
        if (changed !== 1) throw new ApiError(400, "link_used", "This reset link was used already; ask for a new one", "body.token");
        await SessionRow.destroy({ where: { userId: user.id }, transaction });
        await LoginFailureRow.destroy({ where: { emailNormalized: user.emailNormalized }, transaction });
      });
    },
  }),
  route({
    method: "post",
    path: "/api/members/:id/password-reset-link",
    summary: "Make a one-time password reset link for a member, to hand over as you would an invite (when Groundwork sends no mail)",
    tag: "People",
    access: "owner",
    response: PasswordResetLink,
    status: 201,
    handler: async ({ params }, ctx) => {
      if (ctx.services.mail) throw conflict("mail_enabled", "Groundwork mails reset links: they use 'Forgot your password?' on the log-in page");
      const member = (await MemberRow.findOne({ where: { id: params.id, workspaceId: ctx.auth.workspace.id }, include: [{ model: UserRow, as: "user" }] })) as
        (MemberRow & { user: UserRow }) | null;
      if (!member) throw notFound("That member", "params.id");
      // An owner here must not be able to take over an account that also belongs to other workspaces.
      if ((await MemberRow.count({ where: { userId: member.userId } })) > 1)
        throw conflict("member_elsewhere", `${member.user.name} also belongs to another Groundwork workspace, so only they can reset their password`);
      return resetLink(ctx.services, member.user);
    },
  }),
];
