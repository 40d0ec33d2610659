import type { Transaction } from "sequelize";
import { adoPullRequestKey, adoWorkItemKey } from "@groundwork/shared-types";
import { MemberRow } from "../../storage/models.js";
import { recordContextUpdate } from "../contextUpdates.js";
import type { AdoClient, AdoCommentThread, AdoIdentityRef, AdoPullRequest, AdoPullRequestComment, AdoWorkItem } from "./client.js";

/** A comment on a host item, in the shape a context update needs. */
export interface CommentActivity {
  externalKey: string;
  externalId: string;
  author: AdoIdentityRef;
  body: string;
  url: string;
  occurredAt: Date;
  deleted: boolean;
}

const BODY_LIMIT = 4000;
const web = (organization: string, ...parts: string[]) =>
  `https://dev.azure.com/${encodeURIComponent(organization)}/${parts.map(encodeURIComponent).join("/")}`;
/** Work item comments are HTML; we keep and show plain text. */
const plainText = (html: string) =>
  html
    .replace(/<br\s*\/?>|<\/(p|div|li)>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .trim();
export const isEmail = (s: string | undefined) => Boolean(s && /^[^@\s\\]+@[^@\s]+$/.test(s));

/** `ms.vss-code.git-pullrequest-comment-event`: resource is `{ comment, pullRequest }`. System comments ("voted") are not people's words. */
export function pullRequestComment(organization: string, resource: Record<string, unknown>, pr: AdoPullRequest): CommentActivity | null {
  const comment = resource.comment as AdoPullRequestComment | undefined;
  const project = pr.repository?.project?.name;
  const repository = pr.repository?.name;
  if (!project || !repository || !comment) return null;
  const threadId = /\/threads\/(\d+)/.exec(comment._links?.threads?.href ?? "")?.[1];
  return commentActivity(organization, { project, repository, pullRequestId: pr.pullRequestId }, threadId ?? null, comment);
}

/** A pull request's threads, as read when importing its history: the people's comments in them. */
export function threadComments(
  organization: string,
  pr: { project: string; repository: string; pullRequestId: number },
  threads: AdoCommentThread[],
): CommentActivity[] {
  return threads
    .filter((t) => !t.isDeleted)
    .flatMap((t) => (t.comments ?? []).map((c) => commentActivity(organization, pr, String(t.id), c)))
    .filter((a): a is CommentActivity => a !== null && !a.deleted);
}

function commentActivity(
  organization: string,
  pr: { project: string; repository: string; pullRequestId: number },
  threadId: string | null,
  comment: AdoPullRequestComment,
): CommentActivity | null {
  const { project, repository, pullRequestId } = pr;
  if (!comment.id || !comment.author) return null;
  if (comment.commentType === "system" || comment.commentType === 3) return null;
  const prUrl = web(organization, project, "_git", repository, "pullrequest", String(pullRequestId));
  return {
    externalKey: adoPullRequestKey(organization, project, repository, pullRequestId),
    externalId: `pr-comment:${threadId ?? "0"}:${comment.id}`,
    author: comment.author,
    body: (comment.content ?? "").slice(0, BODY_LIMIT),
    url: threadId ? `${prUrl}?discussionId=${threadId}` : prUrl,
    occurredAt: new Date(comment.lastUpdatedDate ?? comment.publishedDate ?? Date.now()),
    deleted: Boolean(comment.isDeleted),
  };
}

/**
 * `workitem.commented` carries the work item, its comment only as System.History and its
 * author as a display name, so the newest comments are read over REST. Taking several makes
 * two quick comments safe: each is keyed by its comment id.
 */
export async function workItemComments(client: AdoClient, organization: string, wi: AdoWorkItem): Promise<CommentActivity[]> {
  const project = wi.fields?.["System.TeamProject"];
  if (typeof project !== "string") return [];
  const comments = await client.workItemComments(project, wi.id);
  return comments
    .filter((c) => c.createdBy)
    .map((c) => ({
      externalKey: adoWorkItemKey(organization, wi.id),
      externalId: `wi-comment:${c.commentId}`,
      author: c.createdBy!,
      body: plainText(c.text).slice(0, BODY_LIMIT),
      url: `${web(organization, project, "_workitems", "edit", String(wi.id))}#${c.commentId}`,
      occurredAt: new Date(c.createdDate ?? Date.now()),
      deleted: false,
    }));
}

/** The author's email: their unique name when it is one, else the Mail property of their identity. */
export async function authorEmail(client: AdoClient, author: AdoIdentityRef) {
  if (isEmail(author.uniqueName)) return author.uniqueName!.toLowerCase();
  if (!author.id) return null;
  const identity = await client.identity(author.id);
  const mail = identity?.properties?.Mail?.$value ?? identity?.properties?.Account?.$value;
  return isEmail(mail) ? mail!.toLowerCase() : null;
}

/**
 * Records a member's comment as a context update on the item it is about, if that item is
 * linked in the workspace; comments by people who are not members are not kept.
 */
export async function recordComment(workspaceId: string, activity: CommentActivity, email: string | null, transaction: Transaction) {
  if (!email) return;
  const member = await MemberRow.findOne({ where: { workspaceId, emailNormalized: email }, transaction });
  if (member) await recordContextUpdate(workspaceId, { ...activity, memberId: member.id, authorName: activity.author.displayName ?? email }, transaction);
}
