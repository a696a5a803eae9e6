import { demoIds } from "@homeward/db";
import { afterAll, beforeAll, it } from "vitest";
import { axeViolations, type Harness, signInToPractitioner, startHarness } from "./harness.ts";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.stop());
it("debug", { timeout: 120_000 }, async () => {
  const context = await harness.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await signInToPractitioner(page, harness, "social-worker@homeward.example");
  let t = Date.now();
  const r = await page.goto(`${harness.practitioner}/cases/${demoIds.cases.mia}/people`);
  console.log("STATUS", r?.status(), page.url(), Date.now() - t);
  console.log((await page.locator("main").innerText()).slice(0, 1500));
  t = Date.now();
  await page.waitForLoadState("networkidle");
  console.log("IDLE", Date.now() - t);
  t = Date.now();
  console.log("AXE", JSON.stringify(await axeViolations(page)).slice(0, 1500), Date.now() - t);
});
