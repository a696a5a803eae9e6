// "My agreement" in the family portal (issue 5, items 3 and 7): Amira reads her agreement,
// adds her own progress, flags support that has not happened and confirms she has read a
// changed agreement, with JavaScript and without; the refusals; axe in every language.
import { agreementSupport, demoIds, parentalAgreement } from "@homeward/db";
import type { Page } from "playwright-core";
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

const goal = (id: string) => `article#goal-${id}`;
const [goal1, goal2, goal3] = demoIds.goals;

/**
 * A practitioner changes the agreement: its version moves on. The demo holds one agreement
 * (Yasmin's), so no filter is needed (and this file's database is its own).
 */
async function agreementChangesTo(version: number) {
  await harness.host.database.db.update(parentalAgreement).set({ version, updatedAt: new Date() });
}

// One signed-in browser per person (and per JavaScript setting), kept across tests: sign-in
// codes are rate-limited per address, as they should be.
const sessions = new Map<string, Promise<{ page: Page }>>();
function signedIn(email: string, options: { javaScriptEnabled?: boolean } = {}) {
  const key = `${email} ${options.javaScriptEnabled ?? true}`;
  let session = sessions.get(key);
  if (!session) {
    session = (async () => {
      const context = await harness.newContext(options);
      const page = await context.newPage();
      await signInToPortal(page, harness, email);
      return { page };
    })();
    sessions.set(key, session);
  }
  return session;
}

/** Waits for the "saved" notice: the page has re-rendered with the saved change. */
async function saved(page: Page, kind: "progress" | "flag" | "acknowledged", text: string) {
  await waitForPage(page, new RegExp(`saved=${kind}`));
  await page.getByRole("status").filter({ hasText: text }).waitFor();
}

async function inLanguage(page: Page, lng: string, path: string) {
  await page.goto(`${harness.portal}/language?lng=${lng}&next=${encodeURIComponent(path)}`);
}

const mainText = async (page: Page) => (await page.locator("main").textContent()) ?? "";

describe("Amira's agreement", () => {
  it("shows every goal with its SMART parts, progress and who wrote it, the support and her acknowledgement", async () => {
    const { page } = await signedIn("amira@homeward.example");
    await inLanguage(page, "en", "/agreement");
    await expect(page.locator("h1").textContent()).resolves.toBe("My agreement");
    const text = await mainText(page);
    expect(text).toContain("Agreement between Amira Haddad and Demo Borough Council");
    expect(await page.locator("article.hw-goal").count()).toBe(3);
    const first = page.locator(goal(goal1));
    for (const label of [
      "What needs to change",
      "How we will check it",
      "What will show it has happened",
      "When it needs to happen by",
      "The help we will give",
      "What will happen if it does not change",
    ]) {
      await expect(first.locator("dt", { hasText: label }).count()).resolves.toBe(1);
    }
    await expect(first.textContent()).resolves.toContain("Done");
    await expect(first.textContent()).resolves.toContain("Your social work team wrote this");
    // Amira wrote her own note on goal 2 (her interpreter helped in the room).
    await expect(page.locator(goal(goal2)).textContent()).resolves.toContain("You wrote this");
    await expect(page.locator(goal(goal3)).textContent()).resolves.toContain("You wrote this");
    // The promised support, with the flag Amira already raised about the damp.
    const list = page.getByRole("list", {
      name: "Help the council promised, and whether it has happened",
    });
    await expect(list.locator("article.hw-support").count()).resolves.toBe(3);
    await expect(
      list.locator(`article#support-${demoIds.flaggedSupport}`).textContent(),
    ).resolves.toContain("You told us on");
    expect(text).toContain("You told us you read this agreement on");
    expect(await page.locator('input[name="intent"][value="acknowledge"]').count()).toBe(0);
  });

  it("adds her progress and evidence, keeps what she typed when a part is missing, and flags support", async () => {
    const { page } = await signedIn("amira@homeward.example");
    await inLanguage(page, "en", "/agreement");

    // Evidence without a note: the error is shown and her words are kept.
    const second = page.locator(goal(goal2));
    await second.locator('textarea[name="evidence"]').fill("Receipt for the bed");
    await second.getByRole("button", { name: "Save my progress" }).click();
    await page.locator(".hw-error-summary").waitFor();
    await expect(page.locator(".hw-error-summary").textContent()).resolves.toContain(
      "Write what you have done so far.",
    );
    await expect(second.locator('textarea[name="evidence"]').inputValue()).resolves.toBe(
      "Receipt for the bed",
    );
    await expect(
      second.locator('textarea[name="note"]').getAttribute("aria-invalid"),
    ).resolves.toBe("true");

    const third = page.locator(goal(goal3));
    await third.locator('textarea[name="note"]').fill("I have been to 5 of 6 sessions.");
    await third.locator('textarea[name="evidence"]').fill("The group's attendance card");
    await third.getByRole("button", { name: "Save my progress" }).click();
    await saved(page, "progress", "Your progress has been saved");
    const entry = third.locator("li", { hasText: "I have been to 5 of 6 sessions." });
    await expect(entry.textContent()).resolves.toContain("You wrote this");
    await expect(entry.textContent()).resolves.toContain("The group's attendance card");
    // The form is empty again, ready for the next note.
    await expect(third.locator('textarea[name="note"]').inputValue()).resolves.toBe("");
    await expect(page.locator(".hw-error-summary").count()).resolves.toBe(0);

    const therapy = demoIds.supports[1];
    await page.locator("summary", { hasText: "Family therapy" }).click();
    const flagForm = page.locator(`form:has(input[name="supportId"][value="${therapy}"])`);
    await flagForm.locator("textarea").fill("No session since October.");
    await flagForm.getByRole("button", { name: "Tell us this has not happened" }).click();
    await saved(page, "flag", "this help has not happened");
    const row = page.locator(`article#support-${therapy}`);
    await expect(row.textContent()).resolves.toContain("You told us on");
    await expect(row.textContent()).resolves.toContain("No session since October.");
    await expect(row.textContent()).resolves.toContain("Started"); // the council's own status stays
  });

  it("confirms she has read a changed agreement, and refuses a confirmation of a version she has not seen", async () => {
    const { page } = await signedIn("amira@homeward.example");
    await agreementChangesTo(2);
    await inLanguage(page, "en", "/agreement");
    expect(await mainText(page)).toContain("The agreement has changed since you read it");
    await page.getByRole("button", { name: "I have read this agreement" }).click();
    await saved(page, "acknowledged", "you have read the agreement");
    expect(await mainText(page)).toContain("You told us you read this agreement on");

    // Changed again while she is reading: her confirmation is refused, and the page shows
    // the latest version for her to read and confirm.
    await agreementChangesTo(3);
    await page.goto(`${harness.portal}/agreement`);
    await agreementChangesTo(4);
    await page.getByRole("button", { name: "I have read this agreement" }).click();
    await page.locator(".hw-error-summary").waitFor();
    await expect(page.locator(".hw-error-summary").textContent()).resolves.toContain(
      "The agreement has changed since you opened this page",
    );
    // The latest version arrives with the refusal, for her to read and confirm.
    await expect
      .poll(() =>
        page.locator('form:has(input[value="acknowledge"]) input[name="version"]').inputValue(),
      )
      .toBe("4");
    await page.getByRole("button", { name: "I have read this agreement" }).click();
    await saved(page, "acknowledged", "you have read the agreement");
    expect(await mainText(page)).toContain("You told us you read this agreement on");
  });

  it("works with JavaScript turned off, in Arabic, right to left", async () => {
    const { page } = await signedIn("amira@homeward.example", {
      javaScriptEnabled: false,
    });
    await inLanguage(page, "ar", "/agreement");
    await expect(page.locator("html").getAttribute("dir")).resolves.toBe("rtl");
    await expect(page.locator("h1").textContent()).resolves.toBe("اتفاقي");

    const first = page.locator(goal(goal1));
    await first.locator('textarea[name="evidence"]').fill("رسالة من الطبيب");
    await first.locator("button").click();
    await page.locator(".hw-error-summary").waitFor();
    await expect(
      page.locator(goal(goal1)).locator('textarea[name="evidence"]').inputValue(),
    ).resolves.toBe("رسالة من الطبيب");
    await page.locator(goal(goal1)).locator('textarea[name="note"]').fill("ما زلت أتلقى العلاج.");
    await page.locator(goal(goal1)).locator("button").click();
    await waitForPage(page, /saved=progress/);
    await expect(page.locator(goal(goal1)).textContent()).resolves.toContain(
      "ما زلت أتلقى العلاج.",
    );

    const interpreting = demoIds.supports[0];
    await page.locator(`details:has(input[value="${interpreting}"]) summary`).click();
    const flagForm = page.locator(`form:has(input[name="supportId"][value="${interpreting}"])`);
    await flagForm.locator("textarea").fill("لم يحضر المترجم في آخر موعد.");
    await flagForm.locator("button").click();
    await waitForPage(page, /saved=flag/);
    await expect(page.locator(`article#support-${interpreting}`).textContent()).resolves.toContain(
      "لم يحضر المترجم في آخر موعد.",
    );

    await agreementChangesTo(5);
    await page.goto(`${harness.portal}/agreement`);
    await page.locator('form:has(input[value="acknowledge"]) button').click();
    await waitForPage(page, /saved=acknowledged/);
    expect(await page.locator('input[name="intent"][value="acknowledge"]').count()).toBe(0);
  });

  it("gives a printable copy: the same agreement, no forms, laid out for paper", async () => {
    const { page } = await signedIn("amira@homeward.example");
    await inLanguage(page, "en", "/agreement/print");
    await expect(page.locator("h1").textContent()).resolves.toBe("A copy of my agreement");
    expect(await page.locator("article.hw-goal").count()).toBe(3);
    expect(await page.locator("main form, main textarea, main details").count()).toBe(0);
    expect(await mainText(page)).toContain("I have been to 5 of 6 sessions.");
    await page.emulateMedia({ media: "print" });
    await expect(page.locator(".hw-nav").isVisible()).resolves.toBe(false);
    await expect(page.locator(".hw-print-hint").isVisible()).resolves.toBe(false);
    await expect(page.locator(goal(goal3)).isVisible()).resolves.toBe(true);
    await page.emulateMedia({ media: null });
  });
});

describe("refusals", () => {
  const post = (page: Page, form: Record<string, string>) =>
    page.request.post(`${harness.portal}/agreement`, {
      form,
      headers: { origin: harness.portal },
      maxRedirects: 0,
    });

  it("shows Leah no agreement, nothing of Amira's in the HTML, and refuses her posts", async () => {
    const { page } = await signedIn("parent@homeward.example");
    for (const path of ["/agreement", "/agreement/print"]) {
      await inLanguage(page, "en", path);
      expect(await mainText(page)).toContain("You do not have a written agreement yet");
      const html = await page.content();
      for (const secret of ["Amira", "Yasmin", "agreement-yasmin", "goal-yasmin", "damp"]) {
        expect(html, `${path} ${secret}`).not.toContain(secret);
      }
    }
    const ack = await post(page, {
      intent: "acknowledge",
      agreementId: demoIds.agreement,
      version: "1",
    });
    expect(ack.status()).toBe(403);
    const progress = await post(page, { intent: "progress", goalId: goal1, note: "mine" });
    expect(progress.status()).toBe(403);
    const flag = await post(page, {
      intent: "flag",
      supportId: demoIds.supports[1] as string,
      version: "1",
    });
    expect(flag.status()).toBe(403);
    expect(
      await (await post(page, { intent: "progress", goalId: "goal-none", note: "x" })).status(),
    ).toBe(404);
  });

  it("shows Yasmin (not a party to her mum's agreement) none", async () => {
    const { page } = await signedIn("young-person@homeward.example");
    await inLanguage(page, "en", "/agreement");
    expect(await mainText(page)).toContain("You do not have a written agreement yet");
    expect(await page.content()).not.toContain("agreement-yasmin");
  });

  it("lets the interpreter read Amira's agreement, with no forms, and refuses their posts", async () => {
    const { page } = await signedIn("interpreter@homeward.example");
    await inLanguage(page, "en", "/agreement");
    const text = await mainText(page);
    expect(text).toContain("You are helping Amira Haddad");
    expect(text).toContain("Only Amira Haddad can add progress");
    expect(await page.locator('main input[name="intent"]').count()).toBe(0);
    expect((await post(page, { intent: "progress", goalId: goal2, note: "x" })).status()).toBe(403);
    expect(
      (
        await post(page, { intent: "acknowledge", agreementId: demoIds.agreement, version: "5" })
      ).status(),
    ).toBe(403);
  });

  it("refuses a cross-site post", async () => {
    const { page } = await signedIn("amira@homeward.example");
    const response = await page.request.post(`${harness.portal}/agreement`, {
      form: { intent: "progress", goalId: goal1, note: "Sent from another site" },
      headers: { origin: "https://evil.example" },
      maxRedirects: 0,
    });
    // React Router's own origin check (400) or ours (403) answers first; nothing is saved.
    expect([400, 403]).toContain(response.status());
    await inLanguage(page, "en", "/agreement");
    expect(await mainText(page)).not.toContain("Sent from another site");
  });
});

describe("accessibility and small screens", () => {
  it("has zero axe violations on /agreement and /agreement/print in every language", async () => {
    const failures: unknown[] = [];
    const { page } = await signedIn("amira@homeward.example");
    // The social worker has dealt with every flag, so each flag form shows again.
    await harness.host.database.db
      .update(agreementSupport)
      .set({ familyFlaggedAt: null, familyFlaggedBy: null, familyFlagNote: null });
    const check = async (label: string) => {
      const violations = await axeViolations(page);
      if (violations.length) failures.push({ label, violations });
    };
    for (const lng of ["en", "cy", "ar"]) {
      await inLanguage(page, lng, "/agreement");
      await check(`${lng} /agreement`);
      // The error state, with a flag form open.
      await page.locator(`${goal(goal2)} button`).click();
      await page.locator(".hw-error-summary").waitFor();
      await page.locator("details summary").first().click();
      await page.locator("details[open]").waitFor();
      await check(`${lng} /agreement with errors`);
      await page.goto(`${harness.portal}/agreement/print`);
      await check(`${lng} /agreement/print`);
    }

    const leah = await signedIn("parent@homeward.example");
    for (const lng of ["en", "cy", "ar"]) {
      await inLanguage(leah.page, lng, "/agreement");
      const violations = await axeViolations(leah.page);
      if (violations.length) failures.push({ label: `${lng} /agreement (none)`, violations });
    }
    expect(failures).toEqual([]);
  });

  it("fits a 320px-wide phone, with nothing scrolling sideways", async () => {
    const { page } = await signedIn("amira@homeward.example");
    await page.setViewportSize({ width: 320, height: 640 });
    for (const lng of ["en", "ar"]) {
      for (const path of ["/agreement", "/agreement/print"]) {
        await inLanguage(page, lng, path);
        // Anything wider than the screen.
        const tooWide = await page.evaluate(() =>
          [...document.querySelectorAll("body *")]
            .filter((el) => {
              const box = el.getBoundingClientRect();
              return box.right > window.innerWidth + 1 || box.left < -1;
            })
            .map((el) => `${el.tagName.toLowerCase()}.${el.className}`),
        );
        expect(tooWide, `${lng} ${path}`).toEqual([]);
      }
    }
  });
});
