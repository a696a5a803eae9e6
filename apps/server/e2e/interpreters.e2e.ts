// Interpreters (issue 8): Sarah assigns interpreters; Yusuf reads Amira's pages side by side
// (Arabic beside English), writes a comment for her that she sees attributed to him, cannot
// acknowledge her agreement, and is refused once his access ends - early, or at the end of
// his period (a second server whose clock starts after it).
import { demoIds } from "@homeward/db";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  axeViolations,
  type Harness,
  signInToPortal,
  signInToPractitioner,
  startHarness,
  waitForPage,
} from "./harness.ts";
import { afterYusufsPeriod, expectSideBySide, fillAssignment } from "./interpreter-steps.ts";

let harness: Harness;
const { cases, entries } = demoIds;
const yasmin = cases.yasmin;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.stop());

async function portalAs(email: string, options: { javaScriptEnabled?: boolean } = {}) {
  const context = await harness.newContext(options);
  const page = await context.newPage();
  await signInToPortal(page, harness, email);
  return { context, page };
}

describe("interpreters", () => {
  it("Sarah sees Yusuf's assignment and assigns another interpreter, with consent", async () => {
    const context = await harness.newContext();
    const page = await context.newPage();
    await signInToPractitioner(page, harness, "social-worker@homeward.example");
    await page.goto(`${harness.practitioner}/cases/${yasmin}/interpreters`);
    const current = page.locator("section[aria-labelledby='current-title']");
    await expect(current.textContent()).resolves.toContain("Yusuf Karim for Amira Haddad");
    expect(await axeViolations(page)).toEqual([]);

    // Without consent: refused, and what was typed is kept.
    await fillAssignment(page, { email: "advocate@homeward.example", until: "2026-12-31" });
    await page.getByRole("button", { name: "Assign interpreter" }).click();
    await page.locator(".hw-error-summary").waitFor();
    await expect(page.locator(".hw-error-summary").textContent()).resolves.toContain(
      "Record the person's consent first.",
    );
    await expect(page.locator('input[name="email"]').inputValue()).resolves.toBe(
      "advocate@homeward.example",
    );
    expect(await axeViolations(page)).toEqual([]);

    await page.locator("label.hw-radio", { hasText: "Amira Haddad" }).click();
    await page
      .locator("label.hw-radio")
      .filter({ hasText: /^العربية$/ })
      .click();
    await page.locator("label.hw-checkbox").click();
    await page.getByRole("button", { name: "Assign interpreter" }).click();
    await page.getByRole("status").waitFor();
    await expect(current.textContent()).resolves.toContain("Ruth Ellis for Amira Haddad");
    await context.close();
  });

  it("the co-worker sees the assignments but cannot assign", async () => {
    const context = await harness.newContext();
    const page = await context.newPage();
    await signInToPractitioner(page, harness, "co-worker@homeward.example");
    await page.goto(`${harness.practitioner}/cases/${yasmin}/interpreters`);
    await expect(page.locator("main").textContent()).resolves.toContain(
      "Only the allocated social worker can assign interpreters",
    );
    expect(await page.locator('input[name="email"]').count()).toBe(0);
    await context.close();
  });

  it("Yusuf reads Amira's pages side by side, without JavaScript too", async () => {
    const { context, page } = await portalAs("interpreter@homeward.example", {
      javaScriptEnabled: false,
    });
    await page.goto(`${harness.portal}/`);
    await page.getByRole("link", { name: "Open Amira Haddad's pages side by side" }).click();
    await waitForPage(page, /\/interpret\/.+\/home$/);
    await expectSideBySide(page, { rows: true });
    await context.close();
  });

  it("Yusuf reads Amira's pages side by side, Arabic beside English", async () => {
    const { context, page } = await portalAs("interpreter@homeward.example");
    await page.goto(`${harness.portal}/`);
    await expect(page.locator("main").textContent()).resolves.toContain(
      "You interpret for Amira Haddad",
    );
    await page.getByRole("link", { name: "Open Amira Haddad's pages side by side" }).click();
    await waitForPage(page, /\/interpret\/.+\/home$/);
    await expectSideBySide(page, { rows: true });
    expect(await axeViolations(page)).toEqual([]);

    for (const path of ["traffic-light", "agreement", `records/${entries.yasminSharedWithAmira}`]) {
      const response = await page.goto(`${harness.portal}/interpret/${yasmin}/${path}`);
      expect(response?.status()).toBe(200);
      await expectSideBySide(page, { rows: true });
      expect(await axeViolations(page)).toEqual([]);
    }
    await page.goto(`${harness.portal}/interpret`);
    expect(await axeViolations(page)).toEqual([]);

    // Narrow screens: each pair stacks, the Arabic first.
    await page.setViewportSize({ width: 320, height: 800 });
    await page.goto(`${harness.portal}/interpret/${yasmin}/home`);
    const row = page.locator(".hw-sbs__row:not(.hw-sbs__columns)").nth(1);
    const [first, second] = [row.locator("> *").first(), row.locator("> *").nth(1)];
    const a = await first.boundingBox();
    const b = await second.boundingBox();
    expect(a && b && b.y >= a.y + a.height - 1).toBe(true);

    // With his portal in Arabic too.
    await context.addCookies([{ name: "homeward_lng", value: "ar", url: harness.portal }]);
    await page.setViewportSize({ width: 1024, height: 800 });
    await page.goto(`${harness.portal}/interpret/${yasmin}/agreement`);
    await expect(page.locator("html").getAttribute("dir")).resolves.toBe("rtl");
    await expectSideBySide(page, { rows: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${harness.portal}/interpret`);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });

  it("Yusuf writes a comment for Amira, which she sees as his; he cannot acknowledge", async () => {
    const { context, page } = await portalAs("interpreter@homeward.example");
    await page.goto(`${harness.portal}/records/${entries.yasminSharedWithAmira}`);
    await page.locator("label.hw-radio", { hasText: "Comment" }).click();
    await page.locator('textarea[name="body"]').fill("Amira asks who else will read this.");
    await page.getByRole("button", { name: "Send" }).click();
    await page.getByRole("status").waitFor();

    // Acknowledging the agreement is Amira's alone: no button, and a forged post is refused.
    await page.goto(`${harness.portal}/agreement`);
    expect(await page.getByRole("button", { name: /acknowledge|confirm/i }).count()).toBe(0);
    const refused = await page.request.post(`${harness.portal}/agreement`, {
      form: { intent: "acknowledge", agreementId: demoIds.agreement, version: "1" },
      headers: { origin: harness.portal },
    });
    expect(refused.status()).toBe(403);
    await context.close();

    const amira = await portalAs("amira@homeward.example");
    await amira.page.goto(`${harness.portal}/records/${entries.yasminSharedWithAmira}`);
    const mine = amira.page.locator("section[aria-labelledby='my-responses']");
    await expect(mine.textContent()).resolves.toContain("Amira asks who else will read this.");
    await expect(mine.textContent()).resolves.toMatch(/Yusuf Karim[\s\S]*Amira Haddad/);
    await amira.context.close();
  });

  it("when Sarah ends Yusuf's access early, he is refused", async () => {
    const context = await harness.newContext();
    const page = await context.newPage();
    await signInToPractitioner(page, harness, "social-worker@homeward.example");
    await page.goto(`${harness.practitioner}/cases/${yasmin}/interpreters`);
    await page.getByRole("button", { name: "End access now for Yusuf Karim" }).click();
    await page.getByRole("status").waitFor();
    await expect(
      page.locator("section[aria-labelledby='past-title']").textContent(),
    ).resolves.toContain("Yusuf Karim for Amira Haddad");
    await context.close();

    const yusuf = await portalAs("interpreter@homeward.example");
    const response = await yusuf.page.goto(`${harness.portal}/interpret/${yasmin}/home`);
    expect(response?.status()).toBe(403);
    await yusuf.page.goto(`${harness.portal}/interpret`);
    await expect(yusuf.page.locator("main").textContent()).resolves.toContain(
      "You are not interpreting for anyone",
    );
    await yusuf.context.close();
  });
});

describe("after the end of Yusuf's period", () => {
  const laterHarness = afterYusufsPeriod();

  it("refuses him Amira's pages, side by side or not", async () => {
    const later = laterHarness();
    const context = await later.newContext();
    const page = await context.newPage();
    await signInToPortal(page, later, "interpreter@homeward.example");
    for (const path of [`/interpret/${yasmin}/home`, `/records/${entries.yasminSharedWithAmira}`]) {
      const response = await page.goto(`${later.portal}${path}`);
      expect(response?.status()).toBe(403);
      expect(await page.content()).not.toContain("Amira asks");
    }
    await page.goto(`${later.portal}/`);
    await expect(page.locator("main").textContent()).resolves.not.toContain(
      "You interpret for Amira Haddad",
    );
    await context.close();
  });
});
