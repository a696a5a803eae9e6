import { demoIds } from "@homeward/db";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confidentialStrings, leaks } from "./confidential.ts";
import { axeViolations, type Harness, signInToPortal, startHarness } from "./harness.ts";

let harness: Harness;
let secrets: string[];
const { entries } = demoIds;

beforeAll(async () => {
  harness = await startHarness();
  secrets = await confidentialStrings(harness.host);
});
afterAll(() => harness?.stop());

async function signedIn(email: string, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await harness.newContext(options);
  const page = await context.newPage();
  await signInToPortal(page, harness, email);
  return { context, page };
}

async function expectNoLeaks(page: Page) {
  expect(leaks(await page.content(), secrets)).toEqual([]);
}

describe("records to check", () => {
  it("lists what was shared with Leah, and lets her ask for a factual correction", async () => {
    const { context, page } = await signedIn("parent@homeward.example");
    await page.goto(`${harness.portal}/records`);
    await expect(page.locator("main a[href^='/records/']").count()).resolves.toBe(4);
    await expectNoLeaks(page);
    await page.goto(`${harness.portal}/records/${entries.miaSharedWithLeahOnly}`);
    await expect(page.locator("h1").textContent()).resolves.toContain("community mental health");
    await page.locator("label.hw-radio", { hasText: "Correct a fact" }).click();
    await page.locator('textarea[name="anchorText"]').fill("6 February 2024");
    await page.locator('textarea[name="body"]').fill("The referral was in March, not February.");
    await page.locator('textarea[name="proposedText"]').fill("Leah was referred on 6 March 2024.");
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByRole("status").waitFor();
    await expect(
      page.locator("section[aria-labelledby='my-responses']").textContent(),
    ).resolves.toContain("Leah was referred on 6 March 2024.");
    await expectNoLeaks(page);
    await context.close();
  });

  it("refuses Daniel Leah's entry by URL, showing nothing of it", async () => {
    const { context, page } = await signedIn("second-parent@homeward.example");
    const response = await page.goto(`${harness.portal}/records/${entries.miaSharedWithLeahOnly}`);
    expect(response?.status()).toBe(403);
    const html = await page.content();
    expect(html).not.toContain("community mental health");
    // Nor through React Router's data endpoint.
    const dataResponse = await page.request.get(
      `${harness.portal}/records/${entries.miaSharedWithLeahOnly}.data`,
    );
    expect(await dataResponse.text()).not.toContain("community mental health");
    // The private note and drafts are refused too.
    for (const id of [entries.miaPrivateNote, ...entries.miaDrafts]) {
      expect((await page.goto(`${harness.portal}/records/${id}`))?.status()).toBe(403);
    }
    await context.close();
  });

  it("keeps what was typed when something is missing, without JavaScript", async () => {
    const { context, page } = await signedIn("second-parent@homeward.example", {
      javaScriptEnabled: false,
    });
    const [entryId] = entries.miaSharedWithBothParents;
    await page.goto(`${harness.portal}/records/${entryId}`);
    await page.locator("label.hw-radio", { hasText: "Correct a fact" }).click();
    await page.locator('textarea[name="body"]').fill("This date is wrong.");
    await page.getByRole("button", { name: "Send" }).click();
    await page.locator(".hw-error-summary").waitFor();
    await expect(page.locator(".hw-error-summary").textContent()).resolves.toContain(
      "Write what the record should say",
    );
    await expect(page.locator('textarea[name="body"]').inputValue()).resolves.toBe(
      "This date is wrong.",
    );
    // Save it as a draft; it comes back when the page is opened again.
    await page.getByRole("button", { name: "Save and finish later" }).click();
    await page.getByRole("status").waitFor();
    await page.goto(`${harness.portal}/records/${entryId}`);
    await expect(page.locator('textarea[name="body"]').inputValue()).resolves.toBe(
      "This date is wrong.",
    );
    await context.close();
  });

  it("can be done with the keyboard alone: request a correction", async () => {
    const { context, page } = await signedIn("parent@homeward.example");
    const [, entryId] = entries.miaSharedWithBothParents;
    await page.goto(`${harness.portal}/records/${entryId}`);
    // From the top of the page, Tab until the first choice of the form has focus.
    await page.locator("body").press("Tab");
    for (let i = 0; i < 40; i++) {
      const onChoice = await page.evaluate(
        () => (document.activeElement as HTMLInputElement | null)?.name === "kind",
      );
      if (onChoice) break;
      await page.keyboard.press("Tab");
    }
    await expect(
      page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name),
    ).resolves.toBe("kind");
    // Arrow keys move between the choices, as with any radio group.
    await page.keyboard.press("ArrowDown");
    await expect(page.locator('input[name="kind"]:checked').inputValue()).resolves.toBe(
      "correction",
    );
    await page.keyboard.press("Tab");
    await page.keyboard.type("the time");
    await page.keyboard.press("Tab");
    await page.keyboard.type("It was in the afternoon.");
    await page.keyboard.press("Tab");
    await page.keyboard.type("It happened in the afternoon.");
    await page.keyboard.press("Tab");
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Send");
    await page.keyboard.press("Enter");
    await page.getByRole("status").waitFor();
    await expect(
      page.locator("section[aria-labelledby='my-responses']").textContent(),
    ).resolves.toContain("It happened in the afternoon.");
    await context.close();
  });

  it("has no axe violations on the list and an entry, in every language", async () => {
    const { context, page } = await signedIn("kerry@homeward.example");
    const failures: unknown[] = [];
    for (const lng of ["en", "cy", "ar"]) {
      for (const path of ["/records", `/records/${entries.tylerFinalisedWithDisagreement}`]) {
        await page.goto(`${harness.portal}/language?lng=${lng}&next=${encodeURIComponent(path)}`);
        const violations = await axeViolations(page);
        if (violations.length) failures.push({ lng, path, violations });
        await expectNoLeaks(page);
      }
    }
    const { page: leahPage } = await signedIn("parent@homeward.example");
    for (const lng of ["en", "cy", "ar"]) {
      const path = `/records/${entries.miaSharedWithLeahOnly}`;
      await leahPage.goto(`${harness.portal}/language?lng=${lng}&next=${encodeURIComponent(path)}`);
      await leahPage.locator('input[name="kind"]').first().waitFor({ state: "attached" });
      const violations = await axeViolations(leahPage);
      if (violations.length) failures.push({ lng, path, violations });
    }
    expect(failures).toEqual([]);
    await context.close();
  });
});
