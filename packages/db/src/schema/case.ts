// The child's case and the people on it. Issue "case record" grows this into the full record.
import { date, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { user } from "./auth.ts";
import { authority, team } from "./organisation.ts";

export const caseStages = [
  "initial_assessment",
  "risk_classification",
  "parental_agreement",
  "reclassification",
  "return_home",
  "permanence",
  "closed",
] as const;
export type CaseStage = (typeof caseStages)[number];

export const riskLevels = ["low", "medium", "high", "severe"] as const;

export const childCase = pgTable(
  "case",
  {
    id: text("id").primaryKey(),
    authorityId: text("authority_id")
      .notNull()
      .references(() => authority.id),
    teamId: text("team_id")
      .notNull()
      .references(() => team.id),
    reference: text("reference").notNull().unique(),
    childName: text("child_name").notNull(),
    childDateOfBirth: date("child_date_of_birth").notNull(),
    legalStatus: text("legal_status").notNull(),
    stage: text("stage", { enum: caseStages }).notNull(),
    riskLevel: text("risk_level", { enum: riskLevels }),
    riskLevelSince: date("risk_level_since"),
    // Optimistic concurrency: every update must name the version it read.
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("case_team_idx").on(t.teamId)],
);

export const caseRoles = [
  "parent",
  "carer",
  "young_person",
  "advocate",
  "interpreter",
  "social_worker",
  "co_worker",
  "chronologist",
  "team_manager",
  "iro",
] as const;
export type CaseRole = (typeof caseRoles)[number];

/** A user's role on one case. Advocates and interpreters act for one named member, for a period. */
export const caseMember = pgTable(
  "case_member",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => childCase.id),
    userId: text("user_id")
      .notNull()
      .references(() => user.id),
    role: text("role", { enum: caseRoles }).notNull(),
    relationship: text("relationship"),
    actingForMemberId: text("acting_for_member_id"),
    language: text("language"),
    activeFrom: timestamp("active_from", { withTimezone: true }).notNull().defaultNow(),
    activeUntil: timestamp("active_until", { withTimezone: true }),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("case_member_user_idx").on(t.userId), index("case_member_case_idx").on(t.caseId)],
);
