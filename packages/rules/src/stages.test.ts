import { describe, expect, test } from "vitest";
import { assessRisk, type RiskEvidence, type RiskStatus } from "./risk.ts";
import {
  type CaseProgress,
  caseProgressSchema,
  checkStageMove,
  MILESTONES,
  type Milestone,
  missingFor,
  nextStep,
} from "./stages.ts";

const medium: RiskEvidence = {
  riskFactors: "being_addressed",
  protectiveFactors: true,
  capacityToChange: true,
};
const low: RiskEvidence = { riskFactors: "none", protectiveFactors: true, capacityToChange: true };
const high: RiskEvidence = { ...medium, capacityToChange: false };
const severe: RiskEvidence = { ...high, protectiveFactors: false };

const statusOf = (evidence: RiskEvidence, date = "2024-03-01"): RiskStatus =>
  assessRisk([{ date, evidence }], date);

const INITIAL_ASSESSMENT = MILESTONES.slice(0, 11);

const fresh: CaseProgress = {
  step: "initial_assessment",
  done: [],
  risk: null,
  changeUnlikelyInChildsTimeframe: false,
  returnedHomeOn: null,
  asOf: "2024-03-01",
};

const at = (
  step: CaseProgress["step"],
  done: readonly Milestone[],
  more: Partial<CaseProgress> = {},
) => ({
  ...fresh,
  step,
  done,
  ...more,
});

describe("moving through the five stages", () => {
  test("a new case needs the whole initial assessment before risk is classified", () => {
    expect(nextStep(fresh)).toEqual({
      from: "initial_assessment",
      to: "risk_classification",
      missing: { milestones: INITIAL_ASSESSMENT, blockers: [] },
      ready: false,
    });
    expect(checkStageMove(fresh, "risk_classification")).toMatchObject({
      ok: false,
      code: "REQUIREMENTS_MISSING",
    });
    const assessed = at("initial_assessment", INITIAL_ASSESSMENT);
    expect(nextStep(assessed).ready).toBe(true);
    expect(checkStageMove(assessed, "risk_classification")).toEqual({ ok: true });
  });

  test("no parental agreement before a classification is agreed", () => {
    const classifying = at("risk_classification", ["two_independent_classifications"]);
    expect(nextStep(classifying).missing).toEqual({
      milestones: ["decision_explained_to_family"],
      blockers: ["NO_AGREED_CLASSIFICATION"],
    });
  });

  test("at medium, once the decision is explained, the agreement can be written", () => {
    const agreed = at(
      "risk_classification",
      ["two_independent_classifications", "decision_explained_to_family"],
      {
        risk: statusOf(medium),
      },
    );
    expect(nextStep(agreed)).toMatchObject({ to: "parental_agreements", ready: true });
    expect(checkStageMove(agreed, "parental_agreements")).toEqual({ ok: true });
  });

  test("at high, return is not possible now, so there is no agreement yet", () => {
    const agreed = at(
      "risk_classification",
      ["two_independent_classifications", "decision_explained_to_family"],
      {
        risk: statusOf(high),
      },
    );
    expect(nextStep(agreed)).toMatchObject({
      to: "parental_agreements",
      missing: { milestones: [], blockers: ["REUNIFICATION_NOT_POSSIBLE_NOW"] },
      ready: false,
    });
    // Nor is permanence away from home indicated yet.
    expect(checkStageMove(agreed, "alternative_permanence")).toEqual({
      ok: false,
      code: "REQUIREMENTS_MISSING",
      missing: { milestones: [], blockers: ["PERMANENCE_AWAY_NOT_INDICATED"] },
    });
  });

  test("agreements then support lead to classifying risk again", () => {
    const agreeing = at("parental_agreements", ["parental_agreement_signed"], {
      risk: statusOf(medium),
    });
    expect(nextStep(agreeing).missing.milestones).toEqual(["support_coordinated"]);
  });

  test("no return home while the level is high or severe", () => {
    const done: Milestone[] = ["risk_reclassified", "reunification_plan_agreed"];
    expect(
      nextStep(at("reclassification", done, { risk: statusOf(high) })).missing.blockers,
    ).toEqual(["RISK_TOO_HIGH_FOR_RETURN"]);
    expect(nextStep(at("reclassification", done, { risk: statusOf(medium) }))).toMatchObject({
      to: "return_home",
      ready: true,
    });
    expect(missingFor("return_home", at("reclassification", done)).blockers).toEqual([
      "NO_AGREED_CLASSIFICATION",
    ]);
  });

  test("a case closes after six months of support at home and six months at low", () => {
    const done: Milestone[] = [
      "return_prepared",
      "support_package_continued",
      "risk_reclassified_after_return",
      "services_stepped_down",
    ];
    const lowSince = (asOf: string) =>
      assessRisk(
        [
          { date: "2024-01-10", evidence: low },
          { date: "2024-04-10", evidence: low },
        ],
        asOf,
      );
    const notYet = at("return_home", done, {
      risk: lowSince("2024-06-01"),
      returnedHomeOn: "2024-02-01",
      asOf: "2024-06-01",
    });
    expect(nextStep(notYet).missing.blockers).toEqual([
      "SUPPORT_AFTER_RETURN_UNDER_SIX_MONTHS",
      "LOW_RISK_NOT_HELD_SIX_MONTHS",
    ]);
    const ready = at("return_home", done, {
      risk: lowSince("2024-08-01"),
      returnedHomeOn: "2024-02-01",
      asOf: "2024-08-01",
    });
    expect(nextStep(ready)).toMatchObject({ to: "closed", ready: true });
    expect(checkStageMove(ready, "closed")).toEqual({ ok: true });
    expect(nextStep(at("return_home", done, { risk: null })).missing.blockers).toEqual([
      "NOT_YET_RETURNED_HOME",
      "LOW_RISK_NOT_HELD_SIX_MONTHS",
    ]);
  });
});

describe("when return is not possible", () => {
  test("a severe case turns to permanence away from home", () => {
    const severeCase = at("parental_agreements", ["two_independent_classifications"], {
      risk: statusOf(severe),
    });
    expect(nextStep(severeCase)).toMatchObject({ to: "alternative_permanence", ready: true });
    expect(checkStageMove(severeCase, "alternative_permanence")).toEqual({ ok: true });
  });

  test("a high case turns there too when parents cannot change within the child's timeframe", () => {
    const baby = at("risk_classification", ["two_independent_classifications"], {
      risk: statusOf(high),
      changeUnlikelyInChildsTimeframe: true,
    });
    expect(nextStep(baby)).toMatchObject({ to: "alternative_permanence", ready: true });
  });

  test("the alternative path closes once the decision is explained with the positives and plans are made", () => {
    const permanence = at("alternative_permanence", ["permanence_plan_made"], {
      risk: statusOf(severe),
    });
    expect(nextStep(permanence)).toMatchObject({
      to: "closed",
      missing: {
        milestones: ["decision_explained_with_positives", "family_contact_planned"],
        blockers: [],
      },
    });
    const planned = at("alternative_permanence", [
      "decision_explained_with_positives",
      "permanence_plan_made",
      "family_contact_planned",
    ]);
    expect(checkStageMove(planned, "closed")).toEqual({ ok: true });
  });
});

describe("moves that are refused or always allowed", () => {
  test("a case can always move back", () => {
    expect(checkStageMove(at("reclassification", []), "parental_agreements")).toEqual({ ok: true });
    expect(checkStageMove(at("alternative_permanence", []), "risk_classification")).toEqual({
      ok: true,
    });
  });

  test("stages cannot be skipped, repeated, or reopened once closed", () => {
    expect(checkStageMove(fresh, "return_home")).toEqual({ ok: false, code: "NOT_THE_NEXT_STEP" });
    expect(checkStageMove(fresh, "alternative_permanence")).toEqual({
      ok: false,
      code: "NOT_THE_NEXT_STEP",
    });
    expect(checkStageMove(at("reclassification", []), "closed")).toEqual({
      ok: false,
      code: "NOT_THE_NEXT_STEP",
    });
    expect(checkStageMove(fresh, "initial_assessment")).toEqual({
      ok: false,
      code: "ALREADY_AT_STEP",
    });
    expect(checkStageMove(at("closed", []), "initial_assessment")).toEqual({
      ok: false,
      code: "CASE_CLOSED",
    });
  });

  test("nothing comes after closing", () => {
    expect(nextStep(at("closed", []))).toEqual({
      from: "closed",
      to: null,
      missing: { milestones: [], blockers: [] },
      ready: false,
    });
    expect(missingFor("initial_assessment", fresh)).toEqual({ milestones: [], blockers: [] });
  });

  test("progress is validated by its schema", () => {
    expect(caseProgressSchema.safeParse(fresh).success).toBe(true);
    expect(caseProgressSchema.safeParse({ ...fresh, done: ["tea_made"] }).success).toBe(false);
  });
});
