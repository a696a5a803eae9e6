// Issue 7, part 3 in a real browser: Sarah completes and activates Yasmin's reunification
// plan; the return home is refused until Decision 3 is signed off by the team manager; then
// the return is recorded and the visits step down week by week, fortnight by fortnight,
// month by month; Amira sees the plan and the visits in the portal; Kerry reads why Tyler
// cannot come home and the contact plan. Axe on every new page, in each staff language for
// the practitioner pages and in English and the family's language for the portal.
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

const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);

async function choose(page: Page, group: string, option: string) {
  await page
    .getByRole("radiogroup", { name: group })
    .locator("label.hw-radio", { hasText: exactly(option) })
    .click();
}

async function expectNoAxeViolations(page: Page, base: string, path: string, lngs: string[]) {
  for (const lng of lngs) {
    await page.goto(`${base}/language?lng=${lng}&next=${encodeURIComponent(path)}`);
    await waitForPage(page, (url) => url.pathname === path.split("?")[0]);
    expect(await page.locator("html").getAttribute("lang")).toBe(lng);
    expect({ path, lng, violations: await axeViolations(page) }).toEqual({
      path,
      lng,
      violations: [],
    });
  }
  await page.goto(`${base}/language?lng=en&next=${encodeURIComponent(path)}`);
  await waitForPage(page, (url) => url.pathname === path.split("?")[0]);
}

describe("plans, Decision 3 and the return home", () => {
  let harness: Harness;
  let sarah: { context: BrowserContext; page: Page };
  const plansPath = "/cases/case-yasmin/plans";
  const planPath = `${plansPath}/plan-yasmin-reunification`;

  beforeAll(async () => {
    harness = await startHarness();
    const context = await harness.newContext();
    const page = await context.newPage();
    await signInToPractitioner(page, harness, "social-worker@homeward.example");
    sarah = { context, page };
  }, 120_000);
  afterAll(async () => {
    await harness?.stop();
  });

  it("Sarah completes Yasmin's reunification plan and makes it active", async () => {
    const { page } = sarah;
    await page.goto(`${harness.practitioner}${plansPath}`);
    await page.getByRole("link", { name: "Open and edit Reunification plan" }).click();
    await waitForPage(page, (url) => url.pathname === planPath);
    await page.locator("h1", { hasText: "Reunification plan: Yasmin Haddad" }).waitFor();

    // A new role in the first spare row; the page keeps the four roles already written.
    await page.getByRole("textbox", { name: "Name 5" }).fill("Dr Helen Price");
    await page.getByRole("textbox", { name: "Their role 5" }).fill("GP: reviews Amira's treatment");
    await page.getByRole("button", { name: "Save the plan" }).click();
    await waitForPage(page, /done=saved/);
    await page
      .locator(".hw-notice[role=status]", { hasText: "The plan has been saved." })
      .waitFor();
    expect(await page.getByRole("textbox", { name: "Their role 5" }).inputValue()).toBe(
      "GP: reviews Amira's treatment",
    );

    // A service needs its provider: the form says so and keeps what was typed.
    await page.getByRole("textbox", { name: "Service" }).fill("Counselling for Amira");
    await page.getByRole("button", { name: "Add the service" }).click();
    await page.getByRole("alert").filter({ hasText: "Enter who provides the service." }).waitFor();
    expect(await page.getByRole("textbox", { name: "Service" }).inputValue()).toBe(
      "Counselling for Amira",
    );
    await page.getByRole("textbox", { name: "Provider" }).fill("Northmoor Talking Therapies");
    await page.getByRole("button", { name: "Add the service" }).click();
    await waitForPage(page, /done=service/);
    await page
      .locator(".hw-notice[role=status]", { hasText: "The service has been added." })
      .waitFor();
    await page.getByText("Provided by Northmoor Talking Therapies").waitFor();

    await expectNoAxeViolations(page, harness.practitioner, planPath, ["en", "cy", "ar"]);

    await page.getByRole("button", { name: "Make active and share with the family" }).click();
    await waitForPage(page, /done=activated/);
    await page
      .locator(".hw-notice[role=status]", {
        hasText: "The plan is now active and shared with the family.",
      })
      .waitFor();
    expect(await page.locator("main").textContent()).toContain("Active – shared with the family");
  });

  it("refuses the return home until Decision 3 is signed off by the team manager", async () => {
    const { page } = sarah;
    await page.goto(`${harness.practitioner}${plansPath}`);
    expect(await page.locator("main").textContent()).toContain(
      "The return home cannot be recorded yet: Decision 3 has not been recorded.",
    );
    await page.getByRole("button", { name: "Record the return home" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: "Decision 3 has not been recorded." })
      .waitFor();

    await page.goto(`${harness.practitioner}/cases/case-yasmin/decisions`);
    await choose(page, "Which decision is it?", "Decision 3: go ahead with the return");
    await page.locator('input[name="outcome"]').fill("Go ahead with the return home");
    await page
      .locator('textarea[name="reasons"]')
      .fill("Risk classification 2 agreed medium; every weekend stay has gone well.");
    await page
      .locator('textarea[name="familyExplanation"]')
      .fill("Yasmin can come home. Amira, you kept every appointment, and that matters.");
    await page.getByRole("button", { name: "Record the decision" }).click();
    await waitForPage(page, /done=recorded/);
    await page.locator(".hw-notice[role=status]").waitFor();

    await page.goto(`${harness.practitioner}${plansPath}`);
    await page.getByRole("button", { name: "Record the return home" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: "Decision 3 has not been signed off by a team manager." })
      .waitFor();
    expect(await page.locator("main").textContent()).not.toContain("Home since");

    const context = await harness.newContext();
    const priya = await context.newPage();
    await signInToPractitioner(priya, harness, "team-manager@homeward.example");
    await priya.goto(`${harness.practitioner}/cases/case-yasmin/decisions`);
    await priya.getByRole("button", { name: "Sign off this decision" }).click();
    await waitForPage(priya, /done=signedOff/);
    await priya.goto(`${harness.practitioner}${plansPath}`);
    expect(await priya.locator("main").textContent()).toContain("Signed off by Priya Shah");
    // A manager signs off and may record the return, but does not write the plan.
    expect(await priya.getByRole("button", { name: "Start the plan" }).count()).toBe(0);
    await context.close();
  });

  it("records the return home and shows the visits stepping down", async () => {
    const { page } = sarah;
    await page.goto(`${harness.practitioner}${plansPath}`);
    expect(await page.locator('input[name="returnedOn"]').inputValue()).toBe("2026-11-26");
    await page.getByRole("button", { name: "Record the return home" }).click();
    await waitForPage(page, /done=returned/);
    await page
      .locator(".hw-notice[role=status]", { hasText: "The return home has been recorded" })
      .waitFor();
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).toContain("Home since 26 November 2026.");
    const visits = await page.locator("ol[aria-labelledby=visits-title] > li").allTextContents();
    expect(visits).toHaveLength(20);
    expect(visits[0]).toBe("3 December 2026 · Every week · to come");
    expect(visits[8]).toBe("4 February 2027 · Every two weeks · to come");
    expect(visits[14]).toBe("15 May 2027 · Every month · to come");
    expect(visits[19]).toBe("15 October 2027 · Every month · to come");
    expect(main).toContain("1. 26 February 2027 – to come");
    expect(main).toContain("4. 15 October 2027 – to come");
    expect(main).toContain("Record the visit due 3 December 2026 (Every week)");
    await expectNoAxeViolations(page, harness.practitioner, plansPath, ["en", "cy", "ar"]);
  });

  it("Amira sees the plan, who helps, the reviews and the visits, not the workers' notes", async () => {
    const context = await harness.newContext();
    const page = await context.newPage();
    await signInToPortal(page, harness, "amira@homeward.example");
    await page.goto(`${harness.portal}/language?lng=en&next=/plan`);
    await waitForPage(page, (url) => url.pathname === "/plan");
    await page.getByRole("navigation").getByRole("link", { name: "My plan" }).waitFor();
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).toContain("The plan for going home");
    expect(main).toContain(
      "Counselling for Amira, from Northmoor Talking Therapies (not started yet)",
    );
    expect(main).toContain("Dr Helen Price: GP: reviews Amira's treatment");
    expect(main).toContain("The next check is on 3 December 2026");
    expect(main).toContain("Yasmin went home on 26 November 2026.");
    expect(main).toContain("The next visit is on 3 December 2026.");
    expect(main).toContain("3 December 2026: weekly visit");
    await expectNoAxeViolations(page, harness.portal, "/plan", ["en", "ar"]);
    // At a phone's width nothing scrolls sideways.
    await page.setViewportSize({ width: 320, height: 640 });
    expect(
      await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
    ).toBe(true);
    await context.close();
  });

  it("Yasmin reads her own plan, in words for her", async () => {
    const context = await harness.newContext();
    const page = await context.newPage();
    await signInToPortal(page, harness, "young-person@homeward.example");
    await page.goto(`${harness.portal}/plan`);
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).toContain("Your plan");
    expect(main).toContain("You went home on 26 November 2026.");
    expect(main).toContain("They do not stop all at once.");
    await context.close();
  });

  it("without JavaScript, Tyler's return is refused with the reason; the page passes axe", async () => {
    const context = await harness.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInToPractitioner(page, harness, "social-worker@homeward.example");
    const path = "/cases/case-tyler/plans";
    await page.goto(`${harness.practitioner}${path}`);
    const before = (await page.locator("main").textContent()) ?? "";
    expect(before).toContain("Came back into care on 18 March 2024.");
    expect(before).toContain("Alternative permanence plan");
    await page.getByRole("button", { name: "Record the return home" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: "Decision 3 has not been recorded." })
      .waitFor();
    await context.close();
    // Axe runs in the page, so it needs JavaScript: the same page in Sarah's usual browser.
    await expectNoAxeViolations(sarah.page, harness.practitioner, path, ["en"]);
  });

  it("Kerry reads why Tyler cannot come home, and the contact plan, in plain words", async () => {
    const context = await harness.newContext();
    const page = await context.newPage();
    await signInToPortal(page, harness, "kerry@homeward.example");
    await page.goto(`${harness.portal}/plan`);
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).toContain("Where Tyler will live");
    expect(main).toContain("This is not because you did not try.");
    expect(main).toContain("Seeing each other");
    expect(main).toContain("Eastfield Family Centre: Supervises Saturday contact");
    expect(main).not.toContain("After going home");
    await expectNoAxeViolations(page, harness.portal, "/plan", ["en"]);
    await context.close();
  });
});
