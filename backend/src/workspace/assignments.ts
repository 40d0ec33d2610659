import { Op, UniqueConstraintError, type WhereOptions } from "sequelize";
import { z } from "zod";
import {
  Assignment,
  AssignmentRepository,
  CreateAssignmentRequest,
  Page,
  PageQuery,
  parseContextUrl,
  UpdateAssignmentRequest,
  type AssignmentEvent,
  type AssignmentRepository as Repository,
  type AssignmentWork,
} from "@groundwork/shared-types";
import { ApiError, badRequest, forbidden, notFound } from "../http/errors.js";
import type { AppServices } from "../http/services.js";
import { handle, jobType, type JobHandler } from "../jobs/jobType.js";
import { asJobError, hostOf, HostCallError, isPassing, queueRefresh } from "../hosts/adapter.js";
import { keysetPage, presentPage } from "../http/pages.js";
import { route, type MemberContext } from "../http/route.js";
import {
  AssignmentRow,
  ContextItemRow,
  CompetencyLevelRow,
  CompetencyRow,
  IdentityLinkRow,
  KeyResultRow,
  MemberRow,
  ObjectiveRow,
  UserRow,
  WorkspaceRow,
} from "../storage/models.js";
import { isDatabaseUnavailable } from "../storage/database.js";
import { PermanentFailure } from "../jobs/queue.js";
import { attachItem, workspaceItem } from "./contextLinks.js";
import { memberInWorkspace } from "./people.js";

/**
 * Growth assignments: a stretch piece of work a member takes on, with its acceptance criteria,
 * an optional mentor, the competency or key result it grows, and the repository its work is to
 * start in. Seen and changed by its member, its mentor, whoever set it, and workspace owners.
 */

/** What a workspace calls its assignments: GW-1, GW-2… */
const KEY_PREFIX = "GW";

const partiesOf = (ctx: MemberContext): WhereOptions<AssignmentRow> =>
  ctx.auth.member.role === "owner" ? {} : { [Op.or]: [{ memberId: ctx.auth.member.id }, { mentorId: ctx.auth.member.id }, { createdBy: ctx.auth.member.id }] };

async function present(ctx: MemberContext, rows: AssignmentRow[]): Promise<Assignment[]> {
  const ids = (pick: (r: AssignmentRow) => string | null) => [...new Set(rows.map(pick).filter((id): id is string => id !== null))];
  const [competencies, keyResults, pullRequests] = await Promise.all([
    CompetencyRow.findAll({ where: { id: ids((r) => r.competencyId), workspaceId: ctx.auth.workspace.id } }),
    KeyResultRow.findAll({ where: { id: ids((r) => r.keyResultId) } }),
    ContextItemRow.findAll({
      where: { workspaceId: ctx.auth.workspace.id, externalKey: ids((r) => r.pullRequestKey) },
      attributes: ["externalKey", "fetchedAt"],
    }),
  ]);
  return rows.map((r) => {
    const competency = competencies.find((c) => c.id === r.competencyId);
    const keyResult = keyResults.find((k) => k.id === r.keyResultId);
    return {
      id: r.id,
      key: keyOf(r),
      title: r.title,
      description: r.description,
      acceptanceCriteria: r.acceptanceCriteria,
      memberId: r.memberId,
      mentorId: r.mentorId,
      competency: competency ? { id: competency.id, name: competency.name, level: r.competencyLevel } : null,
      keyResult: keyResult ? { id: keyResult.id, title: keyResult.title, objectiveId: keyResult.objectiveId } : null,
      repository: r.repository,
      status: r.status,
      work: r.work ?? null,
      // Its item's last read; until there is one (nothing attached it yet), when the work was started.
      pullRequestReadAt:
        pullRequests.find((p) => p.externalKey === r.pullRequestKey)?.fetchedAt?.toISOString() ?? (r.work?.state === "started" ? r.work.startedAt : null),
      createdBy: r.createdBy,
      createdAt: r.createdAt.toISOString(),
      updatedAt: r.updatedAt.toISOString(),
    };
  });
}

async function visibleAssignment(ctx: MemberContext, id: string) {
  const row = await AssignmentRow.findOne({ where: { id, workspaceId: ctx.auth.workspace.id, ...partiesOf(ctx) } });
  if (!row) throw notFound("That assignment", "params.id");
  return row;
}

/** The repositories the workspace's connections follow: where an assignment's work can start. */
async function followedRepositories(ctx: MemberContext): Promise<Repository[]> {
  const lists = await Promise.all(
    ctx.services.hosts.map(async (host) =>
      host.history
        ? (await host.history.repositories(ctx.services, ctx.auth.workspace.id)).map((r) => ({
            host: host.name,
            connectionId: r.connectionId,
            repository: r.repository,
          }))
        : [],
    ),
  );
  return lists.flat();
}

/** The fields as stored, each reference checked against the workspace; `field` names where a bad one came from. */
async function checked(ctx: MemberContext, body: z.infer<typeof UpdateAssignmentRequest>, memberId: string) {
  const ws = ctx.auth.workspace.id;
  const fields: Partial<AssignmentRow> = {};
  if (body.title !== undefined) fields.title = body.title;
  if (body.description !== undefined) fields.description = body.description || null;
  if (body.acceptanceCriteria !== undefined) fields.acceptanceCriteria = body.acceptanceCriteria.map((c) => ({ text: c.text, done: c.done }));
  if (body.status !== undefined) fields.status = body.status;
  if (body.mentorId !== undefined) {
    if (body.mentorId === memberId) throw badRequest("mentor_is_member", "The mentor reviews the member's work, so must be someone else", "body.mentorId");
    if (body.mentorId) await memberInWorkspace(ctx, body.mentorId, "body.mentorId");
    fields.mentorId = body.mentorId ?? null;
  }
  if (body.competency !== undefined) {
    if (body.competency) {
      const competency = await CompetencyRow.findOne({ where: { id: body.competency.id, workspaceId: ws } });
      if (!competency) throw notFound("That competency", "body.competency.id");
      const level = body.competency.level;
      if (level !== undefined && !(await CompetencyLevelRow.count({ where: { competencyId: competency.id, level } })))
        throw badRequest("unknown_level", `${competency.name} has no level ${level}`, "body.competency.level");
      Object.assign(fields, { competencyId: competency.id, competencyLevel: level ?? null, keyResultId: null });
    } else Object.assign(fields, { competencyId: null, competencyLevel: null });
  }
  if (body.keyResultId !== undefined) {
    if (body.keyResultId) {
      const keyResult = await KeyResultRow.findOne({
        where: { id: body.keyResultId },
        include: [{ model: ObjectiveRow, as: "objective", where: { workspaceId: ws } }],
      });
      if (!keyResult) throw notFound("That key result", "body.keyResultId");
      Object.assign(fields, { keyResultId: keyResult.id, competencyId: null, competencyLevel: null });
    } else fields.keyResultId = null;
  }
  if (body.repository !== undefined) {
    const wanted = body.repository;
    const followed = wanted
      ? (await followedRepositories(ctx)).find(
          (r) => r.host === wanted.host && r.connectionId === wanted.connectionId && r.repository.toLowerCase() === wanted.repository.toLowerCase(),
        )
      : null;
    if (wanted && !followed)
      throw badRequest(
        "not_followed",
        `No connection of this workspace follows ${wanted.repository} on ${hostOf(ctx.services, wanted.host)?.displayName ?? wanted.host}`,
        "body.repository",
      );
    fields.repository = followed ?? null;
  }
  return fields;
}

/** A member's assignments' milestones between two times, those the caller may see, newest first (their timeline, 1:1s). */
export async function assignmentEventsBetween(ctx: MemberContext, memberId: string, start: Date, end: Date): Promise<AssignmentEvent[]> {
  const rows = await AssignmentRow.findAll({
    where: {
      [Op.and]: [
        { workspaceId: ctx.auth.workspace.id, memberId, createdAt: { [Op.lt]: end } },
        { [Op.or]: [{ doneAt: null }, { doneAt: { [Op.gte]: start } }] },
        partiesOf(ctx),
      ],
    },
    order: [["createdAt", "DESC"]],
    limit: EVENTS_READ,
  });
  const events = rows.flatMap((r) => {
    const assignment = { id: r.id, key: keyOf(r), title: r.title, status: r.status, pullRequestUrl: r.work?.pullRequestUrl ?? null };
    const at: [AssignmentEvent["event"], Date | null][] = [
      ["agreed", r.createdAt],
      ["started", r.work?.state === "started" ? new Date(r.work.startedAt) : null],
      ["done", r.doneAt],
    ];
    return at.filter(([, when]) => when && when >= start && when < end).map(([event, when]) => ({ event, at: when!.toISOString(), assignment }));
  });
  return events.sort((a, b) => b.at.localeCompare(a.at));
}
/** Assignments read for one member's range: far more than anyone takes on in a year. */
const EVENTS_READ = 200;

/** Makes the assignment's branch, ticket, pull request and reviewer on its repository's host (see AssignmentWorkOnHost). */
export const StartWorkJob = jobType("assignment.start-work", z.object({ assignmentId: z.string().min(1) }));

const keyOf = (row: Pick<AssignmentRow, "number">) => `${KEY_PREFIX}-${row.number}`;
/** gw-42-refund-retry-redesign: the key, then the title's words, short enough for a branch list. */
function branchOf(row: Pick<AssignmentRow, "number" | "title">) {
  const words = row.title
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 40)
    .replace(/-+$/, "");
  return words ? `${keyOf(row).toLowerCase()}-${words}` : keyOf(row).toLowerCase();
}

const checklist = (row: AssignmentRow) => row.acceptanceCriteria.map((c) => `- [${c.done ? "x" : " "}] ${c.text}`).join("\n");

/** The spec on the branch, and the pull request's description: what, how both will know it is done, and the way back to Groundwork. */
async function workTexts(services: AppServices, row: AssignmentRow) {
  const names = new Map(
    (await MemberRow.findAll({ where: { id: [row.memberId, ...(row.mentorId ? [row.mentorId] : [])] }, include: [{ model: UserRow, as: "user" }] })).map(
      (m) => [m.id, m.user?.name ?? "a former member"],
    ),
  );
  const back = new URL("/assignments", services.config.publicUrl).toString();
  const people = `Taken on by ${names.get(row.memberId)}${row.mentorId ? `, mentored by ${names.get(row.mentorId)}` : ""}.`;
  const body = [row.description, "## Acceptance criteria", checklist(row), people, `Agreed in Groundwork as ${keyOf(row)}: ${back}`]
    .filter(Boolean)
    .join("\n\n");
  return { ticket: `# ${keyOf(row)}: ${row.title}\n\n${body}\n`, description: body };
}

/** The host that does an assignment's work, and what its branch, ticket and pull request say now. */
async function onHost(services: AppServices, row: AssignmentRow) {
  const repository = row.repository!;
  const host = hostOf(services, repository.host);
  if (!host?.work) throw new HostCallError("invalid", `This version of Groundwork cannot start work on ${repository.host}`);
  const texts = await workTexts(services, row);
  return {
    host,
    work: host.work,
    request: {
      workspaceId: row.workspaceId,
      connectionId: repository.connectionId,
      repository: repository.repository,
      branch: row.work?.branch ?? branchOf(row),
      ticket: { path: `.tickets/${keyOf(row)}.md`, content: texts.ticket, commitMessage: `${keyOf(row)}: ${row.title}` },
      pullRequest: { title: `${keyOf(row)}: ${row.title}`, description: texts.description },
    },
  };
}

/** Who reviews the pull request: the mentor, else whoever agreed the assignment with its member (their manager, as a rule) — never the member. */
const reviewerOf = (row: Pick<AssignmentRow, "mentorId" | "createdBy" | "memberId">) => row.mentorId ?? (row.createdBy !== row.memberId ? row.createdBy : null);

async function startWork(services: AppServices, row: AssignmentRow) {
  const { host, work, request } = await onHost(services, row);
  const reviewerId = reviewerOf(row);
  const reviewer = reviewerId ? await MemberRow.findOne({ where: { id: reviewerId, workspaceId: row.workspaceId } }) : null;
  const links = reviewer ? await IdentityLinkRow.findAll({ where: { workspaceId: row.workspaceId, memberId: reviewer.id, host: host.name } }) : [];
  const accounts = links.map((l) => ({ scope: l.scope, id: l.externalUserId }));
  return work.start(services, { ...request, branch: branchOf(row), reviewer: reviewer ? { email: reviewer.emailNormalized, accounts } : null });
}

/** Brings the ticket on the branch and the pull request's text in step with an edited assignment (see AssignmentWorkOnHost.update). */
export const UpdateWorkJob = jobType("assignment.update-work", z.object({ assignmentId: z.string().min(1) }));
/** Edits in quick succession (ticking three criteria) make one update, read when it runs. */
const UPDATE_COALESCE_MS = 2_000;

/**
 * What a failed step of an assignment's work throws: a host or database that is only down for now
 * makes the job wait and run again (each step finds what the last attempt made); anything else
 * stops it, with its reason on the assignment (`recorded`: its work then).
 */
async function stopped(services: AppServices, row: AssignmentRow, err: unknown, recorded: (error: string) => AssignmentWork) {
  if (err instanceof HostCallError ? isPassing(err) : isDatabaseUnavailable(err)) return asJobError(err);
  const host = hostOf(services, row.repository!.host)?.displayName ?? row.repository!.host;
  const error = err instanceof HostCallError ? `${host}: ${err.message}` : `${host} answered something Groundwork could not read; it has been logged`;
  if (!(err instanceof HostCallError)) services.log.error({ err, assignmentId: row.id }, "an assignment's work on its host failed");
  await row.update({ work: recorded(error) });
  return new PermanentFailure(error);
}

export function assignmentJobHandlers(services: AppServices): JobHandler[] {
  return [
    handle(UpdateWorkJob, async ({ assignmentId }) => {
      const row = await AssignmentRow.findByPk(assignmentId);
      if (!row?.repository || row.work?.state !== "started" || !row.work.pullRequestUrl) return;
      const { work, request } = await onHost(services, row);
      try {
        const result = await work.update(services, { ...request, pullRequestUrl: row.work.pullRequestUrl });
        if (row.work.error) await row.update({ work: { ...row.work, error: null } });
        services.log.debug({ assignmentId, result }, "assignment's work brought in step");
      } catch (err) {
        throw await stopped(services, row, err, (error) => ({ ...row.work!, error: `Updating the pull request failed: ${error}` }));
      }
    }),
    handle(StartWorkJob, async ({ assignmentId }) => {
      const row = await AssignmentRow.findByPk(assignmentId);
      if (!row?.repository || row.work?.state !== "starting") return; // deleted, or its start was settled meanwhile
      let started;
      try {
        started = await startWork(services, row);
      } catch (err) {
        // Try again starts over, finding what this attempt made.
        throw await stopped(services, row, err, (error) => ({ ...row.work!, state: "failed", error }));
      }
      const parsed = parseContextUrl(started.pullRequestUrl);
      // The pull request becomes context of what the assignment grows, as if attached there by hand.
      const target = row.competencyId
        ? { targetType: "competency" as const, targetId: row.competencyId }
        : row.keyResultId
          ? { targetType: "key_result" as const, targetId: row.keyResultId }
          : null;
      if (parsed && target)
        await attachItem(services, { workspaceId: row.workspaceId, parsed, ...target, note: `${keyOf(row)}: ${row.title}`, linkedBy: row.createdBy }).catch(
          (err) => {
            if (!(err instanceof UniqueConstraintError)) throw err;
          },
        );
      await row.update({
        pullRequestKey: parsed?.externalKey ?? null,
        status: row.status === "done" ? row.status : "in_review",
        work: { ...row.work, state: "started", branch: started.branch, pullRequestUrl: started.pullRequestUrl, reviewer: started.reviewer, error: null },
      });
    }),
  ];
}

export const assignmentRoutes = [
  route({
    method: "get",
    path: "/api/assignments",
    summary: "Growth assignments the caller takes part in (all of them for owners), newest first",
    tag: "Growth assignments",
    access: "member",
    query: PageQuery.extend({ memberId: z.uuid().optional() }),
    response: Page(Assignment),
    handler: async ({ query }, ctx) => {
      const where = { workspaceId: ctx.auth.workspace.id, ...(query.memberId ? { memberId: query.memberId } : {}), ...partiesOf(ctx) };
      const page = await keysetPage(AssignmentRow, { where }, { by: "createdAt", direction: "DESC" }, query);
      return presentPage(page, (rows) => present(ctx, rows));
    },
  }),
  route({
    method: "get",
    path: "/api/assignments/repositories",
    summary: "The repositories an assignment's work can start in: those the workspace's connections follow",
    tag: "Growth assignments",
    access: "member",
    response: z.object({ items: z.array(AssignmentRepository) }),
    handler: async (_input, ctx) => ({ items: await followedRepositories(ctx) }),
  }),
  route({
    method: "post",
    path: "/api/assignments",
    summary: "Agree a growth assignment with a member",
    tag: "Growth assignments",
    access: "member",
    body: CreateAssignmentRequest,
    response: Assignment,
    status: 201,
    handler: async ({ body }, ctx) => {
      await memberInWorkspace(ctx, body.memberId, "body.memberId");
      const fields = await checked(ctx, body, body.memberId);
      const row = await ctx.services.storage.sequelize.transaction(async (transaction) => {
        // The workspace's row, locked, hands out numbers one at a time (PostgreSQL; SQLite writes one at a time anyway).
        await WorkspaceRow.findByPk(ctx.auth.workspace.id, { transaction, lock: transaction.LOCK.UPDATE });
        const last = await AssignmentRow.max<number | null, AssignmentRow>("number", { where: { workspaceId: ctx.auth.workspace.id }, transaction });
        return AssignmentRow.create(
          {
            description: null,
            mentorId: null,
            competencyId: null,
            competencyLevel: null,
            keyResultId: null,
            repository: null,
            ...fields,
            title: body.title,
            acceptanceCriteria: fields.acceptanceCriteria!,
            workspaceId: ctx.auth.workspace.id,
            number: Number(last ?? 0) + 1,
            memberId: body.memberId,
            status: "planned",
            createdBy: ctx.auth.member.id,
          },
          { transaction },
        );
      });
      return (await present(ctx, [row]))[0]!;
    },
  }),
  route({
    method: "get",
    path: "/api/assignments/:id",
    summary: "One growth assignment",
    tag: "Growth assignments",
    access: "member",
    response: Assignment,
    handler: async ({ params }, ctx) => (await present(ctx, [await visibleAssignment(ctx, params.id)]))[0]!,
  }),
  route({
    method: "patch",
    path: "/api/assignments/:id",
    summary: "Change an assignment: its wording, criteria (ticked or not), mentor, growth target, repository or status",
    tag: "Growth assignments",
    access: "member",
    body: UpdateAssignmentRequest,
    response: Assignment,
    handler: async ({ body, params }, ctx) => {
      const row = await visibleAssignment(ctx, params.id);
      const fields = await checked(ctx, body, row.memberId);
      const reworded = body.title !== undefined || body.description !== undefined || body.acceptanceCriteria !== undefined;
      await ctx.services.storage.sequelize.transaction(async (transaction) => {
        await row.update(fields, { transaction });
        // Started work follows what the assignment says: its ticket and its pull request's checklist.
        if (reworded && row.work?.state === "started")
          await ctx.services.queue.enqueue(
            UpdateWorkJob,
            { assignmentId: row.id },
            { workspaceId: row.workspaceId, transaction, coalesce: { key: row.id, windowMs: UPDATE_COALESCE_MS } },
          );
      });
      return (await present(ctx, [row]))[0]!;
    },
  }),
  route({
    method: "post",
    path: "/api/assignments/:id/start-work",
    summary: "Start the work on the host: a branch, the ticket on it, a pull request with the criteria as a checklist, and the mentor as reviewer",
    tag: "Growth assignments",
    access: "member",
    response: Assignment,
    status: 202,
    handler: async ({ params }, ctx) => {
      const row = await visibleAssignment(ctx, params.id);
      if (![row.memberId, row.mentorId].includes(ctx.auth.member.id) && ctx.auth.member.role !== "owner")
        throw forbidden("Only the assignment's member, its mentor or a workspace owner can start its work");
      if (!row.repository) throw new ApiError(409, "no_repository", "Choose the repository where the work starts first", "params.id");
      if (row.work?.state === "starting") return (await present(ctx, [row]))[0]!;
      await ctx.services.storage.sequelize.transaction(async (transaction) => {
        await row.update(
          { work: { state: "starting", branch: null, pullRequestUrl: null, reviewer: null, error: null, startedAt: new Date().toISOString() } },
          { transaction },
        );
        await ctx.services.queue.enqueue(StartWorkJob, { assignmentId: row.id }, { workspaceId: row.workspaceId, transaction });
      });
      return (await present(ctx, [row]))[0]!;
    },
  }),
  route({
    method: "post",
    path: "/api/assignments/:id/sync-pull-request",
    summary: "Read the assignment's pull request from its host now (when its events may not have come): its state and checklist move the assignment",
    tag: "Growth assignments",
    access: "member",
    response: Assignment,
    status: 202,
    handler: async ({ params }, ctx) => {
      const row = await visibleAssignment(ctx, params.id);
      const parsed = row.work?.pullRequestUrl ? parseContextUrl(row.work.pullRequestUrl) : null;
      if (!parsed) throw new ApiError(409, "not_started", "The work has no pull request yet: start it first", "params.id");
      await queueRefresh(ctx.services, await workspaceItem(row.workspaceId, parsed));
      return (await present(ctx, [row]))[0]!;
    },
  }),
  route({
    method: "delete",
    path: "/api/assignments/:id",
    summary: "Delete an assignment (whoever set it, or an owner)",
    tag: "Growth assignments",
    access: "member",
    handler: async ({ params }, ctx) => {
      const row = await visibleAssignment(ctx, params.id);
      if (row.createdBy !== ctx.auth.member.id && ctx.auth.member.role !== "owner")
        throw forbidden("Only whoever set the assignment or a workspace owner can delete it");
      await row.destroy();
    },
  }),
];
