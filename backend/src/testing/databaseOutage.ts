import net from "node:net";
import BetterSqlite3 from "better-sqlite3";
import type { Config } from "../config.js";

export interface DatabaseOutage {
  /** What the replica should connect to: through the outage's reach. */
  database: Config["database"];
  /** How the outage looks from Groundwork. */
  what: string;
  begin(): Promise<void>;
  end(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The database becoming unavailable without stopping the server other tests share: PostgreSQL
 * behind a TCP proxy that cuts every connection and refuses new ones, as a crashed or
 * restarting server does; SQLite with its write lock held by another process's transaction.
 */
export async function databaseOutage(database: Config["database"]): Promise<DatabaseOutage> {
  if (database.dialect === "postgres") {
    const target = new URL(database.url);
    const sockets = new Set<net.Socket>();
    let down = false;
    const proxy = net.createServer((client) => {
      if (down) return client.destroy();
      const server = net.connect(Number(target.port || 5432), target.hostname);
      for (const [a, b] of [
        [client, server],
        [server, client],
      ] as const) {
        sockets.add(a);
        a.pipe(b);
        a.on("error", () => b.destroy()).on("close", () => (sockets.delete(a), b.destroy()));
      }
    });
    await new Promise<void>((resolve) => proxy.listen(0, "127.0.0.1", resolve));
    const through = new URL(database.url);
    through.hostname = "127.0.0.1";
    through.port = String((proxy.address() as net.AddressInfo).port);
    return {
      database: { ...database, url: through.toString() },
      what: "PostgreSQL unreachable",
      async begin() {
        down = true;
        for (const s of sockets) s.destroy();
      },
      async end() {
        down = false;
      },
      close: () => new Promise<void>((resolve) => (proxy.close(() => resolve()), sockets.forEach((s) => s.destroy()))),
    };
  }
  const holder = new BetterSqlite3(database.storage);
  return {
    database,
    what: "SQLite locked by another process",
    begin: async () => void holder.exec("BEGIN IMMEDIATE"),
    end: async () => void holder.exec("ROLLBACK"),
    close: async () => void holder.close(),
  };
}
