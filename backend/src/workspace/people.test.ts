import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, inviteMember, signUp, startTestApp } from "../testing/testApp.js";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

describe("sign-up and log-in", () => {
  it("creates a workspace with its owner and logs them in with an HttpOnly cookie", async () => {
    const client = new ApiClient(app.url);
    const res = await client.post("/api/auth/signup", {
      workspaceName: "Platform team",
      name: "Ada",
      email: "Ada.Signup@Example.com",
      password: "correct horse battery staple",
    });
    expect(res.status).toBe(201);
    expect(res.body.member).toMatchObject({ role: "owner", email: "Ada.Signup@Example.com" });
    expect(res.headers.get("set-cookie")).toMatch(/gw_session=.*HttpOnly/i);
    expect(res.headers.get("set-cookie")).toMatch(/SameSite=Lax/i);
    expect((await client.get("/api/auth/session")).body.workspace.name).toBe("Platform team");
  });

  it("refuses a second account for the same email in another case", async () => {
    await signUp(app.url, "Ada", "Ada.Twice@Example.com");
    const res = await new ApiClient(app.url).post("/api/auth/signup", {
      workspaceName: "Another",
      name: "Ada",
      email: "ada.TWICE@example.com",
      password: "correct horse battery staple",
    });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: "email_taken", field: "body.email" });
  });

  it("answers bad input with a 400 that names the field, and creates nothing", async () => {
    const client = new ApiClient(app.url);
    const res = await client.post("/api/auth/signup", { workspaceName: "X", name: "Y", email: "nope", password: "short" });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "validation_failed", field: "body.email" });
    const login = await client.post("/api/auth/login", { email: "nope", password: "short" });
    expect(login.status).toBe(400);
  });

  it("answers malformed JSON with a clear 400", async () => {
    const res = await new ApiClient(app.url).request("POST", "/api/auth/login", "{not json", {
      "content-type": "application/json",
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalid_json");
  });

  it("logs in case-insensitively and refuses a wrong password", async () => {
    await signUp(app.url, "Lin", "lin@example.com");
    const ok = await new ApiClient(app.url).post("/api/auth/login", { email: "LIN@Example.COM", password: "correct horse battery staple" });
    expect(ok.status).toBe(200);
    const bad = await new ApiClient(app.url).post("/api/auth/login", { email: "lin@example.com", password: "wrong password" });
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe("invalid_credentials");
  });

  it("throttles an email after five failed log-ins, even with the right password", async () => {
    await signUp(app.url, "Throttled", "throttled@example.com");
    for (let i = 0; i < 5; i++) {
      const r = await new ApiClient(app.url).post("/api/auth/login", { email: "throttled@example.com", password: `wrong ${i}` });
      expect(r.status).toBe(401);
    }
    const blocked = await new ApiClient(app.url).post("/api/auth/login", {
      email: "throttled@example.com",
      password: "correct horse battery staple",
    });
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get("retry-after")).toBe("900");
  });

  it("ends the session on log-out", async () => {
    const { client } = await signUp(app.url);
    expect((await client.post("/api/auth/logout")).status).toBe(204);
    expect((await client.get("/api/auth/session")).status).toBe(401);
  });
});

describe("session security", () => {
  it("refuses unauthenticated calls with 401", async () => {
    const res = await new ApiClient(app.url).get("/api/members");
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("unauthenticated");
  });

  it("refuses a state change without the CSRF header, and with a wrong one", async () => {
    const { client, session } = await signUp(app.url);
    const token = client.csrfToken;
    client.csrfToken = "";
    expect((await client.post("/api/objectives", { title: "T", period: "2026-Q4" })).status).toBe(403);
    client.csrfToken = "x".repeat(token.length);
    const wrong = await client.post("/api/objectives", { title: "T", period: "2026-Q4" });
    expect(wrong.status).toBe(403);
    expect(wrong.body.error.code).toBe("csrf_failed");
    client.csrfToken = token;
    expect((await client.get(`/api/objectives?ownerId=${session.member.id}`)).body.items).toEqual([]);
  });

  it("ignores a forged session cookie", async () => {
    const res = await fetch(new URL("/api/members", app.url), { headers: { cookie: "gw_session=" + "A".repeat(43) } });
    expect(res.status).toBe(401);
  });
});

describe("members and invites", () => {
  it("lets an owner invite by link; the invitee joins, logs in and sees the team", async () => {
    const { client: owner } = await signUp(app.url, "Olga", "olga@example.com");
    const invite = await owner.post("/api/invites", { email: "New.Person@Example.com" });
    expect(invite.status).toBe(201);
    expect(invite.body.inviteUrl).toMatch(/\/invite\/[\w-]{40,}$/);
    const token = invite.body.inviteUrl.split("/").pop();

    const preview = await new ApiClient(app.url).get(`/api/invites/by-token/${token}`);
    expect(preview.body).toMatchObject({ workspaceName: "Olga's team", role: "member" });

    const joiner = new ApiClient(app.url);
    const accepted = await joiner.post("/api/invites/accept", { token, name: "New Person", password: "a good long password" });
    expect(accepted.status).toBe(201);
    expect(accepted.body.member.role).toBe("member");

    const again = await new ApiClient(app.url).post("/api/invites/accept", { token, name: "X", password: "a good long password" });
    expect(again.status).toBe(410);

    const members = await joiner.get("/api/members");
    expect(members.body.items.map((m: { email: string }) => m.email.toLowerCase()).sort()).toEqual(["new.person@example.com", "olga@example.com"]);
    const listed = await owner.get("/api/invites");
    expect(listed.body.items[0].acceptedAt).not.toBeNull();
    expect(JSON.stringify(listed.body)).not.toContain(token);
  });

  it("refuses inviting an existing member (any case) and members inviting at all", async () => {
    const { client: owner } = await signUp(app.url, "Pat", "pat@example.com");
    const { client: member } = await inviteMember(owner, "mo@example.com");
    const dup = await owner.post("/api/invites", { email: "MO@example.com" });
    expect(dup.status).toBe(409);
    const byMember = await member.post("/api/invites", { email: "someone@example.com" });
    expect(byMember.status).toBe(403);
  });

  it("keeps at least one owner and lets owners promote members", async () => {
    const { client: owner, session } = await signUp(app.url);
    const { session: m } = await inviteMember(owner, `promote-${Date.now()}@example.com`);
    const demoteSelf = await owner.patch(`/api/members/${session.member.id}`, { role: "member" });
    expect(demoteSelf.status).toBe(409);
    const promote = await owner.patch(`/api/members/${m.member.id}`, { role: "owner" });
    expect(promote.body.role).toBe("owner");
  });

  it("treats another workspace's member id as not found", async () => {
    const { client: a } = await signUp(app.url);
    const { session: b } = await signUp(app.url);
    const res = await a.patch(`/api/members/${b.member.id}`, { role: "owner" });
    expect(res.status).toBe(404);
    const bad = await a.patch(`/api/members/not-a-uuid`, { role: "owner" });
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe("params.id");
  });

  it("refuses an invite link that expired or was revoked", async () => {
    const { client: owner } = await signUp(app.url);
    const invite = await owner.post("/api/invites", { email: `revoked-${Date.now()}@example.com` });
    expect((await owner.delete(`/api/invites/${invite.body.id}`)).status).toBe(204);
    const token = invite.body.inviteUrl.split("/").pop();
    const res = await new ApiClient(app.url).post("/api/invites/accept", { token, name: "Late", password: "a good long password" });
    expect(res.status).toBe(410);
    expect(res.body.error.code).toBe("invite_unavailable");
  });
});
