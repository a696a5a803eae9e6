// Who is calling the integration API: a host system's key id and secret, from an HTTP Basic
// or Bearer header, checked in constant time against the stored hash. Every refusal is
// written to the audit trail; so is every client made or revoked.
import { timingSafeEqual } from "node:crypto";
import type { SystemScope } from "@homeward/auth/policy";
import {
  authority,
  type Database,
  hashClientSecret,
  type IntegrationScope,
  integrationClient,
  integrationScopes,
  newClientCredentials,
  recordAudit,
} from "@homeward/db";
import { and, asc, eq, isNull } from "drizzle-orm";
import { NotFound } from "../context.ts";

export interface AuthenticatedClient {
  id: string;
  authorityId: string;
  name: string;
  keyId: string;
  scopes: readonly SystemScope[];
}

export type AuthenticationFailure = "NO_CREDENTIAL" | "MALFORMED" | "UNKNOWN_OR_WRONG" | "REVOKED";

export type Authentication =
  | { ok: true; client: AuthenticatedClient }
  | { ok: false; reason: AuthenticationFailure };

export const AUDIT_APP = "integration";

/** `Basic base64(keyId:secret)` or `Bearer keyId:secret`. */
export function parseCredential(
  header: string | undefined,
): { keyId: string; secret: string } | AuthenticationFailure {
  if (!header) return "NO_CREDENTIAL";
  const [scheme, value] = header.trim().split(/\s+/, 2);
  if (!scheme || !value) return "MALFORMED";
  let pair: string;
  if (scheme.toLowerCase() === "basic") {
    pair = Buffer.from(value, "base64").toString("utf8");
  } else if (scheme.toLowerCase() === "bearer") {
    pair = value;
  } else {
    return "MALFORMED";
  }
  const colon = pair.indexOf(":");
  if (colon < 1 || colon === pair.length - 1) return "MALFORMED";
  return { keyId: pair.slice(0, colon), secret: pair.slice(colon + 1) };
}

// Compared when the key id is unknown, so an unknown id costs what a wrong secret does.
const decoyHash = hashClientSecret("homeward-decoy-secret");

function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && timingSafeEqual(left, right);
}

export async function authenticate(
  db: Database,
  header: string | undefined,
  now: Date,
): Promise<Authentication> {
  const parsed = parseCredential(header);
  if (typeof parsed === "string") return refuse(db, parsed, null, null);
  const [row] = await db
    .select()
    .from(integrationClient)
    .where(eq(integrationClient.keyId, parsed.keyId))
    .limit(1);
  const matches = sameHash(hashClientSecret(parsed.secret), row?.secretHash ?? decoyHash);
  if (!row || !matches) return refuse(db, "UNKNOWN_OR_WRONG", row?.id ?? null, parsed.keyId);
  if (row.revokedAt && row.revokedAt <= now) return refuse(db, "REVOKED", row.id, row.keyId);
  await db
    .update(integrationClient)
    .set({ lastUsedAt: now })
    .where(eq(integrationClient.id, row.id));
  return {
    ok: true,
    client: {
      id: row.id,
      authorityId: row.authorityId,
      name: row.name,
      keyId: row.keyId,
      scopes: row.scopes,
    },
  };
}

async function refuse(
  db: Database,
  reason: AuthenticationFailure,
  clientId: string | null,
  keyId: string | null,
): Promise<Authentication> {
  // A request with no credential at all is not an attempt on anything: not audited.
  if (reason !== "NO_CREDENTIAL") {
    // Not the client as actor: whoever sent a wrong secret has not shown they are it.
    await recordAudit(db, {
      actorUserId: null,
      app: AUDIT_APP,
      action: "authenticate",
      resourceType: "integration_client",
      resourceId: clientId,
      caseId: null,
      outcome: "denied",
      detail: { reason, keyId },
    });
  }
  return { ok: false, reason };
}

// ---------------------------------------------------------------------------------------
// Making and revoking clients (the command-line script; an admin screen later)

export function isScope(value: string): value is IntegrationScope {
  return (integrationScopes as readonly string[]).includes(value);
}

export interface NewClient {
  id: string;
  keyId: string;
  /** Shown once: only its hash is kept. */
  secret: string;
}

export async function createClient(
  db: Database,
  input: { authorityId: string; name: string; scopes: readonly IntegrationScope[]; by: string },
): Promise<NewClient> {
  const [found] = await db
    .select({ id: authority.id })
    .from(authority)
    .where(eq(authority.id, input.authorityId));
  if (!found) throw new NotFound(`authority ${input.authorityId}`);
  const { keyId, secret } = newClientCredentials();
  const id = `integration-${crypto.randomUUID()}`;
  await db.transaction(async (tx) => {
    await tx.insert(integrationClient).values({
      id,
      authorityId: input.authorityId,
      name: input.name,
      keyId,
      secretHash: hashClientSecret(secret),
      scopes: [...new Set(input.scopes)],
    });
    await recordAudit(tx, {
      actorUserId: null,
      app: AUDIT_APP,
      action: "create",
      resourceType: "integration_client",
      resourceId: id,
      caseId: null,
      outcome: "allowed",
      detail: { by: input.by, name: input.name, scopes: input.scopes, keyId },
    });
  });
  return { id, keyId, secret };
}

/** Revokes by client id or key id; true when a live client was revoked. */
export async function revokeClient(
  db: Database,
  idOrKeyId: string,
  by: string,
  now: Date,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(integrationClient)
      .set({ revokedAt: now })
      .where(
        and(
          isNull(integrationClient.revokedAt),
          idOrKeyId.startsWith("hwk_")
            ? eq(integrationClient.keyId, idOrKeyId)
            : eq(integrationClient.id, idOrKeyId),
        ),
      )
      .returning({ id: integrationClient.id });
    for (const { id } of revoked) {
      await recordAudit(tx, {
        actorUserId: null,
        app: AUDIT_APP,
        action: "revoke",
        resourceType: "integration_client",
        resourceId: id,
        caseId: null,
        outcome: "allowed",
        detail: { by },
      });
    }
    return revoked.length > 0;
  });
}

export async function listClients(db: Database) {
  return db
    .select({
      id: integrationClient.id,
      authorityId: integrationClient.authorityId,
      name: integrationClient.name,
      keyId: integrationClient.keyId,
      scopes: integrationClient.scopes,
      createdAt: integrationClient.createdAt,
      revokedAt: integrationClient.revokedAt,
      lastUsedAt: integrationClient.lastUsedAt,
    })
    .from(integrationClient)
    .orderBy(asc(integrationClient.createdAt));
}
