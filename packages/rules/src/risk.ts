import { z } from "zod";
import { addMonths, compareDates, type IsoDate, laterOf } from "./dates.ts";
import { isoDateSchema } from "./date-schema.ts";

// The risk classification table ("traffic lights") and its time rules.
// Sources: framework.md, "The risk classification table" and "Movement between levels";
// taking-care-evaluation-report-2015.txt, "The Risk Classification Table" and Appendix 1;
// the API and the exact fold are issue 3, section 1.
// ("report" is shared/seeds/taking-care-evaluation-report-2015.txt.)

export type RiskLevel = "low" | "medium" | "high" | "severe";
export type RiskFactorState =
  | "none" // no risk factors apparent, or all fully addressed
  | "being_addressed" // apparent, not all addressed, parents are using interventions
  | "not_addressed"; // apparent and not being addressed
export interface RiskEvidence {
  riskFactors: RiskFactorState;
  protectiveFactors: boolean; // at least one protective factor apparent
  capacityToChange: boolean; // parents able to demonstrate sustained capacity for actual change
}
export interface RiskReview {
  date: string /* YYYY-MM-DD */;
  evidence: RiskEvidence;
}
export interface RiskStatus {
  level: RiskLevel; // the level the framework requires on asOf
  since: string; // date the case reached this level
  improvingSince: string | null; // first review of the current unbroken run of reviews whose evidence is better than `level`
  earliestStepDown: string | null; // improvingSince + 6 months, while improving; else null
  driftDate: string | null; // at high, the date it becomes severe unless risk factors start being addressed; else null
  mayClose: boolean; // low, held for at least six months, latest evidence still low
  reunificationPossible: boolean; // low or medium
}

/** Every level, from the least to the most likely harm. */
export const RISK_LEVELS = [
  "low",
  "medium",
  "high",
  "severe",
] as const satisfies readonly RiskLevel[];
export const RISK_FACTOR_STATES = [
  "none",
  "being_addressed",
  "not_addressed",
] as const satisfies readonly RiskFactorState[];

/**
 * How long an improvement must be sustained before a step down, how long a high case may go
 * without addressing risk factors, and how long low must hold before closing: framework.md,
 * "Movement between levels"; report, Appendix 1 ("at least six months").
 */
export const SUSTAINED_MONTHS = 6;

export const riskLevelSchema = z.enum(RISK_LEVELS);
export const riskFactorStateSchema = z.enum(RISK_FACTOR_STATES);
export const riskEvidenceSchema = z.object({
  riskFactors: riskFactorStateSchema,
  protectiveFactors: z.boolean(),
  capacityToChange: z.boolean(),
});
export const riskReviewSchema = z.object({ date: isoDateSchema, evidence: riskEvidenceSchema });
export const riskStatusSchema = z.object({
  level: riskLevelSchema,
  since: isoDateSchema,
  improvingSince: isoDateSchema.nullable(),
  earliestStepDown: isoDateSchema.nullable(),
  driftDate: isoDateSchema.nullable(),
  mayClose: z.boolean(),
  reunificationPossible: z.boolean(),
});

const RANK: Readonly<Record<RiskLevel, number>> = { low: 0, medium: 1, high: 2, severe: 3 };

/** Negative when `a` is the lower (better) level, zero when equal, positive when worse. */
export function compareRiskLevels(a: RiskLevel, b: RiskLevel): number {
  return RANK[a] - RANK[b];
}

/** The level one step better, or null at low. Cases move down one level at a time. */
export function levelBelow(level: RiskLevel): RiskLevel | null {
  return RISK_LEVELS[RANK[level] - 1] ?? null;
}

/** Reunification can be considered at low and medium only: framework.md, "Decisions by level". */
export function isReunificationPossible(level: RiskLevel): boolean {
  return level === "low" || level === "medium";
}

function levelFor({ riskFactors, protectiveFactors, capacityToChange }: RiskEvidence): RiskLevel {
  // Losing all protective factors means severe, whatever else holds (framework.md, "Worse at once").
  if (!protectiveFactors) return "severe";
  // Protective factors but no demonstrated capacity for change: high.
  if (!capacityToChange) return "high";
  // Protective factors and capacity: low once no risk factors remain, else medium.
  return riskFactors === "none" ? "low" : "medium";
}

/**
 * The traffic-lights table applied to one set of evidence (issue 3, section 1). It supports
 * a practitioner's judgement; it does not replace it (framework.md). Expects valid evidence:
 * parse untrusted input with `riskEvidenceSchema` first.
 */
export function classifyRisk(evidence: RiskEvidence): {
  level: RiskLevel;
  reunificationPossible: boolean; // true for low and medium only
} {
  const level = levelFor(evidence);
  return { level, reunificationPossible: isReunificationPossible(level) };
}

// ---------------------------------------------------------------------------------------
// assessRisk: the time rules folded over a case's reviews.

export const RISK_HISTORY_ERROR_CODES = [
  "EMPTY_HISTORY",
  "INVALID_REVIEW",
  "INVALID_DATE",
  "INVALID_EVIDENCE",
  "REVIEW_AFTER_AS_OF",
  "DUPLICATE_REVIEW_DATE",
] as const;
export type RiskHistoryErrorCode = (typeof RISK_HISTORY_ERROR_CODES)[number];

/**
 * Thrown by `assessRisk` for input that no framework outcome can describe: an empty list, a
 * malformed date, unknown evidence, a review after `asOf`, or two reviews on one day. These
 * are caller bugs (issue 3), so they are exceptions rather than result values; `code` is
 * stable, and the message is for developers.
 */
export class RiskHistoryError extends Error {
  readonly code: RiskHistoryErrorCode;

  constructor(code: RiskHistoryErrorCode, message: string) {
    super(`assessRisk: ${message}`);
    this.name = "RiskHistoryError";
    this.code = code;
  }
}

function validReviews(reviews: unknown, asOf: unknown): readonly [RiskReview, ...RiskReview[]] {
  const parsedAsOf = isoDateSchema.safeParse(asOf);
  if (!parsedAsOf.success) {
    throw new RiskHistoryError("INVALID_DATE", `asOf ${JSON.stringify(asOf)} is not YYYY-MM-DD`);
  }
  if (!Array.isArray(reviews)) {
    throw new RiskHistoryError("INVALID_REVIEW", "reviews must be an array");
  }
  const parsed = reviews.map((review: unknown, index) =>
    validReview(review, index, parsedAsOf.data),
  );
  const ordered = parsed.toSorted((a, b) => compareDates(a.date, b.date));
  const repeated = ordered.find((review, index) => ordered[index - 1]?.date === review.date);
  if (repeated !== undefined) {
    throw new RiskHistoryError("DUPLICATE_REVIEW_DATE", `two reviews are dated ${repeated.date}`);
  }
  const [first, ...rest] = ordered;
  if (first === undefined) throw new RiskHistoryError("EMPTY_HISTORY", "needs at least one review");
  return [first, ...rest];
}

const REVIEW_FIELD_CODES: Readonly<Record<string, RiskHistoryErrorCode>> = {
  date: "INVALID_DATE",
  evidence: "INVALID_EVIDENCE",
};

function validReview(review: unknown, index: number, asOf: IsoDate): RiskReview {
  const parsed = riskReviewSchema.safeParse(review);
  if (!parsed.success) {
    const field = String(parsed.error.issues[0]?.path[0] ?? "");
    const code = REVIEW_FIELD_CODES[field] ?? "INVALID_REVIEW";
    const detail = z.prettifyError(parsed.error);
    throw new RiskHistoryError(code, `review ${index} is invalid: ${detail}`);
  }
  if (compareDates(parsed.data.date, asOf) > 0) {
    throw new RiskHistoryError(
      "REVIEW_AFTER_AS_OF",
      `review ${index} (${parsed.data.date}) is after asOf ${asOf}`,
    );
  }
  return parsed.data;
}

interface CaseState {
  readonly level: RiskLevel;
  readonly since: IsoDate;
  readonly improvingSince: IsoDate | null;
  /** First review of the current unbroken run of reviews with risk factors not addressed. */
  readonly notAddressedSince: IsoDate | null;
  readonly latest: RiskEvidence;
}

function startingState(first: RiskReview): CaseState {
  return {
    level: levelFor(first.evidence),
    since: first.date,
    improvingSince: null,
    notAddressedSince: first.evidence.riskFactors === "not_addressed" ? first.date : null,
    latest: first.evidence,
  };
}

/**
 * No drift: a case that stays high while its latest review shows risk factors not being
 * addressed becomes severe six months after the later of reaching high and the first review
 * of that run (framework.md, "No drift"; report, Appendix 1; issue 3).
 */
function driftDateOf(state: CaseState): IsoDate | null {
  if (state.level !== "high" || state.notAddressedSince === null) return null;
  return addMonths(laterOf(state.since, state.notAddressedSince), SUSTAINED_MONTHS);
}

/** Applies drift that falls due on or before `day`, whether or not a review falls on it. */
function driftUpTo(state: CaseState, day: IsoDate): CaseState {
  const drift = driftDateOf(state);
  if (drift === null || compareDates(drift, day) > 0) return state;
  // Becoming severe is a move up, so like any worsening it ends the run of improvement:
  // the six months are counted afresh at the new level.
  return { ...state, level: "severe", since: drift, improvingSince: null };
}

function moveLevel(state: CaseState, date: IsoDate, found: RiskLevel): CaseState {
  const direction = compareRiskLevels(found, state.level);
  // Worse at once, at the review's date, ending any improvement (framework.md, "Worse at once").
  if (direction > 0) return { ...state, level: found, since: date, improvingSince: null };
  // Evidence back at the current level breaks the run: improvement must be unbroken.
  if (direction === 0) return { ...state, improvingSince: null };
  if (state.improvingSince === null) return { ...state, improvingSince: date };
  // Better only slowly: one level, at a review, once the run has lasted six months.
  if (compareDates(date, addMonths(state.improvingSince, SUSTAINED_MONTHS)) < 0) return state;
  const stepped = levelBelow(state.level) ?? state.level;
  // Evidence better still starts a new run at this same review (issue 3).
  const stillBetter = compareRiskLevels(found, stepped) < 0;
  return { ...state, level: stepped, since: date, improvingSince: stillBetter ? date : null };
}

function applyReview(state: CaseState, review: RiskReview): CaseState {
  const moved = moveLevel(driftUpTo(state, review.date), review.date, levelFor(review.evidence));
  const notAddressed = review.evidence.riskFactors === "not_addressed";
  return {
    ...moved,
    notAddressedSince: notAddressed ? (state.notAddressedSince ?? review.date) : null,
    latest: review.evidence,
  };
}

function statusOf(state: CaseState, asOf: IsoDate): RiskStatus {
  const { level, since, improvingSince } = state;
  const heldLowLongEnough = compareDates(asOf, addMonths(since, SUSTAINED_MONTHS)) >= 0;
  return {
    level,
    since,
    improvingSince,
    earliestStepDown: improvingSince === null ? null : addMonths(improvingSince, SUSTAINED_MONTHS),
    driftDate: driftDateOf(state),
    // Close after six months at low (framework.md; report, Appendix 1).
    mayClose: level === "low" && heldLowLongEnough && levelFor(state.latest) === "low",
    reunificationPossible: isReunificationPossible(level),
  };
}

/**
 * The level the framework requires on `asOf`, given every agreed classification of the case
 * (issue 3, section 1). Reviews may come in any order; they are sorted by date. Throws a
 * `RiskHistoryError` for caller bugs (see there).
 */
export function assessRisk(reviews: RiskReview[], asOf: string): RiskStatus {
  const [first, ...rest] = validReviews(reviews, asOf);
  const folded = rest.reduce(applyReview, startingState(first));
  return statusOf(driftUpTo(folded, asOf), asOf);
}
