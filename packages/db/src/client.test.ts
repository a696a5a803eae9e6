import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { eq, sql } from "drizzle-orm";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "./client.ts";
import { FolderLockedError } from "./folder-lock.ts";
import { auditEvent, authority } from "./schema/index.ts";
import { createTestDatabase, databaseUnderTest, type TestDatabase } from "./testing.ts";

describe(`the database on ${databaseUnderTest}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle.dispose());

  it("applies every migration, and applying again changes nothing", async () => {
    await handle.migrate();
    const result = await handle.db.execute(
      sql`select count(*)::int as n from drizzle.__drizzle_migrations`,
    );
    const rows = (result as unknown as { rows: { n: number }[] }).rows;
    expect(rows[0]?.n).toBeGreaterThanOrEqual(2);
  });

  it("keeps the audit trail append-only: rows can be added, never changed or removed", async () => {
    await handle.db
      .insert(auditEvent)
      .values({ app: "portal", action: "read", resourceType: "case", outcome: "allowed" });
    const [row] = await handle.db.select().from(auditEvent).limit(1);
    expect(row?.action).toBe("read");
    await expect(
      handle.db
        .update(auditEvent)
        .set({ outcome: "denied" })
        .where(eq(auditEvent.id, row?.id ?? 0)),
    ).rejects.toThrow();
    await expect(
      handle.db.delete(auditEvent).where(eq(auditEvent.id, row?.id ?? 0)),
    ).rejects.toThrow();
    await expect(handle.db.execute(sql`truncate audit_event`)).rejects.toThrow();
    const [still] = await handle.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.id, row?.id ?? 0));
    expect(still?.outcome).toBe("allowed");
  });
});

describe.runIf(databaseUnderTest === "pglite")("PGlite in a data folder", () => {
  it("keeps committed data across a close and reopen, and locks the folder while open", async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), "hw-pglite-")), "nested", "pglite");
    const first = await openDatabase({ dataDir, holder: "first" });
    await first.migrate();
    await first.db.insert(authority).values({ id: "a1", name: "Durable Council" });
    await expect(openDatabase({ dataDir, holder: "second" })).rejects.toBeInstanceOf(
      FolderLockedError,
    );
    await first.close();

    const second = await openDatabase({ dataDir, holder: "second" });
    const rows = await second.db.select().from(authority);
    expect(rows.map((r) => r.name)).toEqual(["Durable Council"]);
    await second.close();
  });
});

describe.runIf(databaseUnderTest === "postgres")("closing a PostgreSQL handle", () => {
  /** A handle on the server's own database, and a separate connection that watches it. */
  async function handleAndObserver(closeWaitMs?: number) {
    const url = new URL(process.env.TEST_DATABASE_URL ?? "");
    url.pathname = "/postgres";
    const observer = new pg.Client({ connectionString: url.toString() });
    await observer.connect();
    return { observer, handle: await openDatabase({ url: url.toString(), closeWaitMs }) };
  }

  it("returns only once every connection of the pool has closed on the server", async () => {
    // The observer connects beforehand, so it can look the moment close() returns.
    const { observer, handle } = await handleAndObserver();
    const marker = `homeward-close-${process.pid}-${Date.now()}`;
    // Several queries at once so the pool holds several connections.
    await Promise.all(
      Array.from({ length: 6 }, () =>
        handle.db.execute(
          sql`select set_config('application_name', ${marker}, false), pg_sleep(0.05)`,
        ),
      ),
    );
    await handle.close();
    const result = await observer.query<{ n: number }>(
      "select count(*)::int as n from pg_stat_activity where application_name = $1",
      [marker],
    );
    await observer.end();
    expect(result.rows[0]?.n).toBe(0);
  });

  it("survives the server dropping an idle connection, and carries on with a new one", async () => {
    const { observer, handle } = await handleAndObserver();
    const marker = `homeward-dropped-${process.pid}-${Date.now()}`;
    await handle.db.execute(sql`select set_config('application_name', ${marker}, false)`);
    // The connection now sits idle in the pool; the server ends it, as a restart would.
    await observer.query(
      "select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1",
      [marker],
    );
    await observer.end();
    await new Promise((resolve) => setTimeout(resolve, 200));
    const result = await handle.db.execute(sql`select 1 as one`);
    expect((result as unknown as { rows: { one: number }[] }).rows[0]?.one).toBe(1);
    await handle.close();
  });

  it("closes anyway, after its longest wait, when a connection is never given back", async () => {
    const { observer, handle } = await handleAndObserver(300);
    await observer.end();
    // A connection checked out and never released, as by a query stuck on a lock.
    const pool = (handle.db as unknown as { $client: pg.Pool }).$client;
    const stuck = await pool.connect();
    // Without the bound this never resolves, and the test times out.
    await handle.close();
    stuck.release(true);
  });
});
