import { Writable } from "node:stream";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createLogger, redactUrl } from "./log.js";
import { fakeAdo, sendServiceHook } from "@groundwork/simulators/ado/fakeAdo";
import { bindCodeOf, fakeHostsConfig } from "./testing/hostedApp.js";
import { BitbucketHostDriver, fakeBitbucket, signAsBitbucket } from "@groundwork/simulators/bitbucket/fakeBitbucket";
import { ApiClient, signUp, startTestApp } from "./testing/testApp.js";

/**
 * Every flow that hands out or takes a secret — passwords, invite tokens, PATs, webhook
 * secrets, Connect shared secrets and page JWTs, bind and account-link codes, access tokens —
 * run against one app logging at debug; no log line may hold any of them, and no response
 * after the one that created a secret may repeat it.
 */
const PAT = "secret-pat-".padEnd(52, "7");
const BB_TOKEN = "secret-bitbucket-token-0123456789";
const ADMIN = "{00000000-0000-4000-8000-00000000a0a0}";
const install = {
  clientKey: "{c0ffee00-0000-4000-8000-000000000001}",
  sharedSecret: "secret-shared-0123456789abcdef",
  principal: { uuid: "{c0ffee00-0000-4000-8000-0000000000ff}", username: "acme" },
};
const ado = fakeAdo({
  organization: "fabrikam",
  pat: PAT,
  user: { id: "u1", displayName: "Olivia", email: "olivia@example.com" },
  projects: [{ id: "p1", name: "Fabrikam", repositories: [{ id: "r1", name: "Fabrikam" }] }],
});
const bbState = {
  token: BB_TOKEN,
  appKey: "groundwork",
  user: { uuid: ADMIN, display_name: "Admin", account_id: "1" },
  repositories: [{ workspace: "acme", slug: "widgets", uuid: "{r}" }],
  workspaceMembers: [{ workspace: install.principal.uuid, uuid: ADMIN, permission: "owner" as const }],
};
const bitbucket = fakeBitbucket(bbState);
const logs: string[] = [];
let app: Awaited<ReturnType<typeof startTestApp>>;

beforeAll(async () => {
  await ado.start();
  await bitbucket.start();
  const sink = new Writable({
    write(chunk, _e, done) {
      logs.push(String(chunk));
      done();
    },
  });
  app = await startTestApp(fakeHostsConfig(ado, bitbucket), createLogger("debug", sink));
});
afterAll(async () => {
  await app?.close();
  await ado.stop();
  await bitbucket.stop();
});

it("redacts credentials in logged URLs, in paths and query strings", () => {
  expect(redactUrl("/invite/abc123?x=1")).toBe("/invite/[redacted]?x=1");
  expect(redactUrl("/api/invites/by-token/abc123")).toBe("/api/invites/by-token/[redacted]");
  expect(redactUrl("/bitbucket/configure?jwt=eyJ.x.y&lic=none")).toBe("/bitbucket/configure?jwt=[redacted]&lic=none");
  expect(redactUrl("/link-account?code=abc&%63ode=def")).toBe("/link-account?code=[redacted]&%63ode=[redacted]");
  expect(redactUrl("/api/objectives?period=2026-Q4")).toBe("/api/objectives?period=2026-Q4");
});

it("logs none of the secrets any flow handed out or took, and returns none after creating it", async () => {
  const secrets = new Set<string>([PAT, BB_TOKEN, install.sharedSecret]);
  const later: string[] = [];
  const password = "correct horse battery staple";
  secrets.add(password);
  const { client: owner } = await signUp(app.url, "Olivia", "olivia@example.com");
  const watch = (client: ApiClient) => {
    const request = client.request.bind(client);
    client.request = async (...args) => {
      const res = await request(...args);
      later.push(JSON.stringify(res.body));
      return res;
    };
    return client;
  };

  // Invites: the token is in the link, the by-token API path and the web page path.
  const invite = await owner.post("/api/invites", { email: "grace@example.com", role: "member" });
  const token = new URL(invite.body.inviteUrl).pathname.split("/").pop()!;
  secrets.add(token);
  await fetch(`${app.url}/api/invites/by-token/${token}`);
  await fetch(`${app.url}/invite/${token}`);
  const grace = new ApiClient(app.url);
  secrets.add("another long password");
  expect((await grace.post("/api/invites/accept", { token, name: "Grace", password: "another long password" })).status).toBe(201);
  await new ApiClient(app.url).post("/api/auth/login", { email: "olivia@example.com", password: "a wrong password entirely" });
  secrets.add("a wrong password entirely");

  // Azure DevOps: the PAT in, the webhook secret out once, then as a delivery's Basic password.
  watch(owner);
  const connected = await owner.post("/api/integrations/ado", { orgUrl: "https://dev.azure.com/fabrikam", pat: PAT });
  const webhookSecret = connected.body.webhook.webhookSecret as string;
  secrets.add(webhookSecret);
  later.length = 0;
  await sendServiceHook(connected.body.webhook.webhookUrl, { id: "e1", eventType: "git.pullrequest.created", resource: {} }, webhookSecret);
  await sendServiceHook(connected.body.webhook.webhookUrl, { id: "e2", eventType: "git.pullrequest.created", resource: {} }, "a-wrong-secret-value");

  // Bitbucket: an install's shared secret, the configure page's JWT and bind code, a panel's account-link code, an access token.
  await new BitbucketHostDriver(bbState, `${app.url}/bitbucket`).install(install);
  const pageJwt = signAsBitbucket(install.clientKey, install.sharedSecret, "GET", "/configure");
  secrets.add(pageJwt);
  const page = await (await fetch(`${app.url}/bitbucket/configure?jwt=${pageJwt}`)).text();
  const bindCode = bindCodeOf(page)!;
  secrets.add(bindCode);
  await fetch(`${app.url}/integrations/bitbucket/bind?code=${bindCode}`);
  expect((await owner.post("/api/integrations/bitbucket/bind", { code: bindCode })).status).toBe(201);
  const context = signAsBitbucket(install.clientKey, install.sharedSecret, "POST", "/ignored", {
    qsh: "context-qsh",
    sub: "{00000000-0000-4000-8000-0000000000b0}",
  });
  secrets.add(context);
  const linkUrl = (
    (await (await fetch(`${app.url}/bitbucket/api/account-link`, { method: "POST", headers: { authorization: `JWT ${context}` } })).json()) as {
      linkUrl: string;
    }
  ).linkUrl;
  const linkCode = new URL(linkUrl).searchParams.get("code")!;
  secrets.add(linkCode);
  await fetch(`${app.url}/link-account?code=${linkCode}`);
  expect((await owner.post("/api/account-links", { code: linkCode })).status).toBe(201);
  expect((await owner.post("/api/integrations/bitbucket/token/test", { workspace: "acme", token: BB_TOKEN })).status).toBe(200);
  await owner.get("/api/integrations");
  await owner.get("/api/invites");

  const logged = logs.join("");
  expect(logged.length).toBeGreaterThan(10_000);
  for (const secret of secrets) expect(logged, `a log line holds ${secret.slice(0, 12)}…`).not.toContain(secret);
  for (const secret of [PAT, BB_TOKEN, install.sharedSecret, webhookSecret, token, bindCode, linkCode])
    for (const body of later) expect(body).not.toContain(secret);
  // The logs do show the requests, with the credentials blanked.
  expect(logged).toContain("/invite/[redacted]");
  expect(logged).toContain("/bitbucket/configure?jwt=[redacted]");
  expect(logged).toContain("/link-account?code=[redacted]");
  // Webhook deliveries (outside pino-http, see http/deliveryLog.ts) still leave a line each: answered, and refused.
  const deliveries = logs.map((l) => JSON.parse(l) as { msg: string; level: number; delivery?: { url: string; statusCode: number } }).filter((l) => l.delivery);
  const adoPath = new URL(connected.body.webhook.webhookUrl).pathname;
  expect(deliveries).toContainEqual(
    expect.objectContaining({ msg: "webhook delivery answered", level: 30, delivery: expect.objectContaining({ url: adoPath, statusCode: 202 }) }),
  );
  expect(deliveries).toContainEqual(
    expect.objectContaining({ msg: "webhook delivery refused", level: 40, delivery: expect.objectContaining({ url: adoPath, statusCode: 401 }) }),
  );
});
