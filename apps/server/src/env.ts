// The host's configuration, validated once at start-up. Packages never read process.env;
// this is the one place that does, and it fails with a clear message.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "../../..");

const port = z.coerce.number().int().min(1).max(65535);

const envSchema = z
  .object({
    HOMEWARD_ENV: z.enum(["development", "production", "test"]).default("development"),
    DATABASE_URL: z.string().optional(),
    DATA_DIR: z.string().default(join(repoRoot, ".data")),
    HOST: z.string().default("127.0.0.1"),
    PORTAL_PORT: port.default(3000),
    PRACTITIONER_PORT: port.default(3001),
    PORTAL_ORIGIN: z.url().optional(),
    PRACTITIONER_ORIGIN: z.url().optional(),
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters").optional(),
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z.string().optional(),
    SEED_DEMO: z.enum(["true", "false"]).optional(),
    SIGN_IN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).optional(),
    /** Tests and demos only: the case record's clock starts at this instant and runs on. */
    HOMEWARD_START_TIME: z.iso.datetime({ offset: true }).optional(),
    // "Leave quickly" goes here: a busy, ordinary site that says nothing about care.
    LEAVE_QUICKLY_URL: z.url({ protocol: /^https?$/ }).default("https://www.bbc.co.uk/weather"),
    /** Node processes serving the apps: a number, or "auto" for one per core (PostgreSQL only). */
    HOMEWARD_PROCESSES: z
      .union([z.literal("auto"), z.coerce.number().int().min(1).max(64)])
      .default(1),
  })
  .superRefine((env, ctx) => {
    // PGlite is a database inside one process: a second process cannot open its folder.
    if (env.HOMEWARD_PROCESSES !== 1 && !env.DATABASE_URL) {
      ctx.addIssue({
        code: "custom",
        path: ["HOMEWARD_PROCESSES"],
        message:
          "HOMEWARD_PROCESSES above 1 needs DATABASE_URL: the embedded database (PGlite) serves one process",
      });
    }
    if (env.HOMEWARD_ENV !== "production") return;
    if (env.HOMEWARD_START_TIME) {
      ctx.addIssue({
        code: "custom",
        path: ["HOMEWARD_START_TIME"],
        message: "HOMEWARD_START_TIME is never allowed in production",
      });
    }
    // The demo accounts' password and the demo integration client's secret are printed at
    // start and written in the README: seeding them would open a live system to anyone.
    if (env.SEED_DEMO === "true") {
      ctx.addIssue({
        code: "custom",
        path: ["SEED_DEMO"],
        message:
          "SEED_DEMO=true is never allowed in production: the demo accounts and the demo integration client have public secrets",
      });
    }
    for (const key of [
      "AUTH_SECRET",
      "SMTP_URL",
      "MAIL_FROM",
      "PORTAL_ORIGIN",
      "PRACTITIONER_ORIGIN",
    ] as const) {
      if (!env[key])
        ctx.addIssue({ code: "custom", path: [key], message: `${key} is required in production` });
    }
  });

export type HostConfig = ReturnType<typeof loadConfig>;

export function loadConfig(source: NodeJS.ProcessEnv = process.env) {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  - ${issue.path.join(".") || "env"}: ${issue.message}`,
    );
    throw new Error(`Homeward cannot start; fix these settings:\n${lines.join("\n")}`);
  }
  const env = parsed.data;
  const production = env.HOMEWARD_ENV === "production";
  const portalOrigin = env.PORTAL_ORIGIN ?? `http://localhost:${env.PORTAL_PORT}`;
  const practitionerOrigin = env.PRACTITIONER_ORIGIN ?? `http://localhost:${env.PRACTITIONER_PORT}`;
  return {
    env: env.HOMEWARD_ENV,
    production,
    databaseUrl: env.DATABASE_URL,
    pgliteDir: join(env.DATA_DIR, "pglite"),
    host: env.HOST,
    portal: { port: env.PORTAL_PORT, origin: portalOrigin },
    practitioner: { port: env.PRACTITIONER_PORT, origin: practitionerOrigin },
    authSecret: env.AUTH_SECRET ?? developmentSecret(env.DATA_DIR),
    mail: production
      ? ({ kind: "smtp", url: env.SMTP_URL as string, from: env.MAIL_FROM as string } as const)
      : ({ kind: "outbox" } as const),
    seedDemo: env.SEED_DEMO ? env.SEED_DEMO === "true" : !production,
    signInAttemptsPerMinute: env.SIGN_IN_ATTEMPTS_PER_MINUTE,
    clock: clockStartingAt(env.HOMEWARD_START_TIME),
    leaveQuicklyUrl: env.LEAVE_QUICKLY_URL,
    processes: env.HOMEWARD_PROCESSES === "auto" ? availableParallelism() : env.HOMEWARD_PROCESSES,
  };
}

/**
 * Outside production there is still no built-in secret: each machine makes its own on first
 * start and keeps it beside the data, so sessions survive a restart.
 */
function developmentSecret(dataDir: string): string {
  const file = join(dataDir, "auth-secret");
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(dataDir, { recursive: true });
  const secret = randomBytes(32).toString("base64url");
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** The real clock, or one that starts at a given instant and then keeps real time. */
export function clockStartingAt(start: string | undefined): () => Date {
  if (!start) return () => new Date();
  const offset = new Date(start).getTime() - Date.now();
  return () => new Date(Date.now() + offset);
}
