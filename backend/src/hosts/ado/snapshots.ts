import { adoPullRequestKey, adoWorkItemKey, type ChangedFile, type HostPerson, type PullRequestChanges, type ReviewVerdict } from "@groundwork/shared-types";
import type { AdoClient, AdoIdentityRef, AdoPullRequest, AdoWorkItem } from "./client.js";
import type { CHANGES_LISTED, Snapshot } from "../snapshot.js";

const emailOf = (uniqueName: string | undefined) => (uniqueName && /^[^@\s]+@[^@\s]+$/.test(uniqueName) ? uniqueName.toLowerCase() : null);
const branch = (ref: string | undefined) => ref?.replace(/^refs\/heads\//, "") ?? null;
/** uniqueName is the sign-in name: an email for Entra and Microsoft accounts, DOMAIN\\user on a server. */
const person = (p: AdoIdentityRef | undefined): HostPerson | null => (p ? { name: p.displayName ?? null, email: emailOf(p.uniqueName) } : null);

/** Work item identity fields arrive as objects from REST and as "Name <email>" strings in some hooks. */
export function identityField(value: unknown): HostPerson | null {
  if (!value) return null;
  if (typeof value === "object") return person(value as AdoIdentityRef);
  const m = /^(.*?)\s*<([^>]+)>$/.exec(String(value));
  return m ? { name: m[1]!, email: emailOf(m[2]) } : { name: String(value), email: null };
}

/** Azure DevOps reviewer votes (GitPullRequest reviewers[].vote): 10 approved, 5 with suggestions, -5 waiting for the author, -10 rejected. */
const VERDICTS: Record<number, ReviewVerdict> = { 10: "approved", 5: "approved_with_suggestions", 0: "no_vote", [-5]: "waiting_for_author", [-10]: "rejected" };

/** A draft shows as such; otherwise Azure DevOps' own status (active, completed, abandoned). */
export const pullRequestState = (pr: AdoPullRequest) => (pr.status === "active" && pr.isDraft ? "draft" : (pr.status ?? null));

export function pullRequestSnapshot(organization: string, pr: AdoPullRequest): Snapshot | null {
  const project = pr.repository?.project?.name;
  const repository = pr.repository?.name;
  if (!project || !repository) return null;
  const state = pullRequestState(pr);
  return {
    externalKey: adoPullRequestKey(organization, project, repository, pr.pullRequestId),
    title: pr.title ?? null,
    state,
    authorEmailNormalized: emailOf(pr.createdBy?.uniqueName),
    authorAccount: pr.createdBy?.id ?? null,
    metadata: {
      kind: "pull_request",
      description: pr.description ?? null,
      author: person(pr.createdBy),
      reviewers: (pr.reviewers ?? []).map((r) => ({ ...person(r)!, account: r.id ?? null, verdict: VERDICTS[r.vote ?? 0] ?? "no_vote" })),
      sourceBranch: branch(pr.sourceRefName),
      targetBranch: branch(pr.targetRefName),
      repository,
      // Azure DevOps keeps no "last updated" on a pull request.
      createdAt: pr.creationDate ?? null,
      updatedAt: null,
      closedAt: pr.closedDate ?? null,
      project,
      status: pr.status ?? null,
      isDraft: Boolean(pr.isDraft),
    },
    headCommit: pr.lastMergeSourceCommit?.commitId ?? null,
  };
}

const CHANGE_STATUS = (changeType: string): ChangedFile["status"] =>
  /\badd\b/.test(changeType) ? "added" : /\bdelete\b/.test(changeType) ? "removed" : /\brename\b/.test(changeType) ? "renamed" : "modified";

/** A pull request's listed changes as PullRequestChanges: files only (folders are entries too), no line counts. */
export function pullRequestChanges(
  pr: AdoPullRequest,
  listed: Awaited<ReturnType<AdoClient["pullRequestChanges"]>>,
  limits: typeof CHANGES_LISTED,
): PullRequestChanges {
  const files = listed.files
    .filter((c) => c.item?.path && !c.item.isFolder && c.item.gitObjectType !== "tree")
    .map((c): ChangedFile => ({ path: c.item!.path!.replace(/^\//, ""), status: CHANGE_STATUS(c.changeType ?? "edit"), linesAdded: null, linesRemoved: null }));
  return {
    files,
    // Azure DevOps gives no total: one more page means "at least one more".
    fileCount: listed.moreFiles ? Math.max(files.length + 1, limits.files) : files.length,
    commits: listed.commits.map((c) => ({ message: c.comment ?? "" })),
    commitCount: listed.moreCommits ? Math.max(listed.commits.length + 1, limits.commits) : listed.commits.length,
    headCommit: pr.lastMergeSourceCommit?.commitId ?? null,
  };
}

export function workItemSnapshot(organization: string, wi: AdoWorkItem): Snapshot {
  const f = wi.fields ?? {};
  const text = (k: string) => (typeof f[k] === "string" ? (f[k] as string) : null);
  const assignee = identityField(f["System.AssignedTo"]);
  const createdBy = identityField(f["System.CreatedBy"]);
  return {
    externalKey: adoWorkItemKey(organization, wi.id),
    title: text("System.Title"),
    state: text("System.State"),
    authorEmailNormalized: assignee?.email ?? createdBy?.email ?? null,
    authorAccount: null,
    metadata: {
      kind: "work_item",
      type: text("System.WorkItemType"),
      description: text("System.Description"),
      assignee,
      createdBy,
      area: text("System.AreaPath"),
      project: text("System.TeamProject"),
      updatedAt: text("System.ChangedDate"),
      revision: wi.rev ?? null,
    },
  };
}
