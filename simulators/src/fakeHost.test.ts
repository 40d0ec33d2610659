import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { adoSignInPage, fakeAdo } from "./ado/fakeAdo.js";
import { fakeBitbucket } from "./bitbucket/fakeBitbucket.js";
import { failures, type FakeHost } from "./fakeHost.js";

const PAT = "x".repeat(52);
let ado: FakeHost;
let bitbucket: FakeHost;
const basic = (pat: string) => ({ authorization: `Basic ${Buffer.from(`:${pat}`).toString("base64")}` });

beforeAll(async () => {
  ado = await fakeAdo({
    organization: "contoso",
    pat: PAT,
    user: { id: "u-1", displayName: "Ada", email: "ada@contoso.com" },
    projects: [{ id: "p-1", name: "Fabrikam", repositories: [] }],
  }).start();
  bitbucket = await fakeBitbucket({
    token: "bb-token",
    user: { uuid: "{u}", display_name: "Ada", account_id: "a-1" },
    repositories: [{ workspace: "acme", slug: "widgets", uuid: "{r}" }],
  }).start();
});
afterAll(async () => {
  await ado?.stop();
  await bitbucket?.stop();
});

describe("fake Azure DevOps", () => {
  it("answers a good PAT with JSON and a bad one with the 203 sign-in page", async () => {
    const ok = await fetch(`${ado.url}/contoso/_apis/projects?api-version=7.1`, { headers: basic(PAT) });
    expect(ok.status).toBe(200);
    expect(((await ok.json()) as any).value[0].name).toBe("Fabrikam");
    const bad = await fetch(`${ado.url}/contoso/_apis/connectionData?api-version=7.1-preview.1`, { headers: basic("wrong") });
    expect(bad.status).toBe(203);
    expect(bad.headers.get("content-type")).toContain("text/html");
    expect(await bad.text()).toContain("Sign In");
    const unknownOrg = await fetch(`${ado.url}/nobody/_apis/projects?api-version=7.1`, { headers: basic(PAT) });
    expect(unknownOrg.status).toBe(404);
  });

  it("injects scripted failures once, then answers normally", async () => {
    ado.fail({ path: /projects/, respond: failures.rateLimited(7) }).fail({ path: /projects/, respond: adoSignInPage() });
    const limited = await fetch(`${ado.url}/contoso/_apis/projects?api-version=7.1`, { headers: basic(PAT) });
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("7");
    expect((await fetch(`${ado.url}/contoso/_apis/projects?api-version=7.1`, { headers: basic(PAT) })).status).toBe(203);
    expect((await fetch(`${ado.url}/contoso/_apis/projects?api-version=7.1`, { headers: basic(PAT) })).status).toBe(200);
  });

  it("delays a response when asked to be slow", async () => {
    ado.fail({ path: /connectionData/, delayMs: 300 });
    const started = Date.now();
    const res = await fetch(`${ado.url}/contoso/_apis/connectionData?api-version=7.1-preview.1`, { headers: basic(PAT) });
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
  });
});

describe("fake Bitbucket", () => {
  it("lists a workspace's repositories for a valid token and refuses others", async () => {
    const ok = await fetch(`${bitbucket.url}/2.0/repositories/acme`, { headers: { authorization: "Bearer bb-token" } });
    expect(((await ok.json()) as any).values[0].full_name).toBe("acme/widgets");
    const bad = await fetch(`${bitbucket.url}/2.0/user`, { headers: { authorization: "Bearer nope" } });
    expect(bad.status).toBe(401);
    bitbucket.fail({ respond: failures.serverError(502), times: 2 });
    expect((await fetch(`${bitbucket.url}/2.0/user`)).status).toBe(502);
    expect((await fetch(`${bitbucket.url}/2.0/user`)).status).toBe(502);
    expect(bitbucket.requests.at(-1)!.path).toBe("/2.0/user");
  });
});
