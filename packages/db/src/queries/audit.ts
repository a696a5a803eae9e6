// Writing to the append-only audit trail. Callers pass their transaction when the audited
// change is part of one, so the change and its audit row commit together.
import type { Database } from "../client.ts";
import { auditEvent } from "../schema/audit.ts";

export type AuditEntry = typeof auditEvent.$inferInsert;

export async function recordAudit(db: Pick<Database, "insert">, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvent).values(entry);
}
