import { z } from "zod";
import { Id } from "./common.js";

/**
 * What Groundwork draws from a pull request's own content — its themes, what the author did and
 * what it changes — each point with the evidence it rests on, so feedback can cite the work.
 */

/** A pull request's changed files and commits, as the host lists them: what insights read beyond the title and description. */
export const ChangedFile = z.object({
  path: z.string(),
  status: z.enum(["added", "modified", "removed", "renamed"]),
  linesAdded: z.number().int().nullable().describe("null where the host does not count lines (Azure DevOps)"),
  linesRemoved: z.number().int().nullable(),
});
export type ChangedFile = z.infer<typeof ChangedFile>;
export const PullRequestChanges = z.object({
  files: z.array(ChangedFile).describe("The first 300 changed files"),
  fileCount: z.number().int().describe("How many files changed, including those not listed"),
  commits: z.array(z.object({ message: z.string() })).describe("The first 100 commits' messages, in the host's order"),
  commitCount: z.number().int(),
  headCommit: z.string().nullable().describe("The source branch's commit these were listed at: a push moves it, and they are listed again"),
});
export type PullRequestChanges = z.infer<typeof PullRequestChanges>;

export const THEMES = [
  "reliability",
  "performance",
  "security",
  "testing",
  "refactoring",
  "documentation",
  "ux",
  "bug_fix",
  "feature",
  "infrastructure",
] as const;
export const Theme = z.enum(THEMES);
export type Theme = z.infer<typeof Theme>;

/** Where a point comes from: the sentence, commit, file or figure that supports it. */
export const Evidence = z.object({
  source: z.enum(["title", "description", "commit", "file", "size", "review", "branch", "state"]),
  text: z.string(),
});
export type Evidence = z.infer<typeof Evidence>;

export const InsightPoint = z.object({ text: z.string(), evidence: z.array(Evidence) });
export type InsightPoint = z.infer<typeof InsightPoint>;

export const Insight = z.object({
  themes: z.array(z.object({ theme: Theme, evidence: z.array(Evidence) })).describe("Strongest first"),
  contributions: z.array(InsightPoint).describe("What the author did: scope, areas, size, tests, linked work, reviews"),
  impact: z.array(InsightPoint).describe("What it changes for users or the team, its risk and reach"),
  derivedBy: z.enum(["rules", "model"]).describe("rules: Groundwork's own extractor; model: the language model the operator configured"),
  derivedAt: z.string(),
});
export type Insight = z.infer<typeof Insight>;

export const InsightSettings = z.object({
  model: z
    .object({ name: z.string(), host: z.string().describe("Where the model answers: the host its content goes to") })
    .nullable()
    .describe("The language model this Groundwork is configured with (INSIGHTS_MODEL_*); null: none"),
  useModel: z
    .boolean()
    .describe("Whether this workspace's insights are drawn by that model (sending each item's title, description, file paths and commit messages to it)"),
});
export type InsightSettings = z.infer<typeof InsightSettings>;
export const UpdateInsightSettingsRequest = z.object({ useModel: z.boolean() });
export type UpdateInsightSettingsRequest = z.infer<typeof UpdateInsightSettingsRequest>;

export const FeedbackDraftRequest = z.object({
  subjectId: Id.describe("The member the feedback is about"),
  contextItemIds: z.array(Id).min(1, { message: "choose at least one pull request or work item" }).max(5, { message: "draft from at most 5 items" }),
});
export type FeedbackDraftRequest = z.infer<typeof FeedbackDraftRequest>;
export const FeedbackDraft = z.object({
  situation: z.string(),
  behaviour: z.string(),
  impact: z.string(),
  body: z.string().describe("The three as one note, ready to edit"),
  cites: z
    .array(z.object({ contextItemId: z.string(), title: z.string(), url: z.string() }))
    .describe("The items it rests on: attach them to the feedback when saving it"),
});
export type FeedbackDraft = z.infer<typeof FeedbackDraft>;
