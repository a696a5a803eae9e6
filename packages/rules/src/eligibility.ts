import { z } from "zod";

// Who the framework is for: framework.md, "Who is eligible"; report, "The definition of
// return home"; reunification-framework-slides.txt, "Who is the framework for?".
// ("report" is shared/seeds/taking-care-evaluation-report-2015.txt.)

export const LEGAL_STATUSES = [
  "care_order_s31", // Children Act 1989 s31
  "accommodated_s20", // s20
  "interim_care_order_s38", // s38
  "pre_proceedings",
  "edge_of_care",
  "police_protection",
  "emergency_protection_order",
  "supervision_order",
] as const;
export type LegalStatus = (typeof LEGAL_STATUSES)[number];

export interface EligibilityFacts {
  readonly legalStatus: LegalStatus;
  /** The child lives now with the parent or carer they would return to. */
  readonly livingAtHome: boolean;
  /** The child has at some time been looked after away from home. */
  readonly everLookedAfterAwayFromHome: boolean;
}

export const legalStatusSchema = z.enum(LEGAL_STATUSES);
export const eligibilityFactsSchema = z.object({
  legalStatus: legalStatusSchema,
  livingAtHome: z.boolean(),
  everLookedAfterAwayFromHome: z.boolean(),
});

export const INELIGIBILITY_CODES = [
  "POLICE_PROTECTION",
  "EMERGENCY_PROTECTION_ORDER",
  "SUPERVISION_ORDER",
  "INTERIM_ORDER_CHILD_AT_HOME",
  "CARE_ORDER_NEVER_AWAY_FROM_HOME",
] as const;
export type IneligibilityCode = (typeof INELIGIBILITY_CODES)[number];

/** Things to know about an eligible case that change how the framework is used. */
export const ELIGIBILITY_NOTES = [
  "INTERIM_ORDER_CASE_BY_CASE", // s38 is eligible only "in certain instances"
  "COURT_26_WEEK_LIMIT", // proceedings are running: the Public Law Outline's 26 weeks apply
] as const;
export type EligibilityNote = (typeof ELIGIBILITY_NOTES)[number];

export type EligibilityResult =
  | { readonly ok: true; readonly notes: readonly EligibilityNote[] }
  | { readonly ok: false; readonly code: IneligibilityCode };

const NEVER_ELIGIBLE: Readonly<Partial<Record<LegalStatus, IneligibilityCode>>> = {
  police_protection: "POLICE_PROTECTION",
  emergency_protection_order: "EMERGENCY_PROTECTION_ORDER",
  supervision_order: "SUPERVISION_ORDER",
};

/** Whether the framework may be used for a child, and if not, the exclusion that applies. */
export function checkEligibility(facts: EligibilityFacts): EligibilityResult {
  const { legalStatus, livingAtHome, everLookedAfterAwayFromHome } = facts;
  const excluded = NEVER_ELIGIBLE[legalStatus];
  if (excluded !== undefined) return { ok: false, code: excluded };
  if (legalStatus === "interim_care_order_s38") {
    // Not where a child on an interim order stays at home pending the final hearing.
    if (livingAtHome) return { ok: false, code: "INTERIM_ORDER_CHILD_AT_HOME" };
    return { ok: true, notes: ["INTERIM_ORDER_CASE_BY_CASE", "COURT_26_WEEK_LIMIT"] };
  }
  if (legalStatus === "care_order_s31" && livingAtHome && !everLookedAfterAwayFromHome) {
    // Placed with parents under a care order, never looked after away: nothing to return from.
    return { ok: false, code: "CARE_ORDER_NEVER_AWAY_FROM_HOME" };
  }
  // s31 and s20, and the edge of care / pre-proceedings (slides; framework.md).
  return { ok: true, notes: [] };
}
