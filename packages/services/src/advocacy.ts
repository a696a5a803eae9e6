// Advocates (issue 8): a parent or young person invites someone to help them, choosing what
// the advocate may see and do and until when; a social worker can arrange one with the
// person's consent recorded. The person can withdraw at any moment. Accepting an invitation
// creates the advocate's case_member row, and from then on the one policy decides what they
// may do (packages/auth/src/policy.ts: NOT_PERMITTED_BY_PERSON, ACCESS_NOT_ACTIVE).
import {
  canArrangeAdvocate,
  type DenialReason,
  type Membership,
  type PolicyViewer,
} from "@homeward/auth/policy";
import {
  advocateInvitation,
  type CaseRole,
  type ConsentMethod,
  caseMember,
  childCase,
  consentMethods,
  type MemberPermission,
  memberPermissions,
  recordAudit,
  user,
} from "@homeward/db";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { auditRead, caseFacts, loadViewer } from "./access.ts";
import { AccessDenied, NotFound, type ServiceContext, StaleWrite } from "./context.ts";
import { familyCase, familyCases, londonDate } from "./family-cases.ts";
import { type FamilyHomeCase, familyHome } from "./family-home.ts";
import {
  acceptIntoCase,
  type InvitationMail,
  type InvitationProblem,
  newInvitationToken,
  sendInvitationMail,
  signedInAs,
  workingInvitation,
  workingLink,
} from "./invitations.ts";

export type { ConsentMethod };

// The token, the week it works, the email and the account audit are shared with the
// interpreters' invitations (invitations.ts).
export {
  auditAccountFromInvitation,
  hashToken,
  INVITATION_LIFETIME_DAYS,
  type InvitationProblem,
} from "./invitations.ts";
export type AdvocacyMail = InvitationMail;

/** The last second of a calendar day in England (access "until 30 June" means all of it). */
export function endOfLondonDay(date: string): Date {
  const utc = new Date(`${date}T23:59:59Z`);
  // In British Summer Time 23:59:59 UTC is already the next day in London: an hour earlier.
  return londonDate(utc) === date ? utc : new Date(utc.getTime() - 60 * 60 * 1000);
}

// ---------------------------------------------------------------------------------------
// Forms. Messages are i18n keys (namespace "advocacy").

const permissionsField = z
  .array(z.enum(memberPermissions, { error: "advocacy:errors.permissions" }))
  .min(1, { error: "advocacy:errors.permissions" })
  // Replying or giving views for someone needs seeing what they reply to.
  .refine((p) => p.includes("read"), { error: "advocacy:errors.readNeeded" });

function untilField(today: string) {
  return z
    .string({ error: "advocacy:errors.until" })
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "advocacy:errors.until" })
    .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)), {
      error: "advocacy:errors.until",
    })
    .refine((d) => d > today, { error: "advocacy:errors.untilPast" });
}

const emailField = z
  .string({ error: "advocacy:errors.email" })
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: "advocacy:errors.email" }));

/** A parent's or young person's invitation. `today` is London's date (ctx.now). */
export function invitationSchema(today: string) {
  return z.object({
    caseId: z.string().min(1, { error: "advocacy:errors.case" }),
    email: emailField,
    permissions: permissionsField,
    activeUntil: untilField(today),
  });
}
export type InvitationInput = z.infer<ReturnType<typeof invitationSchema>>;

/** A practitioner's arrangement: also who consented, when and how. */
export function arrangementSchema(today: string) {
  return invitationSchema(today).extend({
    forMemberId: z.string().min(1, { error: "advocacy:errors.person" }),
    consentGivenOn: z
      .string({ error: "advocacy:errors.consentDate" })
      .regex(/^\d{4}-\d{2}-\d{2}$/, { error: "advocacy:errors.consentDate" })
      .refine((d) => d <= today, { error: "advocacy:errors.consentFuture" }),
    consentMethod: z.enum(consentMethods, { error: "advocacy:errors.consentMethod" }),
  });
}
export type ArrangementInput = z.infer<ReturnType<typeof arrangementSchema>>;

/** FormData has several values for one ticked group: gather them for the schema. */
export function advocacyFormInput(form: FormData): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [key, value] of form.entries()) if (typeof value === "string") input[key] = value;
  input.permissions = form.getAll("permissions").filter((v) => typeof v === "string");
  return input;
}

// ---------------------------------------------------------------------------------------
// Views.

export interface AdvocateView {
  memberId: string;
  name: string;
  email: string;
  permissions: MemberPermission[];
  activeUntil: string | null;
  version: number;
}

export interface InvitationView {
  invitationId: string;
  email: string;
  permissions: MemberPermission[];
  activeUntil: string;
  expiresAt: string;
  /** The link has lapsed without being used: the person can withdraw it and invite again. */
  expired: boolean;
  version: number;
}

export interface PersonAdvocacy {
  caseId: string;
  forMemberId: string;
  advocates: AdvocateView[];
  invitations: InvitationView[];
}

async function advocacyOf(
  ctx: ServiceContext,
  caseId: string,
  forMemberIds: readonly string[],
): Promise<Map<string, Omit<PersonAdvocacy, "caseId" | "forMemberId">>> {
  const result = new Map<string, Omit<PersonAdvocacy, "caseId" | "forMemberId">>();
  for (const id of forMemberIds) result.set(id, { advocates: [], invitations: [] });
  if (forMemberIds.length === 0) return result;
  const advocates = await ctx.db
    .select({ member: caseMember, name: user.name, email: user.email })
    .from(caseMember)
    .innerJoin(user, eq(user.id, caseMember.userId))
    .where(
      and(
        eq(caseMember.caseId, caseId),
        eq(caseMember.role, "advocate"),
        inArray(caseMember.actingForMemberId, [...forMemberIds]),
        isNull(caseMember.revokedAt),
      ),
    )
    .orderBy(asc(user.name));
  for (const { member, name, email } of advocates) {
    // Ended by its own date: nothing left to withdraw, so no longer listed.
    if (member.activeUntil && member.activeUntil <= ctx.now) continue;
    result.get(member.actingForMemberId ?? "")?.advocates.push({
      memberId: member.id,
      name,
      email,
      permissions: member.permissions ?? ["read"],
      activeUntil: member.activeUntil?.toISOString() ?? null,
      version: member.version,
    });
  }
  const invitations = await ctx.db
    .select()
    .from(advocateInvitation)
    .where(
      and(
        eq(advocateInvitation.caseId, caseId),
        inArray(advocateInvitation.forMemberId, [...forMemberIds]),
        isNull(advocateInvitation.acceptedAt),
        isNull(advocateInvitation.withdrawnAt),
      ),
    )
    .orderBy(asc(advocateInvitation.createdAt));
  for (const inv of invitations) {
    result.get(inv.forMemberId)?.invitations.push({
      invitationId: inv.id,
      email: inv.email,
      permissions: inv.permissions,
      activeUntil: inv.activeUntil.toISOString(),
      expiresAt: inv.expiresAt.toISOString(),
      expired: inv.expiresAt <= ctx.now,
      version: inv.version,
    });
  }
  return result;
}

const selfRoles: readonly CaseRole[] = ["parent", "carer", "young_person"];

export interface MyAdvocacy {
  /** One per case where the signed-in person is themselves a member (not helping someone). */
  cases: (PersonAdvocacy & { childFirstName: string })[];
}

/** "My advocate": who helps the signed-in parent or young person, and who is invited. */
export async function myAdvocacy(ctx: ServiceContext): Promise<MyAdvocacy> {
  const kases = (await familyCases(ctx)).filter(
    (k) => k.onBehalfOfMemberId === null && selfRoles.includes(k.person.role),
  );
  const cases: MyAdvocacy["cases"] = [];
  for (const kase of kases) {
    const found = await advocacyOf(ctx, kase.caseId, [kase.person.memberId]);
    const mine = found.get(kase.person.memberId) ?? { advocates: [], invitations: [] };
    cases.push({
      caseId: kase.caseId,
      childFirstName: kase.childFirstName,
      forMemberId: kase.person.memberId,
      ...mine,
    });
    await auditRead(ctx, {
      resourceType: "advocacy",
      resourceId: kase.person.memberId,
      caseId: kase.caseId,
      detail: {
        advocateMemberIds: mine.advocates.map((a) => a.memberId),
        invitationIds: mine.invitations.map((i) => i.invitationId),
      },
    });
  }
  return { cases };
}

// ---------------------------------------------------------------------------------------
// Deciding, with an audited refusal (the policy's canArrangeAdvocate).

async function membershipRow(ctx: ServiceContext, memberId: string) {
  const [row] = await ctx.db.select().from(caseMember).where(eq(caseMember.id, memberId)).limit(1);
  if (!row) throw new NotFound(`member ${memberId}`);
  return row;
}

async function authorizeArrangement(
  ctx: ServiceContext,
  action: "invite" | "withdraw" | "read",
  caseId: string,
  forMemberId: string,
  viewer?: PolicyViewer,
): Promise<PolicyViewer> {
  const facts = await caseFacts(ctx, caseId);
  const who = viewer ?? (await loadViewer(ctx, caseId));
  const row = await membershipRow(ctx, forMemberId);
  if (row.caseId !== caseId) throw new NotFound(`member ${forMemberId} on case ${caseId}`);
  const forMember: Membership = {
    memberId: row.id,
    role: row.role,
    personId: row.personId ?? null,
    actingFor: null,
    activeFrom: row.activeFrom,
    activeUntil: row.activeUntil,
    revokedAt: row.revokedAt ?? null,
    consentRecordedAt: row.consentRecordedAt ?? null,
    permissions: row.permissions ?? null,
  };
  const decision = canArrangeAdvocate(who, { ...facts, forMember }, ctx.now);
  if (!decision.allowed) {
    await refuse(ctx, action, caseId, forMemberId, decision.reason);
  }
  return who;
}

async function refuse(
  ctx: ServiceContext,
  action: string,
  caseId: string | null,
  resourceId: string | null,
  reason: DenialReason | InvitationProblem,
): Promise<never> {
  await recordAudit(ctx.db, {
    actorUserId: ctx.userId,
    app: ctx.app,
    action: `advocacy_${action}`,
    resourceType: "advocacy",
    resourceId,
    caseId,
    outcome: "denied",
    detail: { reason },
  });
  throw new AccessDenied(reason);
}

// ---------------------------------------------------------------------------------------
// Inviting.

async function createInvitation(
  ctx: ServiceContext,
  mail: AdvocacyMail,
  input: {
    caseId: string;
    forMemberId: string;
    email: string;
    permissions: MemberPermission[];
    activeUntil: string;
    consentGivenAt: Date | null;
    consentMethod: ConsentMethod | null;
    language: string;
  },
): Promise<{ invitationId: string }> {
  const { token, tokenHash, expiresAt } = newInvitationToken(ctx.now);
  const invitationId = crypto.randomUUID();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(advocateInvitation).values({
      id: invitationId,
      caseId: input.caseId,
      forMemberId: input.forMemberId,
      email: input.email,
      // Stored in one order, whatever order the boxes were ticked in.
      permissions: memberPermissions.filter((p) => input.permissions.includes(p)),
      activeUntil: endOfLondonDay(input.activeUntil),
      tokenHash,
      invitedByUserId: ctx.userId,
      consentGivenAt: input.consentGivenAt,
      consentMethod: input.consentMethod,
      createdAt: ctx.now,
      expiresAt,
    });
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: "advocacy_invite",
      resourceType: "advocate_invitation",
      resourceId: invitationId,
      caseId: input.caseId,
      outcome: "allowed",
      detail: {
        forMemberId: input.forMemberId,
        permissions: input.permissions,
        activeUntil: input.activeUntil,
        consentMethod: input.consentMethod,
      },
    });
  });
  // The email says nothing about the person or the case: only that there is an invitation,
  // and the link. Whoever reads the inbox learns no more than that.
  await sendInvitationMail(mail, {
    to: input.email,
    language: input.language,
    namespace: "advocacy",
    path: "/advocacy/accept",
    token,
  });
  return { invitationId };
}

/** A parent or young person invites an advocate for themselves. */
export async function inviteAdvocate(
  ctx: ServiceContext,
  mail: AdvocacyMail,
  input: InvitationInput & { language: string },
): Promise<{ invitationId: string }> {
  const kase = await familyCase(ctx, input.caseId);
  if (kase.onBehalfOfMemberId !== null) {
    await refuse(ctx, "invite", input.caseId, null, "ROLE_NOT_ALLOWED");
  }
  await authorizeArrangement(ctx, "invite", input.caseId, kase.person.memberId, kase.viewer);
  return createInvitation(ctx, mail, {
    ...input,
    forMemberId: kase.person.memberId,
    // The person invites: consent is theirs, given by inviting.
    consentGivenAt: null,
    consentMethod: null,
  });
}

/** A social worker arranges an advocate for a person, recording the person's consent. */
export async function arrangeAdvocate(
  ctx: ServiceContext,
  mail: AdvocacyMail,
  input: ArrangementInput & { language: string },
): Promise<{ invitationId: string }> {
  await authorizeArrangement(ctx, "invite", input.caseId, input.forMemberId);
  return createInvitation(ctx, mail, {
    ...input,
    consentGivenAt: new Date(`${input.consentGivenOn}T12:00:00Z`),
    consentMethod: input.consentMethod,
  });
}

// ---------------------------------------------------------------------------------------
// Withdrawing: effective at once (the policy reads revokedAt on the next request).

export async function withdrawAdvocate(
  ctx: ServiceContext,
  input: { advocateMemberId: string; version: number },
): Promise<void> {
  const row = await membershipRow(ctx, input.advocateMemberId);
  if (row.role !== "advocate" || !row.actingForMemberId)
    throw new NotFound(`advocate ${input.advocateMemberId}`);
  await authorizeArrangement(ctx, "withdraw", row.caseId, row.actingForMemberId);
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(caseMember)
      .set({ revokedAt: ctx.now, version: input.version + 1 })
      .where(
        and(
          eq(caseMember.id, row.id),
          eq(caseMember.version, input.version),
          isNull(caseMember.revokedAt),
        ),
      )
      .returning({ id: caseMember.id });
    if (updated.length === 0) throw new StaleWrite(row.version);
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: "advocacy_withdraw",
      resourceType: "case_member",
      resourceId: row.id,
      caseId: row.caseId,
      outcome: "allowed",
      detail: { forMemberId: row.actingForMemberId },
    });
  });
}

export async function withdrawInvitation(
  ctx: ServiceContext,
  input: { invitationId: string; version: number },
): Promise<void> {
  const [inv] = await ctx.db
    .select()
    .from(advocateInvitation)
    .where(eq(advocateInvitation.id, input.invitationId))
    .limit(1);
  if (!inv) throw new NotFound(`invitation ${input.invitationId}`);
  await authorizeArrangement(ctx, "withdraw", inv.caseId, inv.forMemberId);
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(advocateInvitation)
      .set({ withdrawnAt: ctx.now, version: input.version + 1 })
      .where(
        and(
          eq(advocateInvitation.id, inv.id),
          eq(advocateInvitation.version, input.version),
          isNull(advocateInvitation.withdrawnAt),
          isNull(advocateInvitation.acceptedAt),
        ),
      )
      .returning({ id: advocateInvitation.id });
    if (updated.length === 0) throw new StaleWrite(inv.version);
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: "advocacy_withdraw",
      resourceType: "advocate_invitation",
      resourceId: inv.id,
      caseId: inv.caseId,
      outcome: "allowed",
      detail: { forMemberId: inv.forMemberId },
    });
  });
}

// ---------------------------------------------------------------------------------------
// Accepting.

export type InvitationState =
  | { ok: true; invitationId: string; email: string; hasAccount: boolean }
  | { ok: false; problem: InvitationProblem };

/**
 * What the invitation link shows before anyone signs in: whether it still works, the address
 * it was sent to, and whether that address already has a family account. Nothing about the
 * person or the case: the link may have been forwarded.
 */
export async function invitationState(
  db: ServiceContext["db"],
  token: string,
  now: Date,
): Promise<InvitationState> {
  const found = await workingInvitation(db, advocateInvitation, token, now);
  return found.ok ? workingLink(db, found.inv) : found;
}

/**
 * The signed-in person accepts: the link must still work, and their account must have the
 * address it was sent to. Used once: a second use, however quick, finds it taken.
 */
export async function acceptInvitation(
  ctx: ServiceContext,
  token: string,
): Promise<{ caseId: string; advocateMemberId: string }> {
  const found = await workingInvitation(ctx.db, advocateInvitation, token, ctx.now);
  if (!found.ok) return refuse(ctx, "accept", null, null, found.problem);
  const inv = found.inv;
  const person = await membershipRow(ctx, inv.forMemberId);
  if (!(await signedInAs(ctx, inv.email)) || person.userId === ctx.userId)
    return refuse(ctx, "accept", inv.caseId, inv.id, "WRONG_ACCOUNT");
  const advocateMemberId = await acceptIntoCase(
    ctx,
    advocateInvitation,
    inv,
    {
      role: "advocate",
      activeFrom: ctx.now,
      activeUntil: inv.activeUntil,
      // The person's consent: given by inviting, or recorded by the practitioner who arranged it.
      consentRecordedAt: inv.consentGivenAt ?? inv.createdAt,
      consentRecordedBy: inv.invitedByUserId,
      grantedBy: inv.invitedByUserId,
      permissions: inv.permissions,
    },
    {
      action: "advocacy_accept",
      resourceType: "advocate_invitation",
      detail: (id) => ({ advocateMemberId: id, forMemberId: inv.forMemberId }),
    },
  );
  return { caseId: inv.caseId, advocateMemberId };
}

// ---------------------------------------------------------------------------------------
// The advocate's page: the people they support and what needs their help.

export interface SupportedPerson {
  caseId: string;
  personName: string;
  role: CaseRole;
  /** advocate or interpreter: how the viewer helps. */
  helperRole: CaseRole;
  permissions: MemberPermission[];
  activeUntil: string | null;
  home: FamilyHomeCase;
}

export async function peopleISupport(ctx: ServiceContext): Promise<SupportedPerson[]> {
  const helping = (await familyCases(ctx)).filter((k) => k.onBehalfOfMemberId !== null);
  if (helping.length === 0) return [];
  // familyHome asks the policy again for each case and audits each read.
  const home = await familyHome(ctx);
  const people: SupportedPerson[] = [];
  for (const kase of helping) {
    const mine = kase.viewer.memberships.find(
      (m) => m.actingFor?.memberId === kase.onBehalfOfMemberId,
    );
    const homeCase = home.cases.find((c) => c.caseId === kase.caseId && c.helping);
    if (!mine || !homeCase) continue;
    const row = await membershipRow(ctx, kase.person.memberId);
    const [person] = await ctx.db
      .select({ name: user.name })
      .from(user)
      .where(eq(user.id, row.userId))
      .limit(1);
    people.push({
      caseId: kase.caseId,
      personName: person?.name ?? "",
      role: kase.person.role,
      helperRole: mine.role,
      permissions: (mine.permissions ?? ["read"]) as MemberPermission[],
      activeUntil: mine.activeUntil?.toISOString() ?? null,
      home: homeCase,
    });
  }
  return people;
}

// ---------------------------------------------------------------------------------------
// The practitioner's view of a case's advocates.

export interface CaseAdvocacy {
  caseId: string;
  reference: string;
  people: (PersonAdvocacy & { name: string; role: CaseRole; canArrange: boolean })[];
}

export async function caseAdvocacy(ctx: ServiceContext, caseId: string): Promise<CaseAdvocacy> {
  const facts = await caseFacts(ctx, caseId);
  const viewer = await loadViewer(ctx, caseId);
  const members = await ctx.db
    .select({ member: caseMember, name: user.name })
    .from(caseMember)
    .innerJoin(user, eq(user.id, caseMember.userId))
    .where(
      and(
        eq(caseMember.caseId, caseId),
        inArray(caseMember.role, [...selfRoles]),
        isNull(caseMember.revokedAt),
      ),
    )
    .orderBy(asc(user.name));
  const people = members.map(({ member, name }) => {
    const decision = canArrangeAdvocate(
      viewer,
      {
        ...facts,
        forMember: {
          memberId: member.id,
          role: member.role,
          personId: member.personId ?? null,
          actingFor: null,
          activeFrom: member.activeFrom,
          activeUntil: member.activeUntil,
          revokedAt: null,
          consentRecordedAt: null,
          permissions: null,
        },
      },
      ctx.now,
    );
    return { member, name, decision, canArrange: decision.allowed };
  });
  // Only the social worker arranges advocates; the page is theirs.
  if (!people.some((p) => p.canArrange)) {
    const refused = people.find((p) => !p.decision.allowed)?.decision;
    await refuse(
      ctx,
      "read",
      caseId,
      null,
      refused && !refused.allowed ? refused.reason : "ROLE_NOT_ALLOWED",
    );
  }
  const [kase] = await ctx.db
    .select({ reference: childCase.reference })
    .from(childCase)
    .where(eq(childCase.id, caseId))
    .limit(1);
  const found = await advocacyOf(
    ctx,
    caseId,
    people.map((p) => p.member.id),
  );
  await auditRead(ctx, {
    resourceType: "advocacy",
    caseId,
    detail: { memberIds: people.map((p) => p.member.id) },
  });
  return {
    caseId,
    reference: kase?.reference ?? "",
    people: people.map((p) => ({
      caseId,
      forMemberId: p.member.id,
      name: p.name,
      role: p.member.role,
      canArrange: p.canArrange,
      ...(found.get(p.member.id) ?? { advocates: [], invitations: [] }),
    })),
  };
}

/** Making an account from an invitation (shared with interpreters: invitations.ts). */
export { invitedAccountSchema as advocateAccountSchema } from "./invitations.ts";
