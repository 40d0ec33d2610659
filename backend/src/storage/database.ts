import fs from "node:fs";
import path from "node:path";
import { ConnectionError, DatabaseError, QueryTypes, Sequelize, Transaction, TimeoutError } from "sequelize";
import { StartupError, type Config } from "../config.js";
import { limitBackground, serialiseWrites, writeLockOf } from "./writeLock.js";
import { Database as SqliteDatabase } from "./sqliteDriver.js";

/** How long a statement waits on another process's write lock, holding up this process meanwhile. */
const BUSY_TIMEOUT_MS = 250;

/**
 * sequelize opens a handle per transaction and offers no connect hook for SQLite, so we hand it
 * a Database class that sets up every handle. Writers in this process never meet in SQLite
 * (writeLock.ts queues them), so SQLite waits only on another process's write, such as a
 * replica still finishing as the next starts; a statement runs on the event loop's thread
 * (sqliteDriver.ts), so it waits briefly and then fails with SQLITE_BUSY, which answers 503
 * with Retry-After (isDatabaseUnavailable), instead of holding every request up.
 */
class WaitingDatabase extends SqliteDatabase {
  private readonly file: string;
  constructor(filename: string, mode: number, callback: (err: Error | null) => void) {
    super(filename, mode, (err) => {
      if (err) return callback(err);
      this.configure("busyTimeout", BUSY_TIMEOUT_MS);
      // With a callback: an error here (no file descriptors left, say) goes to the opener, not an uncaught 'error' event.
      this.run("PRAGMA synchronous=NORMAL", (pragmaErr: Error | null) => callback(pragmaErr));
    });
    this.file = path.resolve(filename);
  }

  /**
   * sequelize asks `PRAGMA table_info` before every model SELECT on SQLite (to know which
   * columns to parse as dates), one more statement each time; a table's
   * columns change only by DDL, which forgets them (see run/exec).
   */
  override all(sql: string, ...rest: unknown[]): this {
    const table = /^PRAGMA table_info\(`([^`]+)`\)$/.exec(sql)?.[1];
    const callback = rest.at(-1) as (err: Error | null, rows: unknown[]) => void;
    if (!table || typeof callback !== "function") {
      // sequelize sends raw statements, DDL included, through `all` too.
      forgetTableInfoOn(sql);
      return super.all(sql, ...(rest as []));
    }
    const key = `${this.file}\0${table}`;
    const known = tableInfo.get(key);
    if (known) {
      process.nextTick(() => callback.call(this, null, known));
      return this;
    }
    return super.all(sql, (err: Error | null, rows: unknown[]) => {
      if (!err) tableInfo.set(key, rows);
      callback.call(this, err, rows);
    });
  }
  override run(sql: string, ...rest: unknown[]): this {
    forgetTableInfoOn(sql);
    return super.run(sql, ...(rest as []));
  }
  override exec(sql: string, callback?: (err: Error | null) => void): this {
    forgetTableInfoOn(sql);
    return super.exec(sql, callback);
  }
}
/** Each table's columns as SQLite described them, per database file, until DDL changes any table. */
const tableInfo = new Map<string, unknown[]>();
const forgetTableInfoOn = (sql: string) => {
  if (/^\s*(ALTER|CREATE|DROP)\b/i.test(sql)) tableInfo.clear();
};
const sqliteModule = {
  OPEN_READONLY: SqliteDatabase.OPEN_READONLY,
  OPEN_READWRITE: SqliteDatabase.OPEN_READWRITE,
  OPEN_CREATE: SqliteDatabase.OPEN_CREATE,
  Database: WaitingDatabase,
};

export type Dialect = "sqlite" | "postgres";

/**
 * The SQLite file holds password hashes and people's details: its folder is made 0700 and the
 * file 0600 (SQLite gives its -wal and -shm files the database file's permissions); an existing
 * file is tightened too.
 */
function privateDatabaseFile(storage: string) {
  const file = path.resolve(storage);
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  fs.closeSync(fs.openSync(file, "a", 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) if (fs.existsSync(f)) fs.chmodSync(f, 0o600);
}

/**
 * How many of the worker's statements and transactions run at once on PostgreSQL. In `npm run
 * bench` (2 cores, PostgreSQL on the same machine), the backlog a 4-second burst queued drained
 * in 62 s with the worker's 16 jobs at the server together, in 41 s 4 at a time (36 s 2 at a time).
 * Jobs wait on hosts outside their transactions, so this does not limit the host calls in flight.
 */
const BACKGROUND_SLOTS = 4;

export async function openDatabase(db: Config["database"]) {
  let sequelize: Sequelize;
  if (db.dialect === "sqlite") {
    try {
      if (db.storage !== ":memory:") privateDatabaseFile(db.storage);
    } catch (err) {
      throw new StartupError(
        `Groundwork cannot create its database at ${db.storage} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}): set DATA_DIR (or DATABASE_URL=sqlite:…) to a folder it can write`,
      );
    }
    sequelize = new Sequelize({
      dialect: "sqlite",
      storage: db.storage,
      dialectModule: sqliteModule,
      logging: false,
      // IMMEDIATE takes the write lock up front; DEFERRED transactions on two handles deadlock.
      transactionType: Transaction.TYPES.IMMEDIATE,
    });
    serialiseWrites(sequelize);
    reuseTransactionHandle(sequelize);
    await sequelize.query("PRAGMA journal_mode=WAL");
  } else {
    sequelize = new Sequelize(db.url, {
      dialect: "postgres",
      logging: false,
      pool: { max: 20, min: 0, idle: 10_000 },
      ...(db.schema ? { dialectOptions: { options: `-c search_path=${db.schema}` } } : {}),
    });
    limitBackground(sequelize, BACKGROUND_SLOTS);
    if (db.schema) {
      // Connect without the search path first, so the schema can be created.
      const bootstrap = new Sequelize(db.url, { dialect: "postgres", logging: false });
      await bootstrap.query(`CREATE SCHEMA IF NOT EXISTS "${db.schema}"`);
      await bootstrap.close();
    }
  }
  await sequelize.authenticate();
  return sequelize;
}

interface SqliteConnections {
  connections: Record<string, unknown>;
  getConnection(options?: { uuid?: string }): Promise<unknown>;
  releaseConnection(connection: unknown, force?: boolean): void;
}

/**
 * sequelize opens a handle for each transaction and closes it after, and each new handle
 * re-reads the schema: most of a short write's cost. Transactions run one at a time in this
 * process (serialiseWrites), so one handle serves them all in turn and stays open.
 */
function reuseTransactionHandle(sequelize: Sequelize) {
  const manager = sequelize.connectionManager as unknown as SqliteConnections;
  const get = manager.getConnection.bind(manager);
  const release = manager.releaseConnection.bind(manager);
  manager.getConnection = (options) => get(options?.uuid && options.uuid !== "default" ? { ...options, uuid: "transactions" } : options);
  manager.releaseConnection = (connection, force) => {
    if (connection !== manager.connections.transactions || force) release(connection, force);
  };
}

/**
 * Runs a write that returns rows (INSERT … RETURNING) with its values bound, `$1, $2…`. On
 * SQLite outside a transaction it goes straight to the handle sequelize's own statements use,
 * under the write lock: sequelize's query pipeline works on each bound value and takes a stack
 * trace per query, which cost a batch of deliveries' enqueue more than SQLite's insert did
 * (`npm run bench`). Its failures are sequelize's DatabaseError all the same.
 */
export async function writeReturning<T extends object>(sequelize: Sequelize, sql: string, bind: unknown[], transaction?: Transaction): Promise<T[]> {
  const lock = writeLockOf(sequelize);
  // sequelize runs SQL starting with "INSERT INTO" without returning rows on SQLite; a leading comment makes it fetch them.
  if (!lock || transaction) return sequelize.query<T>(`/* returning */ ${sql}`, { type: QueryTypes.SELECT, bind, transaction });
  return lock(async () => {
    const handle = (await (sequelize.connectionManager as unknown as SqliteConnections).getConnection({})) as SqliteDatabase;
    return new Promise<T[]>((resolve, reject) =>
      handle.all(sql, bind, (err: Error | null, rows?: unknown) => (err ? reject(new DatabaseError(err as never)) : resolve(rows as T[]))),
    );
  });
}

export function dialectOf(sequelize: Sequelize): Dialect {
  return sequelize.getDialect() === "postgres" ? "postgres" : "sqlite";
}

/** SQLite codes for a database that cannot take the request now (locked, full, unreadable, gone). */
const SQLITE_UNAVAILABLE = /^SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CANTOPEN|PROTOCOL|NOMEM)/;
/** PostgreSQL SQLSTATEs for a server that is shutting down, starting, overloaded or unreachable. */
const POSTGRES_UNAVAILABLE = /^(08|53|57P0[1-4])/;

/**
 * Whether a failure is the database being unavailable (not a bug or bad data): callers answer
 * 503 with Retry-After, so hosts and clients retry instead of giving up on a 500. A pooled pg
 * client whose socket died says "…is not queryable" when it is next used.
 */
export function isDatabaseUnavailable(err: unknown): boolean {
  if (err instanceof ConnectionError || err instanceof TimeoutError) return true;
  // pg's own errors when a connection being opened drops or is reset: sequelize's connection manager lets them through unwrapped (seen in CI).
  if (
    err instanceof Error &&
    /Connection terminated|ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT/.test(err.message) &&
    /connection-manager\.js/.test(err.stack ?? "")
  )
    return true;
  if (!(err instanceof DatabaseError)) return false;
  const cause = err.parent as Error & { code?: string };
  const code = String(cause?.code ?? "");
  return (
    SQLITE_UNAVAILABLE.test(code) ||
    POSTGRES_UNAVAILABLE.test(code) ||
    /Connection terminated|ECONNRESET|ECONNREFUSED|EPIPE|ETIMEDOUT|not queryable/.test(`${code} ${cause?.message ?? ""}`)
  );
}
