import { z } from "zod";
import { HOST_NAMES } from "./contextUrl.js";

// ---------- building blocks ----------
export const Id = z.uuid();
export const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email({ message: "must be an email address such as ada@example.com" }));
export const Password = z.string().min(10, { message: "must be at least 10 characters" }).max(200, { message: "must be at most 200 characters" });
const Text = (max: number) => z.string().trim().min(1, { message: "must not be empty" }).max(max);
export const Role = z.enum(["owner", "member"]);
export type Role = z.infer<typeof Role>;
export const Timestamp = z.string().describe("ISO 8601 date-time");

// ---------- pages ----------
/** Every list is read a page at a time: pass the previous page's nextCursor to get the next one. */
export const PageQuery = z.object({
  cursor: z.string().max(600).optional().describe("nextCursor from the previous page; omit for the first page"),
  limit: z.coerce.number().int().min(1).max(200).default(50).describe("Items per page (1–200, 50 by default)"),
});
export type PageQuery = z.infer<typeof PageQuery>;
export const Page = <T extends z.ZodType>(item: T) =>
  z.object({
    items: z.array(item),
    nextCursor: z.string().nullable().describe("Pass as cursor to read the next page; null on the last page"),
  });
export type Page<T> = { items: T[]; nextCursor: string | null };

// ---------- people ----------
export const SignupRequest = z.object({
  workspaceName: Text(120),
  name: Text(120),
  email: Email,
  password: Password,
});
export type SignupRequest = z.infer<typeof SignupRequest>;

export const LoginRequest = z.object({ email: Email, password: z.string().min(1).max(200) });

const EmailedToken = z.string().trim().min(20).max(2000);
export const VerifyEmailRequest = z.object({ token: EmailedToken });
export const PasswordResetRequest = z.object({ email: Email });
export const PasswordResetConfirm = z.object({ token: EmailedToken, password: Password });
export const PasswordResetLink = z.object({ resetUrl: z.string(), expiresAt: z.string() });
export type PasswordResetLink = z.infer<typeof PasswordResetLink>;
export type LoginRequest = z.infer<typeof LoginRequest>;

export const Workspace = z.object({ id: Id, name: z.string(), createdAt: Timestamp });
export type Workspace = z.infer<typeof Workspace>;

export const Member = z.object({
  id: Id,
  name: z.string(),
  email: z.string(),
  role: Role,
  joinedAt: Timestamp,
});
export type Member = z.infer<typeof Member>;

export const Session = z.object({
  workspace: Workspace,
  member: Member,
  account: z.object({
    emailVerified: z.boolean(),
    mailEnabled: z.boolean().describe("Whether this Groundwork sends mail (verification and password-reset links)"),
  }),
  csrfToken: z.string().describe("Send back as the X-CSRF-Token header on every state-changing request"),
});
export type Session = z.infer<typeof Session>;

export const CreateInviteRequest = z.object({ email: Email, role: Role.default("member") });
export type CreateInviteRequest = z.infer<typeof CreateInviteRequest>;

export const Invite = z.object({
  id: Id,
  email: z.string(),
  role: Role,
  expiresAt: Timestamp,
  acceptedAt: Timestamp.nullable(),
  createdAt: Timestamp,
});
export type Invite = z.infer<typeof Invite>;

export const CreatedInvite = Invite.extend({
  inviteUrl: z.string().describe("Shown once: the link to send to the invitee"),
});
export type CreatedInvite = z.infer<typeof CreatedInvite>;

export const InvitePreview = z.object({
  workspaceName: z.string(),
  email: z.string(),
  role: Role,
  accountExists: z.boolean().describe("The invited email has an account already: join by logging in to it"),
});
export type InvitePreview = z.infer<typeof InvitePreview>;

export const AcceptInviteRequest = z.object({
  token: z.string().min(10).max(200),
  name: Text(120).optional().describe("For a new account; an existing one keeps its name"),
  password: z.string().min(1).max(200).describe("A new account's password, or the existing account's"),
});
export type AcceptInviteRequest = z.infer<typeof AcceptInviteRequest>;

export const UpdateMemberRequest = z.object({ role: Role });
export type UpdateMemberRequest = z.infer<typeof UpdateMemberRequest>;

// ---------- context links ----------
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

export const ContextItem = z.object({
  id: Id,
  host: z.enum(HOST_NAMES),
  kind: z.enum(["pull_request", "work_item"]),
  url: z.string(),
  externalKey: z.string().describe("Stable host identity, e.g. ado:{org}:{project}:{repo}:pr:{id}"),
  hostIds: z.record(z.string(), z.union([z.string(), z.number()])),
  metadataStatus: MetadataStatus,
  metadata: z.record(z.string(), z.unknown()).nullable().describe("Last snapshot fetched from the host"),
  title: z.string().nullable(),
  state: z.string().nullable(),
  authorEmail: z.string().nullable(),
  fetchedAt: Timestamp.nullable(),
  updates: z.array(ContextUpdate).describe("Members' latest comments on the item, newest first"),
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

export const Contribution = z.object({
  item: ContextItem,
  linkedAt: Timestamp,
  links: z.array(z.object({ targetType: LinkTargetType, targetId: Id, title: z.string() })),
});
export type Contribution = z.infer<typeof Contribution>;

// ---------- feedback ----------
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

// ---------- 1:1s ----------
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
  agenda: z.array(AgendaItem),
});
export type OneOnOne = z.infer<typeof OneOnOne>;
export const CreateAgendaItemRequest = z.object({ text: Text(2000) });
export const UpdateAgendaItemRequest = z
  .object({ text: Text(2000), done: z.boolean() })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { message: "send at least one of text, done" });

// ---------- OKRs ----------
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

// ---------- competencies ----------
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

// ---------- operations ----------
export const DeadJob = z.object({
  id: z.number(),
  kind: z.string(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type DeadJob = z.infer<typeof DeadJob>;

// ---------- Azure DevOps ----------
export const AdoServices = z.object({
  pullRequests: z.boolean().default(true),
  workItems: z.boolean().default(true),
  comments: z.boolean().default(true),
  statuses: z.boolean().default(true),
});
export type AdoServices = z.infer<typeof AdoServices>;
export const AdoTestConnectionRequest = z.object({
  orgUrl: z.string().trim().min(1, { message: "enter your organisation URL, e.g. https://dev.azure.com/contoso" }).max(300),
  pat: z.string().trim().min(20, { message: "paste a personal access token" }).max(200),
});
export const AdoConnectionTest = z.object({
  organization: z.string(),
  url: z.string(),
  user: z.string().nullable(),
  projects: z.array(z.object({ id: z.string(), name: z.string(), repositories: z.array(z.object({ id: z.string(), name: z.string() })) })),
});
export type AdoConnectionTest = z.infer<typeof AdoConnectionTest>;
export const AdoConnectRequest = AdoTestConnectionRequest.extend({
  name: z.string().trim().min(1).max(120).optional(),
  repositoryIds: z.array(z.string().min(1).max(100)).optional().describe("Repositories to link; all when omitted"),
  services: AdoServices.optional(),
});
export const AdoConnection = z.object({
  id: Id,
  organization: z.string(),
  url: z.string(),
  name: z.string(),
  services: AdoServices,
  repositories: z.array(z.object({ id: z.string(), name: z.string(), project: z.string() })),
  status: z.enum(["active", "auth_failed"]),
  lastError: z.string().nullable(),
  lastDeliveryAt: Timestamp.nullable(),
  webhookUrl: z.string(),
  serviceHooks: z
    .array(z.object({ project: z.string(), eventType: z.string() }))
    .describe("The service-hook subscriptions Groundwork created in the organisation"),
  createdAt: Timestamp,
});
export type AdoConnection = z.infer<typeof AdoConnection>;
export const AdoWebhookSecret = z.object({
  webhookUrl: z.string(),
  webhookSecret: z.string().describe("Shown once: use it as the Basic auth password of the service hooks"),
  warning: z.string().optional(),
});
export type AdoWebhookSecret = z.infer<typeof AdoWebhookSecret>;
/** A sync of every linked item: how many fetches were queued. */
export const AdoSyncResult = z.object({ queued: z.number().int() });
export type AdoSyncResult = z.infer<typeof AdoSyncResult>;

export const AdoServiceHooksResult = z.object({
  created: z.number().int(),
  existing: z.number().int().describe("Already delivering to this webhook URL: left as they are"),
  failed: z.array(z.object({ project: z.string(), eventType: z.string(), message: z.string() })),
  message: z.string().describe("What happened, and what to do if anything failed"),
});
export type AdoServiceHooksResult = z.infer<typeof AdoServiceHooksResult>;
export const AdoDisconnectQuery = z.object({
  deleteServiceHooks: z.enum(["true", "false"]).default("false").describe("Also delete the service hooks Groundwork created"),
});
export const AdoConnected = z.object({
  connection: AdoConnection,
  webhook: AdoWebhookSecret.nullable().describe("The new webhook secret, shown once; null on a reconnect, which keeps the existing secret"),
});
export type AdoConnected = z.infer<typeof AdoConnected>;

// ---------- Bitbucket Cloud ----------
export const BitbucketInstallation = z.object({
  id: Id,
  workspace: z.string().describe("The Bitbucket workspace (its slug, or its uuid when the slug is unknown)"),
  status: z.enum(["active", "uninstalled", "auth_failed"]),
  lastError: z.string().nullable(),
  lastDeliveryAt: Timestamp.nullable(),
  installedAt: Timestamp,
});
export type BitbucketInstallation = z.infer<typeof BitbucketInstallation>;
export const BitbucketTokenTest = z.object({
  workspace: z.string().trim().min(1, { message: "enter the Bitbucket workspace, e.g. acme in bitbucket.org/acme" }).max(100),
  token: z.string().trim().min(20, { message: "paste a workspace or repository access token" }).max(500),
});
export const BitbucketTokenTestResult = z.object({
  workspace: z.string(),
  repositories: z.array(z.object({ slug: z.string(), name: z.string() })),
});
export type BitbucketTokenTestResult = z.infer<typeof BitbucketTokenTestResult>;
export const BitbucketTokenConnect = BitbucketTokenTest.extend({
  repositories: z.array(z.string().min(1).max(100)).optional().describe("Repository slugs to follow; all when omitted"),
});
export const BitbucketTokenConnection = z.object({
  id: Id,
  workspace: z.string(),
  repositories: z.array(z.object({ slug: z.string(), webhook: z.boolean().describe("Whether Groundwork's webhook is on it") })),
  status: z.enum(["active", "auth_failed"]),
  lastError: z.string().nullable(),
  lastDeliveryAt: Timestamp.nullable(),
  webhookUrl: z.string(),
});
export type BitbucketTokenConnection = z.infer<typeof BitbucketTokenConnection>;
export const BitbucketBindRequest = z.object({ code: z.string().trim().min(20).max(2000) });
export const BitbucketBindPreview = z.object({ workspace: z.string(), alreadyBoundHere: z.boolean() });
export type BitbucketBindPreview = z.infer<typeof BitbucketBindPreview>;

export const IntegrationsOverview = z.object({
  ado: z.object({ connected: z.boolean(), connection: AdoConnection.nullable() }),
  bitbucket: z.object({
    connected: z.boolean(),
    descriptorUrl: z.string().describe("Where Bitbucket reads the Connect app's descriptor, to install it"),
    installations: z.array(BitbucketInstallation),
    tokenConnection: BitbucketTokenConnection.nullable(),
  }),
});
export type IntegrationsOverview = z.infer<typeof IntegrationsOverview>;

// ---------- Azure DevOps extension (the PR panel and settings hub call these with the app token) ----------
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
