// Databases for tests: a fresh in-memory PGlite by default, or, when TEST_DATABASE_URL
// points at a PostgreSQL server, a fresh database created on it and dropped afterwards.
// (Test infrastructure is the one place outside an app's env module that reads the env.)
import { randomBytes } from "node:crypto";
import pg from "pg";
import { type DatabaseHandle, openDatabase } from "./client.ts";

export interface TestDatabase extends DatabaseHandle {
  /** Closes the handle and, on PostgreSQL, drops the database. */
  dispose(): Promise<void>;
}

export async function createTestDatabase(): Promise<TestDatabase> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const handle = await openDatabase({});
    await handle.migrate();
    return { ...handle, dispose: () => handle.close() };
  }
  const name = `homeward_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const handle = await openDatabase({ url: url.toString() });
  await handle.migrate();
  return {
    ...handle,
    async dispose() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: serverUrl });
      await cleanup.connect();
      await waitForNoConnections(cleanup, name);
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
    },
  };
}

/**
 * A backend can outlive its client's socket by a moment. FORCE would terminate it, and a
 * terminated connection that some test still held would surface as an uncaught error in
 * an unrelated test, so wait (briefly) for the database to be empty instead.
 */
async function waitForNoConnections(client: pg.Client, name: string): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const result = await client.query<{ count: string }>(
      "SELECT count(*) AS count FROM pg_stat_activity WHERE datname = $1",
      [name],
    );
    if (Number(result.rows[0]?.count ?? 0) === 0) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export const databaseUnderTest = process.env.TEST_DATABASE_URL ? "postgres" : "pglite";
