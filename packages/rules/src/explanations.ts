import { z } from "zod";
import { addMonths, type IsoDate } from "./dates.ts";
import { type FactorId, factorIdSchema, splitByDirection } from "./factors.ts";
import {
  classifyRisk,
  compareRiskLevels,
  levelBelow,
  type RiskEvidence,
  type RiskLevel,
  type RiskStatus,
  riskEvidenceSchema,
  riskStatusSchema,
  SUSTAINED_MONTHS,
} from "./risk.ts";

// The reasons behind a risk status, as data the apps turn into plain, translated sentences:
// the "straight talking" parents valued (report, Appendix 2, Table 3; framework.md, "The risk
// classification table"). Families coped with "no" when they heard the positives as well as
// what was still needed (report, "When a child is unable to return home").
// ("report" is shared/seeds/taking-care-evaluation-report-2015.txt.)

/** The decision each level leads to: framework.md, "Decisions by level". */
export const DECISIONS = [
  "permanence_away_from_home", // severe
  "no_reunification_now", // high
  "reunification_can_be_considered", // medium, low
  "case_can_close", // low, held six months
] as const;
export type Decision = (typeof DECISIONS)[number];

/** What the latest evidence shows, one finding per input of the table. */
export const FINDINGS = [
  "NO_RISK_FACTORS",
  "RISK_FACTORS_BEING_ADDRESSED",
  "RISK_FACTORS_NOT_ADDRESSED",
  "PROTECTIVE_FACTORS_PRESENT",
  "NO_PROTECTIVE_FACTORS",
  "CAPACITY_TO_CHANGE_SHOWN",
  "NO_CAPACITY_TO_CHANGE",
] as const;
export type FindingCode = (typeof FINDINGS)[number];

export interface Finding {
  readonly code: FindingCode;
  /** A positive to tell the family, or something still needed. */
  readonly positive: boolean;
}

/** Why the case sits at a worse level than its latest evidence alone would give. */
export const HELD_BACK_REASONS = [
  "CHANGE_NOT_YET_SUSTAINED", // better evidence, but not yet for six months
  "RISK_FACTORS_NOT_ADDRESSED_IN_TIME", // high for six months without addressing risk factors
] as const;
export type HeldBackReason = (typeof HELD_BACK_REASONS)[number];

/** What would move the case down a level (or, at low, let it close). */
export const NEEDED_CHANGES = [
  "PROTECTIVE_FACTORS_NEEDED",
  "SHOW_CAPACITY_TO_CHANGE",
  "START_ADDRESSING_RISK_FACTORS",
  "ADDRESS_ALL_RISK_FACTORS",
  "KEEP_CHANGE_GOING", // the evidence is already good enough: keep it up until the date
  "KEEP_LOW_RISK", // at low: keep things as they are until the case can close
] as const;
export type NeededChange = (typeof NEEDED_CHANGES)[number];

export interface RiskExplanation {
  readonly level: RiskLevel;
  readonly decision: Decision;
  readonly findings: readonly Finding[];
  readonly heldBack: HeldBackReason | null;
  /** The level one step down, or null at low. */
  readonly nextLevel: RiskLevel | null;
  readonly needed: readonly NeededChange[];
  /** How long a change must last before the case moves down. */
  readonly sustainMonths: number;
  /** While improving: the first day a review can move the case down. */
  readonly earliestStepDown: IsoDate | null;
  /** At high: the day the case becomes severe unless risk factors start being addressed. */
  readonly driftDate: IsoDate | null;
  /** At low: the first day the case can close (it may already have passed). */
  readonly mayCloseFrom: IsoDate | null;
  /** The identified factors that make harm more likely, and those that make it less likely. */
  readonly riskFactors: readonly FactorId[];
  readonly protectiveFactors: readonly FactorId[];
}

export interface ExplanationInput {
  readonly status: RiskStatus;
  /** The evidence of the latest review. */
  readonly latestEvidence: RiskEvidence;
  /** Factors identified for the case, raising and lowering alike; sorted here by direction. */
  readonly factors: readonly FactorId[];
}

export const explanationInputSchema = z.object({
  status: riskStatusSchema,
  latestEvidence: riskEvidenceSchema,
  factors: z.array(factorIdSchema),
});

function decisionFor(status: RiskStatus): Decision {
  if (status.mayClose) return "case_can_close";
  if (status.level === "severe") return "permanence_away_from_home";
  if (status.level === "high") return "no_reunification_now";
  return "reunification_can_be_considered";
}

const RISK_FACTOR_FINDINGS: Readonly<Record<RiskEvidence["riskFactors"], Finding>> = {
  none: { code: "NO_RISK_FACTORS", positive: true },
  being_addressed: { code: "RISK_FACTORS_BEING_ADDRESSED", positive: true },
  not_addressed: { code: "RISK_FACTORS_NOT_ADDRESSED", positive: false },
};

function findingsFor(evidence: RiskEvidence): readonly Finding[] {
  return [
    RISK_FACTOR_FINDINGS[evidence.riskFactors],
    evidence.protectiveFactors
      ? { code: "PROTECTIVE_FACTORS_PRESENT", positive: true }
      : { code: "NO_PROTECTIVE_FACTORS", positive: false },
    evidence.capacityToChange
      ? { code: "CAPACITY_TO_CHANGE_SHOWN", positive: true }
      : { code: "NO_CAPACITY_TO_CHANGE", positive: false },
  ];
}

function heldBackReason(status: RiskStatus, evidence: RiskEvidence): HeldBackReason | null {
  const evidenceLevel = classifyRisk(evidence).level;
  if (compareRiskLevels(status.level, evidenceLevel) <= 0) return null;
  // Better evidence always starts a run of improvement at its review, so a worse level with
  // no run means the calendar moved the case: the no-drift rule.
  return status.improvingSince === null
    ? "RISK_FACTORS_NOT_ADDRESSED_IN_TIME"
    : "CHANGE_NOT_YET_SUSTAINED";
}

/**
 * The evidence that would classify at the next level down, per the table (framework.md,
 * "Better only slowly": severe to high needs protective factors and/or parents beginning to
 * address risk factors; high to medium, capacity for change and addressing risk factors;
 * medium to low, all risk factors addressed).
 */
function neededFor(status: RiskStatus, evidence: RiskEvidence): readonly NeededChange[] {
  const target = levelBelow(status.level);
  if (target === null) return status.mayClose ? [] : ["KEEP_LOW_RISK"];
  const needed: NeededChange[] = [];
  if (!evidence.protectiveFactors) needed.push("PROTECTIVE_FACTORS_NEEDED");
  if (compareRiskLevels(target, "medium") <= 0 && !evidence.capacityToChange) {
    needed.push("SHOW_CAPACITY_TO_CHANGE");
  }
  if (target === "low" && evidence.riskFactors !== "none") needed.push("ADDRESS_ALL_RISK_FACTORS");
  // Beginning to address risk factors is asked of severe and high cases by the source, and
  // at high it is what stops the drift to severe.
  if (target !== "low" && evidence.riskFactors === "not_addressed") {
    needed.push("START_ADDRESSING_RISK_FACTORS");
  }
  return needed.length > 0 ? needed : ["KEEP_CHANGE_GOING"];
}

/** The reasons behind a risk status, for the apps to put into words. */
export function explainRisk(input: ExplanationInput): RiskExplanation {
  const { status, latestEvidence } = input;
  const { raising, lowering } = splitByDirection(input.factors);
  return {
    level: status.level,
    decision: decisionFor(status),
    findings: findingsFor(latestEvidence),
    heldBack: heldBackReason(status, latestEvidence),
    nextLevel: levelBelow(status.level),
    needed: neededFor(status, latestEvidence),
    sustainMonths: SUSTAINED_MONTHS,
    earliestStepDown: status.earliestStepDown,
    driftDate: status.driftDate,
    mayCloseFrom: status.level === "low" ? addMonths(status.since, SUSTAINED_MONTHS) : null,
    riskFactors: raising,
    protectiveFactors: lowering,
  };
}
