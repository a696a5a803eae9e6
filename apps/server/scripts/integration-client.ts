// Makes, lists and revokes integration clients (host case-management systems) on the same
// database the server uses (the environment's DATABASE_URL, or the PGlite folder; stop the
// server first when it uses PGlite: one process per folder). The secret is printed once.
//
//   node apps/server/scripts/integration-client.ts create --name "Case system" \
//     --authority authority-demo --scopes read:classification,read:entries
//   node apps/server/scripts/integration-client.ts list
//   node apps/server/scripts/integration-client.ts revoke <client id or key id>
import { parseArgs } from "node:util";
import { integrationScopes, openDatabase } from "@homeward/db";
import {
  createClient,
  isScope,
  listClients,
  revokeClient,
} from "@homeward/services/integration/credentials";
import { loadConfig } from "../src/env.ts";

const usage = `usage:
  integration-client.ts create --name <name> --authority <authority id> [--scopes a,b,...]
  integration-client.ts list
  integration-client.ts revoke <client id or key id>
scopes: ${integrationScopes.join(", ")} (default: all)`;

async function main() {
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    options: {
      name: { type: "string" },
      authority: { type: "string" },
      scopes: { type: "string" },
    },
  });
  const [command, target] = positionals;
  const config = loadConfig();
  const database = await openDatabase({
    url: config.databaseUrl,
    dataDir: config.pgliteDir,
    holder: `integration-client script (pid ${process.pid})`,
  });
  const by = `script:${process.env.USER ?? "unknown"}`;
  try {
    await database.migrate();
    switch (command) {
      case "create": {
        if (!values.name || !values.authority) throw new Error(usage);
        const scopes = values.scopes
          ? values.scopes.split(",").map((s) => s.trim())
          : [...integrationScopes];
        const unknown = scopes.filter((s) => !isScope(s));
        if (unknown.length > 0) throw new Error(`Unknown scopes: ${unknown.join(", ")}\n${usage}`);
        const made = await createClient(database.db, {
          authorityId: values.authority,
          name: values.name,
          scopes: scopes.filter(isScope),
          by,
        });
        console.log(
          [
            `Client ${made.id} created.`,
            `  key id: ${made.keyId}`,
            `  secret: ${made.secret}`,
            "The secret is shown only now: store it in the host system's secret store.",
          ].join("\n"),
        );
        break;
      }
      case "list":
        for (const client of await listClients(database.db)) {
          const state = client.revokedAt ? `revoked ${client.revokedAt.toISOString()}` : "active";
          console.log(
            `${client.id}  ${client.keyId}  ${client.authorityId}  ${state}  "${client.name}"  ${client.scopes.join(",")}`,
          );
        }
        break;
      case "revoke": {
        if (!target) throw new Error(usage);
        const revoked = await revokeClient(database.db, target, by, new Date());
        console.log(revoked ? `Revoked ${target}.` : `No active client ${target}.`);
        if (!revoked) process.exitCode = 1;
        break;
      }
      default:
        throw new Error(usage);
    }
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
