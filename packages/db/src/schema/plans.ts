// Plans: reunification, alternative permanence, contact and support, each with its services;
// and the monitoring visits after a return (framework.md, stages 4 and 5, and "Where return
// is not possible").
import { sql } from "drizzle-orm";
import { date, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { user } from "./auth.ts";
import { childCase } from "./case.ts";

export const planKinds = ["reunification", "alternative_permanence", "contact", "support"] as const;
export type PlanKind = (typeof planKinds)[number];

export const planStatuses = ["draft", "active", "ended"] as const;
export type PlanStatus = (typeof planStatuses)[number];

/** A point at which progress will be assessed (framework.md, "Parental agreements and plans"). */
export interface PlanReviewPoint {
  date: string;
  what: string;
}

/** The role of each professional and carer in the plan. */
export interface PlanRole {
  who: string;
  role: string;
}

export const plan = pgTable(
  "plan",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => childCase.id),
    kind: text("kind", { enum: planKinds }).notNull(),
    status: text("status", { enum: planStatuses }).notNull().default("draft"),
    timescale: text("timescale"),
    summary: text("summary").notNull(),
    reviewPoints: jsonb("review_points")
      .$type<PlanReviewPoint[]>()
      .notNull()
      .default(sql`'[]'::jsonb`),
    roles: jsonb("roles").$type<PlanRole[]>().notNull().default(sql`'[]'::jsonb`),
    /**
     * The plan in plain words for the family; where return is not possible, the decision
     * explained with the positives as well as what is still needed (framework.md).
     */
    familyExplanation: text("family_explanation"),
    activatedAt: timestamp("activated_at", { withTimezone: true }),
    activatedBy: text("activated_by").references(() => user.id),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("plan_case_idx").on(t.caseId)],
);

export const planServiceStatuses = ["planned", "started", "delivered", "stopped"] as const;
export type PlanServiceStatus = (typeof planServiceStatuses)[number];

export const planService = pgTable(
  "plan_service",
  {
    id: text("id").primaryKey(),
    planId: text("plan_id")
      .notNull()
      .references(() => plan.id),
    service: text("service").notNull(),
    provider: text("provider").notNull(),
    status: text("status", { enum: planServiceStatuses }).notNull().default("planned"),
    startDate: date("start_date"),
    endDate: date("end_date"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("plan_service_plan_idx").on(t.planId)],
);

/** A visit to monitor a return; services and visits step down gradually, never abruptly. */
export const monitoringVisit = pgTable(
  "monitoring_visit",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => childCase.id),
    scheduledFor: date("scheduled_for").notNull(),
    happenedOn: date("happened_on"),
    visitType: text("visit_type").notNull(),
    notes: text("notes"),
    /** Set when a return to care ends the monitoring: the visit will not take place. */
    cancelledOn: date("cancelled_on"),
    recordedBy: text("recorded_by").references(() => user.id),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("monitoring_visit_case_idx").on(t.caseId)],
);
