// Mail waiting to be (or already) delivered. In development this table is the outbox a
// developer reads; in production the SMTP transport records what it sent here too.
import { pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const mailMessage = pgTable("mail_message", {
  id: text("id").primaryKey(),
  to: text("to").notNull(),
  subject: text("subject").notNull(),
  text: text("text").notNull(),
  transport: text("transport").notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  sentAt: timestamp("sent_at", { withTimezone: true }),
});
