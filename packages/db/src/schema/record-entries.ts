// Every text a practitioner writes about a family, with its lifecycle: draft ->
// shared_for_review (with named people and a deadline) -> finalised. Edits add versions;
// nothing is overwritten or deleted. Families answer with comments, factual corrections or
// disagreements, and each gets a practitioner's reply (issue 4, "record entries").
import {
  type AnyPgColumn,
  boolean,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { user } from "./auth.ts";
import { caseMember, childCase } from "./case.ts";

export const recordEntryKinds = [
  "chronology_event",
  "assessment_section",
  "case_note",
  "meeting_minutes",
  "decision_record",
] as const;
export type RecordEntryKind = (typeof recordEntryKinds)[number];

export const recordEntryStatuses = ["draft", "shared_for_review", "finalised"] as const;
export type RecordEntryStatus = (typeof recordEntryStatuses)[number];

export const recordEntry = pgTable(
  "record_entry",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => childCase.id),
    kind: text("kind", { enum: recordEntryKinds }).notNull(),
    title: text("title").notNull(),
    status: text("status", { enum: recordEntryStatuses }).notNull().default("draft"),
    authorUserId: text("author_user_id")
      .notNull()
      .references(() => user.id),
    /** CONFIDENTIAL when true: never shown to, nor shared with, a family member. */
    notForFamily: boolean("not_for_family").notNull().default(false),
    // The analytical chronology (framework.md, stage 1): when it happened, where the
    // information came from, why it matters, and the pattern it belongs to.
    eventDate: date("event_date"),
    source: text("source"),
    significance: text("significance"),
    pattern: text("pattern"),
    /** Written by the independent file reader, who has not worked with the family. */
    chronologistEntry: boolean("chronologist_entry").notNull().default(false),
    sortOrder: integer("sort_order"),
    reviewDeadline: date("review_deadline"),
    sharedAt: timestamp("shared_at", { withTimezone: true }),
    sharedBy: text("shared_by").references(() => user.id),
    finalisedAt: timestamp("finalised_at", { withTimezone: true }),
    finalisedBy: text("finalised_by").references(() => user.id),
    /** A correction after finalisation is a new entry that points at the one it corrects. */
    supersedesEntryId: text("supersedes_entry_id").references((): AnyPgColumn => recordEntry.id),
    currentVersionNumber: integer("current_version_number").notNull().default(1),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("record_entry_case_idx").on(t.caseId),
    index("record_entry_supersedes_idx").on(t.supersedesEntryId),
  ],
);

/** One version of an entry's text. Append-only: an edit adds a row, never changes one. */
export const recordEntryVersion = pgTable(
  "record_entry_version",
  {
    id: text("id").primaryKey(),
    entryId: text("entry_id")
      .notNull()
      .references(() => recordEntry.id),
    versionNumber: integer("version_number").notNull(),
    body: text("body").notNull(),
    /** The practitioner's analysis of what the body records. */
    analysis: text("analysis"),
    changeReason: text("change_reason"),
    /** The family response this version accepted, when it came from one. */
    fromResponseId: text("from_response_id").references((): AnyPgColumn => familyResponse.id),
    createdBy: text("created_by")
      .notNull()
      .references(() => user.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("record_entry_version_entry_number_unique").on(t.entryId, t.versionNumber)],
);

/** Who an entry is shared with for review, and by when they can respond. */
export const recordEntryShare = pgTable(
  "record_entry_share",
  {
    entryId: text("entry_id")
      .notNull()
      .references(() => recordEntry.id),
    memberId: text("member_id")
      .notNull()
      .references(() => caseMember.id),
    sharedAt: timestamp("shared_at", { withTimezone: true }).notNull().defaultNow(),
    deadline: date("deadline").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.entryId, t.memberId] }),
    // "Shared with me" starts from the member.
    index("record_entry_share_member_idx").on(t.memberId),
  ],
);

export const familyResponseKinds = ["comment", "correction", "disagreement"] as const;
export type FamilyResponseKind = (typeof familyResponseKinds)[number];

export const familyResponseStatuses = ["draft", "open", "accepted", "declined", "noted"] as const;
export type FamilyResponseStatus = (typeof familyResponseStatuses)[number];

/**
 * A family member's response to one version of a shared entry. An unresolved disagreement
 * stays with the entry after it is finalised, wherever it appears (issue 4).
 */
export const familyResponse = pgTable(
  "family_response",
  {
    id: text("id").primaryKey(),
    entryId: text("entry_id")
      .notNull()
      .references(() => recordEntry.id),
    /** The version responded to. */
    versionNumber: integer("version_number").notNull(),
    /** Who typed it. */
    authorMemberId: text("author_member_id")
      .notNull()
      .references(() => caseMember.id),
    /** Whom an advocate or interpreter wrote it for; null when people write for themselves. */
    onBehalfOfMemberId: text("on_behalf_of_member_id").references(() => caseMember.id),
    kind: text("kind", { enum: familyResponseKinds }).notNull(),
    /** The quoted passage the response is about, when given. */
    anchorText: text("anchor_text"),
    /** The comment, the person's own view, or the reason for a correction. */
    body: text("body").notNull(),
    /** For a correction: the text the person proposes instead. */
    proposedText: text("proposed_text"),
    status: text("status", { enum: familyResponseStatuses }).notNull().default("draft"),
    practitionerReply: text("practitioner_reply"),
    repliedBy: text("replied_by").references(() => user.id),
    repliedAt: timestamp("replied_at", { withTimezone: true }),
    /** The version an accepted correction produced. */
    resultingVersionNumber: integer("resulting_version_number"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("family_response_entry_idx").on(t.entryId),
    index("family_response_author_idx").on(t.authorMemberId),
    // A response answers a version that exists.
    foreignKey({
      name: "family_response_entry_version_fk",
      columns: [t.entryId, t.versionNumber],
      foreignColumns: [recordEntryVersion.entryId, recordEntryVersion.versionNumber],
    }),
  ],
);
