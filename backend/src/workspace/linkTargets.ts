import { Op } from "sequelize";
import { z } from "zod";
import { LinkTarget } from "@groundwork/shared-types";
import { route, type MemberContext } from "../http/route.js";
import {
  AgendaItemRow,
  CompetencyRow,
  FeedbackRow,
  KeyResultRow,
  MemberRow,
  ObjectiveRow,
  OneOnOneRow,
  UserRow,
} from "../storage/models.js";

const short = (text: string) => (text.length > 70 ? `${text.slice(0, 69)}…` : text);

/** Everything the caller may attach a pull request or work item to, labelled for a picker. */
export async function linkTargetsFor(ctx: MemberContext): Promise<LinkTarget[]> {
  const ws = ctx.auth.workspace.id;
  const me = ctx.auth.member.id;
  const [members, feedback, oneOnOnes, objectives, competencies] = await Promise.all([
    MemberRow.findAll({ where: { workspaceId: ws }, include: [{ model: UserRow, as: "user" }] }),
    FeedbackRow.findAll({
      where: { workspaceId: ws, [Op.or]: [{ authorId: me }, { subjectId: me, visibility: "shared_with_subject" }] },
      order: [["createdAt", "DESC"]],
    }),
    OneOnOneRow.findAll({ where: { workspaceId: ws, [Op.or]: [{ memberAId: me }, { memberBId: me }] } }),
    ObjectiveRow.findAll({ where: { workspaceId: ws }, order: [["createdAt", "DESC"]] }),
    CompetencyRow.findAll({ where: { workspaceId: ws }, order: [["name", "ASC"]] }),
  ]);
  const [agenda, keyResults] = await Promise.all([
    AgendaItemRow.findAll({ where: { oneOnOneId: { [Op.in]: oneOnOnes.map((o) => o.id) }, done: false }, order: [["createdAt", "ASC"]] }),
    KeyResultRow.findAll({ where: { objectiveId: { [Op.in]: objectives.map((o) => o.id) } }, order: [["createdAt", "ASC"]] }),
  ]);
  const name = new Map(members.map((m) => [m.id, m.user?.name ?? "a former member"]));
  const withWhom = new Map(oneOnOnes.map((o) => [o.id, name.get(o.memberAId === me ? o.memberBId : o.memberAId)]));
  return [
    ...feedback.map((f) => ({ type: "feedback" as const, id: f.id, group: "Feedback" as const, title: `About ${name.get(f.subjectId)}: ${short(f.body)}` })),
    ...agenda.map((a) => ({ type: "agenda_item" as const, id: a.id, group: "1:1 agendas" as const, title: `With ${withWhom.get(a.oneOnOneId)}: ${short(a.text)}` })),
    ...objectives.flatMap((o) => [
      { type: "objective" as const, id: o.id, group: "OKRs" as const, title: `${o.period} · ${o.title}` },
      ...keyResults
        .filter((k) => k.objectiveId === o.id)
        .map((k) => ({ type: "key_result" as const, id: k.id, group: "OKRs" as const, title: `${o.title} → ${k.title}` })),
    ]),
    ...competencies.map((c) => ({ type: "competency" as const, id: c.id, group: "Competencies" as const, title: c.name })),
  ];
}

export const linkTargetRoutes = [
  route({
    method: "get",
    path: "/api/link-targets",
    summary: "What the caller may attach a pull request or work item to: their feedback, open 1:1 agenda items, OKRs and competencies",
    tag: "Context",
    access: "member",
    response: z.array(LinkTarget),
    handler: async (_input, ctx) => linkTargetsFor(ctx),
  }),
];
