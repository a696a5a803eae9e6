import { caseMember } from "@homeward/db";
import { databaseUnderTest } from "@homeward/db/testing";
import { resolveReadMode } from "@homeward/rules";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { updatePreferences } from "./account.ts";
import { readingPreference } from "./easy-read.ts";
import { type SeededDatabase, seededDatabase } from "./testing.ts";

const prefs = {
  preferredLanguage: "en",
  lowData: false,
  notifyByEmail: true,
  discreetNotifications: false,
};

describe(`easy read or standard pages on ${databaseUnderTest}`, () => {
  let seeded: SeededDatabase;
  beforeAll(async () => {
    seeded = await seededDatabase();
  });
  afterAll(() => seeded.handle.dispose());

  const modeFor = async (account: Parameters<SeededDatabase["as"]>[0]) =>
    resolveReadMode({
      asked: null,
      thisVisit: null,
      ...(await readingPreference(seeded.as(account))),
    }).mode;

  it("Kerry's recorded easy-read need gives her easy read before she chooses anything", async () => {
    expect(await readingPreference(seeded.as("ldParent"))).toEqual({
      account: { easyRead: false, chosen: false },
      recordedNeed: true,
    });
    expect(await modeFor("ldParent")).toBe("easy");
  });

  it("a parent with no recorded need gets the standard pages", async () => {
    expect((await readingPreference(seeded.as("parent"))).recordedNeed).toBe(false);
    expect(await modeFor("parent")).toBe("standard");
  });

  it("Kerry's advocate reads the standard pages: the need is Kerry's, not hers", async () => {
    expect(await modeFor("advocate")).toBe("standard");
  });

  it("saving the account form records a choice that stands over the recorded need", async () => {
    await updatePreferences(seeded.as("ldParent"), { ...prefs, easyRead: false });
    expect(await readingPreference(seeded.as("ldParent"))).toEqual({
      account: { easyRead: false, chosen: true },
      recordedNeed: true,
    });
    expect(await modeFor("ldParent")).toBe("standard");
    await updatePreferences(seeded.as("parent"), { ...prefs, easyRead: true });
    expect(await modeFor("parent")).toBe("easy");
  });

  it("a need on a case the person has left no longer counts", async () => {
    await seeded.handle.db
      .update(caseMember)
      .set({ revokedAt: new Date(Date.now() - 1000) })
      .where(eq(caseMember.userId, seeded.users.ldParent));
    expect((await readingPreference(seeded.as("ldParent"))).recordedNeed).toBe(false);
  });

  it("an unknown account is not found", async () => {
    await expect(
      readingPreference({ ...seeded.as("parent"), userId: "no-such-user" }),
    ).rejects.toThrow(/no-such-user/);
  });
});
