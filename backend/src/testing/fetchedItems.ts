import { randomUUID } from "node:crypto";
import { bitbucketPullRequestKey } from "@groundwork/shared-types";
import { hostSample } from "@groundwork/simulators/samples";
import { ContextItemRow } from "../storage/models.js";

/**
 * The Bitbucket sandbox's pull request as a refresh leaves it — fetched, with its diffstat's files
 * and its commits (simulators' rest.sandbox_pullrequest_changes.json) — in a workspace, for tests
 * of what is drawn from items without running a host.
 */
export function createFetchedPullRequest(workspaceId: string, fields: Partial<ContextItemRow> = {}) {
  const changes = hostSample("bitbucket", "rest.sandbox_pullrequest_changes.json");
  // A number of its own, and the identity its link's URL parses to: attaching that URL finds this item.
  const n = parseInt(randomUUID().slice(0, 7), 16);
  return ContextItemRow.create({
    workspaceId,
    host: "bitbucket",
    kind: "pull_request",
    url: `https://bitbucket.org/acme/payments/pull-requests/${n}`,
    externalKey: bitbucketPullRequestKey("acme", "payments", n),
    hostIds: { workspace: "acme", repository: "payments", pullRequestId: n },
    metadataStatus: "fetched",
    title: "Make refunds idempotent",
    state: "open",
    authorEmailNormalized: null,
    authorAccount: null,
    metadata: {
      kind: "pull_request",
      description: changes.description,
      author: { name: "Brad Rydzewski", email: null },
      reviewers: [],
      sourceBranch: "develop",
      targetBranch: "master",
      repository: "acme/payments",
      createdAt: null,
      updatedAt: null,
      closedAt: null,
    },
    changes: {
      files: changes.diffstat.map((d: { new: { path: string }; status: "added" | "modified"; lines_added: number; lines_removed: number }) => ({
        path: d.new.path,
        status: d.status,
        linesAdded: d.lines_added,
        linesRemoved: d.lines_removed,
      })),
      fileCount: changes.diffstat.length,
      commits: changes.commits.map((c: { message: string }) => ({ message: c.message })),
      commitCount: changes.commits.length,
      headCommit: "0704fc5beccc",
    },
    fetchedAt: new Date(),
    ...fields,
  });
}
