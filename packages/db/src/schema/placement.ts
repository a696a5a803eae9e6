// CONFIDENTIAL: where the child lives and who cares for them. Never sent to a family
// member's browser (issue 4, "confidential fields").
import { date, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { childCase } from "./case.ts";

export const placement = pgTable(
  "placement",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => childCase.id),
    carerNames: text("carer_names").notNull(),
    address: text("address").notNull(),
    phone: text("phone"),
    startDate: date("start_date").notNull(),
    endDate: date("end_date"),
    version: integer("version").notNull().default(1),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("placement_case_idx").on(t.caseId)],
);
