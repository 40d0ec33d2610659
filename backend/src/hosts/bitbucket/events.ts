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
  /**
   * The same event as the Forge app receives it (developer.atlassian.com/platform/forge/events-reference/bitbucket):
   * ids only, so its job reads the pull request (and comment) from Bitbucket.
   */
  forge: string;
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
  "pullrequest:created": { read: pullRequestEvent(true), forge: "avi:bitbucket:created:pullrequest" },
  "pullrequest:updated": { read: pullRequestEvent(true), forge: "avi:bitbucket:updated:pullrequest" },
  "pullrequest:fulfilled": { read: pullRequestEvent(false), forge: "avi:bitbucket:fulfilled:pullrequest" },
  "pullrequest:rejected": { read: pullRequestEvent(false), forge: "avi:bitbucket:rejected:pullrequest" },
  "pullrequest:comment_created": {
    read: (body) => ({ ...pullRequestOf(body), comment: body.comment as BitbucketComment | undefined }),
    forge: "avi:bitbucket:created:pullrequest-comment",
  },
};

/** The table's entry for an event key, if Groundwork acts on it. */
export const bitbucketEventEntry = (eventKey: string) => (Object.hasOwn(BITBUCKET_EVENTS, eventKey) ? BITBUCKET_EVENTS[eventKey] : undefined);

/** The webhook event key of a Forge event Groundwork acts on. */
export const eventKeyOfForge = (eventType: string) => Object.entries(BITBUCKET_EVENTS).find(([, e]) => e.forge === eventType)?.[0];
