import { defineConfig } from "vitest/config";

// The app's pure modules only (no React Router plugin): pages are tested in the browser
// (apps/server/e2e).
export default defineConfig({ test: { include: ["app/**/*.test.ts"] } });
