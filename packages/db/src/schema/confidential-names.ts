// CONFIDENTIAL. Names that must never reach particular family members: a new partner's name
// kept from the other parent, a relative in hiding, a carer's surname. Checked in the text
// of every entry before it is shared for review (issue 8, share blocking). Contact details
// need no table of their own: person_contact already says whom each row is hidden from.
import { sql } from "drizzle-orm";
import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { user } from "./auth.ts";
import { childCase } from "./case.ts";

export const confidentialName = pgTable(
  "confidential_name",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => childCase.id),
    name: text("name").notNull(),
    /** Who this person is to the case, for the practitioner (e.g. "Daniel's partner"). */
    description: text("description"),
    /** The case_person ids who must never see this name. */
    hiddenFromPersonIds: text("hidden_from_person_ids")
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdBy: text("created_by").references(() => user.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    // Edited on the case's confidential details page (confidential-details.ts): a name is
    // changed with optimistic concurrency and retired, never deleted; an ended name no longer
    // blocks a share.
    version: integer("version").notNull().default(1),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedBy: text("ended_by").references(() => user.id),
  },
  (t) => [index("confidential_name_case_idx").on(t.caseId)],
);
