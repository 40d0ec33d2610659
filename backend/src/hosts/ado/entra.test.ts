import { QueryTypes } from "sequelize";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { adoHostsOf, entraAppOf, fakeAdo, type FakeAdoState } from "@groundwork/simulators/ado/fakeAdo";
import { hostSample } from "@groundwork/simulators/samples";
import { generate } from "selfsigned";
import { jobsSettled, until } from "../../testing/until.js";
import { signUp, startTestApp, type ApiClient } from "../../testing/testApp.js";
import type { AdoPullRequest } from "./client.js";
import { ENTRA_CALLBACK_PATH, type EntraTokens } from "./entra.js";
import { AdoEntraKeepAliveJob } from "./jobs.js";
import { AdoConnectionRow } from "./models.js";

/** Connecting Azure DevOps by signing in with Microsoft, end to end against the fake organisation and its Entra ID. */
const created = hostSample("ado", "git.pullrequest.created.json");
const USER_EMAIL = "fabrikamfiber4@hotmail.com";
const initialState = (): FakeAdoState => ({
  organization: "fabrikam",
  pat: "ado-pat-" + "e".repeat(44),
  user: { id: "54d125f7", displayName: "Jamal Hartnett", email: USER_EMAIL },
  projects: [{ id: created.resource.repository.project.id, name: "Fabrikam", repositories: [{ id: created.resource.repository.id, name: "Fabrikam" }] }],
  pullRequests: [structuredClone(created.resource) as AdoPullRequest],
  entra: {
    tenant: "72f988bf-0000-4000-8000-00000000e1d0",
    apps: [{ clientId: "0b1c2d3e-0000-4000-8000-0000000c11e7", clientSecret: "test-entra-secret-0123456789", redirectUris: [] }],
  },
});
const state: FakeAdoState = initialState();
const ado = fakeAdo(state);
let app: Awaited<ReturnType<typeof startTestApp>>;
let owner: ApiClient;
let n = 0;

beforeAll(async () => {
  await ado.start();
  app = await startTestApp({
    ...(({ baseUrl, identityUrl, profileUrl }) => ({ adoBaseUrl: baseUrl, adoIdentityUrl: identityUrl, adoProfileUrl: profileUrl }))(adoHostsOf(ado)),
    entra: entraAppOf(ado, state.entra!),
    worker: { enabled: true, concurrency: 2, maxAttempts: 2 },
  });
});
beforeEach(async () => {
  for (const key of Object.keys(state) as (keyof FakeAdoState)[]) delete state[key];
  Object.assign(state, initialState());
  state.entra!.apps[0]!.redirectUris.push(new URL(ENTRA_CALLBACK_PATH, app.url).toString());
  owner = (await signUp(app.url, "Olivia", `olivia-entra-${++n}@fabrikam.com`)).client;
});
afterAll(async () => {
  await app?.close();
  await ado.stop();
});

/** The browser's part: start, Microsoft's sign-in page, back to Groundwork's callback. Returns where Groundwork sent it. */
async function signIn(client: ApiClient, choose: { email?: string; decision?: "accept" | "cancel"; state?: (s: string) => string } = {}) {
  const start = await fetch(new URL("/api/integrations/ado/entra/start", app.url), {
    method: "POST",
    headers: { cookie: client.cookie, "x-csrf-token": client.csrfToken },
  });
  expect(start.status).toBe(200);
  const flowCookie = start.headers.get("set-cookie")!.split(";")[0]!;
  const authorizeUrl = new URL(((await start.json()) as { authorizeUrl: string }).authorizeUrl);
  expect(authorizeUrl.searchParams.get("code_challenge_method")).toBe("S256");
  expect(authorizeUrl.searchParams.get("scope")).toBe("499b84ac-1321-427f-aa17-267ca6975798/.default offline_access");
  const page = await (await fetch(authorizeUrl)).text();
  const form = new URLSearchParams(
    [...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m): [string, string] => [m[1]!, m[2]!.replace(/&amp;/g, "&")]),
  );
  form.set("email", choose.email ?? USER_EMAIL);
  form.set("decision", choose.decision ?? "accept");
  const consent = await fetch(new URL(/action="([^"]+)"/.exec(page)![1]!, authorizeUrl), {
    method: "POST",
    body: form,
    redirect: "manual",
  });
  const callback = new URL(consent.headers.get("location")!);
  if (choose.state) callback.searchParams.set("state", choose.state(callback.searchParams.get("state")!));
  const back = await fetch(callback, { headers: { cookie: `${client.cookie}; ${flowCookie}` }, redirect: "manual" });
  expect(back.status).toBe(303);
  return new URL(back.headers.get("location")!);
}

describe("connecting Azure DevOps by signing in with Microsoft", () => {
  it("lists the account's organisations, tests and connects one, and calls Azure DevOps with the Bearer token", async () => {
    expect((await owner.get("/api/integrations")).body.ado.signInWithMicrosoft).toBe(true);
    const back = await signIn(owner);
    expect(back.pathname).toBe("/integrations");
    const signInId = back.searchParams.get("adoSignIn")!;
    const pending = await owner.get(`/api/integrations/ado/entra/sign-ins/${signInId}`);
    expect(pending.status).toBe(200);
    expect(pending.body).toMatchObject({ account: USER_EMAIL, organizations: [{ name: "fabrikam", url: "https://dev.azure.com/fabrikam" }] });

    const tested = await owner.post("/api/integrations/ado/test", { orgUrl: "https://dev.azure.com/fabrikam", signInId });
    expect(tested.status).toBe(200);
    expect(tested.body).toMatchObject({ organization: "fabrikam", projects: [{ name: "Fabrikam" }] });
    ado.requests.length = 0;
    const connected = await owner.post("/api/integrations/ado", { orgUrl: "https://dev.azure.com/fabrikam", signInId });
    expect(connected.status).toBe(201);
    expect(connected.body.connection).toMatchObject({ credential: "entra", signedInAs: USER_EMAIL, status: "active" });
    expect(ado.requests.filter((r) => r.path.includes("/_apis/")).every((r) => r.headers.authorization?.startsWith("Bearer "))).toBe(true);

    // The tokens are sealed at rest and never leave the server; the sign-in is used up.
    const tokens = state.entra!.accessTokens!.map((t) => t.token).concat(state.entra!.refreshTokens!.map((t) => t.token));
    const [row] = await app.services.storage.sequelize.query<{ credential_sealed: string }>("SELECT credential_sealed FROM ado_connections", {
      type: QueryTypes.SELECT,
    });
    for (const token of tokens) {
      expect(row!.credential_sealed).not.toContain(token);
      expect(JSON.stringify([pending.body, tested.body, connected.body])).not.toContain(token);
    }
    expect((await owner.get(`/api/integrations/ado/entra/sign-ins/${signInId}`)).status).toBe(404);
    expect((await owner.post("/api/integrations/ado", { orgUrl: "https://dev.azure.com/fabrikam", signInId })).status).toBe(404);
  });

  it("renews the access token before it expires, and asks for a new sign-in when Microsoft refuses to renew", async () => {
    // Tokens that last four minutes are always within the five before expiry: every use renews.
    state.entra!.tokenLifetimeS = 240;
    const signInId = (await signIn(owner)).searchParams.get("adoSignIn")!;
    expect((await owner.post("/api/integrations/ado", { orgUrl: "https://dev.azure.com/fabrikam", signInId })).status).toBe(201);
    const objectiveId = (await owner.post("/api/objectives", { title: "Ship the ledger", period: "2026-Q4" })).body.id;
    const url = "https://dev.azure.com/fabrikam/Fabrikam/_git/Fabrikam/pullrequest/1";
    expect((await owner.post("/api/context-links", { targetType: "objective", targetId: objectiveId, url })).status).toBe(201);
    await until("PR metadata", async () => {
      const objective = (await owner.get("/api/objectives")).body.items.find((o: { id: string }) => o.id === objectiveId);
      return objective.links[0].item.metadataStatus === "fetched";
    });
    expect(state.entra!.issued!.refresh_token).toBeGreaterThan(0);
    const renewed = state.entra!.issued!.refresh_token;

    // Consent withdrawn: renewal is refused, and the connection says what to do.
    for (const r of state.entra!.refreshTokens!) r.revoked = true;
    for (const t of state.entra!.accessTokens!) t.expiresAt = 0;
    expect((await owner.post("/api/integrations/ado/sync")).status).toBe(202);
    await jobsSettled(app.services.storage.sequelize);
    const connection = (await owner.get("/api/integrations")).body.ado.connection;
    expect(connection.status).toBe("auth_failed");
    expect(connection.lastError).toContain("Microsoft refused (invalid_grant)");
    expect(connection.lastError).toContain("sign in with Microsoft again");
    expect(state.entra!.issued!.refresh_token).toBe(renewed);
  });

  it("renews a sign-in left unused for a week, so quiet repositories do not lose it when Entra lets an idle refresh token lapse", async () => {
    const signInId = (await signIn(owner)).searchParams.get("adoSignIn")!;
    const connectionId = (await owner.post("/api/integrations/ado", { orgUrl: "https://dev.azure.com/fabrikam", signInId })).body.connection.id;
    await jobsSettled(app.services.storage.sequelize);
    const row = (await AdoConnectionRow.findByPk(connectionId))!;
    const age = async (days: number) => {
      const tokens = JSON.parse(app.services.secrets.open(row.credentialSealed)) as EntraTokens;
      await row.update({ credentialSealed: app.services.secrets.seal(JSON.stringify({ ...tokens, expiresAt: Date.now() - days * 86400_000 })) });
    };
    const renewals = () => state.entra!.issued!.refresh_token;
    const keepAlive = async () => {
      await app.services.queue.enqueue(AdoEntraKeepAliveJob, {});
      await jobsSettled(app.services.storage.sequelize);
    };
    // Renewed two days ago: left alone.
    await age(2);
    await keepAlive();
    expect(renewals()).toBe(0);
    // Eight days: renewed, with a fresh refresh token and an access token good for the next hour.
    await age(8);
    await keepAlive();
    expect(renewals()).toBe(1);
    await row.reload();
    expect((JSON.parse(app.services.secrets.open(row.credentialSealed)) as EntraTokens).expiresAt).toBeGreaterThan(Date.now() + 30 * 60_000);
  });

  it("refuses a callback this browser did not start, and says so when the person cancels", async () => {
    const forged = await signIn(owner, { state: (s) => s.replace(/.$/, (c) => (c === "a" ? "b" : "a")) });
    expect(forged.searchParams.get("ado_error")).toBe("That sign-in was not started here; start again from Integrations.");
    expect(forged.searchParams.get("adoSignIn")).toBeNull();
    const cancelled = await signIn(owner, { decision: "cancel" });
    expect(cancelled.searchParams.get("ado_error")).toBe("You did not allow Groundwork to use Azure DevOps on your behalf.");
    // A code meant for one browser's start is useless in another's: the other has no matching cookie.
    const other = (await signUp(app.url, "Mallory", `mallory-entra-${n}@example.com`)).client;
    const signInId = (await signIn(owner)).searchParams.get("adoSignIn")!;
    expect((await other.get(`/api/integrations/ado/entra/sign-ins/${signInId}`)).status).toBe(404);
    expect((await other.post("/api/integrations/ado/test", { orgUrl: "https://dev.azure.com/fabrikam", signInId })).status).toBe(404);
  });

  it("explains an account that belongs to no organisation, and a request with both or neither credential", async () => {
    const signInId = (await signIn(owner, { email: "someone@elsewhere.example" })).searchParams.get("adoSignIn")!;
    expect((await owner.get(`/api/integrations/ado/entra/sign-ins/${signInId}`)).body.organizations).toEqual([]);
    const denied = await owner.post("/api/integrations/ado/test", { orgUrl: "https://dev.azure.com/fabrikam", signInId });
    expect(denied.status).toBe(422);
    expect(denied.body.error).toMatchObject({ code: "ado_auth_denied", field: "body.orgUrl" });
    const both = await owner.post("/api/integrations/ado/test", { orgUrl: "https://dev.azure.com/fabrikam", signInId, pat: "p".repeat(52) });
    expect(both.status).toBe(400);
    expect(both.body.error).toMatchObject({ field: "body.pat" });
    expect((await owner.post("/api/integrations/ado/test", { orgUrl: "https://dev.azure.com/fabrikam" })).status).toBe(400);
  });

  it("says plainly when the server has no app registration", async () => {
    const entra = app.services.config.entra;
    delete app.services.config.entra;
    try {
      expect((await owner.get("/api/integrations")).body.ado.signInWithMicrosoft).toBe(false);
      const res = await owner.post("/api/integrations/ado/entra/start");
      expect(res.status).toBe(409);
      expect(res.body.error.message).toContain("ENTRA_CLIENT_ID");
    } finally {
      app.services.config.entra = entra;
    }
  });
});

describe("an app registration with a certificate instead of a secret", () => {
  it("signs a client assertion the token endpoint checks against the uploaded certificate", async () => {
    const [pems, stranger] = await Promise.all([1, 2].map(() => generate([{ name: "commonName", value: "groundwork" }], { keySize: 2048 })));
    const app_ = state.entra!.apps[0]!;
    app_.certificatePem = pems!.cert;
    delete app_.clientSecret;
    const configured = app.services.config.entra!;
    const withKey = (privateKeyPem: string) => ({ ...configured, credential: { certificate: { privateKeyPem, certificatePem: pems!.cert } } });
    try {
      app.services.config.entra = withKey(pems!.private);
      const signInId = (await signIn(owner)).searchParams.get("adoSignIn");
      expect(signInId).toBeTruthy();
      const redeemed = ado.requests.filter((r) => r.path.endsWith("/oauth2/v2.0/token")).at(-1)!;
      expect(new URLSearchParams(redeemed.body).get("client_assertion_type")).toBe("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
      expect(redeemed.headers.authorization).toBeUndefined();
      expect((await owner.post("/api/integrations/ado", { orgUrl: "https://dev.azure.com/fabrikam", signInId })).status).toBe(201);

      // Signed by a key the app registration does not hold: refused, and the owner is told.
      app.services.config.entra = withKey(stranger!.private);
      expect((await signIn(owner)).searchParams.get("ado_error")).toBe("Microsoft refused (invalid_client); start again.");
    } finally {
      app.services.config.entra = configured;
    }
  });
});

describe("the fake Entra ID", () => {
  it("refuses a code redeemed without the PKCE verifier it was issued for, and a wrong client secret", async () => {
    const e = state.entra!;
    e.codes = [
      {
        code: "c1",
        clientId: e.apps[0]!.clientId,
        redirectUri: "https://x.example/cb",
        email: USER_EMAIL,
        scope: "499b84ac-1321-427f-aa17-267ca6975798/.default",
        challenge: "abc",
        method: "S256",
        expiresAt: Date.now() + 60_000,
        used: false,
      },
    ];
    const token = (secret: string, verifier: string) =>
      fetch(`${ado.url}/_entra/${e.tenant}/oauth2/v2.0/token`, {
        method: "POST",
        headers: { authorization: `Basic ${Buffer.from(`${e.apps[0]!.clientId}:${secret}`).toString("base64")}` },
        body: new URLSearchParams({ grant_type: "authorization_code", code: "c1", redirect_uri: "https://x.example/cb", code_verifier: verifier }),
      });
    const wrongSecret = await token("nope", "v");
    expect(wrongSecret.status).toBe(401);
    expect(((await wrongSecret.json()) as { error: string }).error).toBe("invalid_client");
    const wrongVerifier = await token(e.apps[0]!.clientSecret!, "not-the-verifier");
    expect(wrongVerifier.status).toBe(400);
    expect(((await wrongVerifier.json()) as { error_codes: number[] }).error_codes).toEqual([501481]);
  });
});
