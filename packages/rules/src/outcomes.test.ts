import { describe, expect, test } from "vitest";
import {
  agreementRate,
  OUTCOME_WINDOWS,
  type ReturnRecord,
  returnOutcomes,
  returnRecordSchema,
  reviewClassificationsSchema,
  windowEnd,
} from "./outcomes.ts";
import type { RiskEvidence } from "./risk.ts";

const home = (caseId: string, returnedHomeOn: string, reEnteredCareOn: string | null = null) =>
  ({ caseId, returnedHomeOn, reEnteredCareOn }) satisfies ReturnRecord;
const neverHome = (caseId: string): ReturnRecord => ({
  caseId,
  returnedHomeOn: null,
  reEnteredCareOn: null,
});
const window = (outcomes: ReturnType<typeof returnOutcomes>, months: number) =>
  outcomes.windows.find((w) => w.months === months);

describe("the windows are calendar months", () => {
  test("six months after 1 March is 1 September", () => {
    expect(windowEnd("2024-03-01", 6)).toBe("2024-09-01");
  });
  test("a return on 31 August: six months end on the last day of February", () => {
    expect(windowEnd("2023-08-31", 6)).toBe("2024-02-29");
    expect(windowEnd("2024-08-31", 6)).toBe("2025-02-28");
  });
  test("a return on 29 February: twelve months end on 28 February", () => {
    expect(windowEnd("2024-02-29", 12)).toBe("2025-02-28");
    expect(windowEnd("2024-02-29", 24)).toBe("2026-02-28");
  });
  test("the windows the issue asks for are 6, 12 and 24 months", () => {
    expect(OUTCOME_WINDOWS).toEqual([6, 12, 24]);
  });
});

describe("returns home and returns to care", () => {
  const today = "2026-11-26";

  test("nobody has gone home: no figures, and no rate rather than 0%", () => {
    const outcomes = returnOutcomes([neverHome("a"), neverHome("b")], today);
    expect(outcomes).toMatchObject({ returnedHome: 0, backInCare: 0, stillHome: 0 });
    for (const w of outcomes.windows) {
      expect(w).toMatchObject({ followedUp: 0, returnedToCare: 0, rate: null, tooRecent: 0 });
    }
    expect(outcomes.excluded).toEqual([]);
  });

  test("a child home for three years who stayed counts as staying home in every window", () => {
    const outcomes = returnOutcomes([home("a", "2023-06-01")], today);
    expect(outcomes).toMatchObject({ returnedHome: 1, backInCare: 0, stillHome: 1 });
    for (const w of outcomes.windows) {
      expect(w).toMatchObject({ followedUp: 1, returnedToCare: 0, stayedHome: 1, rate: 0 });
    }
  });

  test("back in care after four months: a breakdown in all three windows", () => {
    const outcomes = returnOutcomes([home("a", "2023-06-01", "2023-10-01")], today);
    expect(outcomes.windows.map((w) => [w.months, w.returnedToCare, w.followedUp])).toEqual([
      [6, 1, 1],
      [12, 1, 1],
      [24, 1, 1],
    ]);
    expect(outcomes.backInCare).toBe(1);
  });

  test("back in care after nine months: within 12 and 24 months, not within 6", () => {
    const outcomes = returnOutcomes([home("a", "2023-06-01", "2024-03-01")], today);
    expect(window(outcomes, 6)).toMatchObject({ returnedToCare: 0, stayedHome: 1 });
    expect(window(outcomes, 12)).toMatchObject({ returnedToCare: 1, stayedHome: 0 });
    expect(window(outcomes, 24)).toMatchObject({ returnedToCare: 1 });
  });

  test("back in care after thirty months: counted as back in care, but in no window", () => {
    const outcomes = returnOutcomes([home("a", "2022-01-10", "2024-07-10")], today);
    expect(outcomes.backInCare).toBe(1);
    expect(outcomes.windows.map((w) => w.returnedToCare)).toEqual([0, 0, 0]);
    expect(outcomes.windows.map((w) => w.followedUp)).toEqual([1, 1, 1]);
  });

  test("a re-entry on the last day of the window is within it; the day after is not", () => {
    const onTheDay = returnOutcomes([home("a", "2024-01-15", "2024-07-15")], today);
    expect(window(onTheDay, 6)?.returnedToCare).toBe(1);
    const dayAfter = returnOutcomes([home("a", "2024-01-15", "2024-07-16")], today);
    expect(window(dayAfter, 6)?.returnedToCare).toBe(0);
    expect(window(dayAfter, 12)?.returnedToCare).toBe(1);
  });

  test("month ends clamp: home 31 August 2023, back 29 February 2024 is within six months", () => {
    const outcomes = returnOutcomes([home("a", "2023-08-31", "2024-02-29")], today);
    expect(window(outcomes, 6)?.returnedToCare).toBe(1);
    const march = returnOutcomes([home("a", "2023-08-31", "2024-03-01")], today);
    expect(window(march, 6)?.returnedToCare).toBe(0);
  });

  test("back in care on the day of going home counts in every window", () => {
    const outcomes = returnOutcomes([home("a", "2024-01-15", "2024-01-15")], today);
    expect(outcomes.windows.map((w) => w.returnedToCare)).toEqual([1, 1, 1]);
  });

  test("a return four months ago is too recent to tell for every window", () => {
    const outcomes = returnOutcomes([home("a", "2026-07-20")], today);
    expect(outcomes.returnedHome).toBe(1);
    for (const w of outcomes.windows) {
      expect(w).toMatchObject({ followedUp: 0, tooRecent: 1, rate: null });
    }
  });

  test("a recent breakdown is shown as already back, never added to the rate", () => {
    // Counting it would set a known failure against successes we cannot know yet.
    const outcomes = returnOutcomes(
      [home("a", "2026-07-20", "2026-09-01"), home("b", "2024-01-01")],
      today,
    );
    expect(window(outcomes, 6)).toMatchObject({
      followedUp: 1,
      returnedToCare: 0,
      rate: 0,
      tooRecent: 1,
      tooRecentAlreadyBack: 1,
    });
    expect(outcomes.backInCare).toBe(1);
  });

  test("the window ends today: followed up; ends tomorrow: too recent", () => {
    const endsToday = returnOutcomes([home("a", "2026-05-26")], today);
    expect(window(endsToday, 6)).toMatchObject({ followedUp: 1, tooRecent: 0 });
    const endsTomorrow = returnOutcomes([home("a", "2026-05-27")], today);
    expect(window(endsTomorrow, 6)).toMatchObject({ followedUp: 0, tooRecent: 1 });
  });

  test("each window has its own denominator", () => {
    const outcomes = returnOutcomes(
      [
        home("old", "2023-01-10"), // followed up for 6, 12 and 24
        home("mid", "2025-03-10", "2025-12-01"), // 6 and 12; back after ~9 months
        home("new", "2026-04-10"), // 6 only
      ],
      today,
    );
    expect(outcomes.windows.map((w) => [w.followedUp, w.returnedToCare, w.tooRecent])).toEqual([
      [3, 0, 0],
      [2, 1, 1],
      [1, 0, 2],
    ]);
    expect(window(outcomes, 12)?.rate).toBe(0.5);
  });

  test("a return planned for next week is not a return yet, and is reported", () => {
    const outcomes = returnOutcomes([home("a", "2026-12-03")], today);
    expect(outcomes.returnedHome).toBe(0);
    expect(outcomes.excluded).toEqual([{ caseId: "a", code: "RETURN_IN_FUTURE" }]);
  });

  test("inconsistent records are left out of every figure and named", () => {
    const outcomes = returnOutcomes(
      [
        { caseId: "no-return", returnedHomeOn: null, reEnteredCareOn: "2024-01-01" },
        home("before", "2024-05-01", "2024-04-30"),
        home("future", "2024-05-01", "2026-12-01"),
        home("fine", "2024-05-01"),
      ],
      today,
    );
    expect(outcomes.excluded).toEqual([
      { caseId: "no-return", code: "RE_ENTRY_WITHOUT_RETURN" },
      { caseId: "before", code: "RE_ENTRY_BEFORE_RETURN" },
      { caseId: "future", code: "RE_ENTRY_IN_FUTURE" },
    ]);
    expect(outcomes.returnedHome).toBe(1);
    expect(outcomes.windows.map((w) => w.followedUp)).toEqual([1, 1, 1]);
  });

  test("a small cohort worked by hand", () => {
    // Eight children, today 26 November 2026.
    const outcomes = returnOutcomes(
      [
        home("1", "2022-02-01"), // stayed
        home("2", "2022-05-16", "2022-08-01"), // back at 2.5 months
        home("3", "2023-03-01", "2023-12-01"), // back at 9 months
        home("4", "2023-09-01", "2025-06-01"), // back at 21 months
        home("5", "2024-10-01"), // stayed; 24 months ended 1 Oct 2026
        home("6", "2025-06-01", "2025-10-15"), // back at 4.5 months; 24 months not ended
        home("7", "2026-01-05"), // home 10 months: 6 only
        neverHome("8"),
      ],
      today,
    );
    expect(outcomes).toMatchObject({ returnedHome: 7, backInCare: 4, stillHome: 3 });
    // 6 months: 1-7 followed up; back within 6: 2 and 6.
    expect(window(outcomes, 6)).toMatchObject({ followedUp: 7, returnedToCare: 2, tooRecent: 0 });
    // 12 months: 1-6 followed up (7 too recent); back within 12: 2, 3 and 6.
    expect(window(outcomes, 12)).toMatchObject({ followedUp: 6, returnedToCare: 3, tooRecent: 1 });
    // 24 months: 1-5 (6 and 7 too recent, 6 already back); back within 24: 2, 3 and 4.
    expect(window(outcomes, 24)).toMatchObject({
      followedUp: 5,
      returnedToCare: 3,
      tooRecent: 2,
      tooRecentAlreadyBack: 1,
    });
    expect(window(outcomes, 24)?.rate).toBeCloseTo(0.6);
  });

  test("records are validated by their schema", () => {
    expect(returnRecordSchema.safeParse(home("a", "2024-02-30")).success).toBe(false);
    expect(returnRecordSchema.safeParse(home("a", "2024-02-29")).success).toBe(true);
    expect(returnRecordSchema.safeParse({ ...home("a", "2024-01-01"), caseId: "" }).success).toBe(
      false,
    );
  });

  test("a child who went home twice: one child, two returns, each followed up", () => {
    const outcomes = returnOutcomes(
      [
        home("a", "2023-01-10", "2023-05-01"), // back after under 4 months
        home("a", "2024-02-01"), // home again since, for 2 years 9 months
        home("b", "2024-06-01", "2025-01-20"), // back after 7.5 months
      ],
      today,
    );
    // Children: a is home now, b is back in care. Returns: three, two of which broke down.
    expect(outcomes).toMatchObject({
      returnedHome: 2,
      backInCare: 1,
      stillHome: 1,
      returns: 3,
      returnsBackInCare: 2,
    });
    // Every return has been home 24 months or more: all three are followed up in each window.
    expect(outcomes.windows.map((w) => [w.followedUp, w.returnedToCare])).toEqual([
      [3, 1],
      [3, 2],
      [3, 2],
    ]);
  });

  test("a child back in care after a second return is back in care, whatever the first did", () => {
    // Given out of order: the latest return (by date) decides, not the order of the list.
    const outcomes = returnOutcomes(
      [home("a", "2025-01-01", "2025-03-01"), home("a", "2022-01-01", "2022-06-01")],
      today,
    );
    expect(outcomes).toMatchObject({ returnedHome: 1, backInCare: 1, stillHome: 0 });
    const stillHome = returnOutcomes(
      [home("a", "2025-01-01"), home("a", "2022-01-01", "2022-06-01")],
      today,
    );
    expect(stillHome).toMatchObject({ returnedHome: 1, backInCare: 0, stillHome: 1 });
    expect(stillHome).toMatchObject({ returns: 2, returnsBackInCare: 1 });
  });

  test("a child whose only return is excluded is not counted as gone home", () => {
    const outcomes = returnOutcomes(
      [home("a", "2024-05-01", "2024-04-01"), home("b", "2024-05-01")],
      today,
    );
    expect(outcomes).toMatchObject({ returnedHome: 1, returns: 1, returnsBackInCare: 0 });
  });
});

describe("how often the two independent classifications agree", () => {
  const medium: RiskEvidence = {
    riskFactors: "being_addressed",
    protectiveFactors: true,
    capacityToChange: true,
  };
  const high: RiskEvidence = { ...medium, capacityToChange: false };
  const pair = (reviewId: string, a: RiskEvidence, b: RiskEvidence) => ({
    reviewId,
    submitted: [
      { practitionerId: "sarah", evidence: a },
      { practitionerId: "marcus", evidence: b },
    ],
  });

  test("no reviews compared: no rate rather than 0%", () => {
    expect(agreementRate([])).toEqual({
      compared: 0,
      matched: 0,
      sameLevel: 0,
      rate: null,
      sameLevelRate: null,
      awaiting: 0,
      notComparable: 0,
    });
  });

  test("three of four reviews matched on every input: 75%", () => {
    const result = agreementRate([
      pair("r1", medium, medium),
      pair("r2", high, high),
      pair("r3", medium, high),
      pair("r4", medium, { ...medium }),
    ]);
    expect(result).toMatchObject({ compared: 4, matched: 3, rate: 0.75 });
  });

  test("the same level by different routes is not a match, but is counted as the same level", () => {
    const result = agreementRate([
      pair("r1", medium, { ...medium, riskFactors: "not_addressed" }),
      pair("r2", medium, high),
    ]);
    expect(result).toMatchObject({ compared: 2, matched: 0, sameLevel: 1, sameLevelRate: 0.5 });
  });

  test("reviews waiting for a classification are not counted", () => {
    const result = agreementRate([
      pair("r1", medium, medium),
      { reviewId: "r2", submitted: [{ practitionerId: "sarah", evidence: medium }] },
      { reviewId: "r3", submitted: [] },
    ]);
    expect(result).toMatchObject({ compared: 1, matched: 1, rate: 1, awaiting: 2 });
  });

  test("one practitioner twice, or a third classification, cannot be compared", () => {
    const result = agreementRate([
      {
        reviewId: "r1",
        submitted: [
          { practitionerId: "sarah", evidence: medium },
          { practitionerId: "sarah", evidence: medium },
        ],
      },
      {
        reviewId: "r2",
        submitted: [
          { practitionerId: "sarah", evidence: medium },
          { practitionerId: "marcus", evidence: medium },
          { practitionerId: "priya", evidence: medium },
        ],
      },
    ]);
    expect(result).toMatchObject({ compared: 0, notComparable: 2, rate: null });
  });

  test("input is validated by its schema", () => {
    expect(reviewClassificationsSchema.safeParse(pair("r1", medium, high)).success).toBe(true);
    expect(reviewClassificationsSchema.safeParse({ reviewId: "", submitted: [] }).success).toBe(
      false,
    );
  });
});
