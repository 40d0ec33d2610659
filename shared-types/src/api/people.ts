import { z } from "zod";
import { Email, Id, Password, Role, Text, Timestamp } from "./common.js";

/** Accounts, sessions, members and invites. */

export const SignupRequest = z.object({
  workspaceName: Text(120),
  name: Text(120),
  email: Email,
  password: Password,
});
export type SignupRequest = z.infer<typeof SignupRequest>;

export const LoginRequest = z.object({ email: Email, password: z.string().min(1).max(200) });

const EmailedToken = z.string().trim().min(20).max(2000);
export const VerifyEmailRequest = z.object({ token: EmailedToken });
export const PasswordResetRequest = z.object({ email: Email });
export const PasswordResetConfirm = z.object({ token: EmailedToken, password: Password });
export const PasswordResetLink = z.object({ resetUrl: z.string(), expiresAt: z.string() });
export type PasswordResetLink = z.infer<typeof PasswordResetLink>;
export type LoginRequest = z.infer<typeof LoginRequest>;

export const Workspace = z.object({ id: Id, name: z.string(), createdAt: Timestamp });
export type Workspace = z.infer<typeof Workspace>;

export const Member = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  role: Role,
  joinedAt: Timestamp,
});
export type Member = z.infer<typeof Member>;

export const Session = z.object({
  workspace: Workspace,
  member: Member,
  account: z.object({
    emailVerified: z.boolean(),
    mailEnabled: z.boolean().describe("Whether this Groundwork sends mail (verification and password-reset links)"),
  }),
  csrfToken: z.string().describe("Send back as the X-CSRF-Token header on every state-changing request"),
});
export type Session = z.infer<typeof Session>;

export const CreateInviteRequest = z.object({ email: Email, role: Role.default("member") });
export type CreateInviteRequest = z.infer<typeof CreateInviteRequest>;

export const Invite = z.object({
  id: Id,
  email: z.string(),
  role: Role,
  expiresAt: Timestamp,
  acceptedAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type Invite = z.infer<typeof Invite>;

export const CreatedInvite = Invite.extend({
  inviteUrl: z.string().describe("Shown once: the link to send to the invitee"),
});
export type CreatedInvite = z.infer<typeof CreatedInvite>;

export const InvitePreview = z.object({
  workspaceName: z.string(),
  email: z.string(),
  role: Role,
  accountExists: z.boolean().describe("The invited email has an account already: join by logging in to it"),
});
export type InvitePreview = z.infer<typeof InvitePreview>;

export const AcceptInviteRequest = z.object({
  token: z.string().min(10).max(200),
  name: Text(120).optional().describe("For a new account; an existing one keeps its name"),
  password: z.string().min(1).max(200).describe("A new account's password, or the existing account's"),
});
export type AcceptInviteRequest = z.infer<typeof AcceptInviteRequest>;

export const UpdateMemberRequest = z.object({ role: Role });
export type UpdateMemberRequest = z.infer<typeof UpdateMemberRequest>;
