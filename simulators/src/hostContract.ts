import fs from "node:fs";
import path from "node:path";
import { impliedScopes } from "@groundwork/shared-types/labels";

/** One operation of a host's published API, as derived by backend/scripts/deriveHostContracts.ts. */
export interface ContractOperation {
  host: string;
  method: string;
  path: string;
  /** The exact api-version the operation takes (Azure DevOps). */
  apiVersion?: string;
  scopes: string[];
  /** Bitbucket's granular scopes (`x-atlassian-oauth2-scopes`), which a Forge app's system token carries: all are needed. */
  granularScopes?: string[];
  /** Body fields the operation requires. */
  body?: string[];
  /** Path parameters a caller may leave out, with their segment (Azure DevOps' project and team). */
  optional?: string[];
  source: string;
}

interface ContractFile {
  scopeRule: "any" | "all";
  includes: Record<string, string[]>;
  operations: ContractOperation[];
}

/** Hosts match paths case-insensitively (ADO answers pullRequests and pullrequests alike). */
function pathPattern(op: ContractOperation) {
  const segments = op.path
    .split("/")
    .slice(1)
    .map((segment) => {
      const param = /^\{([^}]+)\}$/.exec(segment)?.[1];
      // A file's `{path}` spans directories (Bitbucket's src/{commit}/{path}: "tests/__init__.py").
      if (param === "path") return "/.+";
      if (param) return op.optional?.includes(param) ? "(?:/[^/]+)?" : "/[^/]+";
      return `/${segment.replace(/[.*+?^$()|[\]\\{}]/g, "\\$&").replace(/\\\{[^}]+\\\}/g, "[^/]+")}`;
    });
  return new RegExp(`^${segments.join("")}/?$`, "i");
}

/**
 * A host's API contract, for fakes to check every request against as the real host would:
 * which operations exist, which api-version and scopes each needs, which body fields it requires.
 */
export class HostContract {
  private readonly routes: { op: ContractOperation; re: RegExp; literal: number }[];
  private readonly file: ContractFile;

  constructor(name: "ado" | "bitbucket") {
    this.file = JSON.parse(fs.readFileSync(path.join(import.meta.dirname, "contracts", `${name}.json`), "utf8")) as ContractFile;
    this.routes = this.file.operations.map((op) => ({
      op,
      re: pathPattern(op),
      literal: op.path.replace(/\{[^}]+\}/g, "").length,
    }));
  }

  /** The operation a request addresses; the most literal template wins (`/hooks/subscriptions` over `/{project}/…`). */
  operation(host: string, method: string, pathname: string): ContractOperation | null {
    let best: { op: ContractOperation; literal: number } | null = null;
    for (const r of this.routes) if (r.op.host === host && r.op.method === method && r.re.test(pathname) && (!best || r.literal > best.literal)) best = r;
    return best?.op ?? null;
  }

  /** Whether granted scopes satisfy required ones: any one of them (ADO) or all of them (Bitbucket). */
  allows(required: string[], granted: Iterable<string>) {
    if (required.length === 0) return true;
    const have = impliedScopes(granted, this.file.includes);
    return this.file.scopeRule === "any" ? required.some((s) => have.has(s)) : required.every((s) => have.has(s));
  }

  /** The required body fields a JSON body lacks (all of them when it is not a JSON object). */
  missingFields(op: ContractOperation, body: string) {
    if (!op.body?.length) return [];
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      return op.body;
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return op.body;
    return op.body.filter((f) => (parsed as Record<string, unknown>)[f] === undefined || (parsed as Record<string, unknown>)[f] === null);
  }
}
