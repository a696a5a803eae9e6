// What the practitioners' agreement builder keeps beside the agreement itself (issue 7):
// a copy of every version of the agreement's terms, so what a family member acknowledged
// can always be shown again after later changes (records are never destroyed: changes
// create versions), and the dates at which progress will be reviewed (framework.md,
// "Parental agreements and plans": "the points at which progress will be assessed").
import {
  boolean,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
} from "drizzle-orm/pg-core";
import { parentalAgreement } from "./agreements.ts";
import { user } from "./auth.ts";

/** The agreement's terms (title, summaries, parties, goals, support, reviews) at one version. */
export const agreementVersionSnapshot = pgTable(
  "agreement_version_snapshot",
  {
    id: text("id").primaryKey(),
    agreementId: text("agreement_id")
      .notNull()
      .references(() => parentalAgreement.id),
    /**
     * The agreement's `version` these terms belong to (not a row version: snapshots are
     * written once and never edited, so the property says whose version it is).
     */
    agreementVersion: integer("version").notNull(),
    /** Published to the family at this version (acknowledgements refer to these). */
    published: boolean("published").notNull().default(false),
    terms: jsonb("terms").notNull(),
    createdBy: text("created_by")
      .notNull()
      .references(() => user.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [unique("agreement_version_snapshot_unique").on(t.agreementId, t.agreementVersion)],
);

/** A date on which progress against the agreement will be reviewed. */
export const agreementReviewDate = pgTable(
  "agreement_review_date",
  {
    id: text("id").primaryKey(),
    agreementId: text("agreement_id")
      .notNull()
      .references(() => parentalAgreement.id),
    reviewDate: date("review_date").notNull(),
    /** Set when the review took place; a review is never deleted. */
    heldOn: date("held_on"),
    createdBy: text("created_by")
      .notNull()
      .references(() => user.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("agreement_review_date_agreement_idx").on(t.agreementId)],
);
