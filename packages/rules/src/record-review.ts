import { addDays, addMonths, compareDates, daysBetween, type IsoDate } from "./dates.ts";
import type { RuleResult } from "./result.ts";

// The review of a record entry by the family before it is finalised: how long each person
// has to check it, when a correction request must be answered, and when the entry may be
// finalised. Sources: framework.md, "What families told the evaluators" (check, question and
// correct it before it is finalised; parents with learning disabilities needed more time,
// parents new to England needed interpreters); the UK GDPR, Article 12(3) with Article 16
// (a request to correct personal data is answered without undue delay and at the latest
// within one month of receipt).

// ---------------------------------------------------------------------------------------
// Review windows

/**
 * Homeward's default review window, NOT a figure from the sources: two weeks gives a family
 * member time to read, ask for help and answer, and matches the demo authority's practice.
 */
export const REVIEW_WINDOW_DAYS = 14;
/** The extra time for a person whose needs call for it (their window doubles to four weeks). */
export const EXTRA_REVIEW_DAYS = 14;
/** A practitioner may shorten the default, but never below one week. */
export const MINIMUM_REVIEW_DAYS = 7;

/** What the case record says about a person's needs (case_person). */
export interface ReviewNeeds {
  readonly learningDisability: boolean;
  readonly easyRead: boolean;
  readonly interpreterNeeded: boolean;
}

export const EXTRA_TIME_REASONS = ["LEARNING_DISABILITY", "EASY_READ", "INTERPRETER"] as const;
export type ExtraTimeReason = (typeof EXTRA_TIME_REASONS)[number];

/** Why this person gets more time to check an entry (empty: the default window). */
export function extraTimeReasons(needs: ReviewNeeds): ExtraTimeReason[] {
  const reasons: ExtraTimeReason[] = [];
  if (needs.learningDisability) reasons.push("LEARNING_DISABILITY");
  if (needs.easyRead) reasons.push("EASY_READ");
  // An interpreted reading needs an interpreter's time as well as the person's.
  if (needs.interpreterNeeded) reasons.push("INTERPRETER");
  return reasons;
}

/** The reply-by date offered on the share form for an entry shared today. */
export function defaultReviewDeadline(sharedOn: IsoDate): IsoDate {
  return addDays(sharedOn, REVIEW_WINDOW_DAYS);
}

/** A deadline the practitioner picked must leave at least a week, counted from sharing. */
export function checkChosenDeadline(
  sharedOn: IsoDate,
  chosen: IsoDate,
): RuleResult<"DEADLINE_TOO_SOON"> {
  return compareDates(chosen, addDays(sharedOn, MINIMUM_REVIEW_DAYS)) < 0
    ? { ok: false, code: "DEADLINE_TOO_SOON" }
    : { ok: true };
}

export interface RecipientDeadline {
  readonly deadline: IsoDate;
  readonly reasons: readonly ExtraTimeReason[];
}

/**
 * One recipient's reply-by date: the chosen (or default) deadline, and two weeks more for a
 * person whose needs call for it. The extra time is added, never left to be remembered.
 */
export function recipientDeadline(
  sharedOn: IsoDate,
  chosen: IsoDate | null,
  needs: ReviewNeeds,
): RecipientDeadline {
  const base = chosen ?? defaultReviewDeadline(sharedOn);
  const reasons = extraTimeReasons(needs);
  return { deadline: reasons.length > 0 ? addDays(base, EXTRA_REVIEW_DAYS) : base, reasons };
}

// ---------------------------------------------------------------------------------------
// Correction requests: answered within one month

/** Calendar months to answer a request to correct the record (UK GDPR Art. 12(3)). */
export const CORRECTION_ANSWER_MONTHS = 1;

export interface CorrectionClock {
  /** The last day to answer. */
  readonly answerBy: IsoDate;
  /** Not answered and the last day has passed. */
  readonly overdue: boolean;
  /** Whole days left to answer (negative once overdue); null once answered. */
  readonly daysLeft: number | null;
}

/**
 * When a correction request received on `receivedOn` must be answered, and whether it is late
 * on `today`. One calendar month: 31 January gives 28 (or 29) February (dates.ts, addMonths).
 * An answered request is never overdue, however late the answer came.
 */
export function correctionClock(
  receivedOn: IsoDate,
  today: IsoDate,
  answered: boolean,
): CorrectionClock {
  const answerBy = addMonths(receivedOn, CORRECTION_ANSWER_MONTHS);
  if (answered) return { answerBy, overdue: false, daysLeft: null };
  const daysLeft = daysBetween(today, answerBy);
  return { answerBy, overdue: daysLeft < 0, daysLeft };
}

// ---------------------------------------------------------------------------------------
// Finalising

export const FINALISE_CODES = ["NOT_SHARED", "RESPONSES_WAITING", "REVIEW_WINDOW_OPEN"] as const;
export type FinaliseCode = (typeof FINALISE_CODES)[number];

export interface FinaliseFacts {
  readonly today: IsoDate;
  readonly status: "draft" | "shared_for_review" | "finalised";
  /** Each person the entry is shared with: their reply-by date, and whether they answered. */
  readonly recipients: readonly { readonly deadline: IsoDate; readonly responded: boolean }[];
  /** Responses sent by the family that have no reply yet. */
  readonly waitingForReply: number;
}

/**
 * An entry is finalised only after the family had their say: it was shared, every response
 * has a reply (accepted, declined or noted), and everyone it was shared with has either
 * answered or seen their reply-by date pass. Disagreements that are noted stay attached.
 */
export function checkFinalise(facts: FinaliseFacts): RuleResult<FinaliseCode> {
  if (facts.status !== "shared_for_review" || facts.recipients.length === 0)
    return { ok: false, code: "NOT_SHARED" };
  if (facts.waitingForReply > 0) return { ok: false, code: "RESPONSES_WAITING" };
  const stillReading = facts.recipients.some(
    (r) => !r.responded && compareDates(facts.today, r.deadline) <= 0,
  );
  return stillReading ? { ok: false, code: "REVIEW_WINDOW_OPEN" } : { ok: true };
}

// ---------------------------------------------------------------------------------------
// Replying to a response

export const REPLY_DECISIONS = ["accept", "decline", "note"] as const;
export type ReplyDecision = (typeof REPLY_DECISIONS)[number];
export type ResponseKind = "comment" | "correction" | "disagreement";

/**
 * What a practitioner may answer. Accepting changes the text, so it is offered for a
 * correction or a disagreement; a comment is noted (or declined, with a reason).
 */
export function replyDecisionsFor(kind: ResponseKind): readonly ReplyDecision[] {
  return kind === "comment" ? ["note", "decline"] : REPLY_DECISIONS;
}

export interface AppliedCorrection {
  readonly text: string;
  /** The quoted passage was found once and replaced; otherwise the text is unchanged. */
  readonly applied: boolean;
}

/**
 * The entry's text with the family's proposed wording in place of the passage they quoted.
 * The passage must appear exactly once: replacing the wrong one of two would put words in
 * the record nobody asked for, so then the practitioner edits the text themselves.
 */
export function applyCorrection(
  body: string,
  anchorText: string | null,
  proposedText: string | null,
): AppliedCorrection {
  const anchor = anchorText?.trim() ?? "";
  const proposed = proposedText?.trim() ?? "";
  if (anchor === "" || proposed === "") return { text: body, applied: false };
  const first = body.indexOf(anchor);
  if (first === -1 || body.indexOf(anchor, first + 1) !== -1) return { text: body, applied: false };
  return {
    text: body.slice(0, first) + proposed + body.slice(first + anchor.length),
    applied: true,
  };
}
