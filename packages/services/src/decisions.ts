// Decisions (issue 6, item 6): each decision point with its outcome and reasons, recorded
// by the social worker and signed off by a team manager (framework.md, the Leeds decision
// points), and a preview of what the family will see: the explanation written for them and
// the traffic light exactly as the portal shows it to that family member, in their language.
import { can, type ResourceFacts } from "@homeward/auth/policy";
import {
  caseMember,
  casePerson,
  childCase,
  type Database,
  decision,
  decisionPoints,
  recordAudit,
  user,
} from "@homeward/db";
import { isLanguageCode, type LanguageCode } from "@homeward/i18n";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { auditRead, authorize, type CaseFacts, caseFacts } from "./access.ts";
import { refuseFamily } from "./assessment.ts";
import { NotFound, type ServiceContext, StaleWrite } from "./context.ts";
import { type TrafficLight, trafficLightFor } from "./traffic-light.ts";

type DecisionRow = typeof decision.$inferSelect;
export type DecisionPoint = DecisionRow["point"];

const decisionFacts = (kase: CaseFacts, id?: string): ResourceFacts & { id?: string } => ({
  type: "decision",
  ...kase,
  ...(id ? { id } : {}),
});

export interface DecisionView {
  id: string;
  point: DecisionPoint;
  outcome: string;
  reasons: string;
  familyExplanation: string | null;
  decidedByName: string;
  decidedAt: string;
  signedOffByName: string | null;
  signedOffAt: string | null;
  version: number;
  canSignOff: boolean;
}

export interface FamilyMemberOption {
  memberId: string;
  name: string;
  role: "parent" | "carer" | "young_person";
  language: LanguageCode;
}

export interface DecisionsView {
  caseId: string;
  reference: string;
  childName: string;
  decisions: DecisionView[];
  /** Whose view of the explanation can be previewed, with the language each reads. */
  familyMembers: FamilyMemberOption[];
  canRecord: boolean;
}

function languageOf(...candidates: (string | null | undefined)[]): LanguageCode {
  for (const c of candidates) if (isLanguageCode(c)) return c;
  return "en";
}

/** The family members whose portal view can be previewed: the people themselves, not helpers. */
async function familyMembersOf(ctx: ServiceContext, caseId: string): Promise<FamilyMemberOption[]> {
  const rows = await ctx.db
    .select({
      memberId: caseMember.id,
      role: caseMember.role,
      memberLanguage: caseMember.language,
      userName: user.name,
      userLanguage: user.preferredLanguage,
      personName: casePerson.displayName,
      personLanguage: casePerson.preferredLanguage,
    })
    .from(caseMember)
    .innerJoin(user, eq(user.id, caseMember.userId))
    .leftJoin(casePerson, eq(casePerson.id, caseMember.personId))
    .where(
      and(
        eq(caseMember.caseId, caseId),
        inArray(caseMember.role, ["parent", "carer", "young_person"]),
        isNull(caseMember.revokedAt),
      ),
    )
    .orderBy(asc(user.name));
  return rows.map((r) => ({
    memberId: r.memberId,
    name: r.personName ?? r.userName,
    role: r.role as FamilyMemberOption["role"],
    // The language recorded for their part in this case first, then their own choices.
    language: languageOf(r.memberLanguage, r.personLanguage, r.userLanguage),
  }));
}

export async function decisionsFor(ctx: ServiceContext, caseId: string): Promise<DecisionsView> {
  const kase = await caseFacts(ctx, caseId);
  await refuseFamily(ctx, decisionFacts(kase));
  const { viewer } = await authorize(ctx, "read", decisionFacts(kase));
  const [kaseRow] = await ctx.db
    .select({ reference: childCase.reference, childName: childCase.childName })
    .from(childCase)
    .where(eq(childCase.id, caseId));
  if (!kaseRow) throw new NotFound(`case ${caseId}`);
  const rows = await ctx.db
    .select()
    .from(decision)
    .where(eq(decision.caseId, caseId))
    .orderBy(asc(decision.decidedAt));
  const userIds = [
    ...new Set(rows.flatMap((r) => [r.decidedBy, ...(r.signedOffBy ? [r.signedOffBy] : [])])),
  ];
  const names =
    userIds.length === 0
      ? new Map<string, string>()
      : new Map(
          (
            await ctx.db
              .select({ id: user.id, name: user.name })
              .from(user)
              .where(inArray(user.id, userIds))
          ).map((u) => [u.id, u.name]),
        );
  const mayFinalise = can(viewer, "finalise", decisionFacts(kase), ctx.now).allowed;
  await auditRead(ctx, {
    resourceType: "decision_list",
    caseId,
    detail: { decisionIds: rows.map((r) => r.id) },
  });
  return {
    caseId,
    reference: kaseRow.reference,
    childName: kaseRow.childName,
    decisions: rows.map((r) => ({
      id: r.id,
      point: r.point,
      outcome: r.outcome,
      reasons: r.reasons,
      familyExplanation: r.familyExplanation,
      decidedByName: names.get(r.decidedBy) ?? "",
      decidedAt: r.decidedAt.toISOString(),
      signedOffByName: r.signedOffBy ? (names.get(r.signedOffBy) ?? "") : null,
      signedOffAt: r.signedOffAt?.toISOString() ?? null,
      version: r.version,
      canSignOff: mayFinalise && r.signedOffBy === null,
    })),
    familyMembers: await familyMembersOf(ctx, caseId),
    canRecord: can(viewer, "create", decisionFacts(kase), ctx.now).allowed,
  };
}

const required = (key: string, max: number) =>
  z
    .string({ error: key })
    .trim()
    .min(1, { error: key })
    .max(max, { error: "decisions:errors.tooLong" });

/** A decision as posted; messages are i18n keys (namespace "decisions"). */
export const decisionInputSchema = z.object({
  point: z.enum(decisionPoints, { error: "decisions:errors.point" }),
  outcome: required("decisions:errors.outcome", 500),
  reasons: required("decisions:errors.reasons", 10000),
  // The family are told every decision in plain words, with the positives too (framework.md).
  familyExplanation: required("decisions:errors.familyExplanation", 5000),
});
export type DecisionInput = z.infer<typeof decisionInputSchema>;

export async function recordDecision(
  ctx: ServiceContext,
  caseId: string,
  input: DecisionInput,
): Promise<{ decisionId: string }> {
  const kase = await caseFacts(ctx, caseId);
  await authorize(ctx, "create", decisionFacts(kase));
  const decisionId = crypto.randomUUID();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(decision).values({
      id: decisionId,
      caseId,
      point: input.point,
      outcome: input.outcome,
      reasons: input.reasons,
      familyExplanation: input.familyExplanation,
      decidedBy: ctx.userId,
      decidedAt: ctx.now,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: "create",
      resourceType: "decision",
      resourceId: decisionId,
      caseId,
      outcome: "allowed",
      detail: { point: input.point },
    });
  });
  return { decisionId };
}

async function loadDecision(ctx: ServiceContext, decisionId: string) {
  const [row] = await ctx.db.select().from(decision).where(eq(decision.id, decisionId));
  if (!row) throw new NotFound(`decision ${decisionId}`);
  return { row, kase: await caseFacts(ctx, row.caseId) };
}

/** A team manager signs a decision off (policy: decision, finalise). Stale or repeated: StaleWrite. */
export async function signOffDecision(
  ctx: ServiceContext,
  decisionId: string,
  version: number,
): Promise<void> {
  const { row, kase } = await loadDecision(ctx, decisionId);
  await authorize(ctx, "finalise", decisionFacts(kase, decisionId));
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(decision)
      .set({
        signedOffBy: ctx.userId,
        signedOffAt: ctx.now,
        version: version + 1,
        updatedAt: ctx.now,
      })
      .where(
        and(
          eq(decision.id, decisionId),
          eq(decision.version, version),
          isNull(decision.signedOffBy),
        ),
      )
      .returning({ id: decision.id });
    if (updated.length === 0) throw new StaleWrite(row.version);
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: "finalise",
      resourceType: "decision",
      resourceId: decisionId,
      caseId: row.caseId,
      outcome: "allowed",
      detail: { point: row.point },
    });
  });
}

export interface FamilyPreview {
  decisionId: string;
  caseId: string;
  point: DecisionPoint;
  outcome: string;
  familyExplanation: string | null;
  member: FamilyMemberOption;
  /** The portal's traffic light for this member, or null when they cannot see it now. */
  light: TrafficLight | null;
}

/** Carries the portal's answer out of a transaction that is then rolled back. */
class DryRun extends Error {
  readonly light: TrafficLight | null;
  constructor(light: TrafficLight | null) {
    super("preview");
    this.light = light;
  }
}

/**
 * What one family member will see: the explanation written for them and the traffic light
 * as the portal's own service builds it for them. The portal service is run as that member
 * inside a transaction that is rolled back, so the preview is exactly the portal's output
 * while the family member's audit trail records no read they did not make; the
 * practitioner's preview is audited as theirs.
 */
export async function familyPreview(
  ctx: ServiceContext,
  decisionId: string,
  memberId: string,
): Promise<FamilyPreview> {
  const { row, kase } = await loadDecision(ctx, decisionId);
  await refuseFamily(ctx, decisionFacts(kase, decisionId));
  await authorize(ctx, "read", decisionFacts(kase, decisionId));
  const member = (await familyMembersOf(ctx, row.caseId)).find((m) => m.memberId === memberId);
  if (!member) throw new NotFound(`family member ${memberId} on case ${row.caseId}`);
  const [account] = await ctx.db
    .select({ userId: caseMember.userId })
    .from(caseMember)
    .where(eq(caseMember.id, memberId));
  if (!account) throw new NotFound(`member ${memberId}`);
  let light: TrafficLight | null = null;
  try {
    await ctx.db.transaction(async (tx) => {
      const asMember: ServiceContext = {
        // A transaction offers every query the services use; drizzle types it separately.
        db: tx as unknown as Database,
        userId: account.userId,
        kind: "family",
        app: "portal",
        now: ctx.now,
      };
      let found: TrafficLight | null = null;
      try {
        found = await trafficLightFor(asMember, row.caseId);
      } catch {
        // Their portal access has ended or lacks consent: there is nothing for them to see.
        found = null;
      }
      throw new DryRun(found);
    });
  } catch (error) {
    if (!(error instanceof DryRun)) throw error;
    light = error.light;
  }
  await auditRead(ctx, {
    resourceType: "family_preview",
    resourceId: decisionId,
    caseId: row.caseId,
    detail: { memberId },
  });
  return {
    decisionId,
    caseId: row.caseId,
    point: row.point,
    outcome: row.outcome,
    familyExplanation: row.familyExplanation,
    member,
    light,
  };
}
