import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startMailSandbox } from "@groundwork/simulators/mail";
import { ApiClient, inviteMember, signUp, startTestApp } from "../testing/testApp.js";
import { until } from "../testing/until.js";

/**
 * Email over real SMTP (a local catcher): confirming the address at sign-up, resetting a
 * password by emailed link, and getting back an address someone else signed up with.
 */
let mail: Awaited<ReturnType<typeof startMailSandbox>>;
let app: Awaited<ReturnType<typeof startTestApp>>;
const tokenIn = (link: string) => new URL(link).searchParams.get("token")!;
const mailedLink = (to: string, subject: RegExp) =>
  until(`mail to ${to}`, async () => {
    const found = [...mail.messages].reverse().find((m) => m.to.includes(to) && subject.test(m.subject));
    return found && /https?:\/\/\S+/.exec(found.text)![0];
  });

beforeAll(async () => {
  mail = await startMailSandbox();
  app = await startTestApp({ mail: { smtpUrl: mail.smtpUrl, from: "Groundwork <no-reply@groundwork.test>" } });
});
afterAll(async () => {
  await app?.close();
  await mail?.stop();
});

describe("with mail", () => {
  it("mails a confirmation link at sign-up that confirms the address once opened", async () => {
    const { client, session } = await signUp(app.url, "Vera", "vera@example.com");
    expect(session.account).toEqual({ emailVerified: false, mailEnabled: true });
    const link = await mailedLink("vera@example.com", /Confirm your email/);
    expect(link).toMatch(new RegExp(`^${app.url}/verify-email\\?token=`));
    expect((await new ApiClient(app.url).post("/api/auth/verify-email", { token: tokenIn(link) })).status).toBe(204);
    expect((await client.get("/api/auth/session")).body.account.emailVerified).toBe(true);
    expect((await new ApiClient(app.url).post("/api/auth/verify-email", { token: tokenIn(link).slice(0, -3) + "abc" })).body.error.code).toBe("link_invalid");
  });

  it("resets a password by an emailed link that works once, ending every session", async () => {
    const { client } = await signUp(app.url, "Rhea", "rhea@example.com");
    const asked = await new ApiClient(app.url).post("/api/auth/password-reset", { email: "RHEA@example.com" });
    expect(asked.status).toBe(202);
    const link = await mailedLink("rhea@example.com", /Reset your Groundwork password/);
    expect(link).toMatch(new RegExp(`^${app.url}/reset-password\\?token=`));
    const reset = await new ApiClient(app.url).post("/api/auth/password-reset/confirm", { token: tokenIn(link), password: "a brand new passphrase" });
    expect(reset.status).toBe(204);
    expect((await client.get("/api/auth/session")).status).toBe(401);
    expect((await new ApiClient(app.url).post("/api/auth/login", { email: "rhea@example.com", password: "correct horse battery staple" })).status).toBe(401);
    expect((await new ApiClient(app.url).post("/api/auth/login", { email: "rhea@example.com", password: "a brand new passphrase" })).status).toBe(200);
    const again = await new ApiClient(app.url).post("/api/auth/password-reset/confirm", { token: tokenIn(link), password: "yet another passphrase" });
    expect(again.body.error.code).toBe("link_used");
  });

  it("answers the same for an unknown address, and mails nothing", async () => {
    const before = mail.messages.length;
    const res = await new ApiClient(app.url).post("/api/auth/password-reset", { email: "nobody-here@example.com" });
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ sent: true });
    await new Promise((r) => setTimeout(r, 300));
    expect(mail.messages.length).toBe(before);
  });

  it("lets the address's owner take back an account someone else signed up with, and join by logging in", async () => {
    // Mallory signs up with Iris's address; Iris is invited later and is told she already has an account.
    await signUp(app.url, "Mallory", "iris@example.com");
    const { client: owner } = await signUp(app.url, "Olga", "olga@example.com");
    const invite = await owner.post("/api/invites", { email: "iris@example.com", role: "member" });
    const token = new URL(invite.body.inviteUrl).pathname.split("/").pop()!;
    expect((await new ApiClient(app.url).get(`/api/invites/by-token/${token}`)).body).toMatchObject({ accountExists: true });
    const stuck = await new ApiClient(app.url).post("/api/invites/accept", { token, password: "iris guesses something" });
    expect(stuck.status).toBe(401);
    expect(stuck.body.error.message).toContain("reset the password from the log-in page");
    // Iris reads her own mail: the reset link makes the account hers.
    await new ApiClient(app.url).post("/api/auth/password-reset", { email: "iris@example.com" });
    const link = await mailedLink("iris@example.com", /Reset your Groundwork password/);
    expect((await new ApiClient(app.url).post("/api/auth/password-reset/confirm", { token: tokenIn(link), password: "iris's own passphrase" })).status).toBe(
      204,
    );
    const joined = await new ApiClient(app.url).post("/api/invites/accept", { token, password: "iris's own passphrase" });
    expect(joined.status).toBe(201);
    expect(joined.body.workspace.name).toBe("Olga's team");
    expect(joined.body.account.emailVerified).toBe(true);
  });

  it("leaves reset links to the people themselves", async () => {
    const { client: owner } = await signUp(app.url, "Ophelia", "ophelia@example.com");
    await inviteMember(owner, "mel@example.com", "Mel");
    const mel = (await owner.get("/api/members")).body.items.find((m: { email: string }) => m.email === "mel@example.com");
    expect((await owner.post(`/api/members/${mel.id}/password-reset-link`)).body.error.code).toBe("mail_enabled");
  });
});
