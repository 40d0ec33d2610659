/**
 * Recognises pull request and work item URLs from Azure DevOps and Bitbucket Cloud.
 * Shared by the backend (to store stable host ids) and the web UI (to validate as the user types).
 */
export type ContextItemKind = "pull_request" | "work_item";
/** The hosts Groundwork connects to, as items, account links and the API name them. */
export const HOST_NAMES = ["ado", "bitbucket"] as const;
export type HostName = (typeof HOST_NAMES)[number];

export type ParsedContextUrl =
  | {
      host: "ado";
      kind: "pull_request";
      organization: string;
      project: string;
      repository: string;
      pullRequestId: number;
      canonicalUrl: string;
      externalKey: string;
    }
  | {
      host: "ado";
      kind: "work_item";
      organization: string;
      project: string;
      workItemId: number;
      canonicalUrl: string;
      externalKey: string;
    }
  | {
      host: "bitbucket";
      kind: "pull_request";
      workspace: string;
      repository: string;
      pullRequestId: number;
      canonicalUrl: string;
      externalKey: string;
    };

export const CONTEXT_URL_EXAMPLES = [
  "https://dev.azure.com/{organization}/{project}/_git/{repository}/pullrequest/{id}",
  "https://{organization}.visualstudio.com/{project}/_git/{repository}/pullrequest/{id}",
  "https://dev.azure.com/{organization}/{project}/_workitems/edit/{id}",
  "https://bitbucket.org/{workspace}/{repository}/pull-requests/{id}",
];

/** A path segment, decoded; a malformed %-escape makes the URL unrecognisable rather than an error. */
const seg = (s: string) => {
  try {
    return decodeURIComponent(s);
  } catch {
    throw new MalformedUrl();
  }
};
class MalformedUrl extends Error {}

/** Stable identities of host items; webhooks and pasted URLs must produce the same key. */
export const adoPullRequestKey = (org: string, project: string, repository: string, id: number) =>
  `ado:${org.toLowerCase()}:${project.toLowerCase()}:${repository.toLowerCase()}:pr:${id}`;
// Work item ids are unique per organisation, so the project is not part of the key.
export const adoWorkItemKey = (org: string, id: number) => `ado:${org.toLowerCase()}:wi:${id}`;
export const bitbucketPullRequestKey = (workspace: string, repository: string, id: number) =>
  `bitbucket:${workspace.toLowerCase()}:${repository.toLowerCase()}:pr:${id}`;

/** Returns null when the URL is not a recognised PR or work item link. */
export function parseContextUrl(input: string): ParsedContextUrl | null {
  try {
    return recognise(input);
  } catch (err) {
    if (err instanceof MalformedUrl) return null;
    throw err;
  }
}

function recognise(input: string): ParsedContextUrl | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  const host = url.hostname.toLowerCase();
  const parts = url.pathname.split("/").filter(Boolean);

  let organization: string | undefined;
  let rest: string[] = parts;
  if (host === "dev.azure.com") {
    organization = parts[0];
    rest = parts.slice(1);
  } else if (host.endsWith(".visualstudio.com")) {
    organization = host.slice(0, -".visualstudio.com".length);
    // Old URLs may carry the collection name: {org}.visualstudio.com/DefaultCollection/{project}/...
    if (rest[0]?.toLowerCase() === "defaultcollection") rest = rest.slice(1);
  }
  if (organization) {
    const org = seg(organization).toLowerCase();
    const project = rest[0] ? seg(rest[0]) : undefined;
    if (!project) return null;
    if (rest[1] === "_git" && rest[2] && rest[3]?.toLowerCase() === "pullrequest" && /^\d+$/.test(rest[4] ?? "")) {
      const repository = seg(rest[2]);
      const id = Number(rest[4]);
      return {
        host: "ado",
        kind: "pull_request",
        organization: org,
        project,
        repository,
        pullRequestId: id,
        canonicalUrl: `https://dev.azure.com/${encodeURIComponent(org)}/${encodeURIComponent(project)}/_git/${encodeURIComponent(repository)}/pullrequest/${id}`,
        externalKey: adoPullRequestKey(org, project, repository, id),
      };
    }
    if (rest[1] === "_workitems" && rest[2]?.toLowerCase() === "edit" && /^\d+$/.test(rest[3] ?? "")) {
      const id = Number(rest[3]);
      return {
        host: "ado",
        kind: "work_item",
        organization: org,
        project,
        workItemId: id,
        canonicalUrl: `https://dev.azure.com/${encodeURIComponent(org)}/${encodeURIComponent(project)}/_workitems/edit/${id}`,
        externalKey: adoWorkItemKey(org, id),
      };
    }
    return null;
  }

  if (host === "bitbucket.org" || host === "www.bitbucket.org") {
    if (parts.length >= 4 && parts[2] === "pull-requests" && /^\d+$/.test(parts[3]!)) {
      const workspace = seg(parts[0]!).toLowerCase();
      const repository = seg(parts[1]!).toLowerCase();
      const id = Number(parts[3]);
      return {
        host: "bitbucket",
        kind: "pull_request",
        workspace,
        repository,
        pullRequestId: id,
        canonicalUrl: `https://bitbucket.org/${encodeURIComponent(workspace)}/${encodeURIComponent(repository)}/pull-requests/${id}`,
        externalKey: bitbucketPullRequestKey(workspace, repository, id),
      };
    }
  }
  return null;
}
