// "Leave quickly": one control at the top of every portal page takes the person to a neutral
// site, signs them out, and Back does not bring Homeward back (issue 8, safety from coercion).
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Harness, signInToPortal, startHarness, waitForPage } from "./harness.ts";

let harness: Harness;
let neutral: string;
beforeAll(async () => {
  harness = await startHarness();
  neutral = harness.host.leaveQuicklyUrl;
});
afterAll(() => harness?.stop());

const onNeutralSite = (page: Page) => page.url().startsWith(new URL(neutral).origin);

describe("leave quickly", () => {
  it("with JavaScript: leaves, signs out, and Back does not return to Homeward", async () => {
    const context = await harness.newContext();
    const page = await context.newPage();
    await signInToPortal(page, harness, "parent@homeward.example");
    await page.goto(`${harness.portal}/agreement`);
    await page.goto(`${harness.portal}/records`);
    await page.getByRole("link", { name: "Leave quickly" }).click();
    await waitForPage(page, (url) => url.href.startsWith(new URL(neutral).origin));
    await page.goBack();
    await page.waitForLoadState();
    expect(onNeutralSite(page), page.url()).toBe(true);
    await page.goBack();
    await page.waitForLoadState();
    expect(onNeutralSite(page), page.url()).toBe(true);
    // Once the few minutes have passed the person is simply signed out.
    await context.clearCookies({ name: "homeward_left" });
    await page.goto(`${harness.portal}/agreement`);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await context.close();
  });

  it("without JavaScript: the plain link does the same", async () => {
    const context = await harness.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInToPortal(page, harness, "parent@homeward.example");
    await page.getByRole("link", { name: "Leave quickly" }).click();
    await waitForPage(page, (url) => url.href.startsWith(new URL(neutral).origin));
    await page.goto(`${harness.portal}/`);
    expect(onNeutralSite(page), page.url()).toBe(true);
    await context.close();
  });

  it("pressing Shift three times leaves, and the control is the first thing after the skip link", async () => {
    const context = await harness.newContext();
    const page = await context.newPage();
    await signInToPortal(page, harness, "second-parent@homeward.example");
    await page.goto(`${harness.portal}/traffic-light`);
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Leave quickly");
    await page.keyboard.press("Shift");
    await page.keyboard.press("Shift");
    await page.keyboard.press("Shift");
    await waitForPage(page, (url) => url.href.startsWith(new URL(neutral).origin));
    await context.close();
  });

  it("is on the sign-in page too, in the person's language", async () => {
    const page = await harness.browser.newPage();
    await page.goto(`${harness.portal}/language?lng=cy&next=/sign-in`);
    await expect(page.getByRole("link", { name: "Gadael yn gyflym" }).count()).resolves.toBe(1);
    await page.close();
  });
});
