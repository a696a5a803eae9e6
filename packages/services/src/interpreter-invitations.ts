// Inviting a new interpreter (issue 8): when the interpreter has no Homeward account yet, the
// allocated social worker invites them by email instead of assigning an account. The rules
// are the assignment's (interpreters.ts: who may do it, the period, the person, consent); the
// link, its week, the email and the account it makes are the advocates' (invitations.ts).
// Accepting creates the same case_member row assigning does, with the period chosen when
// inviting: accepting late does not make it last longer.
import { caseMember, interpreterInvitation, recordAudit, user } from "@homeward/db";
import { isLanguageCode, type LanguageCode } from "@homeward/i18n";
import { and, asc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { auditRead, authorize, caseFacts } from "./access.ts";
import { refuseFamily } from "./assessment.ts";
import { AccessDenied, type ServiceContext, StaleWrite } from "./context.ts";
import { londonDate } from "./family-cases.ts";
import { assignInterpreterSchema, authorizeAssigning, checkAssignment } from "./interpreters.ts";
import {
  acceptIntoCase,
  accountExists,
  type InvitationMail,
  type InvitationProblem,
  invitationProblem,
  newInvitationToken,
  sendInvitationMail,
  signedInAs,
  workingInvitation,
  workingLink,
} from "./invitations.ts";

/** The invitation page's address in the portal (the emailed link adds the token). */
export const INTERPRETER_ACCEPT_PATH = "/interpret/accept";

export const inviteInterpreterSchema = assignInterpreterSchema.extend({
  // The interpreter's own language for the email and their new account; the language they
  // interpret is `language`.
  mailLanguage: z
    .string({ error: "interpreterInvites:errors.mailLanguage" })
    .refine(isLanguageCode, { error: "interpreterInvites:errors.mailLanguage" }),
});
export type InviteInterpreterInput = z.output<typeof inviteInterpreterSchema>;

export const withdrawInterpreterInvitationSchema = z.object({
  invitationId: z.string().min(1),
  version: z.coerce.number().int().positive(),
});

export type InterpreterInvitationRefusalCode = "HAS_ACCOUNT" | "ALREADY_INVITED";

/** The address cannot be invited; `code` is translated as `interpreterInvites:errors.<code>`. */
export class InterpreterInvitationRefusal extends Error {
  readonly code: InterpreterInvitationRefusalCode;
  readonly field = "email" as const;
  constructor(code: InterpreterInvitationRefusalCode) {
    super(`Interpreter invitation refused: ${code}`);
    this.name = "InterpreterInvitationRefusal";
    this.code = code;
  }
}

type InvitationRow = typeof interpreterInvitation.$inferSelect;

const live = (inv: InvitationRow, now: Date) => invitationProblem(inv, now) === null;

/** The social worker invites someone without an account to interpret for a person. */
export async function inviteInterpreter(
  ctx: ServiceContext,
  mail: InvitationMail,
  caseId: string,
  input: InviteInterpreterInput,
): Promise<{ invitationId: string }> {
  const kase = await caseFacts(ctx, caseId);
  await authorizeAssigning(ctx, kase, "create");
  const { person, activeFrom, activeUntil } = await checkAssignment(ctx, caseId, input);
  // Someone with an account is assigned, not invited: one way to each thing.
  if (await accountExists(ctx.db, input.email))
    throw new InterpreterInvitationRefusal("HAS_ACCOUNT");
  const pending = await ctx.db
    .select()
    .from(interpreterInvitation)
    .where(
      and(eq(interpreterInvitation.caseId, caseId), eq(interpreterInvitation.email, input.email)),
    );
  if (pending.some((inv) => live(inv, ctx.now)))
    throw new InterpreterInvitationRefusal("ALREADY_INVITED");

  const { token, tokenHash, expiresAt } = newInvitationToken(ctx.now);
  const invitationId = crypto.randomUUID();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(interpreterInvitation).values({
      id: invitationId,
      caseId,
      forMemberId: person.id,
      email: input.email,
      language: input.language,
      mailLanguage: input.mailLanguage,
      activeFrom,
      activeUntil,
      tokenHash,
      invitedByUserId: ctx.userId,
      consentRecordedAt: ctx.now,
      createdAt: ctx.now,
      expiresAt,
    });
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: "create",
      resourceType: "interpreter_invitation",
      resourceId: invitationId,
      caseId,
      outcome: "allowed",
      detail: {
        forMemberId: person.id,
        language: input.language,
        activeFrom: activeFrom.toISOString(),
        activeUntil: activeUntil.toISOString(),
        expiresAt: expiresAt.toISOString(),
      },
    });
  });
  await sendInvitationMail(mail, {
    to: input.email,
    language: input.mailLanguage,
    namespace: "interpretingMore",
    path: INTERPRETER_ACCEPT_PATH,
    token,
  });
  return { invitationId };
}

export interface PendingInterpreterInvitation {
  invitationId: string;
  version: number;
  email: string;
  forName: string;
  language: LanguageCode | null;
  /** The period's first and last London days (the last is included). */
  fromDay: string;
  lastDay: string;
  expiresAt: string;
  /** The link lapsed unused: withdraw it and invite again. */
  expired: boolean;
}

/** A case's invitations not yet accepted or withdrawn (staff on the case only; audited). */
export async function caseInterpreterInvitations(
  ctx: ServiceContext,
  caseId: string,
): Promise<PendingInterpreterInvitation[]> {
  const kase = await caseFacts(ctx, caseId);
  const resource = { type: "case" as const, id: caseId, ...kase };
  await refuseFamily(ctx, resource);
  await authorize(ctx, "read", resource);
  const rows = await ctx.db
    .select({ inv: interpreterInvitation, forName: user.name })
    .from(interpreterInvitation)
    .innerJoin(caseMember, eq(caseMember.id, interpreterInvitation.forMemberId))
    .innerJoin(user, eq(user.id, caseMember.userId))
    .where(
      and(
        eq(interpreterInvitation.caseId, caseId),
        isNull(interpreterInvitation.acceptedAt),
        isNull(interpreterInvitation.withdrawnAt),
      ),
    )
    .orderBy(asc(interpreterInvitation.createdAt));
  await auditRead(ctx, {
    resourceType: "interpreter_invitation",
    caseId,
    detail: { ids: rows.map((r) => r.inv.id) },
  });
  return rows.map(({ inv, forName }) => ({
    invitationId: inv.id,
    version: inv.version,
    email: inv.email,
    forName,
    language: isLanguageCode(inv.language) ? inv.language : null,
    fromDay: londonDate(inv.activeFrom),
    lastDay: londonDate(new Date(inv.activeUntil.getTime() - 1)),
    expiresAt: inv.expiresAt.toISOString(),
    expired: inv.expiresAt <= ctx.now,
  }));
}

/** The social worker withdraws an invitation not yet accepted; the link stops working. */
export async function withdrawInterpreterInvitation(
  ctx: ServiceContext,
  caseId: string,
  input: z.output<typeof withdrawInterpreterInvitationSchema>,
): Promise<void> {
  const kase = await caseFacts(ctx, caseId);
  await authorizeAssigning(ctx, kase, "update");
  await ctx.db.transaction(async (tx) => {
    const changed = await tx
      .update(interpreterInvitation)
      .set({ withdrawnAt: ctx.now, version: input.version + 1 })
      .where(
        and(
          eq(interpreterInvitation.id, input.invitationId),
          eq(interpreterInvitation.caseId, caseId),
          eq(interpreterInvitation.version, input.version),
          isNull(interpreterInvitation.acceptedAt),
          isNull(interpreterInvitation.withdrawnAt),
        ),
      )
      .returning({ id: interpreterInvitation.id });
    if (changed.length === 0) {
      const [current] = await tx
        .select({ version: interpreterInvitation.version })
        .from(interpreterInvitation)
        .where(
          and(
            eq(interpreterInvitation.id, input.invitationId),
            eq(interpreterInvitation.caseId, caseId),
          ),
        );
      throw new StaleWrite(current?.version ?? input.version);
    }
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: "update",
      resourceType: "interpreter_invitation",
      resourceId: input.invitationId,
      caseId,
      outcome: "allowed",
      detail: { withdrawn: ctx.now.toISOString() },
    });
  });
}

// ---------------------------------------------------------------------------------------
// The link.

/** A link also stops working once the assignment's own period is over. */
const periodOver =
  (now: Date) =>
  (inv: InvitationRow): InvitationProblem | null =>
    inv.activeUntil <= now ? "INVITATION_EXPIRED" : null;

export type InterpreterInvitationState =
  | { ok: true; invitationId: string; email: string; hasAccount: boolean; language: LanguageCode }
  | { ok: false; problem: InvitationProblem };

/**
 * What the link shows before anyone signs in: whether it still works, the address it was
 * sent to, whether that address has an account, and the language chosen for the account.
 * Nothing about the person or the case: the link may have been forwarded.
 */
export async function interpreterInvitationState(
  db: ServiceContext["db"],
  token: string,
  now: Date,
): Promise<InterpreterInvitationState> {
  const found = await workingInvitation(db, interpreterInvitation, token, now, periodOver(now));
  if (!found.ok) return found;
  return {
    ...(await workingLink(db, found.inv)),
    language: isLanguageCode(found.inv.mailLanguage) ? found.inv.mailLanguage : "en",
  };
}

async function refuse(
  ctx: ServiceContext,
  caseId: string | null,
  invitationId: string | null,
  reason: InvitationProblem,
): Promise<never> {
  await recordAudit(ctx.db, {
    actorUserId: ctx.userId,
    app: ctx.app,
    action: "accept",
    resourceType: "interpreter_invitation",
    resourceId: invitationId,
    caseId,
    outcome: "denied",
    detail: { reason },
  });
  throw new AccessDenied(reason);
}

/**
 * The signed-in interpreter accepts: the link must still work, their account must be the
 * family account it was sent to, and not the person's own or another way onto the case. Used
 * once: a second use, however quick, finds it taken.
 */
export async function acceptInterpreterInvitation(
  ctx: ServiceContext,
  token: string,
): Promise<{ caseId: string; memberId: string }> {
  const found = await workingInvitation(
    ctx.db,
    interpreterInvitation,
    token,
    ctx.now,
    periodOver(ctx.now),
  );
  if (!found.ok) return refuse(ctx, null, null, found.problem);
  const inv = found.inv;
  const onCase = await ctx.db
    .select()
    .from(caseMember)
    .where(and(eq(caseMember.caseId, inv.caseId), eq(caseMember.userId, ctx.userId)));
  const liveHere = onCase.some(
    (m) =>
      m.role !== "interpreter" ||
      (m.revokedAt === null && (m.activeUntil === null || m.activeUntil > ctx.now)),
  );
  if (!(await signedInAs(ctx, inv.email)) || liveHere)
    return refuse(ctx, inv.caseId, inv.id, "WRONG_ACCOUNT");

  const memberId = await acceptIntoCase(
    ctx,
    interpreterInvitation,
    inv,
    {
      role: "interpreter",
      language: inv.language,
      activeFrom: inv.activeFrom,
      activeUntil: inv.activeUntil,
      // The person's consent, recorded by the social worker when inviting.
      consentRecordedAt: inv.consentRecordedAt,
      consentRecordedBy: inv.invitedByUserId,
      grantedBy: inv.invitedByUserId,
      // As for an assigned interpreter: fixed by the policy (read, and respond for the person).
      permissions: ["read", "respond"],
    },
    {
      action: "accept",
      resourceType: "interpreter_invitation",
      detail: (id) => ({ memberId: id, forMemberId: inv.forMemberId }),
    },
  );
  return { caseId: inv.caseId, memberId };
}
