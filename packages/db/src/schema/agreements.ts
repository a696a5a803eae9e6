// Parental agreements: the risk and protective factors, each change needed as a SMART goal,
// the support the authority promised, progress and evidence (parents add theirs too), and
// acknowledgements (framework.md, "Parental agreements and plans"; issue 4).
import { sql } from "drizzle-orm";
import { date, index, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { user } from "./auth.ts";
import { caseMember, childCase } from "./case.ts";

export const agreementStatuses = ["draft", "published", "ended"] as const;
export type AgreementStatus = (typeof agreementStatuses)[number];

export const parentalAgreement = pgTable(
  "parental_agreement",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => childCase.id),
    title: text("title").notNull(),
    status: text("status", { enum: agreementStatuses }).notNull().default("draft"),
    riskFactorsSummary: text("risk_factors_summary").notNull(),
    protectiveFactorsSummary: text("protective_factors_summary").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    publishedBy: text("published_by").references(() => user.id),
    reviewDate: date("review_date"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("parental_agreement_case_idx").on(t.caseId)],
);

/** The family members an agreement is with. */
export const agreementParty = pgTable(
  "agreement_party",
  {
    agreementId: text("agreement_id")
      .notNull()
      .references(() => parentalAgreement.id),
    memberId: text("member_id")
      .notNull()
      .references(() => caseMember.id),
  },
  (t) => [
    primaryKey({ columns: [t.agreementId, t.memberId] }),
    index("agreement_party_member_idx").on(t.memberId),
  ],
);

export const goalStatuses = ["not_started", "in_progress", "achieved", "not_achieved"] as const;
export type AgreementGoalStatus = (typeof goalStatuses)[number];

/** One change needed, with every SMART part written plainly (rules: `missingGoalParts`). */
export const agreementGoal = pgTable(
  "agreement_goal",
  {
    id: text("id").primaryKey(),
    agreementId: text("agreement_id")
      .notNull()
      .references(() => parentalAgreement.id),
    /** Catalogue ids from @homeward/rules that this goal addresses. */
    factorIds: text("factor_ids").array().notNull().default(sql`'{}'::text[]`),
    changeNeeded: text("change_needed").notNull(),
    measure: text("measure").notNull(),
    evidenceExpected: text("evidence_expected").notNull(),
    dueDate: date("due_date").notNull(),
    supportOffered: text("support_offered").notNull(),
    consequence: text("consequence").notNull(),
    status: text("status", { enum: goalStatuses }).notNull().default("not_started"),
    sortOrder: integer("sort_order").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("agreement_goal_agreement_idx").on(t.agreementId)],
);

/** A note of progress on a goal. Append-only; a family member's note names their member. */
export const goalProgress = pgTable(
  "goal_progress",
  {
    id: text("id").primaryKey(),
    goalId: text("goal_id")
      .notNull()
      .references(() => agreementGoal.id),
    authorUserId: text("author_user_id")
      .notNull()
      .references(() => user.id),
    /** Set when a family member (or their advocate or interpreter) wrote it. */
    authorMemberId: text("author_member_id").references(() => caseMember.id),
    onBehalfOfMemberId: text("on_behalf_of_member_id").references(() => caseMember.id),
    note: text("note").notNull(),
    evidence: text("evidence"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("goal_progress_goal_idx").on(t.goalId)],
);

export const supportStatuses = ["planned", "started", "delivered", "not_delivered"] as const;
export type SupportStatus = (typeof supportStatuses)[number];

/**
 * Support the authority promised. A family member can flag a promise not kept: support
 * plans came apart at the moment of return (framework.md, "What authorities lacked").
 */
export const agreementSupport = pgTable(
  "agreement_support",
  {
    id: text("id").primaryKey(),
    agreementId: text("agreement_id")
      .notNull()
      .references(() => parentalAgreement.id),
    service: text("service").notNull(),
    provider: text("provider").notNull(),
    startDate: date("start_date"),
    status: text("status", { enum: supportStatuses }).notNull().default("planned"),
    familyFlaggedAt: timestamp("family_flagged_at", { withTimezone: true }),
    familyFlaggedBy: text("family_flagged_by").references(() => caseMember.id),
    familyFlagNote: text("family_flag_note"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("agreement_support_agreement_idx").on(t.agreementId)],
);

/** A family member confirming they have read a version of the agreement. */
export const agreementAcknowledgement = pgTable(
  "agreement_acknowledgement",
  {
    id: text("id").primaryKey(),
    agreementId: text("agreement_id")
      .notNull()
      .references(() => parentalAgreement.id),
    memberId: text("member_id")
      .notNull()
      .references(() => caseMember.id),
    /** The agreement's `version` the member read. */
    agreementVersion: integer("agreement_version").notNull(),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("agreement_acknowledgement_agreement_idx").on(t.agreementId)],
);
