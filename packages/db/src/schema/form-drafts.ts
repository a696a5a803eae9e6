// Text someone is still writing, kept on the server as they type (issue 6: "autosave of every
// long text - nothing lost on a time-out or a dropped connection"). A draft belongs to one
// person and one form; nobody else ever reads it. Saving the form clears it. Records that
// have their own draft state (a chronology entry, a family response) keep using that.
import { index, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { user } from "./auth.ts";
import { childCase } from "./case.ts";

export const formDraft = pgTable(
  "form_draft",
  {
    userId: text("user_id")
      .notNull()
      .references(() => user.id),
    /** Which form, e.g. `decision:new` or `factor:<factorId>`; unique per case and person. */
    formKey: text("form_key").notNull(),
    caseId: text("case_id")
      .notNull()
      .references(() => childCase.id),
    /** The fields typed so far, by name. */
    fields: jsonb("fields").$type<Record<string, string>>().notNull(),
    /** The version of the record the text was typed against, when it edits one. */
    base: text("base"),
    /**
     * Set when the form was saved: the base it was saved on. An autosave still in flight
     * from before the save arrives with that same base and is ignored, not revived.
     */
    submittedBase: text("submitted_base"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.caseId, t.formKey] }),
    index("form_draft_case_idx").on(t.caseId),
  ],
);
