// The one way to open Homeward's database: embedded PGlite by default, a PostgreSQL server
// when a postgres:// URL is given. Both get the same schema and the same migrations.
import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzleNodePg, type NodePgDatabase } from "drizzle-orm/node-postgres";
import { migrate as migrateNodePg } from "drizzle-orm/node-postgres/migrator";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import pg from "pg";
import { DatabaseActivity } from "./activity.ts";
import { acquireFolderLock } from "./folder-lock.ts";
import * as schema from "./schema/index.ts";

/**
 * Both drivers expose the same drizzle query builder; we type them as one so that queries
 * are written once. (The PGlite database is cast: its result type differs only in shape
 * of raw `execute` results, which Homeward does not use.)
 */
export type Database = NodePgDatabase<typeof schema>;

export interface DatabaseHandle {
  db: Database;
  kind: "pglite" | "postgres";
  /** Applies pending generated migrations from packages/db/drizzle. */
  migrate(): Promise<void>;
  /**
   * Waits (briefly) for queries still running - a page's loaders carry on after its
   * browser has gone - then closes.
   */
  close(): Promise<void>;
}

/** How long the database must be unused before it closes. */
const quietBeforeCloseMs = 100;
/** OpenDatabaseOptions.closeWaitMs when not given. */
const defaultCloseWaitMs = 10_000;

export interface OpenDatabaseOptions {
  /** A postgres:// URL selects a PostgreSQL server; otherwise PGlite is used. */
  url?: string | undefined;
  /** PGlite data folder; omit for an in-memory database (tests). */
  dataDir?: string | undefined;
  /** Who opens the folder, named in the lock so a second process can say who holds it. */
  holder?: string;
  /**
   * The longest close() waits for running work, and then for connections to end (each);
   * past it the database closes anyway, so a stuck query cannot keep a process from
   * stopping. Default 10 s.
   */
  closeWaitMs?: number;
}

export const migrationsFolder = fileURLToPath(new URL("../drizzle", import.meta.url));

export async function openDatabase(options: OpenDatabaseOptions): Promise<DatabaseHandle> {
  if (options.url && /^postgres(ql)?:\/\//.test(options.url)) {
    return openPostgres(options.url, options.closeWaitMs ?? defaultCloseWaitMs);
  }
  return openPglite(
    options.dataDir,
    options.holder ?? "homeward",
    options.closeWaitMs ?? defaultCloseWaitMs,
  );
}

async function openPostgres(url: string, closeWaitMs: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server drops (a restart, an administrator, a dropped test
  // database) is an "error" event on the pool; without a listener Node treats it as an
  // uncaught exception and stops the process. The pool has already discarded that
  // connection and opens a new one when it is next needed, so there is nothing to do.
  pool.on("error", () => {});
  // Every query and transaction holds a pooled connection while it runs.
  const activity = new DatabaseActivity();
  pool.on("acquire", () => activity.begin());
  pool.on("release", () => activity.end());
  const db = drizzleNodePg(pool, { schema });
  return {
    db,
    kind: "postgres",
    migrate: () => migrateNodePg(db, { migrationsFolder }),
    close: async () => {
      await activity.waitForQuiet(quietBeforeCloseMs, closeWaitMs);
      await endPool(pool, closeWaitMs);
    },
  };
}

/** Ends the pool and waits until every connection has really closed. */
async function endPool(pool: pg.Pool, waitMs: number): Promise<void> {
  // pool.end() resolves once the pool has let go of its connections, before their
  // sockets have closed; whoever closes next (a test dropping its database, a process
  // exiting) must not meet a half-closed connection.
  let open = pool.totalCount;
  const allClosed = new Promise<void>((resolve) => {
    if (open === 0) resolve();
    pool.on("remove", () => {
      open -= 1;
      if (open <= 0) resolve();
    });
  });
  // A connection still checked out (a query stuck on a lock) would hold end() forever;
  // a process that is stopping must stop, so the wait is bounded.
  let timer: NodeJS.Timeout | undefined;
  const givenUp = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, waitMs);
    timer.unref();
  });
  await Promise.race([pool.end().then(() => allClosed), givenUp]);
  clearTimeout(timer);
}

async function openPglite(
  dataDir: string | undefined,
  holder: string,
  closeWaitMs: number,
): Promise<DatabaseHandle> {
  let releaseLock = () => {};
  if (dataDir) {
    // PGlite does not create missing parent folders, and two processes must never share one.
    mkdirSync(dataDir, { recursive: true });
    releaseLock = acquireFolderLock(`${dataDir}.lock`, holder);
  }
  try {
    // Full durability: relaxedDurability stays off, every commit is flushed.
    const client = await PGlite.create(dataDir ? { dataDir } : {});
    // The methods drizzle calls; PGlite runs one at a time, queued behind each other.
    const activity = new DatabaseActivity();
    client.query = activity.wrap(client.query.bind(client)) as typeof client.query;
    client.exec = activity.wrap(client.exec.bind(client));
    client.transaction = activity.wrap(
      client.transaction.bind(client),
    ) as typeof client.transaction;
    const db = drizzlePglite(client, { schema });
    return {
      db: db as unknown as Database,
      kind: "pglite",
      migrate: () => migratePglite(db, { migrationsFolder }),
      close: async () => {
        await activity.waitForQuiet(quietBeforeCloseMs, closeWaitMs);
        await client.close();
        releaseLock();
      },
    };
  } catch (error) {
    releaseLock();
    throw error;
  }
}
