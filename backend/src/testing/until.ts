import { setTimeout as sleep } from "node:timers/promises";
import { QueryTypes, type Sequelize } from "sequelize";

/** Polls `fn` until it returns something truthy (background jobs finishing), or fails after `ms`. */
export async function until<T>(what: string, fn: () => Promise<T | undefined | null | false>, ms = 15_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await sleep(100);
  }
}

/**
 * Waits until no job is queued or running (any test's, or only those of one kind): what a test
 * counts after it is its own.
 */
export const jobsSettled = (sequelize: Sequelize, what = "jobs settled", kind?: string) =>
  until(what, async () => {
    const [row] = await sequelize.query<{ n: number }>(
      `SELECT COUNT(*) AS n FROM jobs WHERE status IN ('queued', 'running')${kind ? " AND kind = :kind" : ""}`,
      { type: QueryTypes.SELECT, replacements: { kind: kind ?? null } },
    );
    return Number(row!.n) === 0;
  });
