import { z } from "zod";
import { Timestamp } from "./common.js";
import { ContextItem, LinkTargetType, ReviewVerdict } from "./context.js";
import { Theme } from "./insights.js";
import { AssignmentStatus } from "./growth.js";

/** A member's work over time: what they authored, reviewed and commented on, by week, month or quarter. */

export const TimelinePeriodKind = z.enum(["week", "month", "quarter"]);
export type TimelinePeriodKind = z.infer<typeof TimelinePeriodKind>;

export const TimelineQuery = z.object({
  period: TimelinePeriodKind.default("month"),
  periods: z.coerce.number().int().min(1).max(12).default(6).describe("How many periods, the newest last"),
  until: z.iso.date().optional().describe("A day in the newest period (YYYY-MM-DD); today when absent"),
});
export type TimelineQuery = z.infer<typeof TimelineQuery>;

export const TimelineEntry = z.object({
  kind: z.enum(["authored", "reviewed", "commented", "attached"]).describe("attached: someone attached it to their feedback or OKRs; they did not write it"),
  at: Timestamp.describe("When it happened on the host (a PR's close, else its last update or opening; a comment's time)"),
  item: ContextItem,
  verdict: ReviewVerdict.nullable().describe("Their review's verdict, for reviewed"),
  comment: z.object({ body: z.string(), url: z.string().nullable() }).nullable().describe("What they wrote, for commented"),
  attachedTo: z
    .array(z.object({ targetType: LinkTargetType, targetId: z.string(), title: z.string() }))
    .describe("Where it is attached, as far as the caller may see"),
});
export type TimelineEntry = z.infer<typeof TimelineEntry>;

/** A growth assignment's milestones in a member's time: agreed, its work started on the host, done. */
export const AssignmentEvent = z.object({
  event: z.enum(["agreed", "started", "done"]),
  at: Timestamp,
  assignment: z.object({
    id: z.string(),
    key: z.string().describe("GW-42"),
    title: z.string(),
    status: AssignmentStatus.describe("Where it stands now"),
    pullRequestUrl: z.string().nullable(),
  }),
});
export type AssignmentEvent = z.infer<typeof AssignmentEvent>;

export const TimelinePeriod = z.object({
  start: Timestamp,
  end: Timestamp.describe("Exclusive"),
  label: z.string().describe("November 2026, 2026 Q4, Week of 23 Nov 2026"),
  counts: z.object({ authored: z.number().int(), reviewed: z.number().int(), commented: z.number().int(), attached: z.number().int() }),
  themes: z.array(z.object({ theme: Theme, count: z.number().int() })).describe("Themes of the work they authored, most frequent first"),
  entries: z.array(TimelineEntry).describe("Newest first, at most 50"),
  assignments: z.array(AssignmentEvent).describe("Their growth assignments' milestones in the period that the caller may see, newest first"),
});
export type TimelinePeriod = z.infer<typeof TimelinePeriod>;

export const Timeline = z.object({
  memberId: z.string(),
  period: TimelinePeriodKind,
  periods: z.array(TimelinePeriod).describe("Oldest first"),
  themes: z
    .array(z.object({ theme: Theme, count: z.number().int(), periods: z.number().int() }))
    .describe("Themes across the range, with how many periods each recurs in"),
});
export type Timeline = z.infer<typeof Timeline>;

export const SinceLastOneOnOne = z.object({
  memberId: z.string().describe("The other person in the 1:1, whose work this is"),
  since: Timestamp.describe("When the 1:1 was last held; before it ever was, 30 days ago"),
  entries: z.array(TimelineEntry).describe("Newest first, at most 30"),
  more: z.number().int().describe("How many more there are beyond those"),
  assignments: z.array(AssignmentEvent).describe("Their growth assignments' milestones since then that the caller may see, newest first"),
});
export type SinceLastOneOnOne = z.infer<typeof SinceLastOneOnOne>;

export const CompetencyEvidenceQuery = TimelineQuery.pick({ periods: true, until: true }).extend({
  memberId: z.uuid().optional().describe("Whose evidence (the caller's when absent; owners may ask for anyone's)"),
  period: TimelinePeriodKind.default("quarter"),
});
export type CompetencyEvidenceQuery = z.infer<typeof CompetencyEvidenceQuery>;
export const CompetencyEvidence = z.object({
  competencyId: z.string(),
  memberId: z.string(),
  periods: z.array(
    z.object({
      start: Timestamp,
      end: Timestamp,
      label: z.string(),
      level: z.object({ level: z.number(), title: z.string(), assessedAt: Timestamp }).nullable().describe("Their latest assessment by the period's end"),
      entries: z.array(TimelineEntry).describe("Their work attached to the competency, newest first"),
      themes: z.array(z.object({ theme: Theme, count: z.number().int() })),
    }),
  ),
});
export type CompetencyEvidence = z.infer<typeof CompetencyEvidence>;
