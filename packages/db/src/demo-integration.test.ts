// The demo integration client (its secret is printed at start and published in the README)
// comes only with the demo data: no migration creates it, and seeding the demo does.
// Whether the demo is seeded at all is the host's configuration: apps/server/src/env.test.ts.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemoData } from "./demo.ts";
import { demoIntegrationClient } from "./demo-integration.ts";
import { integrationClient, integrationScopes, user } from "./schema/index.ts";
import { createTestDatabase, databaseUnderTest, type TestDatabase } from "./testing.ts";

describe(`the demo integration client on ${databaseUnderTest}`, () => {
  let handle: TestDatabase;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(() => handle.dispose());

  it("is not in a freshly migrated database", async () => {
    expect(await handle.db.select().from(integrationClient)).toEqual([]);
  });

  it("arrives with the demo data, with every scope, and its secret is never stored", async () => {
    await seedDemoData(handle.db, async (account) => {
      const id = `user-${account.key}`;
      await handle.db
        .insert(user)
        .values({ id, name: account.name, email: account.email, kind: account.kind });
      return id;
    });
    const rows = await handle.db.select().from(integrationClient);
    expect(rows.map((r) => [r.id, r.keyId])).toEqual([
      [demoIntegrationClient.id, demoIntegrationClient.keyId],
    ]);
    expect([...(rows[0]?.scopes ?? [])].sort()).toEqual([...integrationScopes].sort());
    expect(JSON.stringify(rows)).not.toContain(demoIntegrationClient.secret);
  });
});
