// CONFIDENTIAL. Names that must never reach particular family members: a new partner's name
// kept from the other parent, a relative in hiding, a carer's surname. Checked in the text
// of every entry before it is shared for review (issue 8, share blocking). Contact details
// need no table of their own: person_contact already says whom each row is hidden from.
import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp } from "drizzle-orm/pg-core";
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
  },
  (t) => [index("confidential_name_case_idx").on(t.caseId)],
);
