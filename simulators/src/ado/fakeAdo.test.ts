import { afterAll, beforeAll, expect, it } from "vitest";
import { adoHostsOf, adoThrottled, fakeAdo, type FakeAdoState } from "./fakeAdo.js";

/** The fake refuses what real Azure DevOps refuses, and reports requests that break the published contract. */
const PAT = "fake-ado-test-pat-".padEnd(52, "p");
const state: FakeAdoState = {
  organization: "fabrikam",
  pat: PAT,
  otherTokens: [{ pat: "project-only-".padEnd(52, "q"), scopes: ["vso.project"] }],
  user: { id: "u1", displayName: "Olivia", email: "olivia@fabrikam.com" },
  projects: ["Alpha", "Beta", "Gamma", "Delta", "Epsilon"].map((name, i) => ({ id: `p${i}`, name, repositories: [] })),
};
const ado = fakeAdo(state);
const basic = (pat: string) => ({ authorization: `Basic ${Buffer.from(`:${pat}`).toString("base64")}` });
const get = (path: string, pat = PAT) => fetch(`${adoHostsOf(ado).baseUrl}${path}`, { headers: basic(pat) });

beforeAll(() => ado.start());
afterAll(() => ado.stop());

it("refuses plain 7.1 on preview-only connectionData, as Azure DevOps does, and reports it", async () => {
  const res = await get("/fabrikam/_apis/connectionData?api-version=7.1");
  expect(res.status).toBe(400);
  expect(((await res.json()) as { typeKey: string }).typeKey).toBe("VssInvalidPreviewVersionException");
  const missing = await get("/fabrikam/_apis/projects");
  expect(((await missing.json()) as { typeKey: string }).typeKey).toBe("VssVersionNotSpecifiedException");
  expect(ado.takeViolations()).toEqual([expect.stringContaining("api-version must be 7.1-preview.1"), expect.stringContaining("api-version must be 7.1")]);
  expect((await get("/fabrikam/_apis/connectionData?api-version=7.1-preview.1")).status).toBe(200);
  expect((await get("/fabrikam/_apis/connectionData?api-version=7.1-preview")).status).toBe(200);
});

it("answers 404 to a route Azure DevOps does not have, and identities only on vssps", async () => {
  expect((await get("/fabrikam/_apis/nothing-here?api-version=7.1")).status).toBe(404);
  expect((await get("/fabrikam/_apis/identities?identityIds=u1&api-version=7.1")).status).toBe(404);
  expect(ado.takeViolations()).toHaveLength(2);
  const ok = await fetch(`${adoHostsOf(ado).identityUrl}/fabrikam/_apis/identities?identityIds=u1&api-version=7.1`, { headers: basic(PAT) });
  expect(ok.status).toBe(200);
});

it("refuses a PAT without the operation's scope with TF400813, which is no violation", async () => {
  const res = await fetch(`${adoHostsOf(ado).identityUrl}/fabrikam/_apis/identities?identityIds=u1&api-version=7.1`, {
    headers: basic("project-only-".padEnd(52, "q")),
  });
  expect(res.status).toBe(401);
  expect(((await res.json()) as { message: string }).message).toContain("TF400813");
  expect(ado.takeViolations()).toEqual([]);
});

it("refuses a body without a required field", async () => {
  const res = await fetch(`${ado.url}/fabrikam/_apis/hooks/subscriptions?api-version=7.1`, {
    method: "POST",
    headers: { ...basic(PAT), "content-type": "application/json" },
    body: JSON.stringify({ publisherId: "tfs", eventType: "git.pullrequest.created" }),
  });
  expect(res.status).toBe(400);
  expect(ado.takeViolations()).toEqual([expect.stringContaining("the body lacks consumerId")]);
});

it("pages projects with x-ms-continuationtoken, and throttles with the documented headers when told to", async () => {
  const first = await get("/fabrikam/_apis/projects?$top=100&api-version=7.1");
  expect(((await first.json()) as { value: unknown[] }).value).toHaveLength(2);
  const token = first.headers.get("x-ms-continuationtoken")!;
  const last = await get(`/fabrikam/_apis/projects?continuationToken=4&api-version=7.1`);
  expect(token).toBe("2");
  expect(last.headers.get("x-ms-continuationtoken")).toBeNull();
  expect(((await last.json()) as { value: { name: string }[] }).value.map((p) => p.name)).toEqual(["Epsilon"]);

  ado.fail({ respond: adoThrottled(7) });
  const throttled = await get("/fabrikam/_apis/projects?api-version=7.1");
  expect(throttled.status).toBe(429);
  expect(throttled.headers.get("retry-after")).toBe("7");
  expect(throttled.headers.get("x-ratelimit-remaining")).toBe("0");
  expect(((await throttled.json()) as { message: string }).message).toContain("TF400733");
});

it("warns as Azure DevOps documents near its rate limit: Reset when usage is back to 0, Retry-After on the 200 that spends the last, then 429", async () => {
  state.rateLimit = { requests: 10, windowMs: 60_000 };
  state.throttled = 0;
  try {
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push(await get("/fabrikam/_apis/projects?api-version=7.1"));
    const seconds = Date.now() / 1000;
    // No headers while most of the limit is left; from 80% used, the limit, what remains and Reset.
    expect(answers[6]!.headers.get("x-ratelimit-remaining")).toBeNull();
    expect(answers.slice(7, 10).map((a) => [a.status, a.headers.get("x-ratelimit-remaining")])).toEqual([
      [200, "2"],
      [200, "1"],
      [200, "0"],
    ]);
    // Usage is back to 0 a window after the newest call, not after the oldest.
    const reset = Number(answers[9]!.headers.get("x-ratelimit-reset"));
    expect(reset).toBeGreaterThanOrEqual(Math.floor(seconds + 59));
    expect(reset).toBeLessThanOrEqual(Math.ceil(seconds + 60));
    expect(answers[8]!.headers.get("retry-after")).toBeNull();
    expect(Number(answers[9]!.headers.get("retry-after"))).toBeGreaterThan(55);
    expect(answers[10]!.status).toBe(429);
    expect(state.throttled).toBe(1);
  } finally {
    delete state.rateLimit;
  }
});

it("lists a project's active pull requests unless asked for others, and answers WIQL as Azure DevOps parses it", async () => {
  state.projects[0]!.repositories = [{ id: "r1", name: "api" }];
  state.pullRequests = [
    { pullRequestId: 1, title: "Old", status: "completed", creationDate: "2026-01-01T00:00:00Z", repository: { id: "r1", name: "api" } },
    { pullRequestId: 2, title: "New", status: "active", creationDate: "2026-02-01T00:00:00Z", repository: { id: "r1", name: "api" } },
  ];
  const ids = async (path: string) => ((await (await get(path)).json()) as { value: { pullRequestId: number }[] }).value.map((p) => p.pullRequestId);
  expect(await ids("/fabrikam/Alpha/_apis/git/pullrequests?api-version=7.1")).toEqual([2]);
  expect(await ids("/fabrikam/Alpha/_apis/git/pullrequests?searchCriteria.status=all&$top=1&api-version=7.1")).toEqual([2]);
  expect(await ids("/fabrikam/Alpha/_apis/git/pullrequests?searchCriteria.status=all&$skip=1&api-version=7.1")).toEqual([1]);

  state.workItems = [
    { id: 7, fields: { "System.Title": "It's broken", "System.ChangedDate": "2026-02-01T00:00:00Z", "System.State": "New" } },
    { id: 8, fields: { "System.Title": "Also broken", "System.ChangedDate": "2026-03-01T00:00:00Z", "System.State": "Done" } },
  ];
  const wiql = (query: string) =>
    fetch(`${ado.url}/fabrikam/_apis/wit/wiql?$top=5&api-version=7.1`, {
      method: "POST",
      headers: { ...basic(PAT), "content-type": "application/json" },
      body: JSON.stringify({ query }),
    });
  const found = async (query: string) => ((await (await wiql(query)).json()) as { workItems: { id: number }[] }).workItems.map((w) => w.id);
  expect(await found("SELECT [System.Id] FROM WorkItems WHERE [System.Title] CONTAINS 'broken' ORDER BY [System.ChangedDate] DESC")).toEqual([8, 7]);
  expect(await found("SELECT [System.Id] FROM WorkItems WHERE [System.Title] CONTAINS 'it''s' OR [System.Id] = 8")).toEqual([7, 8]);
  expect(await found("SELECT [System.Id] FROM WorkItems WHERE [System.State] IN ('Done', 'Closed') AND ([System.Title] CONTAINS 'also')")).toEqual([8]);
  const broken = await wiql("SELECT [System.Id] FROM WorkItems WHERE [System.Title] CONTAINS 'it's'");
  expect(broken.status).toBe(400);
  expect(((await broken.json()) as { message: string }).message).toContain("TF51006");
  const items = await get("/fabrikam/_apis/wit/workitems?ids=8,99&fields=System.Title&errorPolicy=omit&api-version=7.1");
  expect(await items.json()).toEqual({ count: 2, value: [{ id: 8, fields: { "System.Title": "Also broken" } }, null] });
  expect((await get("/fabrikam/_apis/wit/workitems?ids=8,99&api-version=7.1")).status).toBe(404);
  expect(ado.takeViolations()).toEqual([]);
});
