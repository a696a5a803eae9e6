import { defineConfig } from "vitest/config";

// End-to-end: one host (both apps, PGlite in a temp folder) per file, real Chromium.
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    globalSetup: ["./e2e/global-setup.ts"],
    // Two files at a time (decision 021): each has its own host, database copy and ports,
    // and while one file waits on its browser the other uses the CPU.
    fileParallelism: true,
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // One retry for a browser test that trips over the 2-core machine's timing; each retry is
    // listed at the end of the run (decision 015), and a real failure fails twice.
    retry: 1,
    reporters: ["default", "./e2e/retried-reporter.ts"],
  },
});
