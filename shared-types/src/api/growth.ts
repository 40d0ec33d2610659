import { z } from "zod";
import { Id, Text, Timestamp } from "./common.js";
import { ContextLink } from "./context.js";

/** Feedback, 1:1s, OKRs and competencies. */

// feedback
export const FeedbackVisibility = z.enum(["private", "shared_with_subject"]);
export type FeedbackVisibility = z.infer<typeof FeedbackVisibility>;
export const CreateFeedbackRequest = z.object({
  subjectId: Id,
  body: Text(10_000),
  visibility: FeedbackVisibility.default("shared_with_subject"),
});
export type CreateFeedbackRequest = z.infer<typeof CreateFeedbackRequest>;
export const UpdateFeedbackRequest = z
  .object({ body: Text(10_000), visibility: FeedbackVisibility })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "send at least one of body, visibility" });
export const Feedback = z.object({
  id: Id,
  authorId: Id,
  subjectId: Id,
  body: z.string(),
  visibility: FeedbackVisibility,
  createdAt: Timestamp,
  links: z.array(ContextLink),
});
export type Feedback = z.infer<typeof Feedback>;

// 1:1s
export const CreateOneOnOneRequest = z.object({ memberId: Id });
export const AgendaItem = z.object({
  id: Id,
  authorId: Id,
  text: z.string(),
  done: z.boolean(),
  createdAt: Timestamp,
  links: z.array(ContextLink),
});
export type AgendaItem = z.infer<typeof AgendaItem>;
export const OneOnOne = z.object({
  id: Id,
  memberIds: z.tuple([Id, Id]),
  createdAt: Timestamp,
  lastHeldAt: Timestamp.nullable().describe("When it was last marked held; null: never"),
  agenda: z.array(AgendaItem),
});
export type OneOnOne = z.infer<typeof OneOnOne>;
export const CreateAgendaItemRequest = z.object({ text: Text(2000) });
export const UpdateAgendaItemRequest = z
  .object({ text: Text(2000), done: z.boolean() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "send at least one of text, done" });

// OKRs
export const Period = z
  .string()
  .trim()
  .regex(/^\d{4}-(Q[1-4]|H[12]|FY)$/, { message: "must look like 2026-Q4, 2026-H1 or 2026-FY" });
export const CreateObjectiveRequest = z.object({
  title: Text(300),
  description: z.string().trim().max(5000).optional(),
  period: Period,
  ownerId: Id.optional().describe("Defaults to the caller"),
});
export const UpdateObjectiveRequest = z
  .object({ title: Text(300), description: z.string().trim().max(5000), period: Period })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "send at least one field" });
export const CreateKeyResultRequest = z.object({
  title: Text(300),
  target: z.number().finite().positive().default(100),
  current: z.number().finite().min(0).default(0),
});
export const UpdateKeyResultRequest = z
  .object({ title: Text(300), target: z.number().finite().positive(), current: z.number().finite().min(0) })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "send at least one field" });
export const KeyResult = z.object({
  id: Id,
  title: z.string(),
  target: z.number(),
  current: z.number(),
  links: z.array(ContextLink),
});
export type KeyResult = z.infer<typeof KeyResult>;
export const Objective = z.object({
  id: Id,
  ownerId: Id,
  title: z.string(),
  description: z.string().nullable(),
  period: z.string(),
  createdAt: Timestamp,
  keyResults: z.array(KeyResult),
  links: z.array(ContextLink),
});
export type Objective = z.infer<typeof Objective>;

// competencies
export const CompetencyLevelInput = z.object({
  level: z.number().int().min(1).max(10),
  title: Text(120),
  description: z.string().trim().max(2000).optional(),
});
export const CreateCompetencyRequest = z.object({
  name: Text(120),
  description: z.string().trim().max(2000).optional(),
  levels: z
    .array(CompetencyLevelInput)
    .min(1, { message: "define at least one level" })
    .max(10)
    .refine((ls) => new Set(ls.map((l) => l.level)).size === ls.length, { message: "levels must be unique" }),
});
export const UpdateCompetencyRequest = z
  .object({ name: Text(120), description: z.string().trim().max(2000), levels: CreateCompetencyRequest.shape.levels })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "send at least one field" });
export const Competency = z.object({
  id: Id,
  name: z.string(),
  description: z.string().nullable(),
  levels: z.array(z.object({ level: z.number(), title: z.string(), description: z.string().nullable() })),
  links: z.array(ContextLink),
});
export type Competency = z.infer<typeof Competency>;
export const CreateAssessmentRequest = z.object({
  memberId: Id,
  competencyId: Id,
  level: z.number().int().min(1).max(10),
  note: z.string().trim().max(2000).optional(),
});
export const Assessment = z.object({
  id: Id,
  memberId: Id,
  competencyId: Id,
  level: z.number(),
  note: z.string().nullable(),
  assessedBy: Id,
  createdAt: Timestamp,
});
export type Assessment = z.infer<typeof Assessment>;

// growth assignments
export const AssignmentStatus = z.enum(["planned", "in_progress", "in_review", "done"]);
export type AssignmentStatus = z.infer<typeof AssignmentStatus>;
export const AcceptanceCriterion = z.object({ text: Text(500), done: z.boolean().default(false) });
export const AcceptanceCriteria = z.array(AcceptanceCriterion).min(1, { message: "list at least one acceptance criterion" }).max(30);
/** A repository one of the workspace's connections follows, as `GET /api/assignments/repositories` lists them. */
export const AssignmentRepository = z.object({
  host: z.string().min(1).max(32),
  connectionId: z.string().min(1).max(100),
  repository: z.string().min(1).max(300).describe("Project/repository on Azure DevOps, workspace/repository on Bitbucket"),
});
export type AssignmentRepository = z.infer<typeof AssignmentRepository>;
const AssignmentFields = z.object({
  title: Text(200),
  description: z.string().trim().max(10_000).optional(),
  acceptanceCriteria: AcceptanceCriteria,
  memberId: Id.describe("Who takes the assignment on"),
  mentorId: Id.nullable()
    .optional()
    .describe("Who reviews its pull request; when null, whoever set the assignment (their manager, as a rule) unless that is its member"),
  competency: z
    .object({ id: Id, level: z.number().int().min(1).max(10).optional().describe("The level it works towards") })
    .nullable()
    .optional(),
  keyResultId: Id.nullable().optional(),
  repository: AssignmentRepository.nullable().optional().describe("Where Start work creates the branch and the pull request"),
});
const oneGrowthTarget = (v: { competency?: unknown; keyResultId?: unknown }) => !(v.competency && v.keyResultId);
export const CreateAssignmentRequest = AssignmentFields.refine(oneGrowthTarget, {
  message: "link a competency or a key result, not both",
  path: ["keyResultId"],
});
export const UpdateAssignmentRequest = AssignmentFields.omit({ memberId: true })
  .extend({ status: AssignmentStatus })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "send at least one field" })
  .refine(oneGrowthTarget, { message: "link a competency or a key result, not both", path: ["keyResultId"] });
/** What Start work made on the host, or is making. */
export const AssignmentWork = z.object({
  state: z.enum(["starting", "started", "failed"]),
  branch: z.string().nullable(),
  pullRequestUrl: z.string().nullable(),
  reviewer: z
    .enum(["added", "none", "not_found", "unlinked", "refused"])
    .nullable()
    .describe(
      "not_found: the host knows no one by the mentor's address; unlinked: the mentor has not linked their account on the host (Bitbucket knows people by account); refused: the host would not make them reviewer (the pull request's author, or not a member there)",
    ),
  error: z.string().nullable(),
  startedAt: Timestamp,
});
export type AssignmentWork = z.infer<typeof AssignmentWork>;
export const Assignment = z.object({
  id: Id,
  key: z.string().describe("Short and unique in the workspace, e.g. GW-42"),
  title: z.string(),
  description: z.string().nullable(),
  acceptanceCriteria: z.array(z.object({ text: z.string(), done: z.boolean() })),
  memberId: Id,
  mentorId: Id.nullable(),
  competency: z.object({ id: Id, name: z.string(), level: z.number().nullable() }).nullable(),
  keyResult: z.object({ id: Id, title: z.string(), objectiveId: Id }).nullable(),
  repository: AssignmentRepository.nullable(),
  status: AssignmentStatus,
  work: AssignmentWork.nullable(),
  pullRequestReadAt: Timestamp.nullable().describe("When Groundwork last heard from the host about the work's pull request (an event or a read)"),
  createdBy: Id,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Assignment = z.infer<typeof Assignment>;
