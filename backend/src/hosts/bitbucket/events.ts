import type { BitbucketComment, BitbucketPullRequest } from "./client.js";

/** Bitbucket webhook events: the table of those Groundwork acts on, and what each one carries. */

/** What an event means, read from its payload: Bitbucket's carry the whole pull request (and comment), so applying one calls nothing. */
export interface EventReading {
  pr?: BitbucketPullRequest;
  /** "workspace/repository" */
  fullName?: string;
  /** A comment to count as its author's contribution, when they linked their account. */
  comment?: BitbucketComment;
  /** Whether the PR's Groundwork build status is (re)posted. */
  postsStatus?: boolean;
}

interface BitbucketEventEntry {
  read(body: Record<string, unknown>): EventReading;
}

function pullRequestOf(body: Record<string, unknown>) {
  const pr = body.pullrequest as BitbucketPullRequest | undefined;
  const fullName = (body.repository as { full_name?: string } | undefined)?.full_name ?? pr?.destination?.repository?.full_name;
  return { pr, fullName };
}

const pullRequestEvent =
  (postsStatus: boolean): BitbucketEventEntry["read"] =>
  (body) => ({ ...pullRequestOf(body), postsStatus });

/**
 * The events Groundwork acts on (developer.atlassian.com/cloud/bitbucket/rest/intro/#event-payloads):
 * adding one is an entry here. The Connect descriptor's webhooks, the repository webhooks a token
 * connection creates, the webhook routes' filter and the `bitbucket.event` job all read it.
 */
export const BITBUCKET_EVENTS: Record<string, BitbucketEventEntry> = {
  "pullrequest:created": { read: pullRequestEvent(true) },
  "pullrequest:updated": { read: pullRequestEvent(true) },
  "pullrequest:fulfilled": { read: pullRequestEvent(false) },
  "pullrequest:rejected": { read: pullRequestEvent(false) },
  "pullrequest:comment_created": { read: (body) => ({ ...pullRequestOf(body), comment: body.comment as BitbucketComment | undefined }) },
};

/** The table's entry for an event key, if Groundwork acts on it. */
export const bitbucketEventEntry = (eventKey: string) => (Object.hasOwn(BITBUCKET_EVENTS, eventKey) ? BITBUCKET_EVENTS[eventKey] : undefined);
