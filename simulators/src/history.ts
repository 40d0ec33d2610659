import type { AdoCommentThread, AdoPullRequest, AdoWorkItem } from "@groundwork/backend/hosts/ado/client";
import type { BitbucketPullRequest } from "@groundwork/backend/hosts/bitbucket/client";
import { hostSample } from "./samples.js";

/**
 * Long histories for the fakes and sandboxes: pull requests spread over the months before `now`,
 * each shaped as the host's documented payload (the samples in fixtures/) with its own id,
 * author, reviewers, state and dates. Deterministic, so tests can count what an import must find.
 */
export interface HistoryPerson {
  name: string;
  email: string;
  /** The host's id of the account: an Azure DevOps identity id, a Bitbucket user uuid. */
  account: string;
}
export interface HistoryShape {
  count: number;
  /** Spread evenly over this many days before `now`, newest first. */
  days: number;
  now?: Date;
  authors: HistoryPerson[];
  /** The first PR's id (later ones count up). */
  firstId?: number;
}

/** The sandboxes' histories end four days ago: their own recent pull requests stay the newest, first in pickers. */
export const HISTORY_UNTIL = () => new Date(Date.now() - 4 * 86400_000);

/** Who worked in the sandboxes' long-lived repositories (sign up as one of them to see their history). */
export const SANDBOX_PEOPLE = (account: (name: string) => string): HistoryPerson[] =>
  ["ada", "grace", "alan", "edsger"].map((name) => ({
    name: name[0]!.toUpperCase() + name.slice(1),
    email: `${name}@groundwork-sandbox.test`,
    account: account(name),
  }));

const TOPICS = ["refund retries", "invoice totals", "login throttling", "report exports", "cache warm-up", "webhook signatures", "payment audit log"];
const VERBS = ["Fix", "Add", "Speed up", "Document", "Test", "Refactor"];

/** The i-th pull request's dates, author, reviewer and fate. */
function nth(shape: HistoryShape, i: number) {
  const now = (shape.now ?? new Date()).getTime();
  const created = new Date(now - Math.round(((i + 0.5) / shape.count) * shape.days * 86400_000));
  const fate = i % 10 === 0 ? "active" : i % 7 === 0 ? "abandoned" : "completed";
  const closed = fate === "active" ? null : new Date(Math.min(now - 60_000, created.getTime() + ((i % 5) + 1) * 3600_000));
  const author = shape.authors[i % shape.authors.length]!;
  const reviewer = shape.authors[(i + 1) % shape.authors.length]!;
  const id = (shape.firstId ?? 1) + i;
  const title = `${VERBS[i % VERBS.length]} ${TOPICS[i % TOPICS.length]} (#${id})`;
  return { id, created, closed, fate, author, reviewer, title };
}

/** Azure DevOps pull requests (GitPullRequest, as the documented created event's resource) in one repository. */
export function adoHistory(shape: HistoryShape, repository: { id: string; name: string; project: { id: string; name: string } }): AdoPullRequest[] {
  const sample = hostSample("ado", "git.pullrequest.created.json").resource as AdoPullRequest;
  return Array.from({ length: shape.count }, (_, i) => {
    const p = nth(shape, i);
    return {
      ...sample,
      pullRequestId: p.id,
      title: p.title,
      description: `${p.title}. Covered by tests.`,
      status: p.fate,
      createdBy: { id: p.author.account, displayName: p.author.name, uniqueName: p.author.email },
      creationDate: p.created.toISOString(),
      ...(p.closed ? { closedDate: p.closed.toISOString() } : { closedDate: undefined }),
      reviewers: [{ id: p.reviewer.account, displayName: p.reviewer.name, uniqueName: p.reviewer.email, vote: p.fate === "completed" ? 10 : 0 }],
      sourceRefName: `refs/heads/topic/${p.id}`,
      repository,
    };
  });
}

/**
 * What was said and tracked around Azure DevOps pull requests: on each, its reviewer's comment
 * (and the vote's system comment, which is nobody's words); on every third, a work item its
 * author created, referenced from the PR. Work item ids count up from `firstWorkItemId`.
 */
export function adoDiscussion(prs: AdoPullRequest[], firstWorkItemId: number) {
  const threads: Record<number, AdoCommentThread[]> = {};
  const references: Record<number, number[]> = {};
  const workItems: AdoWorkItem[] = [];
  prs.forEach((pr, i) => {
    const reviewer = pr.reviewers?.[0];
    const at = new Date(Date.parse(pr.creationDate!) + 30 * 60_000).toISOString();
    threads[pr.pullRequestId] = [
      {
        id: 1,
        comments: reviewer ? [{ id: 1, author: reviewer, content: `Reviewed ${pr.title}: looks right.`, commentType: "text", publishedDate: at }] : [],
      },
      { id: 2, comments: [{ id: 1, author: reviewer, content: `${reviewer?.displayName} voted`, commentType: "system", publishedDate: at }] },
    ];
    if (i % 3 !== 0) return;
    const id = firstWorkItemId + workItems.length;
    references[pr.pullRequestId] = [id];
    workItems.push({
      id,
      rev: 1,
      fields: {
        "System.Title": `Track ${pr.title}`,
        "System.State": pr.status === "active" ? "Active" : "Closed",
        "System.WorkItemType": "Task",
        "System.TeamProject": pr.repository?.project?.name,
        "System.AreaPath": pr.repository?.project?.name,
        "System.CreatedBy": { displayName: pr.createdBy?.displayName, uniqueName: pr.createdBy?.uniqueName, id: pr.createdBy?.id },
        "System.AssignedTo": { displayName: pr.createdBy?.displayName, uniqueName: pr.createdBy?.uniqueName, id: pr.createdBy?.id },
        "System.ChangedDate": pr.closedDate ?? pr.creationDate,
      },
    });
  });
  return { threads, references, workItems };
}

/** Bitbucket pull requests (as the documented pullrequest:updated payload's pullrequest). */
export function bitbucketHistory(shape: HistoryShape, fullName: string): BitbucketPullRequest[] {
  const sample = hostSample("bitbucket", "pullrequest_updated.json").pullrequest as BitbucketPullRequest;
  const states = { active: "OPEN", abandoned: "DECLINED", completed: "MERGED" } as const;
  return Array.from({ length: shape.count }, (_, i): BitbucketPullRequest => {
    const p = nth(shape, i);
    const user = (who: HistoryPerson) => ({ uuid: who.account, display_name: who.name, account_id: who.account.replace(/[{}]/g, "") });
    return {
      ...sample,
      id: p.id,
      title: p.title,
      description: `${p.title}. Covered by tests.`,
      state: states[p.fate as keyof typeof states],
      created_on: p.created.toISOString(),
      updated_on: (p.closed ?? p.created).toISOString(),
      author: user(p.author),
      participants: [{ user: user(p.reviewer), role: "REVIEWER", approved: p.fate === "completed", state: p.fate === "completed" ? "approved" : null }],
      source: { ...sample.source, branch: { name: `topic/${p.id}` } },
      links: { html: { href: `https://bitbucket.org/${fullName}/pull-requests/${p.id}` } },
    };
  });
}
