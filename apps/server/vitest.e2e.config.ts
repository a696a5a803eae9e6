import { defineConfig } from "vitest/config";

// End-to-end: one host (both apps, PGlite in a temp folder) per file, real Chromium.
export default defineConfig({
  test: {
    include: ["e2e/**/*.e2e.ts"],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
