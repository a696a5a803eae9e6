import {
  agreementAcknowledgement,
  agreementGoal,
  agreementParty,
  agreementSupport,
  auditEvent,
  caseMember,
  demoIds,
  goalProgress,
  parentalAgreement,
} from "@homeward/db";
import { databaseUnderTest } from "@homeward/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  acknowledgeAgreement,
  acknowledgeAgreementSchema,
  addGoalProgress,
  agreementsForMe,
  flagSupportNotDelivered,
  flagSupportSchema,
  goalProgressSchema,
} from "./agreements.ts";
import { AccessDenied, StaleWrite } from "./context.ts";
import { type SeededDatabase, seededDatabase } from "./testing.ts";

const { agreement: yasminAgreement, goals, supports, members } = demoIds;
const [goal1, goal2, goal3] = goals;

async function auditRows(seeded: SeededDatabase, resourceId: string) {
  return seeded.handle.db.select().from(auditEvent).where(eq(auditEvent.resourceId, resourceId));
}

describe(`my agreement, on the seeded demo, on ${databaseUnderTest}`, () => {
  let seeded: SeededDatabase;
  beforeAll(async () => {
    seeded = await seededDatabase();
  });
  afterAll(() => seeded.handle.dispose());

  it("shows Amira her agreement: every SMART part of each goal, progress, support and her acknowledgement", async () => {
    const [view, ...others] = await agreementsForMe(seeded.as("arabicParent"));
    expect(others).toEqual([]);
    expect(view).toMatchObject({
      agreementId: yasminAgreement,
      caseId: demoIds.cases.yasmin,
      status: "published",
      reviewDate: "2026-12-03",
      version: 1,
      canAddProgress: true,
      canRespond: true,
      helperRole: null,
      personName: null,
      acknowledgement: { current: true, lastVersion: 1 },
    });
    expect(view?.riskFactorsSummary).toMatch(/depression/);
    expect(view?.protectiveFactorsSummary).toMatch(/loving relationship/);
    expect(view?.goals.map((g) => g.goalId)).toEqual([goal1, goal2, goal3]);
    expect(view?.goals[0]).toMatchObject({
      number: 1,
      changeNeeded: "Amira keeps up her treatment for depression.",
      dueDate: "2026-10-31",
      status: "achieved",
      progress: "achieved",
      factorIds: ["parental_mental_health_difficulties"],
    });
    for (const goal of view?.goals ?? []) {
      for (const part of [
        "changeNeeded",
        "measure",
        "evidenceExpected",
        "dueDate",
        "supportOffered",
        "consequence",
      ] as const) {
        expect(goal[part], `${goal.goalId} ${part}`).not.toBe("");
      }
    }
    // Who wrote each note: the social work team or Amira herself.
    const writers = view?.goals.flatMap((g) =>
      g.entries.map((e) => [e.id, e.writer, e.helperRole]),
    );
    expect(writers).toEqual(
      expect.arrayContaining([
        ["progress-yasmin-1", "practitioner", null],
        ["progress-yasmin-3", "me", null],
        ["progress-yasmin-4", "me", null],
      ]),
    );
    expect(view?.support.map((s) => [s.supportId, s.status])).toEqual([
      [supports[0], "delivered"],
      [supports[2], "not_delivered"],
      [supports[1], "started"],
    ]);
    const flagged = view?.support.find((s) => s.supportId === demoIds.flaggedSupport);
    expect(flagged?.flag).toMatchObject({ byUs: true, note: expect.stringMatching(/damp/) });
  });

  it("uses the goal rules: an open goal past its date is overdue", async () => {
    const [view] = await agreementsForMe(
      seeded.as("arabicParent", { now: new Date("2027-01-20T12:00:00Z") }),
    );
    expect(view?.goals.map((g) => g.progress)).toEqual(["achieved", "overdue", "open"]);
  });

  it("gives Leah and Daniel (no agreement on Mia's case) and Yasmin (not a party) nothing", async () => {
    expect(await agreementsForMe(seeded.as("parent"))).toEqual([]);
    expect(await agreementsForMe(seeded.as("secondParent"))).toEqual([]);
    expect(await agreementsForMe(seeded.as("youngPerson"))).toEqual([]);
  });

  it("gives Kerry and her advocate nothing: there is no agreement on Tyler's case", async () => {
    expect(await agreementsForMe(seeded.as("ldParent"))).toEqual([]);
    expect(await agreementsForMe(seeded.as("advocate"))).toEqual([]);
  });

  it("shows Amira's interpreter what Amira sees, from their side, without the forms", async () => {
    const [view] = await agreementsForMe(seeded.as("interpreter"));
    expect(view).toMatchObject({
      agreementId: yasminAgreement,
      helperRole: "interpreter",
      personName: "Amira Haddad",
      canAddProgress: false,
      canRespond: false,
      acknowledgement: { current: true },
    });
    const writers = Object.fromEntries(
      view?.goals.flatMap((g) => g.entries.map((e) => [e.id, e.writer])) ?? [],
    );
    expect(writers["progress-yasmin-3"]).toBe("person");
    expect(writers["progress-yasmin-4"]).toBe("person");
  });

  it("audits every read, and marks the printable copy", async () => {
    await agreementsForMe(seeded.as("arabicParent"), { copy: true });
    const reads = (await auditRows(seeded, yasminAgreement)).filter(
      (r) => r.action === "read" && r.actorUserId === seeded.users.arabicParent,
    );
    expect(reads.length).toBeGreaterThan(0);
    expect(reads.some((r) => JSON.stringify(r.detail) === '{"copy":"printable"}')).toBe(true);
    const interpreterRead = (await auditRows(seeded, yasminAgreement)).find(
      (r) => r.action === "read" && r.actorUserId === seeded.users.interpreter,
    );
    expect(interpreterRead?.onBehalfOfUserId).toBe(seeded.users.arabicParent);
  });

  it("adds Amira's own progress and evidence, with its audit row", async () => {
    const input = goalProgressSchema.parse({
      note: "  I have been to 5 of 6 sessions.  ",
      evidence: "Attendance card",
    });
    const { id } = await addGoalProgress(seeded.as("arabicParent"), goal3 as string, input);
    const [row] = await seeded.handle.db.select().from(goalProgress).where(eq(goalProgress.id, id));
    expect(row).toMatchObject({
      note: "I have been to 5 of 6 sessions.",
      evidence: "Attendance card",
      authorMemberId: members.yasminAmira,
      onBehalfOfMemberId: null,
    });
    const audit = await auditRows(seeded, id);
    expect(audit).toMatchObject([
      { action: "create", outcome: "allowed", actorUserId: seeded.users.arabicParent },
    ]);
    const [view] = await agreementsForMe(seeded.as("arabicParent"));
    const entry = view?.goals[2]?.entries.find((e) => e.id === id);
    expect(entry).toMatchObject({ writer: "me", evidence: "Attendance card" });
  });

  it("refuses the interpreter adding progress, acknowledging or flagging, and audits each refusal", async () => {
    const interpreter = seeded.as("interpreter");
    await expect(
      addGoalProgress(interpreter, goal2 as string, goalProgressSchema.parse({ note: "x" })),
    ).rejects.toMatchObject({ reason: "INTERPRETERS_CANNOT" });
    await expect(
      acknowledgeAgreement(interpreter, yasminAgreement, { version: 1 }),
    ).rejects.toMatchObject({ reason: "INTERPRETERS_CANNOT" });
    await expect(
      flagSupportNotDelivered(interpreter, supports[1] as string, { note: "", version: 1 }),
    ).rejects.toBeInstanceOf(AccessDenied);
    const denials = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(
        and(eq(auditEvent.actorUserId, seeded.users.interpreter), eq(auditEvent.outcome, "denied")),
      );
    expect(denials.map((d) => [d.action, d.resourceType, d.resourceId]).sort()).toEqual(
      [
        ["create", "goal_progress", goal2],
        ["respond", "agreement", yasminAgreement],
        ["respond", "agreement", yasminAgreement],
      ].sort(),
    );
    expect(denials.every((d) => JSON.stringify(d.detail).includes("INTERPRETERS_CANNOT"))).toBe(
      true,
    );
  });

  it("refuses Yasmin and the other family's parents every write, and audits each refusal", async () => {
    for (const account of ["youngPerson", "parent", "secondParent", "advocate"] as const) {
      const ctx = seeded.as(account);
      await expect(
        addGoalProgress(ctx, goal1 as string, goalProgressSchema.parse({ note: "mine" })),
      ).rejects.toBeInstanceOf(AccessDenied);
      await expect(
        acknowledgeAgreement(ctx, yasminAgreement, { version: 1 }),
      ).rejects.toBeInstanceOf(AccessDenied);
      await expect(
        flagSupportNotDelivered(ctx, supports[1] as string, { note: "", version: 1 }),
      ).rejects.toBeInstanceOf(AccessDenied);
      const denials = await seeded.handle.db
        .select()
        .from(auditEvent)
        .where(
          and(eq(auditEvent.actorUserId, seeded.users[account]), eq(auditEvent.outcome, "denied")),
        );
      expect(denials, account).toHaveLength(3);
      expect(denials.every((d) => d.caseId === demoIds.cases.yasmin)).toBe(true);
    }
    const [goal] = await seeded.handle.db
      .select()
      .from(goalProgress)
      .where(eq(goalProgress.note, "mine"));
    expect(goal).toBeUndefined();
  });

  it("flags support that has not happened, keeping the authority's own status", async () => {
    const supportId = supports[1] as string;
    const result = await flagSupportNotDelivered(
      seeded.as("arabicParent"),
      supportId,
      flagSupportSchema.parse({ note: "No session since October.", version: "1" }),
    );
    expect(result.version).toBe(2);
    const [row] = await seeded.handle.db
      .select()
      .from(agreementSupport)
      .where(eq(agreementSupport.id, supportId));
    expect(row).toMatchObject({
      status: "started",
      familyFlaggedBy: members.yasminAmira,
      familyFlagNote: "No session since October.",
      version: 2,
    });
    expect((await auditRows(seeded, supportId)).map((a) => [a.action, a.outcome])).toEqual([
      ["flag_not_delivered", "allowed"],
    ]);
    // The same page, submitted again from an old tab, is refused and recorded as failed.
    await expect(
      flagSupportNotDelivered(seeded.as("arabicParent"), supportId, { note: "again", version: 1 }),
    ).rejects.toBeInstanceOf(StaleWrite);
    expect((await auditRows(seeded, supportId)).map((a) => a.outcome)).toEqual([
      "allowed",
      "failed",
    ]);
  });

  it("acknowledges a changed agreement, and refuses a confirmation of a version not read", async () => {
    const db = seeded.handle.db;
    await db
      .update(parentalAgreement)
      .set({ version: 2 })
      .where(eq(parentalAgreement.id, yasminAgreement));
    const [before] = await agreementsForMe(seeded.as("arabicParent"));
    expect(before?.acknowledgement).toMatchObject({ current: false, lastVersion: 1 });

    // The page was read at version 1; the agreement is now at version 2.
    await expect(
      acknowledgeAgreement(
        seeded.as("arabicParent"),
        yasminAgreement,
        acknowledgeAgreementSchema.parse({ version: "1" }),
      ),
    ).rejects.toBeInstanceOf(StaleWrite);
    const failed = (await auditRows(seeded, yasminAgreement)).filter((a) => a.outcome === "failed");
    expect(failed).toMatchObject([{ action: "acknowledge", detail: { currentVersion: 2 } }]);

    await acknowledgeAgreement(seeded.as("arabicParent"), yasminAgreement, { version: 2 });
    await acknowledgeAgreement(seeded.as("arabicParent"), yasminAgreement, { version: 2 });
    const acks = await db
      .select()
      .from(agreementAcknowledgement)
      .where(eq(agreementAcknowledgement.agreementId, yasminAgreement));
    expect(acks.map((a) => [a.memberId, a.agreementVersion]).sort()).toEqual([
      [members.yasminAmira, 1],
      [members.yasminAmira, 2],
    ]);
    const [after] = await agreementsForMe(seeded.as("arabicParent"));
    expect(after?.acknowledgement).toMatchObject({ current: true, lastVersion: 2 });
    const allowed = (await auditRows(seeded, yasminAgreement)).filter(
      (a) => a.action === "acknowledge" && a.outcome === "allowed",
    );
    expect(allowed).toHaveLength(2);
  });

  it("refuses changes to an ended agreement, which stays readable as the family's copy", async () => {
    const db = seeded.handle.db;
    await db
      .update(parentalAgreement)
      .set({ status: "ended" })
      .where(eq(parentalAgreement.id, yasminAgreement));
    const [view] = await agreementsForMe(seeded.as("arabicParent"));
    expect(view).toMatchObject({ status: "ended", canAddProgress: false, canRespond: false });
    await expect(
      addGoalProgress(seeded.as("arabicParent"), goal2 as string, { note: "late", evidence: "" }),
    ).rejects.toMatchObject({ reason: "AGREEMENT_NOT_IN_USE" });
    await db
      .update(parentalAgreement)
      .set({ status: "published" })
      .where(eq(parentalAgreement.id, yasminAgreement));
  });

  it("validates with translatable messages", () => {
    const empty = goalProgressSchema.safeParse({ note: "   ", evidence: "" });
    expect(empty.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["note", "agreement:errors.note"],
    ]);
    const long = goalProgressSchema.safeParse({ note: "a".repeat(5001) });
    expect(long.error?.issues[0]?.message).toBe("agreement:errors.tooLong");
    expect(acknowledgeAgreementSchema.safeParse({ version: "x" }).error?.issues[0]?.message).toBe(
      "agreement:errors.version",
    );
    expect(flagSupportSchema.parse({ version: "3" })).toEqual({ note: "", version: 3 });
  });
});

describe(`agreements with an advocate, and with two separated parents, on ${databaseUnderTest}`, () => {
  let seeded: SeededDatabase;
  beforeAll(async () => {
    seeded = await seededDatabase();
    const db = seeded.handle.db;
    // Kerry's agreement (she has an advocate), and one with Leah only on Mia's case.
    await db.insert(parentalAgreement).values([
      {
        id: "agreement-tyler-test",
        caseId: demoIds.cases.tyler,
        title: "Agreement with Kerry",
        status: "published",
        riskFactorsSummary: "Wayne visits.",
        protectiveFactorsSummary: "Kerry's warmth.",
        publishedAt: new Date("2026-06-01T10:00:00Z"),
      },
      {
        id: "agreement-mia-leah-test",
        caseId: demoIds.cases.mia,
        title: "Agreement with Leah",
        status: "published",
        riskFactorsSummary: "Arguments at home.",
        protectiveFactorsSummary: "Leah's love for Mia.",
        publishedAt: new Date("2026-06-01T10:00:00Z"),
      },
      {
        id: "agreement-mia-draft-test",
        caseId: demoIds.cases.mia,
        title: "Draft agreement with both parents",
        status: "draft",
        riskFactorsSummary: "-",
        protectiveFactorsSummary: "-",
      },
    ]);
    await db.insert(agreementParty).values([
      { agreementId: "agreement-tyler-test", memberId: members.tylerKerry },
      { agreementId: "agreement-mia-leah-test", memberId: members.miaLeah },
      { agreementId: "agreement-mia-draft-test", memberId: members.miaLeah },
      { agreementId: "agreement-mia-draft-test", memberId: members.miaDaniel },
    ]);
    await db.insert(agreementGoal).values({
      id: "goal-tyler-test",
      agreementId: "agreement-tyler-test",
      changeNeeded: "Wayne does not come to the house.",
      measure: "No visits seen.",
      evidenceExpected: "Visit notes.",
      dueDate: "2027-03-01",
      supportOffered: "Help from Pat.",
      consequence: "Contact stays supervised.",
      sortOrder: 1,
    });
    await db.insert(agreementSupport).values({
      id: "support-tyler-test",
      agreementId: "agreement-tyler-test",
      service: "Parenting course",
      provider: "Eastfield",
      status: "planned",
    });
  });
  afterAll(() => seeded.handle.dispose());

  it("shows Leah her own agreement, never to Daniel, and no draft to either", async () => {
    expect((await agreementsForMe(seeded.as("parent"))).map((a) => a.agreementId)).toEqual([
      "agreement-mia-leah-test",
    ]);
    expect(await agreementsForMe(seeded.as("secondParent"))).toEqual([]);
    await expect(
      acknowledgeAgreement(seeded.as("secondParent"), "agreement-mia-leah-test", { version: 1 }),
    ).rejects.toMatchObject({ reason: "NOT_SHARED_WITH_YOU" });
    await expect(
      acknowledgeAgreement(seeded.as("parent"), "agreement-mia-draft-test", { version: 1 }),
    ).rejects.toMatchObject({ reason: "NOT_SHARED_WITH_YOU" });
    const denials = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.outcome, "denied"), eq(auditEvent.caseId, demoIds.cases.mia)));
    expect(denials.map((d) => d.resourceId).sort()).toEqual([
      "agreement-mia-draft-test",
      "agreement-mia-leah-test",
    ]);
  });

  it("shows Ruth (advocate) what Kerry sees, and her notes are written on Kerry's behalf", async () => {
    const [forKerry] = await agreementsForMe(seeded.as("ldParent"));
    const [forRuth] = await agreementsForMe(seeded.as("advocate"));
    expect(forRuth).toMatchObject({
      agreementId: "agreement-tyler-test",
      helperRole: "advocate",
      personName: "Kerry Brooks",
      canAddProgress: true,
      canRespond: true,
    });
    expect(forRuth?.goals).toEqual(forKerry?.goals);
    expect(forRuth?.support).toEqual(forKerry?.support);

    const { id } = await addGoalProgress(seeded.as("advocate"), "goal-tyler-test", {
      note: "Kerry has changed the locks.",
      evidence: "",
    });
    const [row] = await seeded.handle.db.select().from(goalProgress).where(eq(goalProgress.id, id));
    expect(row).toMatchObject({
      authorMemberId: members.tylerAdvocate,
      onBehalfOfMemberId: members.tylerKerry,
      evidence: null,
    });
    const [audit] = await auditRows(seeded, id);
    expect(audit?.onBehalfOfUserId).toBe(seeded.users.ldParent);
    const [kerryAgain] = await agreementsForMe(seeded.as("ldParent"));
    expect(kerryAgain?.goals[0]?.entries).toMatchObject([
      { id, writer: "helperForPerson", helperRole: "advocate" },
    ]);

    // Ruth confirms for Kerry: the acknowledgement is Kerry's.
    await acknowledgeAgreement(seeded.as("advocate"), "agreement-tyler-test", { version: 1 });
    const [kerryAck] = await agreementsForMe(seeded.as("ldParent"));
    expect(kerryAck?.acknowledgement.current).toBe(true);

    await flagSupportNotDelivered(seeded.as("advocate"), "support-tyler-test", {
      note: "Not started.",
      version: 1,
    });
    const [kerryFlag] = await agreementsForMe(seeded.as("ldParent"));
    expect(kerryFlag?.support[0]?.flag).toMatchObject({ byUs: true, note: "Not started." });
  });

  it("refuses an advocate the person has not allowed to respond, and audits it", async () => {
    await seeded.handle.db
      .update(caseMember)
      .set({ permissions: ["read"] })
      .where(eq(caseMember.id, members.tylerAdvocate));
    const [view] = await agreementsForMe(seeded.as("advocate"));
    expect(view).toMatchObject({ canAddProgress: false, canRespond: false });
    await expect(
      addGoalProgress(seeded.as("advocate"), "goal-tyler-test", { note: "x", evidence: "" }),
    ).rejects.toMatchObject({ reason: "NOT_PERMITTED_BY_PERSON" });
    const denials = (await auditRows(seeded, "goal-tyler-test")).filter(
      (a) => a.outcome === "denied",
    );
    expect(denials).toHaveLength(1);
  });
});
