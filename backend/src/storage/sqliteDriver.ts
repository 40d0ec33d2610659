import BetterSqlite3 from "better-sqlite3";
import { LRUCache } from "lru-cache";

type Callback<T = unknown> = (this: RunResult, err: Error | null, result?: T) => void;
type Params = unknown[] | Record<string, unknown>;

/** What node-sqlite3 hands its callbacks as `this`; sequelize reads lastID and changes, and checks the class's name. */
class Statement {
  constructor(
    readonly lastID: number,
    readonly changes: number,
  ) {}
}
export type RunResult = Statement;
const NOTHING_CHANGED = new Statement(0, 0);

/** node-sqlite3 binds true/false as 1/0 and a Date as its milliseconds; better-sqlite3 refuses both. */
const bindable = (v: unknown) => (typeof v === "boolean" ? Number(v) : v instanceof Date ? v.getTime() : v === undefined ? null : v);
/** sequelize binds `$1, $2…` (numbered in order of appearance) from an array; better-sqlite3 binds named parameters from an object. */
const NUMBERED = /\$\d/;
const bindArgs = (sql: string, params: Params | undefined) => {
  if (!params) return [];
  if (!Array.isArray(params)) return [Object.fromEntries(Object.entries(params).map(([k, v]) => [k.replace(/^[$:@]/, ""), bindable(v)]))];
  if (!params.length) return [];
  return NUMBERED.test(sql) ? [Object.fromEntries(params.map((v, i) => [String(i + 1), bindable(v)]))] : params.map(bindable);
};

/**
 * The part of node-sqlite3's callback API that sequelize uses (`all`, `run`, `exec`, `serialize`,
 * `close`), on better-sqlite3. Statements run at once on the calling thread, so a write's turn
 * of the in-process write lock (writeLock.ts) lasts as long as SQLite takes, not until a busy
 * event loop gets back to the statement's callback; callbacks still come after the call
 * returns, as node-sqlite3's do.
 */
export class Database {
  static readonly OPEN_READONLY = 0x1;
  static readonly OPEN_READWRITE = 0x2;
  static readonly OPEN_CREATE = 0x4;
  private readonly db: BetterSqlite3.Database | null = null;
  /** Statements whose values are bound (sequelize's inserts and updates, the enqueue) recur: each is prepared once. */
  private readonly prepared = new LRUCache<string, BetterSqlite3.Statement>({ max: 200 });

  constructor(
    readonly filename: string,
    mode: number | Callback = Database.OPEN_READWRITE | Database.OPEN_CREATE,
    callback?: Callback,
  ) {
    if (typeof mode === "function") [callback, mode] = [mode, Database.OPEN_READWRITE | Database.OPEN_CREATE];
    try {
      this.db = new BetterSqlite3(filename, { readonly: (mode & Database.OPEN_READWRITE) === 0, fileMustExist: (mode & Database.OPEN_CREATE) === 0 });
      process.nextTick(() => callback?.call(NOTHING_CHANGED, null));
    } catch (err) {
      process.nextTick(() => callback?.call(NOTHING_CHANGED, err as Error));
    }
  }

  private statement(sql: string) {
    let stmt = this.prepared.get(sql);
    if (!stmt) this.prepared.set(sql, (stmt = this.db!.prepare(sql)));
    return stmt;
  }

  private call<T>(work: () => { meta: Statement; result?: T }, callback: Callback<T> | undefined) {
    let outcome: { meta: Statement; result?: T; err: Error | null };
    try {
      outcome = { ...work(), err: null };
    } catch (err) {
      outcome = { meta: NOTHING_CHANGED, err: err as Error };
    }
    process.nextTick(() => callback?.call(outcome.meta, outcome.err, outcome.result));
    return this;
  }

  configure(option: string, value: number) {
    if (option === "busyTimeout") this.db!.pragma(`busy_timeout = ${Math.floor(value)}`);
  }

  /** Runs one statement with its values; a statement that returns no rows (INSERT without RETURNING, DDL) gives []. */
  private execute(sql: string, params: unknown) {
    const stmt = this.statement(sql);
    const args = bindArgs(sql, params as Params | undefined);
    if (stmt.reader) return { meta: NOTHING_CHANGED, result: stmt.all(...args) };
    const info = stmt.run(...args);
    return { meta: new Statement(Number(info.lastInsertRowid), info.changes), result: [] };
  }

  all(sql: string, ...rest: unknown[]) {
    const callback = (typeof rest.at(-1) === "function" ? rest.pop() : undefined) as Callback<unknown[]> | undefined;
    return this.call(() => this.execute(sql, rest[0]), callback);
  }

  run(sql: string, ...rest: unknown[]) {
    const callback = (typeof rest.at(-1) === "function" ? rest.pop() : undefined) as Callback | undefined;
    return this.call(() => ({ meta: this.execute(sql, rest[0]).meta }), callback);
  }

  exec(sql: string, callback?: Callback) {
    return this.call(() => {
      this.db!.exec(sql);
      return { meta: NOTHING_CHANGED };
    }, callback);
  }

  serialize(work?: () => void) {
    work?.();
  }

  close(callback?: Callback) {
    return this.call(() => {
      this.prepared.clear();
      if (this.db?.open) this.db.close();
      return { meta: NOTHING_CHANGED };
    }, callback);
  }
}
