import { compareDates, type IsoDate, isIsoDate } from "./dates.ts";

// What each kind of plan must state before it is made active and shared with the family:
// framework.md, "Parental agreements and plans" (a reunification plan states the expected
// timescale, the support to be provided, the role of each professional and carer, and the
// points at which progress will be assessed) and "Where return is not possible" (help the
// family understand the decision, an alternative permanence plan, and a plan for contact).

export const PLAN_KINDS = [
  "reunification",
  "alternative_permanence",
  "contact",
  "support",
] as const;
export type PlanKindName = (typeof PLAN_KINDS)[number];

export const PLAN_SERVICE_STATUSES = ["planned", "started", "delivered", "stopped"] as const;
export type PlanServiceState = (typeof PLAN_SERVICE_STATUSES)[number];

export interface PlanDraft {
  readonly kind: PlanKindName;
  readonly timescale: string | null;
  readonly summary: string;
  /** The decision and the plan in plain words for the family, with the positives too. */
  readonly familyExplanation: string | null;
  readonly services: readonly {
    readonly service: string;
    readonly provider: string;
    readonly status: PlanServiceState;
  }[];
  readonly roles: readonly { readonly who: string; readonly role: string }[];
  readonly reviewPoints: readonly { readonly date: string; readonly what: string }[];
}

export const PLAN_PROBLEMS = [
  "NO_TIMESCALE",
  "NO_SUMMARY",
  "NO_SERVICES",
  "SERVICE_WITHOUT_PROVIDER",
  "NO_ROLES",
  "ROLE_INCOMPLETE",
  "NO_REVIEW_POINTS",
  "REVIEW_POINT_INCOMPLETE",
  "NO_FAMILY_EXPLANATION",
] as const;
export type PlanProblem = (typeof PLAN_PROBLEMS)[number];

type Part = "timescale" | "services" | "roles" | "reviewPoints" | "familyExplanation";

/**
 * The parts each kind needs (the summary always). A reunification plan: all of the framework's
 * four parts. The alternative permanence plan: its timescale, who does what, when it is
 * reviewed, and the plain-words explanation that helps the family come to terms with it. A
 * contact plan: who makes contact happen and when it is reviewed (contact is never changed
 * abruptly). A support plan: the services.
 */
export const PLAN_REQUIREMENTS: Readonly<Record<PlanKindName, readonly Part[]>> = {
  reunification: ["timescale", "services", "roles", "reviewPoints"],
  alternative_permanence: ["timescale", "roles", "reviewPoints", "familyExplanation"],
  contact: ["roles", "reviewPoints"],
  support: ["services"],
};

const blank = (text: string | null | undefined) =>
  text === null || text === undefined || text.trim() === "";

function partProblems(plan: PlanDraft, part: Part): PlanProblem[] {
  switch (part) {
    case "timescale":
      return blank(plan.timescale) ? ["NO_TIMESCALE"] : [];
    case "familyExplanation":
      return blank(plan.familyExplanation) ? ["NO_FAMILY_EXPLANATION"] : [];
    case "services": {
      // A stopped service is no longer support the family gets.
      const live = plan.services.filter((s) => s.status !== "stopped");
      if (live.length === 0) return ["NO_SERVICES"];
      return live.some((s) => blank(s.service) || blank(s.provider))
        ? ["SERVICE_WITHOUT_PROVIDER"]
        : [];
    }
    case "roles":
      if (plan.roles.length === 0) return ["NO_ROLES"];
      return plan.roles.some((r) => blank(r.who) || blank(r.role)) ? ["ROLE_INCOMPLETE"] : [];
    case "reviewPoints":
      if (plan.reviewPoints.length === 0) return ["NO_REVIEW_POINTS"];
      return plan.reviewPoints.some((p) => !isIsoDate(p.date) || blank(p.what))
        ? ["REVIEW_POINT_INCOMPLETE"]
        : [];
  }
}

/** What a plan still lacks before it can be made active; empty when it is ready. */
export function planProblems(plan: PlanDraft): readonly PlanProblem[] {
  const problems: PlanProblem[] = blank(plan.summary) ? ["NO_SUMMARY"] : [];
  for (const part of PLAN_REQUIREMENTS[plan.kind]) problems.push(...partProblems(plan, part));
  return problems;
}

/** Review points in date order; the next one is the first on or after `today`. */
export function nextReviewPoint<T extends { readonly date: IsoDate }>(
  points: readonly T[],
  today: IsoDate,
): T | null {
  const ordered = points
    .filter((p) => isIsoDate(p.date))
    .toSorted((a, b) => compareDates(a.date, b.date));
  return ordered.find((p) => compareDates(p.date, today) >= 0) ?? null;
}
