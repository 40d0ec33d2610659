import type { Sequelize } from "sequelize";
import { AgendaItemRow, defineGrowth, KeyResultRow, ObjectiveRow, OneOnOneRow } from "./models/growth.js";
import { ContextItemRow, ContextLinkRow, defineContext } from "./models/context.js";
import { definePeople, MemberRow, UserRow } from "./models/people.js";
import { defineHistory } from "./models/history.js";

/** The core's tables, one file per aggregate under models/ (each host defines its own: HostAdapter.defineModels). */
export * from "./models/people.js";
export * from "./models/growth.js";
export * from "./models/context.js";
export * from "./models/history.js";

/** Binds the domain models to the database; one database per process (or vitest file). */
export function defineModels(sequelize: Sequelize) {
  definePeople(sequelize);
  defineGrowth(sequelize);
  defineContext(sequelize);
  defineHistory(sequelize);

  MemberRow.belongsTo(UserRow, { as: "user", foreignKey: "userId" });
  ContextLinkRow.belongsTo(ContextItemRow, { as: "item", foreignKey: "contextItemId" });
  AgendaItemRow.belongsTo(OneOnOneRow, { as: "oneOnOne", foreignKey: "oneOnOneId" });
  KeyResultRow.belongsTo(ObjectiveRow, { as: "objective", foreignKey: "objectiveId" });
}
