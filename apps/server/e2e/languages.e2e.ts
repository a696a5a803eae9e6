// Every shipped language (issue 8), in Chromium: each portal page in each language passes axe,
// has the right lang and dir, mirrors for right-to-left languages, fits a 320 px phone, and
// carries the "not yet checked by a translator" note, whose English link works. The language
// page works without JavaScript in both apps (axe checks it with the other pages); the
// practitioner app offers only the staff languages. One signed-in 320 px context (Amira, a
// parent) is reused for every language.
import { demoIds } from "@homeward/db";
import { directionOf, languageCodes, languages, needsTranslationNote } from "@homeward/i18n";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  axeViolations,
  type Harness,
  signInToPortal,
  startHarness,
  waitForPage,
} from "./harness.ts";

let harness: Harness;
let phone: { context: BrowserContext; page: Page };
let signedOut: Page;

// The pages before signing in, seen by someone not signed in.
const publicPages = ["/sign-in", "/forgot-password", "/reset-password?token=x"];

// Every page a family member can open (apps/portal/app/routes), plus the language page and an
// address that does not exist (the translated "page not found").
const pages = [
  "/",
  "/traffic-light",
  "/agreement",
  "/agreement/print",
  "/records",
  `/records/${demoIds.entries.yasminSharedWithAmira}`,
  "/views",
  "/meetings",
  "/plan",
  "/account",
  "/language?next=%2Fmeetings",
  "/no-such-page",
];

beforeAll(async () => {
  harness = await startHarness();
  const context = await harness.newContext({ viewport: { width: 320, height: 640 } });
  const page = await context.newPage();
  await signInToPortal(page, harness, "amira@homeward.example");
  phone = { context, page };
  const outside = await harness.newContext({ viewport: { width: 320, height: 640 } });
  signedOut = await outside.newPage();
}, 120_000);
afterAll(() => harness?.stop());

async function choose(page: Page, lng: string, path = "/") {
  await page.goto(`${harness.portal}/language?lng=${lng}&next=${encodeURIComponent(path)}`);
}

/** Where the site name sits: at the start of the line, which is the right in RTL. */
async function nameSide(page: Page): Promise<"left" | "right"> {
  const box = await page.locator(".hw-header__name").boundingBox();
  if (!box) throw new Error("no site name in the header");
  return box.x + box.width / 2 < 160 ? "left" : "right";
}

describe("every portal page in every shipped language", () => {
  for (const lng of languageCodes) {
    const dir = directionOf(lng);
    it(`${lng}: lang=${lng}, dir=${dir}, zero axe violations, fits 320 px, and the translation note`, async () => {
      await choose(phone.page, lng);
      await choose(signedOut, lng, "/sign-in");
      const problems: unknown[] = [];
      const visits = [
        ...pages.map((path) => ({ page: phone.page, path })),
        ...publicPages.map((path) => ({ page: signedOut, path })),
      ];
      for (const { page, path } of visits) {
        await page.goto(`${harness.portal}${path}`);
        const html = page.locator("html");
        const found = {
          lang: await html.getAttribute("lang"),
          dir: await html.getAttribute("dir"),
          overflow: await page.evaluate(
            () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
          ),
          note: await page.locator(".hw-translation-note").count(),
          side: await nameSide(page),
        };
        const wanted = {
          lang: lng,
          dir,
          overflow: 0,
          note: needsTranslationNote(lng) ? 1 : 0,
          side: dir === "rtl" ? "right" : "left",
        };
        if (JSON.stringify(found) !== JSON.stringify(wanted))
          problems.push({ path, found, wanted });
        const violations = await axeViolations(page);
        if (violations.length) problems.push({ path, violations });
      }
      expect(problems).toEqual([]);
    });
  }
});

describe("the translation note", () => {
  const drafted = languageCodes.filter((lng) => needsTranslationNote(lng));

  it("is shown in every language not yet reviewed, and never in English", () => {
    expect(drafted).not.toContain("en");
    expect(drafted.length).toBeGreaterThan(0);
  });

  it("its English link shows the same page in English, and the language page brings the language back", async () => {
    const { page } = phone;
    for (const lng of drafted) {
      await choose(page, lng, "/traffic-light");
      await page.locator(".hw-translation-note a").click();
      await waitForPage(page, (url) => url.pathname === "/traffic-light");
      await expect(page.locator("html").getAttribute("lang")).resolves.toBe("en");
      expect(await page.locator(".hw-translation-note").count()).toBe(0);
      // Back through the header's one "Language" link and the list.
      await page.locator(".hw-language-link").click();
      await waitForPage(page, (url) => url.pathname === "/language");
      await page.locator(`.hw-language-list a[hreflang="${lng}"]`).click();
      await waitForPage(page, (url) => url.pathname === "/traffic-light");
      await expect(page.locator("html").getAttribute("lang")).resolves.toBe(lng);
    }
  });
});

describe("numbers, dates and names inside right-to-left sentences", () => {
  it("writes Pashto with Pashto digits and Gregorian dates, Urdu and Arabic with Western digits", async () => {
    const { page } = phone;
    await choose(page, "ps", "/meetings");
    const pashto = (await page.locator("main").textContent()) ?? "";
    expect(pashto).toMatch(/[۰-۹]/);
    expect(pashto).toContain("۲۰۲۶");
    expect(pashto).not.toMatch(/۱۴۰[45]/); // a Persian solar year would be 1404 or 1405
    for (const lng of ["ur", "ar"]) {
      await choose(page, lng, "/meetings");
      expect((await page.locator("main").textContent()) ?? "").toContain("2026");
    }
  });

  it("isolates a name inserted into a translated sentence", async () => {
    const { page } = phone;
    await choose(page, "ur", "/");
    const signedIn = (await page.locator(".hw-account span").first().textContent()) ?? "";
    expect(signedIn).toContain("\u2068Amira Haddad\u2069");
    await choose(page, "en", "/");
    // Latin text in an English sentence is left exactly as it was.
    expect(await page.locator(".hw-account span").first().textContent()).toBe(
      "Signed in as Amira Haddad",
    );
  });

  it("lets a passage someone wrote in English keep its own direction on an Arabic page", async () => {
    const { page } = phone;
    await choose(page, "ar", `/records/${demoIds.entries.yasminSharedWithAmira}`);
    await expect(page.locator("html").getAttribute("dir")).resolves.toBe("rtl");
    // Amira's disagreement quotes the entry's English words: they read left to right, so
    // the full stop stays at their end.
    const quoted = page.locator("main blockquote.hw-quote", { hasText: "Amira does not yet" });
    await expect(quoted.evaluate((el) => getComputedStyle(el).direction)).resolves.toBe("ltr");
    await choose(page, "en", "/");
  });
});

describe("the language page, without JavaScript", () => {
  it("portal: lists every language in its own name, and comes back to the page in the chosen one", async () => {
    const context = await harness.newContext({
      javaScriptEnabled: false,
      viewport: { width: 320, height: 640 },
    });
    const page = await context.newPage();
    await page.goto(`${harness.portal}/forgot-password`);
    await page.locator(".hw-language-link").click();
    await waitForPage(page, (url) => url.pathname === "/language");
    expect(new URL(page.url()).searchParams.get("next")).toBe("/forgot-password");
    const links = page.locator(".hw-language-list a");
    expect(await links.count()).toBe(languages.length);
    for (const language of languages) {
      const link = page.locator(`.hw-language-list a[hreflang="${language.code}"]`);
      await expect(link.textContent()).resolves.toBe(language.name);
      await expect(link.getAttribute("lang")).resolves.toBe(language.code);
      await expect(link.getAttribute("dir")).resolves.toBe(language.dir);
    }
    await page.getByRole("link", { name: "پښتو" }).click();
    await waitForPage(page, (url) => url.pathname === "/forgot-password");
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("ps");
    await expect(page.locator("html").getAttribute("dir")).resolves.toBe("rtl");
    // The old direct choice still works.
    await page.goto(`${harness.portal}/language?lng=cy&next=%2Fsign-in`);
    await waitForPage(page, (url) => url.pathname === "/sign-in");
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("cy");
    await context.close();
  });

  it("practitioner: offers only the staff languages", async () => {
    const context = await harness.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${harness.practitioner}/sign-in`);
    await page.locator(".hw-language-link").click();
    await waitForPage(page, (url) => url.pathname === "/language");
    const offered = await page
      .locator(".hw-language-list a")
      .evaluateAll((links) => links.map((a) => a.getAttribute("hreflang")));
    expect(offered).toEqual(languages.filter((l) => l.staff).map((l) => l.code));
    // A family-only language is not offered, even asked for directly.
    await page.goto(`${harness.practitioner}/language?lng=ps&next=%2Fsign-in`);
    await expect(page.locator("html").getAttribute("lang")).resolves.not.toBe("ps");
    await context.close();
  });
});
