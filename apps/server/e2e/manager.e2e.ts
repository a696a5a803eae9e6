// The manager view (issue 7, part 4) in Chromium: Priya reaches the team figures from the
// navigation, chooses the North team (with and without JavaScript) and sees the outcome
// figures of the seeded cohort (packages/db/src/demo-cohort.ts, counted by hand in
// packages/services/src/manager.test.ts); she downloads them as CSV; a social worker is
// refused the page and the file; axe in en, cy and ar, and a 320 px phone.
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
let priya: { context: BrowserContext; page: Page };
const north = "team-demo-north";

beforeAll(async () => {
  harness = await startHarness();
  const context = await harness.newContext();
  const page = await context.newPage();
  await signInToPractitioner(page, harness, "team-manager@homeward.example");
  priya = { context, page };
});
afterAll(() => harness?.stop());

/** The outcomes table's row for a window: its cells' text. */
const windowRow = (page: Page, months: number) =>
  page.locator(`#outcomes-table tr[data-months="${months}"] > *`).allTextContents();

/** A headline figure by its label. */
const figure = (page: Page, label: string) =>
  page.locator(".hw-figures div", { has: page.locator("dt", { hasText: label }) }).locator("dd");

describe("the team figures", () => {
  it("are one click from the navigation, for all of Priya's teams", async () => {
    const { page } = priya;
    await page.goto(harness.practitioner);
    await page
      .getByRole("navigation", { name: "Main" })
      .getByRole("link", { name: "Team figures" })
      .click();
    await waitForPage(page, /\/manager$/);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Team figures");
    await expect(page.locator("main").textContent()).resolves.toContain(
      "Teams: North Reunification Team, Reunification Team",
    );
    // 29 children of the cohort and Tyler.
    await expect(figure(page, "Children who went home").textContent()).resolves.toBe("30");
  });

  it("show the North team's cohort: returns home and returns to care by window", async () => {
    const { page } = priya;
    await page.goto(`${harness.practitioner}/manager`);
    await page.locator("#figures-team").selectOption(north);
    await page.getByRole("button", { name: "Show figures" }).click();
    await waitForPage(page, /team=team-demo-north/);
    await expect.poll(() => figure(page, "Children who went home").textContent()).toBe("29");
    await expect(figure(page, "Back in care now").textContent()).resolves.toBe("14");
    await expect(figure(page, "Still at home").textContent()).resolves.toBe("15");
    // The demo's returns are each a child's only one, so returns equal children here; the
    // service tests count a child who went home twice.
    await expect(figure(page, "Returns home").textContent()).resolves.toBe("29");
    await expect(figure(page, "came back into care").textContent()).resolves.toBe("14");
    // Window, home long enough, back in care, share, too recent, of those already back.
    await expect(windowRow(page, 6)).resolves.toEqual([
      "Within 6 months",
      "27",
      "5",
      "19%",
      "2",
      "1",
    ]);
    await expect(windowRow(page, 12)).resolves.toEqual([
      "Within 12 months",
      "24",
      "8",
      "33%",
      "5",
      "2",
    ]);
    await expect(windowRow(page, 24)).resolves.toEqual([
      "Within 24 months",
      "18",
      "8",
      "44%",
      "11",
      "5",
    ]);
    await expect(figure(page, "Matched on every input").textContent()).resolves.toBe("7 (58%)");
    await expect(figure(page, "Open cases with something overdue").textContent()).resolves.toBe(
      "2",
    );
  });

  it("draws each chart as one image with a title and every value in its description", async () => {
    const { page } = priya;
    await page.goto(`${harness.practitioner}/manager?team=${north}`);
    const chart = page.getByRole("img", {
      name: /Back in care within 6, 12 and 24 months of going home/,
    });
    await expect(chart.count()).resolves.toBe(1);
    const desc = await chart.locator("desc").textContent();
    expect(desc).toBe("Within 6 months: 19%; Within 12 months: 33%; Within 24 months: 44%");
    const levels = page.getByRole("img", { name: /Open cases by risk level today/ });
    await expect(levels.locator("desc").textContent()).resolves.toBe(
      "Low risk: 4; Medium risk: 3; High risk: 4; Severe risk: 0; Not yet classified: 4",
    );
  });

  it("work without JavaScript: the team is chosen with a plain GET form", async () => {
    const context = await harness.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInToPractitioner(page, harness, "team-manager@homeward.example");
    await page.goto(`${harness.practitioner}/manager`);
    await page.locator("#figures-team").selectOption("team-demo");
    await page.getByRole("button", { name: "Show figures" }).click();
    await waitForPage(page, /team=team-demo$/);
    // Tyler went home in September 2023 and was back in care six and a half months later.
    await expect(windowRow(page, 6)).resolves.toEqual([
      "Within 6 months",
      "1",
      "0",
      "0%",
      "0",
      "0",
    ]);
    await expect(windowRow(page, 12)).resolves.toEqual([
      "Within 12 months",
      "1",
      "1",
      "100%",
      "0",
      "0",
    ]);
    await context.close();
  });

  it("download as CSV: an attachment, one figure a row", async () => {
    const { page } = priya;
    await page.goto(`${harness.practitioner}/manager?team=${north}`);
    const link = page.getByRole("link", { name: "Download these figures (CSV)" });
    await expect(link.getAttribute("download")).resolves.toBe("");
    const href = (await link.getAttribute("href")) ?? "";
    const response = await page.context().request.get(`${harness.practitioner}${href}`);
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(response.headers()["content-disposition"]).toBe(
      'attachment; filename="team-figures-2026-11-26.csv"',
    );
    const lines = (await response.text()).replace(/^\uFEFF/, "").split("\r\n");
    expect(lines[0]).toBe("Section,Measure,Number,Out of,Percent");
    expect(lines).toContain("Children who went home,Children who went home,29,,");
    expect(lines).toContain(
      "Children who went home,Returns home (a child who went home twice counts twice),29,,",
    );
    expect(lines).toContain(
      "Children who went home,Returns after which the child came back into care,14,29,",
    );
    expect(lines).toContain("Within 6 months,Back in care within that time,5,27,18.5");
    expect(lines).toContain("Within 12 months,Back in care within that time,8,24,33.3");
    expect(lines).toContain("Within 24 months,Back in care within that time,8,18,44.4");
    expect(lines).toContain("Within 24 months,Too recent to tell,11,,");
  });
});

describe("refusals", () => {
  it("a social worker gets no link, and is refused the page and the file", async () => {
    const context = await harness.newContext();
    const page = await context.newPage();
    await signInToPractitioner(page, harness, "social-worker@homeward.example");
    await page.goto(harness.practitioner);
    await expect(page.getByRole("link", { name: "Team figures" }).count()).resolves.toBe(0);
    const pageResponse = await page.goto(`${harness.practitioner}/manager`);
    expect(pageResponse?.status()).toBe(403);
    const file = await context.request.get(`${harness.practitioner}/manager/figures.csv`);
    expect(file.status()).toBe(403);
    expect(await file.text()).not.toContain("Children who went home");
    await context.close();
  });

  it("Priya is refused a team that is not hers", async () => {
    const response = await priya.page.goto(`${harness.practitioner}/manager?team=team-nowhere`);
    expect(response?.status()).toBe(403);
  });

  it("anyone not signed in is sent to sign in", async () => {
    const context = await harness.newContext();
    const page = await context.newPage();
    await page.goto(`${harness.practitioner}/manager`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await context.close();
  });
});

describe("accessibility", () => {
  it("has no axe violations in en, cy and ar", async () => {
    const { page } = priya;
    const failures: unknown[] = [];
    for (const lng of ["en", "cy", "ar"]) {
      for (const path of ["/manager", `/manager?team=${north}`]) {
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
    await signInToPractitioner(page, harness, "team-manager@homeward.example");
    await page.goto(`${harness.practitioner}/manager?team=${north}`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});
