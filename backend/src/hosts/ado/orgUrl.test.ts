import { expect, it } from "vitest";
import { normalizeOrgUrl } from "./orgUrl.js";

it.each([
  ["https://dev.azure.com/Contoso", "contoso"],
  ["https://dev.azure.com/contoso/", "contoso"],
  ["dev.azure.com/contoso", "contoso"],
  ["https://dev.azure.com/contoso/Fabrikam/_git/web/pullrequest/4", "contoso"],
  ["https://Contoso.VisualStudio.com", "contoso"],
  ["contoso.visualstudio.com/DefaultCollection/Fabrikam", "contoso"],
  ["  https://dev.azure.com/my-org//  ", "my-org"],
])("normalises %s", (input, org) => {
  expect(normalizeOrgUrl(input)).toEqual({ organization: org, url: `https://dev.azure.com/${org}` });
});

it.each(["", "contoso", "https://github.com/contoso", "https://dev.azure.com/", "ftp://dev.azure.com/contoso", "https://dev.azure.com/bad_org!"])(
  "refuses %s",
  (input) => {
    expect(normalizeOrgUrl(input)).toBeNull();
  },
);
