import { addMonths, compareDates, type IsoDate } from "./dates.ts";
import type { RuleResult } from "./result.ts";
import { isReunificationPossible, type RiskLevel } from "./risk.ts";
import {
  type MonitoringErrorCode,
  type MonitoringPhase,
  type PlannedVisit,
  planMonitoring,
  SUGGESTED_MONITORING_PHASES,
} from "./timeframes.ts";

// The return home and what follows it: whether the child may go home now (Decision 3 signed
// off, an active reunification plan, a level at which return can be considered), the visits
// after the return that step down gradually, the re-classifications at set intervals, and a
// return to care. Sources: framework.md, stage 5 and "How one authority wired the revised
// framework" (Decision 3, then the return home, then Risk Classification 3); report, "The
// ongoing monitoring of families post reunification" and "Conclusions and recommendations".
// ("report" is shared/seeds/taking-care-evaluation-report-2015.txt.)

// ---------------------------------------------------------------------------------------
// The visits after a return, by the level the child goes home at

/**
 * Homeward's numbers, NOT figures from the sources. The sources fix only the shape (visits
 * step down gradually; "it may be detrimental to a child if a social worker's visits cease
 * abruptly") and the minimum (at least six months of support and monitoring after a return).
 * - low: the suggested default, weekly for six weeks, fortnightly for eight, then monthly for
 *   four months (about seven months).
 * - medium: risk factors are not all addressed yet, so the weekly and fortnightly phases are
 *   longer and monthly visits run for six months (about ten and a half months): problems
 *   tend to show in the first six months after a return (report, "Methodology", citing
 *   Wade et al. 2010), and medium needs a further six months sustained before it can be low.
 * High and severe have none: a child does not go home at those levels.
 */
export const MONITORING_PHASES_BY_LEVEL: Readonly<
  Record<"low" | "medium", readonly MonitoringPhase[]>
> = {
  low: SUGGESTED_MONITORING_PHASES,
  medium: [
    { frequency: "weekly", visits: 8 },
    { frequency: "fortnightly", visits: 6 },
    { frequency: "monthly", visits: 6 },
  ],
};

/**
 * Re-classify every three months after the return ("re-classify risk at set intervals",
 * framework.md stage 5). Three months is Homeward's choice (the sources give no figure); it
 * matches the caseload's quarterly interval and puts two re-classifications inside the first
 * six months, when breakdowns tend to show.
 */
export const RECLASSIFY_AFTER_RETURN_MONTHS = 3;

export interface MonitoringSchedule {
  readonly visits: readonly PlannedVisit[];
  /** The last planned visit. */
  readonly endsOn: IsoDate;
  /** When risk is classified again after the return (the first is Risk Classification 3). */
  readonly reclassifications: readonly IsoDate[];
}

export type MonitoringScheduleResult =
  | ({ readonly ok: true } & MonitoringSchedule)
  | { readonly ok: false; readonly code: MonitoringErrorCode | "RISK_TOO_HIGH_FOR_RETURN" };

/**
 * Every set interval after the return that falls before the last visit, and the last visit
 * itself: visits never stop without a current classification to decide on closing or on
 * carrying on.
 */
export function reclassificationsAfterReturn(
  returnedOn: IsoDate,
  endsOn: IsoDate,
  intervalMonths: number = RECLASSIFY_AFTER_RETURN_MONTHS,
): readonly IsoDate[] {
  if (!Number.isInteger(intervalMonths) || intervalMonths < 1) {
    throw new RangeError("reclassificationsAfterReturn needs a whole number of months, at least 1");
  }
  const dates: IsoDate[] = [];
  for (let n = 1; ; n += 1) {
    const due = addMonths(returnedOn, n * intervalMonths);
    if (compareDates(due, endsOn) >= 0) break;
    dates.push(due);
  }
  if (compareDates(endsOn, returnedOn) > 0) dates.push(endsOn);
  return dates;
}

/** The visits and re-classifications after a child goes home at `level` on `returnedOn`. */
export function monitoringScheduleFor(
  returnedOn: IsoDate,
  level: RiskLevel,
): MonitoringScheduleResult {
  if (level !== "low" && level !== "medium") return { ok: false, code: "RISK_TOO_HIGH_FOR_RETURN" };
  const plan = planMonitoring(returnedOn, MONITORING_PHASES_BY_LEVEL[level]);
  if (!plan.ok) return plan;
  return {
    ok: true,
    visits: plan.visits,
    endsOn: plan.endsOn,
    reclassifications: reclassificationsAfterReturn(returnedOn, plan.endsOn),
  };
}

// ---------------------------------------------------------------------------------------
// Going home

export const RETURN_HOME_CODES = [
  "CASE_CLOSED",
  "ALREADY_HOME",
  "DECISION_3_NOT_RECORDED",
  "DECISION_3_NOT_SIGNED_OFF",
  "NO_ACTIVE_REUNIFICATION_PLAN",
  "NO_AGREED_CLASSIFICATION",
  "RISK_TOO_HIGH_FOR_RETURN",
  "RETURN_DATE_IN_FUTURE",
  "RETURN_BEFORE_DECISION_3",
] as const;
export type ReturnHomeCode = (typeof RETURN_HOME_CODES)[number];

export interface ReturnHomeFacts {
  readonly closed: boolean;
  readonly returnedHomeOn: IsoDate | null;
  readonly reEnteredCareOn: IsoDate | null;
  /** The latest Decision 3 ("go ahead with the return?"), or null when none is recorded. */
  readonly decision3: { readonly decidedOn: IsoDate; readonly signedOffOn: IsoDate | null } | null;
  readonly activeReunificationPlan: boolean;
  /** The level the time rules give today; null until a classification is agreed. */
  readonly riskLevel: RiskLevel | null;
}

/**
 * Whether the child may be recorded as home on `returnOn`. The return follows Decision 3,
 * signed off by a team manager (framework.md, the Leeds decision points), rests on an active
 * reunification plan (stage 4), and happens only at low or medium (framework.md, "Decisions
 * by level"). After a failed return, only a Decision 3 made since the child came back into
 * care counts: the earlier one was about the return that broke down.
 */
export function checkReturnHome(
  facts: ReturnHomeFacts,
  returnOn: IsoDate,
  today: IsoDate,
): RuleResult<ReturnHomeCode> {
  const fail = (code: ReturnHomeCode) => ({ ok: false, code }) as const;
  if (facts.closed) return fail("CASE_CLOSED");
  if (facts.returnedHomeOn !== null && facts.reEnteredCareOn === null) return fail("ALREADY_HOME");
  const decision = facts.decision3;
  const sinceReEntry =
    decision !== null &&
    (facts.reEnteredCareOn === null ||
      compareDates(decision.decidedOn, facts.reEnteredCareOn) >= 0);
  if (decision === null || !sinceReEntry) return fail("DECISION_3_NOT_RECORDED");
  if (decision.signedOffOn === null) return fail("DECISION_3_NOT_SIGNED_OFF");
  if (!facts.activeReunificationPlan) return fail("NO_ACTIVE_REUNIFICATION_PLAN");
  if (facts.riskLevel === null) return fail("NO_AGREED_CLASSIFICATION");
  if (!isReunificationPossible(facts.riskLevel)) return fail("RISK_TOO_HIGH_FOR_RETURN");
  // The return is recorded when it has happened, not planned ahead.
  if (compareDates(returnOn, today) > 0) return fail("RETURN_DATE_IN_FUTURE");
  if (compareDates(returnOn, decision.signedOffOn) < 0) return fail("RETURN_BEFORE_DECISION_3");
  return { ok: true };
}

// ---------------------------------------------------------------------------------------
// Visits and a return to care

export const VISIT_STATES = ["happened", "cancelled", "overdue", "upcoming"] as const;
export type VisitState = (typeof VISIT_STATES)[number];

/** A visit is overdue the day after it was due, until it is recorded. */
export function visitState(
  visit: {
    readonly scheduledFor: IsoDate;
    readonly happenedOn: IsoDate | null;
    readonly cancelledOn: IsoDate | null;
  },
  today: IsoDate,
): VisitState {
  if (visit.happenedOn !== null) return "happened";
  if (visit.cancelledOn !== null) return "cancelled";
  return compareDates(visit.scheduledFor, today) < 0 ? "overdue" : "upcoming";
}

export const VISIT_RECORD_CODES = [
  "VISIT_ALREADY_RECORDED",
  "VISIT_CANCELLED",
  "VISIT_IN_FUTURE",
  "VISIT_BEFORE_RETURN",
] as const;
export type VisitRecordCode = (typeof VISIT_RECORD_CODES)[number];

/** Whether a planned visit can be recorded as having happened on `happenedOn`. */
export function checkVisitRecord(
  visit: { readonly happenedOn: IsoDate | null; readonly cancelledOn: IsoDate | null },
  returnedHomeOn: IsoDate,
  happenedOn: IsoDate,
  today: IsoDate,
): RuleResult<VisitRecordCode> {
  if (visit.happenedOn !== null) return { ok: false, code: "VISIT_ALREADY_RECORDED" };
  if (visit.cancelledOn !== null) return { ok: false, code: "VISIT_CANCELLED" };
  if (compareDates(happenedOn, today) > 0) return { ok: false, code: "VISIT_IN_FUTURE" };
  if (compareDates(happenedOn, returnedHomeOn) < 0)
    return { ok: false, code: "VISIT_BEFORE_RETURN" };
  return { ok: true };
}

export const RETURN_TO_CARE_CODES = [
  "NOT_RETURNED_HOME",
  "ALREADY_BACK_IN_CARE",
  "BEFORE_RETURN",
  "DATE_IN_FUTURE",
] as const;
export type ReturnToCareCode = (typeof RETURN_TO_CARE_CODES)[number];

/**
 * Whether a return to care can be recorded. Authorities did not monitor returns to care and
 * believed re-entry was rare; research says many returns break down (framework.md, "What
 * authorities lacked"): the date is kept so a breakdown can be counted.
 */
export function checkReturnToCare(
  facts: { readonly returnedHomeOn: IsoDate | null; readonly reEnteredCareOn: IsoDate | null },
  on: IsoDate,
  today: IsoDate,
): RuleResult<ReturnToCareCode> {
  if (facts.returnedHomeOn === null) return { ok: false, code: "NOT_RETURNED_HOME" };
  if (facts.reEnteredCareOn !== null) return { ok: false, code: "ALREADY_BACK_IN_CARE" };
  if (compareDates(on, facts.returnedHomeOn) < 0) return { ok: false, code: "BEFORE_RETURN" };
  if (compareDates(on, today) > 0) return { ok: false, code: "DATE_IN_FUTURE" };
  return { ok: true };
}

export const RECLASSIFICATION_STATES = ["done", "overdue", "upcoming"] as const;
export type ReclassificationState = (typeof RECLASSIFICATION_STATES)[number];

/**
 * Which re-classifications after the return have been made. Each due date takes the
 * earliest agreed review after the return not already counted, if it came before the next
 * due date: early or late, each re-classification needs a review of its own.
 */
export function reclassificationProgress(
  due: readonly IsoDate[],
  reviewDates: readonly IsoDate[],
  returnedOn: IsoDate,
  today: IsoDate,
): readonly { readonly date: IsoDate; readonly state: ReclassificationState }[] {
  const reviews = reviewDates
    .filter((d) => compareDates(d, returnedOn) > 0 && compareDates(d, today) <= 0)
    .toSorted(compareDates);
  let next = 0;
  return due.map((date, index) => {
    const following = due[index + 1];
    const review = reviews[next];
    if (review !== undefined && (following === undefined || compareDates(review, following) < 0)) {
      next += 1;
      return { date, state: "done" as const };
    }
    return {
      date,
      state: compareDates(date, today) < 0 ? ("overdue" as const) : ("upcoming" as const),
    };
  });
}
