import { z } from "zod";
import { addMonths, compareDates, type IsoDate } from "./dates.ts";
import { isoDateSchema } from "./date-schema.ts";
import {
  compareClassifications,
  type IndependentClassification,
  independentClassificationSchema,
} from "./dual-classification.ts";

// Outcomes of returns home, for a team manager: how many children went home and how many
// came back into care within 6, 12 and 24 months. The evaluations found no authority
// monitoring this (framework.md, "What authorities lacked": re-entry was believed rare,
// research says 37-65% of returns break down; about half within two years).

/** The follow-up windows the issue asks for, in calendar months after going home. */
export const OUTCOME_WINDOWS = [6, 12, 24] as const;
export type OutcomeWindow = (typeof OUTCOME_WINDOWS)[number];

/**
 * One return home (decision 018: a child can go home several times). A child who went home
 * twice has two records with the same caseId; a record with no date home but a date back in
 * care is a data error, named in `excluded`.
 */
export interface ReturnRecord {
  readonly caseId: string;
  readonly returnedHomeOn: IsoDate | null;
  readonly reEnteredCareOn: IsoDate | null;
}

export const returnRecordSchema = z.object({
  caseId: z.string().min(1),
  returnedHomeOn: isoDateSchema.nullable(),
  reEnteredCareOn: isoDateSchema.nullable(),
});

/**
 * Records that cannot be counted, so a manager can have them corrected rather than have
 * them quietly skew the figures.
 */
export const OUTCOME_DATA_CODES = [
  "RE_ENTRY_WITHOUT_RETURN",
  "RE_ENTRY_BEFORE_RETURN",
  "RETURN_IN_FUTURE",
  "RE_ENTRY_IN_FUTURE",
] as const;
export type OutcomeDataCode = (typeof OUTCOME_DATA_CODES)[number];

export interface WindowOutcome {
  readonly months: OutcomeWindow;
  /** Returns whose whole window has passed: the denominator. */
  readonly followedUp: number;
  /** Of those, children back in care on or before the window's last day. */
  readonly returnedToCare: number;
  /** Of those, children still home when the window ended. */
  readonly stayedHome: number;
  /** returnedToCare / followedUp; null when nobody has been home long enough. */
  readonly rate: number | null;
  /** Returns too recent to tell: their window has not ended yet, so they are not counted. */
  readonly tooRecent: number;
  /** Of the too-recent, those already back in care (shown, never added to the rate). */
  readonly tooRecentAlreadyBack: number;
}

export interface ReturnOutcomes {
  readonly asOf: IsoDate;
  /** Children who have gone home at least once (on or before asOf), whatever happened after. */
  readonly returnedHome: number;
  /** Of them, back in care today (their latest return ended). */
  readonly backInCare: number;
  /** Of them, still home today (their latest return has not ended). */
  readonly stillHome: number;
  /** Returns home, counted one by one: a child who went home twice counts twice. */
  readonly returns: number;
  /** Of those returns, the ones after which the child came back into care. */
  readonly returnsBackInCare: number;
  /** The windows count returns, not children: each return is followed up on its own. */
  readonly windows: readonly WindowOutcome[];
  /** Records left out of every figure, with why. */
  readonly excluded: readonly { readonly caseId: string; readonly code: OutcomeDataCode }[];
}

/** The last day of a window: the same day `months` calendar months on (clamped to month end). */
export function windowEnd(returnedHomeOn: IsoDate, months: number): IsoDate {
  return addMonths(returnedHomeOn, months);
}

function problemOf(record: ReturnRecord, asOf: IsoDate): OutcomeDataCode | null {
  const { returnedHomeOn: home, reEnteredCareOn: back } = record;
  if (home === null) return back === null ? null : "RE_ENTRY_WITHOUT_RETURN";
  if (compareDates(home, asOf) > 0) return "RETURN_IN_FUTURE";
  if (back === null) return null;
  if (compareDates(back, home) < 0) return "RE_ENTRY_BEFORE_RETURN";
  if (compareDates(back, asOf) > 0) return "RE_ENTRY_IN_FUTURE";
  return null;
}

/**
 * Counts returns home and returns to care within each window, on `asOf`.
 *
 * A window counts a return only once it has ended (its last day is on or before `asOf`):
 * counting recent returns would compare failures we already know about with successes we
 * cannot know yet, and make the figure look better or worse than it is. A re-entry on the
 * window's last day is within it (31 August + 6 months ends on 28 or 29 February). Cases
 * that never went home are not in any figure.
 */
export function returnOutcomes(records: readonly ReturnRecord[], asOf: IsoDate): ReturnOutcomes {
  const excluded: { caseId: string; code: OutcomeDataCode }[] = [];
  const returns: { home: IsoDate; back: IsoDate | null }[] = [];
  // Each child's latest counted return says whether they are home or back in care today.
  const latest = new Map<string, { home: IsoDate; back: IsoDate | null }>();
  for (const record of records) {
    const code = problemOf(record, asOf);
    if (code) excluded.push({ caseId: record.caseId, code });
    else if (record.returnedHomeOn !== null) {
      const counted = { home: record.returnedHomeOn, back: record.reEnteredCareOn };
      returns.push(counted);
      const before = latest.get(record.caseId);
      if (!before || compareDates(counted.home, before.home) >= 0)
        latest.set(record.caseId, counted);
    }
  }
  const children = latest.size;
  const backInCare = [...latest.values()].filter((r) => r.back !== null).length;
  const windows = OUTCOME_WINDOWS.map((months): WindowOutcome => {
    let followedUp = 0;
    let returnedToCare = 0;
    let tooRecent = 0;
    let tooRecentAlreadyBack = 0;
    for (const { home, back } of returns) {
      const end = windowEnd(home, months);
      const backWithin = back !== null && compareDates(back, end) <= 0;
      if (compareDates(end, asOf) > 0) {
        tooRecent += 1;
        if (backWithin) tooRecentAlreadyBack += 1;
        continue;
      }
      followedUp += 1;
      if (backWithin) returnedToCare += 1;
    }
    return {
      months,
      followedUp,
      returnedToCare,
      stayedHome: followedUp - returnedToCare,
      rate: followedUp === 0 ? null : returnedToCare / followedUp,
      tooRecent,
      tooRecentAlreadyBack,
    };
  });
  return {
    asOf,
    returnedHome: children,
    backInCare,
    stillHome: children - backInCare,
    returns: returns.length,
    returnsBackInCare: returns.filter((r) => r.back !== null).length,
    windows,
    excluded,
  };
}

// ---------------------------------------------------------------------------------------
// How often the two independent classifications agree (framework.md, stage 2: two
// practitioners classify independently, then confer). A low rate says the team reads the
// table differently and is worth a practice discussion; it is not a score of anyone.

/** One risk review and the classifications submitted for it so far (drafts left out). */
export interface ReviewClassifications {
  readonly reviewId: string;
  readonly submitted: readonly IndependentClassification[];
}

export const reviewClassificationsSchema = z.object({
  reviewId: z.string().min(1),
  submitted: z.array(independentClassificationSchema),
});

export interface AgreementRate {
  /** Reviews with both independent classifications in: the denominator. */
  readonly compared: number;
  /** Of those, the two matched on every input of the table (no conferring needed). */
  readonly matched: number;
  /** Of those, the two reached the same level, by the same route or not. */
  readonly sameLevel: number;
  /** matched / compared; null when nothing has been compared yet. */
  readonly rate: number | null;
  /** sameLevel / compared; null when nothing has been compared yet. */
  readonly sameLevelRate: number | null;
  /** Reviews still waiting for one or both classifications: not counted. */
  readonly awaiting: number;
  /**
   * Reviews that cannot be compared (one practitioner twice, or more than two): a data
   * error the services prevent, left out rather than guessed at.
   */
  readonly notComparable: number;
}

/**
 * The share of reviews where the two independent classifications matched. Matching means
 * the same three inputs (the rule that lets a review skip conferring, `compareClassifications`),
 * not merely the same level. A review counts once two different practitioners' are in.
 */
export function agreementRate(reviews: readonly ReviewClassifications[]): AgreementRate {
  let compared = 0;
  let matched = 0;
  let sameLevel = 0;
  let awaiting = 0;
  let notComparable = 0;
  for (const review of reviews) {
    const [first, second, ...more] = review.submitted;
    if (!first || !second) {
      awaiting += 1;
      continue;
    }
    const result = compareClassifications(first, second);
    if (!result.ok || more.length > 0) {
      notComparable += 1;
      continue;
    }
    compared += 1;
    if (result.outcome === "agreed") {
      matched += 1;
      sameLevel += 1;
    } else if (result.sameLevel) {
      sameLevel += 1;
    }
  }
  return {
    compared,
    matched,
    sameLevel,
    rate: compared === 0 ? null : matched / compared,
    sameLevelRate: compared === 0 ? null : sameLevel / compared,
    awaiting,
    notComparable,
  };
}
