import { afterAll, beforeAll, expect, it } from "vitest";
import { z } from "zod";
import { loadConfig } from "../../config.js";
import { startTestApp } from "../../testing/testApp.js";

/**
 * The served descriptor, checked against the constraints Atlassian documents for Bitbucket
 * Connect descriptors: developer.atlassian.com/cloud/bitbucket/app-descriptor (required fields,
 * https baseUrl, jwt), /bitbucket-cloud-rest-api-scopes (scope names), /app-context (contexts),
 * /modules/web-panel (locations, key pattern), /modules/webhook (event and url lengths),
 * /connect-context-access (context parameters need their scope).
 */
const Key = z
  .string()
  .max(128)
  .regex(/^[a-zA-Z0-9-]+$/);
const Url = z.string().max(2048).startsWith("/");
const Descriptor = z.strictObject({
  key: z
    .string()
    .max(80)
    .regex(/^[a-zA-Z0-9-._]+$/),
  name: z.string().min(1),
  description: z.string().min(1),
  vendor: z.object({ name: z.string(), url: z.url() }).optional(),
  baseUrl: z.url().startsWith("https://"),
  authentication: z.object({ type: z.enum(["jwt", "none"]) }),
  lifecycle: z.object({ installed: Url, uninstalled: Url }),
  contexts: z.array(z.enum(["account"])),
  scopes: z.array(
    z.enum([
      "account",
      "account:write",
      "email",
      "repository",
      "repository:write",
      "repository:admin",
      "pullrequest",
      "pullrequest:write",
      "webhook",
      "issue",
      "issue:write",
      "snippet",
      "snippet:write",
      "wiki",
      "pipeline",
      "pipeline:write",
      "runner",
      "runner:write",
    ]),
  ),
  modules: z.strictObject({
    webhooks: z.array(z.strictObject({ event: z.string().max(64), url: Url })),
    webPanels: z.array(
      z.object({
        key: Key,
        name: z.object({ value: z.string() }),
        location: z.enum([
          "org.bitbucket.account.admin.mirror.config",
          "org.bitbucket.pullrequest.overview.informationPanel",
          "org.bitbucket.repository.overview.informationPanel",
        ]),
        url: Url,
      }),
    ),
    configurePage: z.object({ key: Key, name: z.object({ value: z.string() }), url: Url }),
  }),
});

let app: Awaited<ReturnType<typeof startTestApp>>;
let served: any;
beforeAll(async () => {
  const config = loadConfig({ BITBUCKET_APP_KEY: "groundwork-acme" });
  app = await startTestApp({ publicUrl: new URL("https://groundwork.example.com/"), bitbucket: config.bitbucket });
  served = await (await fetch(new URL("/bitbucket/atlassian-connect.json", app.url))).json();
});
afterAll(() => app?.close());

it("serves a descriptor that satisfies Atlassian's documented schema, with baseUrl set to the public URL", async () => {
  const res = await fetch(new URL("/bitbucket/atlassian-connect.json", app.url));
  expect(res.status).toBe(200);
  const d = Descriptor.parse(await res.json());
  expect(d.baseUrl).toBe("https://groundwork.example.com/bitbucket");
  // The deployment's own key (BITBUCKET_APP_KEY): keys are global in Atlassian's registry.
  expect(d.key).toBe("groundwork-acme");
  expect(d.modules.webPanels[0]!.location).toBe("org.bitbucket.pullrequest.overview.informationPanel");
  expect(d.modules.webhooks.map((w) => w.event).sort()).toEqual([
    "pullrequest:comment_created",
    "pullrequest:created",
    "pullrequest:fulfilled",
    "pullrequest:rejected",
    "pullrequest:updated",
  ]);
  // Context parameters are substituted only when their scope is declared.
  const params = [...JSON.stringify(d.modules).matchAll(/\{(\w+)\.[\w.]+\}/g)].map((m) => m[1]);
  const needs: Record<string, string> = { repository: "repository", pullrequest: "pullrequest", user: "account", workspace: "account" };
  for (const p of params) expect(d.scopes).toContain(needs[p!]);
});

it("would fail the schema if a documented rule were broken", () => {
  const broken = (change: (d: any) => void) => {
    const d = structuredClone(served);
    change(d);
    return Descriptor.safeParse(d).success;
  };
  expect(broken(() => undefined)).toBe(true);
  expect(broken((d) => (d.baseUrl = "http://groundwork.example.com/bitbucket"))).toBe(false);
  expect(broken((d) => (d.modules.webPanels[0].location = "org.bitbucket.pullrequest.sidebar"))).toBe(false);
  expect(broken((d) => d.scopes.push("admin"))).toBe(false);
  expect(broken((d) => delete d.lifecycle.uninstalled)).toBe(false);
});
