import { segment } from "./segment.js";

/** Azure DevOps pull request and work item links, on dev.azure.com and the older {organization}.visualstudio.com. */
export type AdoLink =
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
    };

/** Stable identities of Azure DevOps items; webhooks and pasted URLs must produce the same key. */
export const adoPullRequestKey = (org: string, project: string, repository: string, id: number) => `${adoPullRequestKeyPrefix(org, project, repository)}${id}`;
/** What every pull request key of one repository starts with. */
export const adoPullRequestKeyPrefix = (org: string, project: string, repository: string) =>
  `ado:${org.toLowerCase()}:${project.toLowerCase()}:${repository.toLowerCase()}:pr:`;
// Work item ids are unique per organisation, so the project is not part of the key.
export const adoWorkItemKey = (org: string, id: number) => `ado:${org.toLowerCase()}:wi:${id}`;

/** The links Groundwork stores and hands out for Azure DevOps items, whatever form they were pasted in. */
export const adoPullRequestUrl = (org: string, project: string, repository: string, id: number) =>
  `https://dev.azure.com/${encodeURIComponent(org)}/${encodeURIComponent(project)}/_git/${encodeURIComponent(repository)}/pullrequest/${id}`;
export const adoWorkItemUrl = (org: string, project: string, id: number) =>
  `https://dev.azure.com/${encodeURIComponent(org)}/${encodeURIComponent(project)}/_workitems/edit/${id}`;

export const adoLinks = {
  name: "ado",
  examples: [
    "https://dev.azure.com/{organization}/{project}/_git/{repository}/pullrequest/{id}",
    "https://{organization}.visualstudio.com/{project}/_git/{repository}/pullrequest/{id}",
    "https://dev.azure.com/{organization}/{project}/_workitems/edit/{id}",
  ],
  recognise(url: URL): AdoLink | null {
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
    if (!organization) return null;
    const org = segment(organization).toLowerCase();
    const project = rest[0] ? segment(rest[0]) : undefined;
    if (!project) return null;
    if (rest[1] === "_git" && rest[2] && rest[3]?.toLowerCase() === "pullrequest" && /^\d+$/.test(rest[4] ?? "")) {
      const repository = segment(rest[2]);
      const id = Number(rest[4]);
      return {
        host: "ado",
        kind: "pull_request",
        organization: org,
        project,
        repository,
        pullRequestId: id,
        canonicalUrl: adoPullRequestUrl(org, project, repository, id),
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
        canonicalUrl: adoWorkItemUrl(org, project, id),
        externalKey: adoWorkItemKey(org, id),
      };
    }
    return null;
  },
} as const;
