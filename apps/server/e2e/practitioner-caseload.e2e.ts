// The practitioner caseload and case overview (issue 6, items 1 and 2), in Chromium: Sarah's
// caseload sorted, filtered and paged, with and without JavaScript; a keyboard-only run of
// the filter form; the overview of Yasmin's case; a family account refused; axe in en, cy, ar.
import { childCase, demoPassword } from "@homeward/db";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  axeViolations,
  type Harness,
  signInToPractitioner,
  startHarness,
  waitForPage,
} from "./harness.ts";

let harness: Harness;
let sarah: { context: BrowserContext; page: Page };

beforeAll(async () => {
  harness = await startHarness();
  const context = await harness.newContext();
  const page = await context.newPage();
  await signInToPractitioner(page, harness, "social-worker@homeward.example");
  sarah = { context, page };
});
afterAll(() => harness?.stop());

const references = (page: Page) =>
  page.locator("main table tbody tr td:first-child").allTextContents();

describe("the caseload", () => {
  it("shows Sarah's three cases with the traffic light in words and what is due", async () => {
    const { page } = sarah;
    await page.goto(harness.practitioner);
    await expect(page.locator("h1").textContent()).resolves.toBe("Caseload");
    await expect(page.locator("table caption").textContent()).resolves.toContain("3");
    await expect.poll(() => references(page)).toEqual(["HW-1001", "HW-1002", "HW-1003"]);
    const tyler = page.locator("tr", { hasText: "HW-1003" });
    await expect(tyler.textContent()).resolves.toContain("Severe risk");
    await expect(tyler.textContent()).resolves.toContain("Sarah Okafor");
    const yasmin = page.locator("tr", { hasText: "HW-1002" });
    await expect(yasmin.textContent()).resolves.toContain("Medium risk");
    await expect(yasmin.textContent()).resolves.toContain("Overdue");
    await expect(yasmin.textContent()).resolves.toContain("Help promised but not given");
    await expect(page.locator("tr", { hasText: "HW-1001" }).textContent()).resolves.toContain(
      "Not yet classified",
    );
  });

  it("sorts by a column header link, with aria-sort on the header", async () => {
    const { page } = sarah;
    await page.goto(harness.practitioner);
    await page.locator("th a", { hasText: "Risk level" }).click();
    await waitForPage(page, /sort=level/);
    await expect.poll(() => references(page)).toEqual(["HW-1002", "HW-1003", "HW-1001"]);
    await expect
      .poll(() => page.locator("th", { hasText: "Risk level" }).getAttribute("aria-sort"))
      .toBe("ascending");
    await page.locator("th a", { hasText: "Risk level" }).click();
    await waitForPage(page, /dir=desc/);
    await expect.poll(() => references(page)).toEqual(["HW-1003", "HW-1002", "HW-1001"]);
    await expect
      .poll(() => page.locator("th", { hasText: "Risk level" }).getAttribute("aria-sort"))
      .toBe("descending");
  });

  it("filters by level, stage and overdue items, keeping the sort", async () => {
    const { page } = sarah;
    await page.goto(`${harness.practitioner}/?sort=child`);
    await page.locator("#filter-overdue").check();
    await page.getByRole("button", { name: "Show cases" }).click();
    await waitForPage(page, /overdue=1/);
    expect(new URL(page.url()).searchParams.get("sort")).toBe("child");
    await expect.poll(() => references(page)).toEqual(["HW-1003", "HW-1002"]);
    await page.locator("#filter-stage").selectOption("initial_assessment");
    await page.getByRole("button", { name: "Show cases" }).click();
    await waitForPage(page, /stage=initial_assessment/);
    await expect
      .poll(() => page.locator("main").textContent())
      .toContain("No cases match these filters.");
    await page.getByRole("link", { name: "Clear the filters" }).click();
    await waitForPage(page, (url) => !url.search.includes("overdue"));
    await expect.poll(() => references(page)).toHaveLength(3);
  });

  it("filters and sorts without JavaScript (a plain query string)", async () => {
    const context = await harness.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInToPractitioner(page, harness, "team-manager@homeward.example");
    await page.goto(harness.practitioner);
    await page.locator("#filter-level").selectOption("severe");
    await page.getByRole("button", { name: "Show cases" }).click();
    await waitForPage(page, /level=severe/);
    await expect.poll(() => references(page)).toEqual(["HW-1003"]);
    await page.goto(harness.practitioner);
    await page.locator("th a", { hasText: "Reference" }).click();
    await waitForPage(page, /dir=desc/);
    // Priya also manages the North team, whose HW-06xx cases follow (demo-cohort.ts).
    await expect
      .poll(async () => (await references(page)).slice(0, 3))
      .toEqual(["HW-1003", "HW-1002", "HW-1001"]);
    await context.close();
  });

  it("runs the filter form by keyboard alone", async () => {
    const { page } = sarah;
    await page.goto(harness.practitioner);
    let focused = "";
    for (let i = 0; i < 40 && focused !== "filter-level"; i++) {
      await page.keyboard.press("Tab");
      focused = await page.evaluate(() => document.activeElement?.id ?? "");
    }
    expect(focused).toBe("filter-level");
    // Any, Low, Medium, High: three steps down.
    for (let i = 0; i < 3; i++) await page.keyboard.press("ArrowDown");
    await expect(page.locator("#filter-level").inputValue()).resolves.toBe("high");
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("filter-stage");
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe("filter-overdue");
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await waitForPage(page, /level=high/);
    expect(new URL(page.url()).searchParams.get("overdue")).toBe("1");
    // Nothing is high today: Tyler drifted to severe in January.
    await expect
      .poll(() => page.locator("main").textContent())
      .toContain("No cases match these filters.");
  });
});

describe("the case overview", () => {
  it("shows Yasmin's case: legal status, stage, risk, decisions and people", async () => {
    const { page } = sarah;
    await page.goto(harness.practitioner);
    await page.getByRole("link", { name: "HW-1002" }).click();
    await waitForPage(page, /\/cases\/case-yasmin$/);
    await page.locator("h1", { hasText: "Yasmin Haddad (HW-1002)" }).waitFor();
    await expect(
      page.locator("nav.hw-case-nav a[aria-current='page']").textContent(),
    ).resolves.toBe("Overview");
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).toContain("Care order (section 31)");
    expect(main).toContain("Agreeing what needs to change");
    expect(main).toContain("Medium risk");
    expect(main).toContain("Amira Haddad");
    expect(main).toContain("an interpreter");
    const timeline = await page.locator(".hw-timeline li").allTextContents();
    expect(timeline).toHaveLength(5);
    expect(timeline[1]).toContain("Decision 1");
    expect(timeline[3]).toContain("Decision 2");
    expect(timeline[4]).toContain("Risk classification 2");
  });

  it("refuses a family account and anyone not signed in", async () => {
    const context = await harness.newContext();
    const page = await context.newPage();
    await page.goto(`${harness.practitioner}/cases/case-yasmin`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await page.locator('input[name="email"]').fill("amira@homeward.example");
    await page.locator('input[name="password"]').fill(demoPassword);
    await page.getByRole("button").last().click();
    await page.locator(".hw-error-summary").waitFor();
    await page.goto(`${harness.practitioner}/cases/case-yasmin`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await context.close();
  });

  it("answers 404 for a case that does not exist", async () => {
    const { page } = sarah;
    const response = await page.goto(`${harness.practitioner}/cases/case-nobody`);
    expect(response?.status()).toBe(404);
  });
});

describe("accessibility", () => {
  it("has no axe violations on the caseload and the overview in en, cy and ar", async () => {
    const { page } = sarah;
    const failures: unknown[] = [];
    for (const lng of ["en", "cy", "ar"]) {
      for (const path of [
        "/",
        "/?overdue=1&sort=nextDue",
        "/cases/case-yasmin",
        "/cases/case-tyler",
      ]) {
        await page.goto(
          `${harness.practitioner}/language?lng=${lng}&next=${encodeURIComponent(path)}`,
        );
        const violations = await axeViolations(page);
        if (violations.length) failures.push({ lng, path, violations });
      }
    }
    await page.goto(`${harness.practitioner}/language?lng=en&next=/`);
    expect(failures).toEqual([]);
  });

  it("fits a 320px phone without the page scrolling sideways", async () => {
    const context = await harness.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await signInToPractitioner(page, harness, "social-worker@homeward.example");
    for (const path of ["/", "/cases/case-yasmin"]) {
      await page.goto(`${harness.practitioner}${path}`);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
      expect(await axeViolations(page), path).toEqual([]);
    }
    await context.close();
  });
});

describe("paging", () => {
  it("pages a large caseload 25 at a time, with links that work", async () => {
    // Thirty more cases for the team, enough for two pages.
    await harness.host.database.db.insert(childCase).values(
      Array.from({ length: 30 }, (_, i) => ({
        id: `case-extra-${i}`,
        authorityId: "authority-demo",
        teamId: "team-demo",
        reference: `HW-2${String(i).padStart(3, "0")}`,
        childName: `Child ${i}`,
        childDateOfBirth: "2018-01-01",
        legalStatus: "s20",
        stage: "initial_assessment" as const,
      })),
    );
    const { page } = sarah;
    await page.goto(harness.practitioner);
    await expect(page.locator("table caption").textContent()).resolves.toContain("33");
    await expect.poll(() => references(page)).toHaveLength(25);
    const pages = page.getByRole("navigation", { name: "Pages of cases" });
    await expect(pages.locator("[aria-current='page']").textContent()).resolves.toBe("Page 1");
    await pages.getByRole("link", { name: "Next page" }).click();
    await waitForPage(page, /page=2/);
    await pages.locator("[aria-current='page']", { hasText: "Page 2" }).waitFor();
    await expect.poll(() => references(page)).toHaveLength(8);
    await pages.getByRole("link", { name: "Previous page" }).click();
    await waitForPage(page, (url) => !url.search.includes("page=2"));
    await pages.locator("[aria-current='page']", { hasText: "Page 1" }).waitFor();
    await expect.poll(() => references(page)).toHaveLength(25);
  });
});
