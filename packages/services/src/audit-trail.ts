// "Who viewed or changed this record": the audit trail of one record entry, as its viewer
// may see it. Practitioners see every read, change and refusal; a family member sees who
// on the staff looked at an entry shared with them, and their own visits - never another
// family member's activity.
import { auditEvent, recordEntry, user } from "@homeward/db";
import { and, desc, eq, inArray } from "drizzle-orm";
import { auditRead, authorize } from "./access.ts";
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
