// Load benchmark of the built portal for a signed-in parent: median and p95 latency and
// throughput at 50 concurrent connections, on PGlite and (when BENCH_DATABASE_URL is set)
// on PostgreSQL. Loopback only; each run is bounded in time.
// Usage (after `pnpm exec turbo run build`):
//   node apps/server/scripts/portal-load.ts                       # PGlite
//   BENCH_DATABASE_URL=postgres://... node apps/server/scripts/portal-load.ts
import "../src/node-env.ts";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { demoIds, demoPassword } from "@homeward/db";
import autocannon from "autocannon";
import { loadConfig } from "../src/env.ts";
import { startHost } from "../src/host.ts";
import { signInFamily } from "./sign-in.ts";

const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);

async function main() {
  const dataDir = mkdtempSync(join(tmpdir(), "homeward-load-"));
  const databaseUrl = process.env.BENCH_DATABASE_URL;
  const config = loadConfig({
    HOMEWARD_ENV: "test",
    DATA_DIR: dataDir,
    PORTAL_PORT: "3920",
    PRACTITIONER_PORT: "3921",
    SIGN_IN_ATTEMPTS_PER_MINUTE: "1000",
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  const host = await startHost(config, () => {});
  try {
    // Amira: the demo parent with an agreement, entries to check and a meeting.
    const jar = await signInFamily(host, "amira@homeward.example", demoPassword);
    const pages = [
      { name: "home", path: "/" },
      { name: "agreement", path: "/agreement" },
      { name: "entry", path: `/records/${demoIds.entries.yasminSharedWithAmira}` },
    ];
    console.log(
      `database: ${host.database.kind}; ${connections} connections; ${seconds} s per page`,
    );
    console.log("page        req/s     median ms   p95 ms   p99 ms   non-2xx");
    for (const page of pages) {
      const times: number[] = [];
      const result = await new Promise<autocannon.Result>((resolve, reject) => {
        const instance = autocannon(
          {
            url: host.urls.portal + page.path,
            connections,
            duration: seconds,
            headers: { cookie: jar.header(), "accept-encoding": "gzip" },
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
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

await main();
