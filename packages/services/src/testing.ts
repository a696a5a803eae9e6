// A database with the demo seeded, for service tests: accounts without passwords (these
// tests are about case data and access, not sign-in), user ids by demo account key.
import { type DemoAccountKey, seedDemoData, user } from "@homeward/db";
import { createTestDatabase, type TestDatabase } from "@homeward/db/testing";
import type { ServiceContext } from "./context.ts";

export interface SeededDatabase {
  handle: TestDatabase;
  users: Record<DemoAccountKey, string>;
  /** A service context for a demo account, in the given app, at a fixed "now". */
  as(
    account: DemoAccountKey,
    options?: { now?: Date; app?: "portal" | "practitioner" },
  ): ServiceContext;
}

// Demo memberships start when the demo is seeded, so "now" is the real clock.
export const demoNow = () => new Date();

export async function seededDatabase(): Promise<SeededDatabase> {
  const handle = await createTestDatabase();
  const users = {} as Record<DemoAccountKey, string>;
  const kinds = {} as Record<DemoAccountKey, "family" | "practitioner">;
  await seedDemoData(handle.db, async (account) => {
    const id = `user-${account.key}`;
    await handle.db.insert(user).values({
      id,
      name: account.name,
      email: account.email,
      kind: account.kind,
      preferredLanguage: account.preferredLanguage ?? null,
    });
    users[account.key as DemoAccountKey] = id;
    kinds[account.key as DemoAccountKey] = account.kind;
    return id;
  });
  return {
    handle,
    users,
    as(account, options = {}) {
      const kind = kinds[account];
      return {
        db: handle.db,
        userId: users[account],
        kind,
        app: options.app ?? (kind === "family" ? "portal" : "practitioner"),
        now: options.now ?? demoNow(),
      };
    },
  };
}
