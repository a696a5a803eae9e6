// Emails sent to family members about their case: one row each, so a reminder is never
// sent twice (the dedupe key) and the team can see what was sent and when.
import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { user } from "./auth.ts";

export const notificationKinds = [
  "entry_shared",
  "deadline_near",
  "reply_arrived",
  "meeting_set",
  "agreement_shared",
  "agreement_ended",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

export const notification = pgTable(
  "notification",
  {
    id: text("id").primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id),
    kind: text("kind", { enum: notificationKinds }).notNull(),
    /** e.g. "deadline_near:<entry>:<member>": the same reminder is sent once. */
    dedupeKey: text("dedupe_key").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("notification_user_idx").on(t.userId)],
);
