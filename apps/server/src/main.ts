// `./homeward start` ends here: both apps, the embedded database, demo data.
import "./node-env.ts";
import {
  demoAccounts,
  demoIntegrationClient,
  demoPassword,
  demoTotpSecret,
  FolderLockedError,
} from "@homeward/db";
import { demoTotp } from "./demo-totp.ts";
import { loadConfig } from "./env.ts";
import { startHost } from "./host.ts";

async function main() {
  const config = loadConfig();
  const host = await startHost(config);
  const lines = [
    "",
    "Homeward is running.",
    `  Family portal:      ${host.urls.portal}`,
    `  Practitioner app:   ${host.urls.practitioner}`,
    `  Database:           ${host.database.kind === "pglite" ? `PGlite in ${config.pgliteDir}` : "PostgreSQL (DATABASE_URL)"}`,
  ];
  if (config.seedDemo) {
    lines.push(
      "",
      `Demo accounts (password for all: ${demoPassword})`,
      ...demoAccounts.map(
        (a) =>
          `  ${a.email.padEnd(34)} ${a.kind === "family" ? "portal      " : "practitioner"}  ${a.roleLabel}`,
      ),
      "",
      "Family members get a sign-in code by email: read it in this terminal or at",
      `  ${host.urls.portal}/dev/outbox`,
      "Practitioners need a TOTP code. Add this secret to an authenticator app:",
      `  ${demoTotp(demoTotpSecret, "demo").secret.base32}`,
      `  (or print the current code with: ./homeward totp)`,
      "Integration API (host case-management systems): /api/v1 on the practitioner port,",
      `  described at ${host.urls.practitioner}/api/v1/openapi.json. Demo client:`,
      `  key id ${demoIntegrationClient.keyId}, secret ${demoIntegrationClient.secret}`,
    );
  }
  console.log(lines.join("\n"));

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal} received: closing the database and stopping.`);
    await host.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
}

main().catch((error: unknown) => {
  if (error instanceof FolderLockedError) {
    console.error(error.message);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
