import { adoPullRequestKey, adoWorkItemKey } from "@groundwork/shared-types";
import type { AdoIdentityRef, AdoPullRequest, AdoWorkItem } from "./client.js";

import type { Snapshot } from "../snapshot.js";

const emailOf = (uniqueName: string | undefined) => (uniqueName && /^[^@\s]+@[^@\s]+$/.test(uniqueName) ? uniqueName.toLowerCase() : null);
const branch = (ref: string | undefined) => ref?.replace(/^refs\/heads\//, "") ?? null;
const person = (p: AdoIdentityRef | undefined) => (p ? { displayName: p.displayName ?? null, uniqueName: p.uniqueName ?? null } : null);

/** Work item identity fields arrive as objects from REST and as "Name <email>" strings in some hooks. */
function identityField(value: unknown) {
  if (!value) return null;
  if (typeof value === "object") return person(value as AdoIdentityRef);
  const m = /^(.*?)\s*<([^>]+)>$/.exec(String(value));
  return m ? { displayName: m[1]!, uniqueName: m[2]! } : { displayName: String(value), uniqueName: null };
}

export function pullRequestSnapshot(organization: string, pr: AdoPullRequest): Snapshot | null {
  const project = pr.repository?.project?.name;
  const repository = pr.repository?.name;
  if (!project || !repository) return null;
  const state = pr.status === "active" && pr.isDraft ? "draft" : (pr.status ?? null);
  return {
    externalKey: adoPullRequestKey(organization, project, repository, pr.pullRequestId),
    title: pr.title ?? null,
    state,
    authorEmailNormalized: emailOf(pr.createdBy?.uniqueName),
    metadata: {
      title: pr.title ?? null,
      description: pr.description ?? null,
      status: pr.status ?? null,
      isDraft: Boolean(pr.isDraft),
      author: person(pr.createdBy),
      reviewers: (pr.reviewers ?? []).map((r) => ({ ...person(r), vote: r.vote ?? 0 })),
      sourceBranch: branch(pr.sourceRefName),
      targetBranch: branch(pr.targetRefName),
      createdAt: pr.creationDate ?? null,
      closedAt: pr.closedDate ?? null,
      repository,
      project,
    },
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
    authorEmailNormalized: emailOf(assignee?.uniqueName ?? undefined) ?? emailOf(createdBy?.uniqueName ?? undefined),
    metadata: {
      type: text("System.WorkItemType"),
      title: text("System.Title"),
      state: text("System.State"),
      assignee,
      createdBy,
      areaPath: text("System.AreaPath"),
      project: text("System.TeamProject"),
      description: text("System.Description"),
      revision: wi.rev ?? null,
    },
  };
}
