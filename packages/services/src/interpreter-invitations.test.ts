import { auditEvent, caseMember, demoIds, interpreterInvitation, user } from "@homeward/db";
import { databaseUnderTest } from "@homeward/db/testing";
import type { Mailer } from "@homeward/mail";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDenied, type ServiceContext, StaleWrite } from "./context.ts";
import {
  acceptInterpreterInvitation,
  caseInterpreterInvitations,
  InterpreterInvitationRefusal,
  interpreterInvitationState,
  inviteInterpreter,
  inviteInterpreterSchema,
  withdrawInterpreterInvitation,
} from "./interpreter-invitations.ts";
import { InterpreterRefusal, interpretingFor, sideBySideAccess } from "./interpreters.ts";
import { hashToken } from "./invitations.ts";
import { type SeededDatabase, seededDatabase } from "./testing.ts";

const { cases, members } = demoIds;
const now = new Date("2026-11-26T12:00:00Z");
const day = 24 * 60 * 60 * 1000;

function outboxMailer() {
  const sent: { to: string; subject: string; text: string }[] = [];
  const mailer: Mailer = {
    async send(message) {
      sent.push(message);
    },
    outbox: async () => [],
  };
  return { sent, mail: { mailer, portalOrigin: "http://portal.test" } };
}

const tokenIn = (text: string) => {
  const token = text.match(/token=([^\s]+)/)?.[1];
  if (!token) throw new Error("no token in the email");
  return decodeURIComponent(token);
};

async function outcome(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof InterpreterInvitationRefusal) return error.code;
    if (error instanceof InterpreterRefusal) return error.code;
    if (error instanceof AccessDenied) return error.reason;
    if (error instanceof StaleWrite) return "STALE";
    throw error;
  }
  return "allowed";
}

const input = (over: Record<string, string> = {}) =>
  inviteInterpreterSchema.parse({
    email: "new.interpreter@homeward.example",
    forMemberId: members.yasminAmira,
    language: "ar",
    mailLanguage: "ar",
    activeFrom: "",
    activeUntil: "2027-01-31",
    consent: "yes",
    ...over,
  });

describe(`inviting a new interpreter on ${databaseUnderTest}`, () => {
  let seeded: SeededDatabase;
  let accounts = 0;
  beforeAll(async () => {
    seeded = await seededDatabase();
  });
  afterAll(() => seeded.handle.dispose());

  const sarah = (at = now) => seeded.as("socialWorker", { now: at });

  /** The account the invited interpreter makes from the link (better-auth, in the app). */
  async function accountFor(email: string, at: Date): Promise<ServiceContext> {
    accounts += 1;
    const id = `user-new-interpreter-${accounts}`;
    await seeded.handle.db.insert(user).values({ id, name: "Nour Saleh", email, kind: "family" });
    return { db: seeded.handle.db, userId: id, kind: "family", app: "portal", now: at };
  }

  it("only the allocated social worker invites: the co-worker, manager and families are refused and audited", async () => {
    const { mail, sent } = outboxMailer();
    for (const [account, reason] of [
      ["coWorker", "ROLE_NOT_ALLOWED"],
      ["teamManager", "ROLE_NOT_ALLOWED"],
      ["arabicParent", "NOT_SIGNED_IN_AS_STAFF"],
      ["interpreter", "NOT_SIGNED_IN_AS_STAFF"],
    ] as const) {
      expect(
        await outcome(inviteInterpreter(seeded.as(account, { now }), mail, cases.yasmin, input())),
      ).toBe(reason);
    }
    expect(sent).toEqual([]);
    const denials = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.resourceType, "interpreter_assignment"),
          eq(auditEvent.outcome, "denied"),
          eq(auditEvent.caseId, cases.yasmin),
        ),
      );
    expect(denials.length).toBeGreaterThanOrEqual(2);
    expect(
      await outcome(caseInterpreterInvitations(seeded.as("arabicParent", { now }), cases.yasmin)),
    ).toBe("NOT_SIGNED_IN_AS_STAFF");
  });

  it("refuses an address with an account, a person not on the case, and a bad period", async () => {
    const { mail, sent } = outboxMailer();
    const refused = (over: Record<string, string>) =>
      outcome(inviteInterpreter(sarah(), mail, cases.yasmin, input(over)));
    expect(await refused({ email: "kerry@homeward.example" })).toBe("HAS_ACCOUNT");
    expect(await refused({ forMemberId: members.miaLeah })).toBe("NOT_A_PERSON_ON_CASE");
    expect(await refused({ activeUntil: "2026-11-20" })).toBe("ENDS_IN_PAST");
    expect(inviteInterpreterSchema.safeParse({ ...input(), consent: "" }).success).toBe(false);
    expect(inviteInterpreterSchema.safeParse({ ...input(), mailLanguage: "xx" }).success).toBe(
      false,
    );
    expect(sent).toEqual([]);
  });

  it("emails only a link, in the interpreter's language; keeps only the token's hash", async () => {
    const { mail, sent } = outboxMailer();
    const { invitationId } = await inviteInterpreter(
      sarah(),
      mail,
      cases.yasmin,
      input({ email: "Mail.Only@Homeward.example" }),
    );
    const [message] = sent;
    if (!message) throw new Error("no email");
    expect(message.to).toBe("mail.only@homeward.example");
    expect(message.subject).toBe("دعوة من Homeward");
    expect(message.text).toContain("http://portal.test/interpret/accept?token=");
    // Nothing about the person, the child or the case.
    for (const secret of ["Amira", "Yasmin", "Haddad", cases.yasmin, "Sarah"]) {
      expect(message.text).not.toContain(secret);
      expect(message.subject).not.toContain(secret);
    }
    const [row] = await seeded.handle.db
      .select()
      .from(interpreterInvitation)
      .where(eq(interpreterInvitation.id, invitationId));
    const token = tokenIn(message.text);
    expect(row?.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row?.activeUntil.toISOString()).toBe("2027-02-01T00:00:00.000Z");
    expect(row?.expiresAt.toISOString()).toBe(new Date(now.getTime() + 7 * day).toISOString());

    // Invited twice while the first link works: refused.
    expect(
      await outcome(
        inviteInterpreter(
          sarah(),
          mail,
          cases.yasmin,
          input({ email: "mail.only@homeward.example" }),
        ),
      ),
    ).toBe("ALREADY_INVITED");
    const pending = await caseInterpreterInvitations(sarah(), cases.yasmin);
    expect(pending).toEqual([
      expect.objectContaining({
        invitationId,
        email: "mail.only@homeward.example",
        forName: "Amira Haddad",
        language: "ar",
        lastDay: "2027-01-31",
        expired: false,
      }),
    ]);
  });

  it("the new interpreter makes an account, accepts, and reads Amira's pages for the period", async () => {
    const { mail, sent } = outboxMailer();
    const email = "nour@homeward.example";
    await inviteInterpreter(sarah(), mail, cases.yasmin, input({ email, mailLanguage: "en" }));
    const token = tokenIn(sent[0]?.text ?? "");
    expect(sent[0]?.subject).toBe("An invitation from Homeward");

    const before = await interpreterInvitationState(seeded.handle.db, token, now);
    expect(before).toEqual(
      expect.objectContaining({ ok: true, email, hasAccount: false, language: "en" }),
    );
    const nour = await accountFor(email, new Date(now.getTime() + day));
    expect(await interpreterInvitationState(seeded.handle.db, token, nour.now)).toEqual(
      expect.objectContaining({ ok: true, hasAccount: true }),
    );
    // Someone else signed in with the link: refused, and audited.
    expect(
      await outcome(acceptInterpreterInvitation(seeded.as("ldParent", { now: nour.now }), token)),
    ).toBe("WRONG_ACCOUNT");
    // Amira herself cannot become her own interpreter.
    expect(
      await outcome(
        acceptInterpreterInvitation(seeded.as("arabicParent", { now: nour.now }), token),
      ),
    ).toBe("WRONG_ACCOUNT");

    const { memberId } = await acceptInterpreterInvitation(nour, token);
    const [row] = await seeded.handle.db
      .select()
      .from(caseMember)
      .where(eq(caseMember.id, memberId));
    expect(row).toMatchObject({
      role: "interpreter",
      actingForMemberId: members.yasminAmira,
      language: "ar",
      consentRecordedBy: seeded.users.socialWorker,
      grantedBy: seeded.users.socialWorker,
    });
    // The period chosen when inviting: accepting a day later does not move its end.
    expect(row?.activeUntil?.toISOString()).toBe("2027-02-01T00:00:00.000Z");
    expect(await interpretingFor(nour)).toEqual([
      expect.objectContaining({ caseId: cases.yasmin, personName: "Amira Haddad", language: "ar" }),
    ]);
    const access = await sideBySideAccess(nour, cases.yasmin, "meetings");
    expect(access.personName).toBe("Amira Haddad");

    // Used once.
    expect(await outcome(acceptInterpreterInvitation(nour, token))).toBe("INVITATION_USED");
    expect(await interpreterInvitationState(seeded.handle.db, token, nour.now)).toEqual({
      ok: false,
      problem: "INVITATION_USED",
    });
    expect(await caseInterpreterInvitations(sarah(nour.now), cases.yasmin)).not.toContainEqual(
      expect.objectContaining({ email }),
    );

    // After the period, the assignment ends by itself.
    const after = { ...nour, now: new Date("2027-02-01T00:00:01Z") };
    expect(await interpretingFor(after)).toEqual([]);
    expect(await outcome(sideBySideAccess(after, cases.yasmin, "meetings"))).toBe(
      "ACCESS_NOT_ACTIVE",
    );
    const accepted = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(
        and(eq(auditEvent.resourceType, "interpreter_invitation"), eq(auditEvent.action, "accept")),
      );
    expect(accepted.map((a) => a.outcome).sort()).toEqual([
      "allowed",
      "denied",
      "denied",
      "denied",
    ]);
  });

  it("an invitation expires after a week, or with the end of its period; a withdrawn one stops", async () => {
    const { mail, sent } = outboxMailer();
    await inviteInterpreter(sarah(), mail, cases.yasmin, input({ email: "late@homeward.example" }));
    const late = tokenIn(sent[0]?.text ?? "");
    const eightDays = await accountFor("late@homeward.example", new Date(now.getTime() + 8 * day));
    expect(await outcome(acceptInterpreterInvitation(eightDays, late))).toBe("INVITATION_EXPIRED");
    const pending = await caseInterpreterInvitations(sarah(eightDays.now), cases.yasmin);
    expect(pending.find((p) => p.email === "late@homeward.example")?.expired).toBe(true);

    // A short period that is over before the week is: the link no longer works either.
    await inviteInterpreter(
      sarah(),
      mail,
      cases.yasmin,
      input({ email: "short@homeward.example", activeUntil: "2026-11-27" }),
    );
    const short = tokenIn(sent[1]?.text ?? "");
    const threeDays = await accountFor("short@homeward.example", new Date(now.getTime() + 3 * day));
    expect(await outcome(acceptInterpreterInvitation(threeDays, short))).toBe("INVITATION_EXPIRED");

    await inviteInterpreter(
      sarah(),
      mail,
      cases.yasmin,
      input({ email: "cancelled@homeward.example" }),
    );
    const cancelled = tokenIn(sent[2]?.text ?? "");
    const waiting = (await caseInterpreterInvitations(sarah(), cases.yasmin)).find(
      (p) => p.email === "cancelled@homeward.example",
    );
    if (!waiting) throw new Error("the invitation is not listed");
    const version = { invitationId: waiting.invitationId, version: waiting.version };
    expect(
      await outcome(
        withdrawInterpreterInvitation(seeded.as("coWorker", { now }), cases.yasmin, version),
      ),
    ).toBe("ROLE_NOT_ALLOWED");
    await withdrawInterpreterInvitation(sarah(), cases.yasmin, version);
    expect(await outcome(withdrawInterpreterInvitation(sarah(), cases.yasmin, version))).toBe(
      "STALE",
    );
    const cancelledAccount = await accountFor("cancelled@homeward.example", now);
    expect(await outcome(acceptInterpreterInvitation(cancelledAccount, cancelled))).toBe(
      "INVITATION_WITHDRAWN",
    );
    expect(await outcome(acceptInterpreterInvitation(cancelledAccount, "not-a-token"))).toBe(
      "INVITATION_UNKNOWN",
    );
    expect(await interpreterInvitationState(seeded.handle.db, "x".repeat(500), now)).toEqual({
      ok: false,
      problem: "INVITATION_UNKNOWN",
    });
  });
});
