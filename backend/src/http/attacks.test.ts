import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fakeAdo, sendServiceHook } from "@groundwork/simulators/ado/fakeAdo";
import { bindThroughConfigure, fakeHostsConfig } from "../testing/hostedApp.js";
import { BitbucketHostDriver, fakeBitbucket, lifecyclePayload, signAsBitbucket } from "@groundwork/simulators/bitbucket/fakeBitbucket";
import { ApiClient, inviteMember, signUp, startTestApp } from "../testing/testApp.js";

/**
 * Groundwork attacked from outside, as a hostile user of each host and of the web app would:
 * forged, expired, unsigned and misdirected credentials, another tenant's ids, replays and
 * member-only or owner-only actions by the wrong people. Every attempt must be refused; the
 * suite prints how many it tried and how many got through.
 */
const SECRET = "extension-certificate-".padEnd(60, "a");
const PAT = "attack-pat-".padEnd(52, "a");
const ADMIN = "{00000000-0000-4000-8000-00000000a0a0}";
const install = {
  clientKey: "{a77ac400-0000-4000-8000-000000000001}",
  sharedSecret: "attack-shared-secret-0123456789",
  principal: { uuid: "{a77ac400-0000-4000-8000-0000000000ff}", username: "acme" },
};
const other = {
  clientKey: "{a77ac400-0000-4000-8000-000000000002}",
  sharedSecret: "other-shared-secret-0123456789",
  principal: { uuid: "{a77ac400-0000-4000-8000-0000000000fe}", username: "globex" },
};
const ado = fakeAdo({
  organization: "fabrikam",
  pat: PAT,
  user: { id: "olivia-id", displayName: "Olivia", email: "olivia@example.com" },
  identities: [{ id: "mallory-id", displayName: "Mallory", email: "mallory@example.com" }],
  projects: [{ id: "p1", name: "Fabrikam", repositories: [{ id: "r1", name: "Fabrikam" }] }],
});
const bbState = {
  token: "attack-bitbucket-token-0123456789",
  user: { uuid: ADMIN, display_name: "Admin", account_id: "1" },
  repositories: [{ workspace: "acme", slug: "widgets", uuid: "{r}" }],
  workspaceMembers: [
    { workspace: install.principal.uuid, uuid: ADMIN, permission: "owner" as const },
    { workspace: other.principal.uuid, uuid: ADMIN, permission: "owner" as const },
  ],
};
const bitbucket = fakeBitbucket(bbState);

let app: Awaited<ReturnType<typeof startTestApp>>;
let owner: ApiClient;
let member: ApiClient;
let rival: ApiClient;
let hostDriver: BitbucketHostDriver;
const attempts: { name: string; status: number; through: boolean }[] = [];

/** One hostile request: it got through when the answer is not one of the refusals expected. */
async function attack(name: string, send: () => Promise<{ status: number }>, refusedWith: number[]) {
  const { status } = await send();
  attempts.push({ name, status, through: !refusedWith.includes(status) });
  return status;
}
const through = (prefix: string) => attempts.filter((a) => a.name.startsWith(prefix) && a.through).map((a) => `${a.name}: ${a.status}`);

const appToken = (claims: Record<string, unknown> = {}, key = SECRET, alg = "HS256") =>
  new SignJWT({ nameid: "olivia-id", exp: Math.floor(Date.now() / 1000) + 3600, ...claims }).setProtectedHeader({ alg }).sign(new TextEncoder().encode(key));
const unsigned = (claims: Record<string, unknown>) =>
  `${Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url")}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.`;

/** Olivia's workspace connects the organisation (before any test): the hooks' address and secret. */
let adoHook: { webhookUrl: string; webhookSecret: string };

beforeAll(async () => {
  await ado.start();
  await bitbucket.start();
  app = await startTestApp({
    ...fakeHostsConfig(ado, bitbucket),
    adoExtension: { secret: SECRET, audience: "groundwork-ext", origins: [] },
    worker: { enabled: true, concurrency: 2, maxAttempts: 3 },
  });
  owner = (await signUp(app.url, "Olivia", "olivia@example.com")).client;
  member = (await inviteMember(owner, "grace@example.com", "Grace")).client;
  rival = (await signUp(app.url, "Mallory", "mallory@example.com")).client;
  hostDriver = new BitbucketHostDriver(bbState, `${app.url}/bitbucket`);
  await hostDriver.install(install);
  await hostDriver.install(other);
  await bindThroughConfigure(app.url, owner, install);
  adoHook = (await owner.post("/api/integrations/ado", { orgUrl: "https://dev.azure.com/fabrikam", pat: PAT })).body.webhook;
});
afterAll(async () => {
  const got = attempts.filter((a) => a.through);
  console.log(
    `attack suite: ${attempts.length} hostile requests tried, ${got.length} got through${got.length ? `: ${got.map((a) => a.name).join(", ")}` : ""}`,
  );
  await app?.close();
  await ado.stop();
  await bitbucket.stop();
});

describe("Azure DevOps service hooks", () => {
  it("refuses forged, misdirected and replayed deliveries", async () => {
    const { webhookUrl, webhookSecret } = adoHook;
    const event = { id: "evt-1", eventType: "git.pullrequest.created", resource: {} };
    await attack(
      "ado-hook no auth",
      () => fetch(webhookUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(event) }),
      [401],
    );
    await attack("ado-hook wrong secret", () => sendServiceHook(webhookUrl, event, "guessed-secret"), [401]);
    await attack("ado-hook secret as user name", () => sendServiceHook(webhookUrl, event, "", webhookSecret), [401]);
    await attack("ado-hook secret truncated", () => sendServiceHook(webhookUrl, event, webhookSecret.slice(0, -1)), [401]);
    await attack(
      "ado-hook other connection id",
      () => sendServiceHook(webhookUrl.replace(/[0-9a-f-]{36}$/, "00000000-0000-4000-8000-000000000000"), event, webhookSecret),
      [401],
    );
    await attack("ado-hook not a uuid", () => sendServiceHook(webhookUrl.replace(/[0-9a-f-]{36}$/, "..%2F..%2Fapi"), event, webhookSecret), [401, 404]);
    expect((await sendServiceHook(webhookUrl, event, webhookSecret)).status).toBe(202);
    const replay = await sendServiceHook(webhookUrl, event, webhookSecret);
    attempts.push({ name: "ado-hook replay", status: replay.status, through: !((await replay.json()) as { duplicate?: boolean }).duplicate });
    expect(through("ado-hook")).toEqual([]);
  });
});

describe("Azure DevOps extension", () => {
  const call = async (token: string | null, path = "/organization", org = "fabrikam", init: RequestInit = {}) =>
    fetch(`${app.url}/api/ext/ado${path}`, {
      ...init,
      headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), "x-ado-organization": org, "content-type": "application/json", ...init.headers },
    });

  it("refuses forged, expired, unsigned and misaddressed app tokens, and other tenants' ids", async () => {
    await attack("ext no token", () => call(null), [401]);
    await attack("ext forged key", async () => call(await appToken({ aud: "groundwork-ext" }, "another-extension-certificate-000000000")), [401]);
    await attack("ext alg none", () => call(unsigned({ nameid: "olivia-id", aud: "groundwork-ext", exp: 9999999999 })), [401]);
    await attack("ext HS512", async () => call(await appToken({ aud: "groundwork-ext" }, SECRET, "HS512")), [401]);
    await attack("ext expired", async () => call(await appToken({ aud: "groundwork-ext", exp: Math.floor(Date.now() / 1000) - 600 })), [401]);
    await attack("ext not yet valid", async () => call(await appToken({ aud: "groundwork-ext", nbf: Math.floor(Date.now() / 1000) + 3600 })), [401]);
    await attack("ext wrong audience", async () => call(await appToken({ aud: "someone-else" })), [401]);
    await attack(
      "ext cookie only",
      () => call(null, "/organization", "fabrikam", { headers: { cookie: (owner as unknown as { cookie: string }).cookie } }),
      [401],
    );
    // Mallory is in the organisation but not in Olivia's workspace: the panel must not act for Olivia's workspace.
    const mallory = await appToken({ aud: "groundwork-ext", nameid: "mallory-id" });
    const feedback = (await owner.post("/api/feedback", { subjectId: (await member.get("/api/auth/session")).body.member.id, body: "Private note" })).body;
    await attack(
      "ext other tenant's target",
      () =>
        call(mallory, "/context-links", "fabrikam", {
          method: "POST",
          body: JSON.stringify({ targetType: "feedback", targetId: feedback.id, url: "https://dev.azure.com/fabrikam/Fabrikam/_git/Fabrikam/pullrequest/1" }),
        }),
      [403, 404],
    );
    await attack(
      "ext spoofed organisation",
      async () => call(await appToken({ aud: "groundwork-ext" }), "/pull-request?project=Fabrikam&repository=Fabrikam&pullRequestId=1", "contoso"),
      [409, 403],
    );
    expect(through("ext")).toEqual([]);
  });
});

describe("Bitbucket Connect", () => {
  const webhook = (token: string | null, body: unknown = { event: "pullrequest:created", data: {} }, requestId = `r-${Math.random()}`) =>
    fetch(`${app.url}/bitbucket/webhooks`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-event-key": "pullrequest:created",
        "x-request-uuid": requestId,
        ...(token ? { authorization: `JWT ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });

  it("refuses forged, expired, unsigned, wrong-qsh and other installations' tokens, and replays", async () => {
    const now = Math.floor(Date.now() / 1000);
    await attack("bb-hook no token", () => webhook(null), [401]);
    await attack("bb-hook wrong secret", () => webhook(signAsBitbucket(install.clientKey, "not-the-secret", "POST", "/webhooks")), [401]);
    await attack("bb-hook alg none", () => webhook(unsigned({ iss: install.clientKey, exp: now + 60, qsh: "x" })), [401]);
    await attack("bb-hook expired", () => webhook(signAsBitbucket(install.clientKey, install.sharedSecret, "POST", "/webhooks", { exp: now - 600 })), [401]);
    await attack("bb-hook wrong qsh", () => webhook(signAsBitbucket(install.clientKey, install.sharedSecret, "POST", "/installed")), [401]);
    await attack(
      "bb-hook context qsh",
      () => webhook(signAsBitbucket(install.clientKey, install.sharedSecret, "POST", "/webhooks", { qsh: "context-qsh" })),
      [401],
    );
    await attack("bb-hook other installation's secret", () => webhook(signAsBitbucket(install.clientKey, other.sharedSecret, "POST", "/webhooks")), [401]);
    await attack(
      "bb-hook unknown client",
      () => webhook(signAsBitbucket("{99999999-0000-4000-8000-000000000000}", install.sharedSecret, "POST", "/webhooks")),
      [401],
    );
    const good = signAsBitbucket(install.clientKey, install.sharedSecret, "POST", "/webhooks");
    expect((await webhook(good, undefined, "replayed-1")).status).toBe(202);
    const replay = await webhook(good, undefined, "replayed-1");
    attempts.push({ name: "bb-hook replay", status: replay.status, through: !((await replay.json()) as { duplicate?: boolean }).duplicate });

    await attack(
      "bb-lifecycle unsigned takeover",
      () =>
        fetch(`${app.url}/bitbucket/installed`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(lifecyclePayload("installed", { ...install, sharedSecret: "mine-now" })),
        }),
      [401],
    );
    await attack(
      "bb-lifecycle uninstall with another's secret",
      () =>
        fetch(`${app.url}/bitbucket/uninstalled`, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            authorization: `JWT ${signAsBitbucket(install.clientKey, other.sharedSecret, "POST", "/uninstalled")}`,
          },
          body: JSON.stringify(lifecyclePayload("uninstalled", install)),
        }),
      [401],
    );
    const context = (inst: typeof install, sub: string) => signAsBitbucket(inst.clientKey, inst.sharedSecret, "GET", "/ignored", { qsh: "context-qsh", sub });
    await attack("bb-configure context token", () => fetch(`${app.url}/bitbucket/configure?jwt=${context(install, ADMIN)}`), [401]);
    await attack(
      "bb-panel unlinked user",
      () =>
        fetch(`${app.url}/bitbucket/api/pull-request?repository=acme/widgets&pullrequest=1`, {
          headers: { authorization: `JWT ${context(install, "{00000000-0000-4000-8000-0000000000ee}")}` },
        }),
      [403],
    );
    await attack(
      "bb-panel unbound installation",
      () =>
        fetch(`${app.url}/bitbucket/api/pull-request?repository=acme/widgets&pullrequest=1`, { headers: { authorization: `JWT ${context(other, ADMIN)}` } }),
      [409],
    );
    expect(through("bb-")).toEqual([]);
  });
});

describe("the web session", () => {
  it("refuses missing or wrong CSRF tokens, other workspaces' ids and owner-only actions by members", async () => {
    const objective = (await owner.post("/api/objectives", { title: "Secret plan", period: "2026-Q4" })).body;
    const cookie = (owner as unknown as { cookie: string }).cookie;
    const raw = (method: string, path: string, headers: Record<string, string>, body?: unknown) =>
      fetch(`${app.url}${path}`, {
        method,
        headers: { "content-type": "application/json", cookie, ...headers },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    await attack("web no csrf", () => raw("PATCH", `/api/objectives/${objective.id}`, {}, { title: "Changed" }), [403]);
    await attack("web wrong csrf", () => raw("PATCH", `/api/objectives/${objective.id}`, { "x-csrf-token": "guessed" }, { title: "Changed" }), [403]);
    await attack("web forged cookie", () => fetch(`${app.url}/api/objectives`, { headers: { cookie: "gw_session=forged-session-value" } }), [401]);

    for (const [method, path, body] of [
      ["GET", `/api/objectives/${objective.id}`, undefined],
      ["PATCH", `/api/objectives/${objective.id}`, { title: "Mine now" }],
      ["DELETE", `/api/objectives/${objective.id}`, undefined],
      ["POST", `/api/objectives/${objective.id}/key-results`, { title: "Sneaky" }],
      ["POST", "/api/context-links", { targetType: "objective", targetId: objective.id, url: "https://bitbucket.org/acme/widgets/pull-requests/1" }],
    ] as const)
      await attack(`web rival ${method} ${path}`, () => rival.request(method, path, body), [404, 405]);

    for (const [method, path, body] of [
      ["POST", "/api/invites", { email: "new@example.com", role: "owner" }],
      ["GET", "/api/integrations", undefined],
      ["POST", "/api/integrations/ado/test", { orgUrl: "https://dev.azure.com/fabrikam", pat: PAT }],
      ["DELETE", "/api/integrations/ado", undefined],
      ["GET", "/api/jobs/dead", undefined],
    ] as const)
      await attack(`web member ${method} ${path}`, () => member.request(method, path, body), [403]);
    expect((await owner.get(`/api/objectives`)).body.items.find((o: { id: string }) => o.id === objective.id).title).toBe("Secret plan");
    expect(through("web")).toEqual([]);
  });
});
