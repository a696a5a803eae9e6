// Inviting an advocate (issue 8, "Advocates"). A parent or young person - or their social
// worker, with the person's consent recorded - invites someone by email; accepting creates
// the advocate's case_member row (case.ts), which is what the policy reads from then on.
// Only a hash of the emailed token is kept, so a copy of the database cannot accept one.
import { index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { user } from "./auth.ts";
import { caseMember, childCase, memberPermissions } from "./case.ts";

/** How a person gave consent to an advocate a practitioner arranged. */
export const consentMethods = ["in_person", "phone", "in_writing"] as const;
export type ConsentMethod = (typeof consentMethods)[number];

export const advocateInvitation = pgTable(
  "advocate_invitation",
  {
    id: text("id").primaryKey(),
    caseId: text("case_id")
      .notNull()
      .references(() => childCase.id),
    /** The membership of the person the advocate will act for. */
    forMemberId: text("for_member_id")
      .notNull()
      .references(() => caseMember.id),
    /** Lower-cased: the account that accepts must have this address. */
    email: text("email").notNull(),
    permissions: text("permissions", { enum: memberPermissions }).array().notNull(),
    /** The advocate's access ends here (required: nobody helps for ever by default). */
    activeUntil: timestamp("active_until", { withTimezone: true }).notNull(),
    /** SHA-256 of the emailed token, hex. */
    tokenHash: text("token_hash").notNull().unique(),
    invitedByUserId: text("invited_by_user_id")
      .notNull()
      .references(() => user.id),
    /** A practitioner's arrangement: when the person consented, and how. */
    consentGivenAt: timestamp("consent_given_at", { withTimezone: true }),
    consentMethod: text("consent_method", { enum: consentMethods }),
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
    index("advocate_invitation_case_idx").on(t.caseId),
    index("advocate_invitation_member_idx").on(t.forMemberId),
  ],
);
