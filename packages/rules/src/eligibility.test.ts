import { describe, expect, test } from "vitest";
import { checkEligibility, type EligibilityFacts, eligibilityFactsSchema } from "./eligibility.ts";

const away = { livingAtHome: false, everLookedAfterAwayFromHome: true };

describe("who the framework is for", () => {
  test.each([
    ["care_order_s31", { ok: true, notes: [] }],
    ["accommodated_s20", { ok: true, notes: [] }],
    ["pre_proceedings", { ok: true, notes: [] }],
    ["edge_of_care", { ok: true, notes: [] }],
    [
      "interim_care_order_s38",
      { ok: true, notes: ["INTERIM_ORDER_CASE_BY_CASE", "COURT_26_WEEK_LIMIT"] },
    ],
    ["police_protection", { ok: false, code: "POLICE_PROTECTION" }],
    ["emergency_protection_order", { ok: false, code: "EMERGENCY_PROTECTION_ORDER" }],
    ["supervision_order", { ok: false, code: "SUPERVISION_ORDER" }],
  ] as const)("a child in foster care under %s", (legalStatus, expected) => {
    expect(checkEligibility({ legalStatus, ...away })).toEqual(expected);
  });

  test("not for a child on an interim care order who stays at home until the final hearing", () => {
    expect(
      checkEligibility({
        legalStatus: "interim_care_order_s38",
        livingAtHome: true,
        everLookedAfterAwayFromHome: false,
      }),
    ).toEqual({ ok: false, code: "INTERIM_ORDER_CHILD_AT_HOME" });
  });

  test("not for a child placed with parents under a care order who was never looked after away", () => {
    const facts: EligibilityFacts = {
      legalStatus: "care_order_s31",
      livingAtHome: true,
      everLookedAfterAwayFromHome: false,
    };
    expect(checkEligibility(facts)).toEqual({ ok: false, code: "CARE_ORDER_NEVER_AWAY_FROM_HOME" });
  });

  test("but for a child on a care order who has come home after being looked after away", () => {
    expect(
      checkEligibility({
        legalStatus: "care_order_s31",
        livingAtHome: true,
        everLookedAfterAwayFromHome: true,
      }),
    ).toEqual({ ok: true, notes: [] });
  });

  test("facts are validated by their schema", () => {
    expect(eligibilityFactsSchema.safeParse({ legalStatus: "s47", ...away }).success).toBe(false);
  });
});
