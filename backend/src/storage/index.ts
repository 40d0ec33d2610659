import type { Sequelize } from "sequelize";
import type { Config } from "../config.js";
import { openDatabase } from "./database.js";
import { migrate } from "./migrate.js";
import { defineModels } from "./models.js";

export interface Storage {
  sequelize: Sequelize;
  close(): Promise<void>;
}

/** Opens the database, applies migrations and binds the models: the one way the app gets storage. */
export async function openStorage(database: Config["database"]): Promise<Storage> {
  const sequelize = await openDatabase(database);
  await migrate(sequelize);
  defineModels(sequelize);
  return { sequelize, close: () => sequelize.close() };
}
