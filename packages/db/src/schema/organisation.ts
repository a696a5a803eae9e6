// The authority and its teams, and which practitioners work in which team.
import { index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { user } from "./auth.ts";

export const authority = pgTable("authority", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});

export const team = pgTable("team", {
  id: text("id").primaryKey(),
  authorityId: text("authority_id")
    .notNull()
    .references(() => authority.id),
  name: text("name").notNull(),
});

export const staffRoles = [
  "social_worker",
  "co_worker",
  "chronologist",
  "team_manager",
  "iro",
] as const;
export type StaffRole = (typeof staffRoles)[number];

/** A practitioner's place in a team. Managers see their teams' cases; others their team's. */
export const staffMembership = pgTable(
  "staff_membership",
  {
    userId: text("user_id")
      .notNull()
      .references(() => user.id),
    teamId: text("team_id")
      .notNull()
      .references(() => team.id),
    role: text("role", { enum: staffRoles }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.teamId] }),
    index("staff_membership_team_idx").on(t.teamId),
  ],
);
