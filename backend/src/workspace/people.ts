import { Op, UniqueConstraintError } from "sequelize";
import { z } from "zod";
import {
  AcceptInviteRequest,
  CreatedInvite,
  CreateInviteRequest,
  Invite,
  InvitePreview,
  LoginRequest,
  Member,
  Page,
  PageQuery,
  Password,
  Session,
  SignupRequest,
  UpdateMemberRequest,
} from "@groundwork/shared-types";
import { ApiError, conflict, fromZodError, notFound } from "../http/errors.js";
import { keysetPage, presentPage } from "../http/pages.js";
import { route, type MemberContext } from "../http/route.js";
import { endSession, startSession, type Auth } from "../http/session.js";
import { InviteRow, LoginFailureRow, MemberRow, UserRow, WorkspaceRow } from "../storage/models.js";
import { DUMMY_PASSWORD_HASH, hashPassword, newToken, normalizeEmail, sha256, verifyPassword } from "./secrets.js";
import { sendVerification } from "./accounts.js";

const LOGIN_FAILURE_LIMIT = 5;
const LOGIN_FAILURE_WINDOW_MS = 15 * 60_000;

export function toMember(m: MemberRow & { user?: UserRow }): Member {
  return {
    id: m.id,
    name: m.user?.name ?? "",
    email: m.user?.email ?? m.emailNormalized,
    role: m.role,
    joinedAt: m.createdAt.toISOString(),
  };
}

function toSession(auth: Pick<Auth, "member" | "workspace" | "csrfToken">, services: MemberContext["services"]): Session {
  return {
    workspace: { id: auth.workspace.id, name: auth.workspace.name, createdAt: auth.workspace.createdAt.toISOString() },
    member: toMember(auth.member),
    account: { emailVerified: Boolean(auth.member.user.emailVerifiedAt), mailEnabled: Boolean(services.mail) },
    csrfToken: auth.csrfToken,
  };
}

function toInvite(i: InviteRow): Invite {
  return {
    id: i.id,
    email: i.email,
    role: i.role,
    expiresAt: i.expiresAt.toISOString(),
    acceptedAt: i.acceptedAt?.toISOString() ?? null,
    createdAt: i.createdAt.toISOString(),
  };
}

/** A member of the caller's workspace, or 404: ids from other workspaces look like missing ones. */
export async function memberInWorkspace(ctx: MemberContext, memberId: string, field = "memberId") {
  const m = await MemberRow.findOne({
    where: { id: memberId, workspaceId: ctx.auth.workspace.id },
    include: [{ model: UserRow, as: "user" }],
  });
  if (!m) throw notFound("That member", field);
  return m as MemberRow & { user: UserRow };
}

async function sessionResponse(ctx: { res: MemberContext["res"]; services: MemberContext["services"] }, user: UserRow, member: MemberRow) {
  const workspace = (await WorkspaceRow.findByPk(member.workspaceId))!;
  const session = await startSession(ctx.res, ctx.services.config, user.id, member.id);
  return toSession({ member: Object.assign(member, { user }), workspace, csrfToken: session.csrfToken }, ctx.services);
}

function inviteTokenParam() {
  return { token: z.string().min(10).max(200) };
}

export const peopleRoutes = [
  route({
    method: "post",
    path: "/api/auth/signup",
    summary: "Create a workspace and its first owner, and log in",
    tag: "People",
    access: "public",
    body: SignupRequest,
    response: Session,
    status: 201,
    handler: async ({ body }, ctx) => {
      const emailNormalized = normalizeEmail(body.email);
      if (await UserRow.findOne({ where: { emailNormalized } }))
        throw conflict("email_taken", "An account with this email exists already; log in instead", "body.email");
      const passwordHash = await hashPassword(body.password);
      const { user, member } = await ctx.services.storage.sequelize.transaction(async (transaction) => {
        const workspace = await WorkspaceRow.create({ name: body.workspaceName }, { transaction });
        const user = await UserRow.create({ email: body.email, emailNormalized, name: body.name, passwordHash }, { transaction });
        const member = await MemberRow.create({ workspaceId: workspace.id, userId: user.id, emailNormalized, role: "owner" }, { transaction });
        return { user, member };
      });
      // Anyone can type any address: the account works at once, and its owner proves the address by mail.
      await sendVerification(ctx.services, user);
      return sessionResponse(ctx, user, member);
    },
  }),
  route({
    method: "post",
    path: "/api/auth/login",
    summary: "Log in with email and password",
    tag: "People",
    access: "public",
    body: LoginRequest,
    response: Session,
    handler: async ({ body }, ctx) => {
      const emailNormalized = normalizeEmail(body.email);
      const since = new Date(Date.now() - LOGIN_FAILURE_WINDOW_MS);
      // Count the attempt before checking the password, then count: the n-th attempt to commit
      // sees at least n, so concurrent guesses cannot all slip under the limit on either database.
      const attempt = await LoginFailureRow.create({ emailNormalized, ip: ctx.req.ip ?? "unknown" });
      const attempts = await LoginFailureRow.count({ where: { emailNormalized, createdAt: { [Op.gt]: since } } });
      if (attempts > LOGIN_FAILURE_LIMIT) {
        await attempt.destroy(); // a refused attempt does not extend the lock-out
        throw new ApiError(429, "too_many_attempts", "Too many failed log-ins for this email; try again in 15 minutes", "body.email", {
          "Retry-After": String(LOGIN_FAILURE_WINDOW_MS / 1000),
        });
      }
      const user = await UserRow.findOne({ where: { emailNormalized } });
      const ok = await verifyPassword(body.password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
      const member = user && ok ? await MemberRow.findOne({ where: { userId: user.id }, order: [["createdAt", "ASC"]] }) : null;
      // A failed attempt stays counted.
      if (!user || !ok || !member) throw new ApiError(401, "invalid_credentials", "That email and password do not match");
      await LoginFailureRow.destroy({ where: { emailNormalized } });
      return sessionResponse(ctx, user, member);
    },
  }),
  route({
    method: "post",
    path: "/api/auth/logout",
    summary: "End the current session",
    tag: "People",
    access: "member",
    handler: async (_input, ctx) => {
      await endSession(ctx.res, ctx.auth);
    },
  }),
  route({
    method: "get",
    path: "/api/auth/session",
    summary: "The current member, workspace and CSRF token",
    tag: "People",
    access: "member",
    response: Session,
    handler: async (_input, ctx) => toSession(ctx.auth, ctx.services),
  }),
  route({
    method: "get",
    path: "/api/members",
    summary: "Members of the workspace, in the order they joined",
    tag: "People",
    access: "member",
    query: PageQuery,
    response: Page(Member),
    handler: async ({ query }, ctx) => {
      const where = { workspaceId: ctx.auth.workspace.id };
      const options = { where, include: [{ model: UserRow, as: "user" }] };
      return presentPage(await keysetPage(MemberRow, options, { by: "createdAt", direction: "ASC" }, query), (rows) => rows.map(toMember));
    },
  }),
  route({
    method: "patch",
    path: "/api/members/:id",
    summary: "Change a member's role",
    tag: "People",
    access: "owner",
    body: UpdateMemberRequest,
    response: Member,
    handler: async ({ body, params }, ctx) => {
      const member = await memberInWorkspace(ctx, params.id, "params.id");
      if (member.role === "owner" && body.role === "member") {
        const owners = await MemberRow.count({ where: { workspaceId: ctx.auth.workspace.id, role: "owner" } });
        if (owners <= 1) throw conflict("last_owner", "A workspace needs at least one owner; make someone else owner first", "body.role");
      }
      await member.update({ role: body.role });
      return toMember(member);
    },
  }),
  route({
    method: "get",
    path: "/api/invites",
    summary: "Open and accepted invites, newest first",
    tag: "People",
    access: "owner",
    query: PageQuery,
    response: Page(Invite),
    handler: async ({ query }, ctx) => {
      const where = { workspaceId: ctx.auth.workspace.id };
      return presentPage(await keysetPage(InviteRow, { where }, { by: "createdAt", direction: "DESC" }, query), (rows) => rows.map(toInvite));
    },
  }),
  route({
    method: "post",
    path: "/api/invites",
    summary: "Invite someone by link; the link is returned once",
    tag: "People",
    access: "owner",
    body: CreateInviteRequest,
    response: CreatedInvite,
    status: 201,
    handler: async ({ body }, ctx) => {
      const emailNormalized = normalizeEmail(body.email);
      const existing = await MemberRow.findOne({ where: { workspaceId: ctx.auth.workspace.id, emailNormalized } });
      if (existing) throw conflict("already_member", "This person is already a member of the workspace", "body.email");
      const token = newToken();
      const invite = await InviteRow.create({
        workspaceId: ctx.auth.workspace.id,
        email: body.email,
        emailNormalized,
        role: body.role,
        tokenHash: sha256(token),
        invitedBy: ctx.auth.member.id,
        expiresAt: new Date(Date.now() + ctx.services.config.inviteTtlMs),
        acceptedAt: null,
      });
      const inviteUrl = new URL(`/invite/${token}`, ctx.services.config.publicUrl).toString();
      return { ...toInvite(invite), inviteUrl };
    },
  }),
  route({
    method: "delete",
    path: "/api/invites/:id",
    summary: "Revoke an invite",
    tag: "People",
    access: "owner",
    handler: async ({ params }, ctx) => {
      const n = await InviteRow.destroy({ where: { id: params.id, workspaceId: ctx.auth.workspace.id, acceptedAt: null } });
      if (!n) throw notFound("That open invite", "params.id");
    },
  }),
  route({
    method: "get",
    path: "/api/invites/by-token/:token",
    summary: "What an invite link is for, before accepting it",
    tag: "People",
    access: "public",
    params: inviteTokenParam(),
    response: InvitePreview,
    handler: async ({ params }) => {
      const invite = await openInvite(params.token);
      const workspace = (await WorkspaceRow.findByPk(invite.workspaceId))!;
      const accountExists = Boolean(await UserRow.findOne({ where: { emailNormalized: invite.emailNormalized } }));
      return { workspaceName: workspace.name, email: invite.email, role: invite.role, accountExists };
    },
  }),
  route({
    method: "post",
    path: "/api/invites/accept",
    summary: "Accept an invite: join the workspace, by logging in to the invited email's account or creating it, and log in",
    tag: "People",
    access: "public",
    body: AcceptInviteRequest,
    response: Session,
    status: 201,
    handler: async ({ body }, ctx) => {
      const invite = await openInvite(body.token, "body.token");
      let user = await UserRow.findOne({ where: { emailNormalized: invite.emailNormalized } });
      if (user && !(await verifyPassword(body.password, user.passwordHash)))
        throw new ApiError(
          401,
          "invalid_credentials",
          `${invite.email} has a Groundwork account already: log in with its password to join${ctx.services.mail ? ", or reset the password from the log-in page" : ""}`,
          "body.password",
        );
      if (!user) {
        const fresh = AcceptInviteRequest.required({ name: true }).extend({ password: Password }).safeParse(body);
        if (!fresh.success) throw fromZodError(fresh.error, "body");
      }
      const passwordHash = user ? user.passwordHash : await hashPassword(body.password);
      try {
        const member = await ctx.services.storage.sequelize.transaction(async (transaction) => {
          // The invite was sent to this address, so following it proves the address.
          user ??= await UserRow.create(
            { email: invite.email, emailNormalized: invite.emailNormalized, name: body.name!, passwordHash, emailVerifiedAt: new Date() },
            { transaction },
          );
          const claimed = await InviteRow.update({ acceptedAt: new Date() }, { where: { id: invite.id, acceptedAt: null }, transaction });
          if (claimed[0] !== 1) throw inviteGone("body.token");
          return MemberRow.create(
            { workspaceId: invite.workspaceId, userId: user.id, emailNormalized: invite.emailNormalized, role: invite.role },
            { transaction },
          );
        });
        return sessionResponse(ctx, user!, member);
      } catch (err) {
        if (err instanceof UniqueConstraintError) throw conflict("already_member", "You are already a member of this workspace");
        throw err;
      }
    },
  }),
];

const inviteGone = (field?: string) =>
  new ApiError(410, "invite_unavailable", "This invite link has expired, was revoked or was used already; ask for a new one", field);

async function openInvite(token: string, field = "params.token") {
  const invite = await InviteRow.findOne({ where: { tokenHash: sha256(token) } });
  if (!invite || invite.acceptedAt || invite.expiresAt.getTime() < Date.now()) throw inviteGone(field);
  return invite;
}
