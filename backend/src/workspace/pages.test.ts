import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FeedbackRow } from "../storage/models.js";
import { inviteMember, signUp, startTestApp, type ApiClient } from "../testing/testApp.js";

let app: Awaited<ReturnType<typeof startTestApp>>;
let owner: ApiClient;
let member: ApiClient;
let ownerId: string;
let memberId: string;

beforeAll(async () => {
  app = await startTestApp();
  const o = await signUp(app.url, "Olivia Owner", "olivia@example.com");
  owner = o.client;
  ownerId = o.session.member.id;
  const m = await inviteMember(owner, "max@example.com", "Max Member");
  member = m.client;
  memberId = m.session.member.id;
});
afterAll(() => app?.close());

/** Every page of a list, following nextCursor; each page must hold at most `limit` items. */
async function walk(client: ApiClient, path: string, limit: number) {
  const items: { id: string }[] = [];
  let cursor: string | null = null;
  let pages = 0;
  do {
    const res: { status: number; body: { items: { id: string }[]; nextCursor: string | null } } = await client.get(
      `${path}${path.includes("?") ? "&" : "?"}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
    );
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.items.length).toBeLessThanOrEqual(limit);
    items.push(...res.body.items);
    cursor = res.body.nextCursor;
    pages++;
  } while (cursor && pages < 100);
  return { items, pages };
}

const ids = (items: { id: string }[]) => items.map((i) => i.id);

describe("every list is read a page at a time", () => {
  it("hands out each item once, in order, even when items share a timestamp or arrive between pages", async () => {
    const written: string[] = [];
    for (let i = 0; i < 7; i++) written.push((await owner.post("/api/feedback", { subjectId: memberId, body: `Note ${i}` })).body.id);
    // Three written in the same millisecond: the id breaks the tie, so none is skipped or repeated.
    await app.services.storage.sequelize.query("UPDATE feedback SET created_at = (SELECT created_at FROM feedback WHERE id = :first) WHERE id IN (:tied)", {
      replacements: { first: written[2], tied: written.slice(2, 5) },
    });

    const { items, pages } = await walk(owner, "/api/feedback", 3);
    expect(pages).toBe(3);
    expect(new Set(ids(items)).size).toBe(7);
    expect(ids(items).sort()).toEqual([...written].sort());
    const times = items.map((f) => Date.parse((f as unknown as { createdAt: string }).createdAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));

    const first = await owner.get("/api/feedback?limit=3");
    await owner.post("/api/feedback", { subjectId: memberId, body: "Written while reading" });
    const second = await owner.get(`/api/feedback?limit=3&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(ids(second.body.items)).toEqual(ids(items).slice(3, 6));
  });

  it("pages members, invites, objectives, competencies, assessments, 1:1s and contributions alike", async () => {
    for (let i = 0; i < 4; i++) await owner.post("/api/invites", { email: `person${i}@example.com` });
    for (let i = 0; i < 5; i++) await owner.post("/api/objectives", { title: `Objective ${i}`, period: "2026-Q4", ownerId: memberId });
    for (const name of ["Delivery", "Architecture", "Code review", "Mentoring", "Communication"])
      await owner.post("/api/competencies", { name, levels: [{ level: 1, title: "Learning" }] });
    const competencies = (await owner.get("/api/competencies?limit=200")).body.items as { id: string; name: string }[];
    for (const c of competencies) await owner.post("/api/assessments", { memberId, competencyId: c.id, level: 1 });
    for (let i = 0; i < 3; i++) await inviteMember(owner, `teammate${i}@example.com`, `Teammate ${i}`);
    const team = (await owner.get("/api/members?limit=200")).body.items as { id: string }[];
    for (const m of team.filter((t) => t.id !== ownerId)) await owner.post("/api/one-on-ones", { memberId: m.id });
    const objectives = (await owner.get(`/api/objectives?ownerId=${memberId}`)).body.items as { id: string }[];
    for (const [i, o] of objectives.entries())
      await owner.post("/api/context-links", { targetType: "objective", targetId: o.id, url: `https://bitbucket.org/acme/widgets/pull-requests/${i + 1}` });

    const expectations: [string, number][] = [
      ["/api/members", 5],
      ["/api/invites", 8],
      [`/api/objectives?ownerId=${memberId}`, 5],
      ["/api/competencies", 5],
      [`/api/assessments?memberId=${memberId}`, 5],
      ["/api/one-on-ones", 4],
      [`/api/members/${memberId}/contributions`, 5],
    ];
    for (const [path, count] of expectations) {
      const { items, pages } = await walk(owner, path, 2);
      const key = (i: { id?: string; item?: { id: string } }) => i.id ?? i.item!.id;
      expect(items.map(key), path).toHaveLength(count);
      expect(new Set(items.map(key)).size, path).toBe(count);
      expect(pages, path).toBe(Math.ceil(count / 2));
    }
    const names = (await walk(owner, "/api/competencies", 2)).items.map((c) => (c as unknown as { name: string }).name);
    expect(names).toEqual([...names].sort());
  });

  it("keeps a page the same size however large the workspace grows", async () => {
    const { client, session } = await signUp(app.url, "Big Team", "big@example.com");
    const subject = (await inviteMember(client, "subject@example.com", "Sam Subject")).session.member.id;
    const row = { workspaceId: session.workspace.id, authorId: session.member.id, subjectId: subject, visibility: "private" as const };
    await FeedbackRow.bulkCreate(Array.from({ length: 200 }, (_, i) => ({ ...row, body: `Feedback number ${i}`.padEnd(200, ".") })));
    const small = await client.get("/api/feedback");
    await FeedbackRow.bulkCreate(Array.from({ length: 1800 }, (_, i) => ({ ...row, body: `Feedback number ${i + 200}`.padEnd(200, ".") })));
    const large = await client.get("/api/feedback");
    expect(small.body.items).toHaveLength(50);
    expect(large.body.items).toHaveLength(50);
    const size = (r: { body: unknown }) => JSON.stringify(r.body).length;
    expect(size(large) / size(small)).toBeLessThan(1.1);
  });

  it("refuses a cursor it did not hand out, and a page size out of range, naming the parameter", async () => {
    for (const cursor of [
      "not-a-cursor",
      Buffer.from('["yesterday","00000000-0000-4000-8000-000000000000"]').toString("base64url"),
      Buffer.from("[1]").toString("base64url"),
    ]) {
      const res = await owner.get(`/api/feedback?cursor=${cursor}`);
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({ code: "invalid_cursor", field: "query.cursor" });
    }
    for (const limit of ["0", "201", "ten"]) {
      const res = await owner.get(`/api/objectives?limit=${limit}`);
      expect(res.status).toBe(400);
      expect(res.body.error.field).toBe("query.limit");
    }
  });
});

describe("link targets are found by search", () => {
  it("matches what the target says or whom it concerns, takes % and _ literally, and pages across kinds", async () => {
    const { client, session } = await signUp(app.url, "Searcher", "searcher@example.com");
    const grace = (await inviteMember(client, "grace@example.com", "Grace Hopper")).session.member.id;
    await client.post("/api/feedback", { subjectId: grace, body: "Cut latency by 50% on checkout" });
    await client.post("/api/feedback", { subjectId: grace, body: "Great on-call handover" });
    const oneOnOne = (await client.post("/api/one-on-ones", { memberId: grace })).body;
    await client.post(`/api/one-on-ones/${oneOnOne.id}/agenda-items`, { text: "Checkout latency follow-up" });
    const objective = (await client.post("/api/objectives", { title: "Fast checkout", period: "2026-Q4" })).body;
    await client.post(`/api/objectives/${objective.id}/key-results`, { title: "p99 checkout under 300 ms" });
    await client.post("/api/competencies", { name: "Checkout_domain", levels: [{ level: 1, title: "Learning" }] });

    const titles = async (q: string) =>
      ((await client.get(`/api/link-targets?q=${encodeURIComponent(q)}`)).body.items as { title: string }[]).map((t) => t.title);
    expect(await titles("CHECKOUT")).toEqual([
      "About Grace Hopper: Cut latency by 50% on checkout",
      "With Grace Hopper: Checkout latency follow-up",
      "2026-Q4 · Fast checkout",
      "Fast checkout → p99 checkout under 300 ms",
      "Checkout_domain",
    ]);
    expect(await titles("grace")).toEqual([
      "About Grace Hopper: Great on-call handover",
      "About Grace Hopper: Cut latency by 50% on checkout",
      "With Grace Hopper: Checkout latency follow-up",
    ]);
    expect(await titles("50%")).toEqual(["About Grace Hopper: Cut latency by 50% on checkout"]);
    expect(await titles("t_d")).toEqual(["Checkout_domain"]);
    expect(await titles("%")).toEqual(["About Grace Hopper: Cut latency by 50% on checkout"]);

    const { items, pages } = await walk(client, "/api/link-targets", 2);
    expect(items.map((t) => (t as unknown as { type: string }).type)).toEqual(["feedback", "feedback", "agenda_item", "objective", "key_result", "competency"]);
    expect(pages).toBeGreaterThanOrEqual(3);
    // Someone else's workspace and private notes stay out of reach.
    expect((await member.get("/api/link-targets?q=checkout")).body.items).toEqual([]);
    expect(session.member.id).not.toBe(ownerId);
  });
});
