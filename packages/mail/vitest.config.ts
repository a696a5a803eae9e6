import { defineConfig } from "vitest/config";

// PGlite's WASM start takes several seconds on two cores: allow for it.
export default defineConfig({
  test: { include: ["src/**/*.test.ts"], testTimeout: 30_000, hookTimeout: 60_000 },
});
