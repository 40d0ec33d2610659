import type { RequestHandler, Response } from "express";
import { Op } from "sequelize";
import type { Config } from "../config.js";
import { MemberRow, SessionRow, UserRow, WorkspaceRow } from "../storage/models.js";
import { constantTimeEqual, newToken, sha256 } from "../workspace/secrets.js";
import { ApiError } from "./errors.js";

export interface Auth {
  sessionId: string;
  csrfToken: string;
  member: MemberRow & { user: UserRow };
  workspace: WorkspaceRow;
}

declare module "express-serve-static-core" {
  interface Request {
    auth?: Auth | null;
  }
}

export const SESSION_COOKIE = "gw_session";
const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Resolves the session cookie to a member and enforces the CSRF header on state changes. */
export function sessionMiddleware(): RequestHandler {
  return async (req, _res, next) => {
    try {
      req.auth = null;
      const token = req.cookies?.[SESSION_COOKIE];
      if (typeof token !== "string" || token.length < 20) return next();
      const session = await SessionRow.findOne({
        where: { tokenHash: sha256(token), expiresAt: { [Op.gt]: new Date() } },
      });
      if (!session) return next();
      const member = await MemberRow.findByPk(session.memberId, { include: [{ model: UserRow, as: "user" }] });
      const workspace = member && (await WorkspaceRow.findByPk(member.workspaceId));
      if (!member || !workspace) return next();
      if (UNSAFE_METHODS.has(req.method)) {
        const header = req.get("x-csrf-token") ?? "";
        if (!constantTimeEqual(header, session.csrfToken))
          throw new ApiError(403, "csrf_failed", "Missing or wrong X-CSRF-Token header; reload the page and try again");
      }
      req.auth = { sessionId: session.id, csrfToken: session.csrfToken, member: member as Auth["member"], workspace };
      next();
    } catch (err) {
      next(err);
    }
  };
}

export async function startSession(res: Response, config: Config, userId: string, memberId: string) {
  const token = newToken();
  const session = await SessionRow.create({
    tokenHash: sha256(token),
    userId,
    memberId,
    csrfToken: newToken(24),
    expiresAt: new Date(Date.now() + config.sessionTtlMs),
  });
  res.cookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: "lax",
    secure: config.publicUrl.protocol === "https:",
    path: "/",
    maxAge: config.sessionTtlMs,
  });
  return session;
}

export async function endSession(res: Response, auth: Auth | null) {
  if (auth) await SessionRow.destroy({ where: { id: auth.sessionId } });
  res.clearCookie(SESSION_COOKIE, { path: "/" });
}
