// Interpreters (issue 8): the allocated social worker assigns an interpreter to a person on
// the case, for a language and a period, with the person's consent recorded; lists current
// and past assignments; and can end one early. The interpreter then reads what that person
// reads (the policy's "acting for" rules) until the period ends by itself.
import { canAssignInterpreter, isActive, type ResourceFacts } from "@homeward/auth/policy";
import { caseMember, childCase, recordAudit, user } from "@homeward/db";
import { isLanguageCode, type LanguageCode } from "@homeward/i18n";
import { checkInterpreterPeriod, type InterpreterPeriodCode, isIsoDate } from "@homeward/rules";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { auditRead, authorize, type CaseFacts, caseFacts, loadViewer } from "./access.ts";
import { refuseFamily } from "./assessment.ts";
import { AccessDenied, NotFound, type ServiceContext, StaleWrite } from "./context.ts";
import { type FamilyCase, familyCase, familyCases, londonDate } from "./family-cases.ts";

/** The people an interpreter can be assigned to: the family members who hold an account. */
const PERSON_ROLES = ["parent", "carer", "young_person"] as const;

export type InterpreterRefusalCode =
  | InterpreterPeriodCode
  | "NO_SUCH_ACCOUNT"
  | "NOT_A_FAMILY_ACCOUNT"
  | "ALREADY_ON_CASE"
  | "NOT_A_PERSON_ON_CASE";

/** A rule refused the assignment; `code` is translated as `interpreters:errors.<code>`. */
export class InterpreterRefusal extends Error {
  readonly code: InterpreterRefusalCode;
  readonly field: "email" | "forMemberId" | "activeFrom" | "activeUntil";
  constructor(code: InterpreterRefusalCode) {
    super(`Interpreter assignment refused: ${code}`);
    this.name = "InterpreterRefusal";
    this.code = code;
    this.field =
      code === "NO_SUCH_ACCOUNT" || code === "NOT_A_FAMILY_ACCOUNT" || code === "ALREADY_ON_CASE"
        ? "email"
        : code === "NOT_A_PERSON_ON_CASE"
          ? "forMemberId"
          : code === "STARTS_IN_PAST"
            ? "activeFrom"
            : "activeUntil";
  }
}

export const assignInterpreterSchema = z.object({
  email: z
    .string()
    .trim()
    .toLowerCase()
    .pipe(z.email({ message: "errors.email" })),
  forMemberId: z.string().min(1, { message: "errors.forMemberId" }),
  language: z.string().refine(isLanguageCode, { message: "errors.language" }),
  // Empty "from" means today; "until" is required: access always ends.
  activeFrom: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || isIsoDate(v), { message: "errors.date" }),
  activeUntil: z.string().refine(isIsoDate, { message: "errors.until" }),
  // The person agreed to an interpreter reading their pages: recorded, never assumed.
  consent: z.literal("yes", { message: "errors.consent" }),
});
export type AssignInterpreterInput = z.input<typeof assignInterpreterSchema>;

export const endInterpreterSchema = z.object({
  memberId: z.string().min(1),
  version: z.coerce.number().int().positive(),
});

export interface InterpreterAssignment {
  memberId: string;
  version: number;
  interpreterName: string;
  interpreterEmail: string;
  forName: string;
  language: LanguageCode | null;
  activeFrom: string;
  activeUntil: string | null;
  /** The first and last London days of the period (the last day is included). */
  fromDay: string;
  lastDay: string | null;
  endedEarlyAt: string | null;
  endedEarlyOn: string | null;
  consentRecordedAt: string | null;
  consentRecordedBy: string | null;
  status: "active" | "upcoming" | "ended";
}

export interface CaseInterpreters {
  caseId: string;
  reference: string;
  childName: string;
  canAssign: boolean;
  people: { memberId: string; name: string; language: LanguageCode | null }[];
  current: InterpreterAssignment[];
  past: InterpreterAssignment[];
  today: string;
}

const caseResource = (kase: CaseFacts): ResourceFacts & { id: string } => ({
  type: "case",
  id: kase.caseId,
  ...kase,
});

/** Midnight at the start of a London calendar day, as an instant. */
export function startOfLondonDay(day: string): Date {
  const noonUtc = new Date(`${day}T12:00:00Z`);
  const offset = new Intl.DateTimeFormat("en-GB", {
    timeZone: "Europe/London",
    timeZoneName: "shortOffset",
  })
    .formatToParts(noonUtc)
    .find((p) => p.type === "timeZoneName")?.value;
  // "GMT" in winter, "GMT+1" in summer; a day's offset at noon is its offset at midnight
  // (the clocks change at 01:00 UTC).
  const hours = Number(offset?.replace("GMT", "") || 0);
  return new Date(new Date(`${day}T00:00:00Z`).getTime() - hours * 3_600_000);
}

/** The last London day an access period covers: it ends at the next day's midnight. */
function lastDayOf(activeUntil: Date | null): string | null {
  return activeUntil ? londonDate(new Date(activeUntil.getTime() - 1)) : null;
}

function nextDay(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

async function assignmentsOf(ctx: ServiceContext, caseId: string) {
  const members = await ctx.db.select().from(caseMember).where(eq(caseMember.caseId, caseId));
  const userIds = [
    ...new Set(members.flatMap((m) => [m.userId, m.consentRecordedBy].filter(Boolean))),
  ] as string[];
  const users =
    userIds.length === 0
      ? []
      : await ctx.db
          .select({ id: user.id, name: user.name, email: user.email })
          .from(user)
          .where(inArray(user.id, userIds));
  const byUser = new Map(users.map((u) => [u.id, u]));
  const byMember = new Map(members.map((m) => [m.id, m]));
  return { members, byUser, byMember };
}

/** The case's interpreters, current and past, and who they can be assigned to (staff only). */
export async function caseInterpreters(
  ctx: ServiceContext,
  caseId: string,
): Promise<CaseInterpreters> {
  const kase = await caseFacts(ctx, caseId);
  await refuseFamily(ctx, caseResource(kase));
  const { viewer } = await authorize(ctx, "read", caseResource(kase));
  const [row] = await ctx.db
    .select({ reference: childCase.reference, childName: childCase.childName })
    .from(childCase)
    .where(eq(childCase.id, caseId));
  const { members, byUser, byMember } = await assignmentsOf(ctx, caseId);
  const nameOf = (userId: string | null) => (userId ? (byUser.get(userId)?.name ?? "") : "");
  const assignments: InterpreterAssignment[] = members
    .filter((m) => m.role === "interpreter")
    .map((m): InterpreterAssignment => {
      const person = m.actingForMemberId ? byMember.get(m.actingForMemberId) : undefined;
      const ended =
        (m.revokedAt !== null && m.revokedAt <= ctx.now) ||
        (m.activeUntil !== null && m.activeUntil <= ctx.now);
      return {
        memberId: m.id,
        version: m.version,
        interpreterName: nameOf(m.userId),
        interpreterEmail: byUser.get(m.userId)?.email ?? "",
        forName: nameOf(person?.userId ?? null),
        language: isLanguageCode(m.language) ? m.language : null,
        activeFrom: m.activeFrom.toISOString(),
        activeUntil: m.activeUntil?.toISOString() ?? null,
        fromDay: londonDate(m.activeFrom),
        lastDay: lastDayOf(m.activeUntil),
        endedEarlyAt: m.revokedAt?.toISOString() ?? null,
        endedEarlyOn: m.revokedAt ? londonDate(m.revokedAt) : null,
        consentRecordedAt: m.consentRecordedAt?.toISOString() ?? null,
        consentRecordedBy: m.consentRecordedBy ? nameOf(m.consentRecordedBy) : null,
        status: ended ? "ended" : m.activeFrom > ctx.now ? "upcoming" : "active",
      };
    })
    .sort((a, b) => b.activeFrom.localeCompare(a.activeFrom));
  const people = members
    .filter(
      (m) =>
        (PERSON_ROLES as readonly string[]).includes(m.role) &&
        m.revokedAt === null &&
        (m.activeUntil === null || m.activeUntil > ctx.now),
    )
    .map((m) => ({
      memberId: m.id,
      name: nameOf(m.userId),
      language: isLanguageCode(m.language) ? m.language : null,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
  await auditRead(ctx, { resourceType: "interpreter_assignment", caseId });
  return {
    caseId,
    reference: row?.reference ?? "",
    childName: row?.childName ?? "",
    canAssign: canAssignInterpreter(viewer, caseResource(kase)).allowed,
    people,
    current: assignments.filter((a) => a.status !== "ended"),
    past: assignments.filter((a) => a.status === "ended"),
    today: londonDate(ctx.now),
  };
}

export async function authorizeAssigning(
  ctx: ServiceContext,
  kase: CaseFacts,
  action: "create" | "update",
) {
  await refuseFamily(ctx, caseResource(kase));
  const viewer = await loadViewer(ctx, kase.caseId);
  const decision = canAssignInterpreter(viewer, caseResource(kase));
  if (!decision.allowed) {
    await recordAudit(ctx.db, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action,
      resourceType: "interpreter_assignment",
      caseId: kase.caseId,
      outcome: "denied",
      detail: { reason: decision.reason },
    });
    throw new AccessDenied(decision.reason);
  }
}

/**
 * The period's rules and the person it is for, shared by assigning and inviting: the instants
 * the access starts and ends, and the person's membership on the case.
 */
export async function checkAssignment(
  ctx: ServiceContext,
  caseId: string,
  input: Pick<
    z.output<typeof assignInterpreterSchema>,
    "activeFrom" | "activeUntil" | "forMemberId"
  >,
) {
  const today = londonDate(ctx.now);
  const from = input.activeFrom ?? today;
  const period = checkInterpreterPeriod({ from, until: input.activeUntil, today });
  if (!period.ok) throw new InterpreterRefusal(period.code);
  const [person] = await ctx.db
    .select()
    .from(caseMember)
    .where(
      and(
        eq(caseMember.id, input.forMemberId),
        eq(caseMember.caseId, caseId),
        inArray(caseMember.role, [...PERSON_ROLES]),
        isNull(caseMember.revokedAt),
      ),
    )
    .limit(1);
  if (!person) throw new InterpreterRefusal("NOT_A_PERSON_ON_CASE");
  return {
    person,
    activeFrom: from === today ? ctx.now : startOfLondonDay(from),
    // To the end of the last day, London time: the next day's midnight.
    activeUntil: startOfLondonDay(nextDay(input.activeUntil)),
  };
}

/** Assigns an existing family account as interpreter for a person on the case. */
export async function assignInterpreter(
  ctx: ServiceContext,
  caseId: string,
  input: z.output<typeof assignInterpreterSchema>,
): Promise<{ memberId: string }> {
  const kase = await caseFacts(ctx, caseId);
  await authorizeAssigning(ctx, kase, "create");
  const { person, activeFrom, activeUntil } = await checkAssignment(ctx, caseId, input);

  const [account] = await ctx.db
    .select({ id: user.id, kind: user.kind })
    .from(user)
    .where(eq(user.email, input.email))
    .limit(1);
  if (!account) throw new InterpreterRefusal("NO_SUCH_ACCOUNT");
  if (account.kind !== "family") throw new InterpreterRefusal("NOT_A_FAMILY_ACCOUNT");

  // One account, one way onto a case: a parent cannot also be the interpreter, and an
  // interpreter with a live assignment here is given a new period by ending the old one first.
  const theirs = await ctx.db
    .select()
    .from(caseMember)
    .where(and(eq(caseMember.caseId, caseId), eq(caseMember.userId, account.id)));
  const liveHere = theirs.some(
    (m) =>
      m.role !== "interpreter" ||
      (m.revokedAt === null && (m.activeUntil === null || m.activeUntil > ctx.now)),
  );
  if (liveHere || account.id === person.userId) throw new InterpreterRefusal("ALREADY_ON_CASE");

  const memberId = crypto.randomUUID();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(caseMember).values({
      id: memberId,
      caseId,
      userId: account.id,
      role: "interpreter",
      actingForMemberId: person.id,
      language: input.language,
      activeFrom,
      activeUntil,
      consentRecordedAt: ctx.now,
      consentRecordedBy: ctx.userId,
      grantedBy: ctx.userId,
      // What an interpreter may do is fixed by the policy (read, and respond for the person).
      permissions: ["read", "respond"],
    });
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: "create",
      resourceType: "interpreter_assignment",
      resourceId: memberId,
      caseId,
      outcome: "allowed",
      detail: {
        interpreterUserId: account.id,
        forMemberId: person.id,
        language: input.language,
        activeFrom: activeFrom.toISOString(),
        activeUntil: activeUntil.toISOString(),
      },
    });
  });
  return { memberId };
}

/** Ends an assignment now, before its period is over. The row stays, with when it ended. */
export async function endInterpreterAccess(
  ctx: ServiceContext,
  caseId: string,
  input: z.output<typeof endInterpreterSchema>,
): Promise<void> {
  const kase = await caseFacts(ctx, caseId);
  await authorizeAssigning(ctx, kase, "update");
  await ctx.db.transaction(async (tx) => {
    const changed = await tx
      .update(caseMember)
      .set({ revokedAt: ctx.now, version: input.version + 1 })
      .where(
        and(
          eq(caseMember.id, input.memberId),
          eq(caseMember.caseId, caseId),
          eq(caseMember.role, "interpreter"),
          eq(caseMember.version, input.version),
          isNull(caseMember.revokedAt),
        ),
      )
      .returning({ id: caseMember.id });
    if (changed.length === 0) {
      const [current] = await tx
        .select({ version: caseMember.version })
        .from(caseMember)
        .where(and(eq(caseMember.id, input.memberId), eq(caseMember.caseId, caseId)));
      throw new StaleWrite(current?.version ?? input.version);
    }
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: "update",
      resourceType: "interpreter_assignment",
      resourceId: input.memberId,
      caseId,
      outcome: "allowed",
      detail: { ended: ctx.now.toISOString() },
    });
  });
}

export interface InterpretingFor {
  caseId: string;
  childFirstName: string;
  personName: string;
  language: LanguageCode;
  /** The last London day of the period (included). */
  lastDay: string | null;
}

async function interpreting(
  ctx: ServiceContext,
  kase: FamilyCase,
): Promise<(InterpretingFor & { memberId: string; forMemberId: string }) | null> {
  const forMemberId = kase.onBehalfOfMemberId;
  if (!forMemberId) return null;
  const mine = kase.viewer.memberships.find(
    (m) =>
      m.role === "interpreter" && m.actingFor?.memberId === forMemberId && isActive(m, ctx.now),
  );
  if (!mine) return null;
  const [row] = await ctx.db
    .select({ language: caseMember.language, activeUntil: caseMember.activeUntil })
    .from(caseMember)
    .where(eq(caseMember.id, mine.memberId));
  const [person] = await ctx.db
    .select({ name: user.name })
    .from(caseMember)
    .innerJoin(user, eq(user.id, caseMember.userId))
    .where(eq(caseMember.id, forMemberId));
  return {
    memberId: mine.memberId,
    forMemberId,
    caseId: kase.caseId,
    childFirstName: kase.childFirstName,
    personName: person?.name ?? "",
    language: isLanguageCode(row?.language) ? row.language : "en",
    lastDay: lastDayOf(row?.activeUntil ?? null),
  };
}

/**
 * For the portal: the people the signed-in interpreter interprets for now, in which language
 * and until when. Ended assignments drop out (familyCases asks the policy).
 */
export async function interpretingFor(ctx: ServiceContext): Promise<InterpretingFor[]> {
  if (ctx.kind !== "family") return [];
  const result: InterpretingFor[] = [];
  for (const kase of await familyCases(ctx)) {
    const found = await interpreting(ctx, kase);
    if (!found) continue;
    const { memberId, forMemberId, ...view } = found;
    result.push(view);
    await auditRead(ctx, {
      resourceType: "interpreter_assignment",
      resourceId: memberId,
      caseId: kase.caseId,
      onBehalfOfMemberId: forMemberId,
    });
  }
  return result;
}

/**
 * Opening a side-by-side page: the case is read as the person (a refusal - an ended period -
 * is audited by familyCase), only by their interpreter, and the view itself is audited with
 * the page and language, beside the audit rows of the reads behind it.
 */
export async function sideBySideAccess(
  ctx: ServiceContext,
  caseId: string,
  page: string,
): Promise<InterpretingFor> {
  const kase = await familyCase(ctx, caseId);
  const found = await interpreting(ctx, kase);
  if (!found) throw new NotFound(`interpreter assignment on case ${caseId}`);
  const { memberId, forMemberId, ...view } = found;
  await auditRead(ctx, {
    resourceType: "side_by_side",
    resourceId: memberId,
    caseId,
    onBehalfOfMemberId: forMemberId,
    detail: { page, language: view.language },
  });
  return view;
}
