// The child's case and who holds a role on it. The rest of the record hangs off `case`:
// people.ts, placement.ts, record-entries.ts, assessment.ts, agreements.ts, views.ts,
// meetings.ts and plans.ts (issue 4, "The case record").
import { CASE_STEPS } from "@homeward/rules";
import {
  type AnyPgColumn,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
} from "drizzle-orm/pg-core";
import { user } from "./auth.ts";
import { authority, team } from "./organisation.ts";
import { casePerson } from "./people.ts";

// The steps of the framework, as @homeward/rules names them.
export const caseStages = CASE_STEPS;
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
    // Returns and re-entries are counted so an authority can see how many returns hold:
    // framework.md, "What authorities lacked".
    returnedHomeOn: date("returned_home_on"),
    reEnteredCareOn: date("re_entered_care_on"),
    closedOn: date("closed_on"),
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

/** What an advocate or interpreter may do for the member they act for. */
export const memberPermissions = ["read", "respond", "views"] as const;
export type MemberPermission = (typeof memberPermissions)[number];

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
    /** The person on the case this account is; null for advocates, interpreters and staff. */
    personId: text("person_id").references((): AnyPgColumn => casePerson.id),
    // An advocate or interpreter acts only with the person's recorded consent (issue 4).
    consentRecordedAt: timestamp("consent_recorded_at", { withTimezone: true }),
    consentRecordedBy: text("consent_recorded_by").references(() => user.id),
    /** Who invited or assigned this member (a user id: the parent, or the practitioner). */
    grantedBy: text("granted_by").references(() => user.id),
    /** For an advocate or interpreter: what they may do; null for everyone else. */
    permissions: text("permissions", { enum: memberPermissions }).array(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("case_member_user_idx").on(t.userId),
    index("case_member_case_idx").on(t.caseId),
    index("case_member_person_idx").on(t.personId),
  ],
);
