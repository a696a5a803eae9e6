// The integration API's side of the database (issue 7, part 5): one credential per host
// case-management system, and the answers to its writes kept for replay, so a retried write
// (a lost response, a network timeout) is applied once. See docs/integration-api.md.
import {
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { authority } from "./organisation.ts";

/**
 * What a system may be granted. The policy (packages/auth/src/policy.ts, `SystemScope`) says
 * what each allows; a test checks the two lists are the same.
 */
export const integrationScopes = [
  "read:classification",
  "read:agreement",
  "read:entries",
  "read:entries_not_for_family",
  "write:people",
  "write:legal_status",
  "write:placement",
  "read:contacts",
] as const;
export type IntegrationScope = (typeof integrationScopes)[number];

/**
 * A host system's credential: a public key id and the SHA-256 of a random 256-bit secret
 * (never the secret itself; it is shown once, when the client is made). Revoking keeps the
 * row, so the audit trail can still name the system.
 */
export const integrationClient = pgTable(
  "integration_client",
  {
    id: text("id").primaryKey(),
    authorityId: text("authority_id")
      .notNull()
      .references(() => authority.id),
    name: text("name").notNull(),
    keyId: text("key_id").notNull(),
    secretHash: text("secret_hash").notNull(),
    scopes: text("scopes", { enum: integrationScopes }).array().notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("integration_client_key_id_unique").on(t.keyId),
    index("integration_client_authority_idx").on(t.authorityId),
  ],
);

/**
 * A write the system sent with an `Idempotency-Key`, and the answer it got. The same key with
 * the same request gets the same answer again; with a different request, a 422.
 */
export const integrationRequest = pgTable(
  "integration_request",
  {
    clientId: text("client_id")
      .notNull()
      .references(() => integrationClient.id),
    idempotencyKey: text("idempotency_key").notNull(),
    /** SHA-256 of method, path and body: what the key was first used for. */
    requestHash: text("request_hash").notNull(),
    status: integer("status").notNull(),
    body: jsonb("body").notNull(),
    etag: text("etag"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.idempotencyKey] })],
);
