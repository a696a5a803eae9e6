// "My agreement" in the family portal (issue 5, item 3; item 7 for its printable copy): the
// published parental agreements a family member is a party to, each goal with its SMART
// parts and progress, the support the authority promised, and whether the person has
// confirmed reading the current version. Families add their own progress, flag promised
// support that has not happened (framework.md, "What authorities lacked": support plans came
// apart at the moment of return) and acknowledge the agreement. Views hold only what the
// viewer may see; every read and change is audited, and every refusal too.
import {
  type Action,
  can,
  isActive,
  type Membership,
  type PolicyViewer,
} from "@homeward/auth/policy";
import {
  agreementAcknowledgement,
  agreementGoal,
  agreementParty,
  agreementSupport,
  caseMember,
  goalProgress as goalProgressTable,
  parentalAgreement,
  recordAudit,
  user,
} from "@homeward/db";
import { type GoalProgress, goalProgress } from "@homeward/rules";
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import { z } from "zod";
import { auditRead, authorize, type CaseFacts, caseFacts, loadViewer, visible } from "./access.ts";
import { AccessDenied, NotFound, type ServiceContext, StaleWrite } from "./context.ts";
import { agreementEndingOf } from "./agreement-ending-read.ts";

type AgreementRow = typeof parentalAgreement.$inferSelect;
type GoalRow = typeof agreementGoal.$inferSelect;
type SupportRow = typeof agreementSupport.$inferSelect;
type MemberRow = Pick<
  typeof caseMember.$inferSelect,
  "id" | "role" | "userId" | "actingForMemberId"
>;

export type HelperRole = "advocate" | "interpreter";

/** Who wrote a progress note, seen from the viewer's side. */
export type ProgressWriter =
  /** The viewer, for themselves. */
  | "me"
  /** The viewer (an advocate or interpreter), for the person they help. */
  | "meForPerson"
  /** The person the viewer helps, themselves. */
  | "person"
  /** Someone else's advocate or interpreter writing for the viewer's person. */
  | "helperForPerson"
  /** Another family member who is also a party to the agreement. */
  | "otherFamily"
  /** A practitioner of the authority. */
  | "practitioner";

export interface ProgressView {
  id: string;
  note: string;
  evidence: string | null;
  createdAt: string;
  writer: ProgressWriter;
  /** Set when an advocate or interpreter wrote it on someone's behalf. */
  helperRole: HelperRole | null;
}

export interface GoalView {
  goalId: string;
  number: number;
  /** Catalogue ids of the worries this goal works on (labels: rules:factors.<id>). */
  factorIds: string[];
  changeNeeded: string;
  measure: string;
  evidenceExpected: string;
  dueDate: string;
  supportOffered: string;
  consequence: string;
  status: GoalRow["status"];
  /** How the goal stands today, from @homeward/rules (labels: rules:goalProgress.<value>). */
  progress: GoalProgress;
  entries: ProgressView[];
}

export interface SupportView {
  supportId: string;
  service: string;
  provider: string;
  startDate: string | null;
  status: SupportRow["status"];
  version: number;
  /** The family told the authority this has not happened. */
  flag: {
    flaggedAt: string;
    /** By the viewer's person (or someone helping them): then the note is shown. */
    byUs: boolean;
    note: string | null;
  } | null;
}

export interface AgreementView {
  agreementId: string;
  caseId: string;
  title: string;
  status: AgreementRow["status"];
  /** When and why an ended agreement ended (the family keeps reading it). */
  ended: { on: string; reason: string } | null;
  riskFactorsSummary: string;
  protectiveFactorsSummary: string;
  reviewDate: string | null;
  publishedAt: string | null;
  /** Sent back with an acknowledgement, so a changed agreement is never confirmed unread. */
  version: number;
  goals: GoalView[];
  support: SupportView[];
  acknowledgement: {
    /** The person has confirmed reading this version. */
    current: boolean;
    /** Their latest confirmation, of whichever version. */
    lastAt: string | null;
    lastVersion: number | null;
  };
  /** The viewer may add progress (not interpreters; advocates only if the person allowed). */
  canAddProgress: boolean;
  /** The viewer may acknowledge the agreement and flag support not delivered. */
  canRespond: boolean;
  /** The viewer's role when they help the party: an advocate or interpreter. */
  helperRole: HelperRole | null;
  /** The name of the person a helper acts for; null for the person themselves. */
  personName: string | null;
}

const familyRoles = new Set(["parent", "carer", "young_person", "advocate", "interpreter"]);

function isHelperRole(role: string): role is HelperRole {
  return role === "advocate" || role === "interpreter";
}

/** Published to the family (an ended agreement stays readable: it is their copy). */
function isPublished(row: AgreementRow): boolean {
  return row.status !== "draft" && row.publishedAt !== null;
}

function agreementFacts(row: AgreementRow, kase: CaseFacts, partyMemberIds: readonly string[]) {
  return {
    type: "agreement" as const,
    id: row.id,
    ...kase,
    published: isPublished(row),
    partyMemberIds,
  };
}

function progressFacts(
  row: AgreementRow,
  kase: CaseFacts,
  partyMemberIds: readonly string[],
  author: { authorMemberId: string | null; onBehalfOfMemberId: string | null },
) {
  return {
    type: "goal_progress" as const,
    ...kase,
    published: isPublished(row),
    partyMemberIds,
    ...author,
  };
}

/**
 * The viewer's active family membership through which they are a party: their own, or the
 * one of the person they help. Their own comes first.
 */
function partyMembership(
  viewer: PolicyViewer,
  partyMemberIds: readonly string[],
  now: Date,
): Membership | null {
  const active = viewer.memberships.filter((m) => familyRoles.has(m.role) && isActive(m, now));
  return (
    active.find((m) => !m.actingFor && partyMemberIds.includes(m.memberId)) ??
    active.find(
      (m) =>
        m.actingFor !== null &&
        isActive(m.actingFor, now) &&
        partyMemberIds.includes(m.actingFor.memberId),
    ) ??
    null
  );
}

// Made once: building a formatter loads locale and time-zone data, and pages call this often.
const londonCalendar = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/London",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** "Today" for due dates: the calendar day in England, where the service runs. */
function londonDay(now: Date): string {
  return londonCalendar.format(now);
}

function rulesGoal(goal: GoalRow) {
  return {
    id: goal.id,
    addressesFactors: [],
    changeNeeded: goal.changeNeeded,
    measure: goal.measure,
    evidenceExpected: goal.evidenceExpected,
    dueDate: goal.dueDate,
    supportOffered: goal.supportOffered,
    consequence: goal.consequence,
    // Not started and in progress are both "still working on it" to the rules.
    status:
      goal.status === "achieved" || goal.status === "not_achieved"
        ? goal.status
        : ("open" as const),
    evidenceSeen: "",
  };
}

function writerOf(
  entry: typeof goalProgressTable.$inferSelect,
  ctx: ServiceContext,
  personMemberId: string,
  viewerIsHelper: boolean,
): ProgressWriter {
  if (entry.authorMemberId === null) return "practitioner";
  const forPerson =
    entry.authorMemberId === personMemberId || entry.onBehalfOfMemberId === personMemberId;
  if (!forPerson) return "otherFamily";
  if (entry.authorUserId === ctx.userId) return viewerIsHelper ? "meForPerson" : "me";
  if (entry.onBehalfOfMemberId === personMemberId) return "helperForPerson";
  return viewerIsHelper ? "person" : "me";
}

async function caseMembers(ctx: ServiceContext, caseId: string): Promise<Map<string, MemberRow>> {
  const rows = await ctx.db
    .select({
      id: caseMember.id,
      role: caseMember.role,
      userId: caseMember.userId,
      actingForMemberId: caseMember.actingForMemberId,
    })
    .from(caseMember)
    .where(eq(caseMember.caseId, caseId));
  return new Map(rows.map((r) => [r.id, r]));
}

async function nameOfUser(ctx: ServiceContext, userId: string): Promise<string | null> {
  const [row] = await ctx.db
    .select({ name: user.name })
    .from(user)
    .where(eq(user.id, userId))
    .limit(1);
  return row?.name ?? null;
}

async function partiesOf(ctx: ServiceContext, agreementIds: readonly string[]) {
  if (agreementIds.length === 0) return new Map<string, string[]>();
  const rows = await ctx.db
    .select()
    .from(agreementParty)
    .where(inArray(agreementParty.agreementId, [...agreementIds]));
  const byAgreement = new Map<string, string[]>();
  for (const row of rows)
    byAgreement.set(row.agreementId, [...(byAgreement.get(row.agreementId) ?? []), row.memberId]);
  return byAgreement;
}

/**
 * For each case the viewer is on, the published agreements they are a party to (an advocate
 * or interpreter: those of the person they help). Each read is audited; `copy` marks the
 * printable copy in the audit trail.
 */
export async function agreementsForMe(
  ctx: ServiceContext,
  options: { copy?: boolean } = {},
): Promise<AgreementView[]> {
  const mine = await ctx.db
    .select({ caseId: caseMember.caseId, role: caseMember.role })
    .from(caseMember)
    .where(eq(caseMember.userId, ctx.userId));
  const caseIds = [...new Set(mine.filter((m) => familyRoles.has(m.role)).map((m) => m.caseId))];
  const result: AgreementView[] = [];
  for (const caseId of caseIds.sort()) {
    const viewer = await loadViewer(ctx, caseId);
    const rows = await ctx.db
      .select()
      .from(parentalAgreement)
      .where(and(eq(parentalAgreement.caseId, caseId), ne(parentalAgreement.status, "draft")))
      .orderBy(desc(parentalAgreement.publishedAt), asc(parentalAgreement.id));
    if (rows.length === 0) continue;
    const kase = await caseFacts(ctx, caseId);
    const parties = await partiesOf(
      ctx,
      rows.map((r) => r.id),
    );
    const partyIdsOf = (row: AgreementRow) => parties.get(row.id) ?? [];
    // The policy decides, and the viewer must be a party themselves (or help one): a
    // practitioner's or a non-party's view of someone else's agreement is not "mine".
    const allowed = visible(viewer, rows, (r) => agreementFacts(r, kase, partyIdsOf(r)), ctx.now)
      .map((row) => ({ row, as: partyMembership(viewer, partyIdsOf(row), ctx.now) }))
      .filter((x): x is { row: AgreementRow; as: Membership } => x.as !== null);
    if (allowed.length === 0) continue;
    const members = await caseMembers(ctx, caseId);
    for (const { row, as } of allowed) {
      result.push(
        await agreementView(ctx, { row, kase, viewer, as, members, parties: partyIdsOf(row) }),
      );
      const decision = can(viewer, "read", agreementFacts(row, kase, partyIdsOf(row)), ctx.now);
      await auditRead(ctx, {
        resourceType: "agreement",
        resourceId: row.id,
        caseId,
        onBehalfOfMemberId: decision.allowed ? decision.onBehalfOf : null,
        detail: options.copy ? { copy: "printable" } : null,
      });
    }
  }
  return result;
}

async function agreementView(
  ctx: ServiceContext,
  input: {
    row: AgreementRow;
    kase: CaseFacts;
    viewer: PolicyViewer;
    as: Membership;
    members: Map<string, MemberRow>;
    parties: readonly string[];
  },
): Promise<AgreementView> {
  const { row, kase, viewer, as, members, parties } = input;
  const person = as.actingFor ?? as;
  const helperRole = as.actingFor && isHelperRole(as.role) ? as.role : null;
  const today = londonDay(ctx.now);

  const goals = await ctx.db
    .select()
    .from(agreementGoal)
    .where(eq(agreementGoal.agreementId, row.id))
    .orderBy(asc(agreementGoal.sortOrder), asc(agreementGoal.id));
  const progressRows =
    goals.length === 0
      ? []
      : await ctx.db
          .select()
          .from(goalProgressTable)
          .where(
            inArray(
              goalProgressTable.goalId,
              goals.map((g) => g.id),
            ),
          )
          .orderBy(asc(goalProgressTable.createdAt), asc(goalProgressTable.id));
  const readable = visible(
    viewer,
    progressRows,
    (p) =>
      progressFacts(row, kase, parties, {
        authorMemberId: p.authorMemberId,
        onBehalfOfMemberId: p.onBehalfOfMemberId,
      }),
    ctx.now,
  );
  const supports = await ctx.db
    .select()
    .from(agreementSupport)
    .where(eq(agreementSupport.agreementId, row.id))
    .orderBy(asc(agreementSupport.startDate), asc(agreementSupport.id));
  const [lastAck] = await ctx.db
    .select()
    .from(agreementAcknowledgement)
    .where(
      and(
        eq(agreementAcknowledgement.agreementId, row.id),
        eq(agreementAcknowledgement.memberId, person.memberId),
      ),
    )
    .orderBy(
      desc(agreementAcknowledgement.agreementVersion),
      desc(agreementAcknowledgement.acknowledgedAt),
    )
    .limit(1);

  // The person and anyone helping them count as "us" for a flag on promised support.
  const ours = new Set(
    [...members.values()]
      .filter((m) => m.id === person.memberId || m.actingForMemberId === person.memberId)
      .map((m) => m.id),
  );
  const helperRoleOf = (memberId: string | null): HelperRole | null => {
    const role = memberId ? members.get(memberId)?.role : undefined;
    return role && isHelperRole(role) ? role : null;
  };
  const facts = agreementFacts(row, kase, parties);
  const personUser = members.get(person.memberId)?.userId;
  const ending = row.status === "ended" ? await agreementEndingOf(ctx.db, row.id) : null;

  return {
    agreementId: row.id,
    caseId: row.caseId,
    title: row.title,
    status: row.status,
    ended: ending ? { on: ending.endedOn, reason: ending.reason } : null,
    riskFactorsSummary: row.riskFactorsSummary,
    protectiveFactorsSummary: row.protectiveFactorsSummary,
    reviewDate: row.reviewDate,
    publishedAt: row.publishedAt?.toISOString() ?? null,
    version: row.version,
    goals: goals.map((goal, index) => ({
      goalId: goal.id,
      number: index + 1,
      factorIds: goal.factorIds,
      changeNeeded: goal.changeNeeded,
      measure: goal.measure,
      evidenceExpected: goal.evidenceExpected,
      dueDate: goal.dueDate,
      supportOffered: goal.supportOffered,
      consequence: goal.consequence,
      status: goal.status,
      progress: goalProgress(rulesGoal(goal), today),
      entries: readable
        .filter((p) => p.goalId === goal.id)
        .map((p) => ({
          id: p.id,
          note: p.note,
          evidence: p.evidence,
          createdAt: p.createdAt.toISOString(),
          writer: writerOf(p, ctx, person.memberId, helperRole !== null),
          helperRole: p.onBehalfOfMemberId ? helperRoleOf(p.authorMemberId) : null,
        })),
    })),
    support: supports.map((s) => {
      const byUs = s.familyFlaggedBy !== null && ours.has(s.familyFlaggedBy);
      return {
        supportId: s.id,
        service: s.service,
        provider: s.provider,
        startDate: s.startDate,
        status: s.status,
        version: s.version,
        flag: s.familyFlaggedAt
          ? {
              flaggedAt: s.familyFlaggedAt.toISOString(),
              byUs,
              // Another party's words stay theirs; the fact of the flag is shared.
              note: byUs ? s.familyFlagNote : null,
            }
          : null,
      };
    }),
    acknowledgement: {
      current: lastAck?.agreementVersion === row.version,
      lastAt: lastAck?.acknowledgedAt.toISOString() ?? null,
      lastVersion: lastAck?.agreementVersion ?? null,
    },
    canAddProgress:
      row.status === "published" &&
      can(viewer, "create", progressFacts(row, kase, parties, noAuthor), ctx.now).allowed,
    canRespond: row.status === "published" && can(viewer, "respond", facts, ctx.now).allowed,
    helperRole,
    personName: helperRole && personUser ? await nameOfUser(ctx, personUser) : null,
  };
}

const noAuthor = { authorMemberId: null, onBehalfOfMemberId: null };

// ---------------------------------------------------------------------------------------
// Writes

async function loadAgreement(ctx: ServiceContext, agreementId: string) {
  const [row] = await ctx.db
    .select()
    .from(parentalAgreement)
    .where(eq(parentalAgreement.id, agreementId))
    .limit(1);
  if (!row) throw new NotFound(`agreement ${agreementId}`);
  const kase = await caseFacts(ctx, row.caseId);
  const parties = (await partiesOf(ctx, [row.id])).get(row.id) ?? [];
  return { row, kase, parties };
}

/**
 * Asks the policy (auditing a refusal), then refuses changes to an ended agreement: it stays
 * readable as the family's copy, but nothing more is added to it.
 */
async function authorizeWrite(
  ctx: ServiceContext,
  action: Action,
  facts: Parameters<typeof authorize>[2],
  row: AgreementRow,
) {
  const authorized = await authorize(ctx, action, facts);
  if (row.status !== "published") {
    await recordAudit(ctx.db, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action,
      resourceType: facts.type,
      resourceId: facts.id ?? null,
      caseId: facts.caseId,
      outcome: "denied",
      detail: { reason: "AGREEMENT_NOT_IN_USE", agreementId: row.id },
    });
    throw new AccessDenied("AGREEMENT_NOT_IN_USE");
  }
  return authorized;
}

/** A change that lost a race: recorded as failed, outside the rolled-back transaction. */
async function auditStale(
  ctx: ServiceContext,
  entry: {
    action: string;
    resourceType: string;
    resourceId: string;
    caseId: string;
    readVersion: number;
    currentVersion: number;
  },
) {
  await recordAudit(ctx.db, {
    actorUserId: ctx.userId,
    app: ctx.app,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId,
    caseId: entry.caseId,
    outcome: "failed",
    detail: {
      reason: "STALE_VERSION",
      readVersion: entry.readVersion,
      currentVersion: entry.currentVersion,
    },
  });
}

async function userIdOfMember(
  ctx: ServiceContext,
  memberId: string | null,
): Promise<string | null> {
  if (!memberId) return null;
  const [row] = await ctx.db
    .select({ userId: caseMember.userId })
    .from(caseMember)
    .where(eq(caseMember.id, memberId))
    .limit(1);
  return row?.userId ?? null;
}

const tooLong = "agreement:errors.tooLong";

/** A family member's own progress on a goal; messages are i18n keys (namespace "agreement"). */
export const goalProgressSchema = z.object({
  note: z
    .string({ error: "agreement:errors.note" })
    .trim()
    .min(1, { error: "agreement:errors.note" })
    .max(5000, { error: tooLong }),
  evidence: z.string().trim().max(5000, { error: tooLong }).optional().default(""),
});
export type GoalProgressInput = z.infer<typeof goalProgressSchema>;

/**
 * Adds a progress note (and the evidence the person has) to a goal. An advocate's note is
 * written "on behalf of" the person; interpreters help the person write it but cannot add
 * it themselves (policy: INTERPRETERS_CANNOT).
 */
export async function addGoalProgress(
  ctx: ServiceContext,
  goalId: string,
  input: GoalProgressInput,
): Promise<{ id: string }> {
  const [goal] = await ctx.db
    .select()
    .from(agreementGoal)
    .where(eq(agreementGoal.id, goalId))
    .limit(1);
  if (!goal) throw new NotFound(`goal ${goalId}`);
  const { row, kase, parties } = await loadAgreement(ctx, goal.agreementId);
  const { viewer, decision } = await authorizeWrite(
    ctx,
    "create",
    { ...progressFacts(row, kase, parties, noAuthor), id: goalId },
    row,
  );
  const author = partyMembership(viewer, parties, ctx.now);
  // A practitioner (allowed by the policy) writes as the authority, without a membership.
  const authorMemberId = author?.memberId ?? null;
  const onBehalfOfMemberId = author?.actingFor?.memberId ?? null;
  const onBehalfOfUserId = await userIdOfMember(ctx, decision.onBehalfOf);
  const id = crypto.randomUUID();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(goalProgressTable).values({
      id,
      goalId,
      authorUserId: ctx.userId,
      authorMemberId,
      onBehalfOfMemberId,
      note: input.note,
      evidence: input.evidence || null,
      createdAt: ctx.now,
    });
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      onBehalfOfUserId,
      app: ctx.app,
      action: "create",
      resourceType: "goal_progress",
      resourceId: id,
      caseId: row.caseId,
      outcome: "allowed",
      detail: { goalId, agreementId: row.id, onBehalfOfMemberId },
    });
  });
  return { id };
}

/** Confirming the agreement has been read; `version` is the one the page showed. */
export const acknowledgeAgreementSchema = z.object({
  version: z.coerce
    .number({ error: "agreement:errors.version" })
    .int({ error: "agreement:errors.version" })
    .positive({ error: "agreement:errors.version" }),
});
export type AcknowledgeAgreementInput = z.infer<typeof acknowledgeAgreementSchema>;

/**
 * Records that the person has read this version of the agreement. Refused with StaleWrite
 * when the agreement changed after the page was read: nobody confirms words they have not
 * seen. Confirming the same version twice keeps the first confirmation.
 */
export async function acknowledgeAgreement(
  ctx: ServiceContext,
  agreementId: string,
  input: AcknowledgeAgreementInput,
): Promise<{ acknowledgedAt: string; version: number }> {
  const { row, kase, parties } = await loadAgreement(ctx, agreementId);
  const { viewer, decision } = await authorizeWrite(
    ctx,
    "respond",
    agreementFacts(row, kase, parties),
    row,
  );
  const as = partyMembership(viewer, parties, ctx.now);
  if (!as) throw new NotFound("party membership");
  const personMemberId = as.actingFor?.memberId ?? as.memberId;
  const onBehalfOfUserId = await userIdOfMember(ctx, decision.onBehalfOf);
  try {
    return await ctx.db.transaction(async (tx) => {
      // Locks the agreement row so a concurrent change cannot slip between check and write.
      const [current] = await tx
        .select({ version: parentalAgreement.version })
        .from(parentalAgreement)
        .where(eq(parentalAgreement.id, agreementId))
        .for("update");
      if (!current || current.version !== input.version)
        throw new StaleWrite(current?.version ?? 0);
      const [existing] = await tx
        .select()
        .from(agreementAcknowledgement)
        .where(
          and(
            eq(agreementAcknowledgement.agreementId, agreementId),
            eq(agreementAcknowledgement.memberId, personMemberId),
            eq(agreementAcknowledgement.agreementVersion, input.version),
          ),
        )
        .limit(1);
      const acknowledgedAt = existing?.acknowledgedAt ?? ctx.now;
      if (!existing) {
        await tx.insert(agreementAcknowledgement).values({
          id: crypto.randomUUID(),
          agreementId,
          memberId: personMemberId,
          agreementVersion: input.version,
          acknowledgedAt,
        });
      }
      await recordAudit(tx, {
        actorUserId: ctx.userId,
        onBehalfOfUserId,
        app: ctx.app,
        action: "acknowledge",
        resourceType: "agreement",
        resourceId: agreementId,
        caseId: row.caseId,
        outcome: "allowed",
        detail: {
          version: input.version,
          memberId: personMemberId,
          alreadyAcknowledged: Boolean(existing),
          onBehalfOfMemberId: decision.onBehalfOf,
        },
      });
      return { acknowledgedAt: acknowledgedAt.toISOString(), version: input.version };
    });
  } catch (error) {
    if (error instanceof StaleWrite) {
      await auditStale(ctx, {
        action: "acknowledge",
        resourceType: "agreement",
        resourceId: agreementId,
        caseId: row.caseId,
        readVersion: input.version,
        currentVersion: error.currentVersion,
      });
    }
    throw error;
  }
}

/** Telling the authority that promised support has not happened. */
export const flagSupportSchema = z.object({
  note: z.string().trim().max(5000, { error: tooLong }).optional().default(""),
  version: z.coerce
    .number({ error: "agreement:errors.version" })
    .int({ error: "agreement:errors.version" })
    .positive({ error: "agreement:errors.version" }),
});
export type FlagSupportInput = z.infer<typeof flagSupportSchema>;

/**
 * Flags promised support as not happened, with the family's note. The authority's own
 * status is left alone: the flag is the family's word beside it, for the social worker to
 * answer. Refused with StaleWrite if the support changed since the page was read.
 */
export async function flagSupportNotDelivered(
  ctx: ServiceContext,
  supportId: string,
  input: FlagSupportInput,
): Promise<{ flaggedAt: string; version: number }> {
  const [support] = await ctx.db
    .select()
    .from(agreementSupport)
    .where(eq(agreementSupport.id, supportId))
    .limit(1);
  if (!support) throw new NotFound(`support ${supportId}`);
  const { row, kase, parties } = await loadAgreement(ctx, support.agreementId);
  const { viewer, decision } = await authorizeWrite(
    ctx,
    "respond",
    agreementFacts(row, kase, parties),
    row,
  );
  const as = partyMembership(viewer, parties, ctx.now);
  if (!as) throw new NotFound("party membership");
  const onBehalfOfUserId = await userIdOfMember(ctx, decision.onBehalfOf);
  try {
    return await ctx.db.transaction(async (tx) => {
      const updated = await tx
        .update(agreementSupport)
        .set({
          familyFlaggedAt: ctx.now,
          // Who flagged it: the person, or their advocate (shown as "on their behalf").
          familyFlaggedBy: as.memberId,
          familyFlagNote: input.note || null,
          version: input.version + 1,
          updatedAt: ctx.now,
        })
        .where(and(eq(agreementSupport.id, supportId), eq(agreementSupport.version, input.version)))
        .returning({ version: agreementSupport.version });
      if (updated.length === 0) {
        const [current] = await tx
          .select({ version: agreementSupport.version })
          .from(agreementSupport)
          .where(eq(agreementSupport.id, supportId));
        throw new StaleWrite(current?.version ?? 0);
      }
      await recordAudit(tx, {
        actorUserId: ctx.userId,
        onBehalfOfUserId,
        app: ctx.app,
        action: "flag_not_delivered",
        resourceType: "agreement_support",
        resourceId: supportId,
        caseId: row.caseId,
        outcome: "allowed",
        detail: { agreementId: row.id, onBehalfOfMemberId: decision.onBehalfOf },
      });
      return { flaggedAt: ctx.now.toISOString(), version: input.version + 1 };
    });
  } catch (error) {
    if (error instanceof StaleWrite) {
      await auditStale(ctx, {
        action: "flag_not_delivered",
        resourceType: "agreement_support",
        resourceId: supportId,
        caseId: row.caseId,
        readVersion: input.version,
        currentVersion: error.currentVersion,
      });
    }
    throw error;
  }
}
