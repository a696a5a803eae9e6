// Interpreters, continued (issue 8): Yusuf reads Amira's meetings, plan, and views pages side
// by side (Arabic beside English), only what Amira sees - never Yasmin's private wishes - and
// is refused another family's pages. Sarah invites a new interpreter by email; the email has
// only a link; the interpreter makes an account from it, signs in as every family member does
// (password and an emailed code), says yes and sees the assignment. A used link is refused
// with a translated message. Every new page passes axe in English and Arabic.
import { demoIds } from "@homeward/db";
import type { Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  axeViolations,
  type Harness,
  latestCode,
  signInToPortal,
  signInToPractitioner,
  startHarness,
  waitForPage,
} from "./harness.ts";
import { afterYusufsPeriod, expectSideBySide, fillAssignment } from "./interpreter-steps.ts";

let harness: Harness;
const { cases } = demoIds;
const yasmin = cases.yasmin;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.stop());

const newInterpreter = "nour.saleh@homeward.example";
const newPassword = "a-long-new-password-2026";

async function newPage(options: { javaScriptEnabled?: boolean } = {}) {
  const context = await harness.newContext(options);
  const page = await context.newPage();
  // Fail at the step that went wrong, not at the test's overall time limit.
  page.setDefaultTimeout(15_000);
  return page;
}

/** How many there are, once at least one has appeared (pages update after a fetch). */
async function seen(locator: Locator): Promise<number> {
  await locator.first().waitFor({ timeout: 10_000 });
  return locator.count();
}

async function inLanguage(page: Page, lng: string, path: string) {
  await page.goto(`${harness.portal}/language?lng=${lng}&next=${encodeURIComponent(path)}`);
  await waitForPage(page, (url) => url.pathname === path.split("?")[0]);
}

async function expectAccessible(page: Page, path: string) {
  for (const lng of ["en", "ar"]) {
    await inLanguage(page, lng, path);
    expect(await page.locator("html").getAttribute("lang"), path).toBe(lng);
    expect(await axeViolations(page), `${path} in ${lng}`).toEqual([]);
  }
  await inLanguage(page, "en", path);
}

describe("interpreters: meetings, plan and views side by side", { timeout: 180_000 }, () => {
  it("Yusuf reads Amira's meetings, plan and views, Arabic beside English", async () => {
    const page = await newPage();
    await signInToPortal(page, harness, "interpreter@homeward.example");
    await page.goto(`${harness.portal}/interpret`);
    // Linked from his list of the people he interprets for (the site's menu has its own).
    const list = page.locator("main");
    for (const name of ["Meetings", "Plan", "Views and wishes"]) {
      expect(await list.getByRole("link", { name, exact: true }).count()).toBe(1);
    }
    await list.getByRole("link", { name: "Meetings", exact: true }).click();
    await waitForPage(page, /\/interpret\/.+\/meetings$/);
    await expectSideBySide(page);
    expect(await page.locator("main").textContent()).toContain("Coming up");

    for (const path of ["meetings", "plan", "views"]) {
      const at = `/interpret/${yasmin}/${path}`;
      const response = await page.goto(`${harness.portal}${at}`);
      expect(response?.status(), at).toBe(200);
      await expectSideBySide(page);
      // The other pages are one link away.
      const nav = page.getByRole("navigation", { name: "Other pages side by side" });
      expect(await nav.getByRole("link").count()).toBe(5);
      await expectAccessible(page, at);
    }

    // Only what Amira sees: her own unsent views, and what Yasmin chose to share with her.
    await page.goto(`${harness.portal}/interpret/${yasmin}/views`);
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).toContain("The damp in Yasmin's room.");
    expect(main).toContain("I like our Saturdays, especially cooking together.");
    expect(main).not.toContain("I don't want Mum to know");
    expect(main).not.toContain("look after everything again");
    await page.context().close();
  });

  it("works without JavaScript", async () => {
    const page = await newPage({ javaScriptEnabled: false });
    await signInToPortal(page, harness, "interpreter@homeward.example");
    await page.goto(`${harness.portal}/interpret/${yasmin}/plan`);
    await page.locator("main").getByRole("link", { name: "Views and wishes", exact: true }).click();
    await waitForPage(page, /\/interpret\/.+\/views$/);
    await expectSideBySide(page);
    await page.context().close();
  });

  it("refuses another family's pages, and Amira herself has no side-by-side view", async () => {
    const yusuf = await newPage();
    await signInToPortal(yusuf, harness, "interpreter@homeward.example");
    for (const path of ["meetings", "plan", "views"]) {
      const response = await yusuf.goto(`${harness.portal}/interpret/${cases.mia}/${path}`);
      expect([403, 404]).toContain(response?.status());
      expect(await yusuf.content()).not.toContain("Leah");
    }
    await yusuf.context().close();

    const amira = await newPage();
    await signInToPortal(amira, harness, "amira@homeward.example");
    const response = await amira.goto(`${harness.portal}/interpret/${yasmin}/views`);
    expect(response?.status()).toBe(404);
    await amira.context().close();
  });
});

describe("inviting a new interpreter", { timeout: 240_000 }, () => {
  it("the co-worker cannot invite", async () => {
    const page = await newPage();
    await signInToPractitioner(page, harness, "co-worker@homeward.example");
    await page.goto(`${harness.practitioner}/cases/${yasmin}/interpreters/invite`);
    expect(await page.locator("main").textContent()).toContain(
      "Only the allocated social worker can assign interpreters",
    );
    expect(await page.locator('input[name="email"]').count()).toBe(0);
    const refused = await page.request.post(
      `${harness.practitioner}/cases/${yasmin}/interpreters/invite`,
      {
        form: {
          email: "someone@homeward.example",
          mailLanguage: "en",
          forMemberId: demoIds.members.yasminAmira,
          language: "ar",
          activeUntil: "2026-12-31",
          consent: "yes",
        },
        headers: { origin: harness.practitioner },
      },
    );
    expect(refused.status()).toBe(403);
    await page.context().close();
  });

  it("Sarah invites; the interpreter makes an account, signs in, says yes and sees Amira's pages", async () => {
    const sarah = await newPage();
    await signInToPractitioner(sarah, harness, "social-worker@homeward.example");
    await sarah.goto(`${harness.practitioner}/cases/${yasmin}/interpreters`);
    await sarah.getByRole("link", { name: "Invite a new interpreter" }).click();
    await waitForPage(sarah, /\/interpreters\/invite$/);
    expect(await axeViolations(sarah)).toEqual([]);
    // In Arabic too, one of the practitioner app's languages.
    const invitePath = `/cases/${yasmin}/interpreters/invite`;
    for (const lng of ["ar", "en"]) {
      await sarah.goto(
        `${harness.practitioner}/language?lng=${lng}&next=${encodeURIComponent(invitePath)}`,
      );
      await waitForPage(sarah, (url) => url.pathname === invitePath);
      expect(await sarah.locator("html").getAttribute("lang")).toBe(lng);
      expect(await axeViolations(sarah)).toEqual([]);
    }

    // An address that already has an account is assigned, not invited: what was typed stays.
    // The email's language is left at English.
    await fillAssignment(sarah, { email: "kerry@homeward.example", until: "2026-12-31" });
    await sarah.locator("label.hw-checkbox").click();
    await sarah.getByRole("button", { name: "Send invitation" }).click();
    await sarah.locator(".hw-error-summary").waitFor();
    expect(await sarah.locator(".hw-error-summary").textContent()).toContain(
      "This address already has an account.",
    );
    expect(await sarah.locator('input[name="activeUntil"]').inputValue()).toBe("2026-12-31");
    expect(await axeViolations(sarah)).toEqual([]);

    await sarah.locator('input[name="email"]').fill(newInterpreter);
    await sarah.getByRole("button", { name: "Send invitation" }).click();
    await waitForPage(sarah, /\/interpreters\?done=invited$/);
    const pending = sarah.locator("section[aria-labelledby='pending-title']");
    expect(await seen(pending.getByText(`${newInterpreter} for Amira Haddad`))).toBe(1);
    expect(await axeViolations(sarah)).toEqual([]);
    await sarah.context().close();

    // The email: a link, and nothing about Amira, Yasmin or the case.
    const mail = (await harness.host.mailer.outbox(50)).find((m) => m.to === newInterpreter);
    if (!mail) throw new Error("no invitation email");
    for (const secret of ["Amira", "Yasmin", "Haddad", "Sarah", yasmin]) {
      expect(mail.text).not.toContain(secret);
      expect(mail.subject).not.toContain(secret);
    }
    const link = mail.text.match(/https?:\/\/\S+\/interpret\/accept\?token=\S+/)?.[0];
    if (!link) throw new Error("no invitation link");
    const acceptPath = link.slice(link.indexOf("/interpret/"));

    // No account yet: makes one from the link, then signs in as every family member does.
    const nour = await newPage();
    await nour.goto(link);
    await expectAccessible(nour, acceptPath);
    await nour.locator('input[name="name"]').fill("Nour Saleh");
    await nour.locator('input[name="password"]').fill(newPassword);
    await nour.locator('input[name="confirmPassword"]').fill("not the same password");
    await nour.getByRole("button", { name: "Make my account" }).click();
    expect(await seen(nour.getByText("The two passwords are not the same"))).toBeGreaterThan(0);
    expect(await nour.locator('input[name="name"]').inputValue()).toBe("Nour Saleh");
    await nour.locator('input[name="password"]').fill(newPassword);
    await nour.locator('input[name="confirmPassword"]').fill(newPassword);
    await nour.getByRole("button", { name: "Make my account" }).click();
    await waitForPage(nour, /created=1/);
    expect(await seen(nour.getByText("Your account is ready.", { exact: false }))).toBe(1);

    await nour.getByRole("link", { name: "Sign in" }).last().click();
    await waitForPage(nour, /\/sign-in/);
    await nour.locator('input[name="email"]').fill(newInterpreter);
    await nour.locator('input[name="password"]').fill(newPassword);
    await nour.getByRole("button").last().click();
    await waitForPage(nour, /\/sign-in\/code/);
    await nour.locator('input[name="code"]').fill(await latestCode(harness.host, newInterpreter));
    await nour.getByRole("button").last().click();
    await waitForPage(nour, /\/interpret\/accept\?token=/);
    await nour.getByRole("button", { name: "Say yes and start interpreting" }).click();
    await waitForPage(nour, /\/interpret\?accepted=1$/);
    expect(await seen(nour.getByRole("heading", { name: "Amira Haddad, about Yasmin" }))).toBe(1);
    expect(await nour.getByRole("status").textContent()).toContain(
      "You can now interpret for this person",
    );
    expect(await axeViolations(nour)).toEqual([]);
    await nour.locator("main").getByRole("link", { name: "Plan", exact: true }).click();
    await waitForPage(nour, /\/interpret\/.+\/plan$/);
    await expectSideBySide(nour);

    // The same link again: used, said in English and in Arabic.
    await nour.goto(link);
    expect(await seen(nour.getByText("This link has been used already.", { exact: false }))).toBe(
      1,
    );
    await inLanguage(nour, "ar", acceptPath);
    expect(await seen(nour.getByText("تم استخدام هذا الرابط من قبل.", { exact: false }))).toBe(1);
    expect(await axeViolations(nour)).toEqual([]);
    await nour.context().close();

    // Sarah sees Nour among the current interpreters; the invitation is no longer waiting.
    const again = await newPage();
    await signInToPractitioner(again, harness, "social-worker@homeward.example");
    await again.goto(`${harness.practitioner}/cases/${yasmin}/interpreters`);
    const current = again.locator("section[aria-labelledby='current-title']");
    expect(await seen(current.getByText("Nour Saleh for Amira Haddad"))).toBe(1);
    expect(
      await again.locator("section[aria-labelledby='pending-title']").textContent(),
    ).not.toContain(newInterpreter);
    await again.context().close();
  });

  it("a link that does not work says so, in the reader's language", async () => {
    const page = await newPage();
    const path = "/interpret/accept?token=not-a-real-token";
    await page.goto(`${harness.portal}${path}`);
    expect(await seen(page.getByText("This link does not work.", { exact: false }))).toBe(1);
    await expectAccessible(page, path);
    await page.context().close();
  });
});

describe("after the end of Yusuf's period", () => {
  const laterHarness = afterYusufsPeriod();

  it("refuses him Amira's meetings, plan and views side by side", async () => {
    const later = laterHarness();
    const context = await later.newContext();
    const page = await context.newPage();
    await signInToPortal(page, later, "interpreter@homeward.example");
    for (const path of ["meetings", "plan", "views"]) {
      const response = await page.goto(`${later.portal}/interpret/${yasmin}/${path}`);
      expect(response?.status(), path).toBe(403);
      expect(await page.content()).not.toContain("The damp in Yasmin's room");
    }
    await context.close();
  });
});
