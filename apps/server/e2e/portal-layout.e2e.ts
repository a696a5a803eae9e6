// Every portal page fits a 320 px phone screen (which is also what 400 % zoom of a laptop
// window gives), in a left-to-right and a right-to-left language, and low-data mode sends
// pages without any JavaScript.
import { demoIds } from "@homeward/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, signInToPortal, startHarness } from "./harness.ts";

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.stop());

const pages = [
  "/",
  "/traffic-light",
  "/agreement",
  "/agreement/print",
  "/records",
  `/records/${demoIds.entries.yasminSharedWithAmira}`,
  "/views",
  "/meetings",
  "/account",
];

describe("small screens", () => {
  it("never makes a family member scroll sideways at 320 px, in English or Arabic", async () => {
    const context = await harness.newContext({ viewport: { width: 320, height: 640 } });
    const page = await context.newPage();
    await signInToPortal(page, harness, "amira@homeward.example");
    const overflowing: string[] = [];
    for (const lng of ["en", "ar"]) {
      for (const path of pages) {
        await page.goto(`${harness.portal}/language?lng=${lng}&next=${encodeURIComponent(path)}`);
        const width = await page.evaluate(() => document.documentElement.scrollWidth);
        if (width > 320) overflowing.push(`${lng} ${path}: ${width}px`);
      }
    }
    expect(overflowing).toEqual([]);
    await context.close();
  });
});

describe("low-data mode", () => {
  it("sends no JavaScript at all when the browser asks to save data, and every page still works", async () => {
    const context = await harness.newContext({ extraHTTPHeaders: { "save-data": "on" } });
    const page = await context.newPage();
    await signInToPortal(page, harness, "amira@homeward.example");
    for (const path of pages) {
      await page.goto(`${harness.portal}${path}`);
      const scripts = await page.locator("script").count();
      const preloads = await page.locator('link[rel="modulepreload"]').count();
      expect({ path, scripts, preloads }).toEqual({ path, scripts: 0, preloads: 0 });
    }
    await context.close();
  });
});
