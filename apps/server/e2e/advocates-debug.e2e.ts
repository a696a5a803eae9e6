// Advocates (issue 8): Leah invites a friend by email to be her advocate, choosing what they
// may do and until when; the friend makes an account from the link, signs in the usual way
// and says yes; they see Leah's items and reply to one for her (shown to the social worker as
// written by them for Leah); Leah withdraws access and the very next request is refused.
// Every new page passes axe in English and Arabic.
import { demoIds, demoPassword } from "@homeward/db";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  axeViolations,
  type Harness,
  signInToPortal,
  signInToPractitioner,
  startHarness,
} from "./harness.ts";

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.stop());

console.log("STEP 1", new Date().toISOString());
const friend = "sam.friend@homeward.example";
console.log("STEP 2", new Date().toISOString());
const entryId = demoIds.entries.miaSharedWithBothParents[0] as string;

async function newPage() {
  console.log("STEP 3", new Date().toISOString());
  const context = await harness.newContext({ javaScriptEnabled: false });
  console.log("STEP 4", new Date().toISOString());
  const page = await context.newPage();
  // Fail at the step that went wrong, not at the test's overall time limit.
  page.setDefaultTimeout(15_000);
  return page;
}

async function inLanguage(page: Page, lng: string, path: string) {
  console.log("STEP 5", new Date().toISOString());
  await page.goto(`${harness.portal}/language?lng=${lng}&next=${encodeURIComponent(path)}`);
}

async function expectAccessible(page: Page, path: string) {
  for (const lng of ["en", "ar"]) {
    console.log("STEP 6", new Date().toISOString());
    await inLanguage(page, lng, path);
    console.log("STEP 7", new Date().toISOString());
    expect(await page.locator("html").getAttribute("lang"), path).toBe(lng);
    console.log("STEP 8", new Date().toISOString());
    expect(await axeViolations(page), `${path} in ${lng}`).toEqual([]);
  }
  console.log("STEP 9", new Date().toISOString());
  await inLanguage(page, "en", path);
}

describe("advocates", { timeout: 100_000 }, () => {
  it("invited, acting on behalf, then access withdrawn by the parent", async () => {
    // Leah finds "My advocate" from her account page and invites Sam.
    console.log("STEP 10", new Date().toISOString());
    const leah = await newPage();
    console.log("STEP 11", new Date().toISOString());
    await signInToPortal(leah, harness, "parent@homeward.example");
    console.log("STEP 12", new Date().toISOString());
    await leah.goto(`${harness.portal}/account`);
    console.log("STEP 13", new Date().toISOString());
    await leah.getByRole("link", { name: "My advocate" }).click();
    console.log("STEP 14", new Date().toISOString());
    await leah.waitForURL(/\/advocacy$/);
    console.log("STEP 15", new Date().toISOString());
    await expectAccessible(leah, "/advocacy");
    console.log("STEP 16", new Date().toISOString());
    expect(await leah.getByText("Nobody helps you at the moment.").count()).toBe(1);

    // A mistake first: no date. What she typed stays.
    console.log("STEP 17", new Date().toISOString());
    await leah.locator('input[name="email"]').fill(friend);
    console.log("STEP 18", new Date().toISOString());
    await leah.getByRole("button", { name: "Send the invitation" }).click();
    console.log("STEP 19", new Date().toISOString());
    expect(
      await leah.getByText("Enter the last day they can help, as a date").count(),
    ).toBeGreaterThan(0);
    console.log("STEP 20", new Date().toISOString());
    expect(await leah.locator('input[name="email"]').inputValue()).toBe(friend);

    console.log("STEP 21", new Date().toISOString());
    await leah.locator("label.hw-checkbox", { hasText: "Reply for me" }).click();
    console.log("STEP 22", new Date().toISOString());
    await leah.locator('input[name="activeUntil"]').fill("2027-03-31");
    console.log("STEP 23", new Date().toISOString());
    await leah.getByRole("button", { name: "Send the invitation" }).click();
    console.log("STEP 24", new Date().toISOString());
    await leah.waitForURL(/saved=invited/);
    console.log("STEP 25", new Date().toISOString());
    expect(await leah.getByText(`Waiting for ${friend} to say yes`).count()).toBe(1);

    // The email: a link with a token, and nothing about Leah or Mia.
    console.log("STEP 26", new Date().toISOString());
    const mail = (await harness.host.mailer.outbox(20)).find((m) => m.to === friend);
    console.log("STEP 27", new Date().toISOString());
    expect(mail).toBeDefined();
    for (const secret of ["Leah", "Mia", "Morgan", "HW-1001"]) {
      console.log("STEP 28", new Date().toISOString());
      expect(mail?.text).not.toContain(secret);
      console.log("STEP 29", new Date().toISOString());
      expect(mail?.subject).not.toContain(secret);
    }
    console.log("STEP 30", new Date().toISOString());
    const link = mail?.text.match(/https?:\/\/\S+\/advocacy\/accept\?token=\S+/)?.[0];
    if (!link) throw new Error("no invitation link");

    // Sam has no account: makes one from the link, then signs in as everyone does.
    console.log("STEP 31", new Date().toISOString());
    const sam = await newPage();
    console.log("STEP 32", new Date().toISOString());
    await sam.goto(link);
    console.log("STEP 33", new Date().toISOString());
    const acceptPath = link.slice(link.indexOf("/advocacy/"));
    console.log("STEP 34", new Date().toISOString());
    await expectAccessible(sam, acceptPath);
    console.log("STEP 35", new Date().toISOString());
    await sam.locator('input[name="name"]').fill("Sam Friend");
    console.log("STEP 36", new Date().toISOString());
    await sam.locator('input[name="password"]').fill(demoPassword);
    console.log("STEP 37", new Date().toISOString());
    await sam.locator('input[name="confirmPassword"]').fill(demoPassword);
    console.log("STEP 38", new Date().toISOString());
    await sam.getByRole("button", { name: "Make my account" }).click();
    console.log("STEP 39", new Date().toISOString());
    await sam.waitForURL(/created=1/);
    console.log("STEP 40", new Date().toISOString());
    expect(await sam.getByText("Your account is ready.", { exact: false }).count()).toBe(1);
    console.log("STEP 41", new Date().toISOString());
    await signInToPortal(sam, harness, friend);
    console.log("STEP 42", new Date().toISOString());
    await sam.goto(link);
    console.log("STEP 43", new Date().toISOString());
    await sam.getByRole("button", { name: "Say yes and start helping" }).click();
    console.log("STEP 44", new Date().toISOString());
    await sam.waitForURL(/\/advocacy\/people\?accepted=1/);
    console.log("STEP 45", new Date().toISOString());
    await expectAccessible(sam, "/advocacy/people");
    console.log("STEP 46", new Date().toISOString());
    expect(await sam.getByRole("heading", { name: "Leah Morgan, about Mia" }).count()).toBe(1);

    // The same link again: used.
    console.log("STEP 47", new Date().toISOString());
    await sam.goto(link);
    console.log("STEP 48", new Date().toISOString());
    expect(await sam.getByText("This link has been used already.", { exact: false }).count()).toBe(
      1,
    );

    // Sam replies to one of Leah's records for her.
    console.log("STEP 49", new Date().toISOString());
    await sam.goto(`${harness.portal}/advocacy/people`);
    console.log("STEP 50", new Date().toISOString());
    await sam.locator(`a[href="/records/${entryId}"]`).first().click();
    console.log("STEP 51", new Date().toISOString());
    await sam.waitForURL(new RegExp(`/records/${entryId}$`));
    console.log("STEP 52", new Date().toISOString());
    await sam
      .locator('textarea[name="body"]')
      .fill("Leah asked me to say she went to every visit.");
    console.log("STEP 53", new Date().toISOString());
    await sam.getByRole("button", { name: "Send" }).click();
    console.log("STEP 54", new Date().toISOString());
    await sam.waitForLoadState();
    console.log("STEP 55", new Date().toISOString());
    expect(await sam.getByText("Leah asked me to say she went to every visit.").count()).toBe(1);

    // Her social worker sees who wrote it, and for whom.
    console.log("STEP 56", new Date().toISOString());
    const worker = await newPage();
    console.log("STEP 57", new Date().toISOString());
    await signInToPractitioner(worker, harness, "social-worker@homeward.example");
    console.log("STEP 58", new Date().toISOString());
    await worker.goto(`${harness.practitioner}/cases/${demoIds.cases.mia}/records/${entryId}`);
    console.log("STEP 59", new Date().toISOString());
    expect(await worker.getByText("Sam Friend for Leah Morgan").count()).toBeGreaterThan(0);

    // Leah sees Sam as her advocate, and stops it.
    console.log("STEP 60", new Date().toISOString());
    await leah.goto(`${harness.portal}/advocacy`);
    console.log("STEP 61", new Date().toISOString());
    await expectAccessible(leah, "/advocacy");
    console.log("STEP 62", new Date().toISOString());
    await leah.getByRole("button", { name: "Stop access for Sam Friend" }).click();
    console.log("STEP 63", new Date().toISOString());
    await leah.waitForURL(/saved=withdrawn/);
    console.log("STEP 64", new Date().toISOString());
    expect(await leah.getByText("Nobody helps you at the moment.").count()).toBe(1);

    // At once: Sam's next request for Leah's record is refused, and Leah is gone from his page.
    console.log("STEP 65", new Date().toISOString());
    const refused = await sam.goto(`${harness.portal}/records/${entryId}`);
    console.log("STEP 66", new Date().toISOString());
    expect(refused?.status()).toBe(403);
    console.log("STEP 67", new Date().toISOString());
    await sam.goto(`${harness.portal}/advocacy/people`);
    console.log("STEP 68", new Date().toISOString());
    expect(await sam.getByText("Nobody has asked you to help them at the moment.").count()).toBe(1);
  });

  it("the social worker arranges an advocate with consent recorded; a co-worker may not", async () => {
    console.log("STEP 69", new Date().toISOString());
    const worker = await newPage();
    console.log("STEP 70", new Date().toISOString());
    await signInToPractitioner(worker, harness, "social-worker@homeward.example");
    console.log("STEP 71", new Date().toISOString());
    const path = `/cases/${demoIds.cases.tyler}/advocates`;
    console.log("STEP 72", new Date().toISOString());
    await worker.goto(`${harness.practitioner}${path}`);
    for (const lng of ["en", "ar"]) {
      console.log("STEP 73", new Date().toISOString());
      await worker.goto(
        `${harness.practitioner}/language?lng=${lng}&next=${encodeURIComponent(path)}`,
      );
      console.log("STEP 74", new Date().toISOString());
      expect(await axeViolations(worker), `${path} in ${lng}`).toEqual([]);
    }
    console.log("STEP 75", new Date().toISOString());
    await worker.goto(`${harness.practitioner}/language?lng=en&next=${encodeURIComponent(path)}`);
    console.log("STEP 76", new Date().toISOString());
    expect(await worker.getByText("Ruth Ellis").count()).toBeGreaterThan(0);
    console.log("STEP 77", new Date().toISOString());
    await worker.locator('input[name="email"]').fill("second-helper@homeward.example");
    console.log("STEP 78", new Date().toISOString());
    await worker.locator('input[name="activeUntil"]').fill("2027-06-30");
    console.log("STEP 79", new Date().toISOString());
    await worker.locator('input[name="consentGivenOn"]').fill("2026-11-20");
    console.log("STEP 80", new Date().toISOString());
    await worker.locator("label.hw-radio", { hasText: "In person" }).click();
    console.log("STEP 81", new Date().toISOString());
    await worker.getByRole("button", { name: "Send the invitation" }).click();
    console.log("STEP 82", new Date().toISOString());
    await worker.waitForURL(/done=invited/);
    console.log("STEP 83", new Date().toISOString());
    expect(
      await worker.getByText("Invitation sent to second-helper@homeward.example").count(),
    ).toBe(1);

    console.log("STEP 84", new Date().toISOString());
    const coWorker = await newPage();
    console.log("STEP 85", new Date().toISOString());
    await signInToPractitioner(coWorker, harness, "co-worker@homeward.example");
    console.log("STEP 86", new Date().toISOString());
    const refused = await coWorker.goto(`${harness.practitioner}${path}`);
    console.log("STEP 87", new Date().toISOString());
    expect(refused?.status()).toBe(403);
  });
});
