// The traffic light, explained (issue 5, item 2): the agreed risk level of a case as the
// framework's time rules give it today, the reasons the practitioners recorded, and what
// would move it down - as data the portal turns into translated sentences. Families see
// only agreed reviews (the policy); never either practitioner's own classification, nor
// the factor assessments' notes (neither table is read here).
import type { ResourceFacts } from "@homeward/auth/policy";
import { agreementGoal, riskReview } from "@homeward/db";
import {
  addMonths,
  assessRisk,
  type Decision,
  explainRisk,
  type FactorId,
  type FindingCode,
  type HeldBackReason,
  isFactorId,
  type NeededChange,
  type RiskEvidence,
  type RiskLevel,
  type RiskStatus,
  SUSTAINED_MONTHS,
} from "@homeward/rules";
import { asc, eq, inArray } from "drizzle-orm";
import { auditRead, visible } from "./access.ts";
import type { ServiceContext } from "./context.ts";
import { type FamilyCase, familyCase, londonDate, readableAgreementIds } from "./family-cases.ts";

type ReviewRow = Pick<
  typeof riskReview.$inferSelect,
  | "id"
  | "reviewDate"
  | "status"
  | "agreedRiskFactors"
  | "agreedProtectiveFactors"
  | "agreedCapacityToChange"
  | "agreedRationale"
>;

export interface AgreedRisk {
  status: RiskStatus;
  latest: {
    reviewId: string;
    reviewDate: string;
    evidence: RiskEvidence;
    rationale: string | null;
  };
  reviewIds: string[];
}

function evidenceOf(row: ReviewRow): RiskEvidence | null {
  if (
    row.agreedRiskFactors === null ||
    row.agreedProtectiveFactors === null ||
    row.agreedCapacityToChange === null
  ) {
    return null;
  }
  return {
    riskFactors: row.agreedRiskFactors,
    protectiveFactors: row.agreedProtectiveFactors,
    capacityToChange: row.agreedCapacityToChange,
  };
}

/**
 * The case's level today from every agreed review the viewer may read: `assessRisk` folds
 * them with the time rules, so the level is the framework's, not just the latest review's.
 * Null until a review is agreed.
 */
export async function agreedRiskOf(
  ctx: ServiceContext,
  kase: FamilyCase,
): Promise<AgreedRisk | null> {
  const today = londonDate(ctx.now);
  const rows = await ctx.db
    .select({
      id: riskReview.id,
      reviewDate: riskReview.reviewDate,
      status: riskReview.status,
      agreedRiskFactors: riskReview.agreedRiskFactors,
      agreedProtectiveFactors: riskReview.agreedProtectiveFactors,
      agreedCapacityToChange: riskReview.agreedCapacityToChange,
      agreedRationale: riskReview.agreedRationale,
    })
    .from(riskReview)
    .where(eq(riskReview.caseId, kase.caseId))
    .orderBy(asc(riskReview.reviewDate), asc(riskReview.agreedAt));
  // The policy decides: a family member reads a risk review only once it is agreed.
  const readable = visible(
    kase.viewer,
    rows,
    (row): ResourceFacts => ({
      type: "risk_review",
      ...kase.facts,
      agreed: row.status === "agreed",
    }),
    ctx.now,
  );
  // One review per day (assessRisk refuses two on a date); a later agreement that day wins.
  const byDate = new Map<string, { row: ReviewRow; evidence: RiskEvidence }>();
  for (const row of readable) {
    const evidence = evidenceOf(row);
    if (evidence && row.reviewDate <= today) byDate.set(row.reviewDate, { row, evidence });
  }
  const agreed = [...byDate.values()];
  const latest = agreed.at(-1);
  if (!latest) return null;
  const status = assessRisk(
    agreed.map(({ row, evidence }) => ({ date: row.reviewDate, evidence })),
    today,
  );
  return {
    status,
    latest: {
      reviewId: latest.row.id,
      reviewDate: latest.row.reviewDate,
      evidence: latest.evidence,
      rationale: latest.row.agreedRationale,
    },
    reviewIds: agreed.map(({ row }) => row.id),
  };
}

/**
 * The factors named in the published agreements the person is party to: the worries the
 * agreement's goals are about. The case's factor assessments themselves are confidential to
 * practitioners (policy: factor_assessment), so the explanation lists only what the family
 * has already been given in writing.
 */
async function factorsSharedWith(ctx: ServiceContext, kase: FamilyCase): Promise<FactorId[]> {
  const readable = await readableAgreementIds(ctx, kase);
  if (readable.length === 0) return [];
  const goals = await ctx.db
    .select({ factorIds: agreementGoal.factorIds })
    .from(agreementGoal)
    .where(inArray(agreementGoal.agreementId, readable));
  return [...new Set(goals.flatMap((g) => g.factorIds))].filter(isFactorId);
}

export type TrafficLight =
  | {
      caseId: string;
      childFirstName: string;
      forYoungPerson: boolean;
      decided: false;
    }
  | {
      caseId: string;
      childFirstName: string;
      forYoungPerson: boolean;
      decided: true;
      level: RiskLevel;
      /** The day the case reached this level. */
      since: string;
      reunificationPossible: boolean;
      /** While things are improving: the first day a review could move it down. */
      earliestStepDown: string | null;
      /** That day has come: the next review can move it down if things stay as they are. */
      stepDownDue: boolean;
      /**
       * Not yet improving (and not low): the earliest day it could move down if the change
       * needed began today - the honest answer to "when could this change?".
       */
      earliestIfChangeStartsNow: string | null;
      /** At high: the day it becomes severe unless the worries start being sorted out. */
      driftDate: string | null;
      /** At low: the first day the case can close. */
      mayCloseFrom: string | null;
      /** The reasons the practitioners recorded when they agreed the latest review. */
      reasons: string | null;
      reasonsDate: string;
      decision: Decision;
      findings: { code: FindingCode; positive: boolean }[];
      heldBack: HeldBackReason | null;
      nextLevel: RiskLevel | null;
      needed: NeededChange[];
      sustainMonths: number;
      /** Worries and strengths named in the family's own agreement. */
      riskFactors: FactorId[];
      protectiveFactors: FactorId[];
    };

/** The traffic light of one case for the signed-in family member; the read is audited. */
export async function trafficLightFor(ctx: ServiceContext, caseId: string): Promise<TrafficLight> {
  const kase = await familyCase(ctx, caseId);
  const base = {
    caseId,
    childFirstName: kase.childFirstName,
    forYoungPerson: kase.forYoungPerson,
  };
  const risk = await agreedRiskOf(ctx, kase);
  if (!risk) {
    await auditRead(ctx, {
      resourceType: "traffic_light",
      caseId,
      onBehalfOfMemberId: kase.onBehalfOfMemberId,
      detail: { reviewIds: [] },
    });
    return { ...base, decided: false };
  }
  const factors = await factorsSharedWith(ctx, kase);
  const why = explainRisk({ status: risk.status, latestEvidence: risk.latest.evidence, factors });
  const today = londonDate(ctx.now);
  const improving = risk.status.earliestStepDown !== null;
  await auditRead(ctx, {
    resourceType: "traffic_light",
    resourceId: risk.latest.reviewId,
    caseId,
    onBehalfOfMemberId: kase.onBehalfOfMemberId,
    detail: { reviewIds: risk.reviewIds },
  });
  return {
    ...base,
    decided: true,
    level: why.level,
    since: risk.status.since,
    reunificationPossible: risk.status.reunificationPossible,
    earliestStepDown: why.earliestStepDown,
    stepDownDue: why.earliestStepDown !== null && why.earliestStepDown <= today,
    earliestIfChangeStartsNow:
      improving || why.nextLevel === null ? null : addMonths(today, SUSTAINED_MONTHS),
    driftDate: why.driftDate,
    mayCloseFrom: why.mayCloseFrom,
    reasons: risk.latest.rationale,
    reasonsDate: risk.latest.reviewDate,
    decision: why.decision,
    findings: why.findings.map((f) => ({ code: f.code, positive: f.positive })),
    heldBack: why.heldBack,
    nextLevel: why.nextLevel,
    needed: [...why.needed],
    sustainMonths: why.sustainMonths,
    riskFactors: [...why.riskFactors],
    protectiveFactors: [...why.protectiveFactors],
  };
}
