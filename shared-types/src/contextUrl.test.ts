import { describe, expect, it } from "vitest";
import { parseContextUrl } from "./contextUrl.js";

describe("parseContextUrl", () => {
  it("reads an ADO pull request URL on dev.azure.com", () => {
    expect(parseContextUrl("https://dev.azure.com/Contoso/Fabrikam%20Web/_git/web-app/pullrequest/42")).toMatchObject({
      host: "ado",
      kind: "pull_request",
      organization: "contoso",
      project: "Fabrikam Web",
      repository: "web-app",
      pullRequestId: 42,
      externalKey: "ado:contoso:fabrikam web:web-app:pr:42",
    });
  });

  it("gives the old visualstudio.com form the same identity as dev.azure.com", () => {
    const a = parseContextUrl("https://contoso.visualstudio.com/Fabrikam/_git/web/pullrequest/7?_a=files");
    const b = parseContextUrl("https://dev.azure.com/contoso/Fabrikam/_git/web/pullrequest/7");
    expect(a?.externalKey).toBe(b?.externalKey);
    expect(a?.canonicalUrl).toBe("https://dev.azure.com/contoso/Fabrikam/_git/web/pullrequest/7");
  });

  it("reads an ADO work item URL, keyed by organisation and id", () => {
    expect(parseContextUrl("https://dev.azure.com/contoso/Fabrikam/_workitems/edit/1234/")).toMatchObject({
      host: "ado",
      kind: "work_item",
      workItemId: 1234,
      externalKey: "ado:contoso:wi:1234",
    });
  });

  it("reads a Bitbucket Cloud pull request URL", () => {
    expect(parseContextUrl("https://bitbucket.org/Acme/Widgets/pull-requests/3/overview")).toMatchObject({
      host: "bitbucket",
      workspace: "acme",
      repository: "widgets",
      pullRequestId: 3,
      externalKey: "bitbucket:acme:widgets:pr:3",
    });
  });

  it.each([
    "not a url",
    "ftp://dev.azure.com/contoso/p/_git/r/pullrequest/1",
    "https://dev.azure.com/contoso/p/_git/r/pullrequest/abc",
    "https://dev.azure.com/contoso/p/_git/r",
    "https://github.com/org/repo/pull/1",
    "https://bitbucket.org/acme/widgets/issues/3",
    "javascript:alert(1)",
  ])("refuses %s", (url) => {
    expect(parseContextUrl(url)).toBeNull();
  });
});

it("treats a malformed %-escape as an unrecognised URL, not an error", () => {
  expect(parseContextUrl("https://dev.azure.com/%E0%A4%A/proj/_git/repo/pullrequest/1")).toBeNull();
  expect(parseContextUrl("https://bitbucket.org/%ZZ/repo/pull-requests/1")).toBeNull();
});
