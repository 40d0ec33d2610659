import { describe, expect, it } from "vitest";
import { HostContract } from "./hostContract.js";

/** The derived contracts carry the facts the hosts publish (and the ones checked by hand, with their source). */
describe("Azure DevOps contract", () => {
  const ado = new HostContract("ado");

  it("knows each operation's host, exact api-version and scopes", () => {
    expect(ado.operation("dev.azure.com", "GET", "/fabrikam/_apis/connectionData")).toMatchObject({ apiVersion: "7.1-preview.1", scopes: [] });
    expect(ado.operation("vssps.dev.azure.com", "GET", "/fabrikam/_apis/identities")).toMatchObject({ apiVersion: "7.1", scopes: ["vso.identity"] });
    // Identities are served by vssps only.
    expect(ado.operation("dev.azure.com", "GET", "/fabrikam/_apis/identities")).toBeNull();
    expect(ado.operation("dev.azure.com", "GET", "/fabrikam/Fabrikam/_apis/wit/workItems/5/comments")).toMatchObject({ apiVersion: "7.1-preview.4" });
    // A path parameter the spec marks x-ms-required: false may be left out, with its segment; a required one may not.
    expect(ado.operation("dev.azure.com", "GET", "/fabrikam/_apis/wit/workitems/5")).toMatchObject({ scopes: ["vso.work"] });
    expect(ado.operation("dev.azure.com", "GET", "/fabrikam/Fabrikam/_apis/wit/workitems/5")).toMatchObject({ scopes: ["vso.work"] });
    expect(ado.operation("dev.azure.com", "POST", "/fabrikam/_apis/wit/wiql")!.source).toContain("Wiql_Query By Wiql");
    expect(ado.operation("dev.azure.com", "POST", "/fabrikam/Fabrikam/Fabrikam%20Team/_apis/wit/wiql")!.source).toContain("Wiql_Query By Wiql");
    expect(ado.operation("dev.azure.com", "GET", "/fabrikam/_apis/git/pullrequests")).toBeNull();
  });

  it("prefers the most literal route, and matches paths case-insensitively", () => {
    expect(ado.operation("dev.azure.com", "POST", "/fabrikam/_apis/hooks/subscriptions")!.source).toContain("Subscriptions_Create");
    expect(ado.operation("dev.azure.com", "POST", "/fabrikam/Fabrikam/_apis/git/repositories/r/pullrequests/1/statuses")!.body).toEqual(["state", "context"]);
  });

  it("grants any one listed scope, directly or through a broader one", () => {
    const status = ado.operation("dev.azure.com", "POST", "/o/p/_apis/git/repositories/r/pullRequests/1/statuses")!;
    expect(ado.allows(status.scopes, ["vso.code_status"])).toBe(true);
    expect(ado.allows(status.scopes, ["vso.code_full"])).toBe(true);
    expect(ado.allows(status.scopes, ["vso.code"])).toBe(false);
    expect(ado.allows(["vso.identity"], ["vso.code_full", "vso.work_full", "vso.project_manage"])).toBe(false);
  });

  it("names the required body fields a body lacks", () => {
    const create = ado.operation("dev.azure.com", "POST", "/o/_apis/hooks/subscriptions")!;
    expect(ado.missingFields(create, JSON.stringify({ publisherId: "tfs", eventType: "x" }))).toEqual([
      "consumerId",
      "consumerActionId",
      "publisherInputs",
      "consumerInputs",
    ]);
    expect(ado.missingFields(create, "not json")).toEqual(create.body);
  });
});

describe("Bitbucket contract", () => {
  const bitbucket = new HostContract("bitbucket");

  it("needs every listed scope, and a scope brings the ones it implies", () => {
    const pr = bitbucket.operation("api.bitbucket.org", "GET", "/2.0/repositories/ws/repo/pullrequests/1")!;
    expect(pr.scopes).toEqual(["pullrequest"]);
    expect(bitbucket.allows(pr.scopes, ["repository"])).toBe(false);
    expect(bitbucket.allows(pr.scopes, ["pullrequest:write"])).toBe(true);
    expect(bitbucket.allows(["repository"], ["pullrequest"])).toBe(true);
    expect(bitbucket.operation("api.bitbucket.org", "GET", "/2.0/workspaces/{uuid}/hooks")!.scopes).toEqual(["webhook"]);
    expect(bitbucket.operation("api.bitbucket.org", "POST", "/2.0/repositories/ws/repo/commit/abc/statuses/build")!.body).toEqual(["key", "state", "url"]);
    expect(bitbucket.operation("api.bitbucket.org", "GET", "/2.0/repositories/ws/repo/nonsense")).toBeNull();
  });
});
