import { z } from "zod";
import { Insight } from "./insights.js";
import { HOST_NAMES } from "../contextUrl.js";
import { Id, Timestamp } from "./common.js";
import { ContextLink, LinkTargetType } from "./context.js";

/** The PR panels (the Azure DevOps tab and hub with the app token, Bitbucket's with its context JWT) and linking a host account. */

export const LinkTarget = z.object({
  type: LinkTargetType,
  id: Id,
  title: z.string(),
  group: z.enum(["Feedback", "1:1 agendas", "OKRs", "Competencies"]),
});
export type LinkTarget = z.infer<typeof LinkTarget>;
export const AdoPanelQuery = z.object({
  project: z.string().trim().min(1).max(200),
  repository: z.string().trim().min(1).max(200),
  pullRequestId: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31),
});
/** What a host's PR panel (Azure DevOps tab, Bitbucket panel) shows: where the PR is attached, and what the caller may attach it to. */
export const PullRequestPanelData = z.object({
  workspace: z.object({ name: z.string(), url: z.string() }),
  member: z.object({ id: Id, name: z.string() }),
  pullRequestUrl: z.string(),
  links: z.array(ContextLink.extend({ targetTitle: z.string() })),
  insight: Insight.nullable().describe("What Groundwork drew from the PR, once it is attached and fetched"),
});
export type PullRequestPanelData = z.infer<typeof PullRequestPanelData>;
export const AdoOrganizationStatus = z.object({
  organization: z.string(),
  connected: z.boolean(),
  workspace: z.object({ name: z.string(), integrationsUrl: z.string() }).nullable(),
  status: z.enum(["active", "auth_failed"]).nullable(),
  lastError: z.string().nullable(),
  lastDeliveryAt: Timestamp.nullable(),
  failedJobs: z.number().int().describe("Azure DevOps work that failed for good (dead-lettered)"),
  serviceHooks: z.number().int().describe("Service hooks Groundwork created"),
});
export type AdoOrganizationStatus = z.infer<typeof AdoOrganizationStatus>;
export const AccountLinkStart = z.object({
  linkUrl: z.string().describe("Open while logged in to Groundwork to confirm the link"),
  expiresAt: Timestamp,
});
export const AccountLinkRequest = z.object({ code: z.string().trim().min(20).max(2000) });
export const AccountLinkPreview = z.object({
  host: z.enum(HOST_NAMES),
  hostName: z.string(),
  scope: z.string().describe("The Azure DevOps organisation or Bitbucket workspace"),
  account: z.string().nullable().describe("The host account's email or name, when the host gives one"),
  member: z.object({ id: Id, name: z.string() }).describe("Who it will be linked to: the caller"),
});
export type AccountLinkPreview = z.infer<typeof AccountLinkPreview>;
/** A host account the caller linked to themselves: their comments and reviews there count as theirs. */
export const LinkedAccount = z.object({
  id: Id,
  host: z.enum(HOST_NAMES),
  hostName: z.string(),
  account: z.string().nullable().describe("The account's name on the host, when it gave one"),
  linkedAt: Timestamp,
});
export type LinkedAccount = z.infer<typeof LinkedAccount>;

/** What the Bitbucket app's configure page shows, rendered by the server into the page it signed for. */
export const BitbucketConfigureData = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("admin_only"), workspace: z.string() }),
  z.object({ kind: z.literal("connect"), workspace: z.string(), bound: z.boolean(), bindUrl: z.string() }),
]);
export type BitbucketConfigureData = z.infer<typeof BitbucketConfigureData>;
