// The people on a case and what each needs to take part: issue 4, "The record"; framework.md,
// "What families told the evaluators" (interpreters, advocates, more time, easy read).
import { sql } from "drizzle-orm";
import { boolean, date, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { childCase } from "./case.ts";

/** A person's relationship to the child; each parent is recorded separately. */
export const personRelationships = [
  "child",
  "mother",
  "father",
  "parent",
  "step_parent",
  "carer",
  "sibling",
  "grandparent",
  "other_family",
  "other",
] as const;
export type PersonRelationship = (typeof personRelationships)[number];

/** Someone on the case, whether or not they have an account (see case_member.person_id). */
export const casePerson = pgTable(
  "case_person",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => childCase.id),
    displayName: text("display_name").notNull(),
    relationship: text("relationship", { enum: personRelationships }).notNull(),
    isSubjectChild: boolean("is_subject_child").notNull().default(false),
    dateOfBirth: date("date_of_birth"),
    preferredLanguage: text("preferred_language"),
    interpreterNeeded: boolean("interpreter_needed").notNull().default(false),
    easyRead: boolean("easy_read").notNull().default(false),
    advocateNeeded: boolean("advocate_needed").notNull().default(false),
    // Parents with learning disabilities needed more time: their review windows are longer.
    learningDisability: boolean("learning_disability").notNull().default(false),
    notes: text("notes"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("case_person_case_idx").on(t.caseId)],
);

/**
 * CONFIDENTIAL. A person's contact details, kept apart from case_person so that no family
 * view model can pick them up by accident. A separated parent's address is hidden from the
 * other parent: `hiddenFromPersonIds` names whose eyes must never see this row.
 */
export const personContact = pgTable(
  "person_contact",
  {
    id: text("id").primaryKey(),
    personId: text("person_id")
      .notNull()
      .references(() => casePerson.id),
    address: text("address"),
    phone: text("phone"),
    email: text("email"),
    hiddenFromPersonIds: text("hidden_from_person_ids")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("person_contact_person_idx").on(t.personId)],
);
