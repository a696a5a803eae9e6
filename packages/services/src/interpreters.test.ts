import { auditEvent, caseMember, demoIds } from "@homeward/db";
import { databaseUnderTest } from "@homeward/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDenied, StaleWrite } from "./context.ts";
import {
  assignInterpreter,
  assignInterpreterSchema,
  caseInterpreters,
  endInterpreterAccess,
  InterpreterRefusal,
  interpretingFor,
  startOfLondonDay,
} from "./interpreters.ts";
import { acknowledgeAgreement, agreementsForMe } from "./agreements.ts";
import { entryForViewer, familyResponseSchema, respondToEntry } from "./record-entries.ts";
import { type SeededDatabase, seededDatabase } from "./testing.ts";

const { cases, members } = demoIds;
const now = new Date("2026-11-26T12:00:00Z");

async function outcome(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof InterpreterRefusal) return error.code;
    if (error instanceof AccessDenied) return error.reason;
    if (error instanceof StaleWrite) return "STALE";
    throw error;
  }
  return "allowed";
}

const input = (over: Record<string, string> = {}) =>
  assignInterpreterSchema.parse({
    email: "kerry@homeward.example",
    forMemberId: members.yasminAmira,
    language: "ar",
    activeFrom: "",
    activeUntil: "2027-01-31",
    consent: "yes",
    ...over,
  });

describe(`interpreters on ${databaseUnderTest}`, () => {
  let seeded: SeededDatabase;
  beforeAll(async () => {
    seeded = await seededDatabase();
  });
  afterAll(() => seeded.handle.dispose());

  const sarah = () => seeded.as("socialWorker", { now });

  it("London days: GMT in winter, BST in summer", () => {
    expect(startOfLondonDay("2027-01-10").toISOString()).toBe("2027-01-10T00:00:00.000Z");
    expect(startOfLondonDay("2027-07-10").toISOString()).toBe("2027-07-09T23:00:00.000Z");
  });

  it("lists Yusuf as Amira's Arabic interpreter, with who recorded her consent", async () => {
    const page = await caseInterpreters(sarah(), cases.yasmin);
    expect(page.canAssign).toBe(true);
    expect(page.current).toEqual([
      expect.objectContaining({
        interpreterName: "Yusuf Karim",
        forName: "Amira Haddad",
        language: "ar",
        status: "active",
        consentRecordedBy: "Sarah Okafor",
      }),
    ]);
    expect(page.people.map((p) => p.name)).toContain("Amira Haddad");
  });

  it("only the allocated social worker assigns or ends; others are refused and audited", async () => {
    for (const account of ["coWorker", "teamManager"] as const) {
      expect(
        await outcome(assignInterpreter(seeded.as(account, { now }), cases.yasmin, input())),
      ).toBe("ROLE_NOT_ALLOWED");
    }
    expect(
      await outcome(assignInterpreter(seeded.as("arabicParent", { now }), cases.yasmin, input())),
    ).toBe("NOT_SIGNED_IN_AS_STAFF");
    expect(await outcome(caseInterpreters(seeded.as("interpreter", { now }), cases.yasmin))).toBe(
      "NOT_SIGNED_IN_AS_STAFF",
    );
    const denials = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.resourceType, "interpreter_assignment"),
          eq(auditEvent.outcome, "denied"),
        ),
      );
    expect(denials.length).toBeGreaterThanOrEqual(2);
  });

  it("refuses what would be wrong: unknown accounts, staff, the person themself, bad periods", async () => {
    const s = sarah();
    const refused = async (over: Record<string, string>) =>
      outcome(assignInterpreter(s, cases.yasmin, input(over)));
    expect(await refused({ email: "nobody@homeward.example" })).toBe("NO_SUCH_ACCOUNT");
    expect(await refused({ email: "co-worker@homeward.example" })).toBe("NOT_A_FAMILY_ACCOUNT");
    expect(await refused({ email: "amira@homeward.example" })).toBe("ALREADY_ON_CASE");
    expect(await refused({ email: "interpreter@homeward.example" })).toBe("ALREADY_ON_CASE");
    expect(await refused({ forMemberId: members.miaLeah })).toBe("NOT_A_PERSON_ON_CASE");
    expect(await refused({ activeUntil: "2026-11-20" })).toBe("ENDS_IN_PAST");
    expect(await refused({ activeFrom: "2026-12-10", activeUntil: "2026-12-01" })).toBe(
      "ENDS_BEFORE_START",
    );
    expect(await refused({ activeFrom: "2026-11-01" })).toBe("STARTS_IN_PAST");
    expect(assignInterpreterSchema.safeParse({ ...input(), consent: "" }).success).toBe(false);
    expect(assignInterpreterSchema.safeParse({ ...input(), activeUntil: "" }).success).toBe(false);
  });

  it("assigns, the interpreter reads as the person, and access ends by itself", async () => {
    const { memberId } = await assignInterpreter(sarah(), cases.yasmin, input());
    const [row] = await seeded.handle.db
      .select()
      .from(caseMember)
      .where(eq(caseMember.id, memberId));
    expect(row).toMatchObject({
      role: "interpreter",
      actingForMemberId: members.yasminAmira,
      language: "ar",
      consentRecordedBy: seeded.users.socialWorker,
    });
    expect(row?.activeUntil?.toISOString()).toBe("2027-02-01T00:00:00.000Z");

    const during = seeded.as("ldParent", { now: new Date("2027-01-31T22:00:00Z") });
    const mine = await interpretingFor(during);
    expect(mine).toEqual([
      expect.objectContaining({ caseId: cases.yasmin, personName: "Amira Haddad", language: "ar" }),
    ]);
    const entry = await entryForViewer(during, demoIds.entries.yasminSharedWithAmira);
    expect(entry.canRespond).toBe(true);

    const after = seeded.as("ldParent", { now: new Date("2027-02-01T00:00:01Z") });
    expect(await interpretingFor(after)).toEqual([]);
    expect(await outcome(entryForViewer(after, demoIds.entries.yasminSharedWithAmira))).toBe(
      "ACCESS_NOT_ACTIVE",
    );
  });

  it("Yusuf writes for Amira: she sees it, named as her interpreter's; he cannot acknowledge", async () => {
    const yusuf = seeded.as("interpreter");
    const sent = await respondToEntry(
      yusuf,
      demoIds.entries.yasminSharedWithAmira,
      familyResponseSchema.parse({
        kind: "comment",
        body: "Amira asks who else reads this.",
        intent: "send",
      }),
    );
    const forAmira = await entryForViewer(
      seeded.as("arabicParent"),
      demoIds.entries.yasminSharedWithAmira,
    );
    expect(forAmira.myResponses.find((r) => r.id === sent.id)?.writtenBy).toEqual({
      helperName: "Yusuf Karim",
      role: "interpreter",
      personName: "Amira Haddad",
    });
    const [agreement] = await agreementsForMe(yusuf);
    if (!agreement) throw new Error("Amira's agreement is missing");
    expect(agreement.canRespond).toBe(false);
    expect(
      await outcome(
        acknowledgeAgreement(yusuf, agreement.agreementId, { version: agreement.version }),
      ),
    ).toBe("INTERPRETERS_CANNOT");
  });

  it("ends an assignment early; a stale end is a conflict", async () => {
    const s = sarah();
    const page = await caseInterpreters(s, cases.yasmin);
    const yusuf = page.current.find((a) => a.interpreterName === "Yusuf Karim");
    if (!yusuf) throw new Error("Yusuf's assignment is missing");
    expect(
      await outcome(
        endInterpreterAccess(seeded.as("coWorker", { now }), cases.yasmin, {
          memberId: yusuf.memberId,
          version: yusuf.version,
        }),
      ),
    ).toBe("ROLE_NOT_ALLOWED");
    await endInterpreterAccess(s, cases.yasmin, {
      memberId: yusuf.memberId,
      version: yusuf.version,
    });
    expect(
      await outcome(
        endInterpreterAccess(s, cases.yasmin, { memberId: yusuf.memberId, version: yusuf.version }),
      ),
    ).toBe("STALE");
    const after = await caseInterpreters(s, cases.yasmin);
    expect(after.past.map((a) => a.interpreterName)).toContain("Yusuf Karim");
    const yusufNow = seeded.as("interpreter", { now: new Date("2026-11-26T12:00:01Z") });
    expect(await interpretingFor(yusufNow)).toEqual([]);
    expect(await outcome(entryForViewer(yusufNow, demoIds.entries.yasminSharedWithAmira))).toBe(
      "ACCESS_NOT_ACTIVE",
    );
  });
});
