import { compareDates, type IsoDate } from "./dates.ts";
import type { RuleResult } from "./result.ts";

// Ending a parental agreement, and taking off a review date added by mistake (issue 7,
// practitioner gaps). Records are never destroyed: an ended agreement stays the family's
// copy, with the date and the reason it ended; a removed review date is kept with who took it
// off and when. Both are changes to the terms, so they move the agreement's version on
// (decision 012).

export const AGREEMENT_END_CODES = [
  "NOT_SHARED_YET", // a draft was never the family's: it is left unpublished, not ended
  "ALREADY_ENDED",
  "NO_REASON",
  "END_DATE_IN_FUTURE", // recorded once it has happened, like the return home
  "END_BEFORE_SHARED",
] as const;
export type AgreementEndCode = (typeof AGREEMENT_END_CODES)[number];

export function checkAgreementEnd(
  agreement: {
    readonly status: "draft" | "published" | "ended";
    readonly sharedOn: IsoDate | null;
  },
  end: { readonly on: IsoDate; readonly reason: string },
  today: IsoDate,
): RuleResult<AgreementEndCode> {
  const fail = (code: AgreementEndCode) => ({ ok: false, code }) as const;
  if (agreement.status === "ended") return fail("ALREADY_ENDED");
  if (agreement.status === "draft" || agreement.sharedOn === null) return fail("NOT_SHARED_YET");
  if (end.reason.trim() === "") return fail("NO_REASON");
  if (compareDates(end.on, today) > 0) return fail("END_DATE_IN_FUTURE");
  if (compareDates(end.on, agreement.sharedOn) < 0) return fail("END_BEFORE_SHARED");
  return { ok: true };
}

export const REVIEW_DATE_REMOVAL_CODES = [
  "AGREEMENT_ENDED",
  "REVIEW_ALREADY_HELD", // a review that took place is part of the record
  "REVIEW_ALREADY_REMOVED",
  "LAST_REVIEW_DATE", // a shared agreement always says when progress is reviewed
] as const;
export type ReviewDateRemovalCode = (typeof REVIEW_DATE_REMOVAL_CODES)[number];

export function checkReviewDateRemoval(
  agreement: {
    readonly status: "draft" | "published" | "ended";
    /** The dates still on the agreement (removed ones left out). */
    readonly reviewDates: readonly { readonly id: string }[];
  },
  review: { readonly id: string; readonly heldOn: IsoDate | null; readonly removed: boolean },
): RuleResult<ReviewDateRemovalCode> {
  const fail = (code: ReviewDateRemovalCode) => ({ ok: false, code }) as const;
  if (agreement.status === "ended") return fail("AGREEMENT_ENDED");
  if (review.removed) return fail("REVIEW_ALREADY_REMOVED");
  if (review.heldOn !== null) return fail("REVIEW_ALREADY_HELD");
  const others = agreement.reviewDates.filter((d) => d.id !== review.id);
  if (agreement.status === "published" && others.length === 0) return fail("LAST_REVIEW_DATE");
  return { ok: true };
}
