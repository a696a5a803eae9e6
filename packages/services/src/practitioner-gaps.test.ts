// Issue 7, practitioner app II gaps, on the seeded demo: several returns home kept one by one,
// the return home checked against the framework's rules for the move, co-workers recording
// monitoring visits, and an agreement ended or a review date removed, never destroyed.
import {
  agreementEnding,
  agreementReviewDateRemoval,
  agreementVersionSnapshot,
  auditEvent,
  childCase,
  demoIds,
  monitoringVisit,
  returnHomeEpisode,
} from "@homeward/db";
import { databaseUnderTest } from "@homeward/db/testing";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addReviewDate, agreementForBuilder } from "./agreement-builder.ts";
import { AgreementChangeRefused, endAgreement, removeReviewDate } from "./agreement-ending.ts";
import { agreementsForMe } from "./agreements.ts";
import { AccessDenied, StaleWrite } from "./context.ts";
import { recordDecision, signOffDecision } from "./decisions.ts";
import {
  activatePlan,
  addPlanService,
  createPlan,
  planEditSchema,
  planFor,
  plansFor,
  ReturnHomeRefused,
  recordReturnHome,
  recordReturnToCare,
  recordVisit,
  updatePlan,
} from "./plans.ts";
import { type SeededDatabase, seededDatabase } from "./testing.ts";

const { cases, plans } = demoIds;
const at = (iso: string) => ({ now: new Date(iso) });

describe(`returns home, one record each, on ${databaseUnderTest}`, () => {
  let seeded: SeededDatabase;
  beforeAll(async () => {
    seeded = await seededDatabase();
  });
  afterAll(() => seeded.handle.dispose());

  const sarahOn = (iso: string) => seeded.as("socialWorker", at(iso));
  const caseVersion = async () => {
    const [row] = await seeded.handle.db
      .select({ version: childCase.version })
      .from(childCase)
      .where(eq(childCase.id, cases.yasmin));
    return row?.version ?? 0;
  };

  async function decision3(on: string) {
    const { decisionId } = await recordDecision(sarahOn(on), cases.yasmin, {
      point: "decision_3",
      outcome: "Go ahead with the return home",
      reasons: "Classification 2 agreed medium; the staged visits went well.",
      familyExplanation: "Yasmin can come home.",
    });
    await signOffDecision(seeded.as("teamManager", at(on)), decisionId, 1);
  }

  it("a return recorded before the history was kept is shown from the case (Tyler)", async () => {
    const page = await plansFor(seeded.as("socialWorker"), cases.tyler);
    expect(page.returnHistory).toEqual([
      {
        id: null,
        number: 1,
        returnedOn: "2023-09-04",
        reEnteredCareOn: "2024-03-18",
        riskLevel: null,
        recordedByName: null,
        current: false,
      },
    ]);
  });

  it("Tyler cannot go home: the refusal names everything missing, and is audited", async () => {
    const sarah = seeded.as("socialWorker", at("2026-11-26T12:00:00Z"));
    const [tyler] = await seeded.handle.db
      .select({ version: childCase.version })
      .from(childCase)
      .where(eq(childCase.id, cases.tyler));
    const refused = await recordReturnHome(sarah, cases.tyler, {
      returnedOn: "2026-11-26",
      version: tyler?.version ?? 1,
    }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ReturnHomeRefused);
    const problems = (refused as ReturnHomeRefused).problems;
    expect(problems).toContainEqual({ kind: "rule", code: "DECISION_3_NOT_RECORDED" });
    expect(problems).toContainEqual({ kind: "blocker", blocker: "RISK_TOO_HIGH_FOR_RETURN" });
    const [audit] = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.caseId, cases.tyler), eq(auditEvent.action, "return_home")));
    expect(audit?.outcome).toBe("denied");
    expect((audit?.detail as { problems?: unknown[] } | undefined)?.problems).toEqual(problems);
    // The page lists the same problems before anyone presses the button.
    expect((await plansFor(sarah, cases.tyler)).returnProblems).toEqual(problems);
  });

  it("a return dated before Decision 3 allowed it is refused by the rules, not the clock", async () => {
    await decision3("2026-11-20T10:00:00Z");
    const plan = await planFor(sarahOn("2026-11-20T11:00:00Z"), plans.yasminReunification);
    await activatePlan(
      sarahOn("2026-11-20T11:00:00Z"),
      plans.yasminReunification,
      plan.plan.version,
    );
    const refused = await recordReturnHome(sarahOn("2026-11-26T12:00:00Z"), cases.yasmin, {
      returnedOn: "2026-11-19",
      version: await caseVersion(),
    }).catch((error: unknown) => error);
    expect((refused as ReturnHomeRefused).code).toBe("RETURN_BEFORE_DECISION_3");
  });

  it("Yasmin goes home, comes back into care, and goes home again: two records", async () => {
    const first = sarahOn("2026-11-26T12:00:00Z");
    await recordReturnHome(first, cases.yasmin, {
      returnedOn: "2026-11-26",
      version: await caseVersion(),
    });
    const december = sarahOn("2026-12-20T10:00:00Z");
    await recordReturnToCare(december, cases.yasmin, {
      on: "2026-12-19",
      version: await caseVersion(),
    });
    // Back in care: the earlier Decision 3 was about the return that broke down.
    const back = await plansFor(december, cases.yasmin);
    expect(back.returnProblems).toContainEqual({ kind: "rule", code: "DECISION_3_NOT_RECORDED" });
    expect(back.returnHistory.map((r) => [r.returnedOn, r.reEnteredCareOn, r.current])).toEqual([
      ["2026-11-26", "2026-12-19", false],
    ]);

    await decision3("2027-01-11T10:00:00Z");
    const january = sarahOn("2027-01-12T10:00:00Z");
    const before = await plansFor(january, cases.yasmin);
    // The reunification plan ended with the return to care: the rules name it.
    expect(before.returnProblems).toContainEqual({
      kind: "rule",
      code: "NO_ACTIVE_REUNIFICATION_PLAN",
    });
    const { planId } = await createPlan(january, cases.yasmin, { kind: "reunification" });
    const draft = await planFor(january, planId);
    const saved = await updatePlan(
      january,
      planId,
      planEditSchema.parse({
        version: String(draft.plan.version),
        timescale: "Home by mid-January, monitored for ten months",
        summary: "Yasmin goes home again with more support after school.",
        "roles.0.who": "Sarah Okafor",
        "roles.0.role": "Social worker: visits",
        "reviewPoints.0.date": "2027-03-01",
        "reviewPoints.0.what": "Review after six weeks at home",
      }),
    );
    await addPlanService(january, planId, {
      version: saved.version,
      service: "After-school club",
      provider: "Eastfield Youth",
      status: "planned",
      startDate: "",
    });
    await activatePlan(january, planId, saved.version + 1);
    await recordReturnHome(january, cases.yasmin, {
      returnedOn: "2027-01-12",
      version: await caseVersion(),
    });

    const page = await plansFor(sarahOn("2027-01-13T10:00:00Z"), cases.yasmin);
    expect(
      page.returnHistory.map((r) => [r.number, r.returnedOn, r.reEnteredCareOn, r.current]),
    ).toEqual([
      [1, "2026-11-26", "2026-12-19", false],
      [2, "2027-01-12", null, true],
    ]);
    expect(page.returnHistory.every((r) => r.recordedByName === "Sarah Okafor")).toBe(true);
    // The case's own columns hold the latest return, for the code that reads them.
    expect(page).toMatchObject({ returnedHomeOn: "2027-01-12", reEnteredCareOn: null });
    // Monitoring follows the current return: its visits and its re-classification dates.
    expect(page.visits[0]?.scheduledFor).toBe("2027-01-19");
    expect(page.visits.every((v) => v.scheduledFor > "2027-01-12")).toBe(true);
    expect(page.reclassifications[0]?.date).toBe("2027-04-12");
    const episodes = await seeded.handle.db
      .select()
      .from(returnHomeEpisode)
      .where(eq(returnHomeEpisode.caseId, cases.yasmin))
      .orderBy(asc(returnHomeEpisode.returnedOn));
    expect(episodes.map((e) => [e.riskLevel, e.endedBy !== null])).toEqual([
      ["medium", true],
      ["medium", false],
    ]);
  });

  it("the co-worker on the case records a visit; a family member may not", async () => {
    const [visit] = (await plansFor(sarahOn("2027-01-20T10:00:00Z"), cases.yasmin)).visits;
    if (!visit) throw new Error("no visit");
    const input = {
      visitId: visit.id,
      version: visit.version,
      happenedOn: "2027-01-19",
      notes: "Tom visited after school; Yasmin showed him her timetable.",
    };
    await expect(
      recordVisit(seeded.as("arabicParent", at("2027-01-20T10:00:00Z")), input),
    ).rejects.toBeInstanceOf(AccessDenied);
    const coWorker = seeded.as("coWorker", at("2027-01-20T10:00:00Z"));
    const coWorkerPage = await plansFor(coWorker, cases.yasmin);
    expect(coWorkerPage).toMatchObject({ canRecordVisits: true, canRecordReturn: false });
    await recordVisit(coWorker, input);
    const [row] = await seeded.handle.db
      .select()
      .from(monitoringVisit)
      .where(eq(monitoringVisit.id, visit.id));
    expect(row).toMatchObject({ happenedOn: "2027-01-19", recordedBy: seeded.users.coWorker });
    // The social worker's page, opened before, posts the same visit: refused, not written over.
    await expect(
      recordVisit(seeded.as("socialWorker", at("2027-01-20T11:00:00Z")), {
        ...input,
        notes: "Another note",
      }),
    ).rejects.toMatchObject({ code: "VISIT_ALREADY_RECORDED" });
  });
});

describe(`ending an agreement and removing a review date, on ${databaseUnderTest}`, () => {
  let seeded: SeededDatabase;
  beforeAll(async () => {
    seeded = await seededDatabase();
  });
  afterAll(() => seeded.handle.dispose());
  const agreementId = demoIds.agreement;
  const sarah = () => seeded.as("socialWorker", at("2026-11-26T12:00:00Z"));
  const amira = () => seeded.as("arabicParent", at("2026-11-26T12:00:00Z"));
  const builder = () => agreementForBuilder(sarah(), agreementId);
  const refusalOf = async (work: Promise<unknown>) => {
    try {
      await work;
    } catch (error) {
      if (error instanceof AgreementChangeRefused) return error.code;
      throw error;
    }
    return "allowed";
  };

  it("a review date added by mistake is taken off, kept with who and when", async () => {
    const before = await builder();
    const { version } = await addReviewDate(sarah(), agreementId, {
      reviewDate: "2026-12-30",
      version: before.version,
    });
    const added = (await builder()).reviewDates.find((d) => d.date === "2026-12-30");
    if (!added) throw new Error("no review date");
    // Someone saved first: the stale page is refused, nothing is removed.
    await expect(
      removeReviewDate(sarah(), agreementId, {
        reviewDateId: added.id,
        reason: "",
        version: version - 1,
      }),
    ).rejects.toBeInstanceOf(StaleWrite);
    // A family member and the co-worker may not.
    await expect(
      removeReviewDate(amira(), agreementId, { reviewDateId: added.id, reason: "", version }),
    ).rejects.toBeInstanceOf(AccessDenied);
    await expect(
      removeReviewDate(seeded.as("coWorker"), agreementId, {
        reviewDateId: added.id,
        reason: "",
        version,
      }),
    ).rejects.toBeInstanceOf(AccessDenied);
    const removed = await removeReviewDate(sarah(), agreementId, {
      reviewDateId: added.id,
      reason: "Typed the wrong month",
      version,
    });
    expect(removed.version).toBe(version + 1);
    const after = await builder();
    expect(after.reviewDates.map((d) => d.date)).toEqual(["2026-12-03"]);
    expect(after.removedReviewDates).toEqual([
      {
        reviewDateId: added.id,
        date: "2026-12-30",
        reason: "Typed the wrong month",
        removedByName: "Sarah Okafor",
        at: "2026-11-26T12:00:00.000Z",
      },
    ]);
    // Removed again (a second tab): refused by the rule.
    expect(
      await refusalOf(
        removeReviewDate(sarah(), agreementId, {
          reviewDateId: added.id,
          reason: "",
          version: after.version,
        }),
      ),
    ).toBe("REVIEW_ALREADY_REMOVED");
    // The family's agreement is still complete: it keeps one date.
    const [only] = after.reviewDates;
    expect(
      await refusalOf(
        removeReviewDate(sarah(), agreementId, {
          reviewDateId: only?.id ?? "",
          reason: "",
          version: after.version,
        }),
      ),
    ).toBe("LAST_REVIEW_DATE");
    // The row is still there, and the terms at the new version no longer list it.
    const [kept] = await seeded.handle.db
      .select()
      .from(agreementReviewDateRemoval)
      .where(eq(agreementReviewDateRemoval.reviewDateId, added.id));
    expect(kept?.removedBy).toBe(seeded.users.socialWorker);
    const [snapshot] = await seeded.handle.db
      .select()
      .from(agreementVersionSnapshot)
      .where(
        and(
          eq(agreementVersionSnapshot.agreementId, agreementId),
          eq(agreementVersionSnapshot.agreementVersion, removed.version),
        ),
      );
    expect((snapshot?.terms as { reviewDates?: string[] } | undefined)?.reviewDates).toEqual([
      "2026-12-03",
    ]);
  });

  it("an agreement ends with a reason and a date; the family still reads it", async () => {
    const { version } = await builder();
    const input = {
      endedOn: "2026-11-25",
      reason: "Yasmin is home and the reunification plan now holds the support.",
      version,
    };
    expect(await refusalOf(endAgreement(sarah(), agreementId, { ...input, reason: " " }))).toBe(
      "NO_REASON",
    );
    expect(
      await refusalOf(endAgreement(sarah(), agreementId, { ...input, endedOn: "2026-11-27" })),
    ).toBe("END_DATE_IN_FUTURE");
    expect(
      await refusalOf(endAgreement(sarah(), agreementId, { ...input, endedOn: "2026-05-01" })),
    ).toBe("END_BEFORE_SHARED");
    await expect(
      endAgreement(sarah(), agreementId, { ...input, version: version - 1 }),
    ).rejects.toBeInstanceOf(StaleWrite);
    await expect(endAgreement(amira(), agreementId, input)).rejects.toBeInstanceOf(AccessDenied);
    await expect(endAgreement(seeded.as("teamManager"), agreementId, input)).rejects.toBeInstanceOf(
      AccessDenied,
    );

    // No mailer given: nobody is emailed (agreement-ending-notify.test.ts sends them).
    expect(await endAgreement(sarah(), agreementId, input)).toEqual({
      version: version + 1,
      notified: 0,
    });
    const view = await builder();
    expect(view).toMatchObject({ status: "ended", canEdit: false });
    expect(view.ending).toMatchObject({
      endedOn: "2026-11-25",
      reason: input.reason,
      endedByName: "Sarah Okafor",
    });
    // Nothing is deleted: goals, support and earlier versions are all still there.
    expect(view.goals).toHaveLength(3);
    const endings = await seeded.handle.db
      .select()
      .from(agreementEnding)
      .where(eq(agreementEnding.agreementId, agreementId));
    expect(endings).toHaveLength(1);
    const [mine] = await agreementsForMe(amira());
    expect(mine).toMatchObject({
      status: "ended",
      ended: { on: "2026-11-25", reason: input.reason },
      canRespond: false,
    });
    // Ended once: a second end, or a later change, is refused and audited.
    await expect(
      endAgreement(sarah(), agreementId, { ...input, version: version + 1 }),
    ).rejects.toBeInstanceOf(AccessDenied);
    const denied = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.resourceId, agreementId),
          eq(auditEvent.action, "end"),
          eq(auditEvent.outcome, "denied"),
        ),
      );
    expect(denied.length).toBeGreaterThanOrEqual(4);
  });
});
