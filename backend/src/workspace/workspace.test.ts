import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ApiFailure, data } from "@groundwork/shared-types/client";
import { inviteMember, signUp, startTestApp, type ApiClient } from "../testing/testApp.js";

let app: Awaited<ReturnType<typeof startTestApp>>;
let owner: ApiClient;
let member: ApiClient;
let outsider: ApiClient;
let ownerId: string;
let memberId: string;

const PR = "https://dev.azure.com/contoso/Fabrikam/_git/web/pullrequest/42";
const WI = "https://contoso.visualstudio.com/Fabrikam/_workitems/edit/7";
const BB = "https://bitbucket.org/acme/widgets/pull-requests/3";

beforeAll(async () => {
  app = await startTestApp();
  const o = await signUp(app.url, "Olivia Owner", "olivia@example.com");
  owner = o.client;
  ownerId = o.session.member.id;
  const m = await inviteMember(owner, "Max.Member@Example.com", "Max Member");
  member = m.client;
  memberId = m.session.member.id;
  outsider = (await signUp(app.url, "Otto Outsider", "otto@example.com")).client;
});
afterAll(() => app?.close());

describe("feedback", () => {
  it("shares feedback with its subject, keeps private notes private, and hides both from outsiders", async () => {
    const shared = await owner.post("/api/feedback", { subjectId: memberId, body: "Great review of the payments PR" });
    expect(shared.status).toBe(201);
    expect(shared.body.visibility).toBe("shared_with_subject");
    const priv = await owner.post("/api/feedback", { subjectId: memberId, body: "Private note", visibility: "private" });
    expect(priv.status).toBe(201);

    // Other tests leave feedback about the member too: what matters is which of these two they see.
    const seenByMember = (await member.get("/api/feedback")).body.items.map((f: { id: string }) => f.id);
    expect(seenByMember).toContain(shared.body.id);
    expect(seenByMember).not.toContain(priv.body.id);
    expect((await outsider.get("/api/feedback")).body.items).toEqual([]);
    expect((await member.patch(`/api/feedback/${shared.body.id}`, { body: "edited" })).status).toBe(403);
    expect((await outsider.delete(`/api/feedback/${shared.body.id}`)).status).toBe(404);
  });

  it("refuses feedback about someone outside the workspace", async () => {
    const outsiderId = (await outsider.get("/api/auth/session")).body.member.id;
    const res = await owner.post("/api/feedback", { subjectId: outsiderId, body: "x" });
    expect(res.status).toBe(404);
    expect(res.body.error.field).toBe("body.subjectId");
  });
});

describe("1:1s", () => {
  it("keeps one 1:1 per pair with an agenda both can add to and tick off", async () => {
    const a = await owner.post("/api/one-on-ones", { memberId });
    const b = await member.post("/api/one-on-ones", { memberId: ownerId });
    expect(b.body.id).toBe(a.body.id);
    const item = await member.post(`/api/one-on-ones/${a.body.id}/agenda-items`, { text: "Talk about on-call load" });
    expect(item.status).toBe(201);
    const done = await owner.patch(`/api/agenda-items/${item.body.id}`, { done: true });
    expect(done.body.done).toBe(true);
    const list = await owner.get("/api/one-on-ones");
    expect(list.body.items.find((o: { id: string }) => o.id === a.body.id).agenda.find((i: { id: string }) => i.id === item.body.id)).toMatchObject({
      text: "Talk about on-call load",
      done: true,
    });
    expect((await outsider.post(`/api/one-on-ones/${a.body.id}/agenda-items`, { text: "sneak" })).status).toBe(404);
    expect((await owner.post("/api/one-on-ones", { memberId: ownerId })).status).toBe(400);
  });
});

describe("OKRs", () => {
  it("sets an objective with key results and tracks progress; only owner or workspace owners edit", async () => {
    const o = await data(member.api.POST("/api/objectives", { body: { title: "Faster CI", period: "2026-Q4" } }));
    expect(o.ownerId).toBe(memberId);
    const kr = await data(
      member.api.POST("/api/objectives/{id}/key-results", { params: { path: { id: o.id } }, body: { title: "p95 under 10 min", target: 10 } }),
    );
    expect(kr).toMatchObject({ target: 10, current: 0 });
    const progressed = await data(owner.api.PATCH("/api/key-results/{id}", { params: { path: { id: kr.id } }, body: { current: 4 } }));
    expect(progressed.current).toBe(4);
    const other = await inviteMember(owner, `other-${Date.now()}@example.com`, "Other");
    await expect(data(other.client.api.PATCH("/api/objectives/{id}", { params: { path: { id: o.id } }, body: { title: "Mine now" } }))).rejects.toMatchObject({
      status: 403,
    });
    await expect(data(member.api.POST("/api/objectives", { body: { title: "X", period: "Q4" } }))).rejects.toMatchObject({ status: 400, field: "body.period" });
  });
});

describe("competencies", () => {
  it("lets owners define a framework and assess members; members see their own assessments", async () => {
    const levels = (...titles: string[]) => titles.map((title, i) => ({ level: i + 1, title }));
    const c = await data(owner.api.POST("/api/competencies", { body: { name: "Code review", levels: levels("Learning", "Practising", "Leading") } }));
    expect(c.levels.map((l) => l.title)).toEqual(["Learning", "Practising", "Leading"]);
    const refused = (call: Promise<{ data?: unknown }>) =>
      data(call).then(
        () => 0,
        (e: ApiFailure) => e.status,
      );
    expect(await refused(member.api.POST("/api/competencies", { body: { name: "X", levels: levels("a") } }))).toBe(403);
    expect(await refused(owner.api.POST("/api/competencies", { body: { name: "Code review", levels: levels("a") } }))).toBe(409);
    const sameLevelTwice = [
      { level: 1, title: "a" },
      { level: 1, title: "b" },
    ];
    expect(await refused(owner.api.POST("/api/competencies", { body: { name: "Y", levels: sameLevelTwice } }))).toBe(400);

    await data(owner.api.POST("/api/assessments", { body: { memberId, competencyId: c.id, level: 2, note: "Thorough reviews" } }));
    expect(await refused(owner.api.POST("/api/assessments", { body: { memberId, competencyId: c.id, level: 9 } }))).toBe(400);
    expect(await refused(member.api.POST("/api/assessments", { body: { memberId: ownerId, competencyId: c.id, level: 1 } }))).toBe(403);
    expect((await data(member.api.GET("/api/assessments"))).items).toHaveLength(1);
    expect(await refused(member.api.GET("/api/assessments", { params: { query: { memberId: ownerId } } }))).toBe(403);
  });
});

describe("context links", () => {
  it("attaches PR and work item URLs to every kind of target as metadata pending, and unlinks them", async () => {
    const feedback = (await owner.post("/api/feedback", { subjectId: memberId, body: "Nice PR" })).body;
    const oneOnOne = (await owner.post("/api/one-on-ones", { memberId })).body;
    const agenda = (await owner.post(`/api/one-on-ones/${oneOnOne.id}/agenda-items`, { text: "Release" })).body;
    const objective = (await member.post("/api/objectives", { title: "Ship search", period: "2026-Q4" })).body;
    const kr = (await member.post(`/api/objectives/${objective.id}/key-results`, { title: "Launch" })).body;
    const competency = (await owner.post("/api/competencies", { name: "Delivery", levels: [{ level: 1, title: "One" }] })).body;

    const targets = [
      ["feedback", feedback.id],
      ["agenda_item", agenda.id],
      ["objective", objective.id],
      ["key_result", kr.id],
      ["competency", competency.id],
    ] as const;
    for (const [targetType, targetId] of targets) {
      const res = await owner.post("/api/context-links", { targetType, targetId, url: PR, note: "context" });
      expect(res.status, targetType).toBe(201);
      expect(res.body.item).toMatchObject({ host: "ado", kind: "pull_request", metadataStatus: "pending" });
    }
    const wi = await member.post("/api/context-links", { targetType: "objective", targetId: objective.id, url: WI });
    expect(wi.body.item).toMatchObject({ kind: "work_item", hostIds: { workItemId: 7 } });
    const bb = await member.post("/api/context-links", { targetType: "key_result", targetId: kr.id, url: BB });
    expect(bb.body.item.host).toBe("bitbucket");

    // The same PR is one context item, whichever URL form was pasted.
    const okrs = (await owner.get("/api/objectives")).body.items.find((o: { id: string }) => o.id === objective.id);
    expect(okrs.links).toHaveLength(2);
    expect(okrs.keyResults[0].links).toHaveLength(2);
    const feedbackLinks = (await owner.get("/api/feedback")).body.items.find((f: { id: string }) => f.id === feedback.id).links;
    expect(feedbackLinks[0].item.id).toBe(okrs.links[0].item.id);

    const dup = await owner.post("/api/context-links", {
      targetType: "objective",
      targetId: objective.id,
      url: "https://contoso.visualstudio.com/Fabrikam/_git/web/pullrequest/42",
    });
    expect(dup.status).toBe(409);

    const unlink = await member.delete(`/api/context-links/${wi.body.id}`);
    expect(unlink.status).toBe(204);
    const after = (await owner.get("/api/objectives")).body.items.find((o: { id: string }) => o.id === objective.id);
    expect(after.links.map((l: { item: { kind: string } }) => l.item.kind)).toEqual(["pull_request"]);

    // Contributions: what is linked to the member's feedback and OKRs, newest first.
    const contributions = await owner.get(`/api/members/${memberId}/contributions`);
    expect(contributions.status).toBe(200);
    expect(contributions.body.items.map((c: { item: { host: string } }) => c.item.host).sort()).toEqual(["ado", "bitbucket"]);
  });

  it("counts in a member's contributions what is attached to their key results and to feedback the caller may see, and nothing else", async () => {
    const { client: lead, session: leadSession } = await signUp(app.url, "Lena Lead", "lena@example.com");
    const dev = await inviteMember(lead, "dev@example.com", "Dana Dev");
    const peer = await inviteMember(lead, "peer@example.com", "Pat Peer");
    const pr = (n: number) => `https://bitbucket.org/acme/contrib/pull-requests/${n}`;
    const objective = (await lead.post("/api/objectives", { title: "Ship it", period: "2026-Q4", ownerId: dev.session.member.id })).body;
    const kr = (await lead.post(`/api/objectives/${objective.id}/key-results`, { title: "p95 < 200 ms", target: 200 })).body;
    const shared = (await lead.post("/api/feedback", { subjectId: dev.session.member.id, body: "Shared" })).body;
    const secret = (await lead.post("/api/feedback", { subjectId: dev.session.member.id, body: "Private", visibility: "private" })).body;
    const aboutPeer = (await lead.post("/api/feedback", { subjectId: peer.session.member.id, body: "Someone else" })).body;
    for (const [targetType, targetId, n] of [
      ["key_result", kr.id, 1],
      ["feedback", shared.id, 2],
      ["feedback", secret.id, 3],
      ["feedback", aboutPeer.id, 4],
    ] as const)
      expect((await lead.post("/api/context-links", { targetType, targetId, url: pr(n) })).status).toBe(201);
    const seen = async (as: ApiClient) =>
      ((await as.get(`/api/members/${dev.session.member.id}/contributions`)).body.items as { item: { url: string } }[]).map((c) => c.item.url).sort();
    // The lead wrote the private note: they see what it carries; Dana, its subject, does not.
    expect(await seen(lead)).toEqual([pr(1), pr(2), pr(3)]);
    expect(await seen(dev.client)).toEqual([pr(1), pr(2)]);
    expect(leadSession.workspace.id).toBe(dev.session.workspace.id);
  });

  it("refuses an unknown URL with the expected forms, and changes nothing", async () => {
    const objective = (await owner.post("/api/objectives", { title: "Tidy", period: "2026-Q4" })).body;
    const res = await owner.post("/api/context-links", {
      targetType: "objective",
      targetId: objective.id,
      url: "https://github.com/a/b/pull/1",
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: "unsupported_url", field: "body.url" });
    expect(res.body.error.message).toContain("dev.azure.com/{organization}");
    const list = (await owner.get("/api/objectives")).body.items.find((o: { id: string }) => o.id === objective.id);
    expect(list.links).toEqual([]);
  });

  it("refuses linking to another workspace's target or someone else's private feedback", async () => {
    const objective = (await owner.post("/api/objectives", { title: "Secret", period: "2026-Q4" })).body;
    const foreign = await outsider.post("/api/context-links", { targetType: "objective", targetId: objective.id, url: PR });
    expect(foreign.status).toBe(404);
    const priv = (await owner.post("/api/feedback", { subjectId: memberId, body: "private", visibility: "private" })).body;
    const peek = await member.post("/api/context-links", { targetType: "feedback", targetId: priv.id, url: PR });
    expect(peek.status).toBe(404);
    const link = (await owner.post("/api/context-links", { targetType: "objective", targetId: objective.id, url: BB })).body;
    expect((await outsider.delete(`/api/context-links/${link.id}`)).status).toBe(404);
  });

  it("links the same new URL from many places at once, one item for all of them", async () => {
    const url = "https://bitbucket.org/acme/widgets/pull-requests/77";
    const objectives = await Promise.all(
      Array.from({ length: 6 }, (_, i) => owner.post("/api/objectives", { title: `Race ${i}`, period: "2026-Q4" }).then((r) => r.body.id as string)),
    );
    const links = await Promise.all(objectives.map((targetId) => owner.post("/api/context-links", { targetType: "objective", targetId, url })));
    expect(links.map((l) => l.status)).toEqual(objectives.map(() => 201));
    expect(new Set(links.map((l) => l.body.item.id)).size).toBe(1);
    const again = await owner.post("/api/context-links", { targetType: "objective", targetId: objectives[0], url });
    expect(again.status).toBe(409);
  });

  it("removes links with the thing they were attached to", async () => {
    const objective = (await owner.post("/api/objectives", { title: "Temporary", period: "2026-Q4" })).body;
    await owner.post("/api/context-links", { targetType: "objective", targetId: objective.id, url: PR });
    expect((await owner.delete(`/api/objectives/${objective.id}`)).status).toBe(204);
    const relink = await owner.post("/api/context-links", { targetType: "objective", targetId: objective.id, url: PR });
    expect(relink.status).toBe(404);
  });
});

describe("the API surface", () => {
  it("publishes an OpenAPI document generated from the same schemas", async () => {
    const res = await fetch(new URL("/api/openapi.json", app.url));
    const doc: any = await res.json();
    expect(doc.openapi).toBe("3.1.0");
    const post = doc.paths["/api/context-links"].post;
    expect(post.requestBody.content["application/json"].schema.properties.targetType.enum).toContain("key_result");
    expect(doc.paths["/api/members/{id}"].patch.parameters[0]).toMatchObject({ name: "id", in: "path" });
  });

  it("answers unknown endpoints with JSON 404 and reports health", async () => {
    const res = await owner.get("/api/nope");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("no_such_endpoint");
    expect((await fetch(new URL("/readyz", app.url))).status).toBe(200);
    expect((await fetch(new URL("/healthz", app.url))).status).toBe(200);
  });
});
