// CONFIDENTIAL. The earlier values of a person's contact details and of a confidential name,
// kept when a social worker changes them (issue 7, confidential details): records are never
// destroyed, yet the audit trail must not carry an address in clear text, so the old values
// live here, read only through the services with the policy's confidential_name rights.
import { index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { user } from "./auth.ts";
import { childCase } from "./case.ts";

export const confidentialDetailSubjects = ["person_contact", "confidential_name"] as const;
export type ConfidentialDetailSubject = (typeof confidentialDetailSubjects)[number];

export const confidentialDetailHistory = pgTable(
  "confidential_detail_history",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => childCase.id),
    subjectType: text("subject_type", { enum: confidentialDetailSubjects }).notNull(),
    /** The person_contact or confidential_name row that changed. */
    subjectId: text("subject_id").notNull(),
    /**
     * The row's version before the change. Not a version of this row (history rows are never
     * edited), hence the property name.
     */
    replacedVersion: integer("version").notNull(),
    /** The values as they were before the change (only the fields of that row). */
    previous: jsonb("previous").$type<Record<string, unknown>>().notNull(),
    changedBy: text("changed_by")
      .notNull()
      .references(() => user.id),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("confidential_detail_history_subject_idx").on(t.subjectType, t.subjectId)],
);
