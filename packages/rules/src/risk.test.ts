import fc from "fast-check";
import { describe, expect, expectTypeOf, test } from "vitest";
import type { z } from "zod";
import { addDays, addMonths, compareDates } from "./dates.ts";
import {
  assessRisk,
  classifyRisk,
  compareRiskLevels,
  isReunificationPossible,
  levelBelow,
  RISK_FACTOR_STATES,
  RISK_LEVELS,
  type RiskEvidence,
  RiskHistoryError,
  type RiskLevel,
  type RiskReview,
  type RiskStatus,
  type riskEvidenceSchema,
  type riskReviewSchema,
  type riskStatusSchema,
} from "./risk.ts";

// Evidence as a practitioner would record it, named by the level it classifies at.
const noProtectiveFactors: RiskEvidence = {
  riskFactors: "not_addressed",
  protectiveFactors: false,
  capacityToChange: false,
};
const highNotAddressing: RiskEvidence = {
  riskFactors: "not_addressed",
  protectiveFactors: true,
  capacityToChange: false,
};
const highButAddressing: RiskEvidence = {
  riskFactors: "being_addressed",
  protectiveFactors: true,
  capacityToChange: false,
};
const mediumUsingInterventions: RiskEvidence = {
  riskFactors: "being_addressed",
  protectiveFactors: true,
  capacityToChange: true,
};
const lowAllAddressed: RiskEvidence = {
  riskFactors: "none",
  protectiveFactors: true,
  capacityToChange: true,
};

const review = (date: string, evidence: RiskEvidence): RiskReview => ({ date, evidence });

/** Monthly reviews on the same day of the month, from `first` for `count` months. */
const monthly = (first: string, count: number, evidence: RiskEvidence): RiskReview[] =>
  Array.from({ length: count }, (_, i) => review(addMonths(first, i), evidence));

describe("the public types match their schemas", () => {
  test("schemas infer exactly the issue's types", () => {
    expectTypeOf<z.infer<typeof riskEvidenceSchema>>().toEqualTypeOf<RiskEvidence>();
    expectTypeOf<z.infer<typeof riskReviewSchema>>().toEqualTypeOf<RiskReview>();
    expectTypeOf<z.infer<typeof riskStatusSchema>>().toEqualTypeOf<RiskStatus>();
    expectTypeOf<(typeof RISK_LEVELS)[number]>().toEqualTypeOf<RiskLevel>();
    expectTypeOf<(typeof RISK_FACTOR_STATES)[number]>().toEqualTypeOf<
      RiskEvidence["riskFactors"]
    >();
    expectTypeOf(classifyRisk).toEqualTypeOf<
      (evidence: RiskEvidence) => { level: RiskLevel; reunificationPossible: boolean }
    >();
    expectTypeOf(assessRisk).toEqualTypeOf<(reviews: RiskReview[], asOf: string) => RiskStatus>();
  });
});

describe("the traffic-lights table", () => {
  test.each<[RiskEvidence["riskFactors"], boolean, boolean, RiskLevel]>([
    ["none", false, false, "severe"],
    ["none", false, true, "severe"],
    ["being_addressed", false, true, "severe"],
    ["not_addressed", false, false, "severe"],
    ["none", true, false, "high"],
    ["being_addressed", true, false, "high"],
    ["not_addressed", true, false, "high"],
    ["none", true, true, "low"],
    ["being_addressed", true, true, "medium"],
    ["not_addressed", true, true, "medium"],
  ])(
    "risk factors %s, protective factors %s, capacity %s: %s",
    (riskFactors, protectiveFactors, capacityToChange, level) => {
      const result = classifyRisk({ riskFactors, protectiveFactors, capacityToChange });
      expect(result).toEqual({
        level,
        reunificationPossible: level === "low" || level === "medium",
      });
    },
  );

  test("levels are ordered from least to most likely harm, one step at a time", () => {
    expect(compareRiskLevels("low", "severe")).toBeLessThan(0);
    expect(compareRiskLevels("high", "high")).toBe(0);
    expect(levelBelow("severe")).toBe("high");
    expect(levelBelow("medium")).toBe("low");
    expect(levelBelow("low")).toBeNull();
    expect(RISK_LEVELS.filter(isReunificationPossible)).toEqual(["low", "medium"]);
  });
});

describe("worked examples", () => {
  test("the first review sets the starting level", () => {
    const status = assessRisk([review("2024-03-04", highButAddressing)], "2024-03-04");
    expect(status).toEqual({
      level: "high",
      since: "2024-03-04",
      improvingSince: null,
      earliestStepDown: null,
      driftDate: null,
      mayClose: false,
      reunificationPossible: false,
    });
  });

  test("a severe case reaches medium no sooner than twelve months after things improve", () => {
    // Severe in January; from February the parents show protective factors, capacity to
    // change, and are using interventions. Reviews are monthly.
    const reviews = [
      review("2024-01-15", noProtectiveFactors),
      ...monthly("2024-02-15", 14, mediumUsingInterventions),
    ];

    const inJuly = assessRisk(
      reviews.filter((r) => r.date <= "2024-07-15"),
      "2024-08-14",
    );
    expect(inJuly).toMatchObject({
      level: "severe",
      improvingSince: "2024-02-15",
      earliestStepDown: "2024-08-15",
    });

    // Six months on, one step only: severe to high, and a new six months starts that day.
    const inAugust = assessRisk(
      reviews.filter((r) => r.date <= "2024-08-15"),
      "2024-08-15",
    );
    expect(inAugust).toMatchObject({
      level: "high",
      since: "2024-08-15",
      improvingSince: "2024-08-15",
      earliestStepDown: "2025-02-15",
      reunificationPossible: false,
    });

    const dayBefore = assessRisk(
      reviews.filter((r) => r.date <= "2025-01-15"),
      "2025-02-14",
    );
    expect(dayBefore.level).toBe("high");

    const twelveMonths = assessRisk(
      reviews.filter((r) => r.date <= "2025-02-15"),
      "2025-02-15",
    );
    expect(twelveMonths).toMatchObject({
      level: "medium",
      since: "2025-02-15",
      improvingSince: null,
      earliestStepDown: null,
      reunificationPossible: true,
    });
  });

  test("a step down waits for a review: it never happens by the calendar alone", () => {
    const reviews = [
      review("2024-01-10", noProtectiveFactors),
      review("2024-03-01", mediumUsingInterventions),
      review("2024-06-01", mediumUsingInterventions),
      review("2024-09-05", mediumUsingInterventions),
    ];
    const beforeReview = assessRisk(reviews.slice(0, 3), "2024-09-04");
    expect(beforeReview).toMatchObject({ level: "severe", earliestStepDown: "2024-09-01" });
    const atReview = assessRisk(reviews, "2024-09-05");
    expect(atReview).toMatchObject({ level: "high", since: "2024-09-05" });
  });

  test("a deterioration mid-run moves the case up at once and the six months start again", () => {
    const reviews = [
      review("2024-01-01", highButAddressing),
      review("2024-02-01", mediumUsingInterventions),
      review("2024-04-01", mediumUsingInterventions),
      // A new partner: the non-abusive partner who was the protective factor has gone.
      review("2024-05-01", noProtectiveFactors),
      review("2024-06-01", highButAddressing),
    ];
    const midRun = assessRisk(reviews.slice(0, 3), "2024-04-01");
    expect(midRun).toMatchObject({ level: "high", improvingSince: "2024-02-01" });

    const worse = assessRisk(reviews.slice(0, 4), "2024-05-01");
    expect(worse).toMatchObject({ level: "severe", since: "2024-05-01", improvingSince: null });

    const afterwards = assessRisk(reviews, "2024-06-01");
    expect(afterwards).toMatchObject({
      level: "severe",
      improvingSince: "2024-06-01",
      earliestStepDown: "2024-12-01",
    });
  });

  test("a worse review moves a medium case straight to severe, skipping high", () => {
    const status = assessRisk(
      [review("2024-01-01", mediumUsingInterventions), review("2024-02-01", noProtectiveFactors)],
      "2024-02-01",
    );
    expect(status).toMatchObject({ level: "severe", since: "2024-02-01" });
  });

  test("a review back at the current level breaks the run of improvement", () => {
    const reviews = [
      review("2024-01-01", mediumUsingInterventions),
      review("2024-02-01", lowAllAddressed),
      review("2024-04-01", mediumUsingInterventions),
      review("2024-05-01", lowAllAddressed),
      review("2024-08-01", lowAllAddressed),
    ];
    const status = assessRisk(reviews, "2024-09-01");
    expect(status).toMatchObject({
      level: "medium",
      improvingSince: "2024-05-01",
      earliestStepDown: "2024-11-01",
    });
  });

  test("a high case whose parents do not address the risk factors drifts to severe", () => {
    const reviews = [
      review("2024-03-10", highNotAddressing),
      review("2024-06-10", highNotAddressing),
    ];
    expect(assessRisk(reviews, "2024-09-09")).toMatchObject({
      level: "high",
      since: "2024-03-10",
      driftDate: "2024-09-10",
    });
    // No review falls on the drift date: the case becomes severe all the same.
    expect(assessRisk(reviews, "2024-09-10")).toEqual({
      level: "severe",
      since: "2024-09-10",
      improvingSince: null,
      earliestStepDown: null,
      driftDate: null,
      mayClose: false,
      reunificationPossible: false,
    });
  });

  test("a review showing the parents have started on the risk factors stops the drift clock", () => {
    const reviews = [
      review("2024-03-10", highNotAddressing),
      review("2024-09-09", highButAddressing),
    ];
    expect(assessRisk(reviews, "2025-06-01")).toMatchObject({ level: "high", driftDate: null });

    // If they stop again, a new clock starts from that review.
    const relapse = [...reviews, review("2024-10-01", highNotAddressing)];
    expect(assessRisk(relapse, "2024-10-01")).toMatchObject({
      level: "high",
      driftDate: "2025-04-01",
    });
  });

  test("a review on the drift date itself is too late to stop it", () => {
    const reviews = [
      review("2024-03-10", highNotAddressing),
      review("2024-09-10", highButAddressing),
    ];
    expect(assessRisk(reviews, "2024-09-10")).toMatchObject({
      level: "severe",
      since: "2024-09-10",
      // The review's evidence (high) is better than severe: improvement starts there.
      improvingSince: "2024-09-10",
    });
  });

  test("the drift clock starts when the case reaches high, not with earlier reviews", () => {
    const reviews = [
      // Medium: capacity and protective factors, though risk factors are not yet addressed.
      review("2024-01-01", { ...highNotAddressing, capacityToChange: true }),
      review("2024-03-01", highNotAddressing),
    ];
    expect(assessRisk(reviews, "2024-03-01")).toMatchObject({
      level: "high",
      since: "2024-03-01",
      driftDate: "2024-09-01",
    });
  });

  test("a severe case that steps down to high while risk factors are unaddressed starts a drift clock", () => {
    const reviews = [
      review("2024-01-01", noProtectiveFactors),
      review("2024-02-01", highNotAddressing),
      review("2024-08-01", highNotAddressing),
    ];
    expect(assessRisk(reviews, "2024-08-01")).toMatchObject({
      level: "high",
      since: "2024-08-01",
      driftDate: "2025-02-01",
    });
    expect(assessRisk(reviews, "2025-02-01")).toMatchObject({
      level: "severe",
      since: "2025-02-01",
    });
  });

  test("a low case may close after six months at low", () => {
    const reviews = [review("2024-01-31", lowAllAddressed), review("2024-04-30", lowAllAddressed)];
    expect(assessRisk(reviews, "2024-07-30")).toMatchObject({ level: "low", mayClose: false });
    expect(assessRisk(reviews, "2024-07-31")).toMatchObject({
      level: "low",
      mayClose: true,
      reunificationPossible: true,
    });
  });

  test("a medium case reaches low after six months of all risk factors addressed, then closes six months later", () => {
    const reviews = [
      review("2023-06-01", mediumUsingInterventions),
      review("2023-07-01", lowAllAddressed),
      review("2024-01-02", lowAllAddressed),
    ];
    expect(assessRisk(reviews, "2024-07-01")).toMatchObject({
      level: "low",
      since: "2024-01-02",
      mayClose: false,
    });
    expect(assessRisk(reviews, "2024-07-02").mayClose).toBe(true);
  });

  test("improvement that began on 31 August can first count on the last day of February", () => {
    const reviews = [
      review("2023-08-01", highButAddressing),
      review("2023-08-31", mediumUsingInterventions),
    ];
    expect(assessRisk(reviews, "2023-09-01").earliestStepDown).toBe("2024-02-29");
  });

  test("reviews may arrive in any order", () => {
    const reviews = [
      review("2024-06-01", mediumUsingInterventions),
      review("2024-01-01", noProtectiveFactors),
      review("2024-03-01", highButAddressing),
    ];
    const copy = structuredClone(reviews);
    expect(assessRisk(reviews, "2024-06-01")).toEqual(
      assessRisk(
        copy.toSorted((a, b) => compareDates(a.date, b.date)),
        "2024-06-01",
      ),
    );
    expect(reviews).toEqual(copy);
  });
});

describe("caller bugs throw with a clear message and a stable code", () => {
  const ok = review("2024-01-01", lowAllAddressed);
  const cases: [string, () => unknown, string][] = [
    ["an empty list", () => assessRisk([], "2024-01-01"), "EMPTY_HISTORY"],
    [
      "something that is not a list",
      () => assessRisk(null as never, "2024-01-01"),
      "INVALID_REVIEW",
    ],
    [
      "a review that is not an object",
      () => assessRisk([42 as never], "2024-01-01"),
      "INVALID_REVIEW",
    ],
    [
      "a malformed review date",
      () => assessRisk([review("2024-02-30", lowAllAddressed)], "2024-03-01"),
      "INVALID_DATE",
    ],
    ["a malformed asOf", () => assessRisk([ok], "1 March 2024"), "INVALID_DATE"],
    [
      "evidence outside the types",
      () =>
        assessRisk(
          [review("2024-01-01", { ...lowAllAddressed, riskFactors: "some" as never })],
          "2024-01-01",
        ),
      "INVALID_EVIDENCE",
    ],
    [
      "a review after asOf",
      () => assessRisk([ok, review("2024-02-01", lowAllAddressed)], "2024-01-31"),
      "REVIEW_AFTER_AS_OF",
    ],
    [
      "two reviews on one date",
      () => assessRisk([ok, review("2024-01-01", highButAddressing)], "2024-01-31"),
      "DUPLICATE_REVIEW_DATE",
    ],
  ];

  test.each(cases)("%s", (_, call, code) => {
    expect(call).toThrow(RiskHistoryError);
    expect(call).toThrow(/^assessRisk: /);
    try {
      call();
    } catch (error) {
      expect((error as RiskHistoryError).code).toBe(code);
    }
  });
});

// ---------------------------------------------------------------------------------------
// Properties over random review histories.

const evidenceArb = fc.record({
  riskFactors: fc.constantFrom(...RISK_FACTOR_STATES),
  protectiveFactors: fc.boolean(),
  capacityToChange: fc.boolean(),
});

/**
 * Real cases change in spells: a history is one to five spells of the same evidence, each
 * reviewed one to six times, one to fifteen weeks apart, from a start between 2020 and 2029.
 */
const spellArb = fc.record({
  evidence: evidenceArb,
  reviews: fc.integer({ min: 1, max: 6 }),
  gap: fc.integer({ min: 1, max: 105 }),
});
const historyArb = fc
  .record({
    startOffset: fc.integer({ min: 0, max: 3650 }),
    spells: fc.array(spellArb, { minLength: 1, maxLength: 5 }),
    tail: fc.integer({ min: 0, max: 400 }),
  })
  .map(({ startOffset, spells, tail }) => {
    const reviews: RiskReview[] = [];
    let date = addDays("2020-01-01", startOffset);
    for (const { evidence, reviews: count, gap } of spells) {
      for (let i = 0; i < count; i += 1) {
        date = reviews.length === 0 ? date : addDays(date, gap);
        reviews.push(review(date, evidence));
      }
    }
    return { reviews, asOf: addDays(date, tail) };
  });

const PROPERTY_RUNS = { numRuns: 250 };

/** The status on a review's date just before, and just after, that review counts. */
function aroundEachReview(reviews: readonly RiskReview[]) {
  return reviews.slice(1).map((current, i) => ({
    current,
    before: assessRisk(reviews.slice(0, i + 1), current.date),
    after: assessRisk(reviews.slice(0, i + 2), current.date),
  }));
}

describe("properties of any review history", () => {
  test("the level never falls more than one step at a review", () => {
    fc.assert(
      fc.property(historyArb, ({ reviews }) => {
        for (const { before, after } of aroundEachReview(reviews)) {
          expect(compareRiskLevels(before.level, after.level)).toBeLessThanOrEqual(1);
        }
      }),
      PROPERTY_RUNS,
    );
  });

  test("the level never falls sooner than six months after improvement began", () => {
    fc.assert(
      fc.property(historyArb, ({ reviews }) => {
        for (const { current, before, after } of aroundEachReview(reviews)) {
          if (compareRiskLevels(after.level, before.level) >= 0) continue;
          expect(before.improvingSince).not.toBeNull();
          const sixMonthsOn = addMonths(before.improvingSince ?? "", 6);
          expect(compareDates(current.date, sixMonthsOn)).toBeGreaterThanOrEqual(0);
          expect(after.since).toBe(current.date);
        }
      }),
      PROPERTY_RUNS,
    );
  });

  test("a worse review always applies at once", () => {
    fc.assert(
      fc.property(historyArb, ({ reviews }) => {
        for (const { current, before, after } of aroundEachReview(reviews)) {
          const found = classifyRisk(current.evidence).level;
          // Never better than the latest evidence...
          expect(compareRiskLevels(after.level, found)).toBeGreaterThanOrEqual(0);
          // ...and exactly that evidence, from that day, when it is worse.
          if (compareRiskLevels(found, before.level) > 0) {
            expect(after).toMatchObject({
              level: found,
              since: current.date,
              improvingSince: null,
            });
          }
        }
      }),
      PROPERTY_RUNS,
    );
  });

  test("reunificationPossible agrees with the level", () => {
    fc.assert(
      fc.property(historyArb, ({ reviews, asOf }) => {
        const status = assessRisk(reviews, asOf);
        expect(status.reunificationPossible).toBe(
          status.level === "low" || status.level === "medium",
        );
        expect(classifyRisk(reviews[0]?.evidence ?? lowAllAddressed).reunificationPossible).toBe(
          isReunificationPossible(classifyRisk(reviews[0]?.evidence ?? lowAllAddressed).level),
        );
      }),
      PROPERTY_RUNS,
    );
  });

  test("between reviews the level can only rise (by drift), never fall", () => {
    fc.assert(
      fc.property(historyArb, fc.integer({ min: 1, max: 400 }), ({ reviews, asOf }, later) => {
        const now = assessRisk(reviews, asOf);
        const then = assessRisk(reviews, addDays(asOf, later));
        expect(compareRiskLevels(then.level, now.level)).toBeGreaterThanOrEqual(0);
      }),
      PROPERTY_RUNS,
    );
  });

  test("the reported dates are consistent with the level", () => {
    fc.assert(
      fc.property(historyArb, ({ reviews, asOf }) => {
        const status = assessRisk(reviews, asOf);
        expect(status.earliestStepDown).toBe(
          status.improvingSince === null ? null : addMonths(status.improvingSince, 6),
        );
        expect(compareDates(status.since, asOf)).toBeLessThanOrEqual(0);
        if (status.driftDate !== null) {
          expect(status.level).toBe("high");
          expect(compareDates(status.driftDate, asOf)).toBeGreaterThan(0);
        }
        if (status.mayClose) {
          expect(status.level).toBe("low");
          expect(compareDates(asOf, addMonths(status.since, 6))).toBeGreaterThanOrEqual(0);
        }
      }),
      PROPERTY_RUNS,
    );
  });

  test("the order in which reviews are given does not matter", () => {
    fc.assert(
      fc.property(historyArb, fc.nat(), ({ reviews, asOf }, seed) => {
        const shuffled = reviews.toSorted(
          (a, b) => (a.date > b.date ? 1 : -1) * (seed % 2 ? 1 : -1),
        );
        expect(assessRisk(shuffled, asOf)).toEqual(assessRisk(reviews, asOf));
      }),
      PROPERTY_RUNS,
    );
  });
});
