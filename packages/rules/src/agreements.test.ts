import { describe, expect, test } from "vitest";
import {
  checkAgreementStatusChange,
  checkGoalStatusChange,
  checkReviewHeld,
  findAgreementProblems,
  type Goal,
  goalProgress,
  goalSchema,
  isGoalComplete,
  missingGoalParts,
  missingPlanParts,
  nextReview,
  type ParentalAgreement,
  parentalAgreementSchema,
  type ReunificationPlan,
  reunificationPlanSchema,
  reviewStatus,
} from "./agreements.ts";

// A goal as a social worker might write it with a mother whose drinking put her son at risk.
const stopDrinking: Goal = {
  id: "goal-1",
  addressesFactors: ["substance_misuse"],
  changeNeeded: "Stop drinking during the day",
  measure: "Weekly tests at the alcohol service",
  evidenceExpected: "Twelve clear tests in a row",
  dueDate: "2024-06-30",
  supportOffered: "Alcohol service key worker; childcare during appointments",
  consequence: "We will ask the court to plan for Sam to live with his grandmother",
  status: "open",
  evidenceSeen: "",
};

const agreement: ParentalAgreement = {
  riskFactors: ["substance_misuse"],
  protectiveFactors: ["supportive_extended_family"],
  goals: [stopDrinking],
  reviewDates: ["2024-04-15", "2024-06-30"],
  status: "draft",
};

const medium = { agreedLevel: "medium" } as const;

describe("SMART goals", () => {
  test("a goal that states everything is complete", () => {
    expect(missingGoalParts(stopDrinking)).toEqual([]);
    expect(isGoalComplete(stopDrinking)).toBe(true);
    expect(goalSchema.safeParse(stopDrinking).success).toBe(true);
  });

  test("a goal with no date, no measure and no consequence is not", () => {
    const vague = { ...stopDrinking, measure: "  ", dueDate: null, consequence: "" };
    expect(missingGoalParts(vague)).toEqual(["measure", "dueDate", "consequence"]);
    expect(isGoalComplete(vague)).toBe(false);
  });

  test("an open goal past its date is overdue; a decided one keeps its status", () => {
    expect(goalProgress(stopDrinking, "2024-06-30")).toBe("open");
    expect(goalProgress(stopDrinking, "2024-07-01")).toBe("overdue");
    expect(goalProgress({ ...stopDrinking, dueDate: null }, "2030-01-01")).toBe("open");
    expect(goalProgress({ ...stopDrinking, status: "achieved" }, "2024-07-01")).toBe("achieved");
  });

  test("a goal is achieved only on the evidence asked for", () => {
    expect(checkGoalStatusChange(stopDrinking, "achieved", "2024-05-01")).toEqual({
      ok: false,
      code: "NO_EVIDENCE_RECORDED",
    });
    const withEvidence = { ...stopDrinking, evidenceSeen: "Twelve clear tests, March to May" };
    expect(checkGoalStatusChange(withEvidence, "achieved", "2024-05-01")).toEqual({ ok: true });
  });

  test("a goal cannot be called not achieved before its date", () => {
    expect(checkGoalStatusChange(stopDrinking, "not_achieved", "2024-06-29")).toEqual({
      ok: false,
      code: "NOT_YET_DUE",
    });
    expect(checkGoalStatusChange(stopDrinking, "not_achieved", "2024-06-30")).toEqual({ ok: true });
  });

  test("incomplete, unchanged or already decided goals cannot change status", () => {
    expect(
      checkGoalStatusChange({ ...stopDrinking, dueDate: null }, "not_achieved", "2024-07-01"),
    ).toEqual({
      ok: false,
      code: "GOAL_INCOMPLETE",
    });
    expect(checkGoalStatusChange(stopDrinking, "open", "2024-07-01")).toEqual({
      ok: false,
      code: "SAME_STATUS",
    });
    expect(
      checkGoalStatusChange({ ...stopDrinking, status: "achieved" }, "open", "2024-07-01"),
    ).toEqual({
      ok: false,
      code: "GOAL_ALREADY_DECIDED",
    });
  });
});

describe("the written agreement", () => {
  test("a complete agreement at medium risk is ready", () => {
    expect(findAgreementProblems(agreement, medium)).toEqual([]);
    expect(parentalAgreementSchema.safeParse(agreement).success).toBe(true);
  });

  test("no agreement before the classification is agreed", () => {
    expect(findAgreementProblems(agreement, { agreedLevel: null })).toContainEqual({
      code: "NO_AGREED_CLASSIFICATION",
    });
  });

  test("no agreement about going home while return is not possible", () => {
    expect(findAgreementProblems(agreement, { agreedLevel: "high" })).toEqual([
      { code: "REUNIFICATION_NOT_POSSIBLE_NOW" },
    ]);
  });

  test("every worry needs a goal, and every goal must be complete", () => {
    const problems = findAgreementProblems(
      {
        ...agreement,
        riskFactors: ["substance_misuse", "housing_instability"],
        goals: [{ ...stopDrinking, supportOffered: "" }],
      },
      medium,
    );
    expect(problems).toEqual([
      { code: "GOAL_INCOMPLETE", goalId: "goal-1", missing: ["supportOffered"] },
      { code: "RISK_FACTOR_WITHOUT_GOAL", factorId: "housing_instability" },
    ]);
  });

  test("worries and strengths must be filed the right way round; goals and reviews are needed", () => {
    const problems = findAgreementProblems(
      {
        ...agreement,
        riskFactors: ["social_support"],
        protectiveFactors: ["neglect"],
        goals: [],
        reviewDates: [],
      },
      medium,
    );
    expect(problems).toEqual([
      { code: "NO_GOALS" },
      { code: "NOT_A_RISK_FACTOR", factorId: "social_support" },
      { code: "NOT_A_PROTECTIVE_FACTOR", factorId: "neglect" },
      { code: "NO_REVIEW_DATES" },
    ]);
  });

  test("the family sees the agreement before it is signed", () => {
    expect(checkAgreementStatusChange(agreement, "signed", medium)).toEqual({
      ok: false,
      code: "NOT_SHARED_WITH_FAMILY",
    });
    expect(checkAgreementStatusChange(agreement, "shared_with_family", medium)).toEqual({
      ok: true,
    });
    const shared = { ...agreement, status: "shared_with_family" } as const;
    expect(checkAgreementStatusChange(shared, "draft", medium)).toEqual({ ok: true });
    expect(checkAgreementStatusChange(shared, "signed", medium)).toEqual({ ok: true });
  });

  test("an agreement that is not ready cannot be shared or signed", () => {
    expect(
      checkAgreementStatusChange({ ...agreement, goals: [] }, "shared_with_family", medium),
    ).toEqual({
      ok: false,
      code: "AGREEMENT_NOT_READY",
      problems: [
        { code: "NO_GOALS" },
        { code: "RISK_FACTOR_WITHOUT_GOAL", factorId: "substance_misuse" },
      ],
    });
  });

  test("other changes are refused", () => {
    expect(checkAgreementStatusChange(agreement, "draft", medium)).toEqual({
      ok: false,
      code: "SAME_STATUS",
    });
    expect(checkAgreementStatusChange(agreement, "ended", medium)).toEqual({
      ok: false,
      code: "INVALID_STATUS_CHANGE",
    });
    expect(checkAgreementStatusChange({ ...agreement, status: "signed" }, "ended", medium)).toEqual(
      { ok: true },
    );
    expect(checkAgreementStatusChange({ ...agreement, status: "ended" }, "signed", medium)).toEqual(
      {
        ok: false,
        code: "INVALID_STATUS_CHANGE",
      },
    );
  });
});

describe("reviews of the agreement", () => {
  const april = { date: "2024-04-15", heldOn: null };

  test("a review is upcoming, due today, overdue or held", () => {
    expect(reviewStatus(april, "2024-04-14")).toBe("upcoming");
    expect(reviewStatus(april, "2024-04-15")).toBe("due_today");
    expect(reviewStatus(april, "2024-04-16")).toBe("overdue");
    expect(reviewStatus({ ...april, heldOn: "2024-04-17" }, "2024-04-20")).toBe("held");
  });

  test("the next review is the earliest not yet held", () => {
    const june = { date: "2024-06-30", heldOn: null };
    expect(nextReview([june, april])).toEqual(april);
    expect(nextReview([june, { ...april, heldOn: "2024-04-15" }])).toEqual(june);
    expect(nextReview([])).toBeNull();
  });

  test("a review is held once, and not in the future", () => {
    expect(checkReviewHeld(april, "2024-04-15", "2024-04-15")).toEqual({ ok: true });
    expect(checkReviewHeld(april, "2024-04-16", "2024-04-15")).toEqual({
      ok: false,
      code: "HELD_IN_THE_FUTURE",
    });
    expect(checkReviewHeld({ ...april, heldOn: "2024-04-15" }, "2024-04-16", "2024-04-20")).toEqual(
      {
        ok: false,
        code: "REVIEW_ALREADY_HELD",
      },
    );
  });
});

describe("the reunification plan", () => {
  const plan: ReunificationPlan = {
    expectedReturnBy: "2024-09-01",
    support: "Family support worker twice a week; school nurse",
    roles: [
      { person: "Jo Patel (social worker)", role: "Visits and reviews" },
      { person: "Mr and Mrs Green (foster carers)", role: "Overnight stays handover" },
    ],
    progressPoints: ["2024-07-01", "2024-08-01"],
  };

  test("a plan that states timescale, support, roles and progress points is complete", () => {
    expect(missingPlanParts(plan)).toEqual([]);
    expect(reunificationPlanSchema.safeParse(plan).success).toBe(true);
  });

  test("a plan missing parts says which", () => {
    expect(
      missingPlanParts({
        expectedReturnBy: null,
        support: " ",
        roles: [{ person: "Jo Patel", role: "" }],
        progressPoints: [],
      }),
    ).toEqual(["expectedReturnBy", "support", "roles", "progressPoints"]);
  });
});
