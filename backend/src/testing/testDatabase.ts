import os from "node:os";
import path from "node:path";
import fs from "node:fs";
import { randomBytes } from "node:crypto";
import { Sequelize } from "sequelize";
import type { Config } from "../config.js";

/**
 * A database of its own for one test file: a fresh Postgres schema when the run has
 * DATABASE_URL=postgres://…, else a fresh SQLite file. Reruns never see old rows.
 */
export function testDatabase(): { database: Config["database"]; drop(): Promise<void> } {
  const url = process.env.DATABASE_URL;
  const suffix = randomBytes(6).toString("hex");
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    const schema = `t_${suffix}`;
    return {
      database: { dialect: "postgres", url, schema },
      async drop() {
        const s = new Sequelize(url, { dialect: "postgres", logging: false });
        await s.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
        await s.close();
      },
    };
  }
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `groundwork-test-${suffix}-`));
  return {
    database: { dialect: "sqlite", storage: path.join(dir, "test.db") },
    async drop() {
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
