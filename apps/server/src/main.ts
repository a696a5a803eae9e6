// `./homeward start` ends here: both apps, the embedded database, demo data.
import "./node-env.ts";
import cluster from "node:cluster";
import {
  demoAccounts,
  demoIntegrationClient,
  demoPassword,
  demoTotpSecret,
  FolderLockedError,
} from "@homeward/db";
import { demoTotp } from "./demo-totp.ts";
import { type HostConfig, loadConfig } from "./env.ts";
import { startHost } from "./host.ts";

async function main() {
  const config = loadConfig();
  if (config.processes > 1) {
    await (cluster.isPrimary ? runPrimary(config) : runWorker(config));
    return;
  }
  const host = await startHost(config);
  printBanner(config, host.database.kind);
  stopOnSignal(() => host.stop());
}

/**
 * Several processes (PostgreSQL only): the primary sets the database up once, then starts one
 * worker per process; the workers share the two ports (the primary hands out connections)
 * and a worker that dies is replaced.
 */
async function runPrimary(config: HostConfig) {
  const setUp = await startHost(config, console.log, {
    setUp: true,
    serve: false,
    reminders: false,
  });
  await setUp.stop();
  let ready = 0;
  let stopping = false;
  const fork = (first: boolean) => {
    const worker = cluster.fork({ HOMEWARD_SENDS_REMINDERS: first ? "true" : "false" });
    worker.on("message", (message) => {
      if (message === "listening" && ++ready === config.processes) printBanner(config, "postgres");
    });
    worker.on("exit", (code) => {
      if (stopping) return;
      console.error(`A Homeward worker stopped (exit code ${code}); starting another.`);
      fork(first);
    });
  };
  for (let index = 0; index < config.processes; index++) fork(index === 0);
  // Stopping: each worker finishes its requests and closes its database handle; the primary
  // waits for all of them, so nothing is cut off mid-request.
  stopOnSignal(async () => {
    stopping = true;
    const workers = Object.values(cluster.workers ?? {}).filter((worker) => worker !== undefined);
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((done) => {
            if (worker.isDead()) return done();
            worker.once("exit", () => done());
            worker.process.kill("SIGTERM");
          }),
      ),
    );
  });
}

async function runWorker(config: HostConfig) {
  const host = await startHost(config, console.log, {
    setUp: false,
    serve: true,
    reminders: process.env.HOMEWARD_SENDS_REMINDERS === "true",
  });
  process.send?.("listening");
  stopOnSignal(() => host.stop(), { quiet: true });
}

function printBanner(config: HostConfig, database: "pglite" | "postgres") {
  const lines = [
    "",
    "Homeward is running.",
    `  Family portal:      ${config.portal.origin}`,
    `  Practitioner app:   ${config.practitioner.origin}`,
    `  Database:           ${database === "pglite" ? `PGlite in ${config.pgliteDir}` : "PostgreSQL (DATABASE_URL)"}`,
  ];
  if (config.processes > 1) lines.push(`  Processes:          ${config.processes}`);
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
      `  ${config.portal.origin}/dev/outbox`,
      "Practitioners need a TOTP code. Add this secret to an authenticator app:",
      `  ${demoTotp(demoTotpSecret, "demo").secret.base32}`,
      `  (or print the current code with: ./homeward totp)`,
      "Integration API (host case-management systems): /api/v1 on the practitioner port,",
      `  described at ${config.practitioner.origin}/api/v1/openapi.json. Demo client:`,
      `  key id ${demoIntegrationClient.keyId}, secret ${demoIntegrationClient.secret}`,
    );
  }
  console.log(lines.join("\n"));
}

function stopOnSignal(stop: () => Promise<void>, { quiet = false } = {}) {
  let stopping = false;
  const handle = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (!quiet) console.log(`\n${signal} received: closing the database and stopping.`);
    await stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void handle("SIGINT"));
  process.on("SIGTERM", () => void handle("SIGTERM"));
}

main().catch((error: unknown) => {
  if (error instanceof FolderLockedError) {
    console.error(error.message);
  } else {
    console.error(error instanceof Error ? error.message : error);
  }
  process.exit(1);
});
