import { DataTypes, Model, type CreationOptional, type Sequelize } from "sequelize";
import type { AssignmentRepository, AssignmentStatus, AssignmentWork, FeedbackVisibility } from "@groundwork/shared-types";
import { tableOptions, uuidPk, type Attrs, type Creation } from "./base.js";

/** What managers and members grow with: feedback, 1:1s and their agendas, OKRs, competencies and assessments. */

export class FeedbackRow extends Model<Attrs<FeedbackRow>, Creation<FeedbackRow>> {
  declare id: CreationOptional<string>;
  declare workspaceId: string;
  declare authorId: string;
  declare subjectId: string;
  declare body: string;
  declare visibility: FeedbackVisibility;
  declare createdAt: CreationOptional<Date>;
}
export class OneOnOneRow extends Model<Attrs<OneOnOneRow>, Creation<OneOnOneRow>> {
  declare id: CreationOptional<string>;
  declare workspaceId: string;
  declare memberAId: string;
  declare memberBId: string;
  /** When its two people last marked it held: "since last time" starts there. */
  declare lastHeldAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
}
export class AgendaItemRow extends Model<Attrs<AgendaItemRow>, Creation<AgendaItemRow>> {
  declare id: CreationOptional<string>;
  declare oneOnOneId: string;
  declare authorId: string;
  declare text: string;
  declare done: CreationOptional<boolean>;
  declare createdAt: CreationOptional<Date>;
}
export class ObjectiveRow extends Model<Attrs<ObjectiveRow>, Creation<ObjectiveRow>> {
  declare id: CreationOptional<string>;
  declare workspaceId: string;
  declare ownerId: string;
  declare title: string;
  declare description: string | null;
  declare period: string;
  declare createdAt: CreationOptional<Date>;
}
export class KeyResultRow extends Model<Attrs<KeyResultRow>, Creation<KeyResultRow>> {
  declare id: CreationOptional<string>;
  declare objectiveId: string;
  declare title: string;
  declare target: number;
  declare current: number;
  declare createdAt: CreationOptional<Date>;
}
export class CompetencyRow extends Model<Attrs<CompetencyRow>, Creation<CompetencyRow>> {
  declare id: CreationOptional<string>;
  declare workspaceId: string;
  declare name: string;
  declare description: string | null;
  declare createdAt: CreationOptional<Date>;
}
export class CompetencyLevelRow extends Model<Attrs<CompetencyLevelRow>, Creation<CompetencyLevelRow>> {
  declare id: CreationOptional<string>;
  declare competencyId: string;
  declare level: number;
  declare title: string;
  declare description: string | null;
}
export class AssessmentRow extends Model<Attrs<AssessmentRow>, Creation<AssessmentRow>> {
  declare id: CreationOptional<string>;
  declare workspaceId: string;
  declare memberId: string;
  declare competencyId: string;
  declare level: number;
  declare note: string | null;
  declare assessedBy: string;
  declare createdAt: CreationOptional<Date>;
}

/** A stretch piece of work agreed with a member (workspace/assignments.ts), GW-`number` in its workspace. */
export class AssignmentRow extends Model<Attrs<AssignmentRow>, Creation<AssignmentRow>> {
  declare id: CreationOptional<string>;
  declare workspaceId: string;
  declare number: number;
  declare title: string;
  declare description: string | null;
  declare acceptanceCriteria: { text: string; done: boolean }[];
  declare memberId: string;
  declare mentorId: string | null;
  declare competencyId: string | null;
  declare competencyLevel: number | null;
  declare keyResultId: string | null;
  declare repository: AssignmentRepository | null;
  declare status: AssignmentStatus;
  declare work: CreationOptional<AssignmentWork | null>;
  /** The identity of the pull request Start work opened (ContextItemRow.externalKey): its events move the assignment. */
  declare pullRequestKey: CreationOptional<string | null>;
  declare doneAt: CreationOptional<Date | null>;
  declare createdBy: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function defineGrowth(sequelize: Sequelize) {
  const opts = tableOptions(sequelize);
  const S = DataTypes;
  FeedbackRow.init(
    {
      id: uuidPk,
      workspaceId: S.UUID,
      authorId: S.UUID,
      subjectId: S.UUID,
      body: S.TEXT,
      visibility: S.STRING,
      createdAt: S.DATE,
    },
    opts("feedback"),
  );
  OneOnOneRow.init({ id: uuidPk, workspaceId: S.UUID, memberAId: S.UUID, memberBId: S.UUID, lastHeldAt: S.DATE, createdAt: S.DATE }, opts("one_on_ones"));
  AgendaItemRow.init({ id: uuidPk, oneOnOneId: S.UUID, authorId: S.UUID, text: S.TEXT, done: S.BOOLEAN, createdAt: S.DATE }, opts("agenda_items"));
  ObjectiveRow.init(
    {
      id: uuidPk,
      workspaceId: S.UUID,
      ownerId: S.UUID,
      title: S.STRING,
      description: S.TEXT,
      period: S.STRING,
      createdAt: S.DATE,
    },
    opts("objectives"),
  );
  KeyResultRow.init({ id: uuidPk, objectiveId: S.UUID, title: S.STRING, target: S.DOUBLE, current: S.DOUBLE, createdAt: S.DATE }, opts("key_results"));
  CompetencyRow.init({ id: uuidPk, workspaceId: S.UUID, name: S.STRING, description: S.TEXT, createdAt: S.DATE }, opts("competencies"));
  CompetencyLevelRow.init({ id: uuidPk, competencyId: S.UUID, level: S.INTEGER, title: S.STRING, description: S.TEXT }, opts("competency_levels"));
  AssessmentRow.init(
    {
      id: uuidPk,
      workspaceId: S.UUID,
      memberId: S.UUID,
      competencyId: S.UUID,
      level: S.INTEGER,
      note: S.TEXT,
      assessedBy: S.UUID,
      createdAt: S.DATE,
    },
    opts("assessments"),
  );
  AssignmentRow.init(
    {
      id: uuidPk,
      workspaceId: S.UUID,
      number: S.INTEGER,
      title: S.STRING,
      description: S.TEXT,
      acceptanceCriteria: S.JSON,
      memberId: S.UUID,
      mentorId: S.UUID,
      competencyId: S.UUID,
      competencyLevel: S.INTEGER,
      keyResultId: S.UUID,
      repository: S.JSON,
      status: S.STRING,
      work: S.JSON,
      pullRequestKey: S.STRING,
      doneAt: S.DATE,
      createdBy: S.UUID,
      createdAt: S.DATE,
      updatedAt: S.DATE,
    },
    opts("assignments"),
  );
  // However it becomes done (in Groundwork, or its pull request merged), when is kept; reopened, it is not done any more.
  AssignmentRow.addHook("beforeSave", (row: AssignmentRow) => {
    if (row.changed("status")) row.doneAt = row.status === "done" ? new Date() : null;
  });
}
