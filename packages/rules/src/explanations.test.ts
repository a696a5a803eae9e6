import { describe, expect, test } from "vitest";
import { explainRisk, explanationInputSchema } from "./explanations.ts";
import { assessRisk, type RiskEvidence, type RiskReview } from "./risk.ts";

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
const low: RiskEvidence = { riskFactors: "none", protectiveFactors: true, capacityToChange: true };

function explain(
  reviews: RiskReview[],
  asOf: string,
  factors: Parameters<typeof explainRisk>[0]["factors"] = [],
) {
  const latestEvidence = reviews.at(-1)?.evidence ?? low;
  return explainRisk({ status: assessRisk(reviews, asOf), latestEvidence, factors });
}

describe("straight talking: the reasons behind a risk status", () => {
  test("severe: no one yet helps keep the child safe; what is needed first", () => {
    const explanation = explain([{ date: "2024-03-01", evidence: severe }], "2024-03-01", [
      "substance_misuse",
      "neglect",
      "supportive_extended_family",
    ]);
    expect(explanation).toEqual({
      level: "severe",
      decision: "permanence_away_from_home",
      findings: [
        { code: "RISK_FACTORS_NOT_ADDRESSED", positive: false },
        { code: "NO_PROTECTIVE_FACTORS", positive: false },
        { code: "NO_CAPACITY_TO_CHANGE", positive: false },
      ],
      heldBack: null,
      nextLevel: "high",
      needed: ["PROTECTIVE_FACTORS_NEEDED", "START_ADDRESSING_RISK_FACTORS"],
      sustainMonths: 6,
      earliestStepDown: null,
      driftDate: null,
      mayCloseFrom: null,
      riskFactors: ["substance_misuse", "neglect"],
      protectiveFactors: ["supportive_extended_family"],
    });
  });

  test("high and not addressing the worries: the positives, what is needed, and the drift date", () => {
    const explanation = explain(
      [{ date: "2024-03-10", evidence: highNotAddressing }],
      "2024-04-01",
    );
    expect(explanation).toMatchObject({
      decision: "no_reunification_now",
      nextLevel: "medium",
      needed: ["SHOW_CAPACITY_TO_CHANGE", "START_ADDRESSING_RISK_FACTORS"],
      driftDate: "2024-09-10",
    });
    expect(explanation.findings.filter((f) => f.positive).map((f) => f.code)).toEqual([
      "PROTECTIVE_FACTORS_PRESENT",
    ]);
  });

  test("improving but not yet for six months: keep going until the date", () => {
    const explanation = explain(
      [
        { date: "2024-01-15", evidence: highNotAddressing },
        { date: "2024-02-15", evidence: medium },
      ],
      "2024-03-01",
    );
    expect(explanation).toMatchObject({
      level: "high",
      heldBack: "CHANGE_NOT_YET_SUSTAINED",
      needed: ["KEEP_CHANGE_GOING"],
      earliestStepDown: "2024-08-15",
    });
  });

  test("after a drift to severe, the reason is that the worries were not addressed in time", () => {
    const explanation = explain(
      [{ date: "2024-03-10", evidence: highNotAddressing }],
      "2024-10-01",
    );
    expect(explanation).toMatchObject({
      level: "severe",
      heldBack: "RISK_FACTORS_NOT_ADDRESSED_IN_TIME",
      needed: ["START_ADDRESSING_RISK_FACTORS"],
    });
  });

  test("medium: all worries need sorting out before low", () => {
    expect(explain([{ date: "2024-03-01", evidence: medium }], "2024-03-01")).toMatchObject({
      decision: "reunification_can_be_considered",
      nextLevel: "low",
      needed: ["ADDRESS_ALL_RISK_FACTORS"],
    });
  });

  test("low: keep it low until the case can close, then close", () => {
    const reviews = [{ date: "2024-01-31", evidence: low }];
    expect(explain(reviews, "2024-03-01")).toMatchObject({
      decision: "reunification_can_be_considered",
      nextLevel: null,
      needed: ["KEEP_LOW_RISK"],
      mayCloseFrom: "2024-07-31",
    });
    expect(explain(reviews, "2024-07-31")).toMatchObject({
      decision: "case_can_close",
      needed: [],
    });
  });

  test("input is validated by its schema", () => {
    const status = assessRisk([{ date: "2024-03-01", evidence: low }], "2024-03-01");
    expect(
      explanationInputSchema.safeParse({ status, latestEvidence: low, factors: ["neglect"] })
        .success,
    ).toBe(true);
    expect(
      explanationInputSchema.safeParse({ status, latestEvidence: low, factors: ["luck"] }).success,
    ).toBe(false);
  });
});
