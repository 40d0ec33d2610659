import { describe, expect, it } from "vitest";
import type { Insight, ItemDetails } from "@groundwork/shared-types";
import { hostSample } from "@groundwork/simulators/samples";
import { bitbucketChanges, bitbucketPullRequestSnapshot } from "../../hosts/bitbucket/jobs.js";
import { pullRequestChanges, pullRequestSnapshot, workItemSnapshot } from "../../hosts/ado/snapshots.js";
import { CHANGES_LISTED } from "../../hosts/snapshot.js";
import { extractInsight, type InsightSource } from "./extract.js";
import { insightSourceOf } from "./derive.js";

/** The extractor over the hosts' documented payloads and the sandboxes' changes (fixtures' SOURCES.md), as the refresh jobs read them. */
const listed = <T>(values: T[]) => ({ values, size: values.length, complete: true });

function bitbucketSandboxPullRequest(): InsightSource {
  const changes = hostSample("bitbucket", "rest.sandbox_pullrequest_changes.json");
  const pr = { ...hostSample("bitbucket", "pullrequest_created.json").pullrequest, title: "Make refunds idempotent", description: changes.description };
  const snapshot = bitbucketPullRequestSnapshot("groundwork-sandbox/payments", pr)!;
  return {
    title: snapshot.title,
    state: snapshot.state,
    details: snapshot.metadata,
    changes: bitbucketChanges(pr, { files: listed(changes.diffstat), commits: listed(changes.commits) }),
  };
}
function adoSandboxPullRequest(): InsightSource {
  const pr = hostSample("ado", "git.pullrequest.created.json").resource;
  const changes = hostSample("ado", "rest.sandbox_pullrequest_changes.json");
  const snapshot = pullRequestSnapshot("fabrikam", pr)!;
  return {
    title: snapshot.title,
    state: snapshot.state,
    details: snapshot.metadata,
    changes: pullRequestChanges(pr, { files: changes.changeEntries, moreFiles: false, commits: changes.commits, moreCommits: false }, CHANGES_LISTED),
  };
}
const withoutDate = ({ derivedAt: _at, ...rest }: Insight) => rest;
const themes = (i: Insight) => i.themes.map((t) => t.theme);
const texts = (points: Insight["contributions"]) => points.map((p) => p.text);

describe("the deterministic extractor", () => {
  it("draws themes, contributions and impact from a Bitbucket pull request, its diffstat and commits, each with its evidence", () => {
    const insight = extractInsight(bitbucketSandboxPullRequest());
    expect(insight.derivedBy).toBe("rules");
    expect(themes(insight)).toEqual(["reliability", "documentation", "testing"]);
    expect(insight.themes[0]!.evidence).toEqual([
      { source: "title", text: "Make refunds idempotent" },
      { source: "description", text: "Refund requests retried by the gateway created duplicate refunds." },
      { source: "description", text: "Stores an idempotency key per refund request" },
    ]);
    expect(texts(insight.contributions)).toEqual([
      "Made refunds idempotent",
      "Changed 5 files, +183 −13 lines in 3 commits, mostly in src/refunds, docs and migrations",
      "Updated 1 test file",
      "Linked to PAY-118",
    ]);
    expect(insight.contributions[2]!.evidence).toEqual([{ source: "file", text: "src/refunds/refundService.test.ts" }]);
    expect(texts(insight.impact)).toEqual([
      "Customers are no longer refunded twice when the gateway times out.",
      "Changes the database schema or data: deploy with care",
      "Reaches 3 areas of the codebase",
    ]);
    expect(insight.impact[1]!.evidence).toEqual([{ source: "file", text: "migrations/0042_refund_idempotency_keys.sql" }]);
  });

  it("reads an Azure DevOps pull request's iteration changes and commits, which count no lines", () => {
    const insight = extractInsight(adoSandboxPullRequest());
    // One README edit is too little to call documentation work.
    expect(themes(insight)).toEqual(["performance", "testing"]);
    expect(texts(insight.contributions)).toEqual([
      "Worked on “my first pull request”",
      "Changed 4 files in 2 commits, mostly in src/Fabrikam.Web, tests/Fabrikam.Web.Tests and the root folder",
      "Added 1 test file",
      "Reviewed by 1 person",
    ]);
    expect(texts(insight.impact)).toEqual(["Reaches 3 areas of the codebase"]);
  });

  it("gives the same answer for the same content, and a new digest only when the content changes", () => {
    const src = bitbucketSandboxPullRequest();
    expect(withoutDate(extractInsight(src))).toEqual(withoutDate(extractInsight(structuredClone(src))));
    const moved = { ...src, details: { ...src.details, updatedAt: "2030-01-01T00:00:00Z" } as ItemDetails };
    expect(insightSourceOf(moved).digest).toBe(insightSourceOf(src).digest);
    expect(insightSourceOf({ ...src, title: "Make refunds idempotent again" }).digest).not.toBe(insightSourceOf(src).digest);
  });

  it("tells themes from the words a title and branch use, and quotes a title that names no action", () => {
    const pr = (title: string, sourceBranch: string | null = null): InsightSource => ({
      title,
      state: "open",
      changes: null,
      details: {
        kind: "pull_request",
        description: null,
        author: null,
        reviewers: [],
        sourceBranch,
        targetBranch: "main",
        repository: "r",
        createdAt: null,
        updatedAt: null,
        closedAt: null,
      },
    });
    expect(themes(extractInsight(pr("Fix flaky checkout test")))).toEqual(["bug_fix", "reliability", "testing"]);
    expect(themes(extractInsight(pr("Bump lodash to 4.17.21", "chore/deps")))).toEqual(["infrastructure"]);
    expect(themes(extractInsight(pr("Sanitise HTML in comments to stop XSS", "security/comment-xss")))).toEqual(["security"]);
    expect(texts(extractInsight(pr("feat(orders): add CSV export")).contributions)).toEqual(["Added CSV export"]);
    expect(texts(extractInsight(pr("Refund retry redesign")).contributions)).toEqual(["Worked on “Refund retry redesign”"]);
    // Standards are not work items.
    expect(extractInsight(pr("Decode UTF-8 and verify SHA-256 of uploads")).contributions.some((p) => p.text.startsWith("Linked to"))).toBe(false);
  });

  it("reads a work item's type, description (HTML) and state", () => {
    const wi = workItemSnapshot("fabrikam", { ...hostSample("ado", "workitem.created.json").resource, id: 5 });
    const insight = extractInsight({ title: wi.title, state: wi.state, details: wi.metadata, changes: null });
    expect(insight.contributions[0]).toEqual({
      text: `${(wi.metadata as Extract<ItemDetails, { kind: "work_item" }>).type}: ${wi.title}`,
      evidence: [{ source: "title", text: wi.title }],
    });
  });
});
