import { SignJWT } from "jose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiClient, inviteMember, signUp, startTestApp } from "../../testing/testApp.js";
import { adoHostsOf, fakeAdo, type FakeAdoState } from "@groundwork/simulators/ado/fakeAdo";
import { originAllowed } from "./panel.js";

/** The extension's API as the PR panel and settings hub call it: app token, organisation hint, CORS. */
const SECRET = "extension-certificate-" + "c".repeat(40);
const PAT = "ado-pat-" + "e".repeat(44);
const CDN = "https://groundwork.gallerycdn.vsassets.io";
const REPO = { id: "4bc14d40-c903-45e2-872e-0462c7748079", name: "Fabrikam" };
const state: FakeAdoState = {
  organization: "fabrikam",
  pat: PAT,
  user: { id: "owner-identity", displayName: "Olivia", email: "olivia@fabrikam.com" },
  identities: [
    { id: "grace-identity", displayName: "Grace Hopper", email: "Grace@Fabrikam.com" },
    { id: "outsider-identity", displayName: "Not Invited", email: "nobody@fabrikam.com" },
    { id: "bea-identity", displayName: "Bea", email: "bea@elsewhere.com" },
    { id: "linked-identity", displayName: "Grace at home", email: "grace.hopper@home.example" },
  ],
  projects: [{ id: "6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c", name: "Fabrikam", repositories: [REPO] }],
};
const ado = fakeAdo(state);
let app: Awaited<ReturnType<typeof startTestApp>>;
let owner: ApiClient;

/** A token shaped like ADO's (nameid, tid, iss, aud, ~70 minutes); `claims` override any of them. */
const token = (claims: Record<string, unknown> = {}, key = SECRET) =>
  new SignJWT({
    nameid: "grace-identity",
    tid: "tenant",
    iss: "app.vstoken.visualstudio.com",
    aud: "extension-audience",
    iat: Math.floor(Date.now() / 1000),
    exp: Math.floor(Date.now() / 1000) + 70 * 60,
    ...claims,
  })
    .setProtectedHeader({ alg: "HS256", typ: "JWT" })
    .sign(new TextEncoder().encode(key));

async function call(method: string, path: string, bearer: string | null, opts: { org?: string; body?: unknown; headers?: Record<string, string> } = {}) {
  const res = await fetch(`${app.url}/api/ext/ado${path}`, {
    method,
    headers: {
      ...(bearer ? { authorization: `Bearer ${bearer}` } : {}),
      "x-ado-organization": opts.org ?? "Fabrikam",
      ...(opts.body ? { "content-type": "application/json" } : {}),
      ...opts.headers,
    },
    body: opts.body ? JSON.stringify(opts.body) : undefined,
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}
const panel = (bearer: string, org?: string, pullRequestId = 7) =>
  call("GET", `/pull-request?project=Fabrikam&repository=Fabrikam&pullRequestId=${pullRequestId}`, bearer, { org });
const prUrl = (pullRequestId: number) => `https://dev.azure.com/fabrikam/Fabrikam/_git/Fabrikam/pullrequest/${pullRequestId}`;

/** The owner's workspace connected to the organisation, with Grace a member: made by whichever test needs it first. */
let connection: Promise<{ grace: ApiClient; olivia: string }> | null = null;
const connected = () =>
  (connection ??= (async () => {
    expect((await owner.post("/api/integrations/ado", { orgUrl: "https://dev.azure.com/fabrikam", pat: PAT })).status).toBe(201);
    const grace = (await inviteMember(owner, "grace@fabrikam.com", "Grace Hopper")).client;
    const members = (await grace.get("/api/members")).body.items as { id: string; email: string }[];
    return { grace, olivia: members.find((m) => m.email === "olivia@fabrikam.com")!.id };
  })());

beforeAll(async () => {
  await ado.start();
  app = await startTestApp({
    adoBaseUrl: adoHostsOf(ado).baseUrl,
    adoIdentityUrl: adoHostsOf(ado).identityUrl,
    adoExtension: { secret: SECRET, audience: "extension-audience", origins: ["https://*.gallerycdn.vsassets.io"] },
  });
  owner = (await signUp(app.url, "Olivia", "olivia@fabrikam.com")).client;
});
afterAll(async () => {
  await app?.close();
  await ado.stop();
});

describe("app token", () => {
  it("refuses a missing, forged, unsigned, expired, not yet valid or wrongly addressed token", async () => {
    const noneHeader = Buffer.from(JSON.stringify({ alg: "none", typ: "JWT" })).toString("base64url");
    const noneBody = Buffer.from(JSON.stringify({ nameid: "grace-identity", iss: "app.vstoken.visualstudio.com", exp: 9999999999 })).toString("base64url");
    const attempts = {
      missing: null,
      forged: await token({}, "another-extensions-certificate-000000000000"),
      unsigned: `${noneHeader}.${noneBody}.`,
      expired: await token({ exp: Math.floor(Date.now() / 1000) - 3600 }),
      wrongAudience: await token({ aud: "another-extension" }),
      notYetValid: await token({ nbf: Math.floor(Date.now() / 1000) + 3600 }),
      noExpiry: await new SignJWT({ nameid: "grace-identity" })
        .setProtectedHeader({ alg: "HS256" })
        .setIssuer("app.vstoken.visualstudio.com")
        .setAudience("extension-audience")
        .sign(new TextEncoder().encode(SECRET)),
    };
    for (const [what, bearer] of Object.entries(attempts)) {
      const res = await call("GET", "/organization", bearer);
      expect(res.status, what).toBe(401);
      expect(res.body.error.code, what).toBe("invalid_app_token");
    }
  });

  it("does not pin claims Microsoft does not document, such as the issuer", async () => {
    const res = await call("GET", "/organization", await token({ iss: "another-issuer.visualstudio.com" }));
    expect(res.status).toBe(200);
  });

  it("ignores a session cookie: only the bearer token counts", async () => {
    const cookie = (owner as unknown as { cookie: string }).cookie;
    const res = await call("GET", "/organization", null, { headers: { cookie } });
    expect(res.status).toBe(401);
  });
});

describe("settings hub and panel", () => {
  it("reports a not-connected organisation, and the panel says so", async () => {
    const status = await call("GET", "/organization", await token(), { org: "Contoso" });
    expect(status.status).toBe(200);
    expect(status.body).toMatchObject({ organization: "contoso", connected: false, workspace: null });
    const res = await panel(await token(), "Contoso");
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("ado_org_not_connected");
  });

  it("reports a connected organisation with its service-hook health", async () => {
    await connected();
    const status = await call("GET", "/organization", await token());
    expect(status.body).toMatchObject({
      organization: "fabrikam",
      connected: true,
      status: "active",
      lastDeliveryAt: null,
      failedJobs: 0,
      serviceHooks: 0,
      workspace: { integrationsUrl: `${app.url}/integrations` },
    });
  });

  it("maps the token's user to a member by email, case-insensitively, and attaches and unlinks the PR", async () => {
    const { grace, olivia } = await connected();
    const feedbackId = (await grace.post("/api/feedback", { subjectId: olivia, body: "Great review on the payments PR" })).body.id;
    const bearer = await token();
    const before = await panel(bearer);
    expect(before.status).toBe(200);
    expect(before.body).toMatchObject({
      member: { name: "Grace Hopper" },
      links: [],
      pullRequestUrl: "https://dev.azure.com/fabrikam/Fabrikam/_git/Fabrikam/pullrequest/7",
    });
    expect(before.body).not.toHaveProperty("targets");
    // The panel finds targets by search, under its own prefix and authentication.
    const found = await call("GET", "/link-targets?q=payments", bearer);
    expect(found.body).toEqual({
      items: [{ type: "feedback", id: feedbackId, group: "Feedback", title: "About Olivia: Great review on the payments PR" }],
      nextCursor: null,
    });
    expect((await call("GET", "/link-targets?q=olivia", bearer)).body.items.map((t: { id: string }) => t.id)).toContain(feedbackId);
    expect((await call("GET", "/link-targets?q=nothing-like-it", bearer)).body.items).toEqual([]);

    const added = await call("POST", "/context-links", bearer, {
      body: { targetType: "feedback", targetId: feedbackId, url: before.body.pullRequestUrl, note: "from the PR page" },
    });
    expect(added.status).toBe(201);
    const after = await panel(bearer);
    expect(after.body.links).toHaveLength(1);
    expect(after.body.links[0]).toMatchObject({ targetType: "feedback", targetTitle: "Great review on the payments PR", note: "from the PR page" });
    // The same link shows in the workspace.
    expect((await grace.get("/api/feedback")).body.items.find((f: { id: string }) => f.id === feedbackId).links).toHaveLength(1);

    const removed = await call("DELETE", `/context-links/${added.body.id}`, bearer);
    expect(removed.status).toBe(204);
    expect((await panel(bearer)).body.links).toEqual([]);
  });

  it("refuses a user the organisation does not know, and names the email of a non-member", async () => {
    await connected();
    const stranger = await panel(await token({ nameid: "someone-from-another-org" }));
    expect(stranger.status).toBe(403);
    expect(stranger.body.error.code).toBe("not_in_organization");
    const outsider = await panel(await token({ nameid: "outsider-identity" }));
    expect(outsider.status).toBe(403);
    expect(outsider.body.error).toMatchObject({ code: "not_a_member" });
    expect(outsider.body.error.message).toContain("nobody@fabrikam.com");
  });

  it("lets a member link an Azure DevOps account whose email is not theirs", async () => {
    const { grace } = await connected();
    const outsider = await token({ nameid: "linked-identity" });
    const start = await call("POST", "/account-link", outsider);
    expect(start.status).toBe(200);
    expect(start.body.linkUrl).toMatch(new RegExp(`^${app.url}/link-account\\?code=`));
    const code = new URL(start.body.linkUrl).searchParams.get("code")!;

    const tampered = code.slice(0, -6) + (code.endsWith("AAAAAA") ? "BBBBBB" : "AAAAAA");
    expect((await grace.post("/api/account-links", { code: tampered })).body.error.code).toBe("invalid_link_code");
    const stale = app.services.secrets.seal(
      JSON.stringify({
        p: "account-link",
        host: "ado",
        scope: "fabrikam",
        scopeName: "fabrikam",
        userId: "linked-identity",
        account: null,
        x: Date.now() - 1,
      }),
    );
    expect((await grace.post("/api/account-links", { code: stale })).body.error.code).toBe("expired_link_code");
    const otherPurpose = app.services.secrets.seal(JSON.stringify({ host: "ado", scope: "fabrikam", userId: "linked-identity", x: Date.now() + 60_000 }));
    expect((await grace.post("/api/account-links", { code: otherPurpose })).status).toBe(400);

    const preview = await grace.post("/api/account-links/preview", { code });
    expect(preview.body).toMatchObject({ host: "ado", scope: "fabrikam", account: "grace.hopper@home.example", member: { name: "Grace Hopper" } });
    expect((await grace.post("/api/account-links", { code })).status).toBe(201);
    const now = await panel(outsider);
    expect(now.status).toBe(200);
    expect(now.body.member.name).toBe("Grace Hopper");
  });

  it("keeps one workspace's links out of another's reach", async () => {
    const { grace, olivia } = await connected();
    const feedbackId = (await grace.post("/api/feedback", { subjectId: olivia, body: "Thanks for the release notes" })).body.id;
    // A second workspace connects the same organisation; Bea is a member only there.
    const other = (await signUp(app.url, "Bea", "bea@elsewhere.com")).client;
    expect((await other.post("/api/integrations/ado", { orgUrl: "https://dev.azure.com/fabrikam", pat: PAT })).status).toBe(201);
    const link = await call("POST", "/context-links", await token(), {
      body: { targetType: "feedback", targetId: feedbackId, url: prUrl(9) },
    });
    expect(link.status).toBe(201);
    const bea = await token({ nameid: "bea-identity" });
    const theirs = await panel(bea, undefined, 9);
    expect(theirs.status).toBe(200);
    expect(theirs.body.member.name).toBe("Bea");
    expect(theirs.body.links).toEqual([]);
    expect((await call("DELETE", `/context-links/${link.body.id}`, bea)).status).toBe(404);
    const attach = await call("POST", "/context-links", bea, {
      body: { targetType: "feedback", targetId: feedbackId, url: prUrl(9) },
    });
    expect(attach.status).toBe(404);
    expect((await panel(await token(), undefined, 9)).body.links).toHaveLength(1);
  });
});

describe("a connection whose token cannot read identities", () => {
  it("names Identity (Read) in the tab and on the owner's Integrations page", async () => {
    await connected();
    // Confirming the tab's user reads vssps identities, which needs vso.identity; this PAT lost it.
    state.scopes = ["vso.code_write", "vso.work", "vso.project"];
    try {
      const res = await panel(await token({ nameid: "never-looked-up-identity" }));
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe("not_in_organization");
      expect(res.body.error.message).toContain("lacks the Identity (Read) scope");
      const overview = await owner.get("/api/integrations");
      expect(overview.body.ado.connection.lastError).toContain("Identity (Read)");
    } finally {
      state.scopes = undefined;
    }
  });
});

describe("cross-origin calls", () => {
  it("allows the extension's CDN origins with the bearer header and never credentials", async () => {
    const preflight = await fetch(`${app.url}/api/ext/ado/pull-request`, {
      method: "OPTIONS",
      headers: { origin: CDN, "access-control-request-method": "GET", "access-control-request-headers": "authorization,x-ado-organization" },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe(CDN);
    expect(preflight.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
    expect(preflight.headers.get("access-control-allow-credentials")).toBeNull();

    const evil = await fetch(`${app.url}/api/ext/ado/pull-request`, {
      method: "OPTIONS",
      headers: { origin: "https://evil.example.com", "access-control-request-method": "GET" },
    });
    expect(evil.headers.get("access-control-allow-origin")).toBeNull();
    // The workspace's own API stays same-origin only.
    const session = await fetch(`${app.url}/api/feedback`, { headers: { origin: CDN } });
    expect(session.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("matches one label for each *", () => {
    const patterns = ["https://*.gallerycdn.vsassets.io"];
    expect(originAllowed("https://ms-devlabs.gallerycdn.vsassets.io", patterns)).toBe(true);
    expect(originAllowed("https://a.b.gallerycdn.vsassets.io", patterns)).toBe(false);
    expect(originAllowed("http://x.gallerycdn.vsassets.io", patterns)).toBe(false);
    expect(originAllowed("https://x.gallerycdn.vsassets.io.evil.com", patterns)).toBe(false);
  });
});

describe("the PR panel's cost", () => {
  it("answers in a fixed number of queries whatever the number of links", async () => {
    await connected();
    const prUrl = "https://dev.azure.com/fabrikam/Fabrikam/_git/Fabrikam/pullrequest/8";
    const owners = await token({ nameid: "owner-identity" });
    // sequelize reads its logging option on every query; its types do not show `options`.
    const sql = app.services.storage.sequelize as unknown as { options: { logging: unknown } };
    const queriesForPanel = async () => {
      await call("GET", "/pull-request?project=Fabrikam&repository=Fabrikam&pullRequestId=8", owners); // warm the identity cache
      let n = 0;
      const logging = sql.options.logging;
      sql.options.logging = () => void n++;
      try {
        const res = await call("GET", "/pull-request?project=Fabrikam&repository=Fabrikam&pullRequestId=8", owners);
        expect(res.status).toBe(200);
        return { n, links: res.body.links.length as number };
      } finally {
        sql.options.logging = logging;
      }
    };
    const attach = async (count: number) => {
      for (let i = 0; i < count; i++) {
        const objective = (await owner.post("/api/objectives", { title: `Objective ${i}`, period: "2026-Q4" })).body;
        expect((await owner.post("/api/context-links", { targetType: "objective", targetId: objective.id, url: prUrl })).status).toBe(201);
      }
    };
    await attach(2);
    const few = await queriesForPanel();
    await attach(20);
    const many = await queriesForPanel();
    expect([few.links, many.links]).toEqual([2, 22]);
    expect(many.n).toBe(few.n);
  });
});
