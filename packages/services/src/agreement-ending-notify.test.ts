// Ending an agreement tells the family, like any other change to it (issue 7 follow-up):
// each party, and the helper who reads it with them, gets one email in their own language,
// with a link and no details; discreet mode is respected; nobody else on the case hears.
import { demoIds, notification, user } from "@homeward/db";
import { databaseUnderTest } from "@homeward/db/testing";
import type { Mailer, MailMessage } from "@homeward/mail";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { agreementForBuilder } from "./agreement-builder.ts";
import { endAgreement } from "./agreement-ending.ts";
import { AccessDenied, StaleWrite } from "./context.ts";
import { type SeededDatabase, seededDatabase } from "./testing.ts";

const agreementId = demoIds.agreement;
const now = { now: new Date("2026-11-26T12:00:00Z") };
const reason = "Yasmin is home and the reunification plan now holds the support.";

describe(`ending an agreement tells its parties, on ${databaseUnderTest}`, () => {
  let seeded: SeededDatabase;
  // Every message as the services hand it over, sender name included (the outbox drops it).
  const sent: MailMessage[] = [];
  const mailer: Mailer = {
    send: async (message) => {
      sent.push(message);
    },
    outbox: async () => [],
  };
  const notify = { mailer, portalOrigin: "https://portal.example" };
  const sarah = () => seeded.as("socialWorker", now);

  beforeAll(async () => {
    seeded = await seededDatabase();
    // The interpreter, who reads the agreement with Amira, has asked for discreet emails.
    await seeded.handle.db
      .update(user)
      .set({ discreetNotifications: true })
      .where(eq(user.id, seeded.users.interpreter));
  });
  afterAll(() => seeded.handle.dispose());

  it("sends nothing when the end is refused or the page is stale", async () => {
    const { version } = await agreementForBuilder(sarah(), agreementId);
    const input = { endedOn: "2026-11-25", reason, version };
    await expect(
      endAgreement(sarah(), agreementId, { ...input, reason: " " }, notify),
    ).rejects.toThrow();
    await expect(
      endAgreement(sarah(), agreementId, { ...input, version: version - 1 }, notify),
    ).rejects.toBeInstanceOf(StaleWrite);
    expect(sent).toEqual([]);
  });

  it("emails the party and her helper once each, in their language, with no details", async () => {
    const { version } = await agreementForBuilder(sarah(), agreementId);
    const result = await endAgreement(
      sarah(),
      agreementId,
      { endedOn: "2026-11-25", reason, version },
      notify,
    );
    expect(result).toEqual({ version: version + 1, notified: 2 });
    expect(sent.map((m) => m.to).sort()).toEqual([
      "amira@homeward.example",
      "interpreter@homeward.example",
    ]);

    // Amira reads Arabic: the email is in Arabic and takes her to her agreement.
    const amira = sent.find((m) => m.to === "amira@homeward.example");
    expect(amira?.subject).toBe("انتهى اتفاقك في Homeward");
    expect(amira?.text).toContain("أنهى الأخصائي الاجتماعي اتفاقك");
    expect(amira?.text).toContain("https://portal.example/agreement");
    expect(amira?.fromName).toBeUndefined();

    // Discreet: a neutral subject and sender, and a link to the front page only.
    const interpreter = sent.find((m) => m.to === "interpreter@homeward.example");
    expect(interpreter).toMatchObject({
      subject: "Your account",
      fromName: "Account notifications",
    });
    expect(interpreter?.text).toMatch(/https:\/\/portal\.example\/$/);
    expect(interpreter?.text).not.toContain("/agreement");

    for (const mail of sent) {
      const whole = `${mail.subject}\n${mail.text}`;
      for (const secret of [
        "Yasmin",
        "Amira",
        "Haddad",
        "HW-1002",
        reason,
        "2026-11-25",
        agreementId,
      ]) {
        expect(whole).not.toContain(secret);
      }
    }
  });

  it("tells nobody else: not the young person on the case, nor other families", async () => {
    const told = await seeded.handle.db
      .select({ userId: notification.userId })
      .from(notification)
      .where(eq(notification.kind, "agreement_ended"));
    expect(told.map((n) => n.userId).sort()).toEqual(
      [seeded.users.arabicParent, seeded.users.interpreter].sort(),
    );
    for (const other of ["young-person@homeward.example", "parent@homeward.example"]) {
      expect(sent.some((m) => m.to === other)).toBe(false);
    }
  });

  it("an agreement ends once: trying again sends nothing more", async () => {
    const { version } = await agreementForBuilder(sarah(), agreementId);
    await expect(
      endAgreement(sarah(), agreementId, { endedOn: "2026-11-25", reason, version }, notify),
    ).rejects.toBeInstanceOf(AccessDenied);
    expect(sent).toHaveLength(2);
    const rows = await seeded.handle.db
      .select()
      .from(notification)
      .where(
        and(
          eq(notification.userId, seeded.users.arabicParent),
          eq(notification.kind, "agreement_ended"),
        ),
      );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.sentAt).not.toBeNull();
  });
});
