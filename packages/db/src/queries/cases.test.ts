import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoAccounts, seedDemoData } from "../demo.ts";
import { caseMember, user } from "../schema/index.ts";
import { createTestDatabase, databaseUnderTest, type TestDatabase } from "../testing.ts";
import { caseloadForPractitioner, casesForFamilyMember } from "./cases.ts";

describe(`case lists on ${databaseUnderTest}`, () => {
  let handle: TestDatabase;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    handle = await createTestDatabase();
    // Accounts without passwords: these tests are about the case data, not sign-in.
    await seedDemoData(handle.db, async (account) => {
      const id = `user-${account.key}`;
      await handle.db
        .insert(user)
        .values({ id, name: account.name, email: account.email, kind: account.kind });
      ids[account.key] = id;
      return id;
    });
  });
  afterAll(() => handle.dispose());

  it("seeds once: a second run leaves the database as it is", async () => {
    expect(await seedDemoData(handle.db, async () => "never")).toBe(false);
    expect(Object.keys(ids)).toHaveLength(demoAccounts.length);
  });

  it("shows a parent only the cases they are on, with the child's first name only", async () => {
    const cases = await casesForFamilyMember(handle.db, {
      userId: ids.parent as string,
      now: new Date(),
    });
    expect(cases).toEqual([
      { caseId: "case-mia", childFirstName: "Mia", stage: "initial_assessment", role: "parent" },
    ]);
  });

  it("stops showing a case to an interpreter once their assignment has ended", async () => {
    const now = new Date("2026-11-26T12:00:00Z");
    expect(
      await casesForFamilyMember(handle.db, { userId: ids.interpreter as string, now }),
    ).toHaveLength(1);
    await handle.db
      .update(caseMember)
      .set({ activeUntil: new Date("2026-11-26T11:59:59Z") })
      .where(eq(caseMember.userId, ids.interpreter as string));
    expect(
      await casesForFamilyMember(handle.db, { userId: ids.interpreter as string, now }),
    ).toEqual([]);
  });

  it("never lists a case through a practitioner role for a family account", async () => {
    expect(
      await casesForFamilyMember(handle.db, {
        userId: ids.socialWorker as string,
        now: new Date(),
      }),
    ).toEqual([]);
  });

  it("gives a practitioner their team's caseload and a family member none", async () => {
    const caseload = await caseloadForPractitioner(handle.db, {
      userId: ids.socialWorker as string,
    });
    expect(caseload.map((c) => c.reference)).toEqual(["HW-1001", "HW-1002", "HW-1003"]);
    expect(await caseloadForPractitioner(handle.db, { userId: ids.parent as string })).toEqual([]);
  });
});
