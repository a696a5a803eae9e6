// One append-only trail of every read and change of case data, including denials.
// A trigger in the migration refuses UPDATE and DELETE, whatever role the app uses.
import { bigserial, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const auditOutcomes = ["allowed", "denied", "failed"] as const;

export const auditEvent = pgTable(
  "audit_event",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: text("actor_user_id"),
    onBehalfOfUserId: text("on_behalf_of_user_id"),
    app: text("app").notNull(),
    action: text("action").notNull(),
    resourceType: text("resource_type").notNull(),
    resourceId: text("resource_id"),
    caseId: text("case_id"),
    outcome: text("outcome", { enum: auditOutcomes }).notNull(),
    detail: jsonb("detail"),
  },
  (t) => [
    index("audit_event_resource_idx").on(t.resourceType, t.resourceId),
    index("audit_event_case_idx").on(t.caseId),
  ],
);
