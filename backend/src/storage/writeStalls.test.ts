import { afterAll, beforeAll, expect, it } from "vitest";
import { adoHostsOf, fakeAdo, sendServiceHook } from "@groundwork/simulators/ado/fakeAdo";
import { ApiClient, signUp, startTestApp } from "../testing/testApp.js";

/**
 * Concurrent writers of every kind at once — webhook deliveries, sign-ups, the worker's jobs —
 * with health checks alongside: none may wait on the database's busy timeout (15 s on SQLite),
 * so no request takes longer than a second.
 */
const PAT = "stall-pat-".padEnd(52, "s");
const ado = fakeAdo({
  organization: "fabrikam",
  pat: PAT,
  user: { id: "u1", displayName: "Olivia", email: "olivia@example.com" },
  projects: [{ id: "p1", name: "Fabrikam", repositories: [{ id: "r1", name: "Fabrikam" }] }],
});
let app: Awaited<ReturnType<typeof startTestApp>>;
let hook: { webhookUrl: string; webhookSecret: string };

beforeAll(async () => {
  await ado.start();
  app = await startTestApp({
    adoBaseUrl: adoHostsOf(ado).baseUrl,
    adoIdentityUrl: adoHostsOf(ado).identityUrl,
    worker: { enabled: true, concurrency: 4, maxAttempts: 3 },
  });
  const { client: owner } = await signUp(app.url, "Olivia", "olivia@example.com");
  hook = (await owner.post("/api/integrations/ado", { orgUrl: "https://dev.azure.com/fabrikam", pat: PAT })).body.webhook;
});
afterAll(async () => {
  await app?.close();
  await ado.stop();
});

it("answers every request within a second while deliveries, sign-ups and jobs all write at once", async () => {
  const timed = async (what: string, call: () => Promise<{ status: number }>) => {
    const started = performance.now();
    const { status } = await call();
    return { what, status, ms: performance.now() - started };
  };
  // Each burst as the issue measured it: 200 deliveries while the worker writes their snapshots, then 8 sign-ups from one address.
  const bursts = [
    (round: number) =>
      Array.from({ length: 200 }, (_, i) =>
        timed("delivery", () =>
          sendServiceHook(
            hook.webhookUrl,
            {
              id: `stall-${round}-${i}`,
              eventType: "workitem.updated",
              resource: { id: i, workItemId: i, revision: { id: i, fields: { "System.Title": `Item ${i}`, "System.TeamProject": "Fabrikam" } } },
            },
            hook.webhookSecret,
          ),
        ),
      ),
    (round: number) =>
      Array.from({ length: 8 }, (_, i) =>
        timed("sign-up", () =>
          new ApiClient(app.url).post("/api/auth/signup", {
            workspaceName: `Team ${round}-${i}`,
            name: `Person ${i}`,
            email: `stall-${round}-${i}@example.com`,
            password: "correct horse battery staple",
          }),
        ),
      ),
  ];
  for (let round = 0; round < 3; round++)
    for (const burst of bursts) {
      const results = await Promise.all([...burst(round), ...Array.from({ length: 10 }, () => timed("readyz", () => fetch(`${app.url}/readyz`)))]);
      const slowest = results.reduce((a, b) => (b.ms > a.ms ? b : a));
      console.log(`write burst round ${round}: slowest ${slowest.what} ${Math.round(slowest.ms)} ms`);
      expect(results.filter((r) => r.status >= 500)).toEqual([]);
      // The first round also warms connection pools and the JIT; none may come near the 15 s busy timeout.
      expect(slowest.ms, `round ${round}: the slowest was a ${slowest.what}`).toBeLessThan(round === 0 ? 5000 : 1000);
    }
}, 120_000);
