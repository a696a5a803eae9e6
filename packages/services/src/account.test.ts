import { auditEvent, session, user } from "@homeward/db";
import { databaseUnderTest } from "@homeward/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  accountFor,
  describeDevice,
  passwordChangeSchema,
  preferencesSchema,
  signOutOtherSessions,
  updatePreferences,
} from "./account.ts";
import { type SeededDatabase, seededDatabase } from "./testing.ts";

const phone =
  "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
const laptop =
  "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Safari/605.1.15";
const hour = 60 * 60 * 1000;

describe(`a family member's account on ${databaseUnderTest}`, () => {
  let seeded: SeededDatabase;
  const now = new Date();
  beforeAll(async () => {
    seeded = await seededDatabase();
    const rows = [
      { id: "s-yasmin-phone", userId: seeded.users.youngPerson, userAgent: phone, ago: 2 },
      { id: "s-yasmin-laptop", userId: seeded.users.youngPerson, userAgent: laptop, ago: 1 },
      { id: "s-yasmin-old", userId: seeded.users.youngPerson, userAgent: laptop, ago: 30 },
      { id: "s-amira-phone", userId: seeded.users.arabicParent, userAgent: phone, ago: 1 },
    ];
    await seeded.handle.db.insert(session).values(
      rows.map((r) => ({
        id: r.id,
        token: `token-${r.id}`,
        userId: r.userId,
        userAgent: r.userAgent,
        createdAt: new Date(now.getTime() - r.ago * hour),
        updatedAt: new Date(now.getTime() - r.ago * hour),
        // The old one has already run out.
        expiresAt: new Date(now.getTime() + (r.ago > 12 ? -1 : 1) * hour),
      })),
    );
  });
  afterAll(() => seeded.handle.dispose());

  it("shows the person's details, preferences and live sessions, this one first", async () => {
    const account = await accountFor(seeded.as("youngPerson", { now }), "s-yasmin-phone");
    expect(account).toMatchObject({
      name: "Yasmin Haddad",
      email: "young-person@homeward.example",
      preferredLanguage: null,
      easyRead: false,
      lowData: false,
    });
    expect(account.sessions.map((s) => [s.id, s.current])).toEqual([
      ["s-yasmin-phone", true],
      ["s-yasmin-laptop", false],
    ]);
    expect(account.sessions[0]?.device).toEqual({ browser: "Chrome", system: "Android" });
    expect(account.sessions[1]?.device).toEqual({ browser: "Safari", system: "Mac" });
    // Nobody else's sessions, and no tokens.
    expect(JSON.stringify(account)).not.toMatch(/amira|token/);
  });

  it("saves language, easy read, low data and email choices, with an audit row", async () => {
    const schema = preferencesSchema(["en", "cy", "ar"]);
    await updatePreferences(
      seeded.as("youngPerson"),
      schema.parse({
        preferredLanguage: "cy",
        easyRead: "on",
        lowData: "off",
        notifyByEmail: "on",
        discreetNotifications: "on",
      }),
    );
    const [row] = await seeded.handle.db
      .select()
      .from(user)
      .where(eq(user.id, seeded.users.youngPerson));
    expect(row).toMatchObject({
      preferredLanguage: "cy",
      easyRead: true,
      lowData: false,
      notifyByEmail: true,
      discreetNotifications: true,
    });
    const audit = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.actorUserId, seeded.users.youngPerson),
          eq(auditEvent.action, "update_preferences"),
        ),
      );
    expect(audit[0]?.detail).toEqual({
      preferredLanguage: "cy",
      easyRead: true,
      lowData: false,
      notifyByEmail: true,
      discreetNotifications: true,
    });
  });

  it("refuses a language Homeward does not ship, and a missing choice, with i18n keys", () => {
    const schema = preferencesSchema(["en", "cy", "ar"]);
    const result = schema.safeParse({ preferredLanguage: "fr", easyRead: "maybe" });
    expect(result.error?.issues.map((i) => i.message)).toEqual([
      "account:errors.language",
      "account:errors.easyRead",
      "account:errors.lowData",
      "account:errors.notifyByEmail",
      "account:errors.discreetNotifications",
    ]);
  });

  it("signs out every other session of this person only, and audits it", async () => {
    const ended = await signOutOtherSessions(seeded.as("youngPerson", { now }), "s-yasmin-phone");
    expect(ended).toBe(2);
    const left = await seeded.handle.db.select({ id: session.id }).from(session);
    expect(left.map((s) => s.id).sort()).toEqual(["s-amira-phone", "s-yasmin-phone"]);
    const [audit] = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.action, "sign_out_other_sessions"));
    expect(audit).toMatchObject({
      actorUserId: seeded.users.youngPerson,
      outcome: "allowed",
      detail: { ended: 2 },
    });
  });

  it("checks a new password before better-auth is asked", () => {
    const messages = (input: Record<string, string>) =>
      passwordChangeSchema.safeParse(input).error?.issues.map((i) => i.message) ?? [];
    expect(
      messages({ currentPassword: "", newPassword: "short", confirmPassword: "short" }),
    ).toEqual(["account:errors.currentPasswordRequired", "account:errors.newPasswordTooShort"]);
    expect(
      messages({
        currentPassword: "old-password",
        newPassword: "a-long-new-password",
        confirmPassword: "a-long-new-pasword",
      }),
    ).toEqual(["account:errors.passwordsDiffer"]);
    expect(
      messages({
        currentPassword: "old-password",
        newPassword: "a-long-new-password",
        confirmPassword: "a-long-new-password",
      }),
    ).toEqual([]);
  });

  it("names devices in plain words", () => {
    expect(describeDevice(null)).toEqual({ browser: null, system: null });
    expect(
      describeDevice(
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) CriOS/131.0 Mobile/15E148 Safari/604.1",
      ),
    ).toEqual({ browser: "Chrome", system: "iPhone" });
    expect(
      describeDevice(
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0",
      ),
    ).toEqual({ browser: "Edge", system: "Windows" });
  });
});
