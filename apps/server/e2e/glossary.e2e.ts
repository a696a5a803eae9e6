// The glossary and "How this works" (issue 8): public pages in every shipped language, terms
// in the app's texts linked to their entries, search without JavaScript, and the timeline
// at 320 px in a left-to-right and a right-to-left language.
import { languageCodes } from "@homeward/i18n";
import { resources } from "@homeward/i18n/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  axeViolations,
  type Harness,
  signInToPortal,
  startHarness,
  waitForPage,
} from "./harness.ts";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.stop());

const inLanguage = (lng: string, path: string) =>
  `${harness.portal}/language?lng=${lng}&next=${encodeURIComponent(path)}`;

type Terms = Record<string, { term: string }>;
const termsOf = (lng: string) =>
  ((resources as Record<string, Record<string, { terms: Terms }>>)[lng]?.glossary?.terms ??
    {}) as Terms;

describe("glossary page", () => {
  it("lists every term with an anchor and passes axe, signed out, in every shipped language", async () => {
    const context = await harness.newContext();
    const page = await context.newPage();
    for (const lng of languageCodes) {
      await page.goto(inLanguage(lng, "/glossary"));
      expect(new URL(page.url()).pathname).toBe("/glossary");
      expect(await page.locator("html").getAttribute("lang")).toBe(lng);
      const terms = termsOf(lng);
      expect(Object.keys(terms).length).toBeGreaterThanOrEqual(40);
      const shown = await page
        .locator(".hw-glossary__entry")
        .evaluateAll((els) => els.map((e) => [e.id, e.querySelector("h2")?.textContent ?? ""]));
      expect(Object.fromEntries(shown), lng).toEqual(
        Object.fromEntries(Object.entries(terms).map(([id, { term }]) => [id, term])),
      );
      expect(await axeViolations(page), lng).toEqual([]);
    }
    await context.close();
  });

  it("searches without JavaScript, in the reader's language", async () => {
    const context = await harness.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(inLanguage("en", "/glossary"));
    await page.getByRole("searchbox").fill("guardianship");
    await page.getByRole("button", { name: "Search" }).click();
    await waitForPage(page, /\/glossary\?q=guardianship/);
    const found = await page.locator(".hw-glossary h2").allTextContents();
    expect(found).toContain(termsOf("en").specialGuardianship?.term);
    expect(found).not.toContain(termsOf("en").careOrder?.term);
    await page.goto(`${harness.portal}/glossary?q=zzzznothing`);
    expect(await page.locator(".hw-glossary h2").count()).toBe(0);
    expect(await page.getByRole("status").textContent()).toContain("zzzznothing");
    await context.close();
  });

  it("links a term on the traffic-light page to its glossary entry, which is there", async () => {
    const context = await harness.newContext();
    const page = await context.newPage();
    await signInToPortal(page, harness, "parent@homeward.example");
    await page.goto(inLanguage("en", "/traffic-light"));
    const link = page.locator("main a.hw-glossed", { hasText: /traffic light/i }).first();
    expect(await link.getAttribute("href")).toBe("/glossary#riskClassification");
    await link.click();
    await waitForPage(page, /\/glossary#riskClassification$/);
    expect(await page.locator('[id="riskClassification"] h2').textContent()).toBe(
      termsOf("en").riskClassification?.term,
    );
    // The social worker's own words are theirs: never glossed.
    expect(await page.locator("main blockquote a.hw-glossed").count()).toBe(0);
    await context.close();
  });
});

describe("how it works", () => {
  it("passes axe at 320 px in English and Arabic without sideways scroll, marking the person's stage", async () => {
    const context = await harness.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    for (const lng of ["en", "ar"]) {
      await page.goto(inLanguage(lng, "/how-it-works"));
      expect(await page.locator("ol.hw-timeline > li").count()).toBe(5);
      expect(await page.locator(".hw-timeline__stage--here").count()).toBe(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        320,
      );
      expect(await axeViolations(page), lng).toEqual([]);
    }
    await signInToPortal(page, harness, "parent@homeward.example");
    for (const lng of ["en", "ar"]) {
      await page.goto(inLanguage(lng, "/how-it-works"));
      expect(await page.locator(".hw-timeline__stage--here").count()).toBeGreaterThan(0);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
        320,
      );
      expect(await axeViolations(page), `${lng} signed in`).toEqual([]);
    }
    await context.close();
  });
});
