// Easy read for an entry to check and for my views / my wishes (issue 8): the whole page is
// easy read, and the person's actions are still there as simple forms posting to the same
// actions. Kerry (her case records that she reads easy read) asks for a correction with and
// without JavaScript, and what she typed stays when something is missing; Yasmin switches to
// easy read and records her wishes, and her mum reads what she chose to share; every page
// passes axe and fits a 320 px phone in English and Arabic.
import { demoEasyReadEntry, demoIds, familyResponse, viewsAndWishes } from "@homeward/db";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  axeViolations,
  type Harness,
  signInToPortal,
  signInToPractitioner,
  startHarness,
  waitForPage,
} from "./harness.ts";

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.stop());

const entryPath = `/records/${demoEasyReadEntry.id}`;
const finalPath = `/records/${demoIds.entries.tylerFinalisedWithDisagreement}`;

// Sign-ins are kept few (two-factor calls are rate-limited per address): one browser per
// person and per JavaScript setting, shared by the tests below.
const browsers = new Map<string, Promise<Page>>();
function signedIn(email: string, javaScriptEnabled: boolean) {
  const key = `${email} ${javaScriptEnabled}`;
  let page = browsers.get(key);
  if (!page) {
    page = (async () => {
      const context = await harness.newContext({
        javaScriptEnabled,
        // With JavaScript, a phone: the 320 px checks run in it too.
        ...(javaScriptEnabled ? { viewport: { width: 320, height: 640 } } : {}),
      });
      const tab = await context.newPage();
      await signInToPortal(tab, harness, email);
      return tab;
    })();
    browsers.set(key, page);
  }
  return page;
}
const kerry = (js: boolean) => signedIn("kerry@homeward.example", js);
const yasmin = (js: boolean) => signedIn("young-person@homeward.example", js);

const main = (page: Page) => page.locator("main");
const easy = (page: Page) => page.locator("main .hw-easy");
const errorSummary = (page: Page) => page.locator("main .hw-error-summary");

async function inLanguage(page: Page, lng: string, path: string) {
  await page.goto(`${harness.portal}/language?lng=${lng}&next=${encodeURIComponent(path)}`);
  await waitForPage(page, (url) => url.pathname === path.split("?")[0]);
}

async function kerrysResponses() {
  const rows = await harness.host.database.db.select().from(familyResponse);
  return rows.filter(
    (r) => r.entryId === demoEasyReadEntry.id && r.authorMemberId === demoEasyReadEntry.memberId,
  );
}

describe("an entry to check, in easy read", () => {
  it("is all easy read for Kerry: what it says, by when, and what she can do", async () => {
    const page = await kerry(false);
    await page.goto(`${harness.portal}${entryPath}`);
    await expect(easy(page).count()).resolves.toBe(1);
    const text = (await easy(page).textContent()) ?? "";
    expect(text).toContain("This is a record about your family.");
    expect(text).toContain("Please reply by 18 December 2026.");
    expect(text).toContain("What the record says");
    expect(text).toContain("Tyler and Kerry played football together");
    // What she can do, each in a line of its own with what it means.
    expect(text).toContain("Say something is wrong");
    expect(text).toContain("Tell us why. Tell us what it should say.");
    expect(text).toContain("Say you disagree");
    expect(text).toContain("Your view stays with the record.");
    expect(text).toContain("Say something about it");
    // The standard page is not there as well: the whole page is easy read, one form in it.
    expect(await main(page).textContent()).not.toContain("What it says (version");
    await expect(main(page).locator("form").count()).resolves.toBe(1);
    await expect(easy(page).locator("form").count()).resolves.toBe(1);
    // Icons go with words, never instead of them.
    await expect(
      easy(page).locator(".hw-easy-line").first().locator("svg").getAttribute("aria-hidden"),
    ).resolves.toBe("true");
    // A glossary word links to its explanation.
    await expect(
      easy(page).locator("a.hw-glossed[href='/glossary#socialWorker']").count(),
    ).resolves.toBeGreaterThan(0);
  });

  it("lets Kerry ask for a correction without JavaScript, keeping what she typed when the right words are missing", async () => {
    const page = await kerry(false);
    await page.goto(`${harness.portal}${entryPath}`);
    await page.locator("label.hw-radio", { hasText: "Say something is wrong" }).click();
    await page.locator('textarea[name="anchorText"]').fill("Kerry was 20 minutes late");
    await page
      .locator('textarea[name="body"]')
      .fill("The bus was late. I rang the centre to say so.");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await errorSummary(page).waitFor();
    await expect(errorSummary(page).textContent()).resolves.toContain(
      "Write what the record should say",
    );
    // Still easy read, with what she typed and chose.
    await expect(easy(page).count()).resolves.toBe(1);
    await expect(page.locator('textarea[name="body"]').inputValue()).resolves.toBe(
      "The bus was late. I rang the centre to say so.",
    );
    await expect(page.locator('textarea[name="anchorText"]').inputValue()).resolves.toBe(
      "Kerry was 20 minutes late",
    );
    await expect(page.locator('input[name="kind"]:checked').inputValue()).resolves.toBe(
      "correction",
    );
    expect(await kerrysResponses()).toEqual([]);

    await page
      .locator('textarea[name="proposedText"]')
      .fill("Kerry was 20 minutes late because the bus was late. She rang to say so.");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await waitForPage(page, /saved=sent/);
    await expect(page.getByRole("status").textContent()).resolves.toBe(
      "Sent. Thank you. Your social worker will reply.",
    );
    const sent = page.locator("section[aria-labelledby='easy-entry-sent']");
    await expect(sent.textContent()).resolves.toContain("You said something is wrong");
    await expect(sent.textContent()).resolves.toContain("because the bus was late");
    await expect(sent.textContent()).resolves.toContain("Sent. Your social worker will reply.");
    // The same service recorded it: a factual correction, with the words she proposed.
    const [response] = await kerrysResponses();
    expect(response).toMatchObject({
      kind: "correction",
      status: "open",
      anchorText: "Kerry was 20 minutes late",
      body: "The bus was late. I rang the centre to say so.",
      proposedText: "Kerry was 20 minutes late because the bus was late. She rang to say so.",
    });
  });

  it("lets Kerry save a disagreement and send it later, and ask for a correction, with JavaScript", async () => {
    const page = await kerry(true);
    await page.goto(`${harness.portal}${entryPath}`);
    await easy(page).waitFor();
    // A correction with no reason: refused in place, what she typed kept.
    await page.locator("label.hw-radio", { hasText: "Say something is wrong" }).click();
    await page.locator('textarea[name="proposedText"]').fill("Tyler cried a little at the end.");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await errorSummary(page).waitFor();
    await expect(errorSummary(page).textContent()).resolves.toContain("Say why it is wrong");
    await expect(page.locator('textarea[name="proposedText"]').inputValue()).resolves.toBe(
      "Tyler cried a little at the end.",
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.locator('textarea[name="body"]').fill("I saw him cry when he said goodbye.");
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await waitForPage(page, /saved=sent/);
    await expect
      .poll(async () => (await kerrysResponses()).map((r) => r.body))
      .toContain("I saw him cry when he said goodbye.");
    await expect
      .poll(() => page.locator("section[aria-labelledby='easy-entry-sent'] article").count())
      .toBe(2);

    // A disagreement, saved to finish later, comes back in the form.
    await page.locator("label.hw-radio", { hasText: "Say you disagree" }).click();
    await page
      .locator('textarea[name="body"]')
      .fill("Being late once does not mean I do not care.");
    await page.getByRole("button", { name: "Save and finish later" }).click();
    await waitForPage(page, /saved=draft/);
    await page.getByRole("status").filter({ hasText: "It is not sent yet." }).waitFor();
    await page.goto(`${harness.portal}${entryPath}`);
    await expect(page.locator('textarea[name="body"]').inputValue()).resolves.toBe(
      "Being late once does not mean I do not care.",
    );
    await expect(page.locator('input[name="kind"]:checked').inputValue()).resolves.toBe(
      "disagreement",
    );
    await page.getByRole("button", { name: "Send", exact: true }).click();
    await waitForPage(page, /saved=sent/);
    await expect
      .poll(async () =>
        (await kerrysResponses()).filter((r) => r.kind === "disagreement").map((r) => r.status),
      )
      .toEqual(["open"]);
  }, 120_000);

  it("shows Kerry her social worker's reply: the correction accepted, a new version, the old one kept", async () => {
    // Sarah accepts Kerry's first correction in the practitioner app (no JavaScript needed).
    const context = await harness.newContext({ javaScriptEnabled: false });
    const sarah = await context.newPage();
    await signInToPractitioner(sarah, harness, "social-worker@homeward.example");
    await sarah.goto(
      `${harness.practitioner}/cases/${demoEasyReadEntry.caseId}/records/${demoEasyReadEntry.id}`,
    );
    const card = sarah.locator("article", { hasText: "She rang to say so." });
    await card.locator("label.hw-radio", { hasText: "Accept" }).click();
    await card.locator('textarea[name="reply"]').fill("Thank you, Kerry. I have changed it.");
    await card.getByRole("button", { name: "Send reply" }).click();
    await sarah.locator(".hw-notice", { hasText: "Your reply is sent" }).waitFor();
    await context.close();

    const page = await kerry(false);
    await page.goto(`${harness.portal}${entryPath}`);
    const text = (await easy(page).textContent()) ?? "";
    expect(text).toContain("Your social worker agreed. The record was changed.");
    expect(text).toContain("Thank you, Kerry. I have changed it.");
    expect(text).toContain("The record was changed. This is version 2.");
    expect(text).toContain("because the bus was late. She rang to say so.");
    // The first version is kept, under "Older versions".
    const older = easy(page).locator("section[aria-labelledby='easy-entry-history']");
    await expect(older.locator("summary").textContent()).resolves.toContain("Version 1");
    await expect(older.textContent()).resolves.toContain("Kerry was 20 minutes late, and Tyler");
  });

  it("shows a finished record: the final version, her view kept with it and the reply", async () => {
    const page = await kerry(false);
    await page.goto(`${harness.portal}${finalPath}`);
    const text = (await easy(page).textContent()) ?? "";
    expect(text).toContain("This record is finished. It cannot change now.");
    expect(text).toContain("The final version");
    expect(text).toContain("Your view stays with the record");
    expect(text).toContain("You said you disagree");
    expect(text).toContain("Your social worker read it.");
    expect(text).toContain("Thank you, Kerry. I have noted your view.");
    // Nothing to answer on a finished record.
    await expect(main(page).locator("form").count()).resolves.toBe(0);
  });
});

describe("my wishes, in easy read", () => {
  it("lets Yasmin switch to easy read and record her wishes, keeping what she typed", async () => {
    const page = await yasmin(false);
    await page.goto(`${harness.portal}/views?read=easy`);
    await waitForPage(page, (url) => url.pathname === "/views" && !url.search.includes("read="));
    await expect(easy(page).locator("h1").textContent()).resolves.toBe("My wishes and feelings");
    const text = (await easy(page).textContent()) ?? "";
    for (const prompt of [
      "What is going well?",
      "What worries you?",
      "What do you want to happen?",
      "When do you want it to happen?",
      "Who do you trust?",
      "Who can see it?",
    ]) {
      expect(text).toContain(prompt);
    }
    // Her earlier wishes, and how they were considered.
    expect(text).toContain("What your social worker did with it");
    expect(text).toContain("wrote back on");

    // Too long an answer: refused, with the rest of what she typed kept.
    await page.locator('textarea[name="goingWell"]').fill("Football on Saturdays with Mum.");
    await page.locator('textarea[name="wantsWhen"]').fill("x".repeat(5001));
    const form = page.locator("section[aria-labelledby='write-heading'] form");
    await form.locator("label.hw-radio", { hasText: "My social worker and my mum" }).click();
    await page.getByRole("button", { name: "Send to my social worker" }).click();
    await errorSummary(page).waitFor();
    await expect(errorSummary(page).textContent()).resolves.toContain("This is too long.");
    await expect(easy(page).count()).resolves.toBe(1);
    await expect(page.locator('textarea[name="goingWell"]').inputValue()).resolves.toBe(
      "Football on Saturdays with Mum.",
    );
    await expect(
      page
        .locator("section[aria-labelledby='write-heading'] form")
        .locator('input[name="sharing"]:checked')
        .inputValue(),
    ).resolves.toBe("shared_with_parents");

    await page.locator('textarea[name="wantsWhen"]').fill("After Christmas.");
    await page.locator('textarea[name="trustedPerson"]').fill("My nan and Miss Ali at school.");
    await page.getByRole("button", { name: "Send to my social worker" }).click();
    await waitForPage(page, /saved=sent/);
    await expect(page.getByRole("status").textContent()).resolves.toBe(
      "Sent to your social worker. Thank you.",
    );
    const sent = page.locator("section[aria-labelledby='easy-sent']");
    await expect(sent.textContent()).resolves.toContain("My nan and Miss Ali at school.");
    await expect(sent.textContent()).resolves.toContain(
      "Your social worker has not written back yet.",
    );
    // The same service saved it, with her choice of who may see it.
    const rows = (await harness.host.database.db.select().from(viewsAndWishes)).filter(
      (r) => r.trustedPerson === "My nan and Miss Ali at school.",
    );
    expect(rows).toMatchObject([
      {
        kind: "young_person_wishes",
        status: "submitted",
        sharing: "shared_with_parents",
        goingWell: "Football on Saturdays with Mum.",
        wantsWhen: "After Christmas.",
      },
    ]);
  });

  it("asks for at least one answer, in her language", async () => {
    const page = await yasmin(false);
    await inLanguage(page, "ar", "/views");
    await page.getByRole("button", { name: "أرسل إلى الأخصائي الاجتماعي" }).click();
    await errorSummary(page).waitFor();
    await expect(easy(page).count()).resolves.toBe(1);
    await expect(errorSummary(page).textContent()).resolves.toContain(
      "اكتب شيئاً في خانة واحدة على الأقل",
    );
    await inLanguage(page, "en", "/views");
  });
});

describe("my views, in easy read", () => {
  it("shows Amira what Yasmin chose to share, in Arabic, on a phone", async () => {
    const page = await signedIn("amira@homeward.example", true);
    await page.goto(`${harness.portal}/views?read=easy`);
    await waitForPage(page, (url) => url.pathname === "/views" && !url.search.includes("read="));
    await expect(easy(page).locator("h1").textContent()).resolves.toBe("رأيي");
    const shared = easy(page).locator("section[aria-labelledby='easy-shared']");
    await expect(shared.locator("h2").textContent()).resolves.toBe("ما شاركه طفلك معك");
    await expect(shared.textContent()).resolves.toContain(
      "I like our Saturdays, especially cooking together.",
    );
    // What Yasmin shared a moment ago, too.
    await expect(shared.textContent()).resolves.toContain("My nan and Miss Ali at school.");
    // Her own questions are a parent's.
    await expect(easy(page).textContent()).resolves.toContain("من يساعدك؟");
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      320,
    );
  }, 120_000);
});

describe("accessibility", () => {
  const pages = [
    { who: "Kerry", open: kerry, path: entryPath },
    { who: "Kerry", open: kerry, path: finalPath },
    { who: "Yasmin", open: yasmin, path: "/views" },
  ];
  for (const lng of ["en", "ar"]) {
    for (const { who, open, path } of pages) {
      it(`passes axe and fits 320 px in ${lng}: ${who}, ${path}`, async () => {
        const page = await open(true);
        // Yasmin's easy read is her choice for this visit: the switch on the page.
        if (who === "Yasmin") await page.goto(`${harness.portal}/views?read=easy`);
        await inLanguage(page, lng, path);
        await easy(page).waitFor();
        await expect(page.locator("html").getAttribute("dir")).resolves.toBe(
          lng === "ar" ? "rtl" : "ltr",
        );
        expect(await axeViolations(page)).toEqual([]);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
          320,
        );
      }, 120_000);
    }
  }
});
