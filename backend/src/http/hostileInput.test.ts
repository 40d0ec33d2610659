import { randomUUID } from "node:crypto";
import { SignJWT } from "jose";
import { afterAll, beforeAll, expect, it } from "vitest";
import { fakeAdo } from "@groundwork/simulators/ado/fakeAdo";
import { bindThroughConfigure, fakeHostsConfig } from "../testing/hostedApp.js";
import { BitbucketHostDriver, fakeBitbucket, signAsBitbucket } from "@groundwork/simulators/bitbucket/fakeBitbucket";
import { ApiClient, signUp, startTestApp } from "../testing/testApp.js";

/**
 * Generated hostile values — overlong, control characters, bad escapes, traversal, wrong
 * types, deep nesting — in every path parameter, query parameter and body field of every
 * route in the OpenAPI document, sent as a signed-in owner, as the ADO extension and as the
 * Bitbucket panel. Bad input is the caller's mistake: nothing may answer 5xx.
 */
const SECRET = "extension-certificate-".padEnd(60, "h");
const PAT = "hostile-pat-".padEnd(52, "h");
const install = {
  clientKey: "{4057113e-0000-4000-8000-000000000001}",
  sharedSecret: "hostile-shared-secret-0123456789",
  principal: { uuid: "{4057113e-0000-4000-8000-0000000000ff}", username: "acme" },
};
const ado = fakeAdo({
  organization: "fabrikam",
  pat: PAT,
  user: { id: "owner-identity", displayName: "Olivia", email: "olivia@example.com" },
  projects: [{ id: "p1", name: "Fabrikam", repositories: [{ id: "r1", name: "Fabrikam" }] }],
});
const bbState = {
  user: { uuid: "{00000000-0000-4000-8000-00000000a0a0}", display_name: "Admin", account_id: "1" },
  repositories: [{ workspace: "acme", slug: "widgets", uuid: "{r}" }],
  workspaceMembers: [{ workspace: install.principal.uuid, uuid: "{00000000-0000-4000-8000-00000000a0a0}", permission: "owner" as const }],
};
const bitbucket = fakeBitbucket(bbState);
let app: Awaited<ReturnType<typeof startTestApp>>;
let owner: ApiClient;
let appToken: string;

const HOSTILE_STRINGS = [
  "",
  " ",
  "x".repeat(20_000),
  "\u0000\u0007\u001b[31m\r\n",
  "%",
  "%E0%A4%A",
  "%zz",
  "..",
  "../../etc/passwd",
  "\uD800",
  "'; DROP TABLE users; --",
  "{{7*7}}<script>alert(1)</script>",
  "https://dev.azure.com/%/x/_git/y/pullrequest/%E0%A4%A",
  "https://bitbucket.org/%ZZ/r/pull-requests/1",
];
const HOSTILE_VALUES: unknown[] = [...HOSTILE_STRINGS, 0, -1, 1e308, 2 ** 53, true, null, [], {}, ["a"], { $gt: "" }];
const deep = (n: number) => "[".repeat(n) + "]".repeat(n);

interface Operation {
  method: string;
  path: string;
  parameters: { name: string; in: "path" | "query"; schema?: Schema }[];
  body?: { properties?: Record<string, Schema>; required?: string[] };
}
interface Schema {
  type?: string | string[];
  format?: string;
  enum?: unknown[];
  anyOf?: Schema[];
  default?: unknown;
}

/** A value the schema would accept, so one hostile field at a time reaches validation alone. */
function plausible(schema: Schema | undefined): unknown {
  if (!schema) return "text";
  if (schema.enum) return schema.enum[0];
  if (schema.anyOf) return plausible(schema.anyOf.find((s) => s.type !== "null"));
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== "null") : schema.type;
  if (type === "string") return schema.format === "uuid" ? randomUUID() : schema.format === "uri" ? "https://example.com" : "text";
  if (type === "integer" || type === "number") return 1;
  if (type === "boolean") return true;
  if (type === "array") return [];
  if (type === "object") return {};
  return "text";
}

beforeAll(async () => {
  await ado.start();
  await bitbucket.start();
  app = await startTestApp({ ...fakeHostsConfig(ado, bitbucket), adoExtension: { secret: SECRET, origins: [] } });
  owner = (await signUp(app.url, "Olivia", "olivia@example.com")).client;
  expect((await owner.post("/api/integrations/ado", { orgUrl: "https://dev.azure.com/fabrikam", pat: PAT })).status).toBe(201);
  appToken = await new SignJWT({ nameid: "owner-identity" })
    .setProtectedHeader({ alg: "HS256" })
    .setExpirationTime("1h")
    .sign(new TextEncoder().encode(SECRET));
  await new BitbucketHostDriver(bbState, `${app.url}/bitbucket`).install(install);
  await bindThroughConfigure(app.url, owner, install);
});
afterAll(async () => {
  await app?.close();
  await ado.stop();
  await bitbucket.stop();
});

it("answers every hostile path, query and body value with a 4xx, never a 5xx", async () => {
  const document = (await (await fetch(`${app.url}/api/openapi.json`)).json()) as { paths: Record<string, Record<string, Record<string, any>>> };
  const operations: Operation[] = Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      parameters: op.parameters ?? [],
      body: op.requestBody?.content?.["application/json"]?.schema,
    })),
  );
  expect(operations.length).toBeGreaterThan(50);
  // The host panels first and deletions last, so a hostile but valid call (disconnecting, say) does not hide the rest.
  const rank = (op: Operation) => (op.path.startsWith("/api/ext/") || op.path.startsWith("/bitbucket/") ? 0 : op.method === "DELETE" ? 2 : 1);
  operations.sort((a, b) => rank(a) - rank(b));

  const send = async (op: Operation, pathValues: Record<string, string>, query: Record<string, unknown>, body: string | undefined) => {
    const path = op.path.replace(/\{(\w+)\}/g, (_m, name: string) => pathValues[name] ?? randomUUID());
    const search = Object.entries(query)
      .map(([k, v]) => `${k}=${typeof v === "string" ? v : encodeURIComponent(JSON.stringify(v))}`)
      .join("&");
    const url = `${path}${search ? `?${search}` : ""}`;
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (path.startsWith("/api/ext/ado")) Object.assign(headers, { authorization: `Bearer ${appToken}`, "x-ado-organization": "fabrikam" });
    else if (path.startsWith("/bitbucket/")) {
      const token = signAsBitbucket(install.clientKey, install.sharedSecret, op.method, "/ignored", { qsh: "context-qsh" });
      headers.authorization = `JWT ${token}`;
    }
    const res =
      path.startsWith("/api/ext/") || path.startsWith("/bitbucket/")
        ? await fetch(`${app.url}${url}`, { method: op.method, headers, body: op.method === "GET" ? undefined : body })
        : await owner.request(op.method, url, op.method === "GET" ? undefined : (body ?? "{}"));
    return { status: res.status, where: `${op.method} ${url.slice(0, 120)} ${String(body).slice(0, 80)}` };
  };

  const failures: string[] = [];
  let tried = 0;
  const check = async (...args: Parameters<typeof send>) => {
    tried++;
    const { status, where } = await send(...args);
    if (status >= 500) failures.push(`${status} ${where}`);
  };

  for (const op of operations) {
    const baseBody = op.body ? Object.fromEntries(Object.entries(op.body.properties ?? {}).map(([k, s]) => [k, plausible(s)])) : undefined;
    const validBody = baseBody && JSON.stringify(baseBody);
    // The other query parameters stay plausible, so the hostile one is what the route sees.
    const baseQuery = Object.fromEntries(op.parameters.filter((p) => p.in === "query").map((p) => [p.name, String(plausible(p.schema))]));
    for (const p of op.parameters) {
      for (const value of HOSTILE_STRINGS) {
        // Path values go as sent (bad escapes included) unless they would end the path.
        const raw = value.includes("/") || value.includes("?") || value.includes("#") ? encodeURIComponent(value) : value;
        if (p.in === "path") await check(op, { [p.name]: raw }, {}, validBody);
        else await check(op, {}, { ...baseQuery, [p.name]: raw }, validBody);
      }
      if (p.in === "query")
        for (const value of HOSTILE_VALUES.filter((v) => typeof v !== "string")) await check(op, {}, { ...baseQuery, [p.name]: value }, validBody);
    }
    if (!op.body || op.method === "GET") continue;
    for (const field of Object.keys(op.body.properties ?? {}))
      for (const value of HOSTILE_VALUES) await check(op, {}, {}, JSON.stringify({ ...baseBody, [field]: value }));
    for (const whole of ['"a string"', "[]", "null", "{", deep(5_000)]) await check(op, {}, {}, whole);
  }

  console.log(`hostile input: ${tried} requests over ${operations.length} operations, ${failures.length} answered 5xx`);
  expect(failures).toEqual([]);
}, 300_000);
