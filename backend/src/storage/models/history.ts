import { DataTypes, Model, type CreationOptional, type Sequelize } from "sequelize";
import type { HistoryImportStatus } from "@groundwork/shared-types";
import { tableOptions, uuidPk, type Attrs, type Creation } from "./base.js";

/** One repository's history import (workspace/history.ts): where it stands and where its next page starts. */
export class HistoryImportRow extends Model<Attrs<HistoryImportRow>, Creation<HistoryImportRow>> {
  declare id: CreationOptional<string>;
  declare workspaceId: string;
  declare host: string;
  declare connectionId: string;
  declare repository: string;
  /** What the keys of its pull requests begin with (`ado:org:project:repo:pr:`): its summary counts their authors. */
  declare itemKeyPrefix: string;
  declare status: HistoryImportStatus;
  declare since: Date;
  /** The moment the import began: what changed after it arrives by webhook, so pages stay put. */
  declare until: Date | null;
  /** The host's own cursor for the next page (JSON), null before the first. */
  declare cursor: string | null;
  /** Pages done; a job carries the page it reads, so a leftover job of a re-run or cancelled import does nothing. */
  declare page: CreationOptional<number>;
  declare imported: CreationOptional<number>;
  declare total: number | null;
  declare requests: CreationOptional<number>;
  declare waitingUntil: Date | null;
  declare error: string | null;
  declare summary: { authors: number; matchedAuthors: number } | null;
  /** What it is busy with beyond the pull requests themselves (their comments and work items). */
  declare stage: CreationOptional<string | null>;
  declare startedAt: Date | null;
  declare finishedAt: Date | null;
  declare createdBy: string | null;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

export function defineHistory(sequelize: Sequelize) {
  const S = DataTypes;
  HistoryImportRow.init(
    {
      id: uuidPk,
      workspaceId: S.UUID,
      host: S.STRING,
      connectionId: S.STRING,
      repository: S.STRING,
      itemKeyPrefix: S.STRING,
      status: S.STRING,
      since: S.DATE,
      until: S.DATE,
      cursor: S.TEXT,
      page: S.INTEGER,
      imported: S.INTEGER,
      total: S.INTEGER,
      requests: S.INTEGER,
      waitingUntil: S.DATE,
      error: S.TEXT,
      summary: S.JSON,
      stage: S.STRING,
      startedAt: S.DATE,
      finishedAt: S.DATE,
      createdBy: S.UUID,
      createdAt: S.DATE,
      updatedAt: S.DATE,
    },
    tableOptions(sequelize)("history_imports"),
  );
}
