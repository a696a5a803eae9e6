// Factors and capacity to change (issue 6, item 4): the catalogue of factors from
// @homeward/rules with this case's assessment of each, the evidence of the parents' capacity
// to change, and the `RiskEvidence` the traffic-lights table needs, derived from both with
// the reasons shown (so a practitioner can see how the app got there, and disagree).
// Factor assessments are confidential to practitioners (policy: factor_assessment).
import { can, type PolicyViewer, type ResourceFacts } from "@homeward/auth/policy";
import {
  capacityEvidence,
  casePerson,
  childCase,
  factorAssessment,
  recordAudit,
} from "@homeward/db";
import {
  classifyRisk,
  FACTOR_DOMAINS,
  FACTORS,
  type FactorDirection,
  type FactorDomain,
  type FactorId,
  factorById,
  isFactorId,
  type RiskEvidence,
  type RiskFactorState,
  type RiskLevel,
} from "@homeward/rules";
import { and, asc, eq } from "drizzle-orm";
import { z } from "zod";
import { auditRead, authorize, type CaseFacts, caseFacts } from "./access.ts";
import { AccessDenied, NotFound, type ServiceContext, StaleWrite } from "./context.ts";

type FactorRow = typeof factorAssessment.$inferSelect;
type CapacityRow = typeof capacityEvidence.$inferSelect;

/**
 * The practitioner views hold staff working (reasons, both classifications, assessment
 * notes): a family account never gets them, even where the policy lets a family member read
 * the record itself (decisions, agreed reviews); the portal has its own family views.
 */
export async function refuseFamily(ctx: ServiceContext, facts: ResourceFacts): Promise<void> {
  if (ctx.kind === "practitioner") return;
  await recordAudit(ctx.db, {
    actorUserId: ctx.userId,
    app: ctx.app,
    action: "read",
    resourceType: facts.type,
    caseId: facts.caseId,
    outcome: "denied",
    detail: { reason: "NOT_SIGNED_IN_AS_STAFF" },
  });
  throw new AccessDenied("NOT_SIGNED_IN_AS_STAFF");
}

const factsOf = (kase: CaseFacts): ResourceFacts => ({ type: "factor_assessment", ...kase });

export interface AssessedFactor {
  factorId: FactorId;
  /** The `rules` namespace key of the factor's label. */
  labelKey: string;
  direction: FactorDirection;
  /** Null until someone assesses it. */
  present: boolean | null;
  notes: string;
  evidence: string;
  version: number | null;
}

export interface FactorDomainView {
  domain: FactorDomain;
  raises: AssessedFactor[];
  lowers: AssessedFactor[];
}

export interface CapacityEvidenceView {
  id: string;
  personId: string | null;
  personName: string | null;
  summary: string;
  evidence: string | null;
  demonstratesChange: boolean;
  recordedAt: string;
}

/** Why each input of the table came out as it did (codes; the page translates them). */
export interface DerivedEvidence {
  evidence: RiskEvidence;
  level: RiskLevel;
  /** False while no factor has been assessed: the evidence is then only a placeholder. */
  assessed: boolean;
  reasons: {
    riskFactors: {
      state: RiskFactorState;
      code: "NO_RISK_FACTORS_PRESENT" | "RISK_FACTORS_WITH_CHANGE" | "RISK_FACTORS_WITHOUT_CHANGE";
      factorIds: FactorId[];
      capacityIds: string[];
    };
    protectiveFactors: {
      value: boolean;
      code: "PROTECTIVE_FACTORS_PRESENT" | "NO_PROTECTIVE_FACTORS_PRESENT";
      factorIds: FactorId[];
    };
    capacityToChange: {
      value: boolean;
      code: "CHANGE_SHOWN" | "NO_CAPACITY_EVIDENCE" | "NO_CHANGE_SHOWN" | "LATEST_SHOWS_NO_CHANGE";
      forIds: string[];
      againstIds: string[];
    };
  };
}

export interface FactorsView {
  caseId: string;
  reference: string;
  childName: string;
  domains: FactorDomainView[];
  capacity: CapacityEvidenceView[];
  people: { id: string; name: string }[];
  derived: DerivedEvidence;
  canEdit: boolean;
}

/**
 * The three inputs of the table, derived from the assessment (issue 6, item 4):
 * - risk factors: none when no raising factor is present; being addressed when some are and
 *   there is evidence that the parents are changing (they are using the help offered);
 *   otherwise not addressed;
 * - protective factors: apparent when any lowering factor is present;
 * - capacity to change: shown when there is evidence of change and the latest evidence still
 *   shows it ("actual, sustained change": a later setback outweighs an earlier success).
 * framework.md, "The risk classification table". Practitioners still confirm every input.
 */
export function deriveEvidence(
  factors: readonly Pick<FactorRow, "factorId" | "present">[],
  capacity: readonly Pick<CapacityRow, "id" | "demonstratesChange" | "createdAt">[],
): DerivedEvidence {
  const present = factors
    .filter((f) => f.present)
    .map((f) => f.factorId)
    .filter(isFactorId);
  const raising = present.filter((id) => factorById(id).direction === "raises");
  const lowering = present.filter((id) => factorById(id).direction === "lowers");
  const ordered = capacity.toSorted((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const forIds = ordered.filter((c) => c.demonstratesChange).map((c) => c.id);
  const againstIds = ordered.filter((c) => !c.demonstratesChange).map((c) => c.id);
  const latest = ordered.at(-1);

  const capacityCode =
    ordered.length === 0
      ? "NO_CAPACITY_EVIDENCE"
      : forIds.length === 0
        ? "NO_CHANGE_SHOWN"
        : latest?.demonstratesChange
          ? "CHANGE_SHOWN"
          : "LATEST_SHOWS_NO_CHANGE";
  const capacityToChange = capacityCode === "CHANGE_SHOWN";

  const riskState: RiskFactorState =
    raising.length === 0 ? "none" : forIds.length > 0 ? "being_addressed" : "not_addressed";
  const riskCode =
    riskState === "none"
      ? "NO_RISK_FACTORS_PRESENT"
      : riskState === "being_addressed"
        ? "RISK_FACTORS_WITH_CHANGE"
        : "RISK_FACTORS_WITHOUT_CHANGE";

  const evidence: RiskEvidence = {
    riskFactors: riskState,
    protectiveFactors: lowering.length > 0,
    capacityToChange,
  };
  return {
    evidence,
    level: classifyRisk(evidence).level,
    assessed: factors.length > 0,
    reasons: {
      riskFactors: {
        state: riskState,
        code: riskCode,
        factorIds: raising,
        capacityIds: riskState === "being_addressed" ? forIds : [],
      },
      protectiveFactors: {
        value: lowering.length > 0,
        code: lowering.length > 0 ? "PROTECTIVE_FACTORS_PRESENT" : "NO_PROTECTIVE_FACTORS_PRESENT",
        factorIds: lowering,
      },
      capacityToChange: { value: capacityToChange, code: capacityCode, forIds, againstIds },
    },
  };
}

async function loadAssessment(ctx: ServiceContext, caseId: string) {
  const factors = await ctx.db
    .select()
    .from(factorAssessment)
    .where(eq(factorAssessment.caseId, caseId));
  const capacity = await ctx.db
    .select()
    .from(capacityEvidence)
    .where(eq(capacityEvidence.caseId, caseId))
    .orderBy(asc(capacityEvidence.createdAt));
  return { factors, capacity };
}

/** The derived evidence of one case, for the classification page (a practitioner read). */
export async function derivedEvidence(
  ctx: ServiceContext,
  caseId: string,
  viewer?: PolicyViewer,
): Promise<DerivedEvidence> {
  const kase = await caseFacts(ctx, caseId);
  await authorize(ctx, "read", factsOf(kase), viewer);
  const { factors, capacity } = await loadAssessment(ctx, caseId);
  return deriveEvidence(factors, capacity);
}

/** The catalogue with this case's assessment, capacity evidence and the derived evidence. */
export async function factorsFor(ctx: ServiceContext, caseId: string): Promise<FactorsView> {
  const kase = await caseFacts(ctx, caseId);
  await refuseFamily(ctx, factsOf(kase));
  const { viewer } = await authorize(ctx, "read", factsOf(kase));
  const [row] = await ctx.db
    .select({ reference: childCase.reference, childName: childCase.childName })
    .from(childCase)
    .where(eq(childCase.id, caseId));
  if (!row) throw new NotFound(`case ${caseId}`);
  const { factors, capacity } = await loadAssessment(ctx, caseId);
  const people = await ctx.db
    .select({ id: casePerson.id, name: casePerson.displayName })
    .from(casePerson)
    .where(eq(casePerson.caseId, caseId))
    .orderBy(asc(casePerson.displayName));
  const byFactor = new Map(factors.map((f) => [f.factorId, f]));
  const assessed = (id: FactorId): AssessedFactor => {
    const found = byFactor.get(id);
    return {
      factorId: id,
      labelKey: `rules:factors.${id}`,
      direction: factorById(id).direction,
      present: found ? found.present : null,
      notes: found?.notes ?? "",
      evidence: found?.evidence ?? "",
      version: found?.version ?? null,
    };
  };
  const domains = FACTOR_DOMAINS.map((domain) => {
    const ids = FACTORS.filter((f) => f.domain === domain).map((f) => f.id);
    return {
      domain,
      raises: ids.filter((id) => factorById(id).direction === "raises").map(assessed),
      lowers: ids.filter((id) => factorById(id).direction === "lowers").map(assessed),
    };
  });
  const names = new Map(people.map((p) => [p.id, p.name]));
  await auditRead(ctx, {
    resourceType: "factor_assessment_list",
    caseId,
    detail: { factors: factors.length, capacity: capacity.length },
  });
  return {
    caseId,
    reference: row.reference,
    childName: row.childName,
    domains,
    capacity: capacity.map((c) => ({
      id: c.id,
      personId: c.personId,
      personName: c.personId ? (names.get(c.personId) ?? null) : null,
      summary: c.summary,
      evidence: c.evidence,
      demonstratesChange: c.demonstratesChange,
      recordedAt: c.createdAt.toISOString(),
    })),
    people,
    derived: deriveEvidence(factors, capacity),
    canEdit: can(viewer, "update", factsOf(kase), ctx.now).allowed,
  };
}

const yesNo = z.enum(["yes", "no"], { error: "assessment:errors.present" });
const longText = (max: number) =>
  z.string().trim().max(max, { error: "assessment:errors.tooLong" }).optional().default("");

/** One factor's assessment as posted; messages are i18n keys (namespace "assessment"). */
export const factorInputSchema = z.object({
  factorId: z.string().refine(isFactorId, { error: "assessment:errors.factor" }),
  present: yesNo,
  notes: longText(5000),
  evidence: longText(5000),
  version: z.coerce.number().int().positive().optional(),
});
export type FactorInput = z.infer<typeof factorInputSchema>;

/**
 * Saves one factor's assessment: a first save creates it, later saves must name the version
 * they read (a stale write throws StaleWrite; nothing is overwritten silently).
 */
export async function saveFactor(
  ctx: ServiceContext,
  caseId: string,
  factorId: FactorId,
  input: Omit<FactorInput, "factorId">,
): Promise<{ id: string; version: number }> {
  const kase = await caseFacts(ctx, caseId);
  if (!isFactorId(factorId)) throw new NotFound(`factor ${factorId}`);
  const [existing] = await ctx.db
    .select()
    .from(factorAssessment)
    .where(and(eq(factorAssessment.caseId, caseId), eq(factorAssessment.factorId, factorId)));
  await authorize(ctx, existing ? "update" : "create", {
    ...factsOf(kase),
    ...(existing ? { id: existing.id } : {}),
  });
  const values = {
    present: input.present === "yes",
    notes: input.notes || null,
    evidence: input.evidence || null,
    assessedBy: ctx.userId,
    updatedAt: ctx.now,
  };
  return ctx.db.transaction(async (tx) => {
    let id: string;
    let version: number;
    if (existing) {
      if (input.version !== existing.version) throw new StaleWrite(existing.version);
      const updated = await tx
        .update(factorAssessment)
        .set({ ...values, version: existing.version + 1 })
        .where(
          and(eq(factorAssessment.id, existing.id), eq(factorAssessment.version, existing.version)),
        )
        .returning({ id: factorAssessment.id, version: factorAssessment.version });
      const [row] = updated;
      if (!row) throw new StaleWrite(existing.version + 1);
      ({ id, version } = row);
    } else {
      // Someone else assessed it first between our read and this write: also a conflict.
      if (input.version !== undefined) throw new StaleWrite(0);
      id = crypto.randomUUID();
      version = 1;
      const inserted = await tx
        .insert(factorAssessment)
        .values({ id, caseId, factorId, ...values, createdAt: ctx.now })
        .onConflictDoNothing()
        .returning({ id: factorAssessment.id });
      if (inserted.length === 0) throw new StaleWrite(1);
    }
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: existing ? "update" : "create",
      resourceType: "factor_assessment",
      resourceId: id,
      caseId,
      outcome: "allowed",
      detail: { factorId, present: values.present, version },
    });
    return { id, version };
  });
}

/** Evidence of capacity to change as posted. */
export const capacityInputSchema = z.object({
  // "none": the evidence is about the household rather than one person.
  personId: z
    .string()
    .trim()
    .optional()
    .default("")
    .transform((v) => (v === "none" ? "" : v)),
  summary: z
    .string({ error: "assessment:errors.summary" })
    .trim()
    .min(1, { error: "assessment:errors.summary" })
    .max(1000, { error: "assessment:errors.tooLong" }),
  evidence: longText(5000),
  demonstratesChange: z.enum(["yes", "no"], { error: "assessment:errors.demonstratesChange" }),
});
export type CapacityInput = z.infer<typeof capacityInputSchema>;

export async function addCapacityEvidence(
  ctx: ServiceContext,
  caseId: string,
  input: CapacityInput,
): Promise<{ id: string }> {
  const kase = await caseFacts(ctx, caseId);
  await authorize(ctx, "create", factsOf(kase));
  if (input.personId) {
    const [person] = await ctx.db
      .select({ id: casePerson.id })
      .from(casePerson)
      .where(and(eq(casePerson.id, input.personId), eq(casePerson.caseId, caseId)));
    if (!person) throw new NotFound(`person ${input.personId} on case ${caseId}`);
  }
  const id = crypto.randomUUID();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(capacityEvidence).values({
      id,
      caseId,
      personId: input.personId || null,
      summary: input.summary,
      evidence: input.evidence || null,
      demonstratesChange: input.demonstratesChange === "yes",
      recordedBy: ctx.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: "create",
      resourceType: "capacity_evidence",
      resourceId: id,
      caseId,
      outcome: "allowed",
      detail: { demonstratesChange: input.demonstratesChange === "yes" },
    });
  });
  return { id };
}
