// Loading the facts the policy needs, asking it, and writing the answer to the audit trail.
// Every service function goes through `authorize`; nothing reads case data around it.
import {
  type Action,
  can,
  type Decision,
  type Membership,
  type PolicyViewer,
  type ResourceFacts,
} from "@homeward/auth/policy";
import { caseMember, childCase, recordAudit, staffMembership, team } from "@homeward/db";
import { eq, inArray } from "drizzle-orm";
import { AccessDenied, NotFound, once, type ServiceContext } from "./context.ts";

export interface CaseFacts {
  caseId: string;
  teamId: string;
  authorityId: string;
}

export async function caseFacts(ctx: ServiceContext, caseId: string): Promise<CaseFacts> {
  const [row] = await ctx.db
    .select({ caseId: childCase.id, teamId: childCase.teamId, authorityId: childCase.authorityId })
    .from(childCase)
    .where(eq(childCase.id, caseId))
    .limit(1);
  if (!row) throw new NotFound(`case ${caseId}`);
  return row;
}

type MemberRow = typeof caseMember.$inferSelect;

function toMembership(row: MemberRow, byId: Map<string, MemberRow>): Membership {
  const actingForRow = row.actingForMemberId ? byId.get(row.actingForMemberId) : undefined;
  return {
    memberId: row.id,
    role: row.role,
    personId: row.personId ?? null,
    actingFor: actingForRow ? toMembership(actingForRow, new Map()) : null,
    activeFrom: row.activeFrom,
    activeUntil: row.activeUntil,
    revokedAt: row.revokedAt ?? null,
    consentRecordedAt: row.consentRecordedAt ?? null,
    permissions: row.permissions ?? null,
  };
}

/** The viewer as the policy sees them, for one case. */
export function loadViewer(ctx: ServiceContext, caseId: string): Promise<PolicyViewer> {
  return once(ctx, `viewer:${ctx.userId}:${caseId}`, () => readViewer(ctx, caseId));
}

async function readViewer(ctx: ServiceContext, caseId: string): Promise<PolicyViewer> {
  const own = await ctx.db.select().from(caseMember).where(eq(caseMember.caseId, caseId));
  const byId = new Map(own.map((m) => [m.id, m]));
  const memberships = own.filter((m) => m.userId === ctx.userId).map((m) => toMembership(m, byId));
  if (ctx.kind === "family") {
    return { userId: ctx.userId, kind: "family", authorityId: null, teams: [], memberships };
  }
  const teams = await ctx.db
    .select({
      teamId: staffMembership.teamId,
      role: staffMembership.role,
      authorityId: team.authorityId,
    })
    .from(staffMembership)
    .innerJoin(team, eq(team.id, staffMembership.teamId))
    .where(eq(staffMembership.userId, ctx.userId));
  const authorityIds = [...new Set(teams.map((t) => t.authorityId))];
  return {
    userId: ctx.userId,
    kind: "practitioner",
    // A practitioner belongs to one authority; several would be a data error: deny all.
    authorityId: authorityIds.length === 1 ? (authorityIds[0] ?? null) : null,
    teams: teams.map(({ teamId, role }) => ({ teamId, role })),
    memberships,
  };
}

export interface Authorized {
  viewer: PolicyViewer;
  decision: Extract<Decision, { allowed: true }>;
}

/**
 * Asks the policy; records every denial in the audit trail and throws AccessDenied.
 * Allowed reads are audited by the caller once the view model is built (one row per read).
 */
export async function authorize(
  ctx: ServiceContext,
  action: Action,
  resource: ResourceFacts & { id?: string },
  viewer?: PolicyViewer,
): Promise<Authorized> {
  const who = viewer ?? (await loadViewer(ctx, resource.caseId));
  const decision = can(who, action, resource, ctx.now);
  if (!decision.allowed) {
    await recordAudit(ctx.db, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action,
      resourceType: resource.type,
      resourceId: resource.id ?? null,
      caseId: resource.caseId,
      outcome: "denied",
      detail: { reason: decision.reason },
    });
    throw new AccessDenied(decision.reason);
  }
  return { viewer: who, decision };
}

/** Filters many resources of one case by the policy, without an audit row per refusal. */
export function visible<T>(
  viewer: PolicyViewer,
  items: readonly T[],
  facts: (item: T) => ResourceFacts,
  now: Date,
): T[] {
  return items.filter((item) => can(viewer, "read", facts(item), now).allowed);
}

export async function auditRead(
  ctx: ServiceContext,
  entry: {
    resourceType: string;
    resourceId?: string | null;
    caseId: string;
    onBehalfOfMemberId?: string | null;
    detail?: unknown;
  },
) {
  await recordAudit(ctx.db, {
    actorUserId: ctx.userId,
    onBehalfOfUserId: entry.onBehalfOfMemberId
      ? await userOfMember(ctx, entry.onBehalfOfMemberId)
      : null,
    app: ctx.app,
    action: "read",
    resourceType: entry.resourceType,
    resourceId: entry.resourceId ?? null,
    caseId: entry.caseId,
    outcome: "allowed",
    detail: entry.detail ?? null,
  });
}

async function userOfMember(ctx: ServiceContext, memberId: string): Promise<string | null> {
  const [row] = await ctx.db
    .select({ userId: caseMember.userId })
    .from(caseMember)
    .where(inArray(caseMember.id, [memberId]))
    .limit(1);
  return row?.userId ?? null;
}
