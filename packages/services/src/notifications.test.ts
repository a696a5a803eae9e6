import { demoIds, user } from "@homeward/db";
import { databaseUnderTest } from "@homeward/db/testing";
import { createMailer, type Mailer, type MailMessage } from "@homeward/mail";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { notifyUsers, sendDeadlineReminders } from "./notifications.ts";
import { type SeededDatabase, seededDatabase } from "./testing.ts";

describe(`notifications on ${databaseUnderTest}`, () => {
  let seeded: SeededDatabase;
  const deps = () => ({
    db: seeded.handle.db,
    mailer: createMailer(seeded.handle.db, { kind: "outbox" }),
    portalOrigin: "https://portal.example",
  });
  beforeAll(async () => {
    seeded = await seededDatabase();
  });
  afterAll(() => seeded.handle.dispose());

  it("reminds each parent once about entries still waiting near their deadline, with no case details", async () => {
    // Mia's chronology is due back on 4 December 2026.
    const first = await sendDeadlineReminders(deps(), { today: "2026-12-02" });
    expect(first).toBeGreaterThan(0);
    const again = await sendDeadlineReminders(deps(), { today: "2026-12-02" });
    expect(again).toBe(0);
    const outbox = await deps().mailer.outbox(50);
    const toLeah = outbox.filter((m) => m.to === "parent@homeward.example");
    expect(toLeah.length).toBeGreaterThan(0);
    for (const message of outbox) {
      expect(message.text).toContain("https://portal.example/records");
      for (const secret of ["Mia", "Leah", "Daniel", "mental health", "entry-mia"]) {
        expect(`${message.subject}\n${message.text}`).not.toContain(secret);
      }
    }
  });

  it("sends nothing before the reminder window", async () => {
    expect(await sendDeadlineReminders(deps(), { today: "2026-11-21" })).toBe(0);
  });

  it("writes in the person's language, neutrally in discreet mode, and not at all when turned off", async () => {
    const db = seeded.handle.db;
    await db
      .update(user)
      .set({ discreetNotifications: true })
      .where(eq(user.id, seeded.users.ldParent));
    await db
      .update(user)
      .set({ notifyByEmail: false })
      .where(eq(user.id, seeded.users.youngPerson));
    const sent = await notifyUsers(deps(), {
      userIds: [
        seeded.users.arabicParent,
        seeded.users.ldParent,
        seeded.users.youngPerson,
        seeded.users.socialWorker,
      ],
      kind: "meeting_set",
      dedupeKey: `meeting_set:${demoIds.meetings.yasminReview}`,
    });
    expect(sent.sort()).toEqual([seeded.users.arabicParent, seeded.users.ldParent].sort());
    const outbox = await deps().mailer.outbox(10);
    const toAmira = outbox.find((m) => m.to === "amira@homeward.example");
    expect(toAmira?.subject).toBe("تم ترتيب اجتماع");
    const toKerry = outbox.find((m) => m.to === "kerry@homeward.example");
    expect(toKerry?.subject).toBe("Your account");
    expect(toKerry?.text).not.toMatch(/meeting/i);
    // Not even the sign-off, which says the email is about a family.
    expect(toKerry?.text).not.toMatch(/family/i);
  });

  it("sends discreet emails under a neutral sender name", async () => {
    const sent: MailMessage[] = [];
    const spy: Mailer = {
      ...deps().mailer,
      send: async (message) => {
        sent.push(message);
      },
    };
    await notifyUsers(
      { ...deps(), mailer: spy },
      {
        userIds: [seeded.users.ldParent, seeded.users.arabicParent],
        kind: "entry_shared",
        dedupeKey: "entry_shared:sender-name-test",
      },
    );
    expect(sent.find((m) => m.to === "kerry@homeward.example")?.fromName).toBe(
      "Account notifications",
    );
    expect(sent.find((m) => m.to === "amira@homeward.example")?.fromName).toBeUndefined();
  });
});
