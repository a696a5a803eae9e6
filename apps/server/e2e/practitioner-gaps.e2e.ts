// Issue 7, practitioner app II gaps, in a real browser:
// - Tyler cannot go home: the return home is refused with everything the framework's rules
//   say is missing, the date typed is kept, and his earlier failed return is in the history
//   (case overview and the plans and monitoring page).
// - Yasmin is home (arranged through the services, as plans.e2e.ts records it in the UI):
//   Tom, the co-worker on her case, records a monitoring visit; Sarah records the return to
//   care, and the return stays in the history with both dates.
// - Sarah removes a review date added by mistake (a stale page is refused), then ends
//   Amira's agreement with a reason; Amira still reads it, with the day it ended and why.
// Axe on each changed page, in the staff languages for the practitioner pages.
import { childCase, demoIds, user } from "@homeward/db";
import { recordDecision, signOffDecision } from "@homeward/services/decisions";
import { activatePlan, planFor, recordReturnHome } from "@homeward/services/plans";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  axeViolations,
  type Harness,
  signInToPortal,
  signInToPractitioner,
  startHarness,
  waitForPage,
} from "./harness.ts";

let harness: Harness;
let sarah: BrowserContext;
const { cases } = demoIds;

beforeAll(async () => {
  harness = await startHarness();
  sarah = await harness.newContext();
  const page = await sarah.newPage();
  await signInToPractitioner(page, harness, "social-worker@homeward.example");
  await page.close();
}, 120_000);
afterAll(() => harness?.stop());

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${harness.practitioner}${path}`);
  // Typing before the page has come alive (hydrated) would race React.
  await page.waitForLoadState("networkidle");
  return page;
}

const mainText = async (page: Page) => (await page.locator("main").textContent()) ?? "";

async function noViolationsIn(page: Page, path: string, lngs: readonly string[]) {
  for (const lng of lngs) {
    await page.goto(`${harness.practitioner}/language?lng=${lng}&next=${encodeURIComponent(path)}`);
    await waitForPage(page, (url) => url.pathname === path);
    expect(await page.locator("html").getAttribute("lang")).toBe(lng);
    expect({ lng, violations: await axeViolations(page) }).toEqual({ lng, violations: [] });
  }
  await page.goto(`${harness.practitioner}/language?lng=en&next=${encodeURIComponent(path)}`);
  await waitForPage(page, (url) => url.pathname === path);
}

/** A service context for a demo account, on the harness's database and clock. */
async function as(email: string) {
  const { db } = harness.host.database;
  const row = (await db.select({ id: user.id, email: user.email }).from(user)).find(
    (u) => u.email === email,
  );
  return {
    db,
    userId: row?.id ?? "",
    kind: "practitioner" as const,
    app: "practitioner" as const,
    now: new Date("2026-11-26T12:30:00Z"),
  };
}

describe("the return home: the rules for the move, and every return kept", () => {
  const tylerPlans = `/cases/${cases.tyler}/plans`;

  it("Tyler's return home is refused with everything missing, keeping the date typed", async () => {
    const page = await open(sarah, tylerPlans);
    const before = await mainText(page);
    expect(before).toContain("What the framework still needs before the return home:");
    expect(before).toContain("The risk is too high for the child to go home.");
    await page.locator('input[name="returnedOn"]').fill("2026-11-20");
    await page.getByRole("button", { name: "Record the return home" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: "Decision 3 has not been recorded." })
      .waitFor();
    const after = await mainText(page);
    expect(after).toContain("Still missing:");
    expect(after).toContain("The risk is too high for the child to go home.");
    expect(await page.locator('input[name="returnedOn"]').inputValue()).toBe("2026-11-20");
    expect(after).not.toContain("Home since");
  });

  it("without JavaScript, the refusal lists what is missing and keeps the date", async () => {
    const context = await harness.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInToPractitioner(page, harness, "social-worker@homeward.example");
    await page.goto(`${harness.practitioner}${tylerPlans}`);
    await page.locator('input[name="returnedOn"]').fill("2026-11-19");
    await page.getByRole("button", { name: "Record the return home" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: "Decision 3 has not been recorded." })
      .waitFor();
    const text = await mainText(page);
    expect(text).toContain("Still missing:");
    expect(text).toContain("The risk is too high for the child to go home.");
    expect(await page.locator('input[name="returnedOn"]').inputValue()).toBe("2026-11-19");
    await context.close();
  });

  it("Tyler's earlier, failed return is in his history, on the overview and the plans page", async () => {
    const page = await open(sarah, tylerPlans);
    const line = "Return 1: home on 4 September 2023 – came back into care on 18 March 2024";
    expect((await mainText(page)).replace(/\s+/g, " ")).toContain(line);
    await noViolationsIn(page, tylerPlans, ["en", "cy", "ar"]);
    await page.goto(`${harness.practitioner}/cases/${cases.tyler}`);
    await waitForPage(page, (url) => url.pathname === `/cases/${cases.tyler}`);
    await page.getByRole("heading", { name: "Returns home" }).waitFor();
    expect((await mainText(page)).replace(/\s+/g, " ")).toContain(line);
    await noViolationsIn(page, `/cases/${cases.tyler}`, ["en", "cy", "ar"]);
  });

  it("Tom, the co-worker, records a visit after Yasmin's return; the return to care is kept", async () => {
    // Arranged as the practitioners would have recorded it (plans.e2e.ts does it in the UI).
    const sw = await as("social-worker@homeward.example");
    const manager = await as("team-manager@homeward.example");
    const { decisionId } = await recordDecision(sw, cases.yasmin, {
      point: "decision_3",
      outcome: "Go ahead with the return home",
      reasons: "Classification 2 agreed medium; the weekend stays went well.",
      familyExplanation: "Yasmin can come home.",
    });
    await signOffDecision(manager, decisionId, 1);
    const plan = await planFor(sw, demoIds.plans.yasminReunification);
    await activatePlan(sw, demoIds.plans.yasminReunification, plan.plan.version);
    // (No query builder here: the server package does not depend on drizzle-orm directly.)
    const yasmin = (await harness.host.database.db.select().from(childCase)).find(
      (c) => c.id === cases.yasmin,
    );
    await recordReturnHome(sw, cases.yasmin, {
      returnedOn: "2026-11-26",
      version: yasmin?.version ?? 1,
    });

    const tom = await harness.newContext();
    const tomPage = await tom.newPage();
    await signInToPractitioner(tomPage, harness, "co-worker@homeward.example");
    const plansPath = `/cases/${cases.yasmin}/plans`;
    await tomPage.goto(`${harness.practitioner}${plansPath}`);
    await tomPage.waitForLoadState("networkidle");
    // Tom may record visits, not the return or the plan.
    expect(await tomPage.getByRole("button", { name: "Record the return home" }).count()).toBe(0);
    expect(await tomPage.getByRole("button", { name: "Start the plan" }).count()).toBe(0);
    expect(await mainText(tomPage)).toContain("These visits and checks follow return 1");
    // Notes are required: the form says so and keeps the date.
    await tomPage.locator('input[name="happenedOn"]').fill("2026-11-26");
    await tomPage.getByRole("button", { name: "Record the visit" }).click();
    await tomPage.getByRole("alert").filter({ hasText: "Write notes of the visit." }).waitFor();
    expect(await tomPage.locator('input[name="happenedOn"]').inputValue()).toBe("2026-11-26");
    await tomPage
      .locator('textarea[name="notes"]')
      .fill("Called in after school; Yasmin showed me her new timetable.");
    await tomPage.getByRole("button", { name: "Record the visit" }).click();
    await waitForPage(tomPage, /done=visit/);
    await tomPage.locator(".hw-notice[role=status]").waitFor();
    const visits = await tomPage.locator("ol[aria-labelledby=visits-title] > li").allTextContents();
    expect(visits[0]).toContain("visited on 26 November 2026");
    await noViolationsIn(tomPage, plansPath, ["en", "cy", "ar"]);
    await tom.close();

    // Sarah records the return to care: the return stays in the history with both dates.
    const page = await open(sarah, plansPath);
    await page.locator('input[name="on"]').fill("2026-11-26");
    await page.getByRole("button", { name: "Record the return to care" }).click();
    await waitForPage(page, /done=backInCare/);
    await page.locator(".hw-notice[role=status]").waitFor();
    expect((await mainText(page)).replace(/\s+/g, " ")).toContain(
      "Return 1: home on 26 November 2026 – came back into care on 26 November 2026",
    );
    expect(await mainText(page)).toContain("recorded by Sarah Okafor");
  });
});

describe("ending an agreement, and removing a review date added by mistake", () => {
  const builderPath = `/cases/${cases.yasmin}/agreements/${demoIds.agreement}`;

  it("a review date added by mistake is removed; a page opened before is refused", async () => {
    const page = await open(sarah, builderPath);
    await page.getByRole("textbox", { name: "Review date", exact: true }).fill("2027-01-30");
    await page.getByRole("button", { name: "Add the review date" }).click();
    await waitForPage(page, /saved=review/);
    await page.getByRole("status").waitFor();

    // A second tab, opened now, will be out of date after the removal below.
    const stale = await open(sarah, builderPath);
    const form = page.getByRole("form", { name: "Remove a review date added by mistake" });
    await form.locator("label").filter({ hasText: "30 January 2027" }).click();
    await form.getByRole("textbox", { name: "Why (optional)" }).fill("Wrong month");
    await form.getByRole("button", { name: "Remove the review date" }).click();
    await waitForPage(page, /saved=reviewRemoved/);
    await page
      .getByRole("status")
      .filter({ hasText: "The review date has been removed." })
      .waitFor();
    const text = await mainText(page);
    expect(text).toContain("Review dates removed");
    expect(text).toContain("30 January 2027: removed by Sarah Okafor");
    expect(text).toContain("Why: Wrong month");
    await noViolationsIn(page, builderPath, ["en", "cy", "ar"]);

    const staleForm = stale.getByRole("form", { name: "Remove a review date added by mistake" });
    await staleForm.locator("label").filter({ hasText: "3 December 2026" }).click();
    await staleForm.getByRole("button", { name: "Remove the review date" }).click();
    await stale.locator(".hw-error-summary").first().waitFor();
    expect(await mainText(stale)).toContain("Someone else");
    await stale.close();
  });

  it("Sarah ends Amira's agreement with a reason; Amira still reads it and sees why", async () => {
    const page = await open(sarah, builderPath);
    const end = page.getByRole("region", { name: "End this agreement" });
    await end.locator('input[name="endedOn"]').fill("2026-11-25");
    await end.getByRole("button", { name: "End the agreement" }).click();
    await page.getByRole("alert").filter({ hasText: "Write why the agreement ended." }).waitFor();
    expect(await page.locator('input[name="endedOn"]').inputValue()).toBe("2026-11-25");
    await page
      .getByRole("textbox", { name: "Why it ended" })
      .fill("Yasmin is home and her reunification plan now holds the support.");
    await page.getByRole("button", { name: "End the agreement" }).click();
    await waitForPage(page, /saved=ended/);
    await page.getByRole("status").filter({ hasText: "The agreement has ended." }).waitFor();
    const text = await mainText(page);
    expect(text).toContain("This agreement has ended");
    expect(text).toContain("Ended on 25 November 2026 by Sarah Okafor");
    // Nothing more changes in it; the goals and the history are still there.
    expect(await page.getByRole("button", { name: "Add the review date" }).count()).toBe(0);
    expect(text).toContain("Goal 1");
    await noViolationsIn(page, builderPath, ["en", "cy", "ar"]);

    const amira = await harness.newContext();
    const portal = await amira.newPage();
    await signInToPortal(portal, harness, "amira@homeward.example");
    for (const lng of ["en", "ar"]) {
      await portal.goto(`${harness.portal}/language?lng=${lng}&next=/agreement`);
      await waitForPage(portal, (url) => url.pathname === "/agreement");
      expect({ lng, violations: await axeViolations(portal) }).toEqual({ lng, violations: [] });
    }
    expect(await mainText(portal)).toContain("انتهى هذا الاتفاق في");
    await portal.goto(`${harness.portal}/language?lng=en&next=/agreement`);
    await waitForPage(portal, (url) => url.pathname === "/agreement");
    const family = await mainText(portal);
    expect(family).toContain("This agreement ended on 25 November 2026.");
    expect(family).toContain("Yasmin is home and her reunification plan now holds the support.");
    await amira.close();
  });
});
