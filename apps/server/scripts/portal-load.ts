// Load benchmark of the built portal for a signed-in parent: median and p95 latency and
// throughput at 50 concurrent connections, on PGlite and (when BENCH_DATABASE_URL is set)
// on PostgreSQL. The server runs as its own process, as `./homeward start` runs it, so the
// load generator does not share its event loop; loopback only; each run is bounded in time.
// Usage (after a build; `./homeward bench` does all of it):
//   node apps/server/scripts/portal-load.ts                       # PGlite
//   BENCH_DATABASE_URL=postgres://... node apps/server/scripts/portal-load.ts
//   BENCH_PROCESSES=2 BENCH_DATABASE_URL=... node ...             # several server processes
//   BENCH_FLOOR=1 ...      # adds /health and /language: floors no page can go under
//   BENCH_PARENTS=1 ...    # adds home for every demo family account, a session each
import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { demoAccounts, demoIds, demoPassword } from "@homeward/db";
import autocannon from "autocannon";
import { CookieJar } from "./sign-in.ts";

const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const processes = process.env.BENCH_PROCESSES ?? "1";
const portalPort = 3920;
const portal = `http://127.0.0.1:${portalPort}`;

/** Starts `node apps/server/src/main.ts` and waits until the portal answers. */
async function startServer(dataDir: string): Promise<ChildProcess> {
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const child = spawn(process.execPath, [join(import.meta.dirname, "../src/main.ts")], {
    env: {
      PATH: process.env.PATH,
      HOMEWARD_ENV: "test",
      DATA_DIR: dataDir,
      PORTAL_PORT: String(portalPort),
      PRACTITIONER_PORT: String(portalPort + 1),
      PORTAL_ORIGIN: portal,
      PRACTITIONER_ORIGIN: `http://127.0.0.1:${portalPort + 1}`,
      SIGN_IN_ATTEMPTS_PER_MINUTE: "1000",
      SEED_DEMO: "true",
      HOMEWARD_PROCESSES: processes,
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  for (let tries = 0; tries < 240; tries++) {
    if (child.exitCode !== null) throw new Error(`the server stopped (exit ${child.exitCode})`);
    const up = await fetch(`${portal}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return child;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  child.kill("SIGTERM");
  throw new Error("the server did not start within two minutes");
}

async function post(path: string, form: Record<string, string>, jar: CookieJar) {
  const response = await fetch(portal + path, {
    method: "POST",
    redirect: "manual",
    headers: {
      origin: portal,
      "content-type": "application/x-www-form-urlencoded",
      cookie: jar.header(),
    },
    body: new URLSearchParams(form),
  });
  jar.take(response);
  if (response.status !== 302) throw new Error(`${path} answered ${response.status}`);
}

/** Signs a family member in over HTTP, reading the emailed code from the development outbox. */
async function signIn(email: string): Promise<CookieJar> {
  const jar = new CookieJar();
  await post("/sign-in", { email, password: demoPassword }, jar);
  const outbox = await (await fetch(`${portal}/dev/outbox`)).text();
  // Newest first: the first message to this address holds the code just sent.
  const message = outbox
    .split('data-testid="outbox-message"')
    .find((part) => part.includes(`data-testid="outbox-to">${email}<`));
  const code = message?.match(/data-testid="outbox-text">[^<]*?\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`no sign-in code for ${email} in the outbox`);
  await post("/sign-in/code", { code }, jar);
  return jar;
}

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), "homeward-load-"));
  const server = await startServer(dataDir);
  try {
    // Amira: the demo parent with an agreement, entries to check and a meeting.
    const jar = await signIn("amira@homeward.example");
    // BENCH_PARENTS=1: the connections are shared out among every demo family account,
    // each with its own session - many families at once, rather than one parent's page
    // asked for 50 times.
    const everyone = process.env.BENCH_PARENTS
      ? await Promise.all(
          demoAccounts.filter((a) => a.kind === "family").map((a) => signIn(a.email)),
        )
      : [];
    const pages: { name: string; path: string; jars?: CookieJar[] }[] = [
      { name: "home", path: "/" },
      { name: "agreement", path: "/agreement" },
      { name: "entry", path: `/records/${demoIds.entries.yasminSharedWithAmira}` },
      // BENCH_FLOOR=1 adds two floors no page can go under: /health (no session, no page)
      // and /language for the same signed-in parent (the session lookup and a small page,
      // with no case data and so no audit row).
      ...(process.env.BENCH_FLOOR
        ? [
            { name: "health", path: "/health" },
            { name: "language", path: "/language" },
          ]
        : []),
      ...(everyone.length > 0
        ? [{ name: `home x${everyone.length}`, path: "/", jars: everyone }]
        : []),
    ];
    const database = process.env.BENCH_DATABASE_URL ? "postgres" : "pglite";
    console.log(
      `database: ${database}; server processes: ${processes}; ${connections} connections; ${seconds} s per page`,
    );
    console.log("page        req/s     median ms   p95 ms   p99 ms   non-2xx");
    for (const page of pages) {
      const times: number[] = [];
      const result = await new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          {
            url: portal + page.path,
            connections,
            duration: seconds,
            headers: { cookie: jar.header(), "accept-encoding": "gzip" },
            ...(page.jars ? { setupClient: spreadSessions(page.jars) } : {}),
          },
          (error, done) => (error ? reject(error) : resolve(done)),
        );
        // Every response's time, so the percentiles are exact rather than bucketed.
        instance.on("response", (_client, _status, _bytes, responseTime) =>
          times.push(responseTime),
        );
      });
      console.log(
        `${page.name.padEnd(12)}${result.requests.average.toFixed(0).padEnd(10)}${percentile(times, 50).toFixed(1).padEnd(12)}${percentile(times, 95).toFixed(1).padEnd(9)}${percentile(times, 99).toFixed(1).padEnd(9)}${result.non2xx}`,
      );
    }
  } finally {
    const stopped = new Promise((resolve) => server.once("exit", resolve));
    server.kill("SIGTERM");
    await stopped;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Gives each new connection the next session in turn. */
function spreadSessions(jars: CookieJar[]) {
  let next = 0;
  return (client: autocannon.Client) => {
    const jar = jars[next++ % jars.length] as CookieJar;
    client.setHeaders({ cookie: jar.header(), "accept-encoding": "gzip" });
  };
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

await main();
