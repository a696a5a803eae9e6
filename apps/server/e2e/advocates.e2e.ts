// Advocates (issue 8): Leah invites a friend by email to be her advocate, choosing what they
// may do and until when; the friend makes an account from the link, signs in the usual way
// and says yes; they see Leah's items and reply to one for her (shown to the social worker as
// written by them for Leah); Leah withdraws access and the very next request is refused.
// Every new page passes axe in English and Arabic.
import { demoIds, demoPassword } from "@homeward/db";
import type { Locator, Page } from "playwright-core";
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

const friend = "sam.friend@homeward.example";
const entryId = demoIds.entries.miaSharedWithBothParents[0] as string;

async function newPage() {
  // axe runs as a script in the page, so these browsers have JavaScript on.
  const context = await harness.newContext();
  const page = await context.newPage();
  // Fail at the step that went wrong, not at the test's overall time limit.
  page.setDefaultTimeout(15_000);
  return page;
}

async function inLanguage(page: Page, lng: string, path: string) {
  await page.goto(`${harness.portal}/language?lng=${lng}&next=${encodeURIComponent(path)}`);
}

/** How many there are, once at least one has appeared (pages update after a fetch). */
async function seen(locator: Locator): Promise<number> {
  await locator.first().waitFor({ timeout: 10_000 });
  return locator.count();
}

async function expectAccessible(page: Page, path: string) {
  for (const lng of ["en", "ar"]) {
    await inLanguage(page, lng, path);
    expect(await page.locator("html").getAttribute("lang"), path).toBe(lng);
    expect(await axeViolations(page), `${path} in ${lng}`).toEqual([]);
  }
  await inLanguage(page, "en", path);
}

describe("advocates", { timeout: 180_000 }, () => {
  it("invited, acting on behalf, then access withdrawn by the parent", async () => {
    // Leah finds "My advocate" from her account page and invites Sam.
    const leah = await newPage();
    await signInToPortal(leah, harness, "parent@homeward.example");
    await leah.goto(`${harness.portal}/account`);
    await leah.getByRole("link", { name: "My advocate" }).click();
    await waitForPage(leah, /\/advocacy$/);
    await expectAccessible(leah, "/advocacy");
    expect(await seen(leah.getByText("Nobody helps you at the moment."))).toBe(1);

    // A mistake first: no date. What she typed stays.
    await leah.locator('input[name="email"]').fill(friend);
    await leah.getByRole("button", { name: "Send the invitation" }).click();
    expect(
      await seen(leah.getByText("Enter the last day they can help, as a date")),
    ).toBeGreaterThan(0);
    expect(await leah.locator('input[name="email"]').inputValue()).toBe(friend);

    await leah.locator("label.hw-checkbox", { hasText: "Reply for me" }).click();
    await leah.locator('input[name="activeUntil"]').fill("2027-03-31");
    await leah.getByRole("button", { name: "Send the invitation" }).click();
    await waitForPage(leah, /saved=invited/);
    expect(await seen(leah.getByText(`Waiting for ${friend} to say yes`))).toBe(1);

    // The email: a link with a token, and nothing about Leah or Mia.
    const mail = (await harness.host.mailer.outbox(20)).find((m) => m.to === friend);
    expect(mail).toBeDefined();
    for (const secret of ["Leah", "Mia", "Morgan", "HW-1001"]) {
      expect(mail?.text).not.toContain(secret);
      expect(mail?.subject).not.toContain(secret);
    }
    const link = mail?.text.match(/https?:\/\/\S+\/advocacy\/accept\?token=\S+/)?.[0];
    if (!link) throw new Error("no invitation link");

    // Sam has no account: makes one from the link, then signs in as everyone does.
    const sam = await newPage();
    await sam.goto(link);
    const acceptPath = link.slice(link.indexOf("/advocacy/"));
    await expectAccessible(sam, acceptPath);
    await sam.locator('input[name="name"]').fill("Sam Friend");
    await sam.locator('input[name="password"]').fill(demoPassword);
    await sam.locator('input[name="confirmPassword"]').fill(demoPassword);
    await sam.getByRole("button", { name: "Make my account" }).click();
    await waitForPage(sam, /created=1/);
    expect(await seen(sam.getByText("Your account is ready.", { exact: false }))).toBe(1);
    await signInToPortal(sam, harness, friend);
    await sam.goto(link);
    await sam.getByRole("button", { name: "Say yes and start helping" }).click();
    await waitForPage(sam, /\/advocacy\/people\?accepted=1/);
    await expectAccessible(sam, "/advocacy/people");
    expect(await seen(sam.getByRole("heading", { name: "Leah Morgan, about Mia" }))).toBe(1);

    // The same link again: used.
    await sam.goto(link);
    expect(await seen(sam.getByText("This link has been used already.", { exact: false }))).toBe(1);

    // Sam replies to one of Leah's records for her.
    await sam.goto(`${harness.portal}/advocacy/people`);
    await sam.locator(`a[href="/records/${entryId}"]`).first().click();
    await waitForPage(sam, new RegExp(`/records/${entryId}$`));
    await sam.locator("label.hw-radio", { hasText: "Comment" }).click();
    await sam
      .locator('textarea[name="body"]')
      .fill("Leah asked me to say she went to every visit.");
    await sam.getByRole("button", { name: "Send" }).click();
    // Sent, not just kept in the form after a refusal: the page says so.
    await waitForPage(sam, /saved=sent/);
    expect(await seen(sam.getByText("Sent. Your social worker will reply."))).toBe(1);

    // The social worker sees the reply as Sam's words, written for Leah - in the case's list
    // of responses waiting for a reply and on the entry - never as Leah's own.
    const worker = await newPage();
    await signInToPractitioner(worker, harness, "social-worker@homeward.example");
    const records = `/cases/${demoIds.cases.mia}/records`;
    await worker.goto(`${harness.practitioner}${records}`);
    const waiting = worker.locator("section[aria-labelledby='waiting-title'] li", {
      hasText: "from Sam Friend for Leah Morgan",
    });
    expect(await seen(waiting)).toBe(1);
    await worker.goto(`${harness.practitioner}${records}/${entryId}`);
    const response = worker.locator("article", {
      hasText: "Leah asked me to say she went to every visit.",
    });
    expect(await seen(response.locator("h3", { hasText: "Sam Friend for Leah Morgan" }))).toBe(1);
    await worker.context().close();

    // Leah sees Sam as her advocate, and stops it.
    await leah.goto(`${harness.portal}/advocacy`);
    await expectAccessible(leah, "/advocacy");
    await leah.getByRole("button", { name: "Stop access for Sam Friend" }).click();
    await waitForPage(leah, /saved=withdrawn/);
    expect(await seen(leah.getByText("Nobody helps you at the moment."))).toBe(1);

    // At once: Sam's next request for Leah's record is refused, and Leah is gone from his page.
    const refused = await sam.goto(`${harness.portal}/records/${entryId}`);
    expect(refused?.status()).toBe(403);
    await sam.goto(`${harness.portal}/advocacy/people`);
    expect(await seen(sam.getByText("Nobody has asked you to help them at the moment."))).toBe(1);
  });

  it("the social worker arranges an advocate with consent recorded; a co-worker may not", async () => {
    const worker = await newPage();
    await signInToPractitioner(worker, harness, "social-worker@homeward.example");
    const path = `/cases/${demoIds.cases.tyler}/advocates`;
    await worker.goto(`${harness.practitioner}${path}`);
    for (const lng of ["en", "ar"]) {
      await worker.goto(
        `${harness.practitioner}/language?lng=${lng}&next=${encodeURIComponent(path)}`,
      );
      expect(await axeViolations(worker), `${path} in ${lng}`).toEqual([]);
    }
    await worker.goto(`${harness.practitioner}/language?lng=en&next=${encodeURIComponent(path)}`);
    expect(await seen(worker.getByText("Ruth Ellis"))).toBeGreaterThan(0);
    await worker.locator('input[name="email"]').fill("second-helper@homeward.example");
    await worker.locator('input[name="activeUntil"]').fill("2027-06-30");
    await worker.locator('input[name="consentGivenOn"]').fill("2026-11-20");
    await worker.locator("label.hw-radio", { hasText: "In person" }).click();
    await worker.getByRole("button", { name: "Send the invitation" }).click();
    await waitForPage(worker, /done=invited/);
    expect(await seen(worker.getByText("Invitation sent to second-helper@homeward.example"))).toBe(
      1,
    );

    const coWorker = await newPage();
    await signInToPractitioner(coWorker, harness, "co-worker@homeward.example");
    const refused = await coWorker.goto(`${harness.practitioner}${path}`);
    expect(refused?.status()).toBe(403);
  });
});
