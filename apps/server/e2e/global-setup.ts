// Once per run, before any browser test: a data folder with the migrations applied and the
// demo data seeded. Each test file's harness starts from a copy of it (a fraction of a second)
// instead of seeding its own (several seconds of password hashing per file).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { loadConfig } from "../src/env.ts";
import { startHost } from "../src/host.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The seeded data folder the harness copies (see harness.ts). */
    e2eSeededDataDir: string;
  }
}

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), "homeward-e2e-seeded-"));
  const config = loadConfig({ HOMEWARD_ENV: "test", DATA_DIR: dataDir });
  // Set up only: no ports, no reminders (each harness sends its own at start, as before).
  const host = await startHost(config, () => {}, { setUp: true, serve: false, reminders: false });
  await host.stop();
  project.provide("e2eSeededDataDir", dataDir);
  return () => rmSync(dataDir, { recursive: true, force: true });
}
