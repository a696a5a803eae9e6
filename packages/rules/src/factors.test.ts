import { describe, expect, test } from "vitest";
import {
  FACTOR_IDS,
  FACTORS,
  type FactorDirection,
  type FactorDomain,
  type FactorId,
  factorById,
  factorIdSchema,
  factorsIn,
  isFactorId,
  splitByDirection,
} from "./factors.ts";

const appendix3 = FACTORS.filter((f) => f.citations.some((c) => c.section === "Appendix 3"));
const count = (domain: FactorDomain, direction: FactorDirection) =>
  appendix3.filter((f) => f.domain === domain && f.direction === direction).length;

describe("the factor catalogue", () => {
  test("every factor of Appendix 3 is there, in its domain and direction", () => {
    // Counted from the report's Appendix 3 table, row by row ("non-abusive partner",
    // listed under Parent and Family, is catalogued once under Parent).
    expect({
      abuse: [count("abuse", "raises"), count("abuse", "lowers")],
      child: [count("child", "raises"), count("child", "lowers")],
      parent: [count("parent", "raises"), count("parent", "lowers")],
      parenting: [count("parenting", "raises"), count("parenting", "lowers")],
      family: [count("family", "raises"), count("family", "lowers")],
      professional: [count("professional", "raises"), count("professional", "lowers")],
      social_setting: [count("social_setting", "raises"), count("social_setting", "lowers")],
    }).toEqual({
      abuse: [9, 2],
      child: [4, 4],
      parent: [10, 6],
      parenting: [4, 3],
      family: [6, 3],
      professional: [2, 3],
      social_setting: [3, 4],
    });
  });

  test("the return-breakdown factors named by framework.md are there", () => {
    const breakdown = (id: FactorId) => factorById(id).outcomes.includes("return_breakdown");
    for (const id of [
      "previous_failed_return",
      "older_child_11_to_14",
      "child_behavioural_difficulties",
      "substance_misuse",
    ] as const) {
      expect(breakdown(id) && factorById(id).direction === "raises", id).toBe(true);
    }
    for (const id of [
      "specialist_services_for_parents_and_children",
      "changed_household_composition",
    ] as const) {
      expect(breakdown(id) && factorById(id).direction === "lowers", id).toBe(true);
    }
  });

  test("ids are unique, stable snake_case, and every factor is cited", () => {
    expect(new Set(FACTOR_IDS).size).toBe(FACTORS.length);
    for (const factor of FACTORS) {
      expect(factor.id).toMatch(/^[a-z0-9]+(_[a-z0-9]+)*$/);
      expect(factor.citations.length).toBeGreaterThan(0);
      expect(factor.outcomes.length).toBeGreaterThan(0);
    }
  });

  test("substance misuse predicts both harm and breakdown, with both sources", () => {
    expect(factorById("substance_misuse")).toEqual({
      id: "substance_misuse",
      domain: "parent",
      direction: "raises",
      outcomes: ["future_harm", "return_breakdown"],
      citations: [
        { file: "taking-care-evaluation-report-2015.txt", section: "Appendix 3" },
        { file: "taking-care-evaluation-report-2015.txt", section: "Background" },
        { file: "scale-up-evaluation-2016.txt", section: "Changes made during the project" },
      ],
    });
  });

  test("looking factors up by domain and direction", () => {
    expect(factorsIn("professional", "raises").map((f) => f.id)).toEqual([
      "lack_of_resources",
      "professional_ineptitude",
    ]);
    expect(factorsIn("case_history").map((f) => f.id)).toEqual(["previous_failed_return"]);
  });

  test("identified factors split into worries and strengths, once each", () => {
    expect(
      splitByDirection(["neglect", "social_support", "neglect", "housing_instability"]),
    ).toEqual({
      raising: ["neglect", "housing_instability"],
      lowering: ["social_support"],
    });
  });

  test("only catalogue ids are accepted", () => {
    expect(isFactorId("neglect")).toBe(true);
    expect(isFactorId("bad_luck")).toBe(false);
    expect(isFactorId(3)).toBe(false);
    expect(factorIdSchema.safeParse("neglect").success).toBe(true);
    expect(factorIdSchema.safeParse("bad_luck").success).toBe(false);
    expect(() => factorById("bad_luck" as FactorId)).toThrow(RangeError);
  });
});
