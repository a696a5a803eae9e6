import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { addMonths, compareDates } from "./dates.ts";
import { assessRisk, type RiskEvidence, type RiskStatus } from "./risk.ts";
import {
  checkTimeframeFit,
  checkVisitStepDown,
  childsTimeframe,
  childTimeframeBandsSchema,
  courtDeadline,
  earliestReturn,
  type MonitoringPhase,
  monitoringPhasesSchema,
  nextReclassificationDue,
  planMonitoring,
  reclassificationPolicySchema,
  reunificationTimeframe,
  SUGGESTED_CHILD_TIMEFRAMES,
  SUGGESTED_MONITORING_PHASES,
  timeframeFitInputSchema,
  VISIT_FREQUENCIES,
} from "./timeframes.ts";

const severe: RiskEvidence = {
  riskFactors: "not_addressed",
  protectiveFactors: false,
  capacityToChange: false,
};
const highNotAddressing: RiskEvidence = { ...severe, protectiveFactors: true };
const medium: RiskEvidence = {
  riskFactors: "being_addressed",
  protectiveFactors: true,
  capacityToChange: true,
};

const quarterly = { intervalMonths: 3 };

describe("when to re-classify", () => {
  test("a drifting high case is due the day before it would become severe", () => {
    const status = assessRisk(
      [
        { date: "2024-03-10", evidence: highNotAddressing },
        { date: "2024-06-10", evidence: highNotAddressing },
      ],
      "2024-06-10",
    );
    expect(nextReclassificationDue(status, "2024-06-10", quarterly)).toEqual({
      due: "2024-09-09",
      reason: "BEFORE_DRIFT",
    });
  });

  test("an improving case is due on the first day it could step down", () => {
    const status = assessRisk(
      [
        { date: "2024-01-15", evidence: severe },
        { date: "2024-02-15", evidence: medium },
        { date: "2024-07-15", evidence: medium },
      ],
      "2024-07-15",
    );
    expect(nextReclassificationDue(status, "2024-07-15", quarterly)).toEqual({
      due: "2024-08-15",
      reason: "STEP_DOWN_POSSIBLE",
    });
  });

  test("when a case is improving and drifting at once, the drift comes first", () => {
    // Capacity shown, but the risk factors still not addressed: better evidence (medium),
    // yet the drift clock runs because the case is high and nothing is being addressed.
    const status = assessRisk(
      [
        { date: "2024-01-01", evidence: highNotAddressing },
        { date: "2024-02-01", evidence: { ...highNotAddressing, capacityToChange: true } },
      ],
      "2024-02-01",
    );
    expect(status).toMatchObject({ earliestStepDown: "2024-08-01", driftDate: "2024-07-01" });
    expect(nextReclassificationDue(status, "2024-02-01", { intervalMonths: 6 })).toEqual({
      due: "2024-06-30",
      reason: "BEFORE_DRIFT",
    });
  });

  test("otherwise at the authority's set interval", () => {
    const status = assessRisk([{ date: "2024-01-31", evidence: medium }], "2024-02-01");
    expect(nextReclassificationDue(status, "2024-01-31", quarterly)).toEqual({
      due: "2024-04-30",
      reason: "REGULAR_INTERVAL",
    });
    expect(reclassificationPolicySchema.safeParse({ intervalMonths: 0 }).success).toBe(false);
  });
});

describe("how long reunification can take from each level", () => {
  test("low: assessment within three months, closure after six months at low", () => {
    expect(reunificationTimeframe("low", "2024-01-31")).toEqual({
      level: "low",
      assessmentDueBy: "2024-04-30",
      earliestReturn: "2024-01-31",
      earliestLow: "2024-01-31",
      earliestClosure: "2024-07-31",
    });
  });

  test("medium: return can be considered now; low after six months; closure after twelve", () => {
    expect(reunificationTimeframe("medium", "2024-01-15")).toMatchObject({
      assessmentDueBy: null,
      earliestReturn: "2024-01-15",
      earliestLow: "2024-07-15",
      earliestClosure: "2025-01-15",
    });
  });

  test("high: the earliest return is about six months away", () => {
    expect(reunificationTimeframe("high", "2024-01-15")).toMatchObject({
      earliestReturn: "2024-07-15",
      earliestLow: "2025-01-15",
      earliestClosure: "2025-07-15",
    });
  });

  test("severe: the earliest return is about twelve months away", () => {
    expect(reunificationTimeframe("severe", "2024-01-15")).toMatchObject({
      earliestReturn: "2025-01-15",
      earliestClosure: "2026-01-15",
    });
  });

  test("from where a case stands, the earliest return counts from improvement already made", () => {
    const at = (reviews: { date: string; evidence: RiskEvidence }[], asOf: string) =>
      earliestReturn(assessRisk(reviews, asOf), asOf);
    expect(at([{ date: "2024-03-01", evidence: medium }], "2024-03-01")).toBe("2024-03-01");
    expect(at([{ date: "2024-03-01", evidence: highNotAddressing }], "2024-03-01")).toBe(
      "2024-09-01",
    );
    expect(at([{ date: "2024-03-01", evidence: severe }], "2024-03-01")).toBe("2025-03-01");
    const improving = [
      { date: "2024-01-15", evidence: severe },
      { date: "2024-02-15", evidence: medium },
    ];
    expect(at(improving, "2024-03-01")).toBe("2025-02-15");
  });
});

describe("the court's 26 weeks and the child's timeframe", () => {
  test("proceedings issued on a Monday must finish 26 weeks later", () => {
    expect(courtDeadline("2024-01-08")).toBe("2024-07-08");
  });

  test("younger children need change faster", () => {
    const from = "2024-03-01";
    expect(childsTimeframe("2023-12-01", from, SUGGESTED_CHILD_TIMEFRAMES)).toEqual({
      ageInYears: 0,
      months: 6,
      changeNeededBy: "2024-09-01",
    });
    expect(childsTimeframe("2021-02-01", from, SUGGESTED_CHILD_TIMEFRAMES).months).toBe(9);
    expect(childsTimeframe("2016-02-01", from, SUGGESTED_CHILD_TIMEFRAMES).months).toBe(12);
  });

  test("an authority's bands must give younger children no longer than older ones", () => {
    const valid = childTimeframeBandsSchema.safeParse(SUGGESTED_CHILD_TIMEFRAMES);
    expect(valid.success).toBe(true);
    const invalid = [
      [],
      [
        { underAgeYears: 1, months: 12 },
        { underAgeYears: null, months: 6 },
      ],
      [
        { underAgeYears: 5, months: 6 },
        { underAgeYears: 2, months: 9 },
        { underAgeYears: null, months: 12 },
      ],
      [
        { underAgeYears: null, months: 6 },
        { underAgeYears: 2, months: 9 },
      ],
      [{ underAgeYears: 2, months: 6 }],
    ];
    for (const bands of invalid)
      expect(childTimeframeBandsSchema.safeParse(bands).success, JSON.stringify(bands)).toBe(false);
  });

  test("bands without an open band fall back to the last; none at all is a caller bug", () => {
    expect(
      childsTimeframe("2010-01-01", "2024-01-01", [{ underAgeYears: 2, months: 6 }]).months,
    ).toBe(6);
    expect(() => childsTimeframe("2010-01-01", "2024-01-01", [])).toThrow(RangeError);
  });

  test("a baby at high risk in proceedings: the earliest return misses the court's deadline", () => {
    const status = assessRisk([{ date: "2024-03-01", evidence: highNotAddressing }], "2024-03-01");
    const input = {
      status,
      asOf: "2024-03-01",
      dateOfBirth: "2023-12-01",
      timeframeStartedOn: "2024-03-01",
      proceedingsIssuedOn: "2024-02-05",
      bands: SUGGESTED_CHILD_TIMEFRAMES,
    };
    expect(timeframeFitInputSchema.safeParse(input).success).toBe(true);
    expect(checkTimeframeFit(input)).toEqual({
      earliestReturn: "2024-09-01",
      changeNeededBy: "2024-09-01",
      courtDeadline: "2024-08-05",
      conflicts: ["RETURN_AFTER_COURT_DEADLINE"],
    });
  });

  test("a baby at severe risk: return is out of reach of both the child's timeframe and the court", () => {
    const status: RiskStatus = assessRisk([{ date: "2024-03-01", evidence: severe }], "2024-03-01");
    const fit = checkTimeframeFit({
      status,
      asOf: "2024-03-01",
      dateOfBirth: "2023-12-01",
      timeframeStartedOn: "2024-03-01",
      proceedingsIssuedOn: null,
      bands: SUGGESTED_CHILD_TIMEFRAMES,
    });
    expect(fit).toMatchObject({
      courtDeadline: null,
      conflicts: ["RETURN_AFTER_CHILDS_TIMEFRAME"],
    });
  });
});

describe("visits after the child goes home", () => {
  test("the suggested plan steps down weekly, fortnightly, monthly, for about seven months", () => {
    const plan = planMonitoring("2024-03-04", SUGGESTED_MONITORING_PHASES);
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.visits.map((v) => v.date)).toEqual([
      "2024-03-11",
      "2024-03-18",
      "2024-03-25",
      "2024-04-01",
      "2024-04-08",
      "2024-04-15",
      "2024-04-29",
      "2024-05-13",
      "2024-05-27",
      "2024-06-10",
      "2024-07-10",
      "2024-08-10",
      "2024-09-10",
      "2024-10-10",
    ]);
    expect(plan.endsOn).toBe("2024-10-10");
  });

  test("visits never go from weekly to nothing", () => {
    expect(checkVisitStepDown("weekly", "none")).toEqual({
      ok: false,
      code: "STEP_DOWN_TOO_ABRUPT",
    });
    expect(checkVisitStepDown("fortnightly", "none")).toEqual({
      ok: false,
      code: "STEP_DOWN_TOO_ABRUPT",
    });
    expect(checkVisitStepDown("weekly", "monthly")).toEqual({
      ok: false,
      code: "STEP_DOWN_TOO_ABRUPT",
    });
    expect(checkVisitStepDown("monthly", "none")).toEqual({ ok: true });
    expect(checkVisitStepDown("weekly", "fortnightly")).toEqual({ ok: true });
    // Stepping back up, when things get harder, is always allowed.
    expect(checkVisitStepDown("monthly", "weekly")).toEqual({ ok: true });
  });

  test.each<[string, MonitoringPhase[], string]>([
    ["an empty plan", [], "NO_PHASES"],
    [
      "weekly straight to monthly",
      [
        { frequency: "weekly", visits: 8 },
        { frequency: "monthly", visits: 6 },
      ],
      "STEP_DOWN_TOO_ABRUPT",
    ],
    ["weekly visits that just stop", [{ frequency: "weekly", visits: 30 }], "ENDS_TOO_ABRUPTLY"],
    [
      "a tapering plan that ends too soon",
      [
        { frequency: "weekly", visits: 4 },
        { frequency: "fortnightly", visits: 2 },
        { frequency: "monthly", visits: 1 },
      ],
      "SHORTER_THAN_SIX_MONTHS",
    ],
  ])("refused: %s", (_, phases, code) => {
    expect(planMonitoring("2024-03-04", phases)).toEqual({ ok: false, code });
  });

  test("schema: phases need a known frequency and at least one visit", () => {
    expect(monitoringPhasesSchema.safeParse(SUGGESTED_MONITORING_PHASES).success).toBe(true);
    expect(monitoringPhasesSchema.safeParse([{ frequency: "daily", visits: 3 }]).success).toBe(
      false,
    );
    expect(monitoringPhasesSchema.safeParse([{ frequency: "weekly", visits: 0 }]).success).toBe(
      false,
    );
  });

  test("any accepted plan tapers one step at a time, ends monthly and lasts six months", () => {
    const phaseArb = fc.record({
      frequency: fc.constantFrom(...VISIT_FREQUENCIES),
      visits: fc.integer({ min: 1, max: 12 }),
    });
    const rank = (f: string) => VISIT_FREQUENCIES.indexOf(f as never);
    fc.assert(
      fc.property(fc.array(phaseArb, { maxLength: 6 }), (phases) => {
        const plan = planMonitoring("2024-01-31", phases);
        if (!plan.ok) return;
        plan.visits.forEach((visit, i) => {
          const before = plan.visits[i - 1];
          if (before === undefined) return;
          expect(compareDates(visit.date, before.date)).toBeGreaterThan(0);
          expect(rank(visit.frequency) - rank(before.frequency)).toBeLessThanOrEqual(1);
        });
        expect(plan.visits.at(-1)?.frequency).toBe("monthly");
        expect(compareDates(plan.endsOn, addMonths("2024-01-31", 6))).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 300 },
    );
  });
});
