// Steps the interpreters' browser tests share (interpreters.e2e.ts, interpreters-more.e2e.ts):
// what a side-by-side page must show, and a second server whose clock starts after Yusuf's
// period, to see him refused.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, expect } from "vitest";
import { type Harness, startHarness } from "./harness.ts";

export const arabic = /[\u0600-\u06FF]/;

/**
 * Arabic beside English: every translated paragraph has its English partner, the Arabic is
 * Arabic and the English is not. `rows` also asks for more than two pairs of rows.
 */
export async function expectSideBySide(page: Page, options: { rows?: boolean } = {}) {
  if (options.rows) {
    const pairs = page.locator(".hw-sbs__row:not(.hw-sbs__columns)");
    expect(await pairs.count()).toBeGreaterThan(2);
  }
  const arabicColumn = page.locator(".hw-sbs [lang='ar'][dir='rtl']");
  const englishColumn = page.locator(".hw-sbs [lang='en'][dir='ltr']");
  const count = await arabicColumn.count();
  expect(count).toBeGreaterThan(2);
  expect(await englishColumn.count()).toBe(count);
  expect((await arabicColumn.allTextContents()).join(" ")).toMatch(arabic);
  expect((await englishColumn.allTextContents()).join(" ")).not.toMatch(arabic);
}

/**
 * Starts, for the enclosing describe, a server whose clock starts the morning after Yusuf's
 * access ended (the end of 31 March 2027, London time); returns a getter for it.
 */
export function afterYusufsPeriod(): () => Harness {
  let later: Harness | undefined;
  beforeAll(async () => {
    const previous = process.env.E2E_START_TIME;
    process.env.E2E_START_TIME = "2027-04-01T09:00:00Z";
    try {
      later = await startHarness();
    } finally {
      if (previous === undefined) delete process.env.E2E_START_TIME;
      else process.env.E2E_START_TIME = previous;
    }
  });
  afterAll(() => later?.stop());
  return () => {
    if (!later) throw new Error("the later server did not start");
    return later;
  };
}

/**
 * On the assign or invite form: an address, Amira, Arabic (the language interpreted: the
 * invite form's email language is another group) and the last day. Consent is left to the test.
 */
export async function fillAssignment(page: Page, input: { email: string; until: string }) {
  await page.locator('input[name="email"]').fill(input.email);
  await page.locator("label.hw-radio", { hasText: "Amira Haddad" }).click();
  await page
    .locator("#field-language label.hw-radio")
    .filter({ hasText: /^العربية$/ })
    .click();
  await page.locator('input[name="activeUntil"]').fill(input.until);
}
