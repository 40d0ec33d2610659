import type { Attributes, Model, ModelStatic, Sequelize } from "sequelize";
import type { Config } from "../config.js";
import { openDatabase } from "./database.js";
import { migrate } from "./migrate.js";
import { defineModels } from "./models.js";
import { RecentRows } from "./recentRows.js";

export interface Storage {
  sequelize: Sequelize;
  /** The rows of `model` by `key`, kept briefly: one per model and key (see RecentRows). */
  recent<M extends Model>(model: ModelStatic<M>, key: keyof Attributes<M> & string): RecentRows<M>;
  close(): Promise<void>;
}

/**
 * Opens the database, applies migrations and binds the core's models and, through `defineMore`,
 * the hosts' own: the one way the app gets storage.
 */
export async function openStorage(database: Config["database"], defineMore?: (sequelize: Sequelize) => void): Promise<Storage> {
  const sequelize = await openDatabase(database);
  await migrate(sequelize);
  defineModels(sequelize);
  defineMore?.(sequelize);
  const recent = new Map<string, RecentRows<Model>>();
  return {
    sequelize,
    recent: <M extends Model>(model: ModelStatic<M>, key: keyof Attributes<M> & string) => {
      const name = `${model.name}.${key}`;
      if (!recent.has(name)) recent.set(name, new RecentRows(model, key) as unknown as RecentRows<Model>);
      return recent.get(name) as unknown as RecentRows<M>;
    },
    close: () => sequelize.close(),
  };
}
