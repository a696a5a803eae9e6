// Issue 7 (practitioner side) and issue 8's share blocking, across both apps: Sarah drafts an
// entry and shares it with Leah; Leah asks for a correction in the portal; Sarah accepts it
// with the keyboard only and finalises; Leah sees the final version. A disagreement stays
// attached to a final entry in both apps. A share naming Daniel's address is refused.
import { demoIds } from "@homeward/db";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  axeViolations,
  type Harness,
  signInToPortal,
  signInToPractitioner,
  startHarness,
} from "./harness.ts";

let harness: Harness;
let sarah: BrowserContext;
let leah: BrowserContext;
const mia = demoIds.cases.mia;
const records = `/cases/${mia}/records`;

beforeAll(async () => {
  harness = await startHarness();
  sarah = await harness.newContext();
  const staffPage = await sarah.newPage();
  await signInToPractitioner(staffPage, harness, "social-worker@homeward.example");
  await staffPage.close();
  leah = await harness.newContext();
  const familyPage = await leah.newPage();
  await signInToPortal(familyPage, harness, "parent@homeward.example");
  await familyPage.close();
});
afterAll(() => harness?.stop());

async function open(context: BrowserContext, url: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(url);
  // Typing before the page has come alive (hydrated) would race React.
  await page.waitForLoadState("networkidle");
  return page;
}

async function expectNoAxeViolations(page: Page) {
  const violations = await axeViolations(page);
  expect({ url: page.url(), violations }).toEqual({ url: page.url(), violations: [] });
}

const box = (page: Page, name: string) => page.getByRole("textbox", { name, exact: true });

/** Sarah writes a draft and returns the review page's path. */
async function draft(title: string, body: string): Promise<string> {
  const page = await open(sarah, `${harness.practitioner}${records}/new`);
  await box(page, "Title").fill(title);
  await box(page, "What the entry says").fill(body);
  await page.getByRole("button", { name: "Save as a draft" }).click();
  await page.locator(".hw-notice", { hasText: "The draft is saved." }).waitFor();
  const path = new URL(page.url()).pathname;
  await page.close();
  return path;
}

/** Sarah shares an entry with the people named; returns the share page after submitting. */
async function share(entryPath: string, people: string[]): Promise<Page> {
  const page = await open(sarah, `${harness.practitioner}${entryPath}/share`);
  for (const person of people) await page.locator("label.hw-checkbox", { hasText: person }).click();
  await page.getByRole("button", { name: "Share for checking" }).click();
  await page.waitForLoadState("networkidle");
  return page;
}

/** Leah opens an entry in the portal by its title. */
async function leahOpens(title: string): Promise<Page> {
  const page = await open(leah, `${harness.portal}/records`);
  await page.getByRole("link", { name: title }).click();
  await page.locator("h1", { hasText: title }).waitFor();
  await page.waitForLoadState("networkidle");
  return page;
}

/** Presses Tab until the focused element matches, as someone without a mouse would. */
async function tabTo(page: Page, matches: (el: Element) => boolean, limit = 120) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate(`(${matches.toString()})(document.activeElement)`)) return;
  }
  throw new Error("Never reached the element by pressing Tab");
}

describe("records shared for review, both apps", () => {
  const title = "Family time on 24 November";
  const original =
    "Leah came to family time with Mia at the family centre. She arrived 20 minutes late. Mia was pleased to see her.";
  let entryPath = "";

  it("lists the case's records, and Sarah drafts and shares an entry with Leah", async () => {
    const list = await open(sarah, `${harness.practitioner}${records}`);
    await list.locator("h1", { hasText: "Records for Mia Morgan" }).waitFor();
    // Daniel's correction on the chronology waits for an answer, with its one-month date.
    await expect(
      list.locator("section[aria-labelledby=corrections-title]").textContent(),
    ).resolves.toContain("Daniel Morgan");
    await expectNoAxeViolations(list);
    await list.getByRole("link", { name: "Write a new entry" }).click();
    await list.locator("h1", { hasText: "New entry for Mia Morgan" }).waitFor();
    await expectNoAxeViolations(list);
    await list.close();

    entryPath = await draft(title, original);
    const review = await open(sarah, `${harness.practitioner}${entryPath}`);
    await expect(review.locator(".hw-status").first().textContent()).resolves.toContain("Draft");
    await expectNoAxeViolations(review);
    await review.close();

    const edit = await open(sarah, `${harness.practitioner}${entryPath}/edit`);
    await edit.locator("h1", { hasText: `Edit: ${title}` }).waitFor();
    await expectNoAxeViolations(edit);
    await edit.close();

    const form = await open(sarah, `${harness.practitioner}${entryPath}/share`);
    await expect(form.locator("main").textContent()).resolves.toContain("Leah Morgan (parent)");
    await expectNoAxeViolations(form);
    await form.close();

    const shared = await share(entryPath, ["Leah Morgan (parent)"]);
    await shared.locator(".hw-notice", { hasText: "The entry is shared" }).waitFor();
    await shared.close();
    const outbox = await harness.host.mailer.outbox(20);
    const toLeah = outbox.find((m) => m.to === "parent@homeward.example");
    expect(toLeah?.text).toContain("/records");
    expect(toLeah?.text).not.toContain("20 minutes");
  });

  it("lets Leah ask for a correction in the portal", async () => {
    const page = await leahOpens(title);
    await page.locator("label.hw-radio", { hasText: "Correct a fact" }).click();
    await page.locator('textarea[name="anchorText"]').fill("She arrived 20 minutes late.");
    await page
      .locator('textarea[name="body"]')
      .fill("The bus was late. I was 5 minutes late and I rang the centre to say.");
    await page
      .locator('textarea[name="proposedText"]')
      .fill("She arrived 5 minutes late because the bus was late, and rang ahead.");
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByRole("status").waitFor();
    await page.close();
  });

  it("lets Sarah accept the correction with the keyboard only, then finalise", async () => {
    const page = await open(sarah, `${harness.practitioner}${entryPath}`);
    const card = page.locator("article", { hasText: "Correction request" });
    await expect(card.textContent()).resolves.toContain("5 minutes late because the bus");
    await expect(card.textContent()).resolves.toContain("Answer by");
    await expectNoAxeViolations(page);

    await tabTo(page, (el) => el instanceof HTMLInputElement && el.name === "decision");
    // The first choice is Accept; Space chooses it.
    await page.keyboard.press("Space");
    await tabTo(page, (el) => el instanceof HTMLTextAreaElement && el.name === "resultingText");
    await expect(
      page.evaluate(() => (document.activeElement as HTMLTextAreaElement).value),
    ).resolves.toContain("She arrived 5 minutes late because the bus was late, and rang ahead.");
    await tabTo(page, (el) => el instanceof HTMLTextAreaElement && el.name === "reply");
    await page.keyboard.type("Thank you, Leah. I have changed it.");
    await tabTo(page, (el) => el instanceof HTMLButtonElement && el.textContent === "Send reply");
    await page.keyboard.press("Enter");
    await page.locator(".hw-notice", { hasText: "Your reply is sent" }).waitFor();
    await expect(card.textContent()).resolves.toContain("Accepted");
    await expect(
      page.locator("section[aria-labelledby=text-title]").textContent(),
    ).resolves.toContain("She arrived 5 minutes late because the bus was late, and rang ahead.");
    await expect(page.locator("h2#text-title").textContent()).resolves.toContain("version 2");

    await tabTo(page, (el) => el instanceof HTMLButtonElement && el.textContent === "Make final");
    await page.keyboard.press("Enter");
    await page.locator(".hw-notice", { hasText: "The entry is final." }).waitFor();
    await expect(page.locator("h2#text-title").textContent()).resolves.toContain("The final entry");
    await expectNoAxeViolations(page);
    await page.close();

    const outbox = await harness.host.mailer.outbox(30);
    expect(outbox.filter((m) => m.to === "parent@homeward.example").length).toBeGreaterThanOrEqual(
      2,
    );
  });

  it("shows Leah the final version, her accepted correction and the earlier version", async () => {
    const page = await leahOpens(title);
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).toContain("This record is final.");
    expect(main).toContain("She arrived 5 minutes late because the bus was late, and rang ahead.");
    expect(main).toContain("Thank you, Leah. I have changed it.");
    expect(main).toContain("Earlier versions");
    expect(await page.locator('textarea[name="body"]').count()).toBe(0);
    await page.close();
  });

  it("keeps a disagreement attached to the final entry in both apps", async () => {
    const disputed = "How Leah copes with help";
    const path = await draft(disputed, "Leah finds it hard to accept help from the family centre.");
    (await share(path, ["Leah Morgan (parent)"])).close();
    const portal = await leahOpens(disputed);
    await portal.locator("label.hw-radio", { hasText: "Disagree with an opinion" }).click();
    await portal
      .locator('textarea[name="body"]')
      .fill("I ask the family centre for help every week.");
    await portal.getByRole("button", { name: "Send" }).click();
    await portal.getByRole("status").waitFor();
    await portal.close();

    const page = await open(sarah, `${harness.practitioner}${path}`);
    await page.locator("label.hw-radio", { hasText: "Note" }).click();
    await box(page, "Your reply").fill("Your view stays with the record.");
    await page.getByRole("button", { name: "Send reply" }).click();
    await page.locator(".hw-notice", { hasText: "Your reply is sent" }).waitFor();
    await page.getByRole("button", { name: "Make final" }).click();
    await page.locator(".hw-notice", { hasText: "The entry is final." }).waitFor();
    const kept = page.locator("section[aria-labelledby=standing-title]");
    await expect(kept.textContent()).resolves.toContain("Leah Morgan disagrees:");
    await expect(kept.textContent()).resolves.toContain(
      "I ask the family centre for help every week.",
    );
    await expectNoAxeViolations(page);
    await page.close();

    const final = await leahOpens(disputed);
    const views = final.locator("section[aria-labelledby=disagreements]");
    await expect(views.textContent()).resolves.toContain(
      "I ask the family centre for help every week.",
    );
    await expect(final.locator("main").textContent()).resolves.toContain("This record is final.");
    await final.close();
  });

  it("refuses to share text holding Daniel's address with Leah, and says what was found", async () => {
    const secretTitle = "Arrangements for Saturday";
    const path = await draft(
      secretTitle,
      "Mia will spend Saturday afternoon with Daniel at 12 Kestrel Road, Northmoor NM6 8JT.",
    );
    const before = (await harness.host.mailer.outbox(50)).length;
    const page = await share(path, ["Leah Morgan (parent)"]);
    const alert = page.locator("[role=alert]", { hasText: "Not shared" });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain("12 Kestrel Road, Northmoor NM6 8JT");
    await expect(alert.textContent()).resolves.toContain("Daniel Morgan");
    await expect(alert.textContent()).resolves.toContain("Leah Morgan");
    await expectNoAxeViolations(page);
    await page.close();
    // Nothing was shared or sent: Leah has no new entry and no new email.
    expect((await harness.host.mailer.outbox(50)).length).toBe(before);
    const portal = await open(leah, `${harness.portal}/records`);
    await expect(portal.locator("main").textContent()).resolves.not.toContain(secretTitle);
    await portal.close();
  });

  it("refuses the records pages to a family account and the share page to the co-worker", async () => {
    const page = await leah.newPage();
    const response = await page.goto(`${harness.practitioner}${records}`);
    expect(response?.url()).toContain("/sign-in");
    await page.close();
    const tom = await harness.newContext();
    const tomPage = await tom.newPage();
    await signInToPractitioner(tomPage, harness, "co-worker@homeward.example");
    const denied = await tomPage.goto(`${harness.practitioner}${entryPath}/share`);
    expect(denied?.status()).toBe(403);
    await tom.close();
  });

  it("shows both versions when two tabs save the same draft, keeping what was typed", async () => {
    const path = await draft("Notes from the phone call", "Leah rang about Saturday.");
    const first = await open(sarah, `${harness.practitioner}${path}/edit`);
    const second = await open(sarah, `${harness.practitioner}${path}/edit`);
    await box(first, "What the entry says").fill("Tab one: Leah rang to move Saturday's visit.");
    await first.getByRole("button", { name: "Save changes" }).click();
    await first.locator(".hw-notice", { hasText: "Your changes are saved." }).waitFor();

    await box(second, "What the entry says").fill("Tab two: Leah rang to confirm Saturday.");
    await second.getByRole("button", { name: "Save changes" }).click();
    const panel = second.locator(".hw-conflict");
    await panel.waitFor();
    await expect(panel.locator("section").first().textContent()).resolves.toContain(
      "Tab two: Leah rang to confirm Saturday.",
    );
    await expect(panel.locator("section").last().textContent()).resolves.toContain(
      "Tab one: Leah rang to move Saturday's visit.",
    );
    await expect(box(second, "What the entry says").inputValue()).resolves.toBe(
      "Tab two: Leah rang to confirm Saturday.",
    );
    await expectNoAxeViolations(second);
    await second.getByRole("button", { name: "Save my version" }).click();
    await second.locator(".hw-notice", { hasText: "Your changes are saved." }).waitFor();
    await expect(
      second.locator("section[aria-labelledby=text-title]").textContent(),
    ).resolves.toContain("Tab two");
    await first.close();
    await second.close();
  });

  it("drafts with JavaScript turned off, keeping what was typed on an error", async () => {
    const context = await harness.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInToPractitioner(page, harness, "social-worker@homeward.example");
    await page.goto(`${harness.practitioner}${records}/new`);
    await box(page, "Title").fill("Visit without scripts");
    await page.getByRole("button", { name: "Save as a draft" }).click();
    await page.locator(".hw-error-summary", { hasText: "Write what the entry says" }).waitFor();
    await expect(box(page, "Title").inputValue()).resolves.toBe("Visit without scripts");
    await box(page, "What the entry says").fill("Mia showed Leah her drawings.");
    await page.getByRole("button", { name: "Save as a draft" }).click();
    await page.locator(".hw-notice", { hasText: "The draft is saved." }).waitFor();
    await context.close();
  });

  it("has no axe violations in Welsh and Arabic", async () => {
    const page = await sarah.newPage();
    for (const lng of ["cy", "ar"]) {
      for (const path of [records, `${records}/new`, entryPath]) {
        await page.goto(
          `${harness.practitioner}/language?lng=${lng}&next=${encodeURIComponent(path)}`,
        );
        await page.locator("h1").waitFor();
        expect(await page.locator("html").getAttribute("lang")).toBe(lng);
        await expectNoAxeViolations(page);
      }
    }
    await page.goto(`${harness.practitioner}/language?lng=en&next=%2F`);
    await page.close();
  });
});
