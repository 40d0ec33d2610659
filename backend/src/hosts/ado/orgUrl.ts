/** The sandbox organisation lives on the local sandbox; every other one on Azure DevOps. */
export const SANDBOX_ORG = "groundwork-sandbox";

/**
 * Normalises what people paste as their Azure DevOps organisation to https://dev.azure.com/{org}:
 * the old {org}.visualstudio.com form, links deep into a project, missing scheme, trailing
 * slashes and mixed case all work. Returns null for anything else.
 */
export const ORG_URL_EXPECTED = "https://dev.azure.com/{organization} (or https://{organization}.visualstudio.com)";

const ORG_NAME = /^[a-z0-9][a-z0-9-]{0,48}[a-z0-9]?$/;

export function normalizeOrgUrl(input: string): { organization: string; url: string } | null {
  const trimmed = input.trim();
  if (!trimmed) return null;
  let url: URL;
  try {
    url = new URL(/^[a-z]+:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  const host = url.hostname.toLowerCase();
  let org: string | undefined;
  if (host === "dev.azure.com") org = url.pathname.split("/").filter(Boolean)[0];
  else if (host.endsWith(".visualstudio.com")) org = host.slice(0, -".visualstudio.com".length);
  if (!org) return null;
  const organization = decodeURIComponent(org).toLowerCase();
  if (!ORG_NAME.test(organization)) return null;
  return { organization, url: `https://dev.azure.com/${organization}` };
}
