import { afterAll, beforeAll, expect, it } from "vitest";
import { ApiClient, signUp, startTestApp } from "../testing/testApp.js";

/** A file of its own: the burst spends this address's log-in rate limit, which other tests need. */
let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app?.close());

it("lets no more than five of many concurrent wrong passwords be checked", async () => {
  await signUp(app.url, "Raced", "raced@example.com");
  const answers = await Promise.all(
    Array.from({ length: 25 }, (_, i) => new ApiClient(app.url).post("/api/auth/login", { email: "raced@example.com", password: `guess ${i}` })),
  );
  const statuses = answers.map((a) => a.status);
  expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
  expect(statuses.filter((s) => s === 429)).toHaveLength(25 - statuses.filter((s) => s === 401).length);
});
