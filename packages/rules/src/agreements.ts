import { z } from "zod";
import { compareDates, type IsoDate } from "./dates.ts";
import { isoDateSchema } from "./date-schema.ts";
import { type FactorId, factorById, factorIdSchema } from "./factors.ts";
import type { RuleResult } from "./result.ts";
import { isReunificationPossible, type RiskLevel, riskLevelSchema } from "./risk.ts";

// Written parental agreements with SMART goals, their reviews, and the reunification plan:
// framework.md, "Parental agreements and plans"; report, "Decision making on reunification,
// planning and monitoring" and Appendix 2, Table 3 ("sets clear targets, implications and
// consequences").
// ("report" is shared/seeds/taking-care-evaluation-report-2015.txt.)

// ---------------------------------------------------------------------------------------
// Goals

/** What a goal must state before it is complete (SMART): framework.md; issue 3. */
export const GOAL_PARTS = [
  "changeNeeded",
  "measure",
  "evidenceExpected",
  "dueDate",
  "supportOffered",
  "consequence",
] as const;
export type GoalPart = (typeof GOAL_PARTS)[number];

export const GOAL_STATUSES = ["open", "achieved", "not_achieved"] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

/** A goal's status as the family sees it on a day: open goals past their date are overdue. */
export const GOAL_PROGRESS = ["open", "overdue", "achieved", "not_achieved"] as const;
export type GoalProgress = (typeof GOAL_PROGRESS)[number];

/**
 * One change needed, written plainly. The text fields hold the practitioner's own words
 * (user content, translated by people, not by code); an empty string means "not written yet".
 */
export interface Goal {
  readonly id: string;
  /** The identified risk factors this goal works on. */
  readonly addressesFactors: readonly FactorId[];
  readonly changeNeeded: string;
  /** How progress will be measured. */
  readonly measure: string;
  /** The evidence that will show the change has happened. */
  readonly evidenceExpected: string;
  readonly dueDate: IsoDate | null;
  readonly supportOffered: string;
  /** What happens if the goal is not achieved. */
  readonly consequence: string;
  readonly status: GoalStatus;
  /** The evidence actually seen, recorded when the goal is marked achieved. */
  readonly evidenceSeen: string;
}

export const goalStatusSchema = z.enum(GOAL_STATUSES);
export const goalSchema = z.object({
  id: z.string().min(1),
  addressesFactors: z.array(factorIdSchema),
  changeNeeded: z.string(),
  measure: z.string(),
  evidenceExpected: z.string(),
  dueDate: isoDateSchema.nullable(),
  supportOffered: z.string(),
  consequence: z.string(),
  status: goalStatusSchema,
  evidenceSeen: z.string(),
});

const isBlank = (text: string) => text.trim() === "";

/** The parts a goal still lacks; empty when the goal is complete. */
export function missingGoalParts(goal: Goal): readonly GoalPart[] {
  return GOAL_PARTS.filter((part) => {
    const value = goal[part];
    return value === null || isBlank(value);
  });
}

export function isGoalComplete(goal: Goal): boolean {
  return missingGoalParts(goal).length === 0;
}

export function goalProgress(goal: Goal, asOf: IsoDate): GoalProgress {
  if (goal.status !== "open") return goal.status;
  const pastDue = goal.dueDate !== null && compareDates(asOf, goal.dueDate) > 0;
  return pastDue ? "overdue" : "open";
}

export const GOAL_STATUS_ERROR_CODES = [
  "SAME_STATUS",
  "GOAL_ALREADY_DECIDED",
  "GOAL_INCOMPLETE",
  "NO_EVIDENCE_RECORDED",
  "NOT_YET_DUE",
] as const;
export type GoalStatusErrorCode = (typeof GOAL_STATUS_ERROR_CODES)[number];

/**
 * Whether a goal may be marked achieved or not achieved today. A decided goal stays decided
 * (a new goal is written instead), so parents can trust what was agreed.
 */
export function checkGoalStatusChange(
  goal: Goal,
  to: GoalStatus,
  asOf: IsoDate,
): RuleResult<GoalStatusErrorCode> {
  if (to === goal.status) return { ok: false, code: "SAME_STATUS" };
  if (goal.status !== "open") return { ok: false, code: "GOAL_ALREADY_DECIDED" };
  if (!isGoalComplete(goal)) return { ok: false, code: "GOAL_INCOMPLETE" };
  // Achievement rests on the evidence the agreement asked for, not on an impression.
  if (to === "achieved" && isBlank(goal.evidenceSeen)) {
    return { ok: false, code: "NO_EVIDENCE_RECORDED" };
  }
  // Parents have until the due date; "not achieved" cannot be decided before it.
  if (to === "not_achieved" && goal.dueDate !== null && compareDates(asOf, goal.dueDate) < 0) {
    return { ok: false, code: "NOT_YET_DUE" };
  }
  return { ok: true };
}

// ---------------------------------------------------------------------------------------
// The written agreement

/**
 * draft -> shared_with_family -> signed -> ended, and back from shared to draft. Families
 * check, question and correct what is written before it is final (framework.md, "What
 * families told the evaluators").
 */
export const AGREEMENT_STATUSES = ["draft", "shared_with_family", "signed", "ended"] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export interface ParentalAgreement {
  /** The risk factors identified: the agreement states them (framework.md). */
  readonly riskFactors: readonly FactorId[];
  readonly protectiveFactors: readonly FactorId[];
  readonly goals: readonly Goal[];
  /** The points at which progress will be reviewed. */
  readonly reviewDates: readonly IsoDate[];
  readonly status: AgreementStatus;
}

export const agreementStatusSchema = z.enum(AGREEMENT_STATUSES);
export const parentalAgreementSchema = z.object({
  riskFactors: z.array(factorIdSchema),
  protectiveFactors: z.array(factorIdSchema),
  goals: z.array(goalSchema),
  reviewDates: z.array(isoDateSchema),
  status: agreementStatusSchema,
});

/** What the agreement is checked against: the case's agreed classification, if any. */
export interface AgreementContext {
  readonly agreedLevel: RiskLevel | null;
}

export const agreementContextSchema = z.object({ agreedLevel: riskLevelSchema.nullable() });

export const AGREEMENT_PROBLEM_CODES = [
  "NO_AGREED_CLASSIFICATION",
  "REUNIFICATION_NOT_POSSIBLE_NOW",
  "NO_GOALS",
  "GOAL_INCOMPLETE",
  "RISK_FACTOR_WITHOUT_GOAL",
  "NOT_A_RISK_FACTOR",
  "NOT_A_PROTECTIVE_FACTOR",
  "NO_REVIEW_DATES",
] as const;
export type AgreementProblemCode = (typeof AGREEMENT_PROBLEM_CODES)[number];

export type AgreementProblem =
  | {
      readonly code:
        | "NO_AGREED_CLASSIFICATION"
        | "REUNIFICATION_NOT_POSSIBLE_NOW"
        | "NO_GOALS"
        | "NO_REVIEW_DATES";
    }
  | {
      readonly code: "GOAL_INCOMPLETE";
      readonly goalId: string;
      readonly missing: readonly GoalPart[];
    }
  | {
      readonly code: "RISK_FACTOR_WITHOUT_GOAL" | "NOT_A_RISK_FACTOR" | "NOT_A_PROTECTIVE_FACTOR";
      readonly factorId: FactorId;
    };

function classificationProblems(context: AgreementContext): readonly AgreementProblem[] {
  // No parental agreement before a classification is agreed (issue 3; framework.md stages).
  if (context.agreedLevel === null) return [{ code: "NO_AGREED_CLASSIFICATION" }];
  // Agreements are used "in circumstances where reunification is considered possible"
  // (report, "Decision making on reunification"): at low or medium.
  if (!isReunificationPossible(context.agreedLevel)) {
    return [{ code: "REUNIFICATION_NOT_POSSIBLE_NOW" }];
  }
  return [];
}

function factorProblems(agreement: ParentalAgreement): readonly AgreementProblem[] {
  const misfiledRisk = agreement.riskFactors
    .filter((id) => factorById(id).direction !== "raises")
    .map((factorId) => ({ code: "NOT_A_RISK_FACTOR" as const, factorId }));
  const misfiledProtective = agreement.protectiveFactors
    .filter((id) => factorById(id).direction !== "lowers")
    .map((factorId) => ({ code: "NOT_A_PROTECTIVE_FACTOR" as const, factorId }));
  // Each change needed is set out as a goal: every identified risk factor needs one.
  const workedOn = new Set(agreement.goals.flatMap((goal) => goal.addressesFactors));
  const withoutGoal = agreement.riskFactors
    .filter((id) => factorById(id).direction === "raises" && !workedOn.has(id))
    .map((factorId) => ({ code: "RISK_FACTOR_WITHOUT_GOAL" as const, factorId }));
  return [...misfiledRisk, ...misfiledProtective, ...withoutGoal];
}

function goalProblems(agreement: ParentalAgreement): readonly AgreementProblem[] {
  if (agreement.goals.length === 0) return [{ code: "NO_GOALS" }];
  return agreement.goals
    .map((goal) => ({
      code: "GOAL_INCOMPLETE" as const,
      goalId: goal.id,
      missing: missingGoalParts(goal),
    }))
    .filter((problem) => problem.missing.length > 0);
}

/** Everything that stops an agreement being shared or signed; empty when it is ready. */
export function findAgreementProblems(
  agreement: ParentalAgreement,
  context: AgreementContext,
): readonly AgreementProblem[] {
  const reviews: readonly AgreementProblem[] =
    agreement.reviewDates.length === 0 ? [{ code: "NO_REVIEW_DATES" }] : [];
  return [
    ...classificationProblems(context),
    ...goalProblems(agreement),
    ...factorProblems(agreement),
    ...reviews,
  ];
}

export const AGREEMENT_STATUS_ERROR_CODES = [
  "SAME_STATUS",
  "INVALID_STATUS_CHANGE",
  "NOT_SHARED_WITH_FAMILY",
  "AGREEMENT_NOT_READY",
] as const;
export type AgreementStatusErrorCode = (typeof AGREEMENT_STATUS_ERROR_CODES)[number];

export type AgreementStatusChangeResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: Exclude<AgreementStatusErrorCode, "AGREEMENT_NOT_READY"> }
  | {
      readonly ok: false;
      readonly code: "AGREEMENT_NOT_READY";
      readonly problems: readonly AgreementProblem[];
    };

const ALLOWED_CHANGES: Readonly<Record<AgreementStatus, readonly AgreementStatus[]>> = {
  draft: ["shared_with_family"],
  shared_with_family: ["draft", "signed"],
  signed: ["ended"],
  ended: [],
};

export function checkAgreementStatusChange(
  agreement: ParentalAgreement,
  to: AgreementStatus,
  context: AgreementContext,
): AgreementStatusChangeResult {
  const from = agreement.status;
  if (to === from) return { ok: false, code: "SAME_STATUS" };
  // Signing straight from a draft would skip the family's chance to check and correct it.
  if (from === "draft" && to === "signed") return { ok: false, code: "NOT_SHARED_WITH_FAMILY" };
  if (!ALLOWED_CHANGES[from].includes(to)) return { ok: false, code: "INVALID_STATUS_CHANGE" };
  if (to === "shared_with_family" || to === "signed") {
    const problems = findAgreementProblems(agreement, context);
    if (problems.length > 0) return { ok: false, code: "AGREEMENT_NOT_READY", problems };
  }
  return { ok: true };
}

// ---------------------------------------------------------------------------------------
// Reviews of the agreement

export const REVIEW_STATUSES = ["upcoming", "due_today", "overdue", "held"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

export interface ScheduledReview {
  readonly date: IsoDate;
  readonly heldOn: IsoDate | null;
}

export const scheduledReviewSchema = z.object({
  date: isoDateSchema,
  heldOn: isoDateSchema.nullable(),
});

export function reviewStatus(review: ScheduledReview, asOf: IsoDate): ReviewStatus {
  if (review.heldOn !== null) return "held";
  const cmp = compareDates(asOf, review.date);
  if (cmp === 0) return "due_today";
  return cmp > 0 ? "overdue" : "upcoming";
}

/**
 * The review families should hear about next: the earliest one not yet held (an overdue one
 * first). Families wanted to know when the next meeting was (framework.md).
 */
export function nextReview(reviews: readonly ScheduledReview[]): ScheduledReview | null {
  const waiting = reviews.filter((review) => review.heldOn === null);
  return waiting.toSorted((a, b) => compareDates(a.date, b.date))[0] ?? null;
}

export const REVIEW_ERROR_CODES = ["REVIEW_ALREADY_HELD", "HELD_IN_THE_FUTURE"] as const;
export type ReviewErrorCode = (typeof REVIEW_ERROR_CODES)[number];

/** Whether a review may be recorded as held on `heldOn`. */
export function checkReviewHeld(
  review: ScheduledReview,
  heldOn: IsoDate,
  asOf: IsoDate,
): RuleResult<ReviewErrorCode> {
  if (review.heldOn !== null) return { ok: false, code: "REVIEW_ALREADY_HELD" };
  if (compareDates(heldOn, asOf) > 0) return { ok: false, code: "HELD_IN_THE_FUTURE" };
  return { ok: true };
}

// ---------------------------------------------------------------------------------------
// The reunification plan

/** What a reunification plan states: framework.md, "Parental agreements and plans". */
export const PLAN_PARTS = ["expectedReturnBy", "support", "roles", "progressPoints"] as const;
export type PlanPart = (typeof PLAN_PARTS)[number];

export interface PlanRole {
  /** The professional or carer, as the case record names them. */
  readonly person: string;
  readonly role: string;
}

export interface ReunificationPlan {
  /** The expected timescale: when the child is expected to be home. */
  readonly expectedReturnBy: IsoDate | null;
  readonly support: string;
  /** The role of each professional and carer. */
  readonly roles: readonly PlanRole[];
  /** The points at which progress will be assessed. */
  readonly progressPoints: readonly IsoDate[];
}

export const reunificationPlanSchema = z.object({
  expectedReturnBy: isoDateSchema.nullable(),
  support: z.string(),
  roles: z.array(z.object({ person: z.string(), role: z.string() })),
  progressPoints: z.array(isoDateSchema),
});

const PLAN_PART_PRESENT: Readonly<Record<PlanPart, (plan: ReunificationPlan) => boolean>> = {
  expectedReturnBy: (plan) => plan.expectedReturnBy !== null,
  support: (plan) => !isBlank(plan.support),
  roles: (plan) =>
    plan.roles.length > 0 && plan.roles.every((r) => !isBlank(r.person) && !isBlank(r.role)),
  progressPoints: (plan) => plan.progressPoints.length > 0,
};

/** The parts a reunification plan still lacks; empty when it is complete. */
export function missingPlanParts(plan: ReunificationPlan): readonly PlanPart[] {
  return PLAN_PARTS.filter((part) => !PLAN_PART_PRESENT[part](plan));
}
