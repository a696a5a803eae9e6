// Where a portal request's time goes, for finding costs rather than measuring throughput:
// per page, the database queries one request makes (counted at the driver) and the time of
// sequential requests, split into the session lookup and the rest. Run it under
// `node --cpu-prof` to see the rest. Loopback only, PGlite or BENCH_DATABASE_URL.
// Usage (after a build): node apps/server/scripts/portal-profile.ts [requests per page]
import "../src/node-env.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Session } from "node:inspector/promises";
import { writeFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { demoIds, demoPassword } from "@homeward/db";
import { loadConfig } from "../src/env.ts";
import { startHost } from "../src/host.ts";
import { signInFamily } from "./sign-in.ts";

const rounds = Number(process.argv[2] ?? 100);

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), "homeward-profile-"));
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const config = loadConfig({
    HOMEWARD_ENV: "test",
    DATA_DIR: dataDir,
    PORTAL_PORT: "3922",
    PRACTITIONER_PORT: "3923",
    SIGN_IN_ATTEMPTS_PER_MINUTE: "1000",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const host = await startHost(config, () => {});
  // Count statements at the driver: both drizzle drivers call their client's query().
  const client = (
    host.database.db as unknown as { $client: { query: (...args: unknown[]) => Promise<unknown> } }
  ).$client;
  const queries: string[] = [];
  let databaseMs = 0;
  const originalQuery = client.query.bind(client);
  client.query = async (...args: unknown[]) => {
    const first = args[0] as string | { text?: string };
    queries.push(typeof first === "string" ? first : (first?.text ?? "?"));
    const start = performance.now();
    try {
      return await originalQuery(...args);
    } finally {
      databaseMs += performance.now() - start;
    }
  };
  // Time spent finding the session, apart from the rest.
  const api = host.auth.portal.api as unknown as {
    getSession: (...args: unknown[]) => Promise<unknown>;
  };
  const originalGetSession = api.getSession;
  let sessionMs = 0;
  let sessionCalls = 0;
  api.getSession = async (...args: unknown[]) => {
    const start = performance.now();
    try {
      return await originalGetSession(...args);
    } finally {
      sessionMs += performance.now() - start;
      sessionCalls++;
    }
  };
  try {
    const jar = await signInFamily(host, "amira@homeward.example", demoPassword);
    const pages = [
      { name: "home", path: "/" },
      { name: "agreement", path: "/agreement" },
      { name: "entry", path: `/records/${demoIds.entries.yasminSharedWithAmira}` },
    ];
    console.log(`database: ${host.database.kind}; ${rounds} sequential requests per page`);
    // PROFILE_CPU=file.cpuprofile: a CPU profile of the requests only, not of start-up.
    const inspector = process.env.PROFILE_CPU ? new Session() : null;
    if (inspector) {
      inspector.connect();
      await inspector.post("Profiler.enable");
      await inspector.post("Profiler.start");
    }
    for (const page of pages) {
      const get = () =>
        fetch(host.urls.portal + page.path, {
          headers: { cookie: jar.header(), "accept-encoding": "gzip" },
        }).then(async (r) => {
          if (r.status !== 200) throw new Error(`${page.path} answered ${r.status}`);
          return (await r.arrayBuffer()).byteLength;
        });
      await get();
      queries.length = 0;
      await get();
      const perRequest = [...queries];
      sessionMs = 0;
      sessionCalls = 0;
      databaseMs = 0;
      const times: number[] = [];
      // CPU time of this process (server and client together) is steadier than the clock on
      // a shared machine: it is what to compare before and after a change.
      const cpuBefore = process.cpuUsage();
      for (let i = 0; i < rounds; i++) {
        const start = performance.now();
        await get();
        times.push(performance.now() - start);
      }
      const cpu = process.cpuUsage(cpuBefore);
      const cpuMs = (cpu.user + cpu.system) / 1000 / rounds;
      times.sort((a, b) => a - b);
      const mean = times.reduce((a, b) => a + b, 0) / times.length;
      console.log(
        `\n${page.name}: ${perRequest.length} queries; mean ${mean.toFixed(1)} ms, median ${times[Math.floor(times.length / 2)]?.toFixed(1)} ms; CPU ${cpuMs.toFixed(1)} ms/request; in queries ${(databaseMs / rounds).toFixed(1)} ms; session lookup ${(sessionMs / rounds).toFixed(1)} ms in ${sessionCalls / rounds} calls`,
      );
      if (process.env.PROFILE_SHOW_QUERIES)
        for (const q of perRequest) console.log(`  ${q.replace(/\s+/g, " ").slice(0, 160)}`);
    }
    if (inspector && process.env.PROFILE_CPU) {
      const { profile } = await inspector.post("Profiler.stop");
      writeFileSync(process.env.PROFILE_CPU, JSON.stringify(profile));
    }
  } finally {
    client.query = originalQuery;
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
