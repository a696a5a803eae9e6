// Issue 7, practitioner app II: what the return home and the agreement builder keep beside
// their own tables, add-only.
// - Every return home is its own record: a child can go home, come back into care and go
//   home again (a third of children in the studies had two or more failed returns:
//   framework.md, "Why it exists"). child_case.returned_home_on / re_entered_care_on stay
//   for compatibility and hold the latest return.
// - An agreement that ends keeps its reason and date; a review date added by mistake is
//   removed softly (who, when, why), never deleted: records are never destroyed.
import { date, index, integer, pgTable, text, timestamp, unique } from "drizzle-orm/pg-core";
import { parentalAgreement } from "./agreements.ts";
import { user } from "./auth.ts";
import { childCase } from "./case.ts";

/** One return home, from the day the child went home to the day they came back into care. */
export const returnHomeEpisode = pgTable(
  "return_home_episode",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => childCase.id),
    returnedOn: date("returned_on").notNull(),
    /** The level the child went home at (it sets the visits that step down). */
    riskLevel: text("risk_level"),
    /** The signed-off Decision 3 the return rested on. */
    decisionId: text("decision_id"),
    /** Set when the return broke down and the child came back into care. */
    reEnteredCareOn: date("re_entered_care_on"),
    /** Null for a return recorded before the history was kept (copied from child_case). */
    recordedBy: text("recorded_by").references(() => user.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    endedBy: text("ended_by").references(() => user.id),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("return_home_episode_case_idx").on(t.caseId)],
);

/** Why and when an agreement ended; the agreement itself keeps status "ended". */
export const agreementEnding = pgTable(
  "agreement_ending",
  {
    id: text("id").primaryKey(),
    agreementId: text("agreement_id")
      .notNull()
      .references(() => parentalAgreement.id),
    endedOn: date("ended_on").notNull(),
    reason: text("reason").notNull(),
    /** The agreement's version the ending made. */
    agreementVersion: integer("agreement_version").notNull(),
    endedBy: text("ended_by")
      .notNull()
      .references(() => user.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("agreement_ending_agreement_unique").on(t.agreementId)],
);

/**
 * A review date taken off an agreement. `reviewDateId` is an agreement_review_date id, or
 * "agreement:<id>" for the single date agreements kept before the builder (no foreign key).
 */
export const agreementReviewDateRemoval = pgTable(
  "agreement_review_date_removal",
  {
    id: text("id").primaryKey(),
    agreementId: text("agreement_id")
      .notNull()
      .references(() => parentalAgreement.id),
    reviewDateId: text("review_date_id").notNull(),
    reviewDate: date("review_date").notNull(),
    reason: text("reason"),
    agreementVersion: integer("agreement_version").notNull(),
    removedBy: text("removed_by")
      .notNull()
      .references(() => user.id),
    removedAt: timestamp("removed_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    unique("agreement_review_date_removal_unique").on(t.reviewDateId),
    index("agreement_review_date_removal_agreement_idx").on(t.agreementId),
  ],
);
