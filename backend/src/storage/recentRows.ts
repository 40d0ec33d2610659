import type { Attributes, Model, ModelStatic, WhereOptions } from "sequelize";

/** How long another replica's change to a kept row may go unseen here. */
export const RECENT_ROWS_TTL_MS = 5_000;

/**
 * Rows that every webhook delivery reads — the credentials of a connection or installation —
 * kept in memory for a few seconds. On SQLite, that one read per delivery queued behind the
 * writes on the database's single handle and halved ingest. A write through this process
 * (save, update, destroy, in or out of a transaction) forgets the row at once; a write by
 * another replica is seen within the TTL. Misses are never kept, so unknown keys (anyone can
 * send them) cannot fill memory, and a row created a moment ago is found at once. `find` gives
 * each caller an instance of its own and `peek` frozen values, so one request cannot change
 * what another sees.
 */
export class RecentRows<M extends Model> {
  private readonly kept = new Map<string, { values: Readonly<Attributes<M>>; until: number }>();
  /** Bumped by every forget: a read that was in flight across a write must not keep what it read. */
  private generation = 0;

  constructor(
    private readonly model: ModelStatic<M>,
    private readonly key: keyof Attributes<M> & string,
    private readonly options: { ttlMs: number; max: number; now: () => number } = { ttlMs: RECENT_ROWS_TTL_MS, max: 1_000, now: Date.now },
  ) {
    const forgetRow = (row: M, { transaction }: { transaction?: { afterCommit(fn: () => void): void } | null } = {}) => {
      const value = String(row.get(key));
      const forget = () => {
        this.generation++;
        this.kept.delete(value);
      };
      forget();
      // A read between the write and its commit would keep the old row: forget it again once committed.
      transaction?.afterCommit(forget);
    };
    const forgetAll = ({ transaction }: { transaction?: { afterCommit(fn: () => void): void } | null } = {}) => {
      const forget = () => {
        this.generation++;
        this.kept.clear();
      };
      forget();
      transaction?.afterCommit(forget);
    };
    model.addHook("afterSave", forgetRow as never);
    model.addHook("afterDestroy", forgetRow as never);
    model.addHook("afterBulkUpdate", forgetAll as never);
    model.addHook("afterBulkDestroy", forgetAll as never);
  }

  /** A model instance of its own for the caller, which may change and save it. */
  async find(value: string): Promise<M | null> {
    const values = await this.values(value);
    return values && this.model.build(structuredClone(values) as never, { isNewRecord: false, raw: true });
  }

  /**
   * The row's values, frozen and shared, for callers that only read them (a webhook's secret
   * check, on every delivery): no copy and no model instance to build each time.
   */
  peek(value: string): Promise<Readonly<Attributes<M>> | null> {
    return this.values(value);
  }

  private async values(value: string) {
    const now = this.options.now();
    const hit = this.kept.get(value);
    if (hit && hit.until > now) return hit.values;
    const generation = this.generation;
    const row = await this.model.findOne({ where: { [this.key]: value } as WhereOptions<Attributes<M>> });
    if (!row) return null;
    const values = deepFreeze(structuredClone(row.get({ plain: true })) as Attributes<M>);
    if (generation !== this.generation) return values;
    if (this.kept.size >= this.options.max) this.kept.delete(this.kept.keys().next().value!);
    this.kept.set(value, { values, until: now + this.options.ttlMs });
    return values;
  }
}

function deepFreeze<T>(value: T): T {
  // A Buffer (a BLOB) cannot be frozen; no kept model has one.
  if (value && typeof value === "object" && !Object.isFrozen(value) && !ArrayBuffer.isView(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
