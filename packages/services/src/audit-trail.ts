// "Who viewed or changed this record": the audit trail of one record entry, as its viewer
// may see it. Practitioners see every read, change and refusal; a family member sees who
// on the staff looked at an entry shared with them, and their own visits - never another
// family member's activity.
import { auditEvent, childCase, recordEntry, user } from "@homeward/db";
import { and, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { auditRead, authorize, caseFacts } from "./access.ts";
import { NotFound, type ServiceContext } from "./context.ts";
import { resourceFacts } from "./resource-facts.ts";

export interface AuditLine {
  at: string;
  who: string;
  whoIsStaff: boolean;
  action: string;
  outcome: "allowed" | "denied" | "failed";
  app: string;
}

const entryRelated = ["record_entry", "family_response"];

export async function auditTrailForEntry(
  ctx: ServiceContext,
  entryId: string,
  limit = 100,
): Promise<AuditLine[]> {
  const [entry] = await ctx.db
    .select({ caseId: recordEntry.caseId })
    .from(recordEntry)
    .where(eq(recordEntry.id, entryId));
  if (!entry) throw new NotFound(`entry ${entryId}`);
  const facts = await resourceFacts(ctx, "audit_log", entryId);
  await authorize(ctx, "read", facts);
  const rows = await ctx.db
    .select({ event: auditEvent, name: user.name, kind: user.kind })
    .from(auditEvent)
    .leftJoin(user, eq(user.id, auditEvent.actorUserId))
    .where(and(eq(auditEvent.resourceId, entryId), inArray(auditEvent.resourceType, entryRelated)))
    .orderBy(desc(auditEvent.at))
    .limit(limit);
  const staff = ctx.kind === "practitioner";
  const visible = rows.filter(
    ({ event, kind }) => staff || kind === "practitioner" || event.actorUserId === ctx.userId,
  );
  await auditRead(ctx, { resourceType: "audit_log", resourceId: entryId, caseId: entry.caseId });
  return visible
    .filter(({ event }) => staff || event.outcome === "allowed")
    .map(({ event, name, kind }) => ({
      at: event.at.toISOString(),
      who: name ?? "",
      whoIsStaff: kind === "practitioner",
      action: event.action,
      outcome: event.outcome,
      app: event.app,
    }));
}

export interface CaseActivityLine extends AuditLine {
  id: number;
  onBehalfOf: string | null;
  resourceType: string;
  resourceId: string | null;
  /** Why a refusal happened, from the policy (never any case text). */
  reason: string | null;
}

export interface CaseActivity {
  reference: string;
  childName: string;
  lines: CaseActivityLine[];
  page: number;
  hasMore: boolean;
}

export const activityPageSize = 50;

/**
 * Everything done with one case's record, newest first: each read, change and refusal, by
 * whom and for whom. Staff with audit rights only (the policy's audit_log rule); one record's
 * trail when `resourceId` is given.
 */
export async function caseActivity(
  ctx: ServiceContext,
  caseId: string,
  options: { resourceId?: string | null; page?: number } = {},
): Promise<CaseActivity> {
  const kase = await caseFacts(ctx, caseId);
  await authorize(ctx, "read", { type: "audit_log", ...kase });
  const [names] = await ctx.db
    .select({ reference: childCase.reference, childName: childCase.childName })
    .from(childCase)
    .where(eq(childCase.id, caseId));
  const page = Math.max(1, Math.floor(options.page ?? 1));
  const actor = alias(user, "actor");
  const behalf = alias(user, "behalf");
  const rows = await ctx.db
    .select({ event: auditEvent, name: actor.name, kind: actor.kind, behalfName: behalf.name })
    .from(auditEvent)
    .leftJoin(actor, eq(actor.id, auditEvent.actorUserId))
    .leftJoin(behalf, eq(behalf.id, auditEvent.onBehalfOfUserId))
    .where(
      and(
        eq(auditEvent.caseId, caseId),
        options.resourceId ? eq(auditEvent.resourceId, options.resourceId) : undefined,
      ),
    )
    .orderBy(desc(auditEvent.at), desc(auditEvent.id))
    .limit(activityPageSize + 1)
    .offset((page - 1) * activityPageSize);
  await auditRead(ctx, {
    resourceType: "audit_log",
    resourceId: options.resourceId ?? null,
    caseId,
    detail: { page },
  });
  return {
    reference: names?.reference ?? "",
    childName: names?.childName ?? "",
    page,
    hasMore: rows.length > activityPageSize,
    lines: rows.slice(0, activityPageSize).map(({ event, name, kind, behalfName }) => ({
      id: event.id,
      at: event.at.toISOString(),
      who: name ?? "",
      whoIsStaff: kind === "practitioner",
      onBehalfOf: behalfName ?? null,
      action: event.action,
      outcome: event.outcome,
      app: event.app,
      resourceType: event.resourceType,
      resourceId: event.resourceId,
      reason: reasonOf(event.detail),
    })),
  };
}

function reasonOf(detail: unknown): string | null {
  if (detail && typeof detail === "object" && "reason" in detail) {
    const reason = (detail as { reason: unknown }).reason;
    return typeof reason === "string" && /^[A-Z_]+$/.test(reason) ? reason : null;
  }
  return null;
}
