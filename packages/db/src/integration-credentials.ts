// Credentials for host systems (issue 7, part 5). The secret is 256 random bits, so a plain
// SHA-256 is enough to store it: a slow hash (scrypt) protects guessable passwords and
// would only cost time on every API call (docs/decisions/010-integration-api.md).
import { createHash, randomBytes } from "node:crypto";

/** What is stored in place of the secret. */
export function hashClientSecret(secret: string): string {
  return createHash("sha256").update(secret, "utf8").digest("hex");
}

/** A fresh key id (public, names the client) and secret (shown once, then only its hash). */
export function newClientCredentials(): { keyId: string; secret: string } {
  return {
    keyId: `hwk_${randomBytes(9).toString("base64url")}`,
    secret: `hws_${randomBytes(32).toString("base64url")}`,
  };
}
