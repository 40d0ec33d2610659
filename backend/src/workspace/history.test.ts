import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { adoHostsOf, fakeAdo, type FakeAdoState } from "@groundwork/simulators/ado/fakeAdo";
import { fakeBitbucket, type FakeBitbucketState } from "@groundwork/simulators/bitbucket/fakeBitbucket";
import { adoDiscussion, adoHistory, bitbucketHistory, type HistoryPerson } from "@groundwork/simulators/history";
import { bitbucketPullRequestKey, bitbucketPullRequestKeyPrefix, type HistoryImport } from "@groundwork/shared-types";
import { ContextItemRow, ContextUpdateRow, IdentityLinkRow } from "../storage/models.js";
import { BitbucketTokenConnectionRow } from "../hosts/bitbucket/models.js";
import { ApiClient, inviteMember, signUp, startTestApp } from "../testing/testApp.js";
import { until } from "../testing/until.js";
import { adoPace } from "../hosts/ado/history.js";
import { bitbucketPullRequestSnapshot } from "../hosts/bitbucket/jobs.js";
import { importSnapshots, repositoryPullRequests } from "../hosts/snapshot.js";
import { createFetchedPullRequest } from "../testing/fetchedItems.js";

/**
 * History imports end to end against the fakes: connecting queues the followed repositories'
 * last six months; the import pages through them within the hosts' rate limits, and a member's
 * timeline then shows their work from before the connection.
 */
const people: HistoryPerson[] = [
  { name: "Grace Hopper", email: "grace-h@example.com", account: "{00000000-0000-4000-8000-0000000000a1}" },
  { name: "Alan Turing", email: "alan-h@example.com", account: "{00000000-0000-4000-8000-0000000000a2}" },
  { name: "Edsger Dijkstra", email: "edsger-h@example.com", account: "{00000000-0000-4000-8000-0000000000a3}" },
];
const repository = { id: "r-pay", name: "payments", project: { id: "p-1", name: "Fabrikam" } };
// 240 PRs over the last 300 days: those created in the last six months are imported, older ones only if they closed since.
const history = adoHistory({ count: 240, days: 300, authors: people }, repository);
const sixMonthsAgo = (() => {
  const d = new Date();
  return new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - 6, d.getUTCDate()));
})();
const expectedAdo = history.filter(
  (pr) => Date.parse(pr.creationDate!) >= sixMonthsAgo.getTime() || Date.parse(pr.closedDate ?? "0") >= sixMonthsAgo.getTime(),
);
// A second repository, with its reviews' comments and the work items its pull requests reference.
const ledger = { id: "r-ledger", name: "ledger", project: { id: "p-1", name: "Fabrikam" } };
const ledgerHistory = adoHistory({ count: 30, days: 60, authors: people, firstId: 9001 }, ledger);
const discussion = adoDiscussion(ledgerHistory, 7000);
const adoState: FakeAdoState = {
  organization: "fabrikam",
  pat: "history-pat-".padEnd(52, "h"),
  user: { id: "u1", displayName: "Olivia", email: "olivia-h@example.com" },
  projects: [
    {
      id: "p-1",
      name: "Fabrikam",
      repositories: [
        { id: "r-pay", name: "payments" },
        { id: "r-ledger", name: "ledger" },
      ],
    },
  ],
  pageSize: 25,
  pullRequests: [...history, ...ledgerHistory],
  pullRequestThreads: discussion.threads,
  pullRequestWorkItems: discussion.references,
  workItems: discussion.workItems,
};
const ado = fakeAdo(adoState);
const BB_TOKEN = "history-bitbucket-token-0123456789";
const bbState: FakeBitbucketState = {
  token: BB_TOKEN,
  user: { uuid: "{00000000-0000-4000-8000-00000000b0b0}", display_name: "Brad", account_id: "b" },
  repositories: [
    { workspace: "acme", slug: "widgets", uuid: "{r1}" },
    { workspace: "acme", slug: "gadgets", uuid: "{r2}" },
  ],
  pullRequests: [
    ...bitbucketHistory({ count: 130, days: 240, authors: people }, "acme/widgets").map((pr) => ({ workspace: "acme", slug: "widgets", pr })),
    // Each of gadgets' pull requests has a comment by Grace and one by Alan.
    ...bitbucketHistory({ count: 20, days: 100, authors: people }, "acme/gadgets").map((pr) => ({
      workspace: "acme",
      slug: "gadgets",
      pr,
      comments: [people[0]!, people[1]!].map((who, i) => ({
        id: pr.id * 10 + i,
        content: { raw: `${who.name.split(" ")[0]} on #${pr.id}` },
        user: { uuid: who.account, display_name: who.name },
        created_on: pr.updated_on,
        links: { html: { href: `https://bitbucket.org/acme/gadgets/pull-requests/${pr.id}/_/diff#comment-${pr.id * 10 + i}` } },
      })),
    })),
  ],
  maxPagelen: 50,
};
const bitbucket = fakeBitbucket(bbState);
let app: Awaited<ReturnType<typeof startTestApp>>;

beforeAll(async () => {
  await Promise.all([ado.start(), bitbucket.start()]);
  app = await startTestApp({
    adoBaseUrl: adoHostsOf(ado).baseUrl,
    adoIdentityUrl: adoHostsOf(ado).identityUrl,
    bitbucket: { apiUrl: bitbucket.url, siteUrl: bitbucket.url, allowedBaseUrls: ["https://bitbucket.org"], appKey: "groundwork", requestsPerHour: 360_000 },
    worker: { enabled: true, concurrency: 4, maxAttempts: 5 },
  });
});
afterAll(async () => {
  await app?.close();
  await Promise.all([ado.stop(), bitbucket.stop()]);
});

const importsOf = async (owner: ApiClient) => (await owner.get("/api/history-imports?limit=200")).body.items as HistoryImport[];
const settled = (owner: ApiClient, what: string) =>
  until(
    what,
    async () => {
      const all = await importsOf(owner);
      return all.length > 0 && all.every((i) => !["queued", "importing"].includes(i.status)) && all;
    },
    60_000,
  );

it("imports six months of an Azure DevOps repository on connecting, and members see their work from before it on their timeline", async () => {
  const { client: owner } = await signUp(app.url, "Olivia", "olivia-h@example.com");
  const { client: grace, session } = await inviteMember(owner, "grace-h@example.com", "Grace Hopper");
  const connected = await owner.post("/api/integrations/ado", { orgUrl: "https://dev.azure.com/fabrikam", pat: adoState.pat, repositoryIds: ["r-pay"] });
  expect(connected.status).toBe(201);

  const [done] = await settled(owner, "the Azure DevOps import");
  expect(done).toMatchObject({ host: "ado", repository: "Fabrikam/payments", status: "done", imported: expectedAdo.length, total: null, error: null });
  // Grace is a member; Alan and Edsger are not (yet).
  expect(done!.summary).toEqual({ authors: 3, matchedAuthors: 1 });
  expect(done!.requests).toBeGreaterThan(expectedAdo.length / 25);
  const workspaceId = (await owner.get("/api/auth/session")).body.workspace.id;
  expect(await ContextItemRow.count({ where: { workspaceId, host: "ado" } })).toBe(expectedAdo.length);

  // Her timeline: what she authored and reviewed over the last six months, each in the month the host dates it.
  const timeline = (await grace.get(`/api/members/${session.member.id}/timeline?period=month&periods=7`)).body;
  const authored = timeline.periods.flatMap((p: { entries: { kind: string; item: { title: string } }[] }) => p.entries.filter((e) => e.kind === "authored"));
  const mine = expectedAdo.filter((pr) => pr.createdBy?.uniqueName === "grace-h@example.com");
  expect(timeline.periods.reduce((n: number, p: { counts: { authored: number } }) => n + p.counts.authored, 0)).toBe(mine.length);
  expect(authored.map((e: { item: { title: string } }) => e.item.title)).toContain(mine[0]!.title);
  expect(timeline.periods.reduce((n: number, p: { counts: { reviewed: number } }) => n + p.counts.reviewed, 0)).toBeGreaterThan(0);

  // An author who joins later finds their imported work already there.
  const { client: alan, session: alanSession } = await inviteMember(owner, "alan-h@example.com", "Alan Turing");
  const alanTimeline = (await alan.get(`/api/members/${alanSession.member.id}/timeline?period=quarter&periods=3`)).body;
  expect(alanTimeline.periods.reduce((n: number, p: { counts: { authored: number } }) => n + p.counts.authored, 0)).toBe(
    expectedAdo.filter((pr) => pr.createdBy?.uniqueName === "alan-h@example.com").length,
  );

  // Their insights are drawn once the import is over.
  await until("the imported PRs' insights", async () => (await ContextItemRow.count({ where: { workspaceId, host: "ado", insight: null } })) === 0, 60_000);

  // Attached, an imported PR (listed without its files and commits) is read in full.
  const imported = await ContextItemRow.findOne({ where: { workspaceId, host: "ado" } });
  expect(imported!.changes).toBeNull();
  const objective = (await owner.post("/api/objectives", { title: "Ledger", period: "2026-Q4" })).body;
  expect((await owner.post("/api/context-links", { targetType: "objective", targetId: objective.id, url: imported!.url })).status).toBe(201);
  await until("the attached PR's files and commits", async () => (await imported!.reload()).changes !== null);

  // Run again: the same pull requests, no duplicates.
  const again = await owner.post("/api/history-imports", { host: "ado", connectionId: done!.connectionId, repository: "Fabrikam/payments", months: 6 });
  expect(again.status).toBe(202);
  const [rerun] = await settled(owner, "the re-run");
  expect(rerun).toMatchObject({ status: "done", imported: expectedAdo.length });
  expect(await ContextItemRow.count({ where: { workspaceId, host: "ado" } })).toBe(expectedAdo.length);
});

it("imports a Bitbucket workspace's repositories one after another with their reviewers, n of N, and can be cancelled and run again", async () => {
  const { client: owner } = await signUp(app.url, "Brad", "brad-h@example.com");
  expect((await owner.post("/api/integrations/bitbucket/token", { workspace: "acme", token: BB_TOKEN })).status).toBe(201);
  const all = await settled(owner, "the Bitbucket imports");
  const widgets = all.find((i) => i.repository === "acme/widgets")!;
  const gadgets = all.find((i) => i.repository === "acme/gadgets")!;
  const within = (n: number, days: number) =>
    bitbucketHistory({ count: n, days, authors: people }, "x").filter((pr) => Date.parse(pr.updated_on!) >= sixMonthsAgo.getTime()).length;
  expect(widgets).toMatchObject({ status: "done", imported: within(130, 240), total: within(130, 240) });
  expect(gadgets).toMatchObject({ status: "done", imported: 20, total: 20 });
  // Listed with their participants (asked for as a partial response): reviews count.
  const workspaceId = (await owner.get("/api/auth/session")).body.workspace.id;
  const item = await ContextItemRow.findOne({ where: { workspaceId, host: "bitbucket", state: "merged" } });
  expect(item!.reviewerKeys).toMatch(/\|bitbucket:\{00000000-0000-4000-8000-0000000000a/);
  expect(await ContextItemRow.count({ where: { workspaceId, host: "bitbucket" } })).toBe(widgets.imported + 20);

  // Cancelled while waiting its turn, it stays cancelled; run again, it imports.
  bitbucket.fail({ path: /pullrequests$/, delayMs: 400, times: 20 });
  await owner.post("/api/history-imports", { host: "bitbucket", connectionId: widgets.connectionId, months: 6 });
  const queued = (await importsOf(owner)).find((i) => i.repository === "acme/gadgets")!;
  expect(queued.status).toBe("queued");
  const cancelled = await owner.post(`/api/history-imports/${queued.id}/cancel`, {});
  expect(cancelled.body).toMatchObject({ status: "cancelled" });
  expect((await owner.post(`/api/history-imports/${queued.id}/cancel`, {})).status).toBe(409);
  const afterCancel = await settled(owner, "the widgets re-run");
  expect(afterCancel.find((i) => i.repository === "acme/gadgets")).toMatchObject({ status: "cancelled" });
  expect(afterCancel.find((i) => i.repository === "acme/widgets")).toMatchObject({ status: "done" });
  bitbucket.clearFailures();
  await owner.post("/api/history-imports", { host: "bitbucket", connectionId: widgets.connectionId, repository: "acme/gadgets", months: 6 });
  expect((await settled(owner, "the gadgets re-run")).find((i) => i.repository === "acme/gadgets")).toMatchObject({ status: "done", imported: 20 });
});

it("queues a connection's repositories one statement after another in its transaction: pg@9 refuses a query on a client that is busy", async () => {
  const sequelize = app.services.storage.sequelize;
  const query = sequelize.query.bind(sequelize) as (...args: unknown[]) => Promise<unknown>;
  const busy = new Map<unknown, number>();
  let overlapping = 0;
  const spy = vi.spyOn(sequelize, "query").mockImplementation((async (...args: unknown[]) => {
    const transaction = (args[1] as { transaction?: unknown } | undefined)?.transaction;
    if (!transaction) return query(...args);
    busy.set(transaction, (busy.get(transaction) ?? 0) + 1);
    if (busy.get(transaction)! > 1) overlapping++;
    try {
      return await query(...args);
    } finally {
      busy.set(transaction, busy.get(transaction)! - 1);
    }
  }) as never);
  try {
    const { client: owner } = await signUp(app.url, "Quinn", "quinn-h@example.com");
    // acme follows two repositories: both are queued in one transaction.
    expect((await owner.post("/api/integrations/bitbucket/token", { workspace: "acme", token: BB_TOKEN })).status).toBe(201);
    expect((await importsOf(owner)).length).toBe(2);
    await settled(owner, "the Bitbucket imports");
  } finally {
    spy.mockRestore();
  }
  expect(overlapping).toBe(0);
});

it("reads the comments on imported Bitbucket pull requests: a linked member's count as theirs, once", async () => {
  const { client: owner } = await signUp(app.url, "Cora", "cora-h@example.com");
  const { client: grace, session } = await inviteMember(owner, "grace-h@example.com", "Grace Hopper");
  expect((await owner.post("/api/integrations/bitbucket/token", { workspace: "acme", token: BB_TOKEN })).status).toBe(201);
  const [first] = await settled(owner, "the Bitbucket imports");
  const workspaceId = (await owner.get("/api/auth/session")).body.workspace.id;
  // Grace links her Bitbucket account; Alan, not a member, never does. The next run reads the comments again.
  const connection = await BitbucketTokenConnectionRow.findOne({ where: { workspaceId } });
  expect(connection!.workspaceUuid).toBeTruthy();
  await IdentityLinkRow.create({
    workspaceId,
    memberId: session.member.id,
    host: "bitbucket",
    scope: connection!.workspaceUuid!,
    externalUserId: people[0]!.account,
    accountName: "Grace Hopper",
  });
  const comments = () => ContextUpdateRow.count({ where: { workspaceId } });
  for (let run = 0; run < 2; run++) {
    await owner.post("/api/history-imports", { host: "bitbucket", connectionId: first!.connectionId, repository: "acme/gadgets", months: 6 });
    expect((await settled(owner, "the gadgets re-run")).find((i) => i.repository === "acme/gadgets")).toMatchObject({ status: "done", imported: 20 });
    expect(await comments()).toBe(20);
  }
  const timeline = (await grace.get(`/api/members/${session.member.id}/timeline?period=quarter&periods=2`)).body;
  expect(timeline.periods.reduce((n: number, p: { counts: { commented: number } }) => n + p.counts.commented, 0)).toBe(20);
});

it("stays within Azure DevOps' rate limit: it slows down on the headers' warning instead of being throttled", async () => {
  const { client: owner } = await signUp(app.url, "Rita", "rita-h@example.com");
  adoState.pageSize = 10;
  try {
    // The pull requests' pages alone: comments and work items are two more calls a pull request.
    await owner.post("/api/integrations/ado", {
      orgUrl: "https://dev.azure.com/fabrikam",
      pat: adoState.pat,
      repositoryIds: ["r-pay"],
      services: { pullRequests: true, workItems: false, comments: false, statuses: true },
    });
    // From the first page on (connecting itself makes calls of its own).
    adoState.rateLimit = { requests: 10, windowMs: 2000 };
    adoState.throttled = 0;
    const [done] = await settled(owner, "the rate-limited import");
    expect(done).toMatchObject({ status: "done", imported: expectedAdo.length });
    // More calls than one window allows, and none refused.
    expect(done!.requests).toBeGreaterThan(10);
    expect(adoState.throttled).toBe(0);
  } finally {
    delete adoState.rateLimit;
    adoState.pageSize = 25;
  }
});

it("keeps Azure DevOps' pace from one repository's import to the next: the next one's first call waits for the last answer's Retry-After", async () => {
  const { client: owner } = await signUp(app.url, "Rosa", "rosa-h@example.com");
  await owner.post("/api/integrations/ado", {
    orgUrl: "https://dev.azure.com/fabrikam",
    pat: adoState.pat,
    repositoryIds: ["r-ledger", "r-pay"],
    services: { pullRequests: true, workItems: false, comments: false, statuses: true },
  });
  const [first] = await settled(owner, "the imports on connecting");
  // The ledger's import is six calls (each pass two pages and an empty one): a limit of six spends the last on
  // its last page, whose answer says when to call again. Payments is queued behind it meanwhile.
  adoState.rateLimit = { requests: 6, windowMs: 2000 };
  adoState.throttled = 0;
  try {
    const start = (repository: string) => owner.post("/api/history-imports", { host: "ado", connectionId: first!.connectionId, repository, months: 6 });
    expect((await start("Fabrikam/ledger")).status).toBe(202);
    expect((await start("Fabrikam/payments")).status).toBe(202);
    const done = await settled(owner, "both imports under the limit");
    expect(done.map((i) => [i.repository, i.status])).toEqual(
      expect.arrayContaining([
        ["Fabrikam/ledger", "done"],
        ["Fabrikam/payments", "done"],
      ]),
    );
    expect(adoState.throttled).toBe(0);
  } finally {
    delete adoState.rateLimit;
  }
});

it("reads the imported pull requests' comments and work items: members' comments count as theirs, once, and the work items come in", async () => {
  const { client: owner } = await signUp(app.url, "Lena", "lena-h@example.com");
  const { client: grace, session } = await inviteMember(owner, "grace-h@example.com", "Grace Hopper");
  const connect = () => owner.post("/api/integrations/ado", { orgUrl: "https://dev.azure.com/fabrikam", pat: adoState.pat, repositoryIds: ["r-ledger"] });
  expect((await connect()).status).toBe(201);
  const [done] = await settled(owner, "the ledger's import");
  expect(done).toMatchObject({ repository: "Fabrikam/ledger", status: "done", imported: 30, stage: null });
  // The pages, then a thread list and a work item list for each pull request, and the work items in batches.
  expect(done!.requests).toBeGreaterThanOrEqual(2 + 30 * 2 + 3);
  const workspaceId = (await owner.get("/api/auth/session")).body.workspace.id;
  expect(await ContextItemRow.count({ where: { workspaceId, kind: "work_item" } })).toBe(discussion.workItems.length);

  // Grace reviewed every third pull request and commented on each; a vote's system comment is nobody's words,
  // and comments by people who are not members are not kept.
  const graceReviewed = ledgerHistory.filter((pr) => pr.reviewers?.[0]?.uniqueName === "grace-h@example.com").length;
  expect(graceReviewed).toBeGreaterThan(0);
  const comments = () => ContextUpdateRow.count({ where: { workspaceId } });
  expect(await comments()).toBe(graceReviewed);
  const timeline = (await grace.get(`/api/members/${session.member.id}/timeline?period=quarter&periods=2`)).body;
  expect(timeline.periods.reduce((n: number, p: { counts: { commented: number } }) => n + p.counts.commented, 0)).toBe(graceReviewed);

  // Run again: the same comments and work items, not twice.
  await owner.post("/api/history-imports", { host: "ado", connectionId: done!.connectionId, months: 6 });
  expect((await settled(owner, "the ledger's re-run"))[0]).toMatchObject({ status: "done", imported: 30 });
  expect(await comments()).toBe(graceReviewed);
  expect(await ContextItemRow.count({ where: { workspaceId, kind: "work_item" } })).toBe(discussion.workItems.length);
});

it("reads Azure DevOps' pace from its headers: Retry-After, even on a 200, else the allowed rate once little is left", () => {
  const now = Date.parse("2026-11-27T12:00:00Z");
  const headers = (h: Record<string, string>) => new Headers(h);
  expect(adoPace(headers({}), now)).toBe(0);
  expect(adoPace(headers({ "Retry-After": "7" }), now)).toBe(7000);
  const window = { "X-RateLimit-Limit": "200", "X-RateLimit-Reset": String(now / 1000 + 60) };
  expect(adoPace(headers({ ...window, "X-RateLimit-Remaining": "150" }), now)).toBe(0);
  // 200 calls over the 60 s until usage is back to 0: one every 300 ms, however few remain.
  expect(adoPace(headers({ ...window, "X-RateLimit-Remaining": "20" }), now)).toBe(300);
  expect(adoPace(headers({ ...window, "X-RateLimit-Remaining": "1" }), now)).toBe(300);
});

it("refuses what it cannot import, with the field named; members may not start or read imports", async () => {
  const { client: owner } = await signUp(app.url, "Vera", "vera-h@example.com");
  const bad = await owner.post("/api/history-imports", { host: "ado", connectionId: "nope", months: 6 });
  expect(bad.status).toBe(404);
  expect(bad.body.error.field).toBe("body.connectionId");
  expect((await owner.post("/api/history-imports", { host: "gitlab", connectionId: "x" })).body.error.field).toBe("body.host");
  expect((await owner.post("/api/history-imports", { host: "ado", connectionId: "x", months: 99 })).body.error.field).toBe("body.months");
  expect((await owner.post(`/api/history-imports/${"0".repeat(8)}-0000-4000-8000-000000000000/cancel`, {})).status).toBe(404);
  const { client: member } = await inviteMember(owner, "vera-member-h@example.com", "Vic");
  expect((await member.get("/api/history-imports")).status).toBe(403);
  expect((await member.post("/api/history-imports", { host: "ado", connectionId: "x" })).status).toBe(403);
});

it("keeps what a delivery wrote after an import's page was read, and a snapshot the host dated later", async () => {
  const { session } = await signUp(app.url, "Nia", "nia-h@example.com");
  const workspaceId = session.workspace.id;
  const live = await createFetchedPullRequest(workspaceId, { title: "Title from the latest delivery", fetchedAt: new Date() });
  const [workspace, repository, id] = [live.hostIds.workspace, live.hostIds.repository, live.hostIds.pullRequestId] as [string, string, number];
  const read = (title: string, updatedOn: string) => ({
    url: live.url,
    snapshot: bitbucketPullRequestSnapshot(`${workspace}/${repository}`, {
      ...bitbucketHistory({ count: 1, days: 1, authors: people }, "x")[0]!,
      id,
      title,
      updated_on: updatedOn,
    })!,
  });
  const save = (items: ReturnType<typeof read>[], readAt: Date) =>
    app.services.storage.sequelize.transaction((tx) => importSnapshots(app.services, workspaceId, items, readAt, tx));
  // Read before the delivery wrote: the page's older listing does not overwrite it.
  expect(await save([read("Title as the import listed it", new Date().toISOString())], new Date(Date.now() - 60_000))).toBe(0);
  expect((await live.reload()).title).toBe("Title from the latest delivery");
  // Read after it, but the host dates the stored snapshot later.
  await live.update({ metadata: { ...live.metadata, updatedAt: new Date(Date.now() + 3600_000).toISOString() } });
  expect(await save([read("Older listing", new Date().toISOString())], new Date(Date.now() + 1000))).toBe(0);
  // Read after it, and newer on the host: it wins.
  expect(await save([read("Newer listing", new Date(Date.now() + 7200_000).toISOString())], new Date(Date.now() + 1000))).toBe(1);
  expect((await live.reload()).title).toBe("Newer listing");
});

it("reads a repository's pull requests by its key prefix taken literally: web_app's are not web-app's", async () => {
  const { session } = await signUp(app.url, "Noor", "noor-h@example.com");
  const workspaceId = session.workspace.id;
  for (const slug of ["web_app", "web-app", "web_app", "webxapp"]) {
    const n = 100 + (await ContextItemRow.count({ where: { workspaceId } }));
    await createFetchedPullRequest(workspaceId, { externalKey: bitbucketPullRequestKey("acme", slug, n) });
  }
  const { items, total } = await repositoryPullRequests(workspaceId, bitbucketPullRequestKeyPrefix("acme", "web_app"), 0);
  expect(total).toBe(2);
  expect(items.map((i) => i.externalKey)).toEqual([bitbucketPullRequestKey("acme", "web_app", 100), bitbucketPullRequestKey("acme", "web_app", 102)]);
});
