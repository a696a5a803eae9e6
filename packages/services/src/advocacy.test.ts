import {
  advocateInvitation,
  auditEvent,
  caseMember,
  demoIds,
  familyResponse,
  type MemberPermission,
  user,
} from "@homeward/db";
import { databaseUnderTest } from "@homeward/db/testing";
import type { Mailer } from "@homeward/mail";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  acceptInvitation,
  arrangeAdvocate,
  arrangementSchema,
  caseAdvocacy,
  endOfLondonDay,
  hashToken,
  invitationSchema,
  invitationState,
  inviteAdvocate,
  myAdvocacy,
  peopleISupport,
  withdrawAdvocate,
  withdrawInvitation,
} from "./advocacy.ts";
import { AccessDenied, type ServiceContext, StaleWrite } from "./context.ts";
import { familyCases } from "./family-cases.ts";
import { entriesSharedWithMe, entryForViewer, respondToEntry } from "./record-entries.ts";
import { type SeededDatabase, seededDatabase } from "./testing.ts";

const { cases, members, entries } = demoIds;

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

const refusal = async (work: Promise<unknown>) => {
  try {
    await work;
  } catch (error) {
    if (error instanceof AccessDenied) return error.reason;
    throw error;
  }
  return "allowed";
};

describe(`advocates on ${databaseUnderTest}`, () => {
  let seeded: SeededDatabase;
  const now = new Date("2026-11-26T12:00:00Z");
  let newUserCount = 0;

  /** A family account with no case of its own: the friend Leah asks to help. */
  async function familyAccount(email: string): Promise<ServiceContext> {
    newUserCount += 1;
    const id = `user-friend-${newUserCount}`;
    await seeded.handle.db.insert(user).values({ id, name: "Sam Friend", email, kind: "family" });
    return { db: seeded.handle.db, userId: id, kind: "family", app: "portal", now };
  }

  async function leahInvites(
    email: string,
    permissions: MemberPermission[],
    activeUntil = "2027-03-31",
  ) {
    const { sent, mail } = outboxMailer();
    const { invitationId } = await inviteAdvocate(seeded.as("parent", { now }), mail, {
      caseId: cases.mia,
      email,
      permissions,
      activeUntil,
      language: "en",
    });
    const message = sent.find((m) => m.to === email);
    if (!message) throw new Error("no invitation email");
    return { invitationId, token: tokenIn(message.text), message };
  }

  beforeAll(async () => {
    seeded = await seededDatabase();
  });
  afterAll(() => seeded.handle.dispose());

  it("Leah invites an advocate: an email with no case details, and only the token's hash kept", async () => {
    const { invitationId, token, message } = await leahInvites("sam@homeward.example", [
      "read",
      "respond",
    ]);
    for (const secret of ["Mia", "Leah", "Morgan", "HW-1001", cases.mia]) {
      expect(message.text).not.toContain(secret);
      expect(message.subject).not.toContain(secret);
    }
    const [row] = await seeded.handle.db
      .select()
      .from(advocateInvitation)
      .where(eq(advocateInvitation.id, invitationId));
    expect(row?.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row?.forMemberId).toBe(members.miaLeah);
    expect(row?.expiresAt.toISOString()).toBe("2026-12-03T12:00:00.000Z");
    const mine = await myAdvocacy(seeded.as("parent", { now }));
    const mia = mine.cases.find((c) => c.caseId === cases.mia);
    expect(mia?.invitations.map((i) => i.email)).toContain("sam@homeward.example");
  });

  it("the advocate accepts, reads what is shared with Leah, and replies for her (attributed)", async () => {
    const { token } = await leahInvites("ally@homeward.example", ["read", "respond"]);
    expect(await invitationState(seeded.handle.db, token, now)).toMatchObject({
      ok: true,
      email: "ally@homeward.example",
      hasAccount: false,
    });
    const ally = await familyAccount("ally@homeward.example");
    const { advocateMemberId } = await acceptInvitation(ally, token);
    const [member] = await seeded.handle.db
      .select()
      .from(caseMember)
      .where(eq(caseMember.id, advocateMemberId));
    expect(member).toMatchObject({
      role: "advocate",
      actingForMemberId: members.miaLeah,
      permissions: ["read", "respond"],
      grantedBy: seeded.users.parent,
      consentRecordedBy: seeded.users.parent,
    });
    // The end of 31 March in London: summer time has begun (28 March 2027).
    expect(member?.activeUntil?.toISOString()).toBe("2027-03-31T22:59:59.000Z");

    const shared = (await entriesSharedWithMe(ally)).map((e) => e.entryId).sort();
    expect(shared).toEqual(
      [...entries.miaSharedWithBothParents, entries.miaSharedWithLeahOnly].sort(),
    );
    const entryId = entries.miaSharedWithBothParents[0] as string;
    const view = await entryForViewer(ally, entryId);
    expect(view.canRespond).toBe(true);
    // Daniel's correction on the same entry stays his.
    expect(view.myResponses.every((r) => r.id !== demoIds.responses.danielCorrection)).toBe(true);
    const { id } = await respondToEntry(ally, entryId, {
      kind: "comment",
      anchorText: "",
      body: "Leah asked me to say she was at the appointment.",
      proposedText: "",
      intent: "send",
    });
    const [response] = await seeded.handle.db
      .select()
      .from(familyResponse)
      .where(eq(familyResponse.id, id));
    expect(response).toMatchObject({
      authorMemberId: advocateMemberId,
      onBehalfOfMemberId: members.miaLeah,
    });

    const people = await peopleISupport(ally);
    expect(people.map((p) => [p.personName, p.helperRole, p.home.childFirstName])).toEqual([
      ["Leah Morgan", "advocate", "Mia"],
    ]);

    // Leah withdraws: refused at once, on the very next request.
    const current = (await myAdvocacy(seeded.as("parent", { now }))).cases
      .find((c) => c.caseId === cases.mia)
      ?.advocates.find((a) => a.memberId === advocateMemberId);
    expect(current?.name).toBe("Sam Friend");
    await withdrawAdvocate(seeded.as("parent", { now }), {
      advocateMemberId,
      version: current?.version ?? 0,
    });
    expect(await refusal(entryForViewer(ally, entryId))).toBe("ACCESS_NOT_ACTIVE");
    expect(await familyCases(ally)).toEqual([]);
    expect(await peopleISupport(ally)).toEqual([]);
    const audit = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.action, "advocacy_withdraw"),
          eq(auditEvent.resourceId, advocateMemberId),
        ),
      );
    expect(audit).toHaveLength(1);
  });

  it("a withdrawal from a stale page is a conflict, not a second change", async () => {
    const { token } = await leahInvites("stale@homeward.example", ["read"]);
    const { advocateMemberId } = await acceptInvitation(
      await familyAccount("stale@homeward.example"),
      token,
    );
    await withdrawAdvocate(seeded.as("parent", { now }), { advocateMemberId, version: 1 });
    await expect(
      withdrawAdvocate(seeded.as("parent", { now }), { advocateMemberId, version: 1 }),
    ).rejects.toBeInstanceOf(StaleWrite);
  });

  it("a read-only advocate cannot reply for the person", async () => {
    const { token } = await leahInvites("reader@homeward.example", ["read"]);
    const reader = await familyAccount("reader@homeward.example");
    await acceptInvitation(reader, token);
    const entryId = entries.miaSharedWithBothParents[1] as string;
    expect((await entryForViewer(reader, entryId)).canRespond).toBe(false);
    expect(
      await refusal(
        respondToEntry(reader, entryId, {
          kind: "comment",
          anchorText: "",
          body: "Not allowed",
          proposedText: "",
          intent: "send",
        }),
      ),
    ).toBe("NOT_PERMITTED_BY_PERSON");
  });

  it("access ends on the day Leah chose", async () => {
    const { token } = await leahInvites("short@homeward.example", ["read"], "2026-11-30");
    const short = await familyAccount("short@homeward.example");
    await acceptInvitation(short, token);
    const entryId = entries.miaSharedWithLeahOnly;
    expect((await entryForViewer(short, entryId)).entryId).toBe(entryId);
    const later = { ...short, now: new Date("2026-12-01T00:00:00Z") };
    expect(await refusal(entryForViewer(later, entryId))).toBe("ACCESS_NOT_ACTIVE");
  });

  it("an invitation works once, only before it expires, only for the address it was sent to", async () => {
    const { token } = await leahInvites("once@homeward.example", ["read"]);
    // Daniel, the other parent, cannot take Leah's invitation.
    expect(await refusal(acceptInvitation(seeded.as("secondParent", { now }), token))).toBe(
      "WRONG_ACCOUNT",
    );
    const once = await familyAccount("once@homeward.example");
    await acceptInvitation(once, token);
    expect(await refusal(acceptInvitation(once, token))).toBe("INVITATION_USED");
    expect(await invitationState(seeded.handle.db, token, now)).toEqual({
      ok: false,
      problem: "INVITATION_USED",
    });

    const late = await leahInvites("late@homeward.example", ["read"]);
    const lateUser = await familyAccount("late@homeward.example");
    const eightDays = { ...lateUser, now: new Date("2026-12-04T12:00:00Z") };
    expect(await refusal(acceptInvitation(eightDays, late.token))).toBe("INVITATION_EXPIRED");

    expect(await refusal(acceptInvitation(lateUser, "not-a-real-token"))).toBe(
      "INVITATION_UNKNOWN",
    );

    const cancelled = await leahInvites("cancelled@homeward.example", ["read"]);
    await withdrawInvitation(seeded.as("parent", { now }), {
      invitationId: cancelled.invitationId,
      version: 1,
    });
    expect(
      await refusal(
        acceptInvitation(await familyAccount("cancelled@homeward.example"), cancelled.token),
      ),
    ).toBe("INVITATION_WITHDRAWN");
    const denied = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "advocacy_accept"), eq(auditEvent.outcome, "denied")));
    expect(denied.length).toBeGreaterThanOrEqual(5);
  });

  it("only Leah, or the social worker, may arrange or withdraw Leah's advocate", async () => {
    const { sent, mail } = outboxMailer();
    const input = {
      caseId: cases.mia,
      email: "x@homeward.example",
      permissions: ["read"] as MemberPermission[],
      activeUntil: "2027-01-31",
      language: "en",
    };
    // An advocate of another case, and the other parent's account, are not Leah.
    expect(await refusal(inviteAdvocate(seeded.as("advocate", { now }), mail, input))).toBe(
      "NOT_ON_CASE",
    );
    const { invitationId } = await inviteAdvocate(seeded.as("parent", { now }), mail, input);
    expect(
      await refusal(
        withdrawInvitation(seeded.as("secondParent", { now }), { invitationId, version: 1 }),
      ),
    ).toBe("NOT_ON_CASE");
    const arrangement = {
      ...input,
      forMemberId: members.miaLeah,
      consentGivenOn: "2026-11-25",
      consentMethod: "in_person" as const,
    };
    expect(await refusal(arrangeAdvocate(seeded.as("coWorker", { now }), mail, arrangement))).toBe(
      "ROLE_NOT_ALLOWED",
    );
    expect(await refusal(caseAdvocacy(seeded.as("coWorker", { now }), cases.mia))).toBe(
      "ROLE_NOT_ALLOWED",
    );
    expect(sent).toHaveLength(1);
  });

  it("the social worker arranges an advocate with Kerry's consent recorded, and ends it", async () => {
    const { sent, mail } = outboxMailer();
    const sw = seeded.as("socialWorker", { now });
    await arrangeAdvocate(sw, mail, {
      caseId: cases.tyler,
      forMemberId: members.tylerKerry,
      email: "second-advocate@homeward.example",
      permissions: ["read", "views"],
      activeUntil: "2027-06-30",
      consentGivenOn: "2026-11-20",
      consentMethod: "in_person",
      language: "en",
    });
    const message = sent[0];
    if (!message) throw new Error("no email");
    const helper = await familyAccount("second-advocate@homeward.example");
    const { advocateMemberId } = await acceptInvitation(helper, tokenIn(message.text));
    const [member] = await seeded.handle.db
      .select()
      .from(caseMember)
      .where(eq(caseMember.id, advocateMemberId));
    expect(member?.grantedBy).toBe(seeded.users.socialWorker);
    expect(member?.consentRecordedAt?.toISOString()).toBe("2026-11-20T12:00:00.000Z");
    // End of 30 June in London is 22:59:59 UTC (summer time).
    expect(member?.activeUntil?.toISOString()).toBe("2027-06-30T22:59:59.000Z");

    const view = await caseAdvocacy(sw, cases.tyler);
    const kerry = view.people.find((p) => p.forMemberId === members.tylerKerry);
    expect(kerry?.advocates.map((a) => a.name).sort()).toEqual(["Ruth Ellis", "Sam Friend"]);
    await withdrawAdvocate(sw, { advocateMemberId, version: 1 });
    expect(await refusal(entryForViewer(helper, entries.tylerMinutes))).toBe("ACCESS_NOT_ACTIVE");
  });

  it("Ruth's page lists Kerry and what needs her help", async () => {
    const people = await peopleISupport(seeded.as("advocate", { now }));
    expect(people.map((p) => [p.personName, p.caseId])).toEqual([["Kerry Brooks", cases.tyler]]);
    expect(people[0]?.permissions).toEqual(["read", "respond", "views"]);
  });
});

describe("advocacy forms", () => {
  const today = "2026-11-26";
  it("needs an email, a last day after today and at least seeing the person's things", () => {
    const schema = invitationSchema(today);
    const ok = schema.safeParse({
      caseId: "c",
      email: " Sam@Homeward.Example ",
      permissions: ["read"],
      activeUntil: "2027-01-01",
    });
    expect(ok.success && ok.data.email).toBe("sam@homeward.example");
    const bad = schema.safeParse({
      caseId: "c",
      email: "not an email",
      permissions: ["respond"],
      activeUntil: "2026-11-26",
    });
    const messages = bad.success ? [] : bad.error.issues.map((i) => i.message).sort();
    expect(messages).toEqual([
      "advocacy:errors.email",
      "advocacy:errors.readNeeded",
      "advocacy:errors.untilPast",
    ]);
  });
  it("a practitioner's arrangement needs consent given by today, and how", () => {
    const parsed = arrangementSchema(today).safeParse({
      caseId: "c",
      forMemberId: "m",
      email: "a@homeward.example",
      permissions: ["read"],
      activeUntil: "2027-01-01",
      consentGivenOn: "2026-11-27",
      consentMethod: "by_magic",
    });
    const messages = parsed.success ? [] : parsed.error.issues.map((i) => i.message).sort();
    expect(messages).toEqual(["advocacy:errors.consentFuture", "advocacy:errors.consentMethod"]);
  });
  it("access ends at the end of the London day, winter and summer", () => {
    expect(endOfLondonDay("2027-01-31").toISOString()).toBe("2027-01-31T23:59:59.000Z");
    expect(endOfLondonDay("2027-06-30").toISOString()).toBe("2027-06-30T22:59:59.000Z");
  });
});
