// The demo data - accounts with a published password and the demo integration client whose
// secret is printed at start - is seeded for local and demo use only, never by a production
// configuration, whatever SEED_DEMO says.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadConfig } from "./env.ts";

// A throwaway data folder: outside production, loadConfig writes a development secret there.
const dataDir = mkdtempSync(join(tmpdir(), "homeward-env-"));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const production = {
  HOMEWARD_ENV: "production",
  DATA_DIR: dataDir,
  AUTH_SECRET: "a".repeat(40),
  SMTP_URL: "smtp://mail.internal:25",
  MAIL_FROM: "Homeward <homeward@council.example>",
  PORTAL_ORIGIN: "https://portal.council.example",
  PRACTITIONER_ORIGIN: "https://staff.council.example",
};

describe("when the demo data (and the demo integration client) is seeded", () => {
  it("seeds it by default on a developer's machine and in tests", () => {
    expect(loadConfig({ DATA_DIR: dataDir }).seedDemo).toBe(true);
    expect(loadConfig({ HOMEWARD_ENV: "test", DATA_DIR: dataDir }).seedDemo).toBe(true);
  });

  it("can be turned off outside production", () => {
    expect(loadConfig({ DATA_DIR: dataDir, SEED_DEMO: "false" }).seedDemo).toBe(false);
  });

  it("never seeds it in production by default", () => {
    const config = loadConfig(production);
    expect(config.production).toBe(true);
    expect(config.seedDemo).toBe(false);
    expect(loadConfig({ ...production, SEED_DEMO: "false" }).seedDemo).toBe(false);
  });

  it("refuses to start in production when asked to seed it", () => {
    expect(() => loadConfig({ ...production, SEED_DEMO: "true" })).toThrow(
      /SEED_DEMO=true is never allowed in production/,
    );
  });
});
