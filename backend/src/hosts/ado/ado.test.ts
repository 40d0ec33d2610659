import { Writable } from "node:stream";
import { QueryTypes } from "sequelize";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { failures } from "@groundwork/simulators/fakeHost";
import { jobsSettled, until } from "../../testing/until.js";
import { ApiClient, inviteMember, signUp, startTestApp } from "../../testing/testApp.js";
import { createLogger } from "../../log.js";
import { adoHostsOf, deliverToSubscriptions, fakeAdo, sendServiceHook, type FakeAdoState } from "@groundwork/simulators/ado/fakeAdo";
import type { AdoPullRequest, AdoWorkItem } from "./client.js";
import { hostEventSamples, hostSample } from "@groundwork/simulators/samples";
import { AdoSyncStaleJob } from "./jobs.js";

/** End to end against the fake organisation, with the documented service-hook payloads. */
const fixture = (name: string) => hostSample("ado", name);
const PAT = "ado-pat-" + "k".repeat(44);
const created = fixture("git.pullrequest.created.json");
const merged = fixture("git.pullrequest.merged.json");
const wiCreated = fixture("workitem.created.json");
const wiUpdated = fixture("workitem.updated.json");
const prComment = fixture("ms.vss-code.git-pullrequest-comment-event.json");
const wiCommented = fixture("workitem.commented.json");
const PR_URL = "https://fabrikam.visualstudio.com/Fabrikam/_git/Fabrikam/pullrequest/1";
const WI_URL = "https://dev.azure.com/fabrikam/FabrikamCloud/_workitems/edit/5";

// Each test starts from this organisation (reset before it) and a Groundwork workspace of its own.
const initialAdoState = (): FakeAdoState => ({
  organization: "fabrikam",
  pat: PAT,
  user: { id: "54d125f7", displayName: "Jamal Hartnett", email: "fabrikamfiber4@hotmail.com" },
  projects: [
    { id: created.resource.repository.project.id, name: "Fabrikam", repositories: [{ id: created.resource.repository.id, name: "Fabrikam" }] },
    { id: "f0811a3b-8c8a-4e43-a3bf-9a049b4835bd", name: "FabrikamCloud", repositories: [] },
  ],
  pullRequests: [structuredClone(created.resource) as AdoPullRequest],
  workItems: [structuredClone(wiCreated.resource) as AdoWorkItem],
});
const adoState: FakeAdoState = initialAdoState();
const ado = fakeAdo(adoState);

const logLines: string[] = [];
const responses: string[] = [];
let app: Awaited<ReturnType<typeof startTestApp>>;
let owner: ApiClient;
let workspaces = 0;

/** Records every response body so the test can prove the PAT never leaves the server. */
function recording(client: ApiClient) {
  const request = client.request.bind(client);
  client.request = async (...args) => {
    const res = await request(...args);
    responses.push(JSON.stringify(res.body));
    return res;
  };
  return client;
}

const objectiveLinks = async (id: string) =>
  (await owner.get("/api/objectives")).body.items.find((o: { id: string }) => o.id === id).links as { item: Record<string, any> }[];

beforeAll(async () => {
  await ado.start();
  const sink = new Writable({
    write(chunk, _e, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  app = await startTestApp(
    { adoBaseUrl: adoHostsOf(ado).baseUrl, adoIdentityUrl: adoHostsOf(ado).identityUrl, worker: { enabled: true, concurrency: 2, maxAttempts: 5 } },
    createLogger("debug", sink),
  );
});
beforeEach(async () => {
  for (const key of Object.keys(adoState) as (keyof FakeAdoState)[]) delete adoState[key];
  Object.assign(adoState, initialAdoState());
  ado.clearFailures();
  owner = recording((await signUp(app.url, "Olivia", `olivia-${++workspaces}@fabrikam.com`)).client);
});

const settled = () => jobsSettled(app.services.storage.sequelize);
afterAll(async () => {
  await app?.close();
  await ado.stop();
});

describe("test connection", () => {
  const test = (orgUrl: string, pat = PAT) => owner.post("/api/integrations/ado/test", { orgUrl, pat });

  it("shows the projects and repositories a good token can see", async () => {
    const res = await test("fabrikam.visualstudio.com/");
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ organization: "fabrikam", url: "https://dev.azure.com/fabrikam", user: "Jamal Hartnett" });
    expect(res.body.projects[0]).toMatchObject({ name: "Fabrikam", repositories: [{ name: "Fabrikam" }] });
  });

  it("explains a bad token (203 sign-in page or 401), an unknown organisation and a bad URL", async () => {
    const denied = await test("https://dev.azure.com/fabrikam", "w".repeat(52));
    expect(denied.status).toBe(422);
    expect(denied.body.error).toEqual({ code: "ado_auth_denied", message: "Authorization denied — check the token and its expiry", field: "body.pat" });
    ado.fail({ path: /connectionData/, respond: failures.unauthorized() });
    expect((await test("https://dev.azure.com/fabrikam")).body.error.code).toBe("ado_auth_denied");
    const unknown = await test("https://dev.azure.com/nobody");
    expect(unknown.body.error).toMatchObject({ code: "ado_org_not_found", field: "body.orgUrl" });
    expect(unknown.body.error.message).toContain("Organisation not found — check the URL");
    const bad = await test("https://github.com/fabrikam");
    expect(bad.status).toBe(400);
    expect(bad.body.error.message).toContain("https://dev.azure.com/{organization}");
  });

  it("asks for connection data with the preview api-version Azure DevOps requires", async () => {
    // Real Azure DevOps refuses api-version=7.1 on this preview-only resource with 400 VssInvalidPreviewVersionException.
    ado.requests.length = 0;
    expect((await test("https://dev.azure.com/fabrikam")).status).toBe(200);
    const asked = ado.requests.filter((r) => r.path.endsWith("/_apis/connectionData"));
    expect(asked.map((r) => r.query.get("api-version"))).toEqual(["7.1-preview.1"]);
  });

  it("names every missing scope, Identity (Read) and the write access statuses need included", async () => {
    const token = (scopes: string[]) => {
      const pat = `scoped-${scopes.join("-")}-`.padEnd(52, "x");
      (adoState.otherTokens ??= []).push({ pat, scopes });
      return pat;
    };
    const noIdentity = await test("https://dev.azure.com/fabrikam", token(["vso.code_write", "vso.work", "vso.project"]));
    expect(noIdentity.status).toBe(422);
    expect(noIdentity.body.error).toMatchObject({ code: "ado_missing_scope", field: "body.pat" });
    expect(noIdentity.body.error.message).toBe("The token is missing the Identity (Read) scope; create a token with it and try again");

    const readOnlyCode = await test("https://dev.azure.com/fabrikam", token(["vso.code", "vso.work", "vso.project", "vso.identity"]));
    expect(readOnlyCode.body.error.message).toContain("Code (Read & Write)");

    const projectOnly = await test("https://dev.azure.com/fabrikam", token(["vso.project"]));
    expect(projectOnly.body.error.message).toBe(
      "The token is missing the Code (Read & Write), Work Items (Read), Identity (Read) scopes; create a token with them and try again",
    );
    // The write probe never leaves a status behind: pull request 0 does not exist.
    expect(adoState.statuses ?? []).toEqual([]);
    // Broader scopes include narrower ones (vso.code_full ⊃ vso.code_write, vso.work_write ⊃ vso.work).
    expect((await test("https://dev.azure.com/fabrikam", token(["vso.code_full", "vso.work_write", "vso.project_write", "vso.identity_manage"]))).status).toBe(
      200,
    );
  });

  it("lists every project and repository of an organisation with hundreds, page by page", async () => {
    const id = (prefix: string, i: number) => `${prefix}-0000-4000-8000-${String(i).padStart(12, "0")}`;
    const many = Array.from({ length: 300 }, (_, i) => ({
      id: id("0000000a", i),
      name: `Project ${i}`,
      repositories: [{ id: id("0000000b", i), name: `repo-${i}` }],
    }));
    adoState.projects.push(...many);
    ado.requests.length = 0;
    try {
      const res = await test("https://dev.azure.com/fabrikam");
      expect(res.status).toBe(200);
      expect(res.body.projects).toHaveLength(302);
      expect(res.body.projects.at(-1)).toMatchObject({ name: "Project 299", repositories: [{ name: "repo-299" }] });
      // The fake answers at most 2 projects a page: every continuation token was followed.
      expect(ado.requests.filter((r) => r.path.endsWith("/_apis/projects")).length).toBe(151);
    } finally {
      adoState.projects.splice(2);
    }
  });

  it("passes on a host rate limit with its Retry-After", async () => {
    ado.fail({ path: /connectionData/, respond: failures.rateLimited(42) });
    const res = await test("https://dev.azure.com/fabrikam");
    expect(res.status).toBe(503);
    expect(res.headers.get("retry-after")).toBe("42");
  });

  it("is for workspace owners only", async () => {
    const { client: member } = await inviteMember(owner, `member-${workspaces}@fabrikam.com`);
    expect((await member.post("/api/integrations/ado/test", { orgUrl: "fabrikam", pat: PAT })).status).toBe(403);
  });
});

describe("connecting", () => {
  it("connects, shows the webhook secret once, and fetches metadata for pasted links", async () => {
    const objectiveId = (await owner.post("/api/objectives", { title: "Ship Fabrikam", period: "2026-Q4" })).body.id;
    const changes = fixture("rest.sandbox_pullrequest_changes.json");
    // Two a page here: the files come by $skip/nextSkip, the commits by x-ms-continuationtoken.
    adoState.pullRequestChanges = {
      1: { files: changes.changeEntries, commits: [...changes.commits, { commitId: "c".repeat(40), comment: "Tidy the order cache" }] },
    };
    // Pasted before connecting: stays pending until the organisation is connected.
    await owner.post("/api/context-links", { targetType: "objective", targetId: objectiveId, url: PR_URL });
    expect((await objectiveLinks(objectiveId))[0]!.item.metadataStatus).toBe("pending");

    const res = await owner.post("/api/integrations/ado", { orgUrl: "https://dev.azure.com/Fabrikam", pat: PAT, name: "Fabrikam org" });
    expect(res.status).toBe(201);
    const { webhookUrl, webhookSecret: secret } = res.body.webhook;
    expect(webhookUrl).toBe(`${app.url}/api/webhooks/ado/${res.body.connection.id}`);
    expect(res.body.connection.repositories).toEqual([{ id: created.resource.repository.id, name: "Fabrikam", project: "Fabrikam" }]);
    const overview = await owner.get("/api/integrations");
    expect(overview.body.ado.connection.name).toBe("Fabrikam org");
    expect(overview.body.ado.connection.neededServiceHooks).toHaveLength(7);
    expect(JSON.stringify(overview.body)).not.toContain(secret);

    const pr = await until("PR metadata", async () => {
      const item = (await objectiveLinks(objectiveId))[0]!.item;
      return item.metadataStatus === "fetched" && item;
    });
    expect(pr).toMatchObject({ title: "my first pull request", state: "active", authorEmail: "fabrikamfiber4@hotmail.com" });
    expect(pr.details).toMatchObject({
      kind: "pull_request",
      sourceBranch: "mytopic",
      targetBranch: "master",
      author: { name: "Jamal Hartnett", email: "fabrikamfiber4@hotmail.com" },
      reviewers: [{ name: "[Mobile]\\Mobile Team", email: null, verdict: "no_vote" }],
    });
    expect(pr.details).not.toHaveProperty("isDraft"); // the host's own extras stay in storage
    // What the PR changed, from its latest iteration and its commits, feeds its insight.
    const { insight } = await until("PR insight", async () => {
      const item = (await objectiveLinks(objectiveId))[0]!.item;
      return item.insight && item;
    });
    expect(insight.contributions.map((c: { text: string }) => c.text)).toEqual(
      expect.arrayContaining(["Changed 4 files in 3 commits, mostly in src/Fabrikam.Web, tests/Fabrikam.Web.Tests and the root folder", "Added 1 test file"]),
    );
    expect(insight.themes.map((t: { theme: string }) => t.theme)).toEqual(["performance", "testing"]);

    await owner.post("/api/context-links", { targetType: "objective", targetId: objectiveId, url: WI_URL });
    const wi = await until(
      "work item metadata",
      async () => (await objectiveLinks(objectiveId)).find((l) => l.item.kind === "work_item" && l.item.metadataStatus === "fetched")?.item,
    );
    expect(wi).toMatchObject({ title: "Some great new idea!", state: "New" });
    expect(wi.details).toMatchObject({ kind: "work_item", type: "Bug", area: "FabrikamCloud" });
  });
});

describe("connected organisation", () => {
  let webhookUrl: string;
  let secret: string;
  let objectiveId: string;

  // The owner's workspace connects the organisation, its PR and work item attached to an objective and fetched.
  beforeEach(async () => {
    objectiveId = (await owner.post("/api/objectives", { title: "Ship Fabrikam", period: "2026-Q4" })).body.id;
    await owner.post("/api/context-links", { targetType: "objective", targetId: objectiveId, url: PR_URL });
    await owner.post("/api/context-links", { targetType: "objective", targetId: objectiveId, url: WI_URL });
    const res = await owner.post("/api/integrations/ado", { orgUrl: "https://dev.azure.com/Fabrikam", pat: PAT, name: "Fabrikam org" });
    expect(res.status).toBe(201);
    ({ webhookUrl, webhookSecret: secret } = res.body.webhook);
    await until("PR and work item fetched", async () => (await objectiveLinks(objectiveId)).every((l) => l.item.metadataStatus === "fetched"));
    await settled();
  });

  it("posts a PR status with the documented body, and re-posts it when the link count changes", async () => {
    const latest = () => adoState.statuses?.at(-1);
    const linked1 = await until("first status", async () => latest()?.description === "Linked to 1 item in Groundwork" && latest());
    expect(linked1).toMatchObject({
      state: "succeeded",
      context: { name: "links", genre: "groundwork" },
      pullRequestId: 1,
      repositoryId: created.resource.repository.id,
    });
    expect(linked1.targetUrl).toBe(`${app.url}/add?url=${encodeURIComponent("https://dev.azure.com/fabrikam/Fabrikam/_git/Fabrikam/pullrequest/1")}`);

    const kr = (await owner.post(`/api/objectives/${objectiveId}/key-results`, { title: "Merge it" })).body;
    const second = await owner.post("/api/context-links", { targetType: "key_result", targetId: kr.id, url: PR_URL });
    await until("second status", async () => latest()?.description === "Linked to 2 items in Groundwork");
    await owner.delete(`/api/context-links/${second.body.id}`);
    await until("back to one", async () => latest()?.description === "Linked to 1 item in Groundwork");
  });

  it("stops on a 401 when posting a status and shows the problem on the Integrations page", async () => {
    ado.fail({ method: "POST", path: /statuses$/, respond: failures.unauthorized() });
    const kr = (await owner.post(`/api/objectives/${objectiveId}/key-results`, { title: "Another" })).body;
    const link = await owner.post("/api/context-links", { targetType: "key_result", targetId: kr.id, url: PR_URL });
    const connection = await until("auth failure shown", async () => {
      const c = (await owner.get("/api/integrations")).body.ado.connection;
      return c.status === "auth_failed" && c;
    });
    expect(connection.lastError).toContain("Code (Read & Write)");
    const dead = await until("dead-lettered", async () =>
      (await owner.get("/api/jobs/dead")).body.items.find((j: { kind: string }) => j.kind === "ado.pr-status"),
    );
    expect(dead.attempts).toBe(1);
    await owner.delete(`/api/context-links/${link.body.id}`);
    await until("healthy again", async () => (await owner.get("/api/integrations")).body.ado.connection.status === "active");
  });

  it("refuses a webhook with a wrong or missing secret and stores nothing", async () => {
    const count = async () =>
      Number(
        (await app.services.storage.sequelize.query<{ n: number }>("SELECT COUNT(*) AS n FROM jobs WHERE kind = 'ado.event'", { type: QueryTypes.SELECT }))[0]!
          .n,
      );
    const before = await count();
    const wrong = await sendServiceHook(webhookUrl, merged, "not-the-secret");
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get("www-authenticate")).toContain("Basic");
    const none = await fetch(webhookUrl, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(merged) });
    expect(none.status).toBe(401);
    const otherConnection = await sendServiceHook(webhookUrl.replace(/[0-9a-f-]{36}$/, "00000000-0000-4000-8000-000000000000"), merged, secret);
    expect(otherConnection.status).toBe(401);
    // The secret is checked before a stranger's body is read at all: not even its JSON is parsed.
    const unread = await fetch(webhookUrl, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Basic ${Buffer.from("x:wrong").toString("base64")}` },
      body: "{" + " ".repeat(4_000_000),
    });
    expect(unread.status).toBe(401);
    expect(await count()).toBe(before);
  });

  it("updates the snapshot from each documented event, once per event even when redelivered, however it is encoded", async () => {
    const unlinked = structuredClone(created);
    unlinked.id = "created-unlinked";
    unlinked.resource.pullRequestId = 99;
    adoState.pullRequests!.push(unlinked.resource);
    expect((await sendServiceHook(webhookUrl, unlinked, secret)).status).toBe(202);
    await until("status on an unlinked PR", async () =>
      adoState.statuses?.some((st) => st.pullRequestId === 99 && st.description === "Add this PR to Groundwork" && st.state === "notApplicable"),
    );

    const first = await sendServiceHook(webhookUrl, merged, secret);
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ received: true, duplicate: false });
    expect(await (await sendServiceHook(webhookUrl, merged, secret)).json()).toEqual({ received: true, duplicate: true });
    const pr = await until("merged state", async () => {
      const item = (await objectiveLinks(objectiveId)).find((l) => l.item.kind === "pull_request")!.item;
      return item.state === "completed" && item;
    });
    expect(pr.details.closedAt).toBe(merged.resource.closedDate);
    const jobs = await app.services.storage.sequelize.query<{ status: string }>("SELECT status FROM jobs WHERE dedupe_key = :key", {
      type: QueryTypes.SELECT,
      replacements: { key: `ado:${webhookUrl.split("/").pop()}:${merged.id}` },
    });
    expect(jobs).toEqual([{ status: "done" }]);

    const wiAfter = structuredClone(wiUpdated);
    wiAfter.resource.revision.fields["System.State"] = "Approved";
    wiAfter.resource.revision.fields["System.Title"] = "Some great new idea!";
    expect((await sendServiceHook(webhookUrl, wiAfter, secret)).status).toBe(202);
    await until("work item approved", async () => (await objectiveLinks(objectiveId)).some((l) => l.item.kind === "work_item" && l.item.state === "Approved"));

    const wiAgain = structuredClone(wiCreated);
    wiAgain.id = "wi-created-again";
    wiAgain.resource.fields["System.Title"] = "Some great new idea, refined";
    expect((await sendServiceHook(webhookUrl, wiAgain, secret)).status).toBe(202);
    await until("work item created event applied", async () =>
      (await objectiveLinks(objectiveId)).some((l) => l.item.kind === "work_item" && l.item.title === "Some great new idea, refined"),
    );

    // Recorded as Azure DevOps sent it (UTF-8, with or without a byte order mark), or re-serialised (UTF-16), and applied either way.
    const send = (event: typeof merged, body: Buffer, charset: string) =>
      fetch(webhookUrl, {
        method: "POST",
        headers: { "content-type": `application/json; charset=${charset}`, authorization: `Basic ${Buffer.from(`x:${secret}`).toString("base64")}` },
        body,
      });
    const stored = async (event: typeof merged) =>
      until(`event ${event.id} applied`, async () => {
        const [job] = await app.services.storage.sequelize.query<{ payload: string; status: string }>(
          "SELECT payload, status FROM jobs WHERE dedupe_key = :key",
          {
            type: QueryTypes.SELECT,
            replacements: { key: `ado:${webhookUrl.split("/").pop()}:${event.id}` },
          },
        );
        return job?.status === "done" && job.payload;
      });
    const withBom = { ...structuredClone(merged), id: "sent-with-bom" };
    const text = JSON.stringify(withBom, null, 2);
    expect((await send(withBom, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), "utf-8")).status).toBe(202);
    const kept = await stored(withBom);
    expect(kept).toContain(text);
    expect(JSON.parse(kept).event).toEqual(withBom);

    const wide = { ...structuredClone(merged), id: "sent-in-utf-16" };
    expect((await send(wide, Buffer.from(JSON.stringify(wide), "utf16le"), "utf-16le")).status).toBe(202);
    // Re-serialised from what the envelope's schema kept (the resource, whole).
    expect(JSON.parse(await stored(wide)).event).toMatchObject({ id: wide.id, resource: wide.resource });
  });

  it("moves the live revision the web UI watches when the host changes an item or comments on it, and only then", async () => {
    const revision = async () => (await owner.get("/api/live")).body.revision as string;
    const before = await revision();
    expect(before).toMatch(/^\d{4}-.+Z\/-$/);
    // What the caller does themselves, their UI refetches on its own; the revision is for what hosts change.
    await owner.post("/api/objectives", { title: "Unrelated", period: "2026-Q4" });
    expect(await revision()).toBe(before);
    expect((await sendServiceHook(webhookUrl, merged, secret)).status).toBe(202);
    const moved = await until("revision moved", async () => {
      const now = await revision();
      return now !== before && now;
    });
    expect((await sendServiceHook(webhookUrl, prComment, secret)).status).toBe(202);
    await until("revision moved by the comment", async () => (await revision()) !== moved);
  });

  it("turns a member's PR or work item comment into a context update on every item it is linked to", async () => {
    // The PR's author comments; they are a member under a differently cased email.
    await inviteMember(owner, "FabrikamFiber4@Hotmail.com", "Jamal Hartnett");
    const kr = (await owner.post(`/api/objectives/${objectiveId}/key-results`, { title: "Comments count" })).body;
    await owner.post("/api/context-links", { targetType: "key_result", targetId: kr.id, url: PR_URL });
    const prUpdates = async () => {
      const objectives = (await owner.get("/api/objectives")).body.items as { id: string; links: any[]; keyResults: { id: string; links: any[] }[] }[];
      const o = objectives.find((x) => x.id === objectiveId)!;
      const onObjective = o.links.find((l) => l.item.kind === "pull_request").item.updates;
      const onKr = o.keyResults.find((k) => k.id === kr.id)!.links[0].item.updates;
      return { onObjective, onKr };
    };
    expect((await sendServiceHook(webhookUrl, prComment, secret)).status).toBe(202);
    const { onObjective, onKr } = await until("PR comment shown", async () => {
      const u = await prUpdates();
      // The objective's and the key result's links are read by two queries: wait until both have seen the comment.
      return u.onObjective.length > 0 && u.onKr.length > 0 && u;
    });
    expect(onObjective[0]).toMatchObject({
      kind: "comment",
      authorName: "Jamal Hartnett",
      body: "This is my comment.",
      url: "https://dev.azure.com/fabrikam/Fabrikam/_git/Fabrikam/pullrequest/1?discussionId=5",
      occurredAt: "2014-06-17T16:55:46.589Z",
    });
    expect(onKr).toEqual(onObjective);

    // A stranger's comment is not kept; an author known only by a domain name is matched through
    // their identity's Mail; a redelivery and an edit keep one update per comment.
    const comment = (id: string, commentId: number, author: object, content: string) => {
      const e = structuredClone(prComment);
      Object.assign(e, { id });
      Object.assign(e.resource.comment, { id: commentId, author, content, lastUpdatedDate: new Date().toISOString() });
      return e;
    };
    await sendServiceHook(webhookUrl, comment("c-stranger", 3, { id: "x", displayName: "Stranger", uniqueName: "stranger@elsewhere.com" }, "drive-by"), secret);
    await sendServiceHook(
      webhookUrl,
      comment("c-domain", 4, { id: adoState.user.id, displayName: "Jamal H", uniqueName: "FABRIKAM\\jamal" }, "via identity"),
      secret,
    );
    await sendServiceHook(webhookUrl, prComment, secret);
    await sendServiceHook(webhookUrl, comment("c-edit", 2, prComment.resource.comment.author, "This is my edited comment."), secret);
    const after = await until("identity-matched comment and edit", async () => {
      const u = (await prUpdates()).onObjective;
      return u.some((x: { body: string }) => x.body === "via identity") && u.some((x: { body: string }) => x.body.includes("edited")) && u;
    });
    await until(
      "stranger's delivery processed",
      async () =>
        (await app.services.storage.sequelize.query("SELECT 1 FROM jobs WHERE dedupe_key LIKE '%c-stranger' AND status = 'done'", { type: QueryTypes.SELECT }))
          .length === 1,
    );
    expect((await prUpdates()).onObjective.map((x: { body: string }) => x.body).sort()).toEqual(["This is my edited comment.", "via identity"]);
    expect(after.find((x: { body: string }) => x.body === "via identity").authorName).toBe("Jamal H");

    // workitem.commented carries neither the comment's author email nor its id: read over REST.
    adoState.workItemComments = [
      {
        workItemId: 5,
        commentId: 50,
        text: "<p>This is a great new idea</p>",
        createdBy: { id: adoState.user.id, displayName: "Jamal Hartnett", uniqueName: "fabrikamfiber4@hotmail.com" },
        createdDate: "2026-11-20T10:00:00Z",
      },
    ];
    expect((await sendServiceHook(webhookUrl, wiCommented, secret)).status).toBe(202);
    const wiUpdate = await until(
      "work item comment shown",
      async () => (await objectiveLinks(objectiveId)).find((l) => l.item.kind === "work_item")!.item.updates[0],
    );
    expect(wiUpdate).toMatchObject({ body: "This is a great new idea", url: "https://dev.azure.com/fabrikam/FabrikamCloud/_workitems/edit/5#50" });
    expect(ado.requests.some((r) => r.path.endsWith("/_apis/wit/workItems/5/comments") && r.query.get("api-version") === "7.1-preview.4")).toBe(true);
  });

  it("creates the service hooks for linked projects, or explains why it cannot", async () => {
    const create = () => owner.post("/api/integrations/ado/service-hooks");
    const local = await create();
    expect(local.status).toBe(422);
    expect(local.body.error).toMatchObject({ code: "webhook_url_not_public" });
    expect(local.body.error.message).toContain("PUBLIC_URL");

    const config = app.services.config;
    const realUrl = config.publicUrl;
    config.publicUrl = new URL("https://groundwork.example.com");
    try {
      adoState.canManageHooks = false;
      const refused = await create();
      expect(refused.status).toBe(200);
      expect(refused.body).toMatchObject({ created: 0, existing: 0 });
      expect(refused.body.failed).toHaveLength(7);
      expect(refused.body.message).toContain("Project Collection Administrator");
      expect(adoState.subscriptions ?? []).toHaveLength(0);

      adoState.canManageHooks = true;
      const made = await create();
      expect(made.body).toMatchObject({ created: 7, existing: 0, failed: [] });
      const hookUrl = `https://groundwork.example.com/api/webhooks/ado/${webhookUrl.split("/").pop()}`;
      expect(adoState.subscriptions!.map((x) => x.eventType).sort()).toEqual([
        "git.pullrequest.created",
        "git.pullrequest.merged",
        "git.pullrequest.updated",
        "ms.vss-code.git-pullrequest-comment-event",
        "workitem.commented",
        "workitem.created",
        "workitem.updated",
      ]);
      expect(adoState.subscriptions![0]).toMatchObject({
        publisherId: "tfs",
        consumerId: "webHooks",
        consumerActionId: "httpRequest",
        publisherInputs: { projectId: created.resource.repository.project.id },
        consumerInputs: { url: hookUrl, basicAuthUsername: "groundwork", basicAuthPassword: secret, resourceDetailsToSend: "all" },
      });
      expect((await create()).body).toMatchObject({ created: 0, existing: 7 });
      const connection = (await owner.get("/api/integrations")).body.ado.connection;
      expect(connection.serviceHooks).toHaveLength(7);
      expect(JSON.stringify(connection)).not.toContain(secret);

      // A new secret goes to the hooks Groundwork made, so they keep delivering.
      const rotated = (await owner.post("/api/integrations/ado/webhook-secret")).body;
      expect(rotated.warning).toBeUndefined();
      expect(adoState.subscriptions!.every((x) => x.consumerInputs.basicAuthPassword === rotated.webhookSecret)).toBe(true);
      secret = rotated.webhookSecret;
    } finally {
      config.publicUrl = realUrl;
    }
    // What the created hooks send is accepted (delivered here to this test's local address).
    for (const sub of adoState.subscriptions!) sub.consumerInputs.url = webhookUrl;
    const delivered = await deliverToSubscriptions(adoState, {
      ...merged,
      id: "via-subscription",
      resourceContainers: { project: { id: created.resource.repository.project.id } },
    });
    expect(delivered.map((d) => d.status)).toEqual([202]);
  });

  it("fetches the resource over REST when the hook sends minimal details, and ignores other events", async () => {
    const minimal = { ...structuredClone(created), id: "minimal-1", eventType: "git.pullrequest.updated" };
    minimal.resource = { pullRequestId: 1, repository: { id: created.resource.repository.id, project: { id: created.resource.repository.project.id } } };
    const fetchesBefore = ado.requests.filter((r) => r.path.includes("/pullrequests/1")).length;
    expect((await sendServiceHook(webhookUrl, minimal, secret)).status).toBe(202);
    await until("REST fetch of the minimal PR", async () => ado.requests.filter((r) => r.path.includes("/pullrequests/1")).length > fetchesBefore);
    const ignored = await sendServiceHook(webhookUrl, { ...merged, id: "build-1", eventType: "build.complete" }, secret);
    expect(await ignored.json()).toEqual({ received: true, ignored: true });
    const malformed = await sendServiceHook(webhookUrl, { hello: "world" }, secret);
    expect(malformed.status).toBe(400);
  });

  it("retries a 429 after its Retry-After", async () => {
    const itemId = (await objectiveLinks(objectiveId)).find((l) => l.item.kind === "pull_request")!.item.id;
    ado.fail({ path: /pullrequests\/1$/, respond: failures.rateLimited(1) });
    const start = ado.requests.length;
    expect((await owner.post(`/api/context-items/${itemId}/sync`)).status).toBe(202);
    const times = await until("two fetches", async () => {
      const prFetches = ado.requests.slice(start).filter((r) => r.path.endsWith("/pullrequests/1"));
      return prFetches.length >= 2 && prFetches;
    });
    expect(times[1]!.at - times[0]!.at).toBeGreaterThanOrEqual(950);
    const lastRefresh = async () =>
      (
        await app.services.storage.sequelize.query<{ attempts: number; status: string }>(
          "SELECT attempts, status FROM jobs WHERE kind = 'ado.refresh' ORDER BY id DESC LIMIT 1",
          { type: QueryTypes.SELECT },
        )
      )[0]!;
    await until("refresh done", async () => (await lastRefresh()).status === "done");
    // Waiting for Retry-After does not spend an attempt.
    expect(Number((await lastRefresh()).attempts)).toBe(1);
  });

  it("backs off, not loops, when Azure DevOps throttles without a Retry-After", async () => {
    const itemId = (await objectiveLinks(objectiveId)).find((l) => l.item.kind === "pull_request")!.item.id;
    const bare429 = { status: 429, body: { $id: "1", message: "TF400733: Request was blocked", typeKey: "RequestBlockedException" } };
    ado.fail({ path: /pullrequests\/1$/, respond: bare429, times: 1000 });
    const start = ado.requests.length;
    expect((await owner.post(`/api/context-items/${itemId}/sync`)).status).toBe(202);
    await new Promise((r) => setTimeout(r, 1500));
    const fetches = ado.requests.slice(start).filter((r) => r.path.endsWith("/pullrequests/1")).length;
    // Retrying at once (Number(null) is 0) sent hundreds a second; backing off sends one or two.
    expect(fetches).toBeGreaterThanOrEqual(1);
    expect(fetches).toBeLessThanOrEqual(3);
    // The host recovers: the backed-off refresh, brought forward, then succeeds.
    ado.clearFailures();
    await app.services.storage.sequelize.query("UPDATE jobs SET run_at = 0 WHERE kind = 'ado.refresh' AND status = 'queued'");
    await until("refresh done", async () => {
      const [row] = await app.services.storage.sequelize.query<{ n: number }>(
        "SELECT COUNT(*) AS n FROM jobs WHERE kind = 'ado.refresh' AND status IN ('queued', 'running')",
        {
          type: QueryTypes.SELECT,
        },
      );
      return Number(row!.n) === 0;
    });
  });

  it("syncs on demand, and polls open PRs itself when no webhook has come for a while; a member's review counts on their timeline", async () => {
    const pr = adoState.pullRequests!.find((p) => p.pullRequestId === 1)!;
    pr.title = "renamed while hooks were down";
    // Olivia reviewed it, under her sign-in name in the case Azure DevOps happens to keep (no new account: sign-ups here are rate limited).
    const olivia = (await owner.get("/api/auth/session")).body.member.id as string;
    pr.reviewers = [
      ...(pr.reviewers ?? []),
      { id: "c00ef4a0-1c2d-4e5f-8a9b-0c1d2e3f4a5b", displayName: "Olivia", uniqueName: `Olivia-${workspaces}@Fabrikam.com`, vote: 10 },
    ];
    const res = await owner.post("/api/integrations/ado/sync");
    expect(res.status).toBe(202);
    expect(res.body.queued).toBeGreaterThanOrEqual(2);
    await until("renamed title", async () => (await objectiveLinks(objectiveId)).some((l) => l.item.title === "renamed while hooks were down"));
    const month = (await owner.get(`/api/members/${olivia}/timeline?period=month&periods=1&until=${pr.creationDate!.slice(0, 10)}`)).body.periods[0];
    expect(month.counts.reviewed).toBe(1);
    expect(month.entries[0]).toMatchObject({ kind: "reviewed", verdict: "approved", item: { title: "renamed while hooks were down" } });

    // Poll: reopen the PR, then make both the last webhook and the last fetch old.
    pr.title = "seen by the poll";
    pr.status = "active";
    const sql = app.services.storage.sequelize;
    const mine = { old: new Date(Date.now() - 3600_000), ws: (await owner.get("/api/auth/session")).body.workspace.id };
    await sql.query("UPDATE context_items SET state = 'active', fetched_at = :old WHERE workspace_id = :ws", { replacements: mine });
    await sql.query("UPDATE ado_connections SET last_delivery_at = :old WHERE workspace_id = :ws", { replacements: mine });
    await app.services.queue.enqueue(AdoSyncStaleJob, {});
    await until("polled title", async () => (await objectiveLinks(objectiveId)).some((l) => l.item.title === "seen by the poll"));
  });

  it("takes every documented service-hook sample at the real endpoint and processes it", async () => {
    const samples = hostEventSamples("ado");
    expect(samples).toHaveLength(7);
    for (const name of samples) {
      const event = fixture(name);
      event.id = `sample-${name}`;
      const res = await sendServiceHook(webhookUrl, event, secret);
      expect(res.status, name).toBe(202);
      expect(await res.json(), name).toEqual({ received: true, duplicate: false });
    }
    const done = await until("samples processed", async () => {
      const rows = await app.services.storage.sequelize.query<{ status: string }>("SELECT status FROM jobs WHERE dedupe_key LIKE '%:sample-%'", {
        type: QueryTypes.SELECT,
      });
      return rows.length === samples.length && rows.every((r) => r.status === "done") && rows;
    });
    expect(done).toHaveLength(7);
  });

  it("posts a handful of statuses, the last one right, for 200 updates of one pull request", async () => {
    const posted = () => (adoState.statuses ?? []).filter((st) => st.pullRequestId === 1);
    const before = posted().length;
    const updates = Array.from({ length: 200 }, (_, i) => ({ ...fixture("git.pullrequest.updated.json"), id: `burst-${i}` }));
    for (let i = 0; i < updates.length; i += 50) await Promise.all(updates.slice(i, i + 50).map((u) => sendServiceHook(webhookUrl, u, secret)));
    await jobsSettled(app.services.storage.sequelize, "burst processed");
    const made = posted().length - before;
    // At most one per 250 ms window in which the worker handles the updates (a few seconds here, more on a busy machine).
    expect(made).toBeGreaterThanOrEqual(1);
    expect(made).toBeLessThanOrEqual(20);
    const [{ n }] = (await app.services.storage.sequelize.query<{ n: number }>(
      "SELECT COUNT(*) AS n FROM context_links l JOIN context_items i ON i.id = l.context_item_id WHERE i.external_key = 'ado:fabrikam:fabrikam:fabrikam:pr:1' AND i.workspace_id = :ws",
      { type: QueryTypes.SELECT, replacements: { ws: (await owner.get("/api/auth/session")).body.workspace.id } },
    )) as [{ n: number }];
    const links = Number(n);
    expect(links).toBeGreaterThan(0);
    expect(posted().at(-1)!.description).toBe(`Linked to ${links} item${links === 1 ? "" : "s"} in Groundwork`);
  });

  it("replaces the webhook secret, and disconnecting keeps the last snapshots", async () => {
    // Service hooks need a public URL; the ones made here must go when the connection does.
    const config = app.services.config;
    const realUrl = config.publicUrl;
    config.publicUrl = new URL("https://groundwork.example.com");
    try {
      expect((await owner.post("/api/integrations/ado/service-hooks")).body).toMatchObject({ created: 7 });
    } finally {
      config.publicUrl = realUrl;
    }
    const rotated = await owner.post("/api/integrations/ado/webhook-secret");
    expect(rotated.status).toBe(200);
    expect((await sendServiceHook(webhookUrl, { ...merged, id: "after-rotate" }, secret)).status).toBe(401);
    expect((await sendServiceHook(webhookUrl, { ...merged, id: "after-rotate" }, rotated.body.webhookSecret)).status).toBe(202);

    // Reconnecting (new token, fewer services) keeps the secret the hooks use.
    const reconnect = await owner.post("/api/integrations/ado", { orgUrl: "dev.azure.com/fabrikam", pat: PAT, services: { comments: false } });
    expect(reconnect.status, JSON.stringify(reconnect.body)).toBe(201);
    expect(reconnect.body.webhook).toBeNull();
    expect(reconnect.body.connection.services).toMatchObject({ comments: false, pullRequests: true });
    // The events to subscribe to by hand follow the services: no comment events once comments are off.
    expect(reconnect.body.connection.neededServiceHooks.map((e: { label: string }) => e.label)).toEqual([
      "Pull request created",
      "Pull request updated",
      "Pull request merge attempted",
      "Work item created",
      "Work item updated",
    ]);
    expect((await sendServiceHook(webhookUrl, { ...merged, id: "after-reconnect" }, rotated.body.webhookSecret)).status).toBe(202);

    expect((await owner.delete("/api/integrations/ado?deleteServiceHooks=true")).status).toBe(204);
    expect(adoState.subscriptions).toEqual([]);
    expect((await owner.get("/api/integrations")).body.ado).toEqual({ connected: false, connection: null, signInWithMicrosoft: false });
    expect((await sendServiceHook(webhookUrl, { ...merged, id: "after-disconnect" }, rotated.body.webhookSecret)).status).toBe(401);
    const pr = (await objectiveLinks(objectiveId)).find((l) => l.item.kind === "pull_request")!.item;
    expect(pr.metadataStatus).toBe("fetched");
  });

  it("never reads or writes a repository the connection does not follow", async () => {
    const reconnected = await owner.post("/api/integrations/ado", { orgUrl: "https://dev.azure.com/fabrikam", pat: PAT, repositoryIds: [] });
    expect(reconnected.status).toBe(201);
    expect(reconnected.body.connection.repositories).toEqual([]);
    const before = ado.requests.length;
    const { client: member } = await inviteMember(owner, "linker@fabrikam.com", "Linus");
    const feedback = (await member.post("/api/feedback", { subjectId: (await owner.get("/api/auth/session")).body.member.id, body: "Thanks for the review" }))
      .body;
    const link = await member.post("/api/context-links", {
      targetType: "feedback",
      targetId: feedback.id,
      url: "https://dev.azure.com/fabrikam/Fabrikam/_git/Fabrikam/pullrequest/99",
    });
    expect(link.status, JSON.stringify(link.body)).toBe(201);
    await until("link marked not followed", async () => {
      const links = (await member.get("/api/feedback")).body.items.flatMap((f: { links: { item: { metadataStatus: string } }[] }) => f.links);
      return links.some((l: { item: { metadataStatus: string } }) => l.item.metadataStatus === "not_followed");
    });
    await settled();
    const touched = ado.requests.slice(before).filter((r) => /pullrequests\/99/i.test(r.path));
    expect(touched).toEqual([]);
  });

  it("finds recent pull requests and work items to attach by title, author, repository or number", async () => {
    const pr1 = adoState.pullRequests![0]!;
    adoState.pullRequests!.push({
      ...structuredClone(pr1),
      pullRequestId: 2,
      title: "Speed up checkout",
      status: "completed",
      creationDate: "2026-11-01T10:00:00Z",
      closedDate: "2026-11-02T10:00:00Z",
      createdBy: { id: "g1", displayName: "Grace Hopper", uniqueName: "grace@fabrikam.com" },
    });
    adoState.workItems!.push({
      id: 6,
      rev: 1,
      fields: {
        "System.Title": "O'Brien's checkout bug",
        "System.TeamProject": "FabrikamCloud",
        "System.State": "Active",
        "System.WorkItemType": "Bug",
        "System.ChangedDate": "2026-11-03T10:00:00Z",
        "System.AssignedTo": { displayName: "Grace Hopper", uniqueName: "grace@fabrikam.com" },
      },
    });
    const { client: member } = await inviteMember(owner, "mia@fabrikam.com", "Mia");
    const search = async (q: string) => {
      const res = await member.get(`/api/context-search?q=${encodeURIComponent(q)}`);
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      expect(res.body.unavailable).toEqual([]);
      return res.body.items as {
        reference: string;
        kind: string;
        url: string;
        title: string;
        author: string | null;
        where: string | null;
        state: string | null;
      }[];
    };

    // Nothing typed: the most recent of both kinds, newest first; a completed PR too (Azure DevOps lists active ones unless asked).
    const listed = () => ado.requests.filter((r) => /\/_apis\/git\/pullrequests$/.test(r.path)).length;
    const before = listed();
    expect((await search("")).map((i) => i.reference)).toEqual(["#6", "!2", "#5", "!1"]);
    expect(listed()).toBe(before + 1);
    expect((await search("checkout")).map((i) => i.reference)).toEqual(["#6", "!2"]);
    expect(await search("grace")).toMatchObject([{ reference: "!2", author: "Grace Hopper", where: "Fabrikam", state: "completed" }]);
    expect((await search("fabrikam")).filter((i) => i.kind === "pull_request").map((i) => i.reference)).toEqual(["!2", "!1"]);
    expect((await search("!2")).map((i) => i.reference)).toEqual(["!2"]);
    expect((await search("#5")).map((i) => i.reference)).toEqual(["#5"]);
    // Typing on reads the project's pull requests once, not once per search.
    expect(listed()).toBe(before + 1);
    // A quote goes to Azure DevOps doubled inside the WIQL string, as WIQL quotes it; the fake parses the query and refuses a broken one.
    const found = await search("o'brien");
    expect(found).toMatchObject([{ reference: "#6", kind: "work_item", where: "FabrikamCloud", author: "Grace Hopper", state: "Active" }]);
    const wiql = ado.requests.filter((r) => /_apis\/wit\/wiql$/.test(r.path)).at(-1)!;
    expect(JSON.parse(wiql.body).query).toContain("[System.Title] CONTAINS 'o''brien'");
    expect(wiql.query.get("$top")).toBe("20");

    // Picking one attaches it as pasting its link does.
    const feedback = (await member.post("/api/feedback", { subjectId: (await owner.get("/api/auth/session")).body.member.id, body: "Great checkout work" }))
      .body;
    const attached = await member.post("/api/context-links", { targetType: "feedback", targetId: feedback.id, url: (await search("grace"))[0]!.url });
    expect(attached.status).toBe(201);
    expect(attached.body.item.externalKey).toBe("ado:fabrikam:fabrikam:fabrikam:pr:2");
  });

  it("searches only followed repositories, and names Azure DevOps when it cannot be searched", async () => {
    const reconnected = await owner.post("/api/integrations/ado", { orgUrl: "https://dev.azure.com/fabrikam", pat: PAT, repositoryIds: [] });
    expect(reconnected.status).toBe(201);
    const res = await owner.get("/api/context-search?q=");
    expect(res.body.items.map((i: { reference: string }) => i.reference)).toEqual(["#5"]);

    ado.fail({ path: /_apis\/wit\/wiql$/, respond: failures.unauthorized() });
    const refused = await owner.get("/api/context-search?q=idea");
    expect(refused.status).toBe(200);
    expect(refused.body).toEqual({ items: [], unavailable: [{ host: "ado", message: "Authorization denied — check the token and its expiry" }] });
    expect((await owner.get(`/api/context-search?q=${"x".repeat(201)}`)).body.error).toMatchObject({ field: "query.q" });
  });

  it("never shows or logs the PAT", async () => {
    // Besides whatever ran before: every path that handles the token, including a refusal and a failure.
    await owner.post("/api/integrations/ado/test", { orgUrl: "fabrikam", pat: PAT });
    await owner.post("/api/integrations/ado/test", { orgUrl: "fabrikam", pat: PAT.replaceAll("k", "x") });
    ado.fail({ path: /pullrequests\/1$/, respond: failures.unauthorized() });
    expect((await owner.post("/api/integrations/ado", { orgUrl: "https://dev.azure.com/fabrikam", pat: PAT })).status).toBe(201);
    await owner.post("/api/integrations/ado/sync");
    await settled();
    expect(logLines.length).toBeGreaterThan(10);
    for (const line of [...logLines, ...responses]) expect(line).not.toContain(PAT);
    const stored = await app.services.storage.sequelize.query<Record<string, unknown>>("SELECT * FROM ado_connections", { type: QueryTypes.SELECT });
    expect(JSON.stringify(stored)).not.toContain(PAT);
  });
});
