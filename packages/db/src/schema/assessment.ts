// Assessment and judgement: factor assessments against the @homeward/rules catalogue,
// evidence of capacity to change, risk reviews with two independent classifications and
// their agreed result, and decisions with reasons (framework.md, stages 1, 2 and 4; the
// Leeds decision points).
import type { RiskFactorState } from "@homeward/rules";
import {
  boolean,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { user } from "./auth.ts";
import { childCase, riskLevels } from "./case.ts";
import { casePerson } from "./people.ts";

/** One factor of the catalogue (`FACTORS` in @homeward/rules), assessed on one case. */
export const factorAssessment = pgTable(
  "factor_assessment",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => childCase.id),
    /** A catalogue id from @homeward/rules; checked by `isFactorId` before it is written. */
    factorId: text("factor_id").notNull(),
    present: boolean("present").notNull(),
    severity: text("severity"),
    notes: text("notes"),
    evidence: text("evidence"),
    assessedBy: text("assessed_by")
      .notNull()
      .references(() => user.id),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("factor_assessment_case_factor_unique").on(t.caseId, t.factorId)],
);

/** Evidence for or against a parent's capacity for actual, sustained change. */
export const capacityEvidence = pgTable(
  "capacity_evidence",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => childCase.id),
    personId: text("person_id").references(() => casePerson.id),
    summary: text("summary").notNull(),
    evidence: text("evidence"),
    demonstratesChange: boolean("demonstrates_change").notNull(),
    recordedBy: text("recorded_by")
      .notNull()
      .references(() => user.id),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("capacity_evidence_case_idx").on(t.caseId)],
);

/** Where in the framework a risk review falls (the Leeds sequence, then later reviews). */
export const riskReviewPoints = [
  "classification_1",
  "classification_2",
  "classification_3",
  "review",
] as const;
export type RiskReviewPoint = (typeof riskReviewPoints)[number];

/** open: classifying independently; conferring: both submitted, they differ; agreed. */
export const riskReviewStatuses = ["open", "conferring", "agreed"] as const;
export type RiskReviewStatus = (typeof riskReviewStatuses)[number];

/** The first input of the traffic-lights table, as `RiskEvidence.riskFactors` names it. */
export const riskFactorStates = [
  "none",
  "being_addressed",
  "not_addressed",
] as const satisfies readonly RiskFactorState[];

export const riskReview = pgTable(
  "risk_review",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => childCase.id),
    reviewDate: date("review_date").notNull(),
    point: text("point", { enum: riskReviewPoints }).notNull(),
    status: text("status", { enum: riskReviewStatuses }).notNull().default("open"),
    // The agreed classification, once the two practitioners have conferred.
    agreedRiskFactors: text("agreed_risk_factors", { enum: riskFactorStates }),
    agreedProtectiveFactors: boolean("agreed_protective_factors"),
    agreedCapacityToChange: boolean("agreed_capacity_to_change"),
    agreedLevel: text("agreed_level", { enum: riskLevels }),
    agreedRationale: text("agreed_rationale"),
    agreedBy: text("agreed_by").references(() => user.id),
    agreedAt: timestamp("agreed_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("risk_review_case_idx").on(t.caseId)],
);

/**
 * One practitioner's independent classification. Hidden from the other practitioner until
 * both are submitted (issue 4); a null `submittedAt` is a draft.
 */
export const riskClassification = pgTable(
  "risk_classification",
  {
    id: text("id").primaryKey(),
    reviewId: text("review_id")
      .notNull()
      .references(() => riskReview.id),
    practitionerUserId: text("practitioner_user_id")
      .notNull()
      .references(() => user.id),
    riskFactors: text("risk_factors", { enum: riskFactorStates }).notNull(),
    protectiveFactors: boolean("protective_factors").notNull(),
    capacityToChange: boolean("capacity_to_change").notNull(),
    level: text("level", { enum: riskLevels }).notNull(),
    rationale: text("rationale").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("risk_classification_review_practitioner_unique").on(t.reviewId, t.practitionerUserId),
  ],
);

/** The decision points: the Leeds sequence (framework.md) and the end of the case. */
export const decisionPoints = [
  "decision_1",
  "decision_2",
  "decision_3",
  "permanence_panel",
  "return_home",
  "case_closure",
] as const;
export type DecisionPoint = (typeof decisionPoints)[number];

/** A decision with its reasons; team managers sign decisions off (framework.md, Leeds). */
export const decision = pgTable(
  "decision",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => childCase.id),
    point: text("point", { enum: decisionPoints }).notNull(),
    outcome: text("outcome").notNull(),
    reasons: text("reasons").notNull(),
    /** The decision in plain words for the parents and child, with the positives too. */
    familyExplanation: text("family_explanation"),
    decidedBy: text("decided_by")
      .notNull()
      .references(() => user.id),
    decidedAt: timestamp("decided_at", { withTimezone: true }).notNull(),
    signedOffBy: text("signed_off_by").references(() => user.id),
    signedOffAt: timestamp("signed_off_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("decision_case_idx").on(t.caseId)],
);
