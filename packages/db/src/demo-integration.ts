// The demo's host case-management system: one integration client for the demo authority with
// every scope, its secret printed at start like the practitioners' TOTP secret. Demo only:
// the secret is public, so it must never exist outside a demo database.
import type { Database } from "./client.ts";
import { hashClientSecret } from "./integration-credentials.ts";
import {
  type IntegrationScope,
  integrationClient,
  integrationScopes,
} from "./schema/integration.ts";

export const demoIntegrationClient = {
  id: "integration-demo-case-system",
  authorityId: "authority-demo",
  name: "Demo Borough case-management system",
  keyId: "hwk_demo_case_system",
  secret: "hws_demo-integration-secret-not-for-production-000001",
  scopes: [...integrationScopes] as IntegrationScope[],
} as const;

export async function seedDemoIntegration(db: Pick<Database, "insert">): Promise<void> {
  const { secret, ...row } = demoIntegrationClient;
  await db.insert(integrationClient).values({ ...row, secretHash: hashClientSecret(secret) });
}
