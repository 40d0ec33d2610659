import { Writable } from "node:stream";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Insight } from "@groundwork/shared-types";
import { fakeLanguageModel, type FakeLanguageModelState } from "@groundwork/simulators/languageModel";
import { createLogger } from "../../log.js";
import { ContextItemRow } from "../../storage/models.js";
import { inviteMember, signUp, startTestApp, type ApiClient } from "../../testing/testApp.js";
import { until } from "../../testing/until.js";
import { createFetchedPullRequest } from "../../testing/fetchedItems.js";
import { queueInsight } from "./derive.js";

/** Insights drawn by an OpenAI-compatible model where an owner turned it on, falling back to the extractor. */
const KEY = "sk-test-0123456789abcdefghijklmnopqrstuvwxyz";
/** What a good model answers for the sandbox PR: quotes of the input, and one point it made up. */
const goodAnswer = () =>
  JSON.stringify({
    themes: [{ theme: "reliability", evidence: [{ source: "description", text: "Refund requests retried by the gateway created duplicate refunds." }] }],
    contributions: [
      { text: "Made refund requests idempotent with a stored key", evidence: [{ source: "title", text: "Make refunds idempotent" }] },
      { text: "Rewrote the payment gateway client", evidence: [{ source: "file", text: "src/gateway/client.ts" }] },
    ],
    impact: [
      {
        text: "No more double refunds when the gateway times out",
        evidence: [{ source: "description", text: "Customers are no longer refunded twice when the gateway times out." }],
      },
    ],
  });

const state: FakeLanguageModelState = { apiKey: KEY, model: "gw-test-model", answer: goodAnswer };
const model = fakeLanguageModel(state);
const logLines: string[] = [];
let app: Awaited<ReturnType<typeof startTestApp>>;
let owner: ApiClient;
let workspaceId: string;
let n = 0;

/** The sandbox's pull request, fetched, with its insight queued. */
async function linkedItem() {
  const item = await createFetchedPullRequest(workspaceId);
  await queueInsight(app.services, item);
  return until("insight derived", async () => (await ContextItemRow.findByPk(item.id))?.insight as Insight | null, 20_000);
}

beforeAll(async () => {
  await model.start();
  const sink = new Writable({
    write(chunk, _e, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  app = await startTestApp({ worker: { enabled: true, concurrency: 2, maxAttempts: 3 } }, createLogger("debug", sink));
});
beforeEach(async () => {
  state.answer = goodAnswer;
  model.clearFailures();
  app.services.config.insightModel = { baseUrl: `${model.url}/v1`, model: "gw-test-model", apiKey: KEY, timeoutMs: 1000 };
  ({ client: owner } = await signUp(app.url, "Olivia", `olivia-${++n}@example.com`));
  workspaceId = (await owner.get("/api/auth/session")).body.workspace.id;
});
afterAll(async () => {
  await app?.close();
  await model.stop();
});

describe("the language model", () => {
  it("is off until an owner turns it on, and then draws the insight, keeping only what the item supports", async () => {
    expect((await owner.get("/api/insight-settings")).body).toEqual({ model: { name: "gw-test-model", host: new URL(model.url).host }, useModel: false });
    const before = model.requests.length;
    expect((await linkedItem()).derivedBy).toBe("rules");
    // Off: nothing of the item went to the model.
    expect(model.requests.length).toBe(before);

    const { client: member } = await inviteMember(owner, `member-${n}@example.com`);
    expect((await member.request("PUT", "/api/insight-settings", { useModel: true })).status).toBe(403);
    expect((await owner.request("PUT", "/api/insight-settings", { useModel: "yes" })).body.error).toMatchObject({ code: "validation_failed" });
    expect((await owner.request("PUT", "/api/insight-settings", { useModel: true })).body).toMatchObject({ useModel: true });

    const insight = await linkedItem();
    expect(insight.derivedBy).toBe("model");
    expect(insight.themes).toEqual([
      { theme: "reliability", evidence: [{ source: "description", text: "Refund requests retried by the gateway created duplicate refunds." }] },
    ]);
    // The gateway client is in no file the PR changed: that point is dropped.
    expect(insight.contributions.map((c) => c.text)).toEqual(["Made refund requests idempotent with a stored key"]);
    expect(insight.impact.map((c) => c.text)).toEqual(["No more double refunds when the gateway times out"]);
    // Asked with structured output against the insight's schema, the item's content in the prompt, the key as a bearer.
    const asked = JSON.parse(model.requests.at(-1)!.body);
    expect(asked.response_format).toMatchObject({ type: "json_schema", json_schema: { name: "insight", strict: true } });
    expect(asked.messages[1].content).toContain("src/refunds/idempotencyKeys.ts");
    expect(logLines.join("")).not.toContain(KEY);
  });

  it("falls back to Groundwork's extractor on an error, a timeout, or an answer that does not fit or does not hold", async () => {
    await owner.request("PUT", "/api/insight-settings", { useModel: true });
    model.fail({ respond: { status: 500, body: { error: { message: "The server had an error", type: "server_error", param: null, code: null } } } });
    expect((await linkedItem()).derivedBy).toBe("rules");
    model.fail({ delayMs: 3000 });
    const started = Date.now();
    expect((await linkedItem()).derivedBy).toBe("rules");
    expect(Date.now() - started).toBeLessThan(2900);
    state.answer = () => '{"themes": "reliability"}';
    expect((await linkedItem()).derivedBy).toBe("rules");
    state.answer = () =>
      JSON.stringify({ themes: [{ theme: "security", evidence: [{ source: "title", text: "Harden the login page" }] }], contributions: [], impact: [] });
    expect((await linkedItem()).derivedBy).toBe("rules");
    expect(logLines.filter((l) => l.includes("the language model gave no usable insight")).length).toBeGreaterThanOrEqual(4);
  });

  it("cannot be turned on where none is configured", async () => {
    app.services.config.insightModel = undefined;
    expect((await owner.get("/api/insight-settings")).body).toEqual({ model: null, useModel: false });
    const refused = await owner.request("PUT", "/api/insight-settings", { useModel: true });
    expect(refused.status).toBe(400);
    expect(refused.body.error).toMatchObject({ code: "no_insight_model", field: "body.useModel" });
  });
});
