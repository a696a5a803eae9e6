import { demoIds } from "@homeward/db";
import { afterAll, beforeAll, it } from "vitest";
import { type Harness, signInToPractitioner, startHarness } from "./harness.ts";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.stop());
it("debug", async () => {
  const context = await harness.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signInToPractitioner(page, harness, "social-worker@homeward.example");
  const r = await page.goto(`${harness.practitioner}/cases/${demoIds.cases.mia}/people`);
  console.log("STATUS", r?.status(), page.url());
  console.log((await page.locator("main").innerText()).slice(0, 3000));
});
