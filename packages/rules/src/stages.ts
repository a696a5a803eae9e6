import { z } from "zod";
import { addMonths, compareDates, type IsoDate } from "./dates.ts";
import { isoDateSchema } from "./date-schema.ts";
import { type RiskStatus, riskStatusSchema } from "./risk.ts";
import { MINIMUM_SUPPORT_AFTER_RETURN_MONTHS } from "./timeframes.ts";

// The five stages, what each needs before the case moves on, and the alternative path when
// return is not possible: framework.md, "The five stages"; report, "Overview of Taking
// Care"; reunification-framework-slides.txt, "A staged approach".
// ("report" is shared/seeds/taking-care-evaluation-report-2015.txt.)

export type Stage =
  | "initial_assessment"
  | "risk_classification"
  | "parental_agreements"
  | "reclassification"
  | "return_home";

export const STAGES = [
  "initial_assessment",
  "risk_classification",
  "parental_agreements",
  "reclassification",
  "return_home",
] as const satisfies readonly Stage[];

const STAGE_ORDER: readonly string[] = STAGES;

/** Where a case can be: one of the five stages, the alternative path, or closed. */
export const CASE_STEPS = [...STAGES, "alternative_permanence", "closed"] as const;
export type CaseStep = (typeof CASE_STEPS)[number];

/** Work a practitioner records as done. Each belongs to the step it lets the case leave. */
export const MILESTONES = [
  // 1. Initial assessment: gather and review the data.
  "independent_file_read", // by someone who has not worked with the family
  "analytical_case_history", // chronology with the practitioner's analysis and patterns
  "genogram",
  "risk_and_protective_factors_recorded",
  "capacity_to_change_assessed",
  "attachment_assessed",
  "child_needs_assessed",
  "child_views_heard",
  "parent_views_heard",
  "trusted_adult_identified",
  "data_gaps_planned", // gaps in the data found, and how to fill them
  // 2. Risk classification.
  "two_independent_classifications",
  "decision_explained_to_family", // the traffic lights, explained to parents and child
  // 3. Parental agreements.
  "parental_agreement_signed",
  "support_coordinated", // support and services, multi-agency, before return
  // 4. Classify risk again.
  "risk_reclassified",
  "reunification_plan_agreed",
  // 5. Return home.
  "return_prepared", // gradual: visits, overnight stays
  "support_package_continued",
  "risk_reclassified_after_return",
  "services_stepped_down", // gradually: an abrupt stop harms the child
  // Where return is not possible.
  "decision_explained_with_positives", // the positives as well as what is still needed
  "permanence_plan_made",
  "family_contact_planned", // ongoing links and contact with the birth family
] as const;
export type Milestone = (typeof MILESTONES)[number];

/** Rules, rather than work to record, that stop a case moving on. */
export const STAGE_BLOCKERS = [
  "NO_AGREED_CLASSIFICATION",
  "REUNIFICATION_NOT_POSSIBLE_NOW",
  "RISK_TOO_HIGH_FOR_RETURN",
  "PERMANENCE_AWAY_NOT_INDICATED",
  "NOT_YET_RETURNED_HOME",
  "SUPPORT_AFTER_RETURN_UNDER_SIX_MONTHS",
  "LOW_RISK_NOT_HELD_SIX_MONTHS",
] as const;
export type StageBlocker = (typeof STAGE_BLOCKERS)[number];

export interface CaseProgress {
  readonly step: CaseStep;
  readonly done: readonly Milestone[];
  /** From `assessRisk` over the agreed classifications; null until one is agreed. */
  readonly risk: RiskStatus | null;
  /** Practitioners judge parents unlikely to change within the child's timeframe. */
  readonly changeUnlikelyInChildsTimeframe: boolean;
  readonly returnedHomeOn: IsoDate | null;
  readonly asOf: IsoDate;
}

export const stageSchema = z.enum(STAGES);
export const caseStepSchema = z.enum(CASE_STEPS);
export const milestoneSchema = z.enum(MILESTONES);
export const caseProgressSchema = z.object({
  step: caseStepSchema,
  done: z.array(milestoneSchema),
  risk: riskStatusSchema.nullable(),
  changeUnlikelyInChildsTimeframe: z.boolean(),
  returnedHomeOn: isoDateSchema.nullable(),
  asOf: isoDateSchema,
});

export interface MissingForStep {
  readonly milestones: readonly Milestone[];
  readonly blockers: readonly StageBlocker[];
}

export interface NextStep {
  readonly from: CaseStep;
  /** null once the case is closed. */
  readonly to: CaseStep | null;
  readonly missing: MissingForStep;
  readonly ready: boolean;
}

const FORWARD: Readonly<Record<CaseStep, CaseStep | null>> = {
  initial_assessment: "risk_classification",
  risk_classification: "parental_agreements",
  parental_agreements: "reclassification",
  reclassification: "return_home",
  return_home: "closed",
  alternative_permanence: "closed",
  closed: null,
};

const INITIAL_ASSESSMENT: readonly Milestone[] = MILESTONES.slice(
  0,
  MILESTONES.indexOf("two_independent_classifications"),
);

/** The milestones needed to enter a step from the case's current step. */
function milestonesFor(to: CaseStep, from: CaseStep): readonly Milestone[] {
  switch (to) {
    case "risk_classification":
      return INITIAL_ASSESSMENT;
    case "parental_agreements":
      return ["two_independent_classifications", "decision_explained_to_family"];
    case "reclassification":
      return ["parental_agreement_signed", "support_coordinated"];
    case "return_home":
      return ["risk_reclassified", "reunification_plan_agreed"];
    case "alternative_permanence":
      return ["two_independent_classifications"];
    case "closed":
      return from === "alternative_permanence"
        ? ["decision_explained_with_positives", "permanence_plan_made", "family_contact_planned"]
        : [
            "return_prepared",
            "support_package_continued",
            "risk_reclassified_after_return",
            "services_stepped_down",
          ];
    case "initial_assessment":
      return [];
  }
}

/**
 * Permanence away from home is the plan at severe, or at high when parents are unlikely to
 * change within the child's timeframe (framework.md, "Decisions by level").
 */
function permanenceAwayIndicated(progress: CaseProgress): boolean {
  const level = progress.risk?.level;
  return level === "severe" || (level === "high" && progress.changeUnlikelyInChildsTimeframe);
}

function closingBlockers(progress: CaseProgress): readonly StageBlocker[] {
  const { returnedHomeOn, risk, asOf } = progress;
  const blockers: StageBlocker[] = [];
  if (returnedHomeOn === null) {
    blockers.push("NOT_YET_RETURNED_HOME");
  } else if (
    // At least six months of support and monitoring after the return (report, "Time frames").
    compareDates(asOf, addMonths(returnedHomeOn, MINIMUM_SUPPORT_AFTER_RETURN_MONTHS)) < 0
  ) {
    blockers.push("SUPPORT_AFTER_RETURN_UNDER_SIX_MONTHS");
  }
  // Low maintained for at least six months: the case can close (framework.md).
  if (risk === null || !risk.mayClose) blockers.push("LOW_RISK_NOT_HELD_SIX_MONTHS");
  return blockers;
}

/** The rules that stop a case entering a step. */
function blockersFor(to: CaseStep, progress: CaseProgress): readonly StageBlocker[] {
  const { risk } = progress;
  const needsClassification = ["parental_agreements", "return_home", "alternative_permanence"];
  if (risk === null && needsClassification.includes(to)) return ["NO_AGREED_CLASSIFICATION"];
  switch (to) {
    case "parental_agreements":
      // No agreement before a classification is agreed, and only where return is possible.
      return risk?.reunificationPossible ? [] : ["REUNIFICATION_NOT_POSSIBLE_NOW"];
    case "return_home":
      // No return home while the level is high or severe (issue 3).
      return risk?.reunificationPossible ? [] : ["RISK_TOO_HIGH_FOR_RETURN"];
    case "alternative_permanence":
      return permanenceAwayIndicated(progress) ? [] : ["PERMANENCE_AWAY_NOT_INDICATED"];
    case "closed":
      return progress.step === "alternative_permanence" ? [] : closingBlockers(progress);
    default:
      return [];
  }
}

/** Everything still missing before the case may enter `to` from where it is. */
export function missingFor(to: CaseStep, progress: CaseProgress): MissingForStep {
  const done = new Set(progress.done);
  return {
    milestones: milestonesFor(to, progress.step).filter((milestone) => !done.has(milestone)),
    blockers: blockersFor(to, progress),
  };
}

function nextStepOf(progress: CaseProgress): CaseStep | null {
  const { step } = progress;
  const onReunificationPath = step !== "initial_assessment" && STAGE_ORDER.includes(step);
  // Once classified, a case where return is not possible turns to the alternative path.
  if (onReunificationPath && permanenceAwayIndicated(progress)) return "alternative_permanence";
  return FORWARD[step];
}

/**
 * What comes next for a case and what is still missing for it - what families asked to know
 * ("what stage the assessment was at, what came next"; framework.md).
 */
export function nextStep(progress: CaseProgress): NextStep {
  const to = nextStepOf(progress);
  const missing = to === null ? { milestones: [], blockers: [] } : missingFor(to, progress);
  const ready = to !== null && missing.milestones.length === 0 && missing.blockers.length === 0;
  return { from: progress.step, to, missing, ready };
}

export const STAGE_MOVE_ERROR_CODES = [
  "CASE_CLOSED",
  "ALREADY_AT_STEP",
  "NOT_THE_NEXT_STEP",
  "REQUIREMENTS_MISSING",
] as const;
export type StageMoveErrorCode = (typeof STAGE_MOVE_ERROR_CODES)[number];

export type StageMoveResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: Exclude<StageMoveErrorCode, "REQUIREMENTS_MISSING"> }
  | { readonly ok: false; readonly code: "REQUIREMENTS_MISSING"; readonly missing: MissingForStep };

function isMoveBack(from: CaseStep, to: CaseStep): boolean {
  const toIndex = STAGE_ORDER.indexOf(to);
  if (toIndex === -1) return false;
  // From the alternative path, any stage is a move back: circumstances can change.
  if (from === "alternative_permanence") return true;
  return toIndex < STAGE_ORDER.indexOf(from);
}

/**
 * Whether a case may move from its step to `to`. Stages overlap and a case can move back
 * (framework.md), so moving back is always allowed; moving on needs the next step's
 * requirements; the alternative path is open once permanence away from home is indicated.
 */
export function checkStageMove(progress: CaseProgress, to: CaseStep): StageMoveResult {
  const from = progress.step;
  if (from === "closed") return { ok: false, code: "CASE_CLOSED" };
  if (to === from) return { ok: false, code: "ALREADY_AT_STEP" };
  if (isMoveBack(from, to)) return { ok: true };
  const reachable =
    to === FORWARD[from] || (to === "alternative_permanence" && from !== "initial_assessment");
  if (!reachable) return { ok: false, code: "NOT_THE_NEXT_STEP" };
  const missing = missingFor(to, progress);
  if (missing.milestones.length > 0 || missing.blockers.length > 0) {
    return { ok: false, code: "REQUIREMENTS_MISSING", missing };
  }
  return { ok: true };
}
