// Views and wishes of a young person or a parent, in their own words. A young person's
// wishes are private to them and the social worker unless they choose to share them with a
// parent (issue 4); the author's choice is `sharing`.
import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { user } from "./auth.ts";
import { caseMember, childCase } from "./case.ts";
import { meeting } from "./meetings.ts";

export const viewsKinds = ["parent_views", "young_person_wishes"] as const;
export type ViewsKind = (typeof viewsKinds)[number];

export const viewsSharing = ["social_worker_only", "shared_with_parents"] as const;
export type ViewsSharing = (typeof viewsSharing)[number];

export const viewsStatuses = ["draft", "submitted"] as const;
export type ViewsStatus = (typeof viewsStatuses)[number];

export const viewsAndWishes = pgTable(
  "views_and_wishes",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => childCase.id),
    authorMemberId: text("author_member_id")
      .notNull()
      .references(() => caseMember.id),
    onBehalfOfMemberId: text("on_behalf_of_member_id").references(() => caseMember.id),
    kind: text("kind", { enum: viewsKinds }).notNull(),
    /** The meeting these views are for, when there is one. */
    meetingId: text("meeting_id").references(() => meeting.id),
    goingWell: text("going_well"),
    worries: text("worries"),
    wants: text("wants"),
    wantsWhen: text("wants_when"),
    trustedPerson: text("trusted_person"),
    sharing: text("sharing", { enum: viewsSharing }).notNull().default("social_worker_only"),
    status: text("status", { enum: viewsStatuses }).notNull().default("draft"),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    practitionerReply: text("practitioner_reply"),
    repliedBy: text("replied_by").references(() => user.id),
    repliedAt: timestamp("replied_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("views_and_wishes_case_idx").on(t.caseId),
    index("views_and_wishes_author_idx").on(t.authorMemberId),
  ],
);
