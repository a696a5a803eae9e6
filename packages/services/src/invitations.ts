// What every emailed invitation shares (issue 8: advocates and interpreters): a one-use token
// of which only a hash is kept, a week to use it, the same reasons a link stops working, an
// email that carries only the link, and the audit row when an account is made from one.
// advocacy.ts and interpreter-invitations.ts keep their own tables and what accepting grants;
// finding a link by its token, checking the account and claiming the link once are here.
import { createHash, randomBytes } from "node:crypto";
import {
  type advocateInvitation,
  caseMember,
  type interpreterInvitation,
  recordAudit,
  user,
} from "@homeward/db";
import {
  createTranslator,
  type FamilyNamespace,
  isLanguageCode,
  type LanguageCode,
} from "@homeward/i18n";
import { resources } from "@homeward/i18n/server";
import type { Mailer } from "@homeward/mail";
import { and, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { passwordLength } from "./account.ts";
import { AccessDenied, type ServiceContext } from "./context.ts";

/** An emailed invitation works for a week: long enough to notice it, short enough to lapse. */
export const INVITATION_LIFETIME_DAYS = 7;

export interface InvitationMail {
  mailer: Mailer;
  /** The family portal's public origin: the invitation link points there. */
  portalOrigin: string;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/** A new token (emailed, never stored), its hash (stored) and when it lapses. */
export function newInvitationToken(now: Date): {
  token: string;
  tokenHash: string;
  expiresAt: Date;
} {
  const token = randomBytes(32).toString("base64url");
  return {
    token,
    tokenHash: hashToken(token),
    expiresAt: new Date(now.getTime() + INVITATION_LIFETIME_DAYS * 24 * 60 * 60 * 1000),
  };
}

/** Why a link does not work (or not for this account): translated on the accept pages. */
export type InvitationProblem =
  | "INVITATION_UNKNOWN"
  | "INVITATION_USED"
  | "INVITATION_WITHDRAWN"
  | "INVITATION_EXPIRED"
  | "WRONG_ACCOUNT";

/** Tokens are 43 characters; anything far longer is not one of ours and is not looked up. */
export function plausibleToken(token: string): boolean {
  return token.length > 0 && token.length <= 200;
}

/** Whether an invitation row (or its absence) still works at `now`. */
export function invitationProblem(
  inv: { acceptedAt: Date | null; withdrawnAt: Date | null; expiresAt: Date } | null | undefined,
  now: Date,
): InvitationProblem | null {
  if (!inv) return "INVITATION_UNKNOWN";
  if (inv.acceptedAt) return "INVITATION_USED";
  if (inv.withdrawnAt) return "INVITATION_WITHDRAWN";
  if (inv.expiresAt <= now) return "INVITATION_EXPIRED";
  return null;
}

/** The invitations' tables: each has the token hash, the address, and the columns of its use. */
export type InvitationTable = typeof advocateInvitation | typeof interpreterInvitation;

/** The invitation a token belongs to, if it looks like one of ours. */
export async function invitationByToken<T extends InvitationTable>(
  db: ServiceContext["db"],
  table: T,
  token: string,
): Promise<T["$inferSelect"] | null> {
  if (!plausibleToken(token)) return null;
  // The two tables share these columns; drizzle cannot type a query over either one.
  const from = table as InvitationTable as typeof advocateInvitation;
  const [inv] = await db
    .select()
    .from(from)
    .where(eq(from.tokenHash, hashToken(token)))
    .limit(1);
  return (inv as T["$inferSelect"] | undefined) ?? null;
}

/**
 * A token's invitation if its link still works at `now`, or why not. `lapsed` adds a kind's
 * own reason to stop working (an interpreter's period being over).
 */
export async function workingInvitation<T extends InvitationTable>(
  db: ServiceContext["db"],
  table: T,
  token: string,
  now: Date,
  lapsed: (inv: T["$inferSelect"]) => InvitationProblem | null = () => null,
): Promise<{ ok: true; inv: T["$inferSelect"] } | { ok: false; problem: InvitationProblem }> {
  const inv = await invitationByToken(db, table, token);
  if (!inv) return { ok: false, problem: "INVITATION_UNKNOWN" };
  const problem = invitationProblem(inv, now) ?? lapsed(inv);
  return problem ? { ok: false, problem } : { ok: true, inv };
}

/** What a working link shows before anyone signs in: the address, and whether it has an account. */
export async function workingLink(
  db: ServiceContext["db"],
  inv: { id: string; email: string },
): Promise<{ ok: true; invitationId: string; email: string; hasAccount: boolean }> {
  return {
    ok: true,
    invitationId: inv.id,
    email: inv.email,
    hasAccount: await accountExists(db, inv.email),
  };
}

/** Whether the signed-in account is a family account with the address an invitation went to. */
export async function signedInAs(ctx: ServiceContext, email: string): Promise<boolean> {
  const [me] = await ctx.db
    .select({ email: user.email, kind: user.kind })
    .from(user)
    .where(eq(user.id, ctx.userId))
    .limit(1);
  return me?.kind === "family" && me.email.toLowerCase() === email;
}

/**
 * Accepting, in one transaction: claims the invitation (once: a second use, however quick,
 * finds it taken), puts the signed-in account on the case acting for the invitation's person
 * with `member`'s role, period, consent and permissions, notes the new membership on the
 * invitation, and audits it. Returns the new membership's id.
 */
export async function acceptIntoCase<T extends InvitationTable>(
  ctx: ServiceContext,
  table: T,
  inv: { id: string; version: number; caseId: string; forMemberId: string },
  member: Omit<typeof caseMember.$inferInsert, "id" | "caseId" | "userId" | "actingForMemberId">,
  audit: { action: string; resourceType: string; detail: (memberId: string) => object },
): Promise<string> {
  const into = table as InvitationTable as typeof advocateInvitation;
  const memberId = crypto.randomUUID();
  await ctx.db.transaction(async (tx) => {
    const claimed = await tx
      .update(into)
      .set({
        acceptedAt: ctx.now,
        acceptedUserId: ctx.userId,
        acceptedMemberId: null,
        version: inv.version + 1,
      })
      .where(and(eq(into.id, inv.id), isNull(into.acceptedAt), isNull(into.withdrawnAt)))
      .returning({ id: into.id });
    if (claimed.length === 0) throw new AccessDenied("INVITATION_USED");
    await tx.insert(caseMember).values({
      ...member,
      id: memberId,
      caseId: inv.caseId,
      userId: ctx.userId,
      actingForMemberId: inv.forMemberId,
    });
    await tx.update(into).set({ acceptedMemberId: memberId }).where(eq(into.id, inv.id));
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: audit.action,
      resourceType: audit.resourceType,
      resourceId: inv.id,
      caseId: inv.caseId,
      outcome: "allowed",
      detail: audit.detail(memberId),
    });
  });
  return memberId;
}

/** Whether an address already has an account (the link then asks them to sign in). */
export async function accountExists(db: ServiceContext["db"], email: string): Promise<boolean> {
  const [account] = await db
    .select({ id: user.id })
    .from(user)
    .where(eq(user.email, email))
    .limit(1);
  return Boolean(account);
}

/**
 * Sends the invitation email: a subject, the link, how long it works, and a sign-off, in
 * `language`, from `namespace`'s `mail.subject`, `mail.body` ({{url}}, {{days}}) and
 * `mail.signOff`. Nothing about the person or the case: whoever reads the inbox learns no
 * more than that there is an invitation.
 */
// i18n-namespaces: advocacy interpretingMore
export async function sendInvitationMail(
  mail: InvitationMail,
  input: {
    to: string;
    language: string | null | undefined;
    namespace: FamilyNamespace;
    path: string;
    token: string;
  },
): Promise<void> {
  const lng: LanguageCode = isLanguageCode(input.language) ? input.language : "en";
  const t = createTranslator({
    lng,
    dir: "ltr",
    resources: { [input.namespace]: resources[lng][input.namespace] },
  }).getFixedT(lng, input.namespace);
  const url = `${mail.portalOrigin}${input.path}?token=${encodeURIComponent(input.token)}`;
  await mail.mailer.send({
    to: input.to,
    subject: t("mail.subject"),
    text: `${t("mail.body", { url, days: INVITATION_LIFETIME_DAYS })}\n\n${t("mail.signOff")}`,
  });
}

/** Records that an account was made from an invitation (the account is made by better-auth). */
export async function auditAccountFromInvitation(
  db: ServiceContext["db"],
  input: { userId: string; invitationId: string },
): Promise<void> {
  await recordAudit(db, {
    actorUserId: input.userId,
    app: "portal",
    action: "create_account",
    resourceType: "account",
    resourceId: input.userId,
    outcome: "allowed",
    detail: { invitationId: input.invitationId },
  });
}

/** Making an account from an invitation: a name and a password (better-auth's limits). */
// The messages are the advocates' accept page's keys, which came first; both accept pages
// load that namespace.
export const invitedAccountSchema = z
  .object({
    token: z.string().min(1),
    name: z
      .string({ error: "advocacy:accept.errors.name" })
      .trim()
      .min(1, { error: "advocacy:accept.errors.name" })
      .max(200, { error: "advocacy:accept.errors.name" }),
    password: z
      .string({ error: "advocacy:accept.errors.passwordTooShort" })
      .min(passwordLength.min, { error: "advocacy:accept.errors.passwordTooShort" })
      .max(passwordLength.max, { error: "advocacy:accept.errors.passwordTooLong" }),
    confirmPassword: z.string().optional().default(""),
  })
  .superRefine((value, issue) => {
    if (value.password !== value.confirmPassword)
      issue.addIssue({
        code: "custom",
        path: ["confirmPassword"],
        message: "advocacy:accept.errors.passwordsDiffer",
      });
  });
