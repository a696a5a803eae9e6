// "My agreement" in easy read (issue 8): Kerry, whose case records that she reads easy read,
// gets the whole agreement page in easy read - what to do now, each goal's parts, the help,
// what has happened - and does what the standard page lets her do, with JavaScript and
// without: say she has read it, add what she has done (a missing answer keeps what she typed,
// with the message in her language) and say that promised help has not happened. Every
// state passes axe and fits a 320 px phone, in English and Arabic.
import {
  agreementGoal,
  agreementParty,
  agreementSupport,
  demoIds,
  goalProgress,
  parentalAgreement,
  user,
} from "@homeward/db";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  axeViolations,
  type Harness,
  signInToPortal,
  startHarness,
  waitForPage,
} from "./harness.ts";

let harness: Harness;

// Kerry's agreement about family time with Tyler. The demo has none for her (Tyler's plan is
// now to stay with his carers), so this file arranges one in its own database.
const agreementId = "agreement-tyler-e2e";
const familyTime = "goal-tyler-e2e-1";
const wayne = "goal-tyler-e2e-2";
const busPass = "support-tyler-e2e-1";
const abuseWorker = "support-tyler-e2e-2";

beforeAll(async () => {
  harness = await startHarness();
  const { db } = harness.host.database;
  // (No query builder here: the server package does not depend on drizzle-orm directly.)
  const sw = (await db.select({ id: user.id, email: user.email }).from(user)).find(
    (u) => u.email === "social-worker@homeward.example",
  );
  await db.insert(parentalAgreement).values({
    id: agreementId,
    caseId: demoIds.cases.tyler,
    title: "Agreement between Kerry Brooks and Demo Borough Council about family time",
    status: "published",
    riskFactorsSummary: "Wayne has kept coming to the house. Tyler saw him hurt you.",
    protectiveFactorsSummary: "You love Tyler and he loves you. Your mum Pat helps you.",
    publishedAt: new Date("2026-11-10T10:00:00Z"),
    publishedBy: sw?.id ?? null,
    reviewDate: "2027-01-14",
    version: 1,
  });
  await db.insert(agreementParty).values({ agreementId, memberId: demoIds.members.tylerKerry });
  await db.insert(agreementGoal).values([
    {
      id: familyTime,
      agreementId,
      factorIds: [],
      changeNeeded: "Come to family time with Tyler every other Saturday at 10:00.",
      measure: "The family centre writes down when you come.",
      evidenceExpected: "The family centre's list of visits.",
      dueDate: "2026-12-19",
      supportOffered: "A bus pass for the trip to Eastfield Family Centre.",
      consequence: "Family time may move to once a month.",
      status: "in_progress",
      sortOrder: 1,
    },
    {
      id: wayne,
      agreementId,
      factorIds: [],
      changeNeeded: "Do not let Wayne come to the house.",
      measure: "Your social worker visits every two weeks.",
      evidenceExpected: "The visit notes, and what Tyler says.",
      dueDate: "2026-11-20",
      supportOffered: "Weekly sessions with a domestic abuse worker.",
      consequence: "We will plan for Tyler to stay with Carol and Steve.",
      status: "not_started",
      sortOrder: 2,
    },
  ]);
  await db.insert(goalProgress).values({
    id: "progress-tyler-e2e-1",
    goalId: familyTime,
    authorUserId: sw?.id ?? "",
    note: "Kerry came to both Saturdays in November, on time.",
    createdAt: new Date("2026-11-21T15:00:00Z"),
  });
  await db.insert(agreementSupport).values([
    {
      id: busPass,
      agreementId,
      service: "Bus pass",
      provider: "Demo Borough Council",
      startDate: "2026-11-01",
      status: "started",
    },
    {
      id: abuseWorker,
      agreementId,
      service: "Domestic abuse worker",
      provider: "Eastfield Women's Aid",
      startDate: "2026-11-10",
      status: "planned",
    },
  ]);
});
afterAll(() => harness?.stop());

// One signed-in browser per setting, kept across tests: sign-in codes are rate-limited.
const sessions = new Map<string, Promise<Page>>();
function kerry(options: { javaScriptEnabled: boolean; phone?: boolean }) {
  const key = `${options.javaScriptEnabled} ${options.phone ?? false}`;
  let session = sessions.get(key);
  if (!session) {
    session = (async () => {
      const context = await harness.newContext({
        javaScriptEnabled: options.javaScriptEnabled,
        ...(options.phone ? { viewport: { width: 320, height: 640 } } : {}),
      });
      const page = await context.newPage();
      await signInToPortal(page, harness, "kerry@homeward.example");
      return page;
    })();
    sessions.set(key, session);
  }
  return session;
}

async function inLanguage(page: Page, lng: string, path: string) {
  await page.goto(`${harness.portal}/language?lng=${lng}&next=${encodeURIComponent(path)}`);
}

const text = async (scope: Locator) =>
  ((await scope.textContent()) ?? "").replace(/\s+/g, " ").trim();
const mainText = (page: Page) => text(page.locator("main"));
const goal = (page: Page, id: string) => page.locator(`article#goal-${id}`);
const support = (page: Page, id: string) => page.locator(`article#support-${id}`);
const steps = (page: Page) => page.locator("main h3:has-text('What to do now') + ul > li");
const problem = (page: Page) => page.locator(".hw-error-summary");

/** Waits for the saved notice: the page has re-rendered with the saved change. */
async function saved(page: Page, kind: "progress" | "flag" | "acknowledged", words: string) {
  await waitForPage(page, new RegExp(`saved=${kind}`));
  await page.getByRole("status").filter({ hasText: words }).waitFor();
}

async function fitsAndPasses(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
}

describe("Kerry's agreement in easy read", () => {
  it("is the whole page in easy read: what to do now first, then each goal's parts, the help and what has happened", async () => {
    const page = await kerry({ javaScriptEnabled: false });
    await inLanguage(page, "en", "/agreement");
    expect(await page.locator("main .hw-easy").count()).toBe(1);
    await expect(
      page.locator(".hw-easy-switch a[aria-current='page']").textContent(),
    ).resolves.toBe("Easy read");
    await expect(page.locator("main h1").textContent()).resolves.toBe("My agreement");
    // Not the standard page under an easy-read opening.
    expect(await page.locator("main table, main dl").count()).toBe(0);
    const all = await mainText(page);
    expect(all).not.toContain("The full agreement and the forms are below.");

    // What to do now, most pressing first: read it, the late goal, the one coming up.
    await expect(steps(page).allTextContents()).resolves.toEqual([
      "Read your agreement. Then tell us you have read it.",
      "Goal 2 had to be done by 20 November 2026. Tell us what you have done.",
      "Goal 1: do this by 19 December 2026.",
    ]);
    await expect(steps(page).locator("a").nth(1).getAttribute("href")).resolves.toBe(
      `#goal-${wayne}`,
    );

    // Each goal: what must change, how we will know, by when, the help, what if not, progress.
    const first = await text(goal(page, familyTime));
    for (const part of [
      "Goal 1",
      "You are still working on this.",
      "What must change: Come to family time with Tyler every other Saturday at 10:00.",
      "How we will know: The family centre writes down when you come.",
      "What will show it: The family centre's list of visits.",
      "Do this by 19 December 2026.",
      "Help you will get: A bus pass for the trip to Eastfield Family Centre.",
      "If it does not happen: Family time may move to once a month.",
      "What has happened so far",
      "Your social work team wrote this. 21 November 2026.",
      "Kerry came to both Saturdays in November, on time.",
    ]) {
      expect(first).toContain(part);
    }
    const second = await text(goal(page, wayne));
    expect(second).toContain("The date for this has gone.");
    expect(second).toContain("Nobody has written about this goal yet.");

    // The help, one card each, with what the council says about it.
    const bus = await text(support(page, busPass));
    expect(bus).toContain("Who gives it: Demo Borough Council.");
    expect(bus).toContain("It starts on 1 November 2026.");
    expect(bus).toContain("The council says: it has started.");

    // Every line's picture is hidden: the words beside it say the same.
    expect(await page.locator("main .hw-easy-icon:not([aria-hidden='true'])").count()).toBe(0);
    // Glossary words in the page's own sentences link to the glossary (once per paragraph,
    // so a term used in several lines is linked in each; glossary-coverage checks them all).
    expect(await page.locator("main a.hw-glossed[href='/glossary#goal']").count()).toBeGreaterThan(
      0,
    );
    expect(
      await page.locator("main a.hw-glossed[href='/glossary#parentalAgreement']").count(),
    ).toBeGreaterThan(0);
  });

  it("lets her say she has read it and add what she has done without JavaScript; a missing answer keeps what she typed", async () => {
    const page = await kerry({ javaScriptEnabled: false });
    await inLanguage(page, "en", "/agreement");
    await page.getByRole("button", { name: "I have read my agreement" }).click();
    await saved(page, "acknowledged", "Thank you. We saved that you have read it.");
    expect(await page.locator("main .hw-easy").count()).toBe(1);
    expect(await mainText(page)).toContain(
      "You told us you read it on 26 November 2026. Thank you.",
    );
    await expect(
      page.getByRole("button", { name: "I have read my agreement" }).count(),
    ).resolves.toBe(0);
    await expect(steps(page).count()).resolves.toBe(2);

    // Only the evidence, not what she did: the same check as the standard page.
    const late = goal(page, wayne);
    await late
      .getByRole("textbox", { name: "Have you got something that shows it?" })
      .fill("A letter from the housing office.");
    await late.getByRole("button", { name: "Save what I have done" }).click();
    await problem(page).waitFor();
    expect(await page.locator("main .hw-easy").count()).toBe(1);
    await expect(problem(page).textContent()).resolves.toContain(
      "Write what you have done so far.",
    );
    await expect(problem(page).getByRole("link").getAttribute("href")).resolves.toBe(
      `#field-note-${wayne}`,
    );
    const note = late.getByRole("textbox", { name: "What have you done?" });
    await expect(note.getAttribute("aria-invalid")).resolves.toBe("true");
    await expect(
      late.getByRole("textbox", { name: "Have you got something that shows it?" }).inputValue(),
    ).resolves.toBe("A letter from the housing office.");

    await note.fill("I changed the locks. Wayne has not been to the house.");
    await late.getByRole("button", { name: "Save what I have done" }).click();
    await saved(page, "progress", "Thank you. We saved what you have done.");
    const after = await text(goal(page, wayne));
    expect(after).toContain("You wrote this.");
    expect(after).toContain("I changed the locks. Wayne has not been to the house.");
    expect(after).toContain("What shows it: A letter from the housing office.");
    // The form is empty again, ready for the next time.
    await expect(
      goal(page, wayne).getByRole("textbox", { name: "What have you done?" }).inputValue(),
    ).resolves.toBe("");
  });

  it("does the same with JavaScript, and tells her when the agreement changed after she read it", async () => {
    // A practitioner changes the agreement: she is asked to read it again.
    await harness.host.database.db
      .update(parentalAgreement)
      .set({ version: 2, updatedAt: new Date() });
    const page = await kerry({ javaScriptEnabled: true });
    await inLanguage(page, "en", "/agreement");
    await page.waitForLoadState("networkidle");
    await expect(steps(page).first().textContent()).resolves.toBe(
      "Your agreement has changed. Please read it again.",
    );
    expect(await mainText(page)).toContain(
      "The agreement changed after you read it on 26 November 2026. Please read it again.",
    );
    await page.getByRole("button", { name: "I have read my agreement" }).click();
    await saved(page, "acknowledged", "Thank you. We saved that you have read it.");
    await expect(
      page.getByRole("button", { name: "I have read my agreement" }).count(),
    ).resolves.toBe(0);

    const soon = goal(page, familyTime);
    await soon
      .getByRole("textbox", { name: "Have you got something that shows it?" })
      .fill("My bus tickets.");
    await soon.getByRole("button", { name: "Save what I have done" }).click();
    await problem(page).filter({ hasText: "Write what you have done so far." }).waitFor();
    await expect(
      soon.getByRole("textbox", { name: "Have you got something that shows it?" }).inputValue(),
    ).resolves.toBe("My bus tickets.");
    await soon
      .getByRole("textbox", { name: "What have you done?" })
      .fill("I went to family time on 21 November.");
    await soon.getByRole("button", { name: "Save what I have done" }).click();
    await saved(page, "progress", "Thank you. We saved what you have done.");
    await goal(page, familyTime)
      .getByText("I went to family time on 21 November.", { exact: true })
      .waitFor();

    // The domestic abuse worker has not come: she says so, with a note.
    const worker = support(page, abuseWorker);
    await worker.getByText("Tell us: Domestic abuse worker has not happened").click();
    await worker
      .getByRole("textbox", { name: "What happened? You do not have to write." })
      .fill("Nobody has called me.");
    await worker.getByRole("button", { name: "Tell us it has not happened" }).click();
    await saved(page, "flag", "Thank you. We told your social worker this help has not happened.");
    const flagged = await text(support(page, abuseWorker));
    expect(flagged).toContain("You told us on 26 November 2026: this has not happened.");
    expect(flagged).toContain("Nobody has called me.");
    // Told once: no form to tell it again.
    expect(await support(page, abuseWorker).locator("details").count()).toBe(0);
  });

  it("shows another parent in easy read no agreement, and nothing of Kerry's", async () => {
    const context = await harness.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInToPortal(page, harness, "parent@homeward.example");
    await page.goto(`${harness.portal}/agreement?read=easy`);
    await waitForPage(
      page,
      (url) => url.pathname === "/agreement" && !url.search.includes("read="),
    );
    expect(await page.locator("main .hw-easy").count()).toBe(1);
    const all = await mainText(page);
    expect(all).toContain("You do not have an agreement yet.");
    expect(all).not.toContain("Kerry");
    expect(await page.content()).not.toContain(agreementId);
    expect(await page.locator("main form").count()).toBe(0);
    await context.close();
  });

  it("lets Amira's interpreter read her agreement in easy read, with no forms: only Amira can act on it", async () => {
    const context = await harness.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInToPortal(page, harness, "interpreter@homeward.example");
    await inLanguage(page, "en", "/agreement?read=easy");
    await waitForPage(
      page,
      (url) => url.pathname === "/agreement" && !url.search.includes("read="),
    );
    expect(await page.locator("main .hw-easy").count()).toBe(1);
    const all = await mainText(page);
    expect(all).toContain("You are helping Amira Haddad with their agreement.");
    expect(all).toContain(
      "You can read it and explain it. Only Amira Haddad can write in it or say they have read it.",
    );
    expect(await page.locator("main article.hw-goal").count()).toBe(3);
    expect(await page.locator("main form, main textarea, main details").count()).toBe(0);
    await context.close();
  });

  for (const lng of ["en", "ar"]) {
    it(`passes axe and fits 320 px in ${lng}, with a problem shown and without`, async () => {
      const page = await kerry({ javaScriptEnabled: true, phone: true });
      await inLanguage(page, lng, "/agreement");
      await page.waitForLoadState("networkidle");
      expect(await page.locator("main .hw-easy").count()).toBe(1);
      await expect(page.locator("html").getAttribute("dir")).resolves.toBe(
        lng === "ar" ? "rtl" : "ltr",
      );
      await fitsAndPasses(page);
      // A missing answer, in her language, keeps the page easy read and accessible.
      const form = goal(page, familyTime).locator("form");
      await form.locator("textarea[name='evidence']").fill("صورة / photo");
      await form.getByRole("button").click();
      await problem(page).waitFor();
      const message = (await problem(page).textContent()) ?? "";
      expect(message).toContain(lng === "ar" ? "هناك شيء ناقص" : "Something is missing");
      await expect(form.locator("textarea[name='evidence']").inputValue()).resolves.toBe(
        "صورة / photo",
      );
      expect(await page.locator("main .hw-easy").count()).toBe(1);
      await fitsAndPasses(page);
      if (lng === "ar") await inLanguage(page, "en", "/agreement");
    }, 120_000);
  }
});
