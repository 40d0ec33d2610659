import { z } from "zod";
import { HOST_NAMES } from "../contextUrl.js";
import { Id, Timestamp } from "./common.js";
import { Insight } from "./insights.js";

/** Delivery work attached as context: items, their links and updates, and contributions. */

export const LinkTargetType = z.enum(["feedback", "agenda_item", "objective", "key_result", "competency"]);
export type LinkTargetType = z.infer<typeof LinkTargetType>;

/** not_followed: the connection does not follow the item's repository, so Groundwork never reads or writes it. */
export const MetadataStatus = z.enum(["pending", "fetched", "host_not_connected", "not_followed", "error"]);
export type MetadataStatus = z.infer<typeof MetadataStatus>;

export const ContextUpdate = z.object({
  id: Id,
  kind: z.enum(["comment"]),
  memberId: Id.describe("The member who wrote it, matched by email"),
  authorName: z.string(),
  body: z.string(),
  url: z.string().nullable(),
  occurredAt: Timestamp,
});
export type ContextUpdate = z.infer<typeof ContextUpdate>;

/** Someone on the host, as the host names them; `email` where the host shares one (Azure DevOps does, Bitbucket does not). */
export const HostPerson = z.object({ name: z.string().nullable(), email: z.string().nullable() });
export type HostPerson = z.infer<typeof HostPerson>;

/**
 * A reviewer's vote, in the words the host's own PR page uses: Azure DevOps votes 10, 5, 0, -5,
 * -10; Bitbucket reviewers approve or request changes.
 */
export const ReviewVerdict = z.enum(["approved", "approved_with_suggestions", "no_vote", "waiting_for_author", "changes_requested", "rejected"]);
export type ReviewVerdict = z.infer<typeof ReviewVerdict>;

const When = z.string().nullable().describe("ISO 8601, as the host gave it");
export const PullRequestDetails = z.object({
  kind: z.literal("pull_request"),
  description: z.string().nullable(),
  author: HostPerson.nullable(),
  reviewers: z.array(HostPerson.extend({ verdict: ReviewVerdict })),
  sourceBranch: z.string().nullable(),
  targetBranch: z.string().nullable(),
  repository: z.string().nullable(),
  createdAt: When,
  updatedAt: When,
  closedAt: When,
});
export const WorkItemDetails = z.object({
  kind: z.literal("work_item"),
  type: z.string().nullable().describe("Bug, User Story, Task…"),
  description: z.string().nullable().describe("As the host stores it (Azure DevOps: HTML)"),
  assignee: HostPerson.nullable(),
  createdBy: HostPerson.nullable(),
  area: z.string().nullable(),
  project: z.string().nullable(),
  updatedAt: When,
});
/** What a host told us of a linked item, the same shape from every host: what its card shows. */
export const ItemDetails = z.discriminatedUnion("kind", [PullRequestDetails, WorkItemDetails]);
export type ItemDetails = z.infer<typeof ItemDetails>;

export const ContextItem = z.object({
  id: Id,
  host: z.enum(HOST_NAMES),
  kind: z.enum(["pull_request", "work_item"]),
  url: z.string(),
  externalKey: z.string().describe("Stable host identity, e.g. ado:{org}:{project}:{repo}:pr:{id}"),
  hostIds: z.record(z.string(), z.union([z.string(), z.number()])),
  metadataStatus: MetadataStatus,
  details: ItemDetails.nullable().describe("From the last snapshot fetched from the host; null until one is"),
  title: z.string().nullable(),
  state: z.string().nullable(),
  authorEmail: z.string().nullable(),
  fetchedAt: Timestamp.nullable(),
  updates: z.array(ContextUpdate).describe("Members' latest comments on the item, newest first"),
  insight: Insight.nullable().describe("Themes, contributions and impact drawn from the item's content; null until derived (moments after it is fetched)"),
});
export type ContextItem = z.infer<typeof ContextItem>;

export const ContextLink = z.object({
  id: Id,
  targetType: LinkTargetType,
  targetId: Id,
  note: z.string().nullable(),
  linkedBy: Id,
  createdAt: Timestamp,
  item: ContextItem,
});
export type ContextLink = z.infer<typeof ContextLink>;

export const CreateContextLinkRequest = z.object({
  targetType: LinkTargetType,
  targetId: Id,
  url: z.string().trim().min(1, { message: "paste a pull request or work item URL" }).max(2000),
  note: z.string().trim().max(1000).optional(),
});
export type CreateContextLinkRequest = z.infer<typeof CreateContextLinkRequest>;

/** A pull request or work item on a connected host, found by search, not yet attached: what the picker shows. */
export const FoundItem = z.object({
  host: z.enum(HOST_NAMES),
  kind: z.enum(["pull_request", "work_item"]),
  url: z.string().describe("The link to attach (POST /api/context-links)"),
  title: z.string(),
  reference: z.string().describe("How the host numbers it: !42 for a pull request, #17 for a work item"),
  where: z.string().nullable().describe("Its repository, or a work item's project"),
  author: z.string().nullable().describe("Who opened the pull request, or to whom the work item is assigned"),
  state: z.string().nullable(),
  updatedAt: When,
});
export type FoundItem = z.infer<typeof FoundItem>;

export const ContextSearchQuery = z.object({
  q: z.string().trim().max(200).default("").describe("Words of a title, an author or a repository; a number finds !42 or #42; empty: the most recent"),
});
export type ContextSearchQuery = z.infer<typeof ContextSearchQuery>;

export const ContextSearchResult = z.object({
  items: z.array(FoundItem).describe("Newest first, at most 20"),
  unavailable: z.array(z.object({ host: z.enum(HOST_NAMES), message: z.string() })).describe("Connected hosts that could not be searched just now, and why"),
});
export type ContextSearchResult = z.infer<typeof ContextSearchResult>;

export const LiveRevision = z.object({
  revision: z.string().describe("Moves whenever a host changes one of the workspace's items (a snapshot or a comment): refetch what shows them"),
});

export const Contribution = z.object({
  item: ContextItem,
  linkedAt: Timestamp,
  links: z.array(z.object({ targetType: LinkTargetType, targetId: Id, title: z.string() })),
});
export type Contribution = z.infer<typeof Contribution>;
