import { describe, expect, test } from "vitest";
import type { ReturnHomeFacts } from "./monitoring.ts";
import {
  brokenDownReturns,
  checkReturnHomeMove,
  currentReturn,
  type ReturnHomeMoveInput,
} from "./return-home.ts";
import { assessRisk, type RiskEvidence } from "./risk.ts";
import type { CaseProgress } from "./stages.ts";

const medium: RiskEvidence = {
  riskFactors: "being_addressed",
  protectiveFactors: true,
  capacityToChange: true,
};
const severe: RiskEvidence = {
  riskFactors: "not_addressed",
  protectiveFactors: false,
  capacityToChange: false,
};

// Amira's daughter: classified medium again on 1 September, Decision 3 signed off on
// 1 October, an active reunification plan; the return is recorded on 6 November.
const ready: ReturnHomeMoveInput = {
  progress: {
    step: "reclassification",
    done: ["risk_reclassified", "reunification_plan_agreed"],
    risk: assessRisk([{ date: "2026-09-01", evidence: medium }], "2026-11-06"),
    changeUnlikelyInChildsTimeframe: false,
    returnedHomeOn: null,
    asOf: "2026-11-06",
  },
  facts: {
    closed: false,
    returnedHomeOn: null,
    reEnteredCareOn: null,
    decision3: { decidedOn: "2026-09-30", signedOffOn: "2026-10-01" },
    activeReunificationPlan: true,
    riskLevel: "medium",
  },
  riskOnReturnDate: assessRisk([{ date: "2026-09-01", evidence: medium }], "2026-11-06"),
  returnOn: "2026-11-06",
  today: "2026-11-06",
};

const withProgress = (more: Partial<CaseProgress>) => ({
  ...ready,
  progress: { ...ready.progress, ...more },
});
const withFacts = (more: Partial<ReturnHomeFacts>) => ({
  ...ready,
  facts: { ...ready.facts, ...more },
});

describe("recording a return home follows the framework's rules for the move", () => {
  test("everything in place: the child may be recorded as home", () => {
    expect(checkReturnHomeMove(ready)).toEqual({ ok: true });
  });

  test("a case recorded at an earlier stage is checked for what the return home needs", () => {
    // The stages overlap: the label lags, the work is what counts.
    expect(checkReturnHomeMove(withProgress({ step: "parental_agreements" }))).toEqual({
      ok: true,
    });
  });

  test("names every piece of stage 4's work still missing, not only the first", () => {
    const result = checkReturnHomeMove(withProgress({ done: [] }));
    expect(result).toEqual({
      ok: false,
      problems: [
        { kind: "milestone", milestone: "risk_reclassified" },
        { kind: "milestone", milestone: "reunification_plan_agreed" },
      ],
    });
  });

  test("the return's own rules and the stage's come back together", () => {
    const result = checkReturnHomeMove({
      ...withFacts({ decision3: null, activeReunificationPlan: false }),
      progress: { ...ready.progress, done: ["risk_reclassified"] },
    });
    expect(result).toEqual({
      ok: false,
      problems: [
        { kind: "rule", code: "DECISION_3_NOT_RECORDED" },
        { kind: "milestone", milestone: "reunification_plan_agreed" },
      ],
    });
  });

  test("no agreed classification: said once, by the return's rule", () => {
    const result = checkReturnHomeMove({
      ...withFacts({ riskLevel: null }),
      progress: { ...ready.progress, risk: null },
      riskOnReturnDate: null,
    });
    expect(result).toEqual({
      ok: false,
      problems: [{ kind: "rule", code: "NO_AGREED_CLASSIFICATION" }],
    });
  });

  test("a return dated before the level allowed it is refused (better only slowly)", () => {
    // High until 1 September; medium from then. A return recorded for 20 August is too early.
    const high: RiskEvidence = { ...medium, capacityToChange: false };
    const onTheDay = assessRisk([{ date: "2026-02-01", evidence: high }], "2026-08-20");
    const result = checkReturnHomeMove({
      ...ready,
      riskOnReturnDate: onTheDay,
      returnOn: "2026-08-20",
      facts: { ...ready.facts, decision3: { decidedOn: "2026-08-01", signedOffOn: "2026-08-02" } },
    });
    expect(result).toEqual({
      ok: false,
      problems: [{ kind: "time", code: "RETURN_BEFORE_LEVEL_ALLOWED" }],
    });
    // No classification agreed yet on that day: refused the same way.
    expect(
      checkReturnHomeMove({
        ...ready,
        riskOnReturnDate: null,
        returnOn: "2026-08-20",
        facts: {
          ...ready.facts,
          decision3: { decidedOn: "2026-08-01", signedOffOn: "2026-08-02" },
        },
      }),
    ).toEqual({ ok: false, problems: [{ kind: "time", code: "RETURN_BEFORE_LEVEL_ALLOWED" }] });
  });

  test("from the alternative path, a severe case is refused for its level", () => {
    const severeNow = assessRisk([{ date: "2026-01-19", evidence: severe }], "2026-11-06");
    const result = checkReturnHomeMove({
      ...withFacts({ riskLevel: "severe" }),
      progress: { ...ready.progress, step: "alternative_permanence", risk: severeNow },
    });
    expect(result).toEqual({
      ok: false,
      problems: [{ kind: "rule", code: "RISK_TOO_HIGH_FOR_RETURN" }],
    });
  });

  test("from the alternative path with a level that allows it, only the rules' problems count", () => {
    const result = checkReturnHomeMove(withProgress({ step: "alternative_permanence" }));
    expect(result).toEqual({ ok: true });
  });

  test("a closed case is refused once, as closed", () => {
    const result = checkReturnHomeMove({
      ...withFacts({ closed: true }),
      progress: { ...ready.progress, step: "closed" },
    });
    expect(result).toEqual({ ok: false, problems: [{ kind: "rule", code: "CASE_CLOSED" }] });
  });

  test("a second return after a failed one needs a Decision 3 made since the child came back", () => {
    // Decision 3 of 30 September came before the return that broke down on 10 October.
    const again = withFacts({ returnedHomeOn: "2026-10-02", reEnteredCareOn: "2026-10-10" });
    expect(checkReturnHomeMove(again)).toEqual({
      ok: false,
      problems: [{ kind: "rule", code: "DECISION_3_NOT_RECORDED" }],
    });
    const decided = withFacts({
      returnedHomeOn: "2026-10-02",
      reEnteredCareOn: "2026-10-10",
      decision3: { decidedOn: "2026-10-20", signedOffOn: "2026-10-21" },
    });
    expect(checkReturnHomeMove(decided)).toEqual({ ok: true });
  });
});

describe("several returns home on one case", () => {
  const first = { returnedOn: "2025-01-06", reEnteredCareOn: "2025-05-20" };
  const second = { returnedOn: "2026-02-02", reEnteredCareOn: null };

  test("the current return is the latest one, while the child is home", () => {
    expect(currentReturn([second, first])).toBe(second);
    expect(currentReturn([first])).toBeNull();
    expect(currentReturn([])).toBeNull();
  });

  test("returns that broke down are counted", () => {
    expect(brokenDownReturns([first, second])).toBe(1);
    expect(brokenDownReturns([first, { ...second, reEnteredCareOn: "2026-04-01" }])).toBe(2);
  });
});
