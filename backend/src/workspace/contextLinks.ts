import { literal, Op, UniqueConstraintError, type Transaction, type WhereOptions } from "sequelize";
import {
  CONTEXT_URL_EXAMPLES,
  ContextLink,
  Contribution,
  CreateContextLinkRequest,
  Insight,
  ItemDetails,
  LiveRevision,
  Page,
  PageQuery,
  parseContextUrl,
  type ContextItem,
  type ContextUpdate,
  type LinkTargetType,
  type ParsedContextUrl,
} from "@groundwork/shared-types";
import { ApiError, conflict, notFound } from "../http/errors.js";
import type { AppServices } from "../http/services.js";
import { keysetPage, presentPage } from "../http/pages.js";
import { route, type MemberContext } from "../http/route.js";
import {
  AgendaItemRow,
  CompetencyRow,
  ContextItemRow,
  pendingItem,
  ContextLinkRow,
  ContextUpdateRow,
  FeedbackRow,
  KeyResultRow,
  ObjectiveRow,
  OneOnOneRow,
} from "../storage/models.js";
import { hostOf, queueRefresh } from "../hosts/adapter.js";
import { memberInWorkspace } from "./people.js";

/** How many of an item's latest updates travel with it. */
const UPDATES_SHOWN = 5;

/** Members' latest comments on each item, newest first. */
export async function updatesByItem(itemIds: string[]) {
  const map = new Map<string, ContextUpdate[]>();
  if (itemIds.length === 0) return map;
  const rows = await ContextUpdateRow.findAll({
    where: { contextItemId: { [Op.in]: [...new Set(itemIds)] } },
    order: [["occurredAt", "DESC"]],
  });
  for (const u of rows) {
    const list = map.get(u.contextItemId) ?? [];
    if (list.length < UPDATES_SHOWN)
      list.push({
        id: u.id,
        kind: u.kind,
        memberId: u.memberId,
        authorName: u.authorName,
        body: u.body,
        url: u.url,
        occurredAt: u.occurredAt.toISOString(),
      });
    map.set(u.contextItemId, list);
  }
  return map;
}

/** A snapshot stored before details had one shape across hosts is shown without them until the item is next fetched. */
const itemDetails = (metadata: Record<string, unknown> | null) => {
  const parsed = ItemDetails.safeParse(metadata);
  return parsed.success ? parsed.data : null;
};

/** One derived by an older release, in a shape this one does not read, shows as none until derived again. */
export const storedInsight = (insight: unknown) => {
  const parsed = Insight.safeParse(insight);
  return parsed.success ? parsed.data : null;
};

export function toContextItem(i: ContextItemRow, updates: Map<string, ContextUpdate[]>): ContextItem {
  return {
    id: i.id,
    host: i.host,
    kind: i.kind,
    url: i.url,
    externalKey: i.externalKey,
    hostIds: i.hostIds,
    metadataStatus: i.metadataStatus,
    details: itemDetails(i.metadata),
    title: i.title,
    state: i.state,
    authorEmail: i.authorEmailNormalized,
    fetchedAt: i.fetchedAt?.toISOString() ?? null,
    updates: updates.get(i.id) ?? [],
    insight: storedInsight(i.insight),
  };
}

export function toContextLink(l: ContextLinkRow & { item: ContextItemRow }, updates: Map<string, ContextUpdate[]>): ContextLink {
  return {
    id: l.id,
    targetType: l.targetType,
    targetId: l.targetId,
    note: l.note,
    linkedBy: l.linkedBy,
    createdAt: l.createdAt.toISOString(),
    item: toContextItem(l.item, updates),
  };
}

/**
 * Finds a link target the caller may see, with a title to show for it. Targets in other
 * workspaces, and private ones the caller may not see, answer 404 alike.
 */
export async function visibleTarget(ctx: MemberContext, type: LinkTargetType, id: string, field = "targetId") {
  const ws = ctx.auth.workspace.id;
  const me = ctx.auth.member.id;
  const missing = () => notFound(`That ${type.replace("_", " ")}`, field);
  switch (type) {
    case "feedback": {
      const f = await FeedbackRow.findOne({ where: { id, workspaceId: ws } });
      if (!f || !canSeeFeedback(f, me)) throw missing();
      return { title: f.body.slice(0, 80) };
    }
    case "agenda_item": {
      const a = await AgendaItemRow.findByPk(id);
      const o = a && (await OneOnOneRow.findOne({ where: { id: a.oneOnOneId, workspaceId: ws } }));
      if (!a || !o || (o.memberAId !== me && o.memberBId !== me)) throw missing();
      return { title: a.text.slice(0, 80) };
    }
    case "objective": {
      const o = await ObjectiveRow.findOne({ where: { id, workspaceId: ws } });
      if (!o) throw missing();
      return { title: o.title };
    }
    case "key_result": {
      const k = await KeyResultRow.findByPk(id);
      const o = k && (await ObjectiveRow.findOne({ where: { id: k.objectiveId, workspaceId: ws } }));
      if (!k || !o) throw missing();
      return { title: k.title };
    }
    case "competency": {
      const c = await CompetencyRow.findOne({ where: { id, workspaceId: ws } });
      if (!c) throw missing();
      return { title: c.name };
    }
  }
}

/**
 * The titles of many targets the caller may see, in one query per target type whatever their
 * number; those the caller may not see (someone else's private feedback, other workspaces') are left out.
 */
export async function visibleTargets(ctx: MemberContext, refs: { type: LinkTargetType; id: string }[]) {
  const ws = ctx.auth.workspace.id;
  const me = ctx.auth.member.id;
  const ids = (type: LinkTargetType) => [...new Set(refs.filter((r) => r.type === type).map((r) => r.id))];
  const none = Promise.resolve([]);
  const [feedback, agenda, objectives, keyResults, competencies] = await Promise.all([
    ids("feedback").length ? FeedbackRow.findAll({ where: { id: ids("feedback"), workspaceId: ws } }) : none,
    ids("agenda_item").length
      ? (AgendaItemRow.findAll({
          where: { id: ids("agenda_item") },
          include: [{ model: OneOnOneRow, as: "oneOnOne", where: { workspaceId: ws, [Op.or]: [{ memberAId: me }, { memberBId: me }] } }],
        }) as Promise<AgendaItemRow[]>)
      : none,
    ids("objective").length ? ObjectiveRow.findAll({ where: { id: ids("objective"), workspaceId: ws } }) : none,
    ids("key_result").length
      ? (KeyResultRow.findAll({ where: { id: ids("key_result") }, include: [{ model: ObjectiveRow, as: "objective", where: { workspaceId: ws } }] }) as Promise<
          KeyResultRow[]
        >)
      : none,
    ids("competency").length ? CompetencyRow.findAll({ where: { id: ids("competency"), workspaceId: ws } }) : none,
  ]);
  const titles = new Map<string, string>();
  for (const f of feedback as FeedbackRow[]) if (canSeeFeedback(f, me)) titles.set(`feedback:${f.id}`, f.body.slice(0, 80));
  for (const a of agenda as AgendaItemRow[]) titles.set(`agenda_item:${a.id}`, a.text.slice(0, 80));
  for (const o of objectives as ObjectiveRow[]) titles.set(`objective:${o.id}`, o.title);
  for (const k of keyResults as KeyResultRow[]) titles.set(`key_result:${k.id}`, k.title);
  for (const c of competencies as CompetencyRow[]) titles.set(`competency:${c.id}`, c.name);
  return titles;
}

export const canSeeFeedback = (f: FeedbackRow, memberId: string) =>
  f.authorId === memberId || (f.visibility === "shared_with_subject" && f.subjectId === memberId);

/** Links of many targets of one type, grouped by target id, for embedding in list responses. */
export async function linksByTarget(workspaceId: string, targetType: LinkTargetType, targetIds: string[]) {
  const map = new Map<string, ContextLink[]>();
  if (targetIds.length === 0) return map;
  const rows = await ContextLinkRow.findAll({
    where: { workspaceId, targetType, targetId: { [Op.in]: targetIds } },
    include: [{ model: ContextItemRow, as: "item" }],
    order: [["createdAt", "ASC"]],
  });
  const updates = await updatesByItem(rows.map((r) => r.contextItemId));
  for (const r of rows) {
    const list = map.get(r.targetId) ?? [];
    list.push(toContextLink(r as ContextLinkRow & { item: ContextItemRow }, updates));
    map.set(r.targetId, list);
  }
  return map;
}

/**
 * Deletes things that links may point at, removing those links in the same transaction; the
 * hosts then hear that those items' links changed (their PR statuses count links).
 */
export async function destroyWithLinks(ctx: MemberContext, targets: [LinkTargetType, string[]][], destroy: (transaction: Transaction) => Promise<unknown>) {
  const affected = new Set<string>();
  await ctx.services.storage.sequelize.transaction(async (transaction) => {
    for (const [targetType, ids] of targets) {
      if (!ids.length) continue;
      const where = { targetType, targetId: { [Op.in]: ids } };
      for (const l of await ContextLinkRow.findAll({ where, transaction })) affected.add(l.contextItemId);
      await ContextLinkRow.destroy({ where, transaction });
    }
    await destroy(transaction);
  });
  for (const item of await ContextItemRow.findAll({ where: { id: { [Op.in]: [...affected] } } }))
    await hostOf(ctx.services, item.host)?.linksChanged(ctx.services, item);
}

/** The workspace's item for a pull request or work item, made (pending, to be read from its host) if it has none yet. */
export async function workspaceItem(workspaceId: string, parsed: ParsedContextUrl, transaction?: Transaction) {
  const [item] = await ContextItemRow.findOrCreate({
    where: { workspaceId, externalKey: parsed.externalKey },
    defaults: pendingItem(workspaceId, parsed),
    transaction,
  });
  return item;
}

/**
 * Attaches a pull request or work item to a target the caller may see: its item is made (pending)
 * if the workspace has none yet, and read from its host when it is not read in full. A link
 * already there is a UniqueConstraintError.
 */
export async function attachItem(
  services: AppServices,
  link: { workspaceId: string; parsed: ParsedContextUrl; targetType: LinkTargetType; targetId: string; note: string | null; linkedBy: string },
) {
  const { workspaceId: ws, parsed } = link;
  const created = await services.storage.sequelize.transaction(async (transaction) => {
    const item = await workspaceItem(ws, parsed, transaction);
    const row = await ContextLinkRow.create(
      { workspaceId: ws, contextItemId: item.id, targetType: link.targetType, targetId: link.targetId, note: link.note, linkedBy: link.linkedBy },
      { transaction },
    );
    return Object.assign(row, { item });
  });
  // A pull request a history import brought in was listed without its files and commits: attached, it is read in full.
  if (created.item.metadataStatus !== "fetched" || (created.item.kind === "pull_request" && !created.item.changes)) await queueRefresh(services, created.item);
  await hostOf(services, created.item.host)?.linksChanged(services, created.item);
  return created;
}

export const contextLinkRoutes = [
  route({
    method: "post",
    path: "/api/context-links",
    summary: "Attach a pull request or work item URL to feedback, an agenda item, an objective, a key result or a competency",
    tag: "Context",
    access: "member",
    body: CreateContextLinkRequest,
    response: ContextLink,
    status: 201,
    handler: async ({ body }, ctx) => {
      const parsed = parseContextUrl(body.url);
      if (!parsed)
        throw new ApiError(
          400,
          "unsupported_url",
          `This is not a pull request or work item link we recognise. Expected one of: ${CONTEXT_URL_EXAMPLES.join(" , ")}`,
          "body.url",
        );
      await visibleTarget(ctx, body.targetType, body.targetId, "body.targetId");
      try {
        const link = await attachItem(ctx.services, {
          workspaceId: ctx.auth.workspace.id,
          parsed,
          targetType: body.targetType,
          targetId: body.targetId,
          note: body.note ?? null,
          linkedBy: ctx.auth.member.id,
        });
        return toContextLink(link, await updatesByItem([link.item.id]));
      } catch (err) {
        if (err instanceof UniqueConstraintError) throw conflict("already_linked", "This link is already attached here", "body.url");
        throw err;
      }
    },
  }),
  route({
    method: "delete",
    path: "/api/context-links/:id",
    summary: "Unlink a pull request or work item",
    tag: "Context",
    access: "member",
    handler: async ({ params }, ctx) => {
      const link = await ContextLinkRow.findOne({ where: { id: params.id, workspaceId: ctx.auth.workspace.id } });
      if (!link) throw notFound("That link", "params.id");
      await visibleTarget(ctx, link.targetType, link.targetId, "params.id");
      await link.destroy();
      const item = await ContextItemRow.findByPk(link.contextItemId);
      if (item) await hostOf(ctx.services, item.host)?.linksChanged(ctx.services, item);
    },
  }),
  route({
    method: "post",
    path: "/api/context-items/:id/sync",
    summary: "Fetch a linked PR's or work item's metadata again now",
    tag: "Context",
    access: "member",
    status: 202,
    handler: async ({ params }, ctx) => {
      const item = await ContextItemRow.findOne({ where: { id: params.id, workspaceId: ctx.auth.workspace.id } });
      if (!item) throw notFound("That pull request or work item", "params.id");
      await queueRefresh(ctx.services, item);
      return { queued: true };
    },
  }),
  route({
    method: "get",
    path: "/api/live",
    summary: "Whether a host changed any of the workspace's pull requests or work items: cheap to ask every few seconds",
    tag: "Context",
    access: "member",
    response: LiveRevision,
    handler: async (_input, ctx) => {
      const where = { workspaceId: ctx.auth.workspace.id };
      const [items, updates] = await Promise.all([
        ContextItemRow.max<Date, ContextItemRow>("updatedAt", { where }),
        ContextUpdateRow.max<Date, ContextUpdateRow>("updatedAt", { where }),
      ]);
      const stamp = (d: Date | string | null) => (d ? new Date(d).toISOString() : "-");
      return { revision: `${stamp(items)}/${stamp(updates)}` };
    },
  }),
  route({
    method: "get",
    path: "/api/members/:id/contributions",
    summary: "A member's pull requests and work items over time: what they wrote, and what is linked to their feedback and OKRs",
    tag: "Context",
    access: "member",
    query: PageQuery,
    response: Page(Contribution),
    handler: async ({ params, query }, ctx) => contributionsOf(ctx, params.id, query),
  }),
];

/**
 * A member's items, newest to Groundwork first: the ones they wrote (matched by email) and the
 * ones attached to their feedback (as the caller may see it), objectives and key results. Each
 * item is tested as the workspace's items are read in page order, by index lookups from its
 * links — nothing is gathered up front — so a page costs the same however much history there is.
 */
/**
 * A member's contributions as the caller may see them: items they authored (by email, or from a
 * host account they linked), and items attached to their feedback (that the caller may read) or
 * their OKRs. `where` selects those items; `theirs(link)` tells which of an item's links count.
 */
/**
 * A workspace's items of one host that someone attached to something: what connecting fetches
 * and posts statuses for. Pull requests a history import brought in are not attached.
 */
export const attachedItems = (workspaceId: string, host: string, options: { limit?: number } = {}) =>
  ContextItemRow.findAll({
    where: { workspaceId, host, [Op.and]: [literal('EXISTS (SELECT 1 FROM context_links l WHERE l.context_item_id = "ContextItemRow"."id")')] },
    ...options,
  });

export function contributionScope(ctx: MemberContext, member: { id: string; emailNormalized: string }) {
  const q = (v: string) => ctx.services.storage.sequelize.escape(v);
  const [ws, me, them] = [q(ctx.auth.workspace.id), q(ctx.auth.member.id), q(member.id)];
  /** Whether the link (a context_links row by that name) attaches to something of theirs. */
  const theirs = (link: string) => `(${link}.target_type = 'feedback' AND EXISTS (SELECT 1 FROM feedback f WHERE f.id = ${link}.target_id
      AND f.workspace_id = ${ws} AND f.subject_id = ${them} AND (f.author_id = ${me} OR (f.subject_id = ${me} AND f.visibility = 'shared_with_subject'))))
    OR (${link}.target_type = 'objective' AND EXISTS (SELECT 1 FROM objectives o WHERE o.id = ${link}.target_id AND o.workspace_id = ${ws} AND o.owner_id = ${them}))
    OR (${link}.target_type = 'key_result' AND EXISTS (SELECT 1 FROM key_results k JOIN objectives o ON o.id = k.objective_id
      WHERE k.id = ${link}.target_id AND o.workspace_id = ${ws} AND o.owner_id = ${them}))`;
  const where: WhereOptions<ContextItemRow> = {
    workspaceId: ctx.auth.workspace.id,
    [Op.or]: [
      { authorEmailNormalized: member.emailNormalized },
      // Where the host names no email (Bitbucket), or another one: the author's account, if the member linked it.
      literal(`EXISTS (SELECT 1 FROM identity_links il WHERE il.workspace_id = ${ws} AND il.member_id = ${them}
        AND il.host = "ContextItemRow"."host" AND il.external_user_id = "ContextItemRow"."author_account")`),
      literal(`EXISTS (SELECT 1 FROM context_links l WHERE l.context_item_id = "ContextItemRow"."id" AND (${theirs("l")}))`),
      // The pull request of their assignment's work, whoever's credentials opened it.
      literal(`EXISTS (SELECT 1 FROM assignments a WHERE a.workspace_id = ${ws} AND a.member_id = ${them}
        AND a.pull_request_key = "ContextItemRow"."external_key")`),
    ],
  };
  return { where, theirs };
}

async function contributionsOf(ctx: MemberContext, memberId: string, query: PageQuery): Promise<Page<Contribution>> {
  const member = await memberInWorkspace(ctx, memberId, "params.id");
  const { where, theirs } = contributionScope(ctx, member);
  const page = await keysetPage(ContextItemRow, { where }, { by: "createdAt", direction: "DESC" }, query);
  const ids = page.items.map((i) => i.id);
  const [links, updates] = await Promise.all([
    ids.length
      ? ContextLinkRow.findAll({
          where: { contextItemId: { [Op.in]: ids }, [Op.and]: [literal(`(${theirs('"ContextLinkRow"')})`)] },
          order: [["createdAt", "ASC"]],
        })
      : [],
    updatesByItem(ids),
  ]);
  const titles = await visibleTargets(
    ctx,
    links.map((l) => ({ type: l.targetType, id: l.targetId })),
  );
  return presentPage(page, (items) =>
    items.map((item) => ({
      item: toContextItem(item, updates),
      linkedAt: item.createdAt.toISOString(),
      links: links
        .filter((l) => l.contextItemId === item.id)
        .map((l) => ({ targetType: l.targetType, targetId: l.targetId, title: titles.get(`${l.targetType}:${l.targetId}`) ?? "" })),
    })),
  );
}
