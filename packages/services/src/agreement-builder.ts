// The parental agreement builder, practitioner side (issue 7, part 1): a draft agreement for
// a case with the family members it is with; goals made from the factors identified in the
// case's assessment, each stating every SMART part the rules ask for; the support the
// authority commits to; review dates; publishing to the family, who confirm each version
// they read; and afterwards the practitioners' progress notes, evidence and goal status
// beside what the family added (their notes, and support they flagged as not delivered).
//
// Versions: every change to the agreement moves its `version` on and keeps a copy of the
// terms at that version (agreement_version_snapshot), so an acknowledgement always names
// words that can be shown again. Progress notes, goal status and the delivery status of
// support are not terms: they carry their own versions and never ask the family to confirm
// the agreement again. Only the allocated social worker builds (policy: agreement create /
// update / share); the team manager may publish; family accounts are refused outright.
import type { ResourceFacts } from "@homeward/auth/policy";
import { can } from "@homeward/auth/policy";
import {
  agreementAcknowledgement,
  agreementGoal,
  agreementParty,
  agreementReviewDate,
  agreementSupport,
  agreementVersionSnapshot,
  caseMember,
  childCase,
  type Database,
  factorAssessment,
  goalProgress as goalProgressTable,
  parentalAgreement,
  recordAudit,
  riskReview,
  user,
} from "@homeward/db";
import type { Mailer } from "@homeward/mail";
import {
  type AcknowledgementState,
  type AgreementProblem,
  acknowledgementStates,
  checkWorkingGoalStatus,
  type FactorId,
  factorById,
  findAgreementProblems,
  type GoalPart,
  type GoalStatusErrorCode,
  isFactorId,
  isoDateSchema,
  missingGoalParts,
  nextReview,
  type RiskLevel,
  ruleStatusOf,
  type WorkingGoalStatus,
} from "@homeward/rules";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { auditRead, authorize, type CaseFacts, caseFacts } from "./access.ts";
import { refuseFamily } from "./assessment.ts";
import { AccessDenied, NotFound, type ServiceContext, StaleWrite } from "./context.ts";
import {
  type AgreementEndingView,
  agreementEndingOf,
  type RemovedReviewDateView,
  removedReviewDateIds,
  removedReviewDates,
} from "./agreement-ending-read.ts";
import { notifyUsers, usersOfMembers } from "./notifications.ts";

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
type AgreementRow = typeof parentalAgreement.$inferSelect;
type GoalRow = typeof agreementGoal.$inferSelect;

/** How to tell the family: the mailer and the portal's address (emails hold only a link). */
export interface NotifyTarget {
  mailer: Mailer;
  portalOrigin: string;
}

/** The agreement cannot be published (or, once published, changed) as it stands. */
export class AgreementNotReady extends Error {
  readonly problems: readonly AgreementProblem[];
  constructor(problems: readonly AgreementProblem[]) {
    super("Agreement not ready");
    this.name = "AgreementNotReady";
    this.problems = problems;
  }
}

/** A goal status change the rules refuse (codes translated as builder:goalStatusErrors.<code>). */
export class GoalStatusRefused extends Error {
  readonly code: GoalStatusErrorCode;
  constructor(code: GoalStatusErrorCode) {
    super(`Goal status refused: ${code}`);
    this.name = "GoalStatusRefused";
    this.code = code;
  }
}

const PARTY_ROLES = ["parent", "carer", "young_person"] as const;
const isPartyRole = (role: string) => (PARTY_ROLES as readonly string[]).includes(role);

const agreementFacts = (
  kase: CaseFacts,
  row: AgreementRow | null,
  parties: readonly string[],
): ResourceFacts & { id?: string } => ({
  type: "agreement",
  ...kase,
  ...(row ? { id: row.id } : {}),
  published: row ? row.status !== "draft" : false,
  partyMemberIds: parties,
});

const progressFacts = (kase: CaseFacts, row: AgreementRow, parties: readonly string[]) => ({
  type: "goal_progress" as const,
  ...kase,
  published: row.status !== "draft",
  partyMemberIds: parties,
  authorMemberId: null,
  onBehalfOfMemberId: null,
});

/** "Today" for due dates: the calendar day in England, where the service runs. */
function londonDay(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", {
    timeZone: "Europe/London",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).format(now);
}

// ---------------------------------------------------------------------------------------
// Loading

async function loadAgreement(ctx: ServiceContext, agreementId: string) {
  const [row] = await ctx.db
    .select()
    .from(parentalAgreement)
    .where(eq(parentalAgreement.id, agreementId))
    .limit(1);
  if (!row) throw new NotFound(`agreement ${agreementId}`);
  const kase = await caseFacts(ctx, row.caseId);
  const parties = await partiesOf(ctx.db, agreementId);
  return { row, kase, parties };
}

async function partiesOf(db: Database | Tx, agreementId: string): Promise<string[]> {
  const rows = await db
    .select({ memberId: agreementParty.memberId })
    .from(agreementParty)
    .where(eq(agreementParty.agreementId, agreementId))
    .orderBy(asc(agreementParty.memberId));
  return rows.map((r) => r.memberId);
}

/** Refuses family accounts, then asks the policy (denials are audited). */
async function authorizeStaff(
  ctx: ServiceContext,
  action: "read" | "create" | "update" | "share",
  facts: ResourceFacts & { id?: string },
) {
  await refuseFamily(ctx, facts);
  return authorize(ctx, action, facts);
}

/** The level of the case's latest agreed classification, if any. */
async function agreedLevelOf(db: Database | Tx, caseId: string): Promise<RiskLevel | null> {
  const [latest] = await db
    .select({ level: riskReview.agreedLevel })
    .from(riskReview)
    .where(and(eq(riskReview.caseId, caseId), eq(riskReview.status, "agreed")))
    .orderBy(desc(riskReview.reviewDate), desc(riskReview.agreedAt))
    .limit(1);
  return latest?.level ?? null;
}

/** The risk factors the case's assessment found present: the ones goals can be made from. */
async function identifiedRiskFactors(ctx: ServiceContext, caseId: string): Promise<FactorId[]> {
  const rows = await ctx.db
    .select({ factorId: factorAssessment.factorId })
    .from(factorAssessment)
    .where(and(eq(factorAssessment.caseId, caseId), eq(factorAssessment.present, true)))
    .orderBy(asc(factorAssessment.factorId));
  return rows
    .map((r) => r.factorId)
    .filter(isFactorId)
    .filter((id) => factorById(id).direction === "raises");
}

interface FamilyMember {
  memberId: string;
  name: string;
  role: string;
}

/** The family members an agreement can be with: parents, carers, the young person. */
async function familyMembers(ctx: ServiceContext, caseId: string): Promise<FamilyMember[]> {
  const rows = await ctx.db
    .select({ memberId: caseMember.id, name: user.name, role: caseMember.role })
    .from(caseMember)
    .innerJoin(user, eq(user.id, caseMember.userId))
    .where(and(eq(caseMember.caseId, caseId), isNull(caseMember.revokedAt)))
    .orderBy(asc(user.name));
  return rows.filter((r) => isPartyRole(r.role));
}

export async function reviewDatesOf(
  db: Database | Tx,
  row: AgreementRow,
): Promise<ReviewDateView[]> {
  // A date removed by mistake is kept (agreement_review_date_removal) but no longer counts.
  const removed = await removedReviewDateIds(db, [row.id]);
  const rows = (
    await db
      .select()
      .from(agreementReviewDate)
      .where(eq(agreementReviewDate.agreementId, row.id))
      .orderBy(asc(agreementReviewDate.reviewDate))
  ).filter((r) => !removed.has(r.id));
  const dates: ReviewDateView[] = rows.map((r) => ({
    id: r.id,
    date: r.reviewDate,
    heldOn: r.heldOn,
  }));
  // Agreements written before the builder kept one review date on the agreement itself.
  if (
    row.reviewDate &&
    !removed.has(`agreement:${row.id}`) &&
    !dates.some((d) => d.date === row.reviewDate)
  )
    dates.unshift({ id: `agreement:${row.id}`, date: row.reviewDate, heldOn: null });
  return dates.sort((a, b) => a.date.localeCompare(b.date));
}

function rulesGoal(goal: GoalRow, evidenceSeen = "") {
  return {
    id: goal.id,
    addressesFactors: goal.factorIds.filter(isFactorId),
    changeNeeded: goal.changeNeeded,
    measure: goal.measure,
    evidenceExpected: goal.evidenceExpected,
    // An empty date is "not written yet" (the column cannot hold a null: see saveGoal).
    dueDate: goal.dueDate === NO_DATE ? null : goal.dueDate,
    supportOffered: goal.supportOffered,
    consequence: goal.consequence,
    status: ruleStatusOf(goal.status),
    evidenceSeen,
  };
}

/**
 * agreement_goal.due_date is NOT NULL (the family side never shows an undated goal). A draft
 * goal without a date yet holds this sentinel, which the rules read as the part missing;
 * publishing is refused while any goal has it.
 */
const NO_DATE = "9999-12-31";

/** Everything the rules say stops this agreement going to the family. */
async function problemsOf(
  db: Database | Tx,
  row: AgreementRow,
  options: { ignoreClassification: boolean },
): Promise<AgreementProblem[]> {
  const goals = await db
    .select()
    .from(agreementGoal)
    .where(eq(agreementGoal.agreementId, row.id))
    .orderBy(asc(agreementGoal.sortOrder), asc(agreementGoal.id));
  const rulesGoals = goals.map((g) => rulesGoal(g));
  const reviews = await reviewDatesOf(db, row);
  const problems = findAgreementProblems(
    {
      // The agreement's identified risk factors are those its goals work on: a factor the
      // practitioner did not pick for this agreement (a child's age, say) needs no goal.
      riskFactors: [...new Set(rulesGoals.flatMap((g) => g.addressesFactors))],
      protectiveFactors: [],
      goals: rulesGoals,
      reviewDates: reviews.map((r) => r.date),
      status: row.status === "draft" ? "draft" : "shared_with_family",
    },
    { agreedLevel: await agreedLevelOf(db, row.caseId) },
  );
  // Once the family has the agreement, a later reclassification is answered by a decision,
  // not by freezing the goals the family is working on.
  return options.ignoreClassification
    ? problems.filter(
        (p) => p.code !== "NO_AGREED_CLASSIFICATION" && p.code !== "REUNIFICATION_NOT_POSSIBLE_NOW",
      )
    : [...problems];
}

// ---------------------------------------------------------------------------------------
// Versions

/** The terms at one version, as kept in agreement_version_snapshot. */
async function termsOf(tx: Tx, agreementId: string) {
  const [row] = await tx
    .select()
    .from(parentalAgreement)
    .where(eq(parentalAgreement.id, agreementId));
  if (!row) throw new NotFound(`agreement ${agreementId}`);
  const goals = await tx
    .select()
    .from(agreementGoal)
    .where(eq(agreementGoal.agreementId, agreementId))
    .orderBy(asc(agreementGoal.sortOrder), asc(agreementGoal.id));
  const support = await tx
    .select()
    .from(agreementSupport)
    .where(eq(agreementSupport.agreementId, agreementId))
    .orderBy(asc(agreementSupport.createdAt), asc(agreementSupport.id));
  return {
    row,
    terms: {
      title: row.title,
      riskFactorsSummary: row.riskFactorsSummary,
      protectiveFactorsSummary: row.protectiveFactorsSummary,
      parties: await partiesOf(tx, agreementId),
      reviewDates: (await reviewDatesOf(tx, row)).map((r) => r.date),
      goals: goals.map((g) => ({
        id: g.id,
        factorIds: g.factorIds,
        changeNeeded: g.changeNeeded,
        measure: g.measure,
        evidenceExpected: g.evidenceExpected,
        dueDate: g.dueDate === NO_DATE ? null : g.dueDate,
        supportOffered: g.supportOffered,
        consequence: g.consequence,
      })),
      support: support.map((s) => ({
        id: s.id,
        service: s.service,
        provider: s.provider,
        startDate: s.startDate,
      })),
    },
  };
}

/**
 * After its review dates changed: the next version, carrying the next review, which the
 * family's page shows. Shared by adding a review date and removing one.
 */
export async function nextVersionKeepingReview(
  tx: Tx,
  ctx: ServiceContext,
  agreementId: string,
  expected: number,
): Promise<number> {
  const [fresh] = await tx
    .select()
    .from(parentalAgreement)
    .where(eq(parentalAgreement.id, agreementId));
  if (!fresh) throw new NotFound(`agreement ${agreementId}`);
  const next = nextReview(
    (await reviewDatesOf(tx, fresh)).map((r) => ({ date: r.date, heldOn: r.heldOn })),
  );
  return nextVersion(tx, ctx, agreementId, expected, { reviewDate: next?.date ?? null });
}

/**
 * Moves the agreement to its next version and keeps a copy of the terms. With `expected`,
 * a stale version (someone saved first) throws StaleWrite and the transaction rolls back.
 */
export async function nextVersion(
  tx: Tx,
  ctx: ServiceContext,
  agreementId: string,
  expected: number | null,
  set: Partial<typeof parentalAgreement.$inferInsert> = {},
): Promise<number> {
  const updated = await tx
    .update(parentalAgreement)
    .set({ ...set, version: sql`${parentalAgreement.version} + 1`, updatedAt: ctx.now })
    .where(
      expected === null
        ? eq(parentalAgreement.id, agreementId)
        : and(eq(parentalAgreement.id, agreementId), eq(parentalAgreement.version, expected)),
    )
    .returning({ version: parentalAgreement.version, status: parentalAgreement.status });
  const [done] = updated;
  if (!done) {
    const [current] = await tx
      .select({ version: parentalAgreement.version })
      .from(parentalAgreement)
      .where(eq(parentalAgreement.id, agreementId));
    throw new StaleWrite(current?.version ?? 0);
  }
  const { terms } = await termsOf(tx, agreementId);
  await tx.insert(agreementVersionSnapshot).values({
    id: crypto.randomUUID(),
    agreementId,
    agreementVersion: done.version,
    published: done.status !== "draft",
    terms,
    createdBy: ctx.userId,
    createdAt: ctx.now,
  });
  return done.version;
}

/** After a change: a published agreement must still be complete (the family reads it now). */
export async function stillReady(tx: Tx, agreementId: string) {
  const [row] = await tx
    .select()
    .from(parentalAgreement)
    .where(eq(parentalAgreement.id, agreementId));
  if (!row || row.status === "draft") return;
  const problems = await problemsOf(tx, row, { ignoreClassification: true });
  if (problems.length > 0) throw new AgreementNotReady(problems);
}

/**
 * Emails each party (content-free: a link to "my agreement") once per published version, or
 * once when the agreement ends (`agreement_ended`, from agreement-ending.ts).
 */
export async function notifyParties(
  ctx: ServiceContext,
  notify: NotifyTarget | undefined,
  agreementId: string,
  version: number,
  kind: "agreement_shared" | "agreement_ended" = "agreement_shared",
): Promise<string[]> {
  if (!notify) return [];
  const [row] = await ctx.db
    .select({ status: parentalAgreement.status })
    .from(parentalAgreement)
    .where(eq(parentalAgreement.id, agreementId));
  // A draft is nobody's business yet; an end is told only once the agreement has ended.
  if (row?.status !== (kind === "agreement_ended" ? "ended" : "published")) return [];
  const parties = await partiesOf(ctx.db, agreementId);
  // The person's helpers (advocate, interpreter) read it with them; they are told too.
  const helpers = await ctx.db
    .select({ id: caseMember.id })
    .from(caseMember)
    .where(
      and(
        parties.length > 0 ? inArray(caseMember.actingForMemberId, parties) : sql`false`,
        isNull(caseMember.revokedAt),
      ),
    );
  const userIds = await usersOfMembers(ctx.db, [...parties, ...helpers.map((h) => h.id)]);
  return notifyUsers(
    { db: ctx.db, mailer: notify.mailer, portalOrigin: notify.portalOrigin },
    { userIds, kind, dedupeKey: `${kind}:${agreementId}:${version}` },
  );
}

/** What a change is about, as every audit row of it names it. */
type ChangeEntry = { action: string; resourceType: string; resourceId: string; caseId: string };

/** One audit row for a change, by the current user; pass `tx` when it commits with the change. */
export function auditEntry(
  db: Database | Tx,
  ctx: ServiceContext,
  entry: ChangeEntry,
  outcome: "allowed" | "denied" | "failed",
  detail: Record<string, unknown>,
) {
  return recordAudit(db, {
    actorUserId: ctx.userId,
    app: ctx.app,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId,
    caseId: entry.caseId,
    outcome,
    detail,
  });
}

async function auditStale(
  ctx: ServiceContext,
  entry: ChangeEntry,
  error: StaleWrite,
  readVersion: number,
) {
  await auditEntry(ctx.db, ctx, entry, "failed", {
    reason: "STALE_VERSION",
    readVersion,
    currentVersion: error.currentVersion,
  });
}

/** Runs a change; a lost race is recorded as failed (outside the rolled-back transaction). */
export async function audited<T>(
  ctx: ServiceContext,
  entry: ChangeEntry,
  readVersion: number,
  work: () => Promise<T>,
): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof StaleWrite) await auditStale(ctx, entry, error, readVersion);
    if (error instanceof AgreementNotReady)
      await auditEntry(ctx.db, ctx, entry, "failed", {
        reason: "AGREEMENT_NOT_READY",
        problems: error.problems.map((p) => p.code),
      });
    throw error;
  }
}

// ---------------------------------------------------------------------------------------
// The case's agreements

export interface AgreementSummary {
  agreementId: string;
  title: string;
  status: AgreementRow["status"];
  version: number;
  publishedAt: string | null;
  parties: number;
  /** Parties who have confirmed the current version. */
  acknowledgedCurrent: number;
}

export interface CaseAgreementsView {
  caseId: string;
  reference: string;
  childName: string;
  agreements: AgreementSummary[];
  familyMembers: FamilyMember[];
  /** Risk factors the assessment found present (labels: rules:factors.<id>). */
  identifiedFactors: FactorId[];
  canCreate: boolean;
}

export async function agreementsForCase(
  ctx: ServiceContext,
  caseId: string,
): Promise<CaseAgreementsView> {
  const kase = await caseFacts(ctx, caseId);
  const { viewer } = await authorizeStaff(ctx, "read", agreementFacts(kase, null, []));
  const [info] = await ctx.db
    .select({ reference: childCase.reference, childName: childCase.childName })
    .from(childCase)
    .where(eq(childCase.id, caseId));
  if (!info) throw new NotFound(`case ${caseId}`);
  const rows = await ctx.db
    .select()
    .from(parentalAgreement)
    .where(eq(parentalAgreement.caseId, caseId))
    .orderBy(desc(parentalAgreement.createdAt), asc(parentalAgreement.id));
  const agreements: AgreementSummary[] = [];
  for (const row of rows) {
    const parties = await partiesOf(ctx.db, row.id);
    const acks = await ctx.db
      .select({
        memberId: agreementAcknowledgement.memberId,
        version: agreementAcknowledgement.agreementVersion,
      })
      .from(agreementAcknowledgement)
      .where(eq(agreementAcknowledgement.agreementId, row.id));
    const states = acknowledgementStates(parties, acks, row.version);
    agreements.push({
      agreementId: row.id,
      title: row.title,
      status: row.status,
      version: row.version,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      parties: parties.length,
      acknowledgedCurrent: [...states.values()].filter((s) => s === "current").length,
    });
  }
  await auditRead(ctx, {
    resourceType: "agreement_list",
    caseId,
    detail: { agreements: rows.length },
  });
  return {
    caseId,
    reference: info.reference,
    childName: info.childName,
    agreements,
    familyMembers: await familyMembers(ctx, caseId),
    identifiedFactors: await identifiedRiskFactors(ctx, caseId),
    canCreate: can(viewer, "create", agreementFacts(kase, null, []), ctx.now).allowed,
  };
}

const tooLong = "builder:errors.tooLong";
const shortText = (error: string) =>
  z.string({ error }).trim().min(1, { error }).max(300, { error: tooLong });
const longText = z.string().trim().max(5000, { error: tooLong }).optional().default("");
const version = z.coerce
  .number({ error: "builder:errors.version" })
  .int({ error: "builder:errors.version" })
  .positive({ error: "builder:errors.version" });
const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== ""));

/** A new draft: its title, who it is with, and the identified factors to make goals from. */
export const createAgreementSchema = z.object({
  title: shortText("builder:errors.title"),
  partyMemberIds: idList.refine((ids) => ids.length > 0, { error: "builder:errors.parties" }),
  factorIds: idList,
});
export type CreateAgreementInput = z.infer<typeof createAgreementSchema>;

/**
 * Creates a draft agreement with its parties and one goal per picked factor. `changeNeeded`
 * gives each factor's goal its first words (the route writes them in the practitioner's
 * language); every other SMART part is left for the practitioner, so the draft cannot be
 * published until they are written.
 */
export async function createAgreement(
  ctx: ServiceContext,
  caseId: string,
  input: CreateAgreementInput & { changeNeeded?: Partial<Record<string, string>> },
): Promise<{ agreementId: string }> {
  const kase = await caseFacts(ctx, caseId);
  await authorizeStaff(ctx, "create", agreementFacts(kase, null, input.partyMemberIds));
  const members = await familyMembers(ctx, caseId);
  const unknownParty = input.partyMemberIds.find((id) => !members.some((m) => m.memberId === id));
  if (unknownParty) throw new NotFound(`family member ${unknownParty} on case ${caseId}`);
  const identified = await identifiedRiskFactors(ctx, caseId);
  const unknownFactor = input.factorIds.find((id) => !(identified as string[]).includes(id));
  if (unknownFactor) throw new NotFound(`identified factor ${unknownFactor} on case ${caseId}`);
  const agreementId = crypto.randomUUID();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(parentalAgreement).values({
      id: agreementId,
      caseId,
      title: input.title,
      status: "draft",
      riskFactorsSummary: "",
      protectiveFactorsSummary: "",
      version: 0,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await tx
      .insert(agreementParty)
      .values([...new Set(input.partyMemberIds)].map((memberId) => ({ agreementId, memberId })));
    const factorIds = [...new Set(input.factorIds)];
    if (factorIds.length > 0)
      await tx.insert(agreementGoal).values(
        factorIds.map((factorId, index) => ({
          id: crypto.randomUUID(),
          agreementId,
          factorIds: [factorId],
          changeNeeded: input.changeNeeded?.[factorId]?.trim() ?? "",
          measure: "",
          evidenceExpected: "",
          dueDate: NO_DATE,
          supportOffered: "",
          consequence: "",
          sortOrder: index + 1,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })),
      );
    // Version 1 is the first draft, with its copy of the terms.
    await nextVersion(tx, ctx, agreementId, 0);
    await auditEntry(
      tx,
      ctx,
      { action: "create", resourceType: "agreement", resourceId: agreementId, caseId },
      "allowed",
      { parties: input.partyMemberIds.length, goalsFromFactors: factorIds },
    );
  });
  return { agreementId };
}

// ---------------------------------------------------------------------------------------
// One agreement, as the practitioner builds and follows it

export interface ReviewDateView {
  id: string;
  date: string;
  heldOn: string | null;
}

export interface BuilderProgressView {
  id: string;
  note: string;
  evidence: string | null;
  createdAt: string;
  /** The family wrote it (shown apart, attributed), or a practitioner. */
  fromFamily: boolean;
  authorName: string;
  /** The family member's role on the case, or null for a practitioner. */
  authorRole: string | null;
  /** When an advocate or interpreter wrote it: the person they wrote for. */
  onBehalfOfName: string | null;
}

export interface BuilderGoalView {
  goalId: string;
  number: number;
  factorIds: string[];
  changeNeeded: string;
  measure: string;
  evidenceExpected: string;
  /** Empty while not written. */
  dueDate: string;
  supportOffered: string;
  consequence: string;
  status: WorkingGoalStatus;
  version: number;
  /** The SMART parts the rules still want (labels: builder:parts.<part>). */
  missing: GoalPart[];
  entries: BuilderProgressView[];
}

export interface BuilderSupportView {
  supportId: string;
  service: string;
  provider: string;
  startDate: string | null;
  status: (typeof agreementSupport.$inferSelect)["status"];
  version: number;
  /** The family said it has not happened: highlighted, with their note and name. */
  flag: { flaggedAt: string; byName: string; note: string | null } | null;
}

export interface AcknowledgementView {
  memberName: string;
  version: number;
  acknowledgedAt: string;
}

export interface BuilderView {
  agreementId: string;
  caseId: string;
  reference: string;
  childName: string;
  title: string;
  status: AgreementRow["status"];
  version: number;
  riskFactorsSummary: string;
  protectiveFactorsSummary: string;
  publishedAt: string | null;
  parties: (FamilyMember & { acknowledgement: AcknowledgementState })[];
  familyMembers: FamilyMember[];
  goals: BuilderGoalView[];
  support: BuilderSupportView[];
  reviewDates: ReviewDateView[];
  /** Review dates taken off by mistake: kept, with who and when (never deleted). */
  removedReviewDates: RemovedReviewDateView[];
  /** Why and when the agreement ended; null while it runs. */
  ending: AgreementEndingView | null;
  acknowledgements: AcknowledgementView[];
  /** What the rules say stops publishing (empty: ready). */
  problems: AgreementProblem[];
  ready: boolean;
  identifiedFactors: FactorId[];
  agreedLevel: RiskLevel | null;
  canEdit: boolean;
  canPublish: boolean;
  canAddProgress: boolean;
}

export async function agreementForBuilder(
  ctx: ServiceContext,
  agreementId: string,
): Promise<BuilderView> {
  const { row, kase, parties } = await loadAgreement(ctx, agreementId);
  const { viewer } = await authorizeStaff(ctx, "read", agreementFacts(kase, row, parties));
  const [info] = await ctx.db
    .select({ reference: childCase.reference, childName: childCase.childName })
    .from(childCase)
    .where(eq(childCase.id, row.caseId));
  if (!info) throw new NotFound(`case ${row.caseId}`);
  const goals = await ctx.db
    .select()
    .from(agreementGoal)
    .where(eq(agreementGoal.agreementId, agreementId))
    .orderBy(asc(agreementGoal.sortOrder), asc(agreementGoal.id));
  const progress =
    goals.length === 0
      ? []
      : await ctx.db
          .select({
            id: goalProgressTable.id,
            goalId: goalProgressTable.goalId,
            note: goalProgressTable.note,
            evidence: goalProgressTable.evidence,
            createdAt: goalProgressTable.createdAt,
            authorMemberId: goalProgressTable.authorMemberId,
            onBehalfOfMemberId: goalProgressTable.onBehalfOfMemberId,
            authorName: user.name,
          })
          .from(goalProgressTable)
          .innerJoin(user, eq(user.id, goalProgressTable.authorUserId))
          .where(
            inArray(
              goalProgressTable.goalId,
              goals.map((g) => g.id),
            ),
          )
          .orderBy(asc(goalProgressTable.createdAt), asc(goalProgressTable.id));
  const support = await ctx.db
    .select()
    .from(agreementSupport)
    .where(eq(agreementSupport.agreementId, agreementId))
    .orderBy(asc(agreementSupport.createdAt), asc(agreementSupport.id));
  const acks = await ctx.db
    .select()
    .from(agreementAcknowledgement)
    .where(eq(agreementAcknowledgement.agreementId, agreementId))
    .orderBy(desc(agreementAcknowledgement.acknowledgedAt), desc(agreementAcknowledgement.id));
  // Every member of the case, for names (family members who wrote or flagged something).
  const everyone = await ctx.db
    .select({ memberId: caseMember.id, name: user.name, role: caseMember.role })
    .from(caseMember)
    .innerJoin(user, eq(user.id, caseMember.userId))
    .where(eq(caseMember.caseId, row.caseId));
  const byMember = new Map(everyone.map((m) => [m.memberId, m]));
  const members = await familyMembers(ctx, row.caseId);
  const states = acknowledgementStates(
    parties,
    acks.map((a) => ({ memberId: a.memberId, version: a.agreementVersion })),
    row.version,
  );
  const facts = agreementFacts(kase, row, parties);
  const canEdit = can(viewer, "update", facts, ctx.now).allowed && row.status !== "ended";
  const problems = await problemsOf(ctx.db, row, {
    ignoreClassification: row.status !== "draft",
  });
  await auditRead(ctx, {
    resourceType: "agreement",
    resourceId: agreementId,
    caseId: row.caseId,
    detail: { version: row.version, view: "builder" },
  });
  return {
    agreementId,
    caseId: row.caseId,
    reference: info.reference,
    childName: info.childName,
    title: row.title,
    status: row.status,
    version: row.version,
    riskFactorsSummary: row.riskFactorsSummary,
    protectiveFactorsSummary: row.protectiveFactorsSummary,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    parties: parties.map((memberId) => ({
      memberId,
      name: byMember.get(memberId)?.name ?? "",
      role: byMember.get(memberId)?.role ?? "",
      acknowledgement: states.get(memberId) ?? "not_yet",
    })),
    familyMembers: members,
    goals: goals.map((goal, index) => ({
      goalId: goal.id,
      number: index + 1,
      factorIds: goal.factorIds,
      changeNeeded: goal.changeNeeded,
      measure: goal.measure,
      evidenceExpected: goal.evidenceExpected,
      dueDate: goal.dueDate === NO_DATE ? "" : goal.dueDate,
      supportOffered: goal.supportOffered,
      consequence: goal.consequence,
      status: goal.status,
      version: goal.version,
      missing: [...missingGoalParts(rulesGoal(goal))],
      entries: progress
        .filter((p) => p.goalId === goal.id)
        .map((p) => ({
          id: p.id,
          note: p.note,
          evidence: p.evidence,
          createdAt: p.createdAt.toISOString(),
          fromFamily: p.authorMemberId !== null,
          authorName: p.authorName,
          authorRole: p.authorMemberId ? (byMember.get(p.authorMemberId)?.role ?? null) : null,
          onBehalfOfName: p.onBehalfOfMemberId
            ? (byMember.get(p.onBehalfOfMemberId)?.name ?? null)
            : null,
        })),
    })),
    support: support.map((s) => ({
      supportId: s.id,
      service: s.service,
      provider: s.provider,
      startDate: s.startDate,
      status: s.status,
      version: s.version,
      flag: s.familyFlaggedAt
        ? {
            flaggedAt: s.familyFlaggedAt.toISOString(),
            byName: s.familyFlaggedBy ? (byMember.get(s.familyFlaggedBy)?.name ?? "") : "",
            note: s.familyFlagNote,
          }
        : null,
    })),
    reviewDates: await reviewDatesOf(ctx.db, row),
    removedReviewDates: await removedReviewDates(ctx.db, agreementId),
    ending: await agreementEndingOf(ctx.db, agreementId),
    acknowledgements: acks.map((a) => ({
      memberName: byMember.get(a.memberId)?.name ?? "",
      version: a.agreementVersion,
      acknowledgedAt: a.acknowledgedAt.toISOString(),
    })),
    problems,
    identifiedFactors: await identifiedRiskFactors(ctx, row.caseId),
    agreedLevel: await agreedLevelOf(ctx.db, row.caseId),
    canEdit,
    ready: problems.length === 0,
    canPublish: row.status === "draft" && can(viewer, "share", facts, ctx.now).allowed,
    canAddProgress:
      row.status === "published" &&
      can(viewer, "create", progressFacts(kase, row, parties), ctx.now).allowed,
  };
}

/** An ended agreement is the family's record: nothing more changes in it. */
async function refuseEnded(ctx: ServiceContext, row: AgreementRow, action: string) {
  if (row.status !== "ended") return;
  await auditEntry(
    ctx.db,
    ctx,
    { action, resourceType: "agreement", resourceId: row.id, caseId: row.caseId },
    "denied",
    { reason: "AGREEMENT_ENDED" },
  );
  throw new AccessDenied("AGREEMENT_ENDED");
}

export async function authorizeChange(ctx: ServiceContext, agreementId: string, action: string) {
  const loaded = await loadAgreement(ctx, agreementId);
  await authorizeStaff(ctx, "update", agreementFacts(loaded.kase, loaded.row, loaded.parties));
  await refuseEnded(ctx, loaded.row, action);
  return loaded;
}

// ---------------------------------------------------------------------------------------
// Changing the terms

export const agreementDetailsSchema = z.object({
  title: shortText("builder:errors.title"),
  riskFactorsSummary: longText,
  protectiveFactorsSummary: longText,
  partyMemberIds: idList.refine((ids) => ids.length > 0, { error: "builder:errors.parties" }),
  version,
});
export type AgreementDetailsInput = z.infer<typeof agreementDetailsSchema>;

/** Title, the factors in words, and who the agreement is with. */
export async function saveAgreementDetails(
  ctx: ServiceContext,
  agreementId: string,
  input: AgreementDetailsInput,
  notify?: NotifyTarget,
): Promise<{ version: number }> {
  const { row } = await authorizeChange(ctx, agreementId, "update");
  const members = await familyMembers(ctx, row.caseId);
  const unknown = input.partyMemberIds.find((id) => !members.some((m) => m.memberId === id));
  if (unknown) throw new NotFound(`family member ${unknown} on case ${row.caseId}`);
  const entry = {
    action: "update",
    resourceType: "agreement",
    resourceId: agreementId,
    caseId: row.caseId,
  };
  const result = await audited(ctx, entry, input.version, () =>
    ctx.db.transaction(async (tx) => {
      const [locked] = await tx
        .select({ version: parentalAgreement.version })
        .from(parentalAgreement)
        .where(eq(parentalAgreement.id, agreementId))
        .for("update");
      if (!locked || locked.version !== input.version) throw new StaleWrite(locked?.version ?? 0);
      const before = await partiesOf(tx, agreementId);
      const after = [...new Set(input.partyMemberIds)].sort();
      // Parties are rows of their own; one added or taken off is recorded in the new version.
      const removed = before.filter((id) => !after.includes(id));
      const added = after.filter((id) => !before.includes(id));
      if (removed.length > 0)
        await tx
          .delete(agreementParty)
          .where(
            and(
              eq(agreementParty.agreementId, agreementId),
              inArray(agreementParty.memberId, removed),
            ),
          );
      if (added.length > 0)
        await tx
          .insert(agreementParty)
          .values(added.map((memberId) => ({ agreementId, memberId })));
      await tx
        .update(parentalAgreement)
        .set({
          title: input.title,
          riskFactorsSummary: input.riskFactorsSummary,
          protectiveFactorsSummary: input.protectiveFactorsSummary,
        })
        .where(eq(parentalAgreement.id, agreementId));
      const next = await nextVersion(tx, ctx, agreementId, input.version);
      await auditEntry(tx, ctx, entry, "allowed", {
        version: next,
        partiesAdded: added,
        partiesRemoved: removed,
      });
      return { version: next };
    }),
  );
  await notifyParties(ctx, notify, agreementId, result.version);
  return result;
}

const goalText = {
  changeNeeded: longText,
  measure: longText,
  evidenceExpected: longText,
  dueDate: z
    .string()
    .trim()
    .optional()
    .default("")
    .refine((v) => v === "" || isoDateSchema.safeParse(v).success, {
      error: "builder:errors.dueDate",
    }),
  supportOffered: longText,
  consequence: longText,
};

/** A goal as posted: any part may still be blank in a draft (the rules list what is missing). */
export const goalInputSchema = z.object({
  ...goalText,
  factorIds: idList,
  version,
});
export type GoalInput = z.infer<typeof goalInputSchema>;

export const newGoalSchema = z.object({ ...goalText, factorIds: idList, version });
export type NewGoalInput = z.infer<typeof newGoalSchema>;

async function checkFactors(ctx: ServiceContext, caseId: string, factorIds: readonly string[]) {
  const identified = await identifiedRiskFactors(ctx, caseId);
  const unknown = factorIds.find((id) => !(identified as string[]).includes(id));
  if (unknown) throw new NotFound(`identified factor ${unknown} on case ${caseId}`);
}

/** Adds a goal. `version` is the agreement's, as the page showed it. */
export async function addGoal(
  ctx: ServiceContext,
  agreementId: string,
  input: NewGoalInput,
  notify?: NotifyTarget,
): Promise<{ goalId: string; version: number }> {
  const { row } = await authorizeChange(ctx, agreementId, "create");
  await checkFactors(ctx, row.caseId, input.factorIds);
  const goalId = crypto.randomUUID();
  const entry = {
    action: "create",
    resourceType: "agreement_goal",
    resourceId: goalId,
    caseId: row.caseId,
  };
  const result = await audited(ctx, entry, input.version, () =>
    ctx.db.transaction(async (tx) => {
      const [last] = await tx
        .select({ sortOrder: agreementGoal.sortOrder })
        .from(agreementGoal)
        .where(eq(agreementGoal.agreementId, agreementId))
        .orderBy(desc(agreementGoal.sortOrder))
        .limit(1);
      await tx.insert(agreementGoal).values({
        id: goalId,
        agreementId,
        factorIds: [...new Set(input.factorIds)],
        changeNeeded: input.changeNeeded,
        measure: input.measure,
        evidenceExpected: input.evidenceExpected,
        dueDate: input.dueDate || NO_DATE,
        supportOffered: input.supportOffered,
        consequence: input.consequence,
        sortOrder: (last?.sortOrder ?? 0) + 1,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      const next = await nextVersion(tx, ctx, agreementId, input.version);
      await stillReady(tx, agreementId);
      await auditEntry(tx, ctx, entry, "allowed", { agreementId, version: next });
      return { goalId, version: next };
    }),
  );
  await notifyParties(ctx, notify, agreementId, result.version);
  return result;
}

async function loadGoal(ctx: ServiceContext, goalId: string) {
  const [goal] = await ctx.db
    .select()
    .from(agreementGoal)
    .where(eq(agreementGoal.id, goalId))
    .limit(1);
  if (!goal) throw new NotFound(`goal ${goalId}`);
  return goal;
}

/** The goal's version as the transaction sees it (for a conflict message). */
async function goalVersionIn(tx: Tx, goalId: string): Promise<number> {
  const [row] = await tx
    .select({ version: agreementGoal.version })
    .from(agreementGoal)
    .where(eq(agreementGoal.id, goalId));
  return row?.version ?? 0;
}

/** Saves a goal's SMART parts. `version` is the goal's, as the page showed it. */
export async function saveGoal(
  ctx: ServiceContext,
  goalId: string,
  input: GoalInput,
  notify?: NotifyTarget,
): Promise<{ goalVersion: number; version: number }> {
  const goal = await loadGoal(ctx, goalId);
  const { row } = await authorizeChange(ctx, goal.agreementId, "update");
  await checkFactors(ctx, row.caseId, input.factorIds);
  const entry = {
    action: "update",
    resourceType: "agreement_goal",
    resourceId: goalId,
    caseId: row.caseId,
  };
  const result = await audited(ctx, entry, input.version, () =>
    ctx.db.transaction(async (tx) => {
      const updated = await tx
        .update(agreementGoal)
        .set({
          factorIds: [...new Set(input.factorIds)],
          changeNeeded: input.changeNeeded,
          measure: input.measure,
          evidenceExpected: input.evidenceExpected,
          dueDate: input.dueDate || NO_DATE,
          supportOffered: input.supportOffered,
          consequence: input.consequence,
          version: input.version + 1,
          updatedAt: ctx.now,
        })
        .where(and(eq(agreementGoal.id, goalId), eq(agreementGoal.version, input.version)))
        .returning({ version: agreementGoal.version });
      if (updated.length === 0) throw new StaleWrite(await goalVersionIn(tx, goalId));
      const next = await nextVersion(tx, ctx, goal.agreementId, null);
      await stillReady(tx, goal.agreementId);
      await auditEntry(tx, ctx, entry, "allowed", {
        agreementId: goal.agreementId,
        version: next,
        goalVersion: input.version + 1,
      });
      return { goalVersion: input.version + 1, version: next };
    }),
  );
  await notifyParties(ctx, notify, goal.agreementId, result.version);
  return result;
}

/** The long texts of a goal that save as the person types. */
export const AUTOSAVE_FIELDS = [
  "changeNeeded",
  "measure",
  "evidenceExpected",
  "supportOffered",
  "consequence",
] as const;
export type AutosaveField = (typeof AUTOSAVE_FIELDS)[number];

export const goalAutosaveSchema = z.object({
  goalId: z.string().min(1),
  field: z.enum(AUTOSAVE_FIELDS),
  text: z.string().max(5000),
  version,
});

/**
 * Autosave of one of a draft goal's long texts. Once the family has the agreement, each
 * change is a new version they are asked to confirm, so it changes only when the person
 * presses Save: autosave is refused and the browser keeps the copy (`saved: false`).
 */
export async function autosaveGoalText(
  ctx: ServiceContext,
  goalId: string,
  field: AutosaveField,
  text: string,
  goalVersion: number,
): Promise<{ saved: boolean; version: number; savedAt: string | null }> {
  const goal = await loadGoal(ctx, goalId);
  const { row } = await authorizeChange(ctx, goal.agreementId, "autosave");
  if (row.status !== "draft") return { saved: false, version: goal.version, savedAt: null };
  const entry = {
    action: "autosave",
    resourceType: "agreement_goal",
    resourceId: goalId,
    caseId: row.caseId,
  };
  return audited(ctx, entry, goalVersion, () =>
    ctx.db.transaction(async (tx) => {
      if (goal[field] === text.trim()) {
        if (goal.version !== goalVersion) throw new StaleWrite(goal.version);
        return { saved: true, version: goalVersion, savedAt: ctx.now.toISOString() };
      }
      const updated = await tx
        .update(agreementGoal)
        .set({ [field]: text.trim(), version: goalVersion + 1, updatedAt: ctx.now })
        .where(and(eq(agreementGoal.id, goalId), eq(agreementGoal.version, goalVersion)))
        .returning({ version: agreementGoal.version });
      if (updated.length === 0) throw new StaleWrite(await goalVersionIn(tx, goalId));
      await nextVersion(tx, ctx, goal.agreementId, null);
      await auditEntry(tx, ctx, entry, "allowed", {
        agreementId: goal.agreementId,
        field,
        goalVersion: goalVersion + 1,
      });
      return { saved: true, version: goalVersion + 1, savedAt: ctx.now.toISOString() };
    }),
  );
}

export const supportInputSchema = z.object({
  service: shortText("builder:errors.service"),
  provider: shortText("builder:errors.provider"),
  startDate: z
    .string()
    .trim()
    .optional()
    .default("")
    .refine((v) => v === "" || isoDateSchema.safeParse(v).success, {
      error: "builder:errors.startDate",
    }),
  version,
});
export type SupportInput = z.infer<typeof supportInputSchema>;

/** Support the authority commits to (a new term of the agreement). */
export async function addSupport(
  ctx: ServiceContext,
  agreementId: string,
  input: SupportInput,
  notify?: NotifyTarget,
): Promise<{ supportId: string; version: number }> {
  const { row } = await authorizeChange(ctx, agreementId, "create");
  const supportId = crypto.randomUUID();
  const entry = {
    action: "create",
    resourceType: "agreement_support",
    resourceId: supportId,
    caseId: row.caseId,
  };
  const result = await audited(ctx, entry, input.version, () =>
    ctx.db.transaction(async (tx) => {
      await tx.insert(agreementSupport).values({
        id: supportId,
        agreementId,
        service: input.service,
        provider: input.provider,
        startDate: input.startDate || null,
        status: "planned",
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      const next = await nextVersion(tx, ctx, agreementId, input.version);
      await auditEntry(tx, ctx, entry, "allowed", { agreementId, version: next });
      return { supportId, version: next };
    }),
  );
  await notifyParties(ctx, notify, agreementId, result.version);
  return result;
}

export const supportStatusSchema = z.object({
  supportId: z.string().min(1),
  status: z.enum(["planned", "started", "delivered", "not_delivered"], {
    error: "builder:errors.supportStatus",
  }),
  version,
});
export type SupportStatusInput = z.infer<typeof supportStatusSchema>;

/**
 * Whether promised support has started or been delivered. Delivery is progress, not a new
 * term: the support row's own version guards it and the family is not asked to confirm
 * again. The family's flag stays beside it, in their words.
 */
export async function setSupportStatus(
  ctx: ServiceContext,
  input: SupportStatusInput,
): Promise<{ version: number }> {
  const [support] = await ctx.db
    .select()
    .from(agreementSupport)
    .where(eq(agreementSupport.id, input.supportId))
    .limit(1);
  if (!support) throw new NotFound(`support ${input.supportId}`);
  const { row } = await authorizeChange(ctx, support.agreementId, "update");
  const entry = {
    action: "update",
    resourceType: "agreement_support",
    resourceId: support.id,
    caseId: row.caseId,
  };
  return audited(ctx, entry, input.version, () =>
    ctx.db.transaction(async (tx) => {
      const updated = await tx
        .update(agreementSupport)
        .set({ status: input.status, version: input.version + 1, updatedAt: ctx.now })
        .where(
          and(eq(agreementSupport.id, support.id), eq(agreementSupport.version, input.version)),
        )
        .returning({ version: agreementSupport.version });
      if (updated.length === 0) {
        const [current] = await tx
          .select({ version: agreementSupport.version })
          .from(agreementSupport)
          .where(eq(agreementSupport.id, support.id));
        throw new StaleWrite(current?.version ?? 0);
      }
      await auditEntry(tx, ctx, entry, "allowed", {
        from: support.status,
        to: input.status,
        flagged: support.familyFlaggedAt !== null,
      });
      return { version: input.version + 1 };
    }),
  );
}

export const reviewDateSchema = z.object({
  reviewDate: z
    .string({ error: "builder:errors.reviewDate" })
    .trim()
    .refine((v) => isoDateSchema.safeParse(v).success, { error: "builder:errors.reviewDate" }),
  version,
});
export type ReviewDateInput = z.infer<typeof reviewDateSchema>;

/** A date on which progress will be reviewed; the family is shown the next one. */
export async function addReviewDate(
  ctx: ServiceContext,
  agreementId: string,
  input: ReviewDateInput,
  notify?: NotifyTarget,
): Promise<{ version: number }> {
  const { row } = await authorizeChange(ctx, agreementId, "update");
  const entry = {
    action: "update",
    resourceType: "agreement",
    resourceId: agreementId,
    caseId: row.caseId,
  };
  const result = await audited(ctx, entry, input.version, () =>
    ctx.db.transaction(async (tx) => {
      await tx.insert(agreementReviewDate).values({
        id: crypto.randomUUID(),
        agreementId,
        reviewDate: input.reviewDate,
        createdBy: ctx.userId,
        createdAt: ctx.now,
      });
      const version = await nextVersionKeepingReview(tx, ctx, agreementId, input.version);
      await auditEntry(tx, ctx, entry, "allowed", { reviewDate: input.reviewDate, version });
      return { version };
    }),
  );
  await notifyParties(ctx, notify, agreementId, result.version);
  return result;
}

// ---------------------------------------------------------------------------------------
// Publishing

export const publishSchema = z.object({ version });

/**
 * Publishes the draft to its parties: refused (AgreementNotReady, with the rules' problems)
 * while any goal misses a SMART part, there is no review date, or the case has no agreed
 * classification at which return is possible. The parties are emailed a link.
 */
export async function publishAgreement(
  ctx: ServiceContext,
  agreementId: string,
  input: { version: number },
  notify?: NotifyTarget,
): Promise<{ version: number; notified: number }> {
  const { row, kase, parties } = await loadAgreement(ctx, agreementId);
  await authorizeStaff(ctx, "share", agreementFacts(kase, row, parties));
  const entry = {
    action: "share",
    resourceType: "agreement",
    resourceId: agreementId,
    caseId: row.caseId,
  };
  if (row.status !== "draft") {
    await auditEntry(ctx.db, ctx, entry, "denied", { reason: "NOT_A_DRAFT", status: row.status });
    throw new AccessDenied("NOT_A_DRAFT");
  }
  const result = await audited(ctx, entry, input.version, () =>
    ctx.db.transaction(async (tx) => {
      const [locked] = await tx
        .select()
        .from(parentalAgreement)
        .where(eq(parentalAgreement.id, agreementId))
        .for("update");
      if (!locked || locked.version !== input.version) throw new StaleWrite(locked?.version ?? 0);
      const problems = await problemsOf(tx, locked, { ignoreClassification: false });
      if (problems.length > 0) throw new AgreementNotReady(problems);
      const version = await nextVersion(tx, ctx, agreementId, input.version, {
        status: "published",
        publishedAt: ctx.now,
        publishedBy: ctx.userId,
      });
      await auditEntry(tx, ctx, entry, "allowed", { version, parties: parties.length });
      return { version };
    }),
  );
  const notified = await notifyParties(ctx, notify, agreementId, result.version);
  return { version: result.version, notified: notified.length };
}

// ---------------------------------------------------------------------------------------
// Following the agreement: progress notes (written with `addGoalProgress`) and goal status

/** A practitioner's progress note, with the builder's messages (the family's has its own). */
export const progressNoteSchema = z.object({
  goalId: z.string().min(1),
  note: z
    .string({ error: "builder:errors.note" })
    .trim()
    .min(1, { error: "builder:errors.note" })
    .max(5000, { error: tooLong }),
  evidence: longText,
});

export const goalStatusSchema = z.object({
  goalId: z.string().min(1),
  status: z.enum(["not_started", "in_progress", "achieved", "not_achieved"], {
    error: "builder:errors.goalStatus",
  }),
  note: longText,
  evidence: longText,
  version,
});
export type GoalStatusInput = z.infer<typeof goalStatusSchema>;

/**
 * Records a goal's status as a practitioner, with a note and the evidence seen (kept as a
 * progress note, so the family reads why). The rules decide: achieved needs evidence, not
 * achieved waits for the due date, a decided goal stays decided.
 */
export async function recordGoalStatus(
  ctx: ServiceContext,
  input: GoalStatusInput,
): Promise<{ goalVersion: number }> {
  const goal = await loadGoal(ctx, input.goalId);
  const { row } = await authorizeChange(ctx, goal.agreementId, "update");
  const entry = {
    action: "update",
    resourceType: "agreement_goal",
    resourceId: goal.id,
    caseId: row.caseId,
  };
  const refuse = async (code: GoalStatusErrorCode | "NOT_PUBLISHED") => {
    await auditEntry(ctx.db, ctx, entry, "failed", { reason: code, to: input.status });
  };
  // A draft's goals are not yet the family's to work on.
  if (row.status !== "published") {
    await refuse("NOT_PUBLISHED");
    throw new AccessDenied("NOT_PUBLISHED");
  }
  // The evidence seen: this change's, or what practitioners recorded before.
  const earlier = await ctx.db
    .select({ evidence: goalProgressTable.evidence })
    .from(goalProgressTable)
    .where(and(eq(goalProgressTable.goalId, goal.id), isNull(goalProgressTable.authorMemberId)));
  const evidenceSeen = [input.evidence, ...earlier.map((e) => e.evidence ?? "")]
    .filter((e) => e.trim() !== "")
    .join("\n");
  const verdict = checkWorkingGoalStatus(
    rulesGoal(goal, evidenceSeen),
    goal.status,
    input.status,
    londonDay(ctx.now),
  );
  if (!verdict.ok) {
    await refuse(verdict.code);
    throw new GoalStatusRefused(verdict.code);
  }
  return audited(ctx, entry, input.version, () =>
    ctx.db.transaction(async (tx) => {
      const updated = await tx
        .update(agreementGoal)
        .set({ status: input.status, version: input.version + 1, updatedAt: ctx.now })
        .where(and(eq(agreementGoal.id, goal.id), eq(agreementGoal.version, input.version)))
        .returning({ version: agreementGoal.version });
      if (updated.length === 0) throw new StaleWrite(await goalVersionIn(tx, goal.id));
      if (input.note || input.evidence) {
        await tx.insert(goalProgressTable).values({
          id: crypto.randomUUID(),
          goalId: goal.id,
          authorUserId: ctx.userId,
          note: input.note || input.evidence,
          evidence: input.evidence || null,
          createdAt: ctx.now,
        });
      }
      await auditEntry(tx, ctx, entry, "allowed", {
        from: goal.status,
        to: input.status,
        agreementId: row.id,
      });
      return { goalVersion: input.version + 1 };
    }),
  );
}
