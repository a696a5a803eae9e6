// My views / my wishes and My account, in Chromium: a young person's private wishes stay
// private until she shares them; a parent gives views without JavaScript; language, sessions
// and password in the account page; axe on both pages in every language.
// Sign-ins are kept few: better-auth allows ten two-factor calls a minute from one address.
import { demoIds, demoPassword } from "@homeward/db";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { confidentialStrings, leaks } from "./confidential.ts";
import {
  axeViolations,
  type Harness,
  signInToPortal,
  startHarness,
  waitForPage,
} from "./harness.ts";

let harness: Harness;
let secrets: string[];
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  harness = await startHarness();
  secrets = await confidentialStrings(harness.host);
});
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await harness?.stop();
});

async function signedIn(email: string, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await harness.newContext(options);
  contexts.push(context);
  const page = await context.newPage();
  await signInToPortal(page, harness, email);
  return { context, page };
}

async function status(page: Page, text: string | RegExp) {
  await page.getByRole("status").filter({ hasText: text }).waitFor();
}

async function pageAndData(page: Page, path: string) {
  await page.goto(`${harness.portal}${path}`);
  const html = await page.content();
  const data = await (await page.request.get(`${harness.portal}${path}.data`)).text();
  return `${html}\n${data}`;
}

// Words from Yasmin's private demo wishes and the social worker's reply to them.
const yasminPrivate = ["look after everything again", "I won't share this with your mum"];
const newWish = "I miss my cat Biscuit at Mum's house.";

// Yasmin and her mother stay signed in for the whole file (the axe run uses them too).
let yasmin: Page;
let amira: Page;

describe("my wishes: a young person chooses who sees them", () => {
  beforeAll(async () => {
    yasmin = (await signedIn("young-person@homeward.example")).page;
    amira = (await signedIn("amira@homeward.example")).page;
  });

  it("shows Yasmin her private wishes and the reply: how they were considered", async () => {
    await yasmin.goto(`${harness.portal}/views`);
    await expect(yasmin.locator("h1").textContent()).resolves.toBe("My wishes and feelings");
    const main = (await yasmin.locator("main").textContent()) ?? "";
    for (const words of yasminPrivate) expect(main).toContain(words);
    expect(main).toContain("How your views were considered");
    expect(leaks(await yasmin.content(), secrets)).toEqual([]);
  });

  it("keeps a draft and privately sent wishes from Amira", async () => {
    const form = yasmin.locator("form[aria-labelledby='write-heading']");
    await form.locator('textarea[name="worries"]').fill(newWish);
    await form.getByRole("button", { name: "Save and finish later" }).click();
    await status(yasmin, "Only you can see it");
    await expect(form.locator('textarea[name="worries"]').inputValue()).resolves.toBe(newWish);

    const draftSeen = await pageAndData(amira, "/views");
    expect(draftSeen).not.toContain("Biscuit");

    await form.locator("label.hw-radio", { hasText: "Only my social worker" }).click();
    await form.getByRole("button", { name: "Send to social worker" }).click();
    await status(yasmin, "Sent to your social worker");
    const sent = yasmin.locator("article", { hasText: "Biscuit" });
    await expect(sent.textContent()).resolves.toContain("has not replied yet");

    const seen = await pageAndData(amira, "/views");
    expect(seen).not.toContain("Biscuit");
    for (const words of yasminPrivate) expect(seen).not.toContain(words);
    // What Yasmin did share with her mum is there.
    expect(seen).toContain("parents' evening");
    expect(leaks(seen, secrets)).toEqual([]);
  });

  it("shows Amira the wishes once Yasmin shares them", async () => {
    const sent = yasmin.locator("article", { hasText: "Biscuit" });
    await sent.locator("label.hw-radio", { hasText: "My social worker and my parents" }).click();
    await sent.getByRole("button", { name: "Save who can see this" }).click();
    await status(yasmin, "changed who can see it");

    const seen = await pageAndData(amira, "/views");
    expect(seen).toContain("Biscuit");
    for (const words of yasminPrivate) expect(seen).not.toContain(words);
  });
});

describe("my views: a parent, without JavaScript", () => {
  it("gives views before a meeting, keeping what was typed when something is wrong", async () => {
    const { page } = await signedIn("parent@homeward.example", { javaScriptEnabled: false });
    await page.goto(`${harness.portal}/views`);
    await expect(page.locator("h1").textContent()).resolves.toBe("My views");
    // Nothing of Yasmin's case, whatever she chose.
    expect(await page.content()).not.toContain("Biscuit");

    await page.getByRole("button", { name: "Send to social worker" }).click();
    await page.locator(".hw-error-summary").waitFor();
    await expect(page.locator(".hw-error-summary").textContent()).resolves.toContain(
      "Write something in at least one box",
    );

    const tooLong = "a".repeat(5001);
    await page.locator('textarea[name="goingWell"]').fill("I have been to every contact session.");
    await page.locator('textarea[name="wants"]').fill(tooLong);
    await page.getByRole("button", { name: "Save and finish later" }).click();
    await page.locator(".hw-error-summary").waitFor();
    await expect(page.locator(".hw-error-summary").textContent()).resolves.toContain("too long");
    await expect(page.locator('textarea[name="goingWell"]').inputValue()).resolves.toBe(
      "I have been to every contact session.",
    );

    await page.locator('textarea[name="wants"]').fill("Mia home by the summer.");
    await page.getByRole("button", { name: "Save and finish later" }).click();
    await status(page, "Only you can see it");
    await expect(page.locator('textarea[name="wants"]').inputValue()).resolves.toBe(
      "Mia home by the summer.",
    );

    await page.locator("label.hw-radio", { hasText: "Planning meeting" }).click();
    await page.getByRole("button", { name: "Send to social worker" }).click();
    await status(page, "Sent to your social worker");
    const sent = page.locator("article", { hasText: "Mia home by the summer." });
    await expect(sent.textContent()).resolves.toContain("Planning meeting");
    await expect(sent.textContent()).resolves.toContain("has not replied yet");
  });

  it("refuses another family's case by URL, showing nothing of it", async () => {
    const { page } = await signedIn("second-parent@homeward.example");
    const response = await page.goto(`${harness.portal}/views?case=${demoIds.cases.yasmin}`);
    expect(response?.status()).toBe(404);
    const html = await page.content();
    for (const words of ["Biscuit", "parents' evening", ...yasminPrivate]) {
      expect(html).not.toContain(words);
    }
    // Leah's views are hers: Daniel, on the same case, does not see them.
    const own = await pageAndData(page, "/views");
    expect(own).not.toContain("every contact session");
    expect(own).not.toContain("Mia home by the summer.");
  });
});

describe("my account", () => {
  const daniel = "second-parent@homeward.example";

  it("signs out everywhere else, and keeps the language after signing in again", async () => {
    const first = await signedIn(daniel);
    const second = await signedIn(daniel);
    const page = first.page;
    await page.goto(`${harness.portal}/account`);
    await expect(page.locator("h1").textContent()).resolves.toBe("My account");
    const sessions = page.locator("section[aria-labelledby='sessions-heading'] li");
    // Two from this test (and one from the refusal test above, when it ran).
    expect(await sessions.count()).toBeGreaterThanOrEqual(2);
    await expect(sessions.first().textContent()).resolves.toContain("this device");

    await page.locator("label.hw-radio", { hasText: "Cymraeg" }).click();
    await page.getByRole("button", { name: "Save settings" }).click();
    await status(page, "Mae eich gosodiadau wedi'u cadw.");
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("cy");

    await page.getByRole("button", { name: "Allgofnodi ym mhob man arall" }).click();
    await status(page, "wedi allgofnodi ar bob dyfais arall");
    await expect(sessions.count()).resolves.toBe(1);

    await second.page.goto(`${harness.portal}/account`);
    expect(new URL(second.page.url()).pathname).toBe("/sign-in");
    await page.goto(`${harness.portal}/account`);
    expect(new URL(page.url()).pathname).toBe("/account");

    // Signed out, then in again on a browser that has never chosen a language: Welsh.
    await page.locator("form[action='/sign-out'] button").click();
    await waitForPage(page, /\/sign-in/);
    const fresh = await signedIn(daniel);
    await fresh.page.locator("html[lang='cy']").waitFor({ state: "attached" });
    await expect(fresh.page.locator("h1").textContent()).resolves.toContain("Helo");
  });

  it("changes the password through better-auth with clear errors, and turns on low data", async () => {
    const { page } = await signedIn("kerry@homeward.example");
    await page.goto(`${harness.portal}/account`);
    const form = page.locator("form[aria-labelledby='password-heading']");
    const fill = async (current: string, next: string, again: string) => {
      await form.locator('input[name="currentPassword"]').fill(current);
      await form.locator('input[name="newPassword"]').fill(next);
      await form.locator('input[name="confirmPassword"]').fill(again);
      // Leave the field first: react-aria clears a field's server error when it changes,
      // which moves the button up under the pointer mid-click (see the closing note).
      await form.locator('input[name="confirmPassword"]').press("Tab");
      await form.getByRole("button", { name: "Change password" }).click();
    };
    await fill("not-my-password", "kerry-new-password-1", "kerry-new-password-1");
    await page.locator(".hw-error-summary").waitFor();
    await expect(page.locator(".hw-error-summary").textContent()).resolves.toContain(
      "Your password now is not right",
    );
    await fill(demoPassword, "kerry-new-password-1", "kerry-new-password-2");
    await page.locator(".hw-error-summary", { hasText: "not the same" }).waitFor();
    await fill(demoPassword, "kerry-new-password-1", "kerry-new-password-1");
    await status(page, "Your password is changed");
    // Still signed in here: better-auth's new session cookie came back with the redirect.
    await page.goto(`${harness.portal}/account`);
    expect(new URL(page.url()).pathname).toBe("/account");

    // Low-data mode from the account: pages come with no JavaScript at all.
    expect(await page.locator("script[type=module]").count()).toBeGreaterThan(0);
    await page.locator("label.hw-radio", { hasText: "Yes, save data" }).click();
    await page.getByRole("button", { name: "Save settings" }).click();
    await status(page, "Your settings are saved.");
    await page.goto(`${harness.portal}/views`);
    expect(await page.locator("script").count()).toBe(0);
    await expect(page.locator("h1").textContent()).resolves.toBe("My views");
  });
});

describe("accessibility: zero axe violations on /views and /account", () => {
  it("for a young person and a parent, in every language, errors included", async () => {
    const failures: unknown[] = [];
    const check = async (page: Page, label: string) => {
      const violations = await axeViolations(page);
      if (violations.length) failures.push({ label, violations });
    };
    for (const lng of ["en", "cy", "ar"]) {
      await yasmin.goto(`${harness.portal}/language?lng=${lng}&next=/views`);
      await check(yasmin, `${lng} /views (young person)`);
      await yasmin.locator("form[aria-labelledby='write-heading'] button[value='send']").click();
      await yasmin.locator(".hw-error-summary").waitFor();
      await check(yasmin, `${lng} /views with errors`);
      await yasmin.goto(`${harness.portal}/account`);
      await check(yasmin, `${lng} /account`);
      await yasmin
        .locator("form[aria-labelledby='password-heading'] button[value='change_password']")
        .click();
      await yasmin.locator(".hw-error-summary").waitFor();
      await check(yasmin, `${lng} /account with errors`);
      await amira.goto(`${harness.portal}/language?lng=${lng}&next=/views`);
      await check(amira, `${lng} /views (parent)`);
    }
    expect(failures).toEqual([]);
  });
});
