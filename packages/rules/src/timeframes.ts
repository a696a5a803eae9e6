import { z } from "zod";
import { addDays, addMonths, addWeeks, ageInYears, compareDates, type IsoDate } from "./dates.ts";
import { isoDateSchema } from "./date-schema.ts";
import type { RuleResult } from "./result.ts";
import {
  compareRiskLevels,
  type RiskLevel,
  type RiskStatus,
  riskStatusSchema,
  SUSTAINED_MONTHS,
} from "./risk.ts";

// Dates the framework's time rules produce: when to re-classify, how long a reunification
// can take from each level, the child's timeframe, the court's 26 weeks, and the visits
// after a return. Sources: framework.md, "Movement between levels" and "Decisions by level";
// report, "Time frames", "Section Four: The practice framework and court proceedings" and
// "The ongoing monitoring of families post reunification".
// ("report" is shared/seeds/taking-care-evaluation-report-2015.txt.)

// ---------------------------------------------------------------------------------------
// Re-classification

export const RECLASSIFICATION_REASONS = [
  "BEFORE_DRIFT", // a review before the drift date can stop the case becoming severe
  "STEP_DOWN_POSSIBLE", // the first day a review can move the case down a level
  "REGULAR_INTERVAL", // the local authority's set interval since the last review
] as const;
export type ReclassificationReason = (typeof RECLASSIFICATION_REASONS)[number];

export interface ReclassificationPolicy {
  /** The authority's set interval between re-classifications, in months. */
  readonly intervalMonths: number;
}

export const reclassificationPolicySchema = z.object({
  intervalMonths: z.number().int().min(1).max(12),
});

export interface ReclassificationDue {
  readonly due: IsoDate;
  readonly reason: ReclassificationReason;
}

/**
 * When risk must next be re-classified ("re-classify risk at set intervals", framework.md
 * stage 5): at the set interval, or sooner when a review could change the outcome - the day
 * before the drift date (a review on that day is too late), or the earliest step-down date
 * (step-downs happen only at reviews, issue 3).
 */
export function nextReclassificationDue(
  status: RiskStatus,
  lastReviewOn: IsoDate,
  policy: ReclassificationPolicy,
): ReclassificationDue {
  const regular: ReclassificationDue = {
    due: addMonths(lastReviewOn, policy.intervalMonths),
    reason: "REGULAR_INTERVAL",
  };
  const sooner: ReclassificationDue[] = [];
  if (status.earliestStepDown !== null) {
    sooner.push({ due: status.earliestStepDown, reason: "STEP_DOWN_POSSIBLE" });
  }
  if (status.driftDate !== null) {
    sooner.push({ due: addDays(status.driftDate, -1), reason: "BEFORE_DRIFT" });
  }
  // On a tie the more pressing reason wins: drift, then a possible step down.
  return sooner.reduce(
    (soonest, candidate) => (compareDates(candidate.due, soonest.due) <= 0 ? candidate : soonest),
    regular,
  );
}

// ---------------------------------------------------------------------------------------
// How long a reunification can take, by level

/** Low risk: the assessment should take at most three months (report, "Time frames"). */
export const LOW_RISK_ASSESSMENT_MONTHS = 3;
/** At least six months of support and monitoring after a return (report, "Time frames"). */
export const MINIMUM_SUPPORT_AFTER_RETURN_MONTHS = 6;

export interface ReunificationTimeframe {
  readonly level: RiskLevel;
  /** Only the low level has a stated limit for the assessment; null for the others. */
  readonly assessmentDueBy: IsoDate | null;
  /** The first day the case could be medium or low, so that return could be considered. */
  readonly earliestReturn: IsoDate;
  readonly earliestLow: IsoDate;
  /** Low held for six months: the first day the case could close. */
  readonly earliestClosure: IsoDate;
}

function stepsDownTo(from: RiskLevel, target: RiskLevel): number {
  return Math.max(0, compareRiskLevels(from, target));
}

function afterSustainedSteps(start: IsoDate, steps: number): IsoDate {
  // Each step is six months from the review that began it; chaining (rather than adding
  // 6 x steps months) matches how assessRisk clamps month ends.
  return Array.from({ length: steps }).reduce<IsoDate>(
    (date) => addMonths(date, SUSTAINED_MONTHS),
    start,
  );
}

/**
 * The best case from a classification: improvement starts at once and a review falls on
 * every earliest date. From high the earliest return is about six months, from severe about
 * twelve (framework.md, "Movement between levels"). A guide, not a promise (report).
 */
export function reunificationTimeframe(
  level: RiskLevel,
  classifiedOn: IsoDate,
): ReunificationTimeframe {
  const earliestLow = afterSustainedSteps(classifiedOn, stepsDownTo(level, "low"));
  return {
    level,
    assessmentDueBy: level === "low" ? addMonths(classifiedOn, LOW_RISK_ASSESSMENT_MONTHS) : null,
    earliestReturn: afterSustainedSteps(classifiedOn, stepsDownTo(level, "medium")),
    earliestLow,
    earliestClosure: addMonths(earliestLow, SUSTAINED_MONTHS),
  };
}

/**
 * The earliest day a return could be considered, from where the case stands: today at low or
 * medium; otherwise the earliest step-down (or six months from today, if no improvement has
 * begun), plus six months more for each further level.
 */
export function earliestReturn(status: RiskStatus, asOf: IsoDate): IsoDate {
  if (status.reunificationPossible) return asOf;
  const firstStep = status.earliestStepDown ?? addMonths(asOf, SUSTAINED_MONTHS);
  return afterSustainedSteps(firstStep, stepsDownTo(status.level, "medium") - 1);
}

// ---------------------------------------------------------------------------------------
// The court's limit

/**
 * Care and supervision proceedings are to finish within 26 weeks (the revised Public Law
 * Outline, April 2014; report, "Section Four").
 */
export const COURT_LIMIT_WEEKS = 26;

export function courtDeadline(proceedingsIssuedOn: IsoDate): IsoDate {
  return addWeeks(proceedingsIssuedOn, COURT_LIMIT_WEEKS);
}

// ---------------------------------------------------------------------------------------
// The child's timeframe

/**
 * Children under `underAgeYears` (null: every older child) need the change within `months`.
 */
export interface ChildTimeframeBand {
  readonly underAgeYears: number | null;
  readonly months: number;
}

/**
 * Homeward's starting values, NOT figures from the sources: the sources say only that
 * parents must change within the child's timeframe, "especially with younger children"
 * (report, "The Risk Classification Table"; Appendix 3, "very young - requiring rapid parental
 * change"). Six months for babies matches the framework's shortest step and the court's 26
 * weeks; twelve for older children matches the fastest route back from severe. Each
 * authority should confirm its own bands.
 */
export const SUGGESTED_CHILD_TIMEFRAMES: readonly ChildTimeframeBand[] = [
  { underAgeYears: 1, months: 6 },
  { underAgeYears: 5, months: 9 },
  { underAgeYears: null, months: 12 },
];

/**
 * Bands run from the youngest up and end with an open band; younger children never get
 * longer than older ones (they need change faster).
 */
export const childTimeframeBandsSchema = z
  .array(
    z.object({
      underAgeYears: z.number().int().positive().nullable(),
      months: z.number().int().positive(),
    }),
  )
  .min(1)
  .refine((bands) => bands.at(-1)?.underAgeYears === null, {
    message: "The last band must cover every older child (underAgeYears: null)",
  })
  .refine(
    (bands) =>
      bands.every((band, index) => {
        const previous = bands[index - 1];
        if (previous === undefined) return true;
        const agesRise =
          previous.underAgeYears !== null &&
          (band.underAgeYears === null || band.underAgeYears > previous.underAgeYears);
        return agesRise && band.months >= previous.months;
      }),
    { message: "Bands must rise in age, and younger children must not get longer" },
  );

export interface ChildsTimeframe {
  readonly ageInYears: number;
  readonly months: number;
  readonly changeNeededBy: IsoDate;
}

/** The date by which a child of this age needs the change, counted from `startedOn`. */
export function childsTimeframe(
  dateOfBirth: IsoDate,
  startedOn: IsoDate,
  bands: readonly ChildTimeframeBand[],
): ChildsTimeframe {
  const age = ageInYears(dateOfBirth, startedOn);
  const band = bands.find((b) => b.underAgeYears === null || age < b.underAgeYears) ?? bands.at(-1);
  // The schema guarantees a band; an empty list is a caller bug.
  if (band === undefined) throw new RangeError("childsTimeframe needs at least one band");
  return {
    ageInYears: age,
    months: band.months,
    changeNeededBy: addMonths(startedOn, band.months),
  };
}

export const TIMEFRAME_CONFLICTS = [
  "RETURN_AFTER_CHILDS_TIMEFRAME",
  "RETURN_AFTER_COURT_DEADLINE",
] as const;
export type TimeframeConflict = (typeof TIMEFRAME_CONFLICTS)[number];

export interface TimeframeFitInput {
  readonly status: RiskStatus;
  readonly asOf: IsoDate;
  readonly dateOfBirth: IsoDate;
  /** When the child's timeframe began (for example, the day the child became looked after). */
  readonly timeframeStartedOn: IsoDate;
  readonly proceedingsIssuedOn: IsoDate | null;
  readonly bands: readonly ChildTimeframeBand[];
}

export interface TimeframeFit {
  readonly earliestReturn: IsoDate;
  readonly changeNeededBy: IsoDate;
  readonly courtDeadline: IsoDate | null;
  readonly conflicts: readonly TimeframeConflict[];
}

/**
 * Whether the earliest possible return falls inside the child's timeframe and the court's
 * 26 weeks. A conflict does not decide anything: it tells practitioners to consider whether
 * parents can change in time, and otherwise to plan alternative permanence (framework.md,
 * "Decisions by level"); and it surfaces the clash with the court timetable the report found.
 */
export function checkTimeframeFit(input: TimeframeFitInput): TimeframeFit {
  const returnBy = earliestReturn(input.status, input.asOf);
  const child = childsTimeframe(input.dateOfBirth, input.timeframeStartedOn, input.bands);
  const court =
    input.proceedingsIssuedOn === null ? null : courtDeadline(input.proceedingsIssuedOn);
  const conflicts: TimeframeConflict[] = [];
  if (compareDates(returnBy, child.changeNeededBy) > 0)
    conflicts.push("RETURN_AFTER_CHILDS_TIMEFRAME");
  if (court !== null && compareDates(returnBy, court) > 0)
    conflicts.push("RETURN_AFTER_COURT_DEADLINE");
  return {
    earliestReturn: returnBy,
    changeNeededBy: child.changeNeededBy,
    courtDeadline: court,
    conflicts,
  };
}

export const timeframeFitInputSchema = z.object({
  status: riskStatusSchema,
  asOf: isoDateSchema,
  dateOfBirth: isoDateSchema,
  timeframeStartedOn: isoDateSchema,
  proceedingsIssuedOn: isoDateSchema.nullable(),
  bands: childTimeframeBandsSchema,
});

// ---------------------------------------------------------------------------------------
// Monitoring after the return

/** From the most to the least frequent. */
export const VISIT_FREQUENCIES = ["weekly", "fortnightly", "monthly"] as const;
export type VisitFrequency = (typeof VISIT_FREQUENCIES)[number];

export const visitFrequencySchema = z.enum(VISIT_FREQUENCIES);

export interface MonitoringPhase {
  readonly frequency: VisitFrequency;
  readonly visits: number;
}

export const monitoringPhasesSchema = z
  .array(z.object({ frequency: visitFrequencySchema, visits: z.number().int().positive() }))
  .min(1);

/**
 * Homeward's suggested default: weekly for six weeks, fortnightly for eight, then monthly for
 * four months - about seven months in all. The sources fix only the shape (gradual, never an
 * abrupt stop) and the minimum (six months); report, "Time frames" and "Conclusions and
 * recommendations".
 */
export const SUGGESTED_MONITORING_PHASES: readonly MonitoringPhase[] = [
  { frequency: "weekly", visits: 6 },
  { frequency: "fortnightly", visits: 4 },
  { frequency: "monthly", visits: 4 },
];

export const MONITORING_ERROR_CODES = [
  "NO_PHASES",
  "STEP_DOWN_TOO_ABRUPT",
  "ENDS_TOO_ABRUPTLY",
  "SHORTER_THAN_SIX_MONTHS",
] as const;
export type MonitoringErrorCode = (typeof MONITORING_ERROR_CODES)[number];

const FREQUENCY_RANK: Readonly<Record<VisitFrequency | "none", number>> = {
  weekly: 0,
  fortnightly: 1,
  monthly: 2,
  none: 3,
};

/**
 * Visits may become more frequent at any time, but step down one rung at a time, and stop
 * only from monthly: "it may be detrimental to a child if a social worker's visits cease
 * abruptly rather than being reduced gradually" (report, "Conclusions and recommendations";
 * framework.md stage 5).
 */
export function checkVisitStepDown(
  from: VisitFrequency,
  to: VisitFrequency | "none",
): RuleResult<"STEP_DOWN_TOO_ABRUPT"> {
  return FREQUENCY_RANK[to] - FREQUENCY_RANK[from] > 1
    ? { ok: false, code: "STEP_DOWN_TOO_ABRUPT" }
    : { ok: true };
}

export interface PlannedVisit {
  readonly date: IsoDate;
  readonly frequency: VisitFrequency;
}

export type MonitoringPlanResult =
  | { readonly ok: true; readonly visits: readonly PlannedVisit[]; readonly endsOn: IsoDate }
  | { readonly ok: false; readonly code: MonitoringErrorCode };

function visitDate(phaseStart: IsoDate, frequency: VisitFrequency, nth: number): IsoDate {
  if (frequency === "monthly") return addMonths(phaseStart, nth);
  return addWeeks(phaseStart, frequency === "weekly" ? nth : nth * 2);
}

function phaseVisits(phaseStart: IsoDate, phase: MonitoringPhase): readonly PlannedVisit[] {
  return Array.from({ length: phase.visits }, (_, index) => ({
    date: visitDate(phaseStart, phase.frequency, index + 1),
    frequency: phase.frequency,
  }));
}

function shapeProblem(phases: readonly MonitoringPhase[]): MonitoringErrorCode | null {
  const last = phases.at(-1);
  if (last === undefined) return "NO_PHASES";
  const steps = phases.slice(1).map((phase, index) => ({ from: phases[index], to: phase }));
  const abrupt = steps.some(
    ({ from, to }) => from !== undefined && !checkVisitStepDown(from.frequency, to.frequency).ok,
  );
  if (abrupt) return "STEP_DOWN_TOO_ABRUPT";
  return checkVisitStepDown(last.frequency, "none").ok ? null : "ENDS_TOO_ABRUPTLY";
}

/**
 * The visits after a return, phase by phase. Each phase's visits are spaced by its frequency
 * from the end of the one before; monitoring ends with the last visit, which must be at
 * least six months after the return.
 */
export function planMonitoring(
  returnedOn: IsoDate,
  phases: readonly MonitoringPhase[],
): MonitoringPlanResult {
  const problem = shapeProblem(phases);
  if (problem !== null) return { ok: false, code: problem };
  const visits: PlannedVisit[] = [];
  for (const phase of phases) {
    // Each phase starts where the one before ended.
    visits.push(...phaseVisits(visits.at(-1)?.date ?? returnedOn, phase));
  }
  const endsOn = visits.at(-1)?.date ?? returnedOn;
  if (compareDates(endsOn, addMonths(returnedOn, MINIMUM_SUPPORT_AFTER_RETURN_MONTHS)) < 0) {
    return { ok: false, code: "SHORTER_THAN_SIX_MONTHS" };
  }
  return { ok: true, visits, endsOn };
}
