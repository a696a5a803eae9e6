// Easy read (issue 8): Kerry, whose social worker recorded that she reads easy read, gets it
// on the five pages families use most without asking; a parent switches it on and off in
// the account and on a page, without JavaScript; every easy-read page passes axe in English
// and Arabic and fits a 320 px phone.
import { demoIds } from "@homeward/db";
import type { Page } from "playwright-core";
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

const kerryPages = [
  "/",
  "/traffic-light",
  "/agreement",
  `/records/${demoIds.entries.tylerFinalisedWithDisagreement}`,
  "/views",
];

async function signedIn(email: string, options: Parameters<Harness["newContext"]>[0] = {}) {
  const context = await harness.newContext({ javaScriptEnabled: false, ...options });
  const page = await context.newPage();
  await signInToPortal(page, harness, email);
  return page;
}

const isEasy = async (page: Page) => (await page.locator("main .hw-easy").count()) > 0;
const current = (page: Page) =>
  page.locator(".hw-easy-switch a[aria-current='page']").textContent();

async function inLanguage(page: Page, lng: string, path: string) {
  await page.goto(`${harness.portal}/language?lng=${lng}&next=${encodeURIComponent(path)}`);
}

async function saveEasyRead(page: Page, on: boolean) {
  await page.goto(`${harness.portal}/account`);
  await page
    .locator("fieldset, [role='radiogroup']")
    .filter({ hasText: "Easy read" })
    .getByText(on ? "Yes, use easy read" : "No", { exact: true })
    .click();
  await page.getByRole("button", { name: "Save settings" }).click();
  await waitForPage(page, /saved=preferences/);
}

describe("easy read", () => {
  it("is how Kerry's five pages open, because her case records that she reads easy read", async () => {
    const page = await signedIn("kerry@homeward.example");
    for (const path of kerryPages) {
      await page.goto(`${harness.portal}${path}`);
      expect(await isEasy(page), path).toBe(true);
      expect(await current(page), path).toBe("Easy read");
    }
    // The traffic light says its colour and its level in words, beside the picture.
    await page.goto(`${harness.portal}/traffic-light`);
    const light = await page.locator("main .hw-easy-line strong").first().textContent();
    expect(light).toMatch(
      /^Traffic light: (green|yellow|orange|red)\. (Low|Medium|High|Severe) risk\.$/,
    );
    // Her account shows easy read as on, until she chooses.
    await page.goto(`${harness.portal}/account`);
    await expect(page.getByRole("radio", { name: "Yes, use easy read" }).isChecked()).resolves.toBe(
      true,
    );
  });

  // One phone-sized browser for Kerry, shared by the page checks below (sign-in codes are
  // rate-limited per address); each page is its own test, with time for axe on a busy machine.
  let phone: Promise<Page> | undefined;
  const kerryOnAPhone = () => {
    // With JavaScript: axe runs in the page.
    phone ??= signedIn("kerry@homeward.example", {
      javaScriptEnabled: true,
      viewport: { width: 320, height: 640 },
    });
    return phone;
  };
  for (const lng of ["en", "ar"]) {
    for (const path of kerryPages) {
      it(`passes axe and fits 320 px in ${lng}: ${path}`, async () => {
        const page = await kerryOnAPhone();
        await inLanguage(page, lng, path);
        expect(await isEasy(page)).toBe(true);
        await expect(page.locator("html").getAttribute("dir")).resolves.toBe(
          lng === "ar" ? "rtl" : "ltr",
        );
        expect(await axeViolations(page)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          320,
        );
        if (lng === "ar" && path === "/traffic-light") {
          await expect(page.locator("main").textContent()).resolves.toContain("إشارة المرور:");
        }
      }, 120_000);
    }
  }

  it("lets a parent switch it on and off on a page, for the rest of the visit, without JavaScript", async () => {
    const page = await signedIn("parent@homeward.example");
    await page.goto(`${harness.portal}/`);
    expect(await isEasy(page)).toBe(false);
    expect(await current(page)).toBe("Standard");
    await page.locator(".hw-easy-switch a", { hasText: "Easy read" }).click();
    await waitForPage(page, (url) => url.pathname === "/" && !url.search.includes("read="));
    expect(await isEasy(page)).toBe(true);
    // The other pages follow for the rest of the visit.
    await page.goto(`${harness.portal}/agreement`);
    expect(await isEasy(page)).toBe(true);
    await page.goto(`${harness.portal}/records/${demoIds.entries.miaSharedWithBothParents[0]}`);
    expect(await isEasy(page)).toBe(true);
    await page.locator(".hw-easy-switch a", { hasText: "Standard" }).click();
    await waitForPage(page, (url) => !url.search.includes("read="));
    expect(await isEasy(page)).toBe(false);
    await page.goto(`${harness.portal}/traffic-light`);
    expect(await isEasy(page)).toBe(false);
    // An address with anything else in the switch is ignored, not an error.
    const response = await page.goto(`${harness.portal}/traffic-light?read=sideways`);
    expect(response?.status()).toBe(200);
    expect(await isEasy(page)).toBe(false);
  });

  it("lets a parent turn it on and off in the account, where the choice stays", async () => {
    const page = await signedIn("parent@homeward.example");
    await saveEasyRead(page, true);
    for (const path of ["/", "/traffic-light", "/views"]) {
      await page.goto(`${harness.portal}${path}`);
      expect(await isEasy(page), path).toBe(true);
    }
    await saveEasyRead(page, false);
    await page.goto(`${harness.portal}/`);
    expect(await isEasy(page)).toBe(false);
  });

  it("lets Kerry turn it off: her own choice stands over what her case records", async () => {
    const page = await signedIn("kerry@homeward.example");
    // Back to English: choosing a language while signed in saves it to the account.
    await inLanguage(page, "en", "/account");
    await saveEasyRead(page, false);
    await page.goto(`${harness.portal}/`);
    expect(await isEasy(page)).toBe(false);
    await page.goto(`${harness.portal}/account`);
    await expect(page.locator('input[name="easyRead"][value="off"]').isChecked()).resolves.toBe(
      true,
    );
  });
});
