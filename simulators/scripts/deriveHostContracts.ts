/**
 * Derives the compact host contracts the fake hosts enforce from the hosts' published API
 * descriptions (see ../shared/host-specs/SOURCES.md for where each comes from):
 * Azure DevOps REST 7.1 (Swagger 2.0, one file per area) and Bitbucket Cloud 2.0 (OpenAPI 3).
 *
 *   npx tsx simulators/scripts/deriveHostContracts.ts [path/to/shared/host-specs]
 *
 * Writes simulators/src/contracts/{ado,bitbucket}.json: per operation the host, method,
 * path template, exact api-version (ADO), the scopes it needs and the body fields it requires.
 * Only these facts are committed, never the spec files. Facts the specs lack (checked by hand,
 * each with its source) are added below in `documented`.
 */
import fs from "node:fs";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { BITBUCKET_SCOPE_IMPLIES } from "@groundwork/shared-types/labels";
import type { ContractOperation } from "../src/hostContract.js";

const here = import.meta.dirname;
const specs = path.resolve(process.argv[2] ?? path.join(here, "../../../shared/host-specs"));
const out = path.join(here, "../src/contracts");

type Operation = ContractOperation;
type Json = Record<string, unknown>;
const METHODS = ["get", "put", "post", "delete", "patch", "head"];

/** Follows `$ref`s and merges `allOf` to find an object schema's required properties. */
function requiredFields(schema: Json | undefined, root: Json, seen = new Set<string>()): string[] {
  if (!schema) return [];
  const ref = schema.$ref as string | undefined;
  if (ref) {
    if (seen.has(ref)) return [];
    seen.add(ref);
    const target = ref
      .replace(/^#\//, "")
      .split("/")
      .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], root) as Json | undefined;
    return requiredFields(target, root, seen);
  }
  const own = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const inherited = Array.isArray(schema.allOf) ? (schema.allOf as Json[]).flatMap((s) => requiredFields(s, root, seen)) : [];
  return [...new Set([...inherited, ...own])].filter((f) => f !== "type");
}

function adoOperations(): Operation[] {
  const dir = path.join(specs, "ado-7.1");
  const ops: Operation[] = [];
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    const spec = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8").replace(/^\uFEFF/, "")) as Json;
    const parameters = spec.parameters as Record<string, { description?: string }>;
    const version = (ref: string) => /set to '([^']+)'/.exec(parameters[ref.replace("#/parameters/", "")]?.description ?? "")?.[1];
    // x-ms-paths holds the same routes again with a query suffix that tells variants apart.
    const paths = { ...(spec.paths as Json), ...(spec["x-ms-paths"] as Json) };
    for (const [rawPath, item] of Object.entries(paths)) {
      const template = rawPath.split("?")[0]!.replace(/\/$/, "");
      for (const method of METHODS) {
        const op = (item as Json)[method] as Json | undefined;
        if (!op) continue;
        const params = (op.parameters ?? []) as Json[];
        const versionRef = params.find((p) => typeof p.$ref === "string" && (p.$ref as string).includes("api-Version"))?.$ref as string | undefined;
        const security = (op.security ?? spec.security ?? []) as { oauth2?: string[] }[];
        const body = params.find((p) => p.in === "body");
        // Azure DevOps leaves out a path segment the spec marks x-ms-required: false (`POST /{org}/_apis/wit/wiql` queries every project).
        const optional = params.filter((p) => p.in === "path" && p["x-ms-required"] === false).map((p) => String(p.name));
        ops.push({
          host: String(spec.host),
          method: method.toUpperCase(),
          path: template,
          apiVersion: versionRef ? version(versionRef) : undefined,
          scopes: security.flatMap((s) => s.oauth2 ?? []),
          ...(body ? { body: requiredFields(body.schema as Json, spec) } : {}),
          ...(optional.length ? { optional } : {}),
          source: `ado-7.1/${file} ${op.operationId as string}`,
        });
      }
    }
  }
  return ops;
}

function bitbucketOperations(): Operation[] {
  const spec = parseYaml(fs.readFileSync(path.join(specs, "bitbucket/bitbucket-cloud-2.0.openapi.yml"), "utf8"), { maxAliasCount: -1 }) as Json;
  const ops: Operation[] = [];
  for (const [template, item] of Object.entries(spec.paths as Json)) {
    for (const method of METHODS) {
      const op = (item as Json)[method] as Json | undefined;
      if (!op) continue;
      const security = (op.security ?? []) as { oauth2?: string[] }[];
      // The granular scopes a Forge app's (and an API token's) credentials need, as the spec lists them.
      const granular = ((op["x-atlassian-oauth2-scopes"] ?? []) as { state?: string; scopes?: string[] }[]).filter((s) => s.state === "Current");
      const bodySchema = ((op.requestBody as Json | undefined)?.content as Json | undefined)?.["application/json"] as Json | undefined;
      ops.push({
        host: "api.bitbucket.org",
        method: method.toUpperCase(),
        path: `/2.0${template}`,
        scopes: security.flatMap((s) => s.oauth2 ?? []),
        ...(granular.length ? { granularScopes: granular.flatMap((s) => s.scopes ?? []) } : {}),
        ...(bodySchema ? { body: requiredFields(bodySchema.schema as Json, spec) } : {}),
        source: `bitbucket-cloud-2.0.openapi.yml ${method.toUpperCase()} ${template}`,
      });
    }
  }
  return ops;
}

/** Facts the specs do not carry, checked against the cited sources. */
const documented = {
  ado: {
    operations: [
      {
        host: "dev.azure.com",
        method: "GET",
        path: "/{organization}/_apis/connectionData",
        apiVersion: "7.1-preview.1",
        scopes: [],
        source:
          "in no 7.1 spec; real callers send 7.1-preview.1 and Azure DevOps refuses plain 7.1 with 400 VssInvalidPreviewVersionException (shared/host-specs/SOURCES.md)",
      },
      {
        host: "app.vssps.visualstudio.com",
        method: "GET",
        path: "/_apis/accounts",
        apiVersion: "7.1-preview.1",
        scopes: ["vso.profile"],
        source:
          "in no spec file here: MicrosoftDocs/vsts-rest-api-specs specification/account/7.1/accounts.json @ 613959448e73 (Accounts_List, x-ms-preview, api-Version-preview.1, scope vso.profile, Account[] with accountId, accountUri, accountName)",
      },
    ] satisfies Operation[],
    /** Documented required inputs that the Swagger schemas leave optional. */
    requiredBody: {
      "POST /{organization}/_apis/hooks/subscriptions": ["publisherId", "eventType", "consumerId", "consumerActionId", "publisherInputs", "consumerInputs"],
      "PUT /{organization}/_apis/hooks/subscriptions/{subscriptionId}": [
        "publisherId",
        "eventType",
        "consumerId",
        "consumerActionId",
        "publisherInputs",
        "consumerInputs",
      ],
      "POST /{organization}/{project}/_apis/git/repositories/{repositoryId}/pullRequests/{pullRequestId}/statuses": ["state", "context"],
    } as Record<string, string[]>,
    requiredBodySource:
      "learn.microsoft.com/azure/devops/service-hooks/create-subscription (publisher, event, consumer, action and their inputs); git/pull-request-statuses/create (a status needs its state and context)",
    /**
     * A scope grants the scopes it includes (learn.microsoft.com/azure/devops/integrate/get-started/authentication/oauth,
     * "Scopes" table, column "Includes"); an operation listing several scopes accepts any one of them.
     */
    scopeRule: "any",
    includes: {
      "vso.code": ["vso.hooks_write"],
      "vso.code_write": ["vso.code"],
      "vso.code_manage": ["vso.code_write"],
      "vso.code_full": ["vso.code_manage"],
      "vso.work": ["vso.hooks_write"],
      "vso.work_write": ["vso.work"],
      "vso.work_full": ["vso.work_write"],
      "vso.build": ["vso.hooks_write"],
      "vso.build_execute": ["vso.build"],
      "vso.project_write": ["vso.project"],
      "vso.project_manage": ["vso.project_write"],
      "vso.identity_manage": ["vso.identity"],
      "vso.graph_manage": ["vso.graph"],
      "vso.hooks_write": ["vso.hooks"],
      "vso.threads_full": [],
    } as Record<string, string[]>,
  },
  bitbucket: {
    requiredBody: {
      // The operation's own description: "url" and "events" make a webhook; the secret is optional.
      "POST /2.0/repositories/{workspace}/{repo_slug}/hooks": ["url", "events"],
      "POST /2.0/workspaces/{workspace}/hooks": ["url", "events"],
      // developer.atlassian.com/cloud/bitbucket/rest/api-group-commit-statuses: key, state and url describe a build.
      "POST /2.0/repositories/{workspace}/{repo_slug}/commit/{commit}/statuses/build": ["key", "state", "url"],
    } as Record<string, string[]>,
    requiredBodySource: "the operations' descriptions in the Bitbucket Cloud 2.0 API reference",
    /**
     * Every listed scope is needed; a scope grants those it implies
     * (developer.atlassian.com/cloud/bitbucket/bitbucket-cloud-rest-api-scopes).
     */
    scopeRule: "all",
    includes: BITBUCKET_SCOPE_IMPLIES,
  },
};

function withDocumented(ops: Operation[], extra: Operation[], requiredBody: Record<string, string[]>) {
  // x-ms-paths repeats a route for each of its query variants: keep one operation per route.
  const byRoute = new Map<string, Operation>();
  for (const op of [...ops, ...extra]) {
    const key = `${op.host} ${op.method} ${op.path.toLowerCase()}`;
    const seen = byRoute.get(key);
    if (seen) seen.source = `${seen.source}; ${op.source.split(" ").slice(1).join(" ")}`;
    else byRoute.set(key, op);
  }
  const all = [...byRoute.values()];
  for (const op of all) {
    const fields = requiredBody[`${op.method} ${op.path}`];
    if (fields) op.body = [...new Set([...(op.body ?? []), ...fields])];
  }
  return all.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

function write(name: string, contract: Json) {
  fs.mkdirSync(out, { recursive: true });
  const { operations, ...head } = contract as { operations: Operation[] } & Json;
  // One operation a line: small diffs when a spec changes.
  const text = `{\n${Object.entries(head)
    .map(([k, v]) => `  ${JSON.stringify(k)}: ${JSON.stringify(v)},\n`)
    .join("")}  "operations": [\n${operations.map((o) => `    ${JSON.stringify(o)}`).join(",\n")}\n  ]\n}\n`;
  fs.writeFileSync(path.join(out, `${name}.json`), text);
  console.log(`${name}: ${operations.length} operations`);
}

const { ado, bitbucket } = documented;
write("ado", {
  generatedBy: "simulators/scripts/deriveHostContracts.ts",
  specs: "MicrosoftDocs/vsts-rest-api-specs specification/*/7.1 @ adb28786a3e9349d5b3deb43eb2134b682c33bb2",
  scopeRule: ado.scopeRule,
  includes: ado.includes,
  requiredBodySource: ado.requiredBodySource,
  operations: withDocumented(adoOperations(), ado.operations, ado.requiredBody),
});
write("bitbucket", {
  generatedBy: "simulators/scripts/deriveHostContracts.ts",
  specs: "Bitbucket Cloud REST API 2.0 OpenAPI (api-evangelist/atlassian @ 916cd716a819abb9cfa2f61e200e6b1d544b01de)",
  scopeRule: bitbucket.scopeRule,
  includes: bitbucket.includes,
  requiredBodySource: bitbucket.requiredBodySource,
  operations: withDocumented(bitbucketOperations(), [], bitbucket.requiredBody),
});
