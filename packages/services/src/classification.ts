// Independent dual classification (issue 6, item 5): two practitioners each classify risk
// without seeing the other's classification; once both are in, both see both with the
// inputs they saw differently named, confer, and record the agreed classification. The
// two submissions are kept untouched (disagreements are part of the record). The case's
// level then follows from every agreed review and the time rules (`assessRisk`), and when
// the table's level is not one the time rules allow yet, the answer says why, with dates.
// framework.md, "The five stages" 2 and "Movement between levels".
import { can, type PolicyViewer, type ResourceFacts } from "@homeward/auth/policy";
import {
  childCase,
  recordAudit,
  type RiskReviewPoint,
  riskClassification,
  riskReview,
  riskReviewPoints,
  user,
} from "@homeward/db";
import {
  assessRisk,
  classifyRisk,
  compareClassifications,
  compareRiskLevels,
  type EvidenceInput,
  explainRisk,
  isoDateSchema,
  laterOf,
  type RiskEvidence,
  type RiskLevel,
  type RiskReview,
  type RiskStatus,
  riskFactorStateSchema,
} from "@homeward/rules";
import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { z } from "zod";
import { auditRead, authorize, type CaseFacts, caseFacts, visible } from "./access.ts";
import { type DerivedEvidence, derivedEvidence, refuseFamily } from "./assessment.ts";
import { NotFound, type ServiceContext, StaleWrite } from "./context.ts";
import { londonDate } from "./family-cases.ts";

type ReviewRow = typeof riskReview.$inferSelect;
type ClassificationRow = typeof riskClassification.$inferSelect;

/** A framework rule the request breaks; `code` maps to `assessment:refusals.<code>`. */
export class ReviewRuleBroken extends Error {
  readonly code: ReviewRuleCode;
  constructor(code: ReviewRuleCode) {
    super(`Risk review: ${code}`);
    this.name = "ReviewRuleBroken";
    this.code = code;
  }
}
export const REVIEW_RULE_CODES = [
  "REVIEW_ALREADY_AGREED",
  "ALREADY_TWO_CLASSIFICATIONS",
  "CLASSIFICATION_LOCKED",
  "NOT_BOTH_SUBMITTED",
] as const;
export type ReviewRuleCode = (typeof REVIEW_RULE_CODES)[number];

// ---------------------------------------------------------------------------------------
// The time rules applied to a proposed classification.

/** Why the table's level for this evidence is not the level the time rules give. */
export type TimeRuleProblem =
  | { code: "STEP_DOWN_TOO_SOON"; earliestStepDown: string | null; improvingSince: string | null }
  | { code: "ONE_LEVEL_AT_A_TIME"; previousLevel: RiskLevel }
  | { code: "DRIFT_TO_SEVERE"; driftedOn: string };

export interface TimeRulesCheck {
  /** The level the table gives this evidence on its own. */
  requested: RiskLevel;
  /** The level the time rules give the case at this review. */
  allowed: RiskLevel;
  problem: TimeRuleProblem | null;
  /** The case's status at the review with this evidence agreed. */
  status: RiskStatus;
}

interface DatedEvidence {
  date: string;
  evidence: RiskEvidence;
}

/** One review per day: the later agreement on a day wins (assessRisk refuses two on a date). */
function byDate(reviews: readonly DatedEvidence[]): RiskReview[] {
  const map = new Map<string, RiskEvidence>();
  for (const r of reviews) map.set(r.date, r.evidence);
  return [...map.entries()].map(([date, evidence]) => ({ date, evidence }));
}

/**
 * What the time rules make of `evidence` agreed on `date`, after the case's earlier agreed
 * reviews: worse at once; better one level at a time and only after six months sustained;
 * high drifts to severe after six months without the risk factors being addressed.
 */
export function checkTimeRules(
  earlier: readonly DatedEvidence[],
  date: string,
  evidence: RiskEvidence,
): TimeRulesCheck {
  const before = earlier.filter((r) => r.date < date);
  const history = byDate([...before, { date, evidence }]);
  const status = assessRisk(history, date);
  const requested = classifyRisk(evidence).level;
  const allowed = status.level;
  let problem: TimeRuleProblem | null = null;
  if (compareRiskLevels(allowed, requested) > 0) {
    const why = explainRisk({ status, latestEvidence: evidence, factors: [] });
    const previous = before.length > 0 ? assessRisk(byDate(before), date) : null;
    const lastReview =
      before
        .map((r) => r.date)
        .toSorted()
        .at(-1) ?? "";
    // Reached severe by the calendar since the last review: the no-drift rule moved it.
    const driftedSinceLastReview =
      previous !== null && previous.level === "severe" && previous.since > lastReview;
    if (allowed === "severe" && driftedSinceLastReview) {
      problem = { code: "DRIFT_TO_SEVERE", driftedOn: previous.since };
    } else if (why.heldBack === "RISK_FACTORS_NOT_ADDRESSED_IN_TIME") {
      problem = { code: "DRIFT_TO_SEVERE", driftedOn: status.since };
    } else if (status.since === date && previous !== null && previous.level !== allowed) {
      problem = { code: "ONE_LEVEL_AT_A_TIME", previousLevel: previous.level };
    } else {
      problem = {
        code: "STEP_DOWN_TOO_SOON",
        earliestStepDown: status.earliestStepDown,
        improvingSince: status.improvingSince,
      };
    }
  }
  return { requested, allowed, problem, status };
}

function agreedEvidence(row: ReviewRow): RiskEvidence | null {
  if (
    row.status !== "agreed" ||
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

function agreedHistory(rows: readonly ReviewRow[], except?: string): DatedEvidence[] {
  return rows
    .filter((r) => r.id !== except)
    .toSorted((a, b) => (a.agreedAt?.getTime() ?? 0) - (b.agreedAt?.getTime() ?? 0))
    .flatMap((r) => {
      const evidence = agreedEvidence(r);
      return evidence ? [{ date: r.reviewDate, evidence }] : [];
    });
}

/** The case's status today (or at its latest review, if later) from every agreed review. */
export function caseStatusFrom(
  history: readonly DatedEvidence[],
  today: string,
): RiskStatus | null {
  const reviews = byDate(history);
  if (reviews.length === 0) return null;
  const latest = reviews.map((r) => r.date).reduce((a, b) => laterOf(a, b));
  return assessRisk(reviews, laterOf(today, latest));
}

async function reviewsOfCase(ctx: ServiceContext, caseId: string) {
  return ctx.db
    .select()
    .from(riskReview)
    .where(eq(riskReview.caseId, caseId))
    .orderBy(asc(riskReview.reviewDate), asc(riskReview.createdAt));
}

// ---------------------------------------------------------------------------------------
// Reviews of a case.

const reviewFacts = (row: ReviewRow, kase: CaseFacts): ResourceFacts & { id: string } => ({
  type: "risk_review",
  id: row.id,
  ...kase,
  agreed: row.status === "agreed",
});

export interface ReviewSummary {
  reviewId: string;
  point: RiskReviewPoint;
  reviewDate: string;
  status: ReviewRow["status"];
  agreedLevel: RiskLevel | null;
  submittedCount: number;
}

export interface CaseReviewsView {
  caseId: string;
  reference: string;
  childName: string;
  reviews: ReviewSummary[];
  /** `assessRisk` over every agreed review: the level today, or null before the first. */
  status: RiskStatus | null;
  asOf: string;
  canOpen: boolean;
}

export async function reviewsFor(ctx: ServiceContext, caseId: string): Promise<CaseReviewsView> {
  const kase = await caseFacts(ctx, caseId);
  await refuseFamily(ctx, { type: "risk_review", ...kase });
  const { viewer } = await authorize(ctx, "read", { type: "risk_review", ...kase });
  const [row] = await ctx.db
    .select({ reference: childCase.reference, childName: childCase.childName })
    .from(childCase)
    .where(eq(childCase.id, caseId));
  if (!row) throw new NotFound(`case ${caseId}`);
  const rows = visible(
    viewer,
    await reviewsOfCase(ctx, caseId),
    (r) => reviewFacts(r, kase),
    ctx.now,
  );
  const submitted =
    rows.length === 0
      ? []
      : await ctx.db
          .select({ reviewId: riskClassification.reviewId })
          .from(riskClassification)
          .where(
            and(
              inArray(
                riskClassification.reviewId,
                rows.map((r) => r.id),
              ),
              isNotNull(riskClassification.submittedAt),
            ),
          );
  const today = londonDate(ctx.now);
  await auditRead(ctx, {
    resourceType: "risk_review_list",
    caseId,
    detail: { reviewIds: rows.map((r) => r.id) },
  });
  return {
    caseId,
    reference: row.reference,
    childName: row.childName,
    reviews: rows.map((r) => ({
      reviewId: r.id,
      point: r.point,
      reviewDate: r.reviewDate,
      status: r.status,
      agreedLevel: r.agreedLevel,
      submittedCount: submitted.filter((s) => s.reviewId === r.id).length,
    })),
    status: caseStatusFrom(agreedHistory(rows), today),
    asOf: today,
    canOpen: can(viewer, "create", { type: "risk_review", ...kase }, ctx.now).allowed,
  };
}

export const openReviewSchema = z.object({
  point: z.enum(riskReviewPoints, { error: "assessment:errors.point" }),
  reviewDate: isoDateSchema.refine((d) => !Number.isNaN(Date.parse(d)), {
    error: "assessment:errors.reviewDate",
  }),
});
export type OpenReviewInput = z.infer<typeof openReviewSchema>;

/** Opens a risk review for two independent classifications. */
export async function openReview(
  ctx: ServiceContext,
  caseId: string,
  input: OpenReviewInput,
): Promise<{ reviewId: string }> {
  const kase = await caseFacts(ctx, caseId);
  await authorize(ctx, "create", { type: "risk_review", ...kase });
  const reviewId = crypto.randomUUID();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(riskReview).values({
      id: reviewId,
      caseId,
      point: input.point,
      reviewDate: input.reviewDate,
      status: "open",
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: "create",
      resourceType: "risk_review",
      resourceId: reviewId,
      caseId,
      outcome: "allowed",
      detail: { point: input.point, reviewDate: input.reviewDate },
    });
  });
  return { reviewId };
}

// ---------------------------------------------------------------------------------------
// One review: the two classifications, blind until both are in.

const yesNoBoolean = (key: string) =>
  z.enum(["yes", "no"], { error: key }).transform((v) => v === "yes");

/** The three inputs of the table as posted (radio groups: "yes"/"no"). */
export const evidenceInputSchema = z.object({
  riskFactors: riskFactorStateSchema.or(z.literal("")).refine((v) => v !== "", {
    error: "assessment:errors.riskFactors",
  }),
  protectiveFactors: yesNoBoolean("assessment:errors.protectiveFactors"),
  capacityToChange: yesNoBoolean("assessment:errors.capacityToChange"),
});

const rationale = z
  .string({ error: "assessment:errors.rationale" })
  .trim()
  .min(1, { error: "assessment:errors.rationale" })
  .max(10000, { error: "assessment:errors.tooLong" });

export const classificationInputSchema = evidenceInputSchema.extend({ rationale });
export type ClassificationInput = {
  riskFactors: RiskEvidence["riskFactors"];
  protectiveFactors: boolean;
  capacityToChange: boolean;
  rationale: string;
};

export const agreeInputSchema = evidenceInputSchema.extend({
  rationale,
  version: z.coerce.number().int().positive(),
});
export type AgreeInput = {
  evidence: RiskEvidence;
  rationale: string;
  version: number;
};

async function loadReview(ctx: ServiceContext, reviewId: string) {
  const [review] = await ctx.db.select().from(riskReview).where(eq(riskReview.id, reviewId));
  if (!review) throw new NotFound(`review ${reviewId}`);
  const kase = await caseFacts(ctx, review.caseId);
  const classifications = await ctx.db
    .select()
    .from(riskClassification)
    .where(eq(riskClassification.reviewId, reviewId))
    .orderBy(asc(riskClassification.submittedAt));
  const submitted = classifications.filter((c) => c.submittedAt !== null);
  return { review, kase, classifications, bothSubmitted: submitted.length >= 2 };
}

const classificationFacts = (
  row: ClassificationRow,
  kase: CaseFacts,
  bothSubmitted: boolean,
): ResourceFacts & { id: string } => ({
  type: "risk_classification",
  id: row.id,
  ...kase,
  practitionerUserId: row.practitionerUserId,
  bothSubmitted,
});

export interface ClassificationView {
  id: string;
  byMe: boolean;
  practitionerName: string;
  evidence: RiskEvidence;
  level: RiskLevel;
  rationale: string;
  submittedAt: string | null;
  version: number;
  timeRules: TimeRulesCheck;
}

export interface ReviewView {
  reviewId: string;
  caseId: string;
  reference: string;
  childName: string;
  point: RiskReviewPoint;
  reviewDate: string;
  status: ReviewRow["status"];
  version: number;
  mine: ClassificationView | null;
  /** The other practitioner's classification: only once both are submitted. */
  theirs: ClassificationView | null;
  /** Every classification the viewer may see, their own first, then in submission order. */
  shown: ClassificationView[];
  /** How many classifications are in (the count is not secret; their content is). */
  submittedCount: number;
  bothSubmitted: boolean;
  /** Once both are in: agreed (same inputs) or confer, naming the inputs that differ. */
  comparison:
    | { outcome: "agreed"; level: RiskLevel; differingInputs: EvidenceInput[] }
    | {
        outcome: "confer";
        levels: [RiskLevel, RiskLevel];
        sameLevel: boolean;
        differingInputs: EvidenceInput[];
      }
    | null;
  agreed: {
    evidence: RiskEvidence;
    level: RiskLevel;
    rationale: string | null;
    agreedByName: string | null;
    agreedAt: string | null;
    timeRules: TimeRulesCheck;
  } | null;
  /** The evidence derived from the factor assessment, as a starting point. */
  suggested: DerivedEvidence | null;
  /** The case's status after every agreed review (this one included once agreed). */
  caseStatus: RiskStatus | null;
  asOf: string;
  canSubmit: boolean;
  canAgree: boolean;
}

async function namesOf(ctx: ServiceContext, userIds: readonly string[]) {
  if (userIds.length === 0) return new Map<string, string>();
  const rows = await ctx.db
    .select({ id: user.id, name: user.name })
    .from(user)
    .where(inArray(user.id, [...userIds]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

function allowedTo(
  viewer: PolicyViewer,
  action: "create" | "finalise",
  facts: ResourceFacts,
  now: Date,
) {
  return can(viewer, action, facts, now).allowed;
}

/** One review as the viewer may see it: their own classification, the other's only when both are in. */
export async function reviewFor(ctx: ServiceContext, reviewId: string): Promise<ReviewView> {
  const { review, kase, classifications, bothSubmitted } = await loadReview(ctx, reviewId);
  await refuseFamily(ctx, reviewFacts(review, kase));
  const { viewer } = await authorize(ctx, "read", reviewFacts(review, kase));
  const [kaseRow] = await ctx.db
    .select({ reference: childCase.reference, childName: childCase.childName })
    .from(childCase)
    .where(eq(childCase.id, review.caseId));
  if (!kaseRow) throw new NotFound(`case ${review.caseId}`);
  const readable = visible(
    viewer,
    classifications,
    (c) => classificationFacts(c, kase, bothSubmitted),
    ctx.now,
  );
  const allReviews = await reviewsOfCase(ctx, review.caseId);
  const earlier = agreedHistory(allReviews, review.id);
  const names = await namesOf(ctx, [
    ...readable.map((c) => c.practitionerUserId),
    ...(review.agreedBy ? [review.agreedBy] : []),
  ]);
  const toView = (c: ClassificationRow): ClassificationView => {
    const evidence: RiskEvidence = {
      riskFactors: c.riskFactors,
      protectiveFactors: c.protectiveFactors,
      capacityToChange: c.capacityToChange,
    };
    return {
      id: c.id,
      byMe: c.practitionerUserId === ctx.userId,
      practitionerName: names.get(c.practitionerUserId) ?? "",
      evidence,
      level: c.level,
      rationale: c.rationale,
      submittedAt: c.submittedAt?.toISOString() ?? null,
      version: c.version,
      timeRules: checkTimeRules(earlier, review.reviewDate, evidence),
    };
  };
  const mineRow = readable.find((c) => c.practitionerUserId === ctx.userId);
  const others = readable.filter((c) => c.practitionerUserId !== ctx.userId && c.submittedAt);
  // A viewer who did not classify (a manager) sees both once both are in, in the order
  // they were submitted; the policy has already hidden anything not yet theirs to see.
  const firstShown = mineRow ?? others[0];
  const theirs = bothSubmitted ? (mineRow ? others[0] : others[1]) : undefined;
  const mine = mineRow ? toView(mineRow) : null;
  let comparison: ReviewView["comparison"] = null;
  if (bothSubmitted && firstShown && theirs) {
    const result = compareClassifications(
      { practitionerId: firstShown.practitionerUserId, evidence: toView(firstShown).evidence },
      { practitionerId: theirs.practitionerUserId, evidence: toView(theirs).evidence },
    );
    if (result.ok && result.outcome === "agreed") {
      comparison = { outcome: "agreed", level: result.level, differingInputs: [] };
    } else if (result.ok) {
      comparison = {
        outcome: "confer",
        levels: [result.levels[0], result.levels[1]],
        sameLevel: result.sameLevel,
        differingInputs: [...result.differingInputs],
      };
    }
  }
  const agreedEv = agreedEvidence(review);
  const today = londonDate(ctx.now);
  let suggested: DerivedEvidence | null = null;
  try {
    suggested = await derivedEvidence(ctx, review.caseId, viewer);
  } catch {
    suggested = null;
  }
  const reviewResource = reviewFacts(review, kase);
  const mineFacts: ResourceFacts = {
    type: "risk_classification",
    ...kase,
    practitionerUserId: ctx.userId,
    bothSubmitted,
  };
  await auditRead(ctx, {
    resourceType: "risk_review",
    resourceId: review.id,
    caseId: review.caseId,
    detail: { classificationIds: readable.map((c) => c.id) },
  });
  return {
    reviewId: review.id,
    caseId: review.caseId,
    reference: kaseRow.reference,
    childName: kaseRow.childName,
    point: review.point,
    reviewDate: review.reviewDate,
    status: review.status,
    version: review.version,
    mine,
    theirs: theirs ? toView(theirs) : null,
    shown: [...(mineRow ? [mineRow] : []), ...others].map(toView),
    submittedCount: classifications.filter((c) => c.submittedAt).length,
    bothSubmitted,
    comparison,
    agreed: agreedEv
      ? {
          evidence: agreedEv,
          level: review.agreedLevel ?? classifyRisk(agreedEv).level,
          rationale: review.agreedRationale,
          agreedByName: review.agreedBy ? (names.get(review.agreedBy) ?? null) : null,
          agreedAt: review.agreedAt?.toISOString() ?? null,
          timeRules: checkTimeRules(earlier, review.reviewDate, agreedEv),
        }
      : null,
    suggested,
    caseStatus: caseStatusFrom(agreedHistory(allReviews), today),
    asOf: today,
    canSubmit:
      review.status !== "agreed" &&
      !bothSubmitted &&
      allowedTo(viewer, "create", mineFacts, ctx.now),
    canAgree:
      review.status !== "agreed" &&
      bothSubmitted &&
      allowedTo(viewer, "finalise", reviewResource, ctx.now),
  };
}

/**
 * Submits the viewer's own independent classification. The level comes from the table;
 * it can be changed until the other practitioner's is in, then it is locked (changing it
 * after seeing the other's would no longer be independent).
 */
export async function submitClassification(
  ctx: ServiceContext,
  reviewId: string,
  input: ClassificationInput,
): Promise<{ classificationId: string; bothSubmitted: boolean }> {
  const { review, kase, classifications } = await loadReview(ctx, reviewId);
  const mineRow = classifications.find((c) => c.practitionerUserId === ctx.userId);
  const others = classifications.filter(
    (c) => c.practitionerUserId !== ctx.userId && c.submittedAt !== null,
  );
  await authorize(ctx, mineRow ? "update" : "create", {
    type: "risk_classification",
    ...(mineRow ? { id: mineRow.id } : {}),
    ...kase,
    practitionerUserId: ctx.userId,
    bothSubmitted: others.length + (mineRow?.submittedAt ? 1 : 0) >= 2,
  });
  if (review.status === "agreed") throw new ReviewRuleBroken("REVIEW_ALREADY_AGREED");
  if (others.length >= 2) throw new ReviewRuleBroken("ALREADY_TWO_CLASSIFICATIONS");
  if (mineRow?.submittedAt && others.length >= 1)
    throw new ReviewRuleBroken("CLASSIFICATION_LOCKED");
  const evidence: RiskEvidence = {
    riskFactors: input.riskFactors,
    protectiveFactors: input.protectiveFactors,
    capacityToChange: input.capacityToChange,
  };
  const level = classifyRisk(evidence).level;
  const both = others.length + 1 >= 2;
  return ctx.db.transaction(async (tx) => {
    const id = mineRow?.id ?? crypto.randomUUID();
    if (mineRow) {
      await tx
        .update(riskClassification)
        .set({
          ...evidence,
          level,
          rationale: input.rationale,
          submittedAt: ctx.now,
          version: mineRow.version + 1,
          updatedAt: ctx.now,
        })
        .where(eq(riskClassification.id, id));
    } else {
      await tx.insert(riskClassification).values({
        id,
        reviewId,
        practitionerUserId: ctx.userId,
        ...evidence,
        level,
        rationale: input.rationale,
        submittedAt: ctx.now,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
    }
    if (both) {
      // Both are in: the practitioners confer (even when alike, the agreement and its
      // reasons are recorded by a person, not assumed).
      await tx
        .update(riskReview)
        .set({ status: "conferring", version: review.version + 1, updatedAt: ctx.now })
        .where(eq(riskReview.id, reviewId));
    }
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: mineRow ? "update" : "create",
      resourceType: "risk_classification",
      resourceId: id,
      caseId: review.caseId,
      outcome: "allowed",
      detail: { reviewId, level },
    });
    return { classificationId: id, bothSubmitted: both };
  });
}

/**
 * Records the agreed classification after conferring. Both submissions stay as they were.
 * Returns the case's status under the time rules and, when the table's level for the agreed
 * evidence is not allowed yet, why (e.g. a step down before six months have passed).
 */
export async function agreeClassification(
  ctx: ServiceContext,
  reviewId: string,
  input: AgreeInput,
): Promise<{ timeRules: TimeRulesCheck; caseStatus: RiskStatus }> {
  const { review, kase, bothSubmitted } = await loadReview(ctx, reviewId);
  await authorize(ctx, "finalise", reviewFacts(review, kase));
  if (review.status === "agreed") throw new ReviewRuleBroken("REVIEW_ALREADY_AGREED");
  if (!bothSubmitted) throw new ReviewRuleBroken("NOT_BOTH_SUBMITTED");
  if (review.version !== input.version) throw new StaleWrite(review.version);
  const allReviews = await reviewsOfCase(ctx, review.caseId);
  const earlier = agreedHistory(allReviews, review.id);
  const timeRules = checkTimeRules(earlier, review.reviewDate, input.evidence);
  const today = londonDate(ctx.now);
  const caseStatus = caseStatusFrom(
    [...earlier, { date: review.reviewDate, evidence: input.evidence }],
    today,
  ) as RiskStatus;
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(riskReview)
      .set({
        status: "agreed",
        agreedRiskFactors: input.evidence.riskFactors,
        agreedProtectiveFactors: input.evidence.protectiveFactors,
        agreedCapacityToChange: input.evidence.capacityToChange,
        // The level the framework gives at this review, not the table's alone (as the demo's
        // agreed reviews record it): a step down waits for six months sustained.
        agreedLevel: timeRules.allowed,
        agreedRationale: input.rationale,
        agreedBy: ctx.userId,
        agreedAt: ctx.now,
        version: review.version + 1,
        updatedAt: ctx.now,
      })
      .where(and(eq(riskReview.id, reviewId), eq(riskReview.version, input.version)))
      .returning({ id: riskReview.id });
    if (updated.length === 0) throw new StaleWrite(review.version + 1);
    // The caseload shows the case's level: keep it in step with the agreed reviews.
    const [kaseRow] = await tx
      .select({ version: childCase.version })
      .from(childCase)
      .where(eq(childCase.id, review.caseId));
    await tx
      .update(childCase)
      .set({
        riskLevel: caseStatus.level,
        riskLevelSince: caseStatus.since,
        version: (kaseRow?.version ?? 0) + 1,
        updatedAt: ctx.now,
      })
      .where(eq(childCase.id, review.caseId));
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: "finalise",
      resourceType: "risk_review",
      resourceId: reviewId,
      caseId: review.caseId,
      outcome: "allowed",
      detail: {
        requested: timeRules.requested,
        agreedLevel: timeRules.allowed,
        problem: timeRules.problem?.code ?? null,
      },
    });
  });
  return { timeRules, caseStatus };
}
