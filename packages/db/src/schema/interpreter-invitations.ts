// Inviting a new interpreter (issue 8, "Interpreters"): the allocated social worker invites
// someone without an account by email, for a person, a language and a period, with the
// person's consent recorded. Accepting creates the interpreter's case_member row (case.ts),
// exactly as assigning an existing account does. Like an advocate's invitation, only a hash
// of the emailed token is kept.
import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { user } from "./auth.ts";
import { caseMember, childCase } from "./case.ts";

export const interpreterInvitation = pgTable(
  "interpreter_invitation",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => childCase.id),
    /** The membership of the person the interpreter will interpret for. */
    forMemberId: text("for_member_id")
      .notNull()
      .references(() => caseMember.id),
    /** Lower-cased: the account that accepts must have this address. */
    email: text("email").notNull(),
    /** The language interpreted (a family language code). */
    language: text("language").notNull(),
    /** The language the invitation email was written in (the account starts in it). */
    mailLanguage: text("mail_language").notNull(),
    /** The assignment's period: it applies however late the invitation is accepted. */
    activeFrom: timestamp("active_from", { withTimezone: true }).notNull(),
    activeUntil: timestamp("active_until", { withTimezone: true }).notNull(),
    /** SHA-256 of the emailed token, hex. */
    tokenHash: text("token_hash").notNull().unique(),
    invitedByUserId: text("invited_by_user_id")
      .notNull()
      .references(() => user.id),
    /** When the social worker recorded the person's consent (on inviting). */
    consentRecordedAt: timestamp("consent_recorded_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedUserId: text("accepted_user_id").references(() => user.id),
    /** The case_member row accepting created. */
    acceptedMemberId: text("accepted_member_id").references(() => caseMember.id),
    withdrawnAt: timestamp("withdrawn_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    index("interpreter_invitation_case_idx").on(t.caseId),
    index("interpreter_invitation_member_idx").on(t.forMemberId),
  ],
);
