import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestApp } from "../../testing/testApp.js";

let app: Awaited<ReturnType<typeof startTestApp>>;
beforeAll(async () => {
  app = await startTestApp({ publicUrl: new URL("https://groundwork.example.com/") });
});
afterAll(() => app?.close());

it("serves the Connect descriptor with baseUrl set to the public URL", async () => {
  const res = await fetch(new URL("/bitbucket/atlassian-connect.json", app.url));
  expect(res.status).toBe(200);
  const d = (await res.json()) as Record<string, any>;
  expect(d.baseUrl).toBe("https://groundwork.example.com/bitbucket");
  expect(d.authentication).toEqual({ type: "jwt" });
  expect(d.contexts).toEqual(["account"]);
  expect(d.modules.webPanels[0].location).toBe("org.bitbucket.pullrequest.overview.informationPanel");
  // Context parameters are substituted only when their scope is declared.
  expect(d.scopes).toEqual(expect.arrayContaining(["repository", "pullrequest"]));
});
