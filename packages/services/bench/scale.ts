// Scale check for issue 4 ("Done when"): 10,000 cases with 200 record entries each in
// PostgreSQL, then the time of a practitioner's caseload query and of a family member's
// "shared with me" query (median of several runs), with the plans that show which indexes
// make them fast. A benchmark, not a test: it prints figures and asserts nothing.
//
//   cd packages/services && node bench/scale.ts
//
// Starts (and afterwards stops and removes) a throwaway PostgreSQL 15 cluster on 127.0.0.1,
// unless BENCH_DATABASE_URL names a server: then a fresh database is created there and
// dropped at the end. Optional: BENCH_CASES (10000), BENCH_ENTRIES (200), BENCH_RUNS (15),
// BENCH_WARMUP (3), BENCH_PG_BIN (/usr/lib/postgresql/15/bin), BENCH_PORT (55600).
import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { availableParallelism, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import {
  caseloadForPractitioner,
  caseStages,
  type DatabaseHandle,
  demoAccounts,
  openDatabase,
  recordEntryKinds,
  seedDemoData,
  user,
} from "@homeward/db";
import { sql } from "drizzle-orm";
import type { ServiceContext } from "../src/context.ts";
import { entriesSharedWithMe } from "../src/record-entries.ts";

// ---------------------------------------------------------------------------------------
// Configuration

function intFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer`);
  return value;
}

const CASES = intFromEnv("BENCH_CASES", 10_000);
const ENTRIES = intFromEnv("BENCH_ENTRIES", 200);
const TEAMS = 50;
const RUNS = intFromEnv("BENCH_RUNS", 15);
const WARMUP = intFromEnv("BENCH_WARMUP", 3);
const PG_BIN = process.env.BENCH_PG_BIN ?? "/usr/lib/postgresql/15/bin";
const FIRST_PORT = intFromEnv("BENCH_PORT", 55600);
/** Entry numbers per insert statement: every case gets this many entries per chunk. */
const ENTRIES_PER_CHUNK = 10;
/** Chunks inserted at once (one connection each): the machine has two cores. */
const SEED_CONCURRENCY = 2;
/** The synthetic case whose first parent is the family member we time. */
const FAMILY_CASE = Math.min(4242, CASES);

// Server settings for the throwaway cluster: a modest production-like memory setting and
// fewer checkpoints during the bulk load. Nothing here changes the schema or the planner.
const SERVER_SETTINGS = [
  "listen_addresses=127.0.0.1",
  "shared_buffers=1GB",
  "maintenance_work_mem=512MB",
  "max_wal_size=8GB",
  "checkpoint_timeout=30min",
];

// ---------------------------------------------------------------------------------------
// The throwaway cluster

interface Cluster {
  url: string;
  describe: string;
  stop(): void;
}

const cleanups: (() => void | Promise<void>)[] = [];
let cleaningUp = false;

async function runCleanups() {
  if (cleaningUp) return;
  cleaningUp = true;
  while (cleanups.length > 0) {
    const step = cleanups.pop();
    try {
      await step?.();
    } catch (error) {
      console.error("cleanup step failed:", error);
    }
  }
}

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    console.error(`\n${signal}: cleaning up`);
    void runCleanups().finally(() => process.exit(130));
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 200; port++) {
    if (await portIsFree(port)) return port;
  }
  throw new Error(`no free port in ${from}..${from + 199}`);
}

function startCluster(port: number): Cluster {
  const dir = mkdtempSync(join(tmpdir(), "homeward-bench-"));
  const dataDir = join(dir, "data");
  const logFile = join(dir, "postgres.log");
  const asRoot = process.getuid?.() === 0;
  // PostgreSQL refuses to run as root: as root, run its programs as the postgres user.
  const run = (program: string, args: string[]) => {
    const binary = join(PG_BIN, program);
    const [cmd, argv] = asRoot
      ? ["runuser", ["-u", "postgres", "--", binary, ...args]]
      : [binary, args];
    return execFileSync(cmd, argv, { stdio: ["ignore", "pipe", "pipe"], encoding: "utf8" });
  };
  const removeDir = () => rmSync(dir, { recursive: true, force: true });
  if (asRoot) {
    const uid = Number(execFileSync("id", ["-u", "postgres"], { encoding: "utf8" }).trim());
    const gid = Number(execFileSync("id", ["-g", "postgres"], { encoding: "utf8" }).trim());
    chownSync(dir, uid, gid);
  }
  try {
    run("initdb", [
      "-D",
      dataDir,
      "-U",
      "postgres",
      "-A",
      "trust",
      "-E",
      "UTF8",
      "--locale=C.UTF-8",
      "--no-sync",
    ]);
  } catch (error) {
    removeDir();
    throw error;
  }
  const options = [...SERVER_SETTINGS, `port=${port}`, `unix_socket_directories=${dir}`]
    .map((s) => `-c ${s}`)
    .join(" ");
  let started = false;
  const stop = () => {
    if (started) {
      try {
        run("pg_ctl", ["-D", dataDir, "-m", "fast", "-w", "stop"]);
      } catch (error) {
        console.error("pg_ctl stop failed:", error);
      }
      started = false;
    }
    removeDir();
  };
  try {
    started = true;
    run("pg_ctl", ["-D", dataDir, "-l", logFile, "-w", "-t", "60", "-o", options, "start"]);
  } catch (error) {
    stop();
    throw error;
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    describe: `throwaway PostgreSQL cluster in ${dataDir}, port ${port}`,
    stop,
  };
}

// ---------------------------------------------------------------------------------------
// Raw access to the pool drizzle uses: for EXPLAIN, counts, and capturing the exact SQL the
// services run (no hand-copied query to drift from the real one).

interface QueryResultLike {
  rows: Record<string, unknown>[];
}
interface PoolClientLike {
  query(text: string, values?: unknown[]): Promise<QueryResultLike>;
  release(): void;
}
interface PoolLike {
  query(config: unknown, values?: unknown[]): Promise<QueryResultLike>;
  connect(): Promise<PoolClientLike>;
}

function poolOf(handle: DatabaseHandle): PoolLike {
  return (handle.db as unknown as { $client: PoolLike }).$client;
}

interface Statement {
  text: string;
  values: unknown[];
}

/** Runs `fn` once and returns every statement it sent, in order. */
async function captureStatements(pool: PoolLike, fn: () => Promise<unknown>): Promise<Statement[]> {
  const original = pool.query;
  const seen: Statement[] = [];
  pool.query = function (this: PoolLike, config: unknown, values?: unknown[]) {
    const text =
      typeof config === "string" ? config : String((config as { text?: string }).text ?? "");
    seen.push({ text, values: values ?? [] });
    return original.call(this, config, values);
  } as PoolLike["query"];
  try {
    await fn();
  } finally {
    pool.query = original;
  }
  return seen;
}

// ---------------------------------------------------------------------------------------
// Timing

interface Timing {
  label: string;
  first: number;
  median: number;
  p95: number;
  min: number;
  max: number;
  runs: number;
}

/** Nearest-rank percentile of sorted samples. */
function percentile(sorted: number[], p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? Number.NaN;
}

async function measure(label: string, fn: () => Promise<unknown>): Promise<Timing> {
  let first = Number.NaN;
  for (let i = 0; i < WARMUP; i++) {
    const t0 = performance.now();
    await fn();
    if (i === 0) first = performance.now() - t0;
  }
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  const timing = {
    label,
    first,
    median: percentile(samples, 50),
    p95: percentile(samples, 95),
    min: samples[0] ?? Number.NaN,
    max: samples[samples.length - 1] ?? Number.NaN,
    runs: RUNS,
  };
  console.log(`  ${formatTiming(timing)}`);
  return timing;
}

const ms = (value: number) => `${value.toFixed(2)} ms`;

function formatTiming(t: Timing): string {
  return `${t.label.padEnd(58)} median ${ms(t.median).padStart(10)}  p95 ${ms(t.p95).padStart(10)}  min ${ms(t.min).padStart(10)}  (first warm-up ${ms(t.first)})`;
}

function seconds(fromMs: number): string {
  return `${((performance.now() - fromMs) / 1000).toFixed(1)} s`;
}

// ---------------------------------------------------------------------------------------
// Seeding: the demo, then synthetic cases with set-based SQL

const pad = (expr: string, width: number) => `lpad((${expr})::text, ${width}, '0')`;
const caseId = (i: string) => `('bench-case-' || ${pad(i, 5)})`;
const teamOf = (i: string) => `((${i} - 1) % ${TEAMS} + 1)`;
const teamId = (t: string) => `('bench-team-' || ${pad(t, 2)})`;
const socialWorkerOf = (i: string) => `('bench-sw-' || ${pad(teamOf(i), 2)})`;
const memberId = (i: string, who: string) => `('bench-m-' || ${pad(i, 5)} || '-${who}')`;
const textArray = (values: readonly string[]) => {
  for (const v of values) if (!/^[a-z_]+$/.test(v)) throw new Error(`unexpected value ${v}`);
  return `ARRAY[${values.map((v) => `'${v}'`).join(", ")}]::text[]`;
};

async function exec(handle: DatabaseHandle, statement: string) {
  await handle.db.execute(sql.raw(statement));
}

async function seedDemo(handle: DatabaseHandle): Promise<Record<string, string>> {
  const ids: Record<string, string> = {};
  // As the service tests do: plain user rows, no passwords (this is about case data).
  const seeded = await seedDemoData(handle.db, async (account) => {
    const id = `user-${account.key}`;
    await handle.db
      .insert(user)
      .values({ id, name: account.name, email: account.email, kind: account.kind });
    ids[account.key] = id;
    return id;
  });
  if (!seeded) throw new Error("the database is not empty: the scale check needs a fresh one");
  if (Object.keys(ids).length !== demoAccounts.length) throw new Error("demo accounts missing");
  return ids;
}

async function seedOrganisation(handle: DatabaseHandle, demoSocialWorker: string) {
  await exec(
    handle,
    `INSERT INTO team (id, authority_id, name)
     SELECT ${teamId("t")}, 'authority-demo', 'Bench team ' || t
     FROM generate_series(1, ${TEAMS}) t`,
  );
  // Per team: a social worker and a team manager.
  await exec(
    handle,
    `INSERT INTO "user" (id, name, email, kind, email_verified)
     SELECT 'bench-' || r || '-' || ${pad("t", 2)}, 'Bench ' || r || ' ' || t,
            'bench-' || r || '-' || t || '@bench.example', 'practitioner', true
     FROM generate_series(1, ${TEAMS}) t CROSS JOIN (VALUES ('sw'), ('tm')) v(r)`,
  );
  await exec(
    handle,
    `INSERT INTO staff_membership (user_id, team_id, role)
     SELECT 'bench-sw-' || ${pad("t", 2)}, ${teamId("t")}, 'social_worker'
     FROM generate_series(1, ${TEAMS}) t
     UNION ALL
     SELECT 'bench-tm-' || ${pad("t", 2)}, ${teamId("t")}, 'team_manager'
     FROM generate_series(1, ${TEAMS}) t
     UNION ALL
     -- The first team manager also manages teams 2 to 5 (a manager's larger caseload).
     SELECT 'bench-tm-01', ${teamId("t")}, 'team_manager'
     FROM generate_series(2, LEAST(5, ${TEAMS})) t
     UNION ALL
     -- The demo social worker also works in a big team.
     SELECT '${demoSocialWorker}', ${teamId("1")}, 'social_worker'`,
  );
}

async function seedCases(handle: DatabaseHandle) {
  const stages = textArray(caseStages);
  await exec(
    handle,
    `INSERT INTO "case" (id, authority_id, team_id, reference, child_name, child_date_of_birth,
                         legal_status, stage, risk_level, risk_level_since, created_at, updated_at)
     SELECT ${caseId("i")}, 'authority-demo', ${teamId(teamOf("i"))}, 'HW-B' || ${pad("i", 5)},
            (ARRAY['Ava','Noah','Mia','Leo','Zara','Ibrahim','Ella','Kai','Maya','Oscar',
                   'Isla','Yusuf','Ruby','Finn','Amara','Jack','Lily','Omar','Grace','Theo'])
              [1 + i % 20] || ' Bench' || i,
            date '2009-01-01' + (i * 7) % 5800,
            (ARRAY['s20','s31','s38','s47'])[1 + i % 4],
            (${stages})[1 + i % ${caseStages.length}],
            (ARRAY['low','medium','high','severe'])[1 + i % 4],
            current_date - (i % 300),
            now() - interval '300 days', now() - (i % 300) * interval '1 day'
     FROM generate_series(1, ${CASES}) i`,
  );
  // Two parents per case; a young person with an account on every fourth case.
  await exec(
    handle,
    `INSERT INTO "user" (id, name, email, kind, email_verified)
     SELECT 'bench-u-' || ${pad("i", 5)} || '-' || who, 'Bench ' || who || ' ' || i,
            'bench-' || i || '-' || who || '@bench.example', 'family', true
     FROM generate_series(1, ${CASES}) i CROSS JOIN (VALUES ('p1'), ('p2'), ('yp')) v(who)
     WHERE who <> 'yp' OR i % 4 = 0`,
  );
  await exec(
    handle,
    `INSERT INTO case_person (id, case_id, display_name, relationship, is_subject_child,
                              date_of_birth, preferred_language, interpreter_needed)
     SELECT 'bench-person-' || ${pad("i", 5)} || '-' || who, ${caseId("i")},
            'Bench ' || who || ' ' || i,
            CASE who WHEN 'child' THEN 'child' WHEN 'p1' THEN 'mother' ELSE 'father' END,
            who = 'child',
            CASE WHEN who = 'child' THEN date '2009-01-01' + (i * 7) % 5800 END,
            CASE WHEN i % 10 = 0 AND who = 'p1' THEN 'ar' END,
            i % 10 = 0 AND who = 'p1'
     FROM generate_series(1, ${CASES}) i CROSS JOIN (VALUES ('child'), ('p1'), ('p2')) v(who)`,
  );
  await exec(
    handle,
    `INSERT INTO case_member (id, case_id, user_id, role, relationship, person_id, granted_by,
                              active_from)
     SELECT ${memberId("i", "' || who || '")}, ${caseId("i")},
            CASE WHEN who = 'sw' THEN ${socialWorkerOf("i")}
                 ELSE 'bench-u-' || ${pad("i", 5)} || '-' || who END,
            CASE who WHEN 'p1' THEN 'parent' WHEN 'p2' THEN 'parent'
                     WHEN 'yp' THEN 'young_person' ELSE 'social_worker' END,
            CASE who WHEN 'p1' THEN 'mother' WHEN 'p2' THEN 'father' END,
            CASE who WHEN 'sw' THEN NULL
                     WHEN 'yp' THEN 'bench-person-' || ${pad("i", 5)} || '-child'
                     ELSE 'bench-person-' || ${pad("i", 5)} || '-' || who END,
            ${socialWorkerOf("i")},
            now() - interval '300 days'
     FROM generate_series(1, ${CASES}) i
       CROSS JOIN (VALUES ('p1'), ('p2'), ('yp'), ('sw')) v(who)
     WHERE who <> 'yp' OR i % 4 = 0`,
  );
}

/**
 * Entries g in [from, to]: entry number n of case i, with g = (n - 1) * CASES + i. Rows are
 * inserted entry number by entry number across all cases, as a live system writes them
 * over time, so one case's entries are spread over the table (no flattering locality).
 * About 40% are shared (20% shared_for_review, 20% finalised), to one parent or both.
 */
function entryRows(from: number, to: number): string {
  return `x AS (
      SELECT (g - 1) % ${CASES} + 1 AS i, (g - 1) / ${CASES} + 1 AS n
      FROM generate_series(${from}, ${to}) g
    ), y AS (
      SELECT i, n,
             'bench-e-' || ${pad("i", 5)} || '-' || ${pad("n", 3)} AS id,
             (i * 31 + n * 17) % 10 AS s,
             (i + n) % 4 AS w,
             now() - (${ENTRIES} - n) * interval '1 day' - (i % 1440) * interval '1 minute'
               AS created
      FROM x
    )`;
}

async function seedEntryChunk(handle: DatabaseHandle, from: number, to: number) {
  const kinds = textArray(recordEntryKinds);
  await exec(
    handle,
    `WITH ${entryRows(from, to)}
     INSERT INTO record_entry (id, case_id, kind, title, status, author_user_id, not_for_family,
                               event_date, source, significance, sort_order, review_deadline,
                               shared_at, shared_by, finalised_at, finalised_by,
                               created_at, updated_at)
     SELECT id, ${caseId("i")}, (${kinds})[1 + n % ${recordEntryKinds.length}],
            (ARRAY['Home visit','School contact','Health update','Contact session',
                   'Review meeting','Police information'])[1 + (i + n) % 6] || ' ' || n,
            CASE WHEN s < 2 THEN 'shared_for_review' WHEN s < 4 THEN 'finalised'
                 ELSE 'draft' END,
            ${socialWorkerOf("i")},
            s = 9 AND n % 2 = 0,
            (created - interval '3 days')::date,
            'Home visit by the allocated social worker',
            'Shows how the family managed the week after the last review.',
            n,
            CASE WHEN s < 4 THEN (created + interval '15 days')::date END,
            CASE WHEN s < 4 THEN created + interval '1 day' END,
            CASE WHEN s < 4 THEN ${socialWorkerOf("i")} END,
            CASE WHEN s BETWEEN 2 AND 3 THEN created + interval '20 days' END,
            CASE WHEN s BETWEEN 2 AND 3 THEN ${socialWorkerOf("i")} END,
            created, created
     FROM y`,
  );
  await exec(
    handle,
    `WITH ${entryRows(from, to)}
     INSERT INTO record_entry_version (id, entry_id, version_number, body, analysis, created_by,
                                       created_at)
     SELECT 'bench-v-' || ${pad("i", 5)} || '-' || ${pad("n", 3)}, id, 1,
            'Visit ' || n || ' for case ' || i || '. The children were seen at home with their '
              || 'parent. The home was warm and there was food in the cupboards. We talked about '
              || 'the goals in the agreement, what had gone well since the last visit and what '
              || 'support the family still needs. Next visit booked. Ref ' || md5(id),
            CASE WHEN s < 4 THEN 'Consistent with the pattern recorded since the last review.' END,
            ${socialWorkerOf("i")}, created
     FROM y`,
  );
  await exec(
    handle,
    `WITH ${entryRows(from, to)}
     INSERT INTO record_entry_share (entry_id, member_id, shared_at, deadline)
     SELECT id, ${memberId("i", "p' || p || '")}, created + interval '1 day',
            (created + interval '15 days')::date
     FROM y CROSS JOIN (VALUES (1), (2)) v(p)
     WHERE s < 4 AND ((p = 1 AND w <> 1) OR (p = 2 AND w <> 0))`,
  );
}

async function seedEntries(handle: DatabaseHandle) {
  const total = CASES * ENTRIES;
  const chunk = CASES * ENTRIES_PER_CHUNK;
  const ranges: [number, number][] = [];
  for (let from = 1; from <= total; from += chunk) {
    ranges.push([from, Math.min(total, from + chunk - 1)]);
  }
  let done = 0;
  const started = performance.now();
  const worker = async () => {
    for (;;) {
      const range = ranges.shift();
      if (!range) return;
      await seedEntryChunk(handle, range[0], range[1]);
      done += range[1] - range[0] + 1;
      console.log(
        `  record entries ${done.toLocaleString("en-GB")} / ${total.toLocaleString("en-GB")} (${seconds(started)})`,
      );
    }
  };
  await Promise.all(Array.from({ length: SEED_CONCURRENCY }, worker));
}

const countedTables = [
  "authority",
  "team",
  "user",
  "staff_membership",
  "case",
  "case_person",
  "case_member",
  "record_entry",
  "record_entry_version",
  "record_entry_share",
  "family_response",
  "audit_event",
];

async function rowCounts(pool: PoolLike): Promise<[string, number, string][]> {
  const out: [string, number, string][] = [];
  for (const table of countedTables) {
    const { rows } = await pool.query(
      `SELECT count(*)::bigint AS n, pg_size_pretty(pg_total_relation_size('"${table}"')) AS size
       FROM "${table}"`,
    );
    out.push([table, Number(rows[0]?.n ?? 0), String(rows[0]?.size ?? "")]);
  }
  return out;
}

// ---------------------------------------------------------------------------------------
// Plans

interface Plan {
  title: string;
  lines: string[];
  executionMs: string;
  indexes: string[];
  seqScans: string[];
}

async function explain(
  pool: PoolLike,
  title: string,
  statement: Statement,
  settings: string[] = [],
): Promise<Plan> {
  const isSelect = /^\s*select/i.test(statement.text);
  const text = `EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`;
  let rows: Record<string, unknown>[];
  if (isSelect && settings.length === 0) {
    rows = (await pool.query(text, statement.values)).rows;
  } else {
    // A write, or a plan under other settings, is explained inside a transaction that is
    // rolled back: nothing is kept.
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      for (const setting of settings) await client.query(`SET LOCAL ${setting}`);
      rows = (await client.query(text, statement.values)).rows;
    } finally {
      await client.query("ROLLBACK");
      client.release();
    }
  }
  const lines = rows.map((r) => String(r["QUERY PLAN"]));
  const indexes = new Set<string>();
  const seqScans = new Set<string>();
  for (const line of lines) {
    const index =
      /(?:Index Only Scan|Index Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) (\S+)(?: on (\S+))?/.exec(
        line,
      );
    if (index) indexes.add(index[2] ? `${index[1]} (on ${index[2]})` : `${index[1]}`);
    const seq = /Seq Scan on (\S+)/.exec(line);
    if (seq?.[1]) seqScans.add(seq[1]);
  }
  const execution = lines.map((l) => /Execution Time: (\S+ ms)/.exec(l)?.[1]).find(Boolean);
  return {
    title,
    lines,
    executionMs: execution ?? "?",
    indexes: [...indexes],
    seqScans: [...seqScans],
  };
}

function printPlan(plan: Plan) {
  console.log(`\n--- EXPLAIN (ANALYZE, BUFFERS): ${plan.title}`);
  for (const line of plan.lines) console.log(`    ${line}`);
}

function describeStatement(text: string): string {
  const t = text.replace(/\s+/g, " ").trim();
  if (/^insert into "audit_event"/i.test(t)) return "audit insert";
  if (/from "record_entry_share"/i.test(t)) return "entries shared with my member ids";
  if (/from "case_member" where "case_member"."user_id"/i.test(t)) return "my memberships";
  if (/from "case_member" where "case_member"."case_id"/i.test(t)) return "case members (viewer)";
  if (/from "case" where "case"."id"/i.test(t)) return "case facts";
  if (/from "case" inner join "staff_membership"/i.test(t)) return "caseload";
  return t.slice(0, 60);
}

// ---------------------------------------------------------------------------------------
// Main

async function main() {
  const overall = performance.now();
  console.log(
    `Homeward scale check: ${CASES.toLocaleString("en-GB")} cases x ${ENTRIES} record entries, ${TEAMS} teams; ${RUNS} timed runs after ${WARMUP} warm-up runs\n`,
  );

  // 1. A database.
  let url: string;
  let where: string;
  const serverUrl = process.env.BENCH_DATABASE_URL;
  if (serverUrl) {
    const name = `homeward_bench_${randomBytes(4).toString("hex")}`;
    const admin = await openDatabase({ url: serverUrl });
    await exec(admin, `CREATE DATABASE ${name}`);
    await admin.close();
    cleanups.push(async () => {
      const dropper = await openDatabase({ url: serverUrl });
      try {
        await exec(dropper, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await dropper.close();
      }
    });
    const target = new URL(serverUrl);
    target.pathname = `/${name}`;
    url = target.toString();
    where = `database ${name} on BENCH_DATABASE_URL (dropped at the end)`;
  } else {
    const cluster = startCluster(await freePort(FIRST_PORT));
    cleanups.push(() => cluster.stop());
    url = cluster.url;
    where = cluster.describe;
  }
  console.log(`Database: ${where}`);

  const handle = await openDatabase({ url });
  cleanups.push(() => handle.close());
  const pool = poolOf(handle);
  const version = (await pool.query("SHOW server_version")).rows[0]?.server_version;
  console.log(`PostgreSQL ${String(version)}`);

  // 2. Schema, demo, synthetic data.
  let t = performance.now();
  await handle.migrate();
  console.log(`Migrations applied (${seconds(t)})`);
  t = performance.now();
  const demo = await seedDemo(handle);
  console.log(`Demo seeded (${seconds(t)})`);
  const demoSocialWorker = demo.socialWorker;
  if (!demoSocialWorker) throw new Error("demo social worker missing");

  const seedStart = performance.now();
  const phases: [string, string][] = [];
  t = performance.now();
  await seedOrganisation(handle, demoSocialWorker);
  await seedCases(handle);
  phases.push(["teams, cases, people, members", seconds(t)]);
  console.log(`Cases and members seeded (${seconds(t)})`);
  t = performance.now();
  await seedEntries(handle);
  phases.push(["record entries, versions, shares", seconds(t)]);
  const insertSeconds = seconds(seedStart);
  t = performance.now();
  // VACUUM (ANALYZE): planner statistics, plus the visibility map a long-lived table has.
  await exec(handle, "VACUUM (ANALYZE)");
  phases.push(["VACUUM (ANALYZE)", seconds(t)]);
  const seedTotal = seconds(seedStart);
  console.log(`Seeding done: inserts ${insertSeconds}, total with VACUUM (ANALYZE) ${seedTotal}`);

  const counts = await rowCounts(pool);
  const dbSize = (
    await pool.query("SELECT pg_size_pretty(pg_database_size(current_database())) AS s")
  ).rows[0]?.s;
  console.log("\nRow counts:");
  for (const [table, n, size] of counts) {
    console.log(`  ${table.padEnd(22)} ${n.toLocaleString("en-GB").padStart(11)}  ${size}`);
  }
  console.log(`  database size: ${String(dbSize)}`);

  // 3. Who we time.
  const familyUser = `bench-u-${String(FAMILY_CASE).padStart(5, "0")}-p1`;
  const benchTeamSocialWorker = "bench-sw-02";
  const benchManager = "bench-tm-01";
  const familyCtx = (): ServiceContext => ({
    db: handle.db,
    userId: familyUser,
    kind: "family",
    app: "portal",
    now: new Date(),
  });
  const caseloadSize = (await caseloadForPractitioner(handle.db, { userId: demoSocialWorker }))
    .length;
  const benchCaseloadSize = (
    await caseloadForPractitioner(handle.db, { userId: benchTeamSocialWorker })
  ).length;
  const managerCaseloadSize = (await caseloadForPractitioner(handle.db, { userId: benchManager }))
    .length;
  const sharedCount = (await entriesSharedWithMe(familyCtx())).length;
  if (caseloadSize === 0 || sharedCount === 0) throw new Error("the timed queries return nothing");

  const loadBefore = loadavg()[0] ?? Number.NaN;
  console.log(
    `\nTimings (wall clock in this process, pool already connected, warm cache; load average ${loadBefore.toFixed(2)} on ${availableParallelism()} CPUs):`,
  );
  const timings: Timing[] = [];
  timings.push(
    await measure(`caseload, demo social worker (${caseloadSize} cases)`, () =>
      caseloadForPractitioner(handle.db, { userId: demoSocialWorker }),
    ),
  );
  timings.push(
    await measure(`caseload, team social worker (${benchCaseloadSize} cases)`, () =>
      caseloadForPractitioner(handle.db, { userId: benchTeamSocialWorker }),
    ),
  );
  timings.push(
    await measure(`caseload, manager of 5 teams (${managerCaseloadSize} cases)`, () =>
      caseloadForPractitioner(handle.db, { userId: benchManager }),
    ),
  );
  const caseloadStatements = await captureStatements(pool, () =>
    caseloadForPractitioner(handle.db, { userId: demoSocialWorker }),
  );
  const caseloadSql = caseloadStatements[0];
  if (!caseloadSql) throw new Error("caseload statement not captured");
  timings.push(
    await measure("caseload, bare SQL (demo social worker)", () =>
      pool.query(caseloadSql.text, caseloadSql.values),
    ),
  );

  timings.push(
    await measure(`entriesSharedWithMe, parent (${sharedCount} entries, with audit)`, () =>
      entriesSharedWithMe(familyCtx()),
    ),
  );
  const sharedStatements = await captureStatements(pool, () => entriesSharedWithMe(familyCtx()));
  const sharedSql = sharedStatements.find((s) => /from "record_entry_share"/i.test(s.text));
  if (!sharedSql) throw new Error("shared-with-me statement not captured");
  timings.push(
    await measure("shared with me, bare SQL of the main query", () =>
      pool.query(sharedSql.text, sharedSql.values),
    ),
  );
  // Where the rest of the call goes: each of its statements on its own (the audit insert
  // commits, so it pays a WAL flush; these bench audit rows are thrown away with the data).
  for (const [n, statement] of sharedStatements.entries()) {
    if (statement === sharedSql) continue;
    timings.push(
      await measure(
        `  statement ${n + 1}/${sharedStatements.length}, bare: ${describeStatement(statement.text)}`,
        () => pool.query(statement.text, statement.values),
      ),
    );
  }

  const loadAfter = loadavg()[0] ?? Number.NaN;

  // 4. Plans of every statement the two calls send.
  const plans: Plan[] = [];
  plans.push(await explain(pool, "caseload (caseloadForPractitioner)", caseloadSql));
  for (const [n, statement] of sharedStatements.entries()) {
    plans.push(
      await explain(
        pool,
        `entriesSharedWithMe statement ${n + 1}/${sharedStatements.length}: ${describeStatement(statement.text)}`,
        statement,
      ),
    );
  }
  // At this size the planner prefers reading the whole case table (a few hundred pages) to
  // the team index; for comparison, the same statement with sequential scans discouraged.
  plans.push(
    await explain(pool, "caseload, for comparison with enable_seqscan=off", caseloadSql, [
      "enable_seqscan = off",
    ]),
  );
  for (const plan of plans) printPlan(plan);

  // 5. Summary.
  const line = "=".repeat(100);
  console.log(`\n${line}\nSCALE CHECK SUMMARY\n${line}`);
  console.log(`Database: ${where}; PostgreSQL ${String(version)}`);
  if (!serverUrl) console.log(`Server settings: ${SERVER_SETTINGS.join(", ")}`);
  console.log(
    `Data: ${CASES.toLocaleString("en-GB")} synthetic cases in ${TEAMS} teams + 3 demo cases; ${ENTRIES} record entries per synthetic case, each with one version; ~40% shared with one or both parents`,
  );
  console.log(`Seeding: inserts ${insertSeconds}; total with VACUUM (ANALYZE) ${seedTotal}`);
  for (const [phase, took] of phases) console.log(`  ${phase.padEnd(36)} ${took}`);
  console.log("Row counts:");
  for (const [table, n, size] of counts) {
    console.log(`  ${table.padEnd(22)} ${n.toLocaleString("en-GB").padStart(11)}  ${size}`);
  }
  console.log(`  database size ${String(dbSize)}`);
  console.log(
    `Timings (${RUNS} runs after ${WARMUP} warm-up runs; 1-minute load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after, on ${availableParallelism()} CPUs):`,
  );
  for (const timing of timings) console.log(`  ${formatTiming(timing)}`);
  const bareSum = timings
    .filter((t) => t.label.includes("bare SQL of the main query") || t.label.includes(", bare: "))
    .reduce((sum, t) => sum + t.median, 0);
  console.log(
    `Sum of the bare statement medians of one entriesSharedWithMe call: ${ms(bareSum)} (the rest of the call's time is spent in Node: drizzle building and mapping, the policy checks)`,
  );
  console.log(
    `Statements per entriesSharedWithMe call: ${sharedStatements.length} (${sharedStatements.map((s) => describeStatement(s.text)).join("; ")})`,
  );
  console.log("Plans (server execution time from EXPLAIN ANALYZE; indexes used):");
  for (const plan of plans) {
    const seq = plan.seqScans.length > 0 ? `; seq scans: ${plan.seqScans.join(", ")}` : "";
    console.log(
      `  ${plan.title}: ${plan.executionMs}; ${plan.indexes.join(", ") || "(no index)"}${seq}`,
    );
  }
  console.log(`Whole run: ${seconds(overall)}`);
  console.log(line);
}

try {
  await main();
} catch (error) {
  console.error(error);
  process.exitCode = 1;
} finally {
  await runCleanups();
}
