import { z } from "zod";

// The catalogue of factors associated with future harm and with the breakdown of a return
// home. Ids are stable (they are stored in case records); English labels live in
// packages/i18n/src/locales/en/rules.json under `factors.<id>`.

/** The domains of the report's Appendix 3, plus the case's own history of returns. */
export const FACTOR_DOMAINS = [
  "abuse",
  "child",
  "parent",
  "parenting",
  "family",
  "professional",
  "social_setting",
  "case_history",
] as const;
export type FactorDomain = (typeof FACTOR_DOMAINS)[number];

/** Whether a factor makes the outcome it is associated with more or less likely. */
export const FACTOR_DIRECTIONS = ["raises", "lowers"] as const;
export type FactorDirection = (typeof FACTOR_DIRECTIONS)[number];

/** What a factor predicts: further significant harm, or a return home breaking down. */
export const FACTOR_OUTCOMES = ["future_harm", "return_breakdown"] as const;
export type FactorOutcome = (typeof FACTOR_OUTCOMES)[number];

export const SOURCE_FILES = [
  "taking-care-evaluation-report-2015.txt",
  "scale-up-evaluation-2016.txt",
  "reunification-framework-slides.txt",
] as const;
export type SourceFile = (typeof SOURCE_FILES)[number];

/** Where a factor comes from: a file in shared/seeds/ and the part of it that lists it. */
export interface Citation {
  readonly file: SourceFile;
  readonly section: string;
}

export interface FactorDefinition<Id extends string = string> {
  readonly id: Id;
  readonly domain: FactorDomain;
  /** Raises or lowers the likelihood of the outcomes below. */
  readonly direction: FactorDirection;
  readonly outcomes: readonly FactorOutcome[];
  readonly citations: readonly Citation[];
}

const REPORT = "taking-care-evaluation-report-2015.txt";
const APPENDIX_3: Citation = { file: REPORT, section: "Appendix 3" };
// "Current research has identified a number of factors supporting or undermining successful
// reunification" (Farmer and Wijedasa 2012; Thoburn et al. 2012; Wade et al. 2010; Fuller 2005).
const BACKGROUND: Citation = { file: REPORT, section: "Background" };
const SCALE_UP: Citation = {
  file: "scale-up-evaluation-2016.txt",
  section: "Changes made during the project",
};
const SLIDES: Citation = {
  file: "reunification-framework-slides.txt",
  section: "The cost to children",
};

/** A factor of Appendix 3 (Jones, Hindley and Ramchandani 2006; White, Hindley and Jones 2014). */
function harm<const Id extends string>(
  id: Id,
  domain: FactorDomain,
  direction: FactorDirection,
): FactorDefinition<Id> {
  return { id, domain, direction, outcomes: ["future_harm"], citations: [APPENDIX_3] };
}

/** An Appendix 3 factor that the return-home research also links to breakdown. */
function harmAndBreakdown<const Id extends string>(
  id: Id,
  domain: FactorDomain,
  direction: FactorDirection,
  ...also: readonly Citation[]
): FactorDefinition<Id> {
  return {
    id,
    domain,
    direction,
    outcomes: ["future_harm", "return_breakdown"],
    citations: [APPENDIX_3, ...also],
  };
}

/** A factor the return-home research links to a return breaking down or holding. */
function breakdown<const Id extends string>(
  id: Id,
  domain: FactorDomain,
  direction: FactorDirection,
  ...citations: readonly Citation[]
): FactorDefinition<Id> {
  return { id, domain, direction, outcomes: ["return_breakdown"], citations };
}

/**
 * Every factor, in the source's order: Appendix 3 domain by domain (raising, then lowering),
 * then the return-breakdown factors. The extracted text of Appendix 3 lost its italics (the
 * "most strongly associated" marks), so no strength is recorded here.
 */
export const FACTORS = [
  // Abuse
  harm("severe_physical_abuse", "abuse", "raises"),
  harm("neglect", "abuse", "raises"),
  harm("severe_growth_failure", "abuse", "raises"),
  harm("mixed_abuse", "abuse", "raises"),
  harm("previous_maltreatment", "abuse", "raises"),
  harm("long_duration_penetrative_sexual_abuse", "abuse", "raises"),
  harm("fabricated_or_induced_illness", "abuse", "raises"),
  harm("sadistic_abuse", "abuse", "raises"),
  harm("high_continuing_perpetrator_access", "abuse", "raises"),
  harm("less_severe_abuse", "abuse", "lowers"),
  harm("severe_abuse_with_compliance_and_no_denial", "abuse", "lowers"),
  // Child
  harm("developmental_delay_with_special_needs", "child", "raises"),
  harm("child_mental_illness", "child", "raises"),
  // Fuller (2005): very young children are at greater risk of maltreatment after return.
  harmAndBreakdown("very_young_child", "child", "raises", BACKGROUND),
  harm("low_child_visibility", "child", "raises"),
  harm("healthy_child", "child", "lowers"),
  harm("attributions_in_sexual_abuse", "child", "lowers"),
  harm("later_age_of_onset", "child", "lowers"),
  harm("one_good_corrective_relationship", "child", "lowers"),
  // Parent
  harm("personality_disorder", "parent", "raises"),
  harm("lack_of_compliance", "parent", "raises"),
  harm("denial_of_problem", "parent", "raises"),
  harm("learning_disability_with_mental_illness", "parent", "raises"),
  // Fuller (2005): especially where the parent has no extra support during reunification.
  harmAndBreakdown("parental_mental_health_difficulties", "parent", "raises", BACKGROUND),
  // Farmer and Wijedasa (2012); the scale-up evaluation: maltreatment much more often follows
  // a return to parents who misuse alcohol or drugs.
  harmAndBreakdown("substance_misuse", "parent", "raises", BACKGROUND, SCALE_UP),
  harm("paranoid_psychosis", "parent", "raises"),
  harm("unrecognised_childhood_abuse", "parent", "raises"),
  harm("parental_stress", "parent", "raises"),
  harm("history_of_assault", "parent", "raises"),
  // Appendix 3 lists "non-abusive partner" under both Parent and Family; it is catalogued
  // once, under Parent, so one fact is not counted twice.
  harm("non_abusive_partner", "parent", "lowers"),
  harm("willingness_to_engage", "parent", "lowers"),
  harm("recognition_of_problem", "parent", "lowers"),
  harm("responsibility_taken", "parent", "lowers"),
  harm("mental_disorder_responsive_to_treatment", "parent", "lowers"),
  harm("adaptation_to_childhood_abuse", "parent", "lowers"),
  // Parenting and parent/child interaction
  harm("disordered_attachment", "parenting", "raises"),
  harm("lack_of_empathy_for_child", "parenting", "raises"),
  harm("own_needs_before_child", "parenting", "raises"),
  harm("impaired_positive_interaction", "parenting", "raises"),
  harm("normal_attachment", "parenting", "lowers"),
  harm("empathy_for_child", "parenting", "lowers"),
  harm("competence_in_some_areas", "parenting", "lowers"),
  // Family
  harm("inter_parental_conflict_and_violence", "family", "raises"),
  harm("family_stress", "family", "raises"),
  harm("power_problems", "family", "raises"),
  // Fuller (2005): recurrence is more likely the more children there are in the household.
  harmAndBreakdown("large_family_size", "family", "raises", BACKGROUND),
  harm("poor_home_conditions", "family", "raises"),
  harm("housing_instability", "family", "raises"),
  harm("absence_of_domestic_violence", "family", "lowers"),
  harm("capacity_for_change", "family", "lowers"),
  harm("supportive_extended_family", "family", "lowers"),
  // Professional
  harm("lack_of_resources", "professional", "raises"),
  harm("professional_ineptitude", "professional", "raises"),
  harm("therapeutic_relationship_with_child", "professional", "lowers"),
  harm("outreach_to_family", "professional", "lowers"),
  harm("partnership_with_parents", "professional", "lowers"),
  // Social setting
  harm("social_isolation", "social_setting", "raises"),
  harm("no_support_network_and_lone_parenthood", "social_setting", "raises"),
  harm("violent_unsupportive_neighbourhood", "social_setting", "raises"),
  harm("social_support", "social_setting", "lowers"),
  harm("local_child_care", "social_setting", "lowers"),
  harm("volunteer_network", "social_setting", "lowers"),
  harm("legal_or_medical_services", "social_setting", "lowers"),
  // Return breakdown: more likely (report, Background; scale-up evaluation; slides: a third
  // of children had two or more failed returns, strongly related to further breakdown).
  breakdown("previous_failed_return", "case_history", "raises", BACKGROUND, SCALE_UP, SLIDES),
  breakdown("previous_physical_abuse", "abuse", "raises", BACKGROUND),
  // 59% of returns of 11-14 year olds broke down within two years, against 42% of younger
  // children (Farmer and Wijedasa 2012).
  breakdown("older_child_11_to_14", "child", "raises", BACKGROUND, SCALE_UP),
  breakdown("child_behavioural_difficulties", "child", "raises", SCALE_UP),
  // Thoburn et al. (2012): parents unable to change, or to sustain change after the return.
  breakdown("parental_change_not_sustained", "parent", "raises", BACKGROUND),
  // Return breakdown: less likely (report, Background; scale-up evaluation).
  breakdown("planned_return_after_thorough_assessment", "professional", "lowers", BACKGROUND),
  breakdown("staged_return_plan", "professional", "lowers", BACKGROUND),
  breakdown("family_involved_in_planning", "professional", "lowers", BACKGROUND),
  breakdown("underlying_problems_addressed", "family", "lowers", BACKGROUND),
  breakdown("family_focused_interventions", "professional", "lowers", BACKGROUND),
  breakdown("support_services_available", "professional", "lowers", BACKGROUND),
  breakdown("foster_carers_help_the_return", "professional", "lowers", BACKGROUND),
  breakdown("timely_well_attended_reviews", "professional", "lowers", BACKGROUND),
  breakdown("another_agency_monitoring", "professional", "lowers", BACKGROUND),
  breakdown("proactive_case_management", "professional", "lowers", BACKGROUND),
  breakdown("specialist_services_for_parents_and_children", "professional", "lowers", SCALE_UP),
  breakdown("changed_household_composition", "family", "lowers", SCALE_UP),
] as const;

export type FactorId = (typeof FACTORS)[number]["id"];

export const FACTOR_IDS: readonly FactorId[] = FACTORS.map((factor) => factor.id);

const BY_ID: ReadonlyMap<string, FactorDefinition<FactorId>> = new Map(
  FACTORS.map((factor) => [factor.id, factor]),
);

export function isFactorId(value: unknown): value is FactorId {
  return typeof value === "string" && BY_ID.has(value);
}

export const factorIdSchema = z.custom<FactorId>(isFactorId, { message: "Unknown factor id" });

/** The catalogue entry for an id. */
export function factorById(id: FactorId): FactorDefinition<FactorId> {
  const factor = BY_ID.get(id);
  // FactorId is a closed union, so only an unchecked cast can reach this line.
  if (factor === undefined) throw new RangeError(`Unknown factor id: ${id}`);
  return factor;
}

/** The factors of one domain, optionally only those raising or lowering the likelihood. */
export function factorsIn(
  domain: FactorDomain,
  direction?: FactorDirection,
): readonly FactorDefinition<FactorId>[] {
  return FACTORS.filter(
    (factor) =>
      factor.domain === domain && (direction === undefined || factor.direction === direction),
  );
}

/** Splits identified factors into those raising and those lowering the likelihood of harm. */
export function splitByDirection(ids: readonly FactorId[]): {
  readonly raising: readonly FactorId[];
  readonly lowering: readonly FactorId[];
} {
  const unique = [...new Set(ids)];
  return {
    raising: unique.filter((id) => factorById(id).direction === "raises"),
    lowering: unique.filter((id) => factorById(id).direction === "lowers"),
  };
}
