import { auditEvent, childCase, demoIds, monitoringVisit, planVersion } from "@homeward/db";
import { databaseUnderTest } from "@homeward/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDenied, StaleWrite } from "./context.ts";
import { recordDecision, signOffDecision } from "./decisions.ts";
import {
  activatePlan,
  addPlanService,
  autosavePlanText,
  createPlan,
  familyPlans,
  PlanNotReady,
  PlanRuleRefusal,
  planEditSchema,
  planFor,
  plansFor,
  recordReturnHome,
  recordReturnToCare,
  recordVisit,
  StalePlanEdit,
  setServiceStatus,
  updatePlan,
} from "./plans.ts";
import { type SeededDatabase, seededDatabase } from "./testing.ts";

const { cases, plans } = demoIds;
const now = new Date("2026-11-26T12:00:00Z");
const later = (iso: string) => ({ now: new Date(iso) });

async function refusal(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof PlanRuleRefusal) return error.code;
    throw error;
  }
  return "allowed";
}

describe(`plans and the return home on ${databaseUnderTest}`, () => {
  let seeded: SeededDatabase;
  beforeAll(async () => {
    seeded = await seededDatabase();
  });
  afterAll(() => seeded.handle.dispose());

  const sarah = () => seeded.as("socialWorker", { now });
  const priya = () => seeded.as("teamManager", { now });
  const amira = () => seeded.as("arabicParent", { now });

  it("shows Yasmin's draft plan as complete, and why she cannot go home yet", async () => {
    const page = await plansFor(sarah(), cases.yasmin);
    const draft = page.plans.find((p) => p.id === plans.yasminReunification);
    expect(draft).toMatchObject({ kind: "reunification", status: "draft", problems: [] });
    expect(draft?.services.map((s) => [s.provider, s.status])).toEqual([
      ["Demo Borough Council family support", "started"],
    ]);
    expect(page.riskLevel).toBe("medium");
    expect(page.returnBlocked).toBe("DECISION_3_NOT_RECORDED");
    expect(page.visits).toEqual([]);
    expect(page).toMatchObject({ canCreate: true, canActivate: true, canRecordReturn: true });
  });

  it("refuses families and other roles, and audits each refusal", async () => {
    await expect(plansFor(amira(), cases.yasmin)).rejects.toBeInstanceOf(AccessDenied);
    await expect(planFor(amira(), plans.yasminReunification)).rejects.toBeInstanceOf(AccessDenied);
    const coWorker = seeded.as("coWorker", { now });
    const page = await planFor(coWorker, plans.yasminReunification);
    expect(page).toMatchObject({ canEdit: false, canActivate: false });
    await expect(
      activatePlan(coWorker, plans.yasminReunification, page.plan.version),
    ).rejects.toBeInstanceOf(AccessDenied);
    await expect(createPlan(coWorker, cases.yasmin, { kind: "support" })).rejects.toBeInstanceOf(
      AccessDenied,
    );
    await expect(
      recordReturnHome(coWorker, cases.yasmin, { returnedOn: "2026-11-26", version: 1 }),
    ).rejects.toBeInstanceOf(AccessDenied);
    await expect(createPlan(amira(), cases.yasmin, { kind: "contact" })).rejects.toBeInstanceOf(
      AccessDenied,
    );
    // A manager shares plans but does not write them.
    await expect(
      addPlanService(priya(), plans.yasminReunification, {
        version: page.plan.version,
        service: "Parenting course",
        provider: "Eastfield",
        status: "planned",
        startDate: "",
      }),
    ).rejects.toBeInstanceOf(AccessDenied);
    const denials = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.caseId, cases.yasmin), eq(auditEvent.outcome, "denied")));
    expect(denials.filter((d) => d.resourceType === "plan").length).toBeGreaterThanOrEqual(5);
  });

  it("hides a draft from the family", async () => {
    const [yasmin] = (await familyPlans(amira())).filter((c) => c.caseId === cases.yasmin);
    expect(yasmin?.plans).toEqual([]);
    expect(yasmin?.home).toBeNull();
  });

  it("a new plan starts empty and cannot be made active until it says what it must", async () => {
    const { planId } = await createPlan(sarah(), cases.yasmin, { kind: "reunification" });
    const page = await planFor(sarah(), planId);
    expect(page.plan.problems).toEqual([
      "NO_SUMMARY",
      "NO_TIMESCALE",
      "NO_SERVICES",
      "NO_ROLES",
      "NO_REVIEW_POINTS",
    ]);
    await expect(activatePlan(sarah(), planId, page.plan.version)).rejects.toBeInstanceOf(
      PlanNotReady,
    );
    const input = planEditSchema.parse({
      version: String(page.plan.version),
      timescale: "By Easter 2027",
      summary: "Weekends first.",
      familyExplanation: "",
      "roles.0.who": "Sarah Okafor",
      "roles.0.role": "Social worker",
      "roles.1.who": "",
      "roles.1.role": "",
      "reviewPoints.0.date": "2027-02-01",
      "reviewPoints.0.what": "Weekend stays reviewed",
    });
    expect(input.roles).toEqual([{ who: "Sarah Okafor", role: "Social worker" }]);
    const { version } = await updatePlan(sarah(), planId, input);
    await addPlanService(sarah(), planId, {
      version,
      service: "Parenting support",
      provider: "Eastfield Family Centre",
      status: "planned",
      startDate: "",
    });
    expect((await planFor(sarah(), planId)).plan.problems).toEqual([]);
    // Every change is kept as a version of its own.
    const versions = await seeded.handle.db
      .select()
      .from(planVersion)
      .where(eq(planVersion.planId, planId));
    expect(versions.map((v) => v.planVersion).sort()).toEqual([1, 2, 3]);
  });

  it("a half-filled row is an error on that row, not something silently dropped", () => {
    const parsed = planEditSchema.safeParse({
      version: "1",
      "roles.0.who": "Joanne Reid",
      "reviewPoints.0.date": "2027-02-30",
      "reviewPoints.0.what": "Review",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => [i.path[0], i.message])).toEqual([
      ["roles", "plans:errors.role"],
      ["reviewPoints", "plans:errors.reviewPoint"],
    ]);
  });

  it("a stale edit is refused and carries the saved plan", async () => {
    const page = await planFor(sarah(), plans.yasminReunification);
    const edit = planEditSchema.parse({
      version: String(page.plan.version),
      timescale: page.plan.timescale,
      summary: `${page.plan.summary} Mum and Yasmin chose Saturday mornings.`,
      familyExplanation: "",
      "roles.0.who": "Sarah Okafor",
      "roles.0.role": "Social worker",
      "reviewPoints.0.date": "2026-12-03",
      "reviewPoints.0.what": "Review of the agreement",
    });
    await updatePlan(sarah(), plans.yasminReunification, edit);
    const stale = await updatePlan(sarah(), plans.yasminReunification, edit).catch((e) => e);
    expect(stale).toBeInstanceOf(StalePlanEdit);
    expect((stale as StalePlanEdit).saved.summary).toContain("Saturday mornings");
    await expect(
      autosavePlanText(sarah(), {
        planId: plans.yasminReunification,
        field: "summary",
        text: "Something else",
        version: edit.version,
      }),
    ).rejects.toBeInstanceOf(StaleWrite);
  });

  it("Sarah makes the plan active; Amira then sees the help, who gives it and the reviews", async () => {
    const page = await planFor(sarah(), plans.yasminReunification);
    await activatePlan(sarah(), plans.yasminReunification, page.plan.version);
    expect(
      await refusal(activatePlan(sarah(), plans.yasminReunification, page.plan.version + 1)),
    ).toBe("NOT_A_DRAFT");
    const [yasmin] = (await familyPlans(amira())).filter((c) => c.caseId === cases.yasmin);
    expect(yasmin?.plans.map((p) => p.kind)).toEqual(["reunification"]);
    expect(yasmin?.plans[0]?.services).toEqual([
      {
        service: "Family support worker, twice a week",
        provider: "Demo Borough Council family support",
        status: "started",
        startDate: "2026-06-08",
      },
    ]);
    expect(yasmin?.plans[0]?.nextReview).toEqual({
      date: "2026-12-03",
      what: "Review of the agreement",
    });
    // An active plan's text is what the family reads: autosave waits for Save.
    const active = await planFor(sarah(), plans.yasminReunification);
    expect(
      await autosavePlanText(sarah(), {
        planId: plans.yasminReunification,
        field: "summary",
        text: "Half-typed",
        version: active.plan.version,
      }),
    ).toMatchObject({ saved: false });
  });

  it("the return is refused until Decision 3 is recorded and signed off by the manager", async () => {
    const [kase] = await seeded.handle.db
      .select({ version: childCase.version })
      .from(childCase)
      .where(eq(childCase.id, cases.yasmin));
    const version = kase?.version ?? 1;
    const input = { returnedOn: "2026-11-26", version };
    expect(await refusal(recordReturnHome(sarah(), cases.yasmin, input))).toBe(
      "DECISION_3_NOT_RECORDED",
    );
    const { decisionId } = await recordDecision(sarah(), cases.yasmin, {
      point: "decision_3",
      outcome: "Go ahead with the return home",
      reasons: "Risk classification 2 agreed medium; every stay has gone well.",
      familyExplanation: "Yasmin can come home. Amira, you kept every appointment.",
    });
    expect(await refusal(recordReturnHome(sarah(), cases.yasmin, input))).toBe(
      "DECISION_3_NOT_SIGNED_OFF",
    );
    const refusals = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.caseId, cases.yasmin), eq(auditEvent.action, "return_home")));
    expect(refusals.map((r) => [r.outcome, (r.detail as { reason: string }).reason])).toEqual([
      ["denied", "DECISION_3_NOT_RECORDED"],
      ["denied", "DECISION_3_NOT_SIGNED_OFF"],
    ]);
    await signOffDecision(priya(), decisionId, 1);
    expect(
      await refusal(
        recordReturnHome(sarah(), cases.yasmin, { ...input, returnedOn: "2026-11-27" }),
      ),
    ).toBe("RETURN_DATE_IN_FUTURE");
    await expect(
      recordReturnHome(sarah(), cases.yasmin, { ...input, version: version - 1 }),
    ).rejects.toBeInstanceOf(StaleWrite);
    expect(await recordReturnHome(sarah(), cases.yasmin, input)).toEqual({ visits: 20 });
    expect(await refusal(recordReturnHome(sarah(), cases.yasmin, input))).toBe("ALREADY_HOME");
  });

  it("plans visits that step down, and re-classifications every three months", async () => {
    const page = await plansFor(sarah(), cases.yasmin);
    expect(page).toMatchObject({ stage: "return_home", returnedHomeOn: "2026-11-26" });
    expect(page.visits.slice(0, 3).map((v) => [v.scheduledFor, v.frequency, v.state])).toEqual([
      ["2026-12-03", "weekly", "upcoming"],
      ["2026-12-10", "weekly", "upcoming"],
      ["2026-12-17", "weekly", "upcoming"],
    ]);
    expect([...new Set(page.visits.map((v) => v.frequency))]).toEqual([
      "weekly",
      "fortnightly",
      "monthly",
    ]);
    expect(page.reclassifications.map((r) => r.date)).toEqual([
      "2027-02-26",
      "2027-05-26",
      "2027-08-26",
      "2027-10-15",
    ]);
    expect(page.reclassifications.every((r) => r.state === "upcoming")).toBe(true);
  });

  it("a visit is recorded once it has happened, with notes the family does not see", async () => {
    const [first] = (await plansFor(sarah(), cases.yasmin)).visits;
    if (!first) throw new Error("no visit");
    const input = {
      visitId: first.id,
      version: first.version,
      happenedOn: "2026-12-03",
      notes: "Yasmin showed me her new bookshelf; Amira cooked together with her.",
    };
    expect(await refusal(recordVisit(sarah(), input))).toBe("VISIT_IN_FUTURE");
    const december = seeded.as("socialWorker", later("2026-12-04T10:00:00Z"));
    // Co-workers on the case now record visits too (practitioner-gaps.test.ts); a family
    // member never does.
    await expect(
      recordVisit(seeded.as("arabicParent", later("2026-12-04T10:00:00Z")), input),
    ).rejects.toBeInstanceOf(AccessDenied);
    await recordVisit(december, input);
    // Posted twice (a double click, or two tabs): the second is refused by the rule.
    expect(await refusal(recordVisit(december, input))).toBe("VISIT_ALREADY_RECORDED");
    const second = (await plansFor(december, cases.yasmin)).visits[1];
    if (!second) throw new Error("no second visit");
    await expect(
      recordVisit(seeded.as("socialWorker", later("2026-12-11T10:00:00Z")), {
        ...input,
        visitId: second.id,
        version: second.version + 1,
        happenedOn: "2026-12-10",
      }),
    ).rejects.toBeInstanceOf(StaleWrite);
    const page = await plansFor(december, cases.yasmin);
    expect(page.visits[0]).toMatchObject({ state: "happened", notes: input.notes });
    expect(page.visits[1]?.state).toBe("upcoming");
    const [yasmin] = (
      await familyPlans(seeded.as("arabicParent", later("2026-12-04T10:00:00Z")))
    ).filter((c) => c.caseId === cases.yasmin);
    expect(yasmin?.home?.visits[0]).toEqual({
      date: "2026-12-03",
      frequency: "weekly",
      happened: true,
    });
    expect(yasmin?.home?.nextVisit).toBe("2026-12-10");
    expect(JSON.stringify(yasmin)).not.toContain("bookshelf");
  });

  it("services change status, and are stopped rather than deleted", async () => {
    const page = await planFor(sarah(), plans.yasminReunification);
    const [service] = page.plan.services;
    if (!service) throw new Error("no service");
    await setServiceStatus(sarah(), {
      serviceId: service.id,
      version: page.plan.version,
      status: "delivered",
    });
    await expect(
      setServiceStatus(sarah(), {
        serviceId: service.id,
        version: page.plan.version,
        status: "stopped",
      }),
    ).rejects.toBeInstanceOf(StalePlanEdit);
    expect((await planFor(sarah(), plans.yasminReunification)).plan.services[0]?.status).toBe(
      "delivered",
    );
  });

  it("a return to care cancels the visits to come, ends the plan, and is counted", async () => {
    const december = seeded.as("socialWorker", later("2026-12-20T10:00:00Z"));
    const page = await plansFor(december, cases.yasmin);
    expect(
      await refusal(
        recordReturnToCare(december, cases.yasmin, { on: "2026-11-20", version: page.caseVersion }),
      ),
    ).toBe("BEFORE_RETURN");
    await recordReturnToCare(december, cases.yasmin, {
      on: "2026-12-19",
      version: page.caseVersion,
    });
    const visits = await seeded.handle.db
      .select()
      .from(monitoringVisit)
      .where(eq(monitoringVisit.caseId, cases.yasmin));
    expect(visits.filter((v) => v.happenedOn !== null)).toHaveLength(1);
    expect(visits.filter((v) => v.cancelledOn === "2026-12-19")).toHaveLength(19);
    const after = await plansFor(december, cases.yasmin);
    expect(after).toMatchObject({
      stage: "reclassification",
      reEnteredCareOn: "2026-12-19",
      returnBlocked: "DECISION_3_NOT_RECORDED",
      reclassifications: [],
    });
    expect(after.plans.find((p) => p.id === plans.yasminReunification)?.status).toBe("ended");
    const [yasmin] = (
      await familyPlans(seeded.as("arabicParent", later("2026-12-20T10:00:00Z")))
    ).filter((c) => c.caseId === cases.yasmin);
    expect(yasmin).toMatchObject({ plans: [], home: null });
  });

  it("where return is not possible, Kerry reads the explanation and the contact plan", async () => {
    const [tyler] = await familyPlans(seeded.as("ldParent", { now }));
    expect(tyler?.plans.map((p) => p.kind).sort()).toEqual(["alternative_permanence", "contact"]);
    const permanence = tyler?.plans.find((p) => p.kind === "alternative_permanence");
    expect(permanence?.familyExplanation).toContain("This is not because you did not try");
    // Her advocate reads it as Kerry: the audit names the person they act for.
    const [asRuth] = await familyPlans(seeded.as("advocate", { now }));
    expect(asRuth?.plans).toHaveLength(2);
    const staff = await plansFor(sarah(), cases.tyler);
    expect(staff.plans.filter((p) => p.status === "active").map((p) => p.problems)).toEqual([
      [],
      [],
    ]);
    expect(staff.returnBlocked).toBe("DECISION_3_NOT_RECORDED");
  });
});
