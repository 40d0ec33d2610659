import { afterAll, beforeAll, expect, it } from "vitest";
import { ApiClient, inviteMember, signUp, startTestApp } from "../testing/testApp.js";

/** Without SMTP (the embedded default): an owner hands a member a one-time reset link, as they would an invite. */
let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

it("lets an owner make a one-time reset link for a member, never for someone who belongs elsewhere too", async () => {
  const { client: owner, session } = await signUp(app.url, "Otto", "otto@example.com");
  expect(session.account).toEqual({ emailVerified: false, mailEnabled: false });
  expect((await new ApiClient(app.url).post("/api/auth/password-reset", { email: "otto@example.com" })).body.error.code).toBe("mail_not_configured");

  const { client: max } = await inviteMember(owner, "max@example.com", "Max");
  const members = (await owner.get("/api/members")).body.items as { id: string; email: string }[];
  const maxId = members.find((m) => m.email === "max@example.com")!.id;
  expect((await max.post(`/api/members/${maxId}/password-reset-link`)).status).toBe(403);
  const link = await owner.post(`/api/members/${maxId}/password-reset-link`);
  expect(link.status).toBe(201);
  const token = new URL(link.body.resetUrl).searchParams.get("token")!;
  expect((await new ApiClient(app.url).post("/api/auth/password-reset/confirm", { token, password: "max's new passphrase" })).status).toBe(204);
  expect((await max.get("/api/auth/session")).status).toBe(401);
  expect((await new ApiClient(app.url).post("/api/auth/login", { email: "max@example.com", password: "max's new passphrase" })).status).toBe(200);
  expect((await new ApiClient(app.url).post("/api/auth/password-reset/confirm", { token, password: "someone else's idea" })).body.error.code).toBe("link_used");

  // Otto also owns another workspace: Rita, an owner there who invites him, must not be able to take his account.
  const { client: rita } = await signUp(app.url, "Rita", "rita@example.com");
  const invite = await rita.post("/api/invites", { email: "otto@example.com", role: "member" });
  const inviteToken = new URL(invite.body.inviteUrl).pathname.split("/").pop()!;
  expect((await new ApiClient(app.url).post("/api/invites/accept", { token: inviteToken, password: "correct horse battery staple" })).status).toBe(201);
  const otto = ((await rita.get("/api/members")).body.items as { id: string; email: string }[]).find((m) => m.email === "otto@example.com")!;
  const refused = await rita.post(`/api/members/${otto.id}/password-reset-link`);
  expect(refused.status).toBe(409);
  expect(refused.body.error.code).toBe("member_elsewhere");
});
