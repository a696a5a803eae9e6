// The case overview (issue 6, item 2): the child, legal status and eligibility, the people on
// the case with what each needs to take part, the stage and what is still missing to move on,
// the decision points passed, and the risk status the time rules give today. Contact details
// and the placement are confidential: they are in the view model only when the policy lets
// this viewer read them (a file reader never gets them).
import type { ResourceFacts } from "@homeward/auth/policy";
import {
  capacityEvidence,
  caseMember,
  casePerson,
  childCase,
  decision,
  factorAssessment,
  parentalAgreement,
  personContact,
  placement,
  plan,
  recordAudit,
  recordEntry,
  riskClassification,
  riskReview,
  user,
  viewsAndWishes,
} from "@homeward/db";
import {
  ageInYears,
  type CaseStep,
  checkEligibility,
  type EligibilityResult,
  LEGAL_STATUSES,
  type LegalStatus,
  type Milestone,
  type NextStep,
  nextStep,
  type ReclassificationReason,
  type RiskLevel,
} from "@homeward/rules";
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { auditRead, authorize, caseFacts, visible } from "./access.ts";
import { caseRiskFrom, riskDueItems } from "./caseload.ts";
import { AccessDenied, NotFound, type ServiceContext } from "./context.ts";
import { londonDate } from "./family-cases.ts";
import { type ReturnHomeView, returnHistory } from "./return-home-history.ts";

/** Short forms the record may hold, mapped to the rules' legal statuses. */
const legalStatusAliases: Record<string, LegalStatus> = {
  s31: "care_order_s31",
  s20: "accommodated_s20",
  s38: "interim_care_order_s38",
};

export function legalStatusOf(recorded: string): LegalStatus | null {
  if ((LEGAL_STATUSES as readonly string[]).includes(recorded)) return recorded as LegalStatus;
  return legalStatusAliases[recorded.toLowerCase()] ?? null;
}

/**
 * Milestones are not stored yet, so the overview derives the ones the record shows. Each is
 * named here with the evidence it rests on; every other milestone shows as still to do.
 */
export const DERIVED_MILESTONES = [
  "independent_file_read", // an entry written by the independent file reader
  "analytical_case_history", // at least one chronology event
  "risk_and_protective_factors_recorded", // a factor assessment
  "capacity_to_change_assessed", // evidence of capacity to change
  "child_views_heard", // the young person's wishes, submitted
  "parent_views_heard", // a parent's views, submitted
  "two_independent_classifications", // an agreed review with two submitted classifications
  "decision_explained_to_family", // decision 2 with an explanation for the family
  "parental_agreement_signed", // a published parental agreement
  "risk_reclassified", // an agreed classification 2 (or 3)
  "reunification_plan_agreed", // decision 3
  "permanence_plan_made", // a permanence panel decision, or an active permanence plan
  "decision_explained_with_positives", // the permanence decision explained to the family
  "family_contact_planned", // an active contact plan
] as const satisfies readonly Milestone[];

export interface PersonView {
  personId: string;
  name: string;
  relationship: (typeof casePerson.$inferSelect)["relationship"];
  isSubjectChild: boolean;
  age: number | null;
  language: string | null;
  interpreterNeeded: boolean;
  easyRead: boolean;
  advocateNeeded: boolean;
  learningDisability: boolean;
  /** CONFIDENTIAL: present only when the viewer may read it. */
  contact: { address: string | null; phone: string | null; email: string | null } | null;
}

export interface HelperView {
  name: string;
  role: "advocate" | "interpreter";
  /** The person they help. */
  helping: string | null;
  language: string | null;
}

export interface StaffView {
  name: string;
  role: (typeof caseMember.$inferSelect)["role"];
}

export type TimelineItem =
  | {
      kind: "decision";
      id: string;
      point: (typeof decision.$inferSelect)["point"];
      date: string;
      outcome: string;
      signedOff: boolean;
    }
  | {
      kind: "classification";
      id: string;
      point: (typeof riskReview.$inferSelect)["point"];
      date: string;
      level: RiskLevel | null;
    };

export interface CaseOverview {
  caseId: string;
  reference: string;
  child: { name: string; dateOfBirth: string; age: number };
  /** The rules' legal status, or null when the record holds one they do not know. */
  legalStatus: LegalStatus | null;
  legalStatusRecorded: string;
  eligibility: EligibilityResult | null;
  stage: CaseStep;
  next: NextStep;
  /** Milestones the record shows as done (see DERIVED_MILESTONES). */
  done: Milestone[];
  people: PersonView[];
  helpers: HelperView[];
  staff: StaffView[];
  /** CONFIDENTIAL: null when there is none or the viewer may not read it. */
  placement: { carerNames: string; address: string; phone: string | null; since: string } | null;
  timeline: TimelineItem[];
  risk: {
    level: RiskLevel;
    since: string;
    earliestStepDown: string | null;
    driftDate: string | null;
    mayClose: boolean;
    reunificationPossible: boolean;
    nextReclassification: { date: string; reason: ReclassificationReason; overdue: boolean };
  } | null;
  /** The level last written on the case, when it differs from today's. */
  recordedLevel: RiskLevel | null;
  /** Every return home, oldest first: a child can go home more than once. */
  returnHistory: ReturnHomeView[];
}

/** The overview of one case for a practitioner; the read is audited. */
export async function caseOverview(ctx: ServiceContext, caseId: string): Promise<CaseOverview> {
  const facts = await caseFacts(ctx, caseId);
  if (ctx.kind !== "practitioner") {
    await recordAudit(ctx.db, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: "read",
      resourceType: "case",
      resourceId: caseId,
      caseId,
      outcome: "denied",
      detail: { reason: "NOT_SIGNED_IN_AS_STAFF" },
    });
    throw new AccessDenied("NOT_SIGNED_IN_AS_STAFF");
  }
  const { viewer } = await authorize(ctx, "read", { type: "case", id: caseId, ...facts });
  const today = londonDate(ctx.now);
  const can = <T>(items: readonly T[], of: (item: T) => Omit<ResourceFacts, keyof typeof facts>) =>
    visible(viewer, items, (item) => ({ ...facts, ...of(item) }) as ResourceFacts, ctx.now);

  const [kase] = await ctx.db.select().from(childCase).where(eq(childCase.id, caseId)).limit(1);
  if (!kase) throw new NotFound(`case ${caseId}`);

  const people = can(
    await ctx.db
      .select()
      .from(casePerson)
      .where(eq(casePerson.caseId, caseId))
      .orderBy(asc(casePerson.createdAt), asc(casePerson.id)),
    (p) => ({ type: "person", personId: p.id }),
  );
  const contacts = people.length
    ? can(
        await ctx.db
          .select()
          .from(personContact)
          .where(
            inArray(
              personContact.personId,
              people.map((p) => p.id),
            ),
          ),
        (c) => ({
          type: "person_contact",
          ownerPersonId: c.personId,
          hiddenFromPersonIds: c.hiddenFromPersonIds,
        }),
      )
    : [];
  const placements = await ctx.db
    .select()
    .from(placement)
    .where(eq(placement.caseId, caseId))
    .orderBy(asc(placement.startDate));
  const currentPlacement = placements.findLast(
    (p) => p.startDate <= today && (p.endDate === null || p.endDate > today),
  );
  const shownPlacement = currentPlacement
    ? can([currentPlacement], () => ({ type: "placement" }))[0]
    : undefined;

  const members = await ctx.db
    .select({
      id: caseMember.id,
      role: caseMember.role,
      name: user.name,
      personId: caseMember.personId,
      actingFor: caseMember.actingForMemberId,
      language: caseMember.language,
      revokedAt: caseMember.revokedAt,
      activeUntil: caseMember.activeUntil,
    })
    .from(caseMember)
    .innerJoin(user, eq(user.id, caseMember.userId))
    .where(eq(caseMember.caseId, caseId))
    .orderBy(asc(caseMember.activeFrom), asc(caseMember.id));
  const current = members.filter(
    (m) => m.revokedAt === null && (m.activeUntil === null || m.activeUntil > ctx.now),
  );
  const personName = new Map(people.map((p) => [p.id, p.displayName]));
  const memberById = new Map(members.map((m) => [m.id, m]));

  const reviews = can(
    await ctx.db
      .select()
      .from(riskReview)
      .where(eq(riskReview.caseId, caseId))
      .orderBy(asc(riskReview.reviewDate)),
    (r) => ({ type: "risk_review", agreed: r.status === "agreed" }),
  );
  const decisions = can(
    await ctx.db
      .select()
      .from(decision)
      .where(eq(decision.caseId, caseId))
      .orderBy(asc(decision.decidedAt)),
    () => ({ type: "decision" }),
  );
  const agreed = reviews.filter((r) => r.status === "agreed");
  const risk = caseRiskFrom(agreed, today);
  const reclassification = riskDueItems(risk, today).find((d) => d.kind === "reclassification");

  const done = await derivedMilestones(ctx, caseId, {
    reviews: agreed,
    decisions,
    agreedIds: agreed.map((r) => r.id),
  });
  const next = nextStep({
    step: kase.stage,
    done,
    risk: risk?.status ?? null,
    changeUnlikelyInChildsTimeframe: false,
    returnedHomeOn: kase.returnedHomeOn,
    asOf: today,
  });

  const legalStatus = legalStatusOf(kase.legalStatus);
  const eligibility = legalStatus
    ? checkEligibility({
        legalStatus,
        livingAtHome: currentPlacement === undefined,
        everLookedAfterAwayFromHome: placements.length > 0 || kase.reEnteredCareOn !== null,
      })
    : null;

  const timeline: TimelineItem[] = [
    ...decisions.map(
      (d): TimelineItem => ({
        kind: "decision",
        id: d.id,
        point: d.point,
        date: londonDate(d.decidedAt),
        outcome: d.outcome,
        signedOff: d.signedOffAt !== null,
      }),
    ),
    ...agreed.map(
      (r): TimelineItem => ({
        kind: "classification",
        id: r.id,
        point: r.point,
        date: r.reviewDate,
        level: r.agreedLevel,
      }),
    ),
    // Same day: the classification comes before the decision it informs.
  ].sort((a, b) => a.date.localeCompare(b.date) || (a.kind === "classification" ? -1 : 1));

  const overview: CaseOverview = {
    caseId,
    reference: kase.reference,
    child: {
      name: kase.childName,
      dateOfBirth: kase.childDateOfBirth,
      age: ageInYears(kase.childDateOfBirth, today),
    },
    legalStatus,
    legalStatusRecorded: kase.legalStatus,
    eligibility,
    stage: kase.stage,
    next,
    done,
    people: people.map((p) => {
      const contact = contacts.find((c) => c.personId === p.id);
      return {
        personId: p.id,
        name: p.displayName,
        relationship: p.relationship,
        isSubjectChild: p.isSubjectChild,
        age: p.dateOfBirth ? ageInYears(p.dateOfBirth, today) : null,
        language: p.preferredLanguage,
        interpreterNeeded: p.interpreterNeeded,
        easyRead: p.easyRead,
        advocateNeeded: p.advocateNeeded,
        learningDisability: p.learningDisability,
        contact: contact
          ? { address: contact.address, phone: contact.phone, email: contact.email }
          : null,
      };
    }),
    helpers: current.flatMap((m): HelperView[] => {
      if (m.role !== "advocate" && m.role !== "interpreter") return [];
      const helped = m.actingFor ? memberById.get(m.actingFor) : undefined;
      return [
        {
          name: m.name,
          role: m.role,
          helping: helped?.personId ? (personName.get(helped.personId) ?? null) : null,
          language: m.language,
        },
      ];
    }),
    staff: current
      .filter((m) =>
        ["social_worker", "co_worker", "chronologist", "team_manager", "iro"].includes(m.role),
      )
      .map((m) => ({ name: m.name, role: m.role })),
    placement: shownPlacement
      ? {
          carerNames: shownPlacement.carerNames,
          address: shownPlacement.address,
          phone: shownPlacement.phone,
          since: shownPlacement.startDate,
        }
      : null,
    timeline,
    risk:
      risk && reclassification
        ? {
            level: risk.status.level,
            since: risk.status.since,
            earliestStepDown: risk.status.earliestStepDown,
            driftDate: risk.status.driftDate,
            mayClose: risk.status.mayClose,
            reunificationPossible: risk.status.reunificationPossible,
            nextReclassification: {
              date: reclassification.date,
              reason:
                reclassification.kind === "reclassification"
                  ? reclassification.reason
                  : "REGULAR_INTERVAL",
              overdue: reclassification.overdue,
            },
          }
        : null,
    recordedLevel: kase.riskLevel,
    returnHistory: await returnHistory(ctx.db, kase),
  };
  await auditRead(ctx, {
    resourceType: "case_overview",
    resourceId: caseId,
    caseId,
    detail: {
      contactIds: contacts.map((c) => c.id),
      placementId: shownPlacement?.id ?? null,
    },
  });
  return overview;
}

export async function derivedMilestones(
  ctx: ServiceContext,
  caseId: string,
  record: {
    reviews: readonly (typeof riskReview.$inferSelect)[];
    decisions: readonly (typeof decision.$inferSelect)[];
    agreedIds: readonly string[];
  },
): Promise<Milestone[]> {
  const entries = await ctx.db
    .select({ kind: recordEntry.kind, chronologistEntry: recordEntry.chronologistEntry })
    .from(recordEntry)
    .where(eq(recordEntry.caseId, caseId));
  const [factor] = await ctx.db
    .select({ id: factorAssessment.id })
    .from(factorAssessment)
    .where(eq(factorAssessment.caseId, caseId))
    .limit(1);
  const [capacity] = await ctx.db
    .select({ id: capacityEvidence.id })
    .from(capacityEvidence)
    .where(eq(capacityEvidence.caseId, caseId))
    .limit(1);
  // Only whether views were given is used here, never what they say.
  const views = await ctx.db
    .select({ kind: viewsAndWishes.kind })
    .from(viewsAndWishes)
    .where(and(eq(viewsAndWishes.caseId, caseId), eq(viewsAndWishes.status, "submitted")));
  const classifications = record.agreedIds.length
    ? await ctx.db
        .select({
          reviewId: riskClassification.reviewId,
          practitioner: riskClassification.practitionerUserId,
        })
        .from(riskClassification)
        .where(
          and(
            inArray(riskClassification.reviewId, [...record.agreedIds]),
            isNotNull(riskClassification.submittedAt),
          ),
        )
    : [];
  const agreements = await ctx.db
    .select({ status: parentalAgreement.status })
    .from(parentalAgreement)
    .where(eq(parentalAgreement.caseId, caseId));
  const plans = await ctx.db
    .select({ kind: plan.kind })
    .from(plan)
    .where(and(eq(plan.caseId, caseId), eq(plan.status, "active")));

  const points = new Set(record.decisions.map((d) => d.point));
  const explained = (point: string) =>
    record.decisions.some((d) => d.point === point && Boolean(d.familyExplanation?.trim()));
  const practitionersByReview = new Map<string, Set<string>>();
  for (const c of classifications) {
    const set = practitionersByReview.get(c.reviewId) ?? new Set<string>();
    set.add(c.practitioner);
    practitionersByReview.set(c.reviewId, set);
  }
  const checks: Record<(typeof DERIVED_MILESTONES)[number], boolean> = {
    independent_file_read: entries.some((e) => e.chronologistEntry),
    analytical_case_history: entries.some((e) => e.kind === "chronology_event"),
    risk_and_protective_factors_recorded: factor !== undefined,
    capacity_to_change_assessed: capacity !== undefined,
    child_views_heard: views.some((v) => v.kind === "young_person_wishes"),
    parent_views_heard: views.some((v) => v.kind === "parent_views"),
    two_independent_classifications: [...practitionersByReview.values()].some((s) => s.size >= 2),
    decision_explained_to_family: explained("decision_2"),
    parental_agreement_signed: agreements.some((a) => a.status === "published"),
    risk_reclassified: record.reviews.some(
      (r) => r.point === "classification_2" || r.point === "classification_3",
    ),
    reunification_plan_agreed: points.has("decision_3"),
    permanence_plan_made:
      points.has("permanence_panel") || plans.some((p) => p.kind === "alternative_permanence"),
    decision_explained_with_positives: explained("permanence_panel"),
    family_contact_planned: plans.some((p) => p.kind === "contact"),
  };
  return DERIVED_MILESTONES.filter((m) => checks[m]);
}
