// Meetings: what kind, when, where, why, who comes, and the minutes once written. Families
// wanted to know when the next meeting was and who would be there (framework.md).
import { index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { caseMember, childCase } from "./case.ts";
import { recordEntry } from "./record-entries.ts";

export const meetingTypes = [
  "planning",
  "review",
  "family_meeting",
  "looked_after_review",
  "core_group",
  "permanence_panel",
  "other",
] as const;
export type MeetingType = (typeof meetingTypes)[number];

export const meeting = pgTable(
  "meeting",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => childCase.id),
    type: text("type", { enum: meetingTypes }).notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    place: text("place").notNull(),
    purpose: text("purpose").notNull(),
    /** The minutes are a record entry, with its own sharing and review. */
    minutesEntryId: text("minutes_entry_id").references(() => recordEntry.id),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("meeting_case_idx").on(t.caseId)],
);

/** Who attends; `memberId` links the attendees who have an account on the case. */
export const meetingAttendee = pgTable(
  "meeting_attendee",
  {
    meetingId: text("meeting_id")
      .notNull()
      .references(() => meeting.id),
    name: text("name").notNull(),
    role: text("role").notNull(),
    memberId: text("member_id").references(() => caseMember.id),
  },
  (t) => [
    primaryKey({ columns: [t.meetingId, t.name] }),
    index("meeting_attendee_member_idx").on(t.memberId),
  ],
);
