import { segment } from "./segment.js";

/** Bitbucket Cloud pull request links. */
export type BitbucketLink = {
  host: "bitbucket";
  kind: "pull_request";
  workspace: string;
  repository: string;
  pullRequestId: number;
  canonicalUrl: string;
  externalKey: string;
};

/** The stable identity of a Bitbucket pull request; webhooks and pasted URLs must produce the same key. */
export const bitbucketPullRequestKey = (workspace: string, repository: string, id: number) => `${bitbucketPullRequestKeyPrefix(workspace, repository)}${id}`;
/** What every pull request key of one repository starts with. */
export const bitbucketPullRequestKeyPrefix = (workspace: string, repository: string) => `bitbucket:${workspace.toLowerCase()}:${repository.toLowerCase()}:pr:`;

/** The link Groundwork stores and hands out for a Bitbucket pull request. */
export const bitbucketPullRequestUrl = (workspace: string, repository: string, id: number) =>
  `https://bitbucket.org/${encodeURIComponent(workspace)}/${encodeURIComponent(repository)}/pull-requests/${id}`;

export const bitbucketLinks = {
  name: "bitbucket",
  examples: ["https://bitbucket.org/{workspace}/{repository}/pull-requests/{id}"],
  recognise(url: URL): BitbucketLink | null {
    const host = url.hostname.toLowerCase();
    if (host !== "bitbucket.org" && host !== "www.bitbucket.org") return null;
    const parts = url.pathname.split("/").filter(Boolean);
    if (parts.length < 4 || parts[2] !== "pull-requests" || !/^\d+$/.test(parts[3]!)) return null;
    const workspace = segment(parts[0]!).toLowerCase();
    const repository = segment(parts[1]!).toLowerCase();
    const id = Number(parts[3]);
    return {
      host: "bitbucket",
      kind: "pull_request",
      workspace,
      repository,
      pullRequestId: id,
      canonicalUrl: bitbucketPullRequestUrl(workspace, repository, id),
      externalKey: bitbucketPullRequestKey(workspace, repository, id),
    };
  },
} as const;
