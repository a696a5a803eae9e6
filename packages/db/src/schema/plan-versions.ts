// Every saved state of a plan, with its services: plans are edited in place for the pages'
// sake, and the history lives here so no earlier plan is ever lost (issue 7: records are
// never destroyed; changes create versions).
import { index, integer, jsonb, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { user } from "./auth.ts";
import { plan, type PlanReviewPoint, type PlanRole } from "./plans.ts";

export interface PlanSnapshot {
  status: string;
  timescale: string | null;
  summary: string;
  familyExplanation: string | null;
  reviewPoints: PlanReviewPoint[];
  roles: PlanRole[];
  services: {
    id: string;
    service: string;
    provider: string;
    status: string;
    startDate: string | null;
  }[];
}

export const planVersion = pgTable(
  "plan_version",
  {
    id: text("id").primaryKey(),
    planId: text("plan_id")
      .notNull()
      .references(() => plan.id),
    /**
     * The plan's row version this snapshot records. Named apart from `version`, the optimistic
     * concurrency column of editable rows: a snapshot is never edited.
     */
    planVersion: integer("version").notNull(),
    snapshot: jsonb("snapshot").$type<PlanSnapshot>().notNull(),
    changedBy: text("changed_by")
      .notNull()
      .references(() => user.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("plan_version_plan_idx").on(t.planId),
    unique("plan_version_plan_version_unique").on(t.planId, t.planVersion),
  ],
);
