// Every glossary term is linked wherever the app's own text uses it (issue 8), on every portal
// page, standard and easy read, in English, Welsh and Arabic, for the demo parents, the young
// person, the advocate and the interpreter (whose side-by-side view links each column's terms
// to the glossary in that column's language). The phrases come from the glossary translations
// themselves, so a new term, a new phrase or a new page text that uses one is checked at once.
//
// The rule checked, for each paragraph-like element in <main> (p, li, td, dd, h2, h3): when its
// text contains a glossary phrase of its own language (the nearest `lang`), the element holds
// a link to that term's glossary entry, in that language. The linker links a term once per
// paragraph, so a later use of the same term in the element needs no second link.
//
// What is not checked, and why:
// - Text inside a link or a button: a link cannot sit inside another link or a button.
// - <label> and <summary>: a label names a form control (a link inside it becomes part of
//   the control's click target and name), and a summary is the button of its disclosure (a
//   link inside it is nested interactive content). Both are listed in the brief's elements
//   and excluded on purpose; the text around the control carries the links instead.
// - What people wrote (the record's text, notes, quotes, answers): it is theirs and is never
//   glossed (see glossed.tsx). Pages mark it with `dir="auto"` (it can be in any script), the
//   entry-body class, or a <blockquote>; names and e-mail addresses sit in <bdi>.
// - The page's shell (header, navigation, footer) is links and controls, and is outside <main>.
// - The glossary page itself: its headings are the terms and its text explains them.
import { demoIds } from "@homeward/db";
import { type GlossaryTerm, glossaryMatcher, glossText, isLanguageCode } from "@homeward/i18n";
import { glossaryTerms } from "@homeward/i18n/server";
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
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.stop());

const checkedLanguages = ["en", "cy", "ar"] as const;

const paragraphs = "p, li, td, dd, h2, h3";
// Whole subtrees whose words are not checked (see the comment at the top).
const notChecked = [
  "a",
  "button",
  "label",
  "summary",
  "select",
  "textarea",
  "blockquote",
  ".hw-entry-body",
  "[dir='auto']",
  "bdi",
  "svg",
  "script",
  "style",
  "template",
].join(", ");

type Found = {
  tag: string;
  lang: string;
  text: string;
  links: { href: string; hreflang: string | null }[];
};

/** The page's paragraphs with their checked text and the glossary links inside them. */
function paragraphsOf(page: Page): Promise<Found[]> {
  return page.evaluate(
    ({ paragraphs, notChecked }) => {
      const main = document.querySelector("main");
      if (!main) return [];
      const pageLang = document.documentElement.lang;
      const found: Found[] = [];
      for (const el of main.querySelectorAll(paragraphs)) {
        if (el.closest(notChecked)) continue;
        const parts: string[] = [];
        const walk = (node: Node) => {
          for (const child of node.childNodes) {
            if (child.nodeType === Node.TEXT_NODE) parts.push(child.textContent ?? "");
            // A separator no phrase can span, so words either side of a skipped part never join.
            else if (child instanceof Element) {
              if (child.matches(notChecked)) parts.push(" \u2022 ");
              else walk(child);
            }
          }
        };
        walk(el);
        const links = [...el.querySelectorAll("a[href]")]
          .filter((a) => new URL((a as HTMLAnchorElement).href).pathname === "/glossary")
          .map((a) => ({
            href: a.getAttribute("href") ?? "",
            hreflang: a.getAttribute("hreflang"),
          }));
        found.push({
          tag: el.tagName.toLowerCase(),
          lang: el.closest("[lang]")?.getAttribute("lang") ?? pageLang,
          text: parts.join(""),
          links,
        });
      }
      return found;
    },
    { paragraphs, notChecked },
  );
}

const matchers = new Map<string, ReturnType<typeof glossaryMatcher>>();
function matcherFor(lng: string) {
  let matcher = matchers.get(lng);
  if (!matcher) {
    const terms: GlossaryTerm[] = isLanguageCode(lng) ? glossaryTerms(lng) : [];
    matcher = glossaryMatcher(terms);
    matchers.set(lng, matcher);
  }
  return matcher;
}

/**
 * Every phrase in the page's checked text that has no link to its entry in the paragraph, or
 * whose link leads to the glossary in another language than the paragraph's.
 */
async function unlinked(page: Page, where: string): Promise<string[]> {
  const pageLang = (await page.locator("html").getAttribute("lang")) ?? "en";
  const problems: string[] = [];
  for (const para of await paragraphsOf(page)) {
    const terms = glossText(para.text, matcherFor(para.lang)).filter((p) => p.kind === "term");
    for (const term of terms) {
      if (term.kind !== "term") continue;
      const link = para.links.find(
        (l) => new URL(l.href, harness.portal).hash === `#${term.termId}`,
      );
      const snippet = para.text.replace(/\s+/gu, " ").trim().slice(0, 120);
      if (!link) {
        problems.push(
          `${where} <${para.tag} lang=${para.lang}> "${term.text}" (${term.termId}): ${snippet}`,
        );
        continue;
      }
      // The entry must open in the paragraph's language: the page's own, or the one asked for.
      const target = new URL(link.href, harness.portal).searchParams.get("lng") ?? pageLang;
      const hreflangOk = para.lang === pageLang ? true : link.hreflang === para.lang;
      if (target !== para.lang || !hreflangOk)
        problems.push(
          `${where} <${para.tag} lang=${para.lang}> "${term.text}" links ${link.href} hreflang=${link.hreflang}`,
        );
    }
  }
  return problems;
}

async function signedIn(
  email: string,
  javaScriptEnabled = false,
): Promise<{ context: BrowserContext; page: Page }> {
  // Without JavaScript: the links must be in the server's page, and it is quicker to sweep.
  const context = await harness.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await signInToPortal(page, harness, email);
  return { context, page };
}

async function chooseLanguage(page: Page, lng: string) {
  await page.goto(`${harness.portal}/language?lng=${lng}&next=%2F`);
  await waitForPage(page, (url) => url.pathname === "/");
}

/** Local addresses of the links in `selector` (the navigation, a list of records). */
async function hrefs(page: Page, selector: string): Promise<string[]> {
  const all = await page
    .locator(selector)
    .evaluateAll((els) => els.map((a) => (a as HTMLAnchorElement).href));
  return [...new Set(all.map((h) => new URL(h)).map((u) => u.pathname + u.search))];
}

/**
 * Every page the person can open, found the way they find them: the portal's navigation, the
 * help links, the records and side-by-side pages they list, plus pages reached from within
 * pages (the printable agreement, the advocate pages, the interpreter's list).
 */
async function pagesOf(page: Page, extra: readonly string[]): Promise<string[]> {
  await page.goto(`${harness.portal}/`);
  const found = new Set<string>([
    ...(await hrefs(page, "nav.hw-nav a")),
    ...(await hrefs(page, ".hw-help-links a")),
    ...extra,
  ]);
  found.delete("/glossary");
  await page.goto(`${harness.portal}/records`);
  for (const href of await hrefs(page, "main a[href^='/records/']")) found.add(href);
  return [...found];
}

async function sweep(page: Page, who: string, paths: readonly string[], mode: "standard" | "easy") {
  // The switch is remembered for the visit (a cookie), so one switch covers every page after it.
  await page.goto(`${harness.portal}/?read=${mode}`);
  const problems: string[] = [];
  for (const path of paths) {
    const response = await page.goto(`${harness.portal}${path}`);
    // A page that fails is a problem too, listed with the rest rather than stopping the sweep.
    if (response?.status() !== 200) problems.push(`${who} ${mode} ${path}: ${response?.status()}`);
    else problems.push(...(await unlinked(page, `${who} ${mode} ${path}`)));
  }
  return problems;
}

const people = [
  {
    email: "parent@homeward.example",
    extra: ["/agreement/print", "/advocacy"],
  },
  {
    email: "kerry@homeward.example",
    extra: ["/agreement/print", "/advocacy", `/records/${demoIds.entries.tylerMinutes}`],
  },
  { email: "second-parent@homeward.example", extra: ["/advocacy"] },
  { email: "amira@homeward.example", extra: ["/agreement/print"] },
  { email: "young-person@homeward.example", extra: ["/advocacy"] },
  { email: "advocate@homeward.example", extra: ["/advocacy", "/advocacy/people"] },
] as const;

describe("glossary terms are linked on every portal page", () => {
  for (const person of people) {
    for (const lng of checkedLanguages) {
      it(`${person.email}, ${lng}: standard and easy read`, async () => {
        const { context, page } = await signedIn(person.email);
        await chooseLanguage(page, lng);
        const paths = await pagesOf(page, person.extra);
        expect(paths.length).toBeGreaterThan(3);
        const problems = [
          ...(await sweep(page, person.email, paths, "standard")),
          ...(await sweep(page, person.email, paths, "easy")),
        ];
        await context.close();
        expect(problems).toEqual([]);
      }, 180_000);
    }
  }

  for (const lng of checkedLanguages) {
    it(`the interpreter's side-by-side view, with the interpreter reading in ${lng}`, async () => {
      const { context, page } = await signedIn("interpreter@homeward.example");
      await chooseLanguage(page, lng);
      const home = `/interpret/${demoIds.cases.yasmin}/home`;
      await page.goto(`${harness.portal}${home}`);
      const paths = new Set([
        "/",
        "/interpret",

        home,
        ...(await hrefs(page, "main nav a, main a[href*='/records/']")),
      ]);
      // Amira's pages: at least home, the traffic light, the agreement and an entry.
      expect(paths.size).toBeGreaterThanOrEqual(5);
      const problems: string[] = [];
      for (const path of paths) {
        const response = await page.goto(`${harness.portal}${path}`);
        if (response?.status() !== 200)
          problems.push(`interpreter ${lng} ${path}: ${response?.status()}`);
        else problems.push(...(await unlinked(page, `interpreter ${lng} ${path}`)));
      }
      // Both columns were checked: Arabic paragraphs beside English ones.
      await page.goto(`${harness.portal}${home}`);
      const langs = new Set((await paragraphsOf(page)).map((p) => p.lang));
      expect([...langs].sort()).toEqual([...new Set(["ar", "en", lng])].sort());
      await context.close();
      expect(problems).toEqual([]);
    }, 180_000);
  }
});

describe("glossary terms are linked on the pages before signing in", () => {
  const publicPages = [
    "/sign-in",
    "/forgot-password",
    "/how-it-works",
    "/language",
    "/no-such-page",
  ];
  for (const lng of checkedLanguages) {
    it(`${lng}: sign-in, help and error pages`, async () => {
      const context = await harness.newContext({ javaScriptEnabled: false });
      const page = await context.newPage();
      await page.goto(`${harness.portal}/language?lng=${lng}&next=%2Fsign-in`);
      const problems: string[] = [];
      for (const path of publicPages) {
        await page.goto(`${harness.portal}${path}`);
        problems.push(...(await unlinked(page, `signed out ${lng} ${path}`)));
      }
      await context.close();
      expect(problems).toEqual([]);
    });
  }
});

describe("the glossary in a given language", () => {
  it("opens in the language asked for, whatever the reader's own, and keeps it when searching", async () => {
    // With JavaScript: the page hydrates with the other language's words, and the search is
    // a client-side navigation that must keep the language too.
    const { context, page } = await signedIn("interpreter@homeward.example", true);
    await chooseLanguage(page, "en");
    const arTerms = glossaryTerms("ar");
    const careOrder = arTerms.find((t) => t.id === "careOrder");
    await page.goto(`${harness.portal}/glossary?lng=ar#careOrder`);
    // The page around it stays in the reader's language; the glossary itself is in Arabic.
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await axeViolations(page)).toEqual([]);

    const content = page.locator("main [lang='ar'][dir='rtl']").first();
    await expect(content.locator("[id='careOrder'] h2").textContent()).resolves.toBe(
      careOrder?.term,
    );
    await content.getByRole("searchbox").fill("أمر");
    await content.getByRole("button").click();
    await waitForPage(page, (url) => url.pathname === "/glossary" && url.searchParams.has("q"));
    expect(new URL(page.url()).searchParams.get("lng")).toBe("ar");
    expect(await page.locator("main [lang='ar'] .hw-glossary h2").allTextContents()).toContain(
      careOrder?.term,
    );
    // An unknown language is ignored: the reader's own.
    await page.goto(`${harness.portal}/glossary?lng=xx`);
    expect(await page.locator("main [lang='ar']").count()).toBe(0);
    await context.close();
  });
});
