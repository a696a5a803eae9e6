import { demoPassword } from "@homeward/db";
import { languageCodes, staffLanguageCodes } from "@homeward/i18n";
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

let harness: Harness;

beforeAll(async () => {
  harness = await startHarness();
});
afterAll(() => harness?.stop());

describe("signing in", () => {
  it("signs a parent in with the code emailed to the outbox", async () => {
    const page = await harness.browser.newPage();
    await signInToPortal(page, harness, "parent@homeward.example");
    await page.locator("h1", { hasText: "Leah Morgan" }).waitFor();
    await expect(page.locator("main").textContent()).resolves.toContain("Mia");
    await page.close();
  });

  it("signs a social worker in with their authenticator code", async () => {
    const context = await harness.newContext();
    const page = await context.newPage();
    await signInToPractitioner(page, harness, "social-worker@homeward.example");
    await expect(page.locator("table caption").textContent()).resolves.toContain("3");
    await context.close();
  });

  it("refuses a parent in the practitioner app, with the same message as a wrong password", async () => {
    const context = await harness.newContext();
    const page = await context.newPage();
    await page.goto(`${harness.practitioner}/sign-in`);
    await page.locator('input[name="email"]').fill("parent@homeward.example");
    await page.locator('input[name="password"]').fill(demoPassword);
    await page.getByRole("button").last().click();
    await page.locator(".hw-error-summary").waitFor();
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await expect(page.locator(".hw-error-summary").textContent()).resolves.toContain("not right");
    // And the email typed is still there.
    await expect(page.locator('input[name="email"]').inputValue()).resolves.toBe(
      "parent@homeward.example",
    );
    await page.goto(harness.practitioner);
    expect(new URL(page.url()).pathname).toBe("/sign-in");
    await context.close();
  });

  it("works with JavaScript turned off", async () => {
    const context = await harness.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${harness.portal}/sign-in`);
    expect(await page.locator("script[type=module]").count()).toBeGreaterThan(0); // sent, but not run
    await page.locator('input[name="email"]').fill("");
    await page.getByRole("button").last().click();
    // The server's own validation answers, in a full page load.
    await page.locator(".hw-error-summary").waitFor();
    await expect(page.locator(".hw-error-summary").textContent()).resolves.toContain(
      "email address",
    );
    await page.locator('input[name="email"]').fill("second-parent@homeward.example");
    await page.locator('input[name="password"]').fill(demoPassword);
    await page.getByRole("button").last().click();
    await waitForPage(page, /\/sign-in\/code/);
    await page
      .locator('input[name="code"]')
      .fill(await latestCode(harness.host, "second-parent@homeward.example"));
    await page.getByRole("button").last().click();
    await waitForPage(page, (url) => url.pathname === "/");
    await page.locator("h1", { hasText: "Daniel Morgan" }).waitFor();
    await context.close();
  });
});

describe("forgotten passwords", () => {
  it("emails a link that sets a new password, after which the old one no longer works", async () => {
    const context = await harness.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${harness.portal}/sign-in`);
    await page.getByRole("link", { name: "Forgotten your password?" }).click();
    await page.locator('input[name="email"]').fill("kerry@homeward.example");
    await page.getByRole("button").last().click();
    await page.getByRole("status").waitFor();
    const [message] = (await harness.host.mailer.outbox(10)).filter(
      (m) => m.to === "kerry@homeward.example",
    );
    const link = message?.text.match(/http\S+/)?.[0] ?? "";
    expect(link).toContain("/reset-password?token=");
    await page.goto(link);
    await page.locator('input[name="newPassword"]').fill("kerry-new-password-1");
    await page.locator('input[name="confirmPassword"]').fill("kerry-new-password-2");
    await page.getByRole("button").last().click();
    await page.locator(".hw-error-summary").waitFor();
    await expect(page.locator(".hw-error-summary").textContent()).resolves.toContain(
      "not the same",
    );
    await page.locator('input[name="newPassword"]').fill("kerry-new-password-1");
    await page.locator('input[name="confirmPassword"]').fill("kerry-new-password-1");
    await page.getByRole("button").last().click();
    await waitForPage(page, /\/sign-in\?reset=done/);
    await page.locator('input[name="email"]').fill("kerry@homeward.example");
    await page.locator('input[name="password"]').fill(demoPassword);
    await page.getByRole("button").last().click();
    await page.locator(".hw-error-summary").waitFor();
    await page.locator('input[name="password"]').fill("kerry-new-password-1");
    await page.getByRole("button").last().click();
    await waitForPage(page, /\/sign-in\/code/);
    await context.close();
  });
});

describe("languages", () => {
  it("switches language with a plain link, and sets lang and dir on the server", async () => {
    const context = await harness.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${harness.portal}/sign-in`);
    // The header has one "Language" link to a page listing every language (issue 8).
    await page.locator(".hw-language-link").click();
    await page.getByRole("link", { name: "العربية" }).click();
    await expect(page.locator("html").getAttribute("dir")).resolves.toBe("rtl");
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("ar");
    await page.locator(".hw-language-link").click();
    await page.getByRole("link", { name: "Cymraeg" }).click();
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("cy");
    await expect(page.locator("html").getAttribute("dir")).resolves.toBe("ltr");
    await context.close();
  });

  it("answers in the browser's language when nothing else is chosen", async () => {
    const context = await harness.newContext({
      extraHTTPHeaders: { "accept-language": "ar-EG,ar;q=0.9,en;q=0.5" },
    });
    const page = await context.newPage();
    await page.goto(`${harness.portal}/sign-in`);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("ar");
    await context.close();
  });
});

describe("accessibility: zero axe violations (WCAG 2.2 AA) on every page in every language", () => {
  // Every shipped language in the portal; the practitioner app is offered in the staff ones.
  const languages = languageCodes;

  it("portal pages", async () => {
    const context = await harness.newContext();
    const page = await context.newPage();
    const failures: unknown[] = [];
    const check = async (label: string) => {
      const violations = await axeViolations(page);
      if (violations.length) failures.push({ label, violations });
    };
    for (const lng of languages) {
      await page.goto(`${harness.portal}/language?lng=${lng}&next=/sign-in`);
      await check(`portal ${lng} /sign-in`);
      await page.goto(`${harness.portal}/forgot-password`);
      await check(`portal ${lng} /forgot-password`);
      await page.goto(`${harness.portal}/reset-password?token=x`);
      await check(`portal ${lng} /reset-password`);
      await page.goto(`${harness.portal}/sign-in`);
      await page.getByRole("button").last().click(); // empty submit: the error state
      await page.locator(".hw-error-summary").waitFor();
      await check(`portal ${lng} /sign-in with errors`);
    }
    await signInToPortal(page, harness, "young-person@homeward.example");
    for (const lng of languages) {
      await page.goto(`${harness.portal}/language?lng=${lng}&next=/`);
      await check(`portal ${lng} /`);
      await page.goto(`${harness.portal}/sign-in/code`);
      await check(`portal ${lng} /sign-in/code`);
      await page.goto(`${harness.portal}/dev/outbox`);
      await check(`portal ${lng} /dev/outbox`);
      await page.goto(`${harness.portal}/no-such-page`);
      await check(`portal ${lng} 404`);
    }
    expect(failures).toEqual([]);
    await context.close();
  }, 240_000); // many pages in every language: axe takes its time

  it("practitioner pages", async () => {
    const context = await harness.newContext();
    const page = await context.newPage();
    const failures: unknown[] = [];
    const check = async (label: string) => {
      const violations = await axeViolations(page);
      if (violations.length) failures.push({ label, violations });
    };
    for (const lng of staffLanguageCodes) {
      await page.goto(`${harness.practitioner}/language?lng=${lng}&next=/sign-in`);
      await check(`practitioner ${lng} /sign-in`);
      await page.goto(`${harness.practitioner}/sign-in/code`);
      await check(`practitioner ${lng} /sign-in/code`);
      await page.goto(`${harness.practitioner}/forgot-password`);
      await check(`practitioner ${lng} /forgot-password`);
    }
    await signInToPractitioner(page, harness, "team-manager@homeward.example");
    for (const lng of staffLanguageCodes) {
      await page.goto(`${harness.practitioner}/language?lng=${lng}&next=/`);
      await check(`practitioner ${lng} /`);
      await page.goto(`${harness.practitioner}/no-such-page`);
      await check(`practitioner ${lng} 404`);
    }
    expect(failures).toEqual([]);
    await context.close();
  }, 240_000); // many pages in every language: axe takes its time
});

describe("page not found", () => {
  it("is a translated page with a 404 status, in the usual frame", async () => {
    const context = await harness.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    const response = await page.goto(`${harness.portal}/no-such-page`);
    expect(response?.status()).toBe(404);
    await expect(page.locator("h1").textContent()).resolves.toBe("Page not found");
    await page.goto(`${harness.portal}/language?lng=cy&next=/no-such-page`);
    await expect(page.locator("html").getAttribute("lang")).resolves.toBe("cy");
    await expect(page.locator("h1").textContent()).resolves.not.toContain("errors.");
    await context.close();
  });
});

describe("every response is protected", () => {
  it("sends security headers on pages, errors and assets, with a fresh nonce each time", async () => {
    const urls = [
      `${harness.portal}/sign-in`,
      `${harness.portal}/no-such-page`,
      `${harness.practitioner}/sign-in`,
      `${harness.portal}/health`,
    ];
    const nonces = new Set<string>();
    for (const url of urls) {
      const response = await fetch(url, { redirect: "manual" });
      const csp = response.headers.get("content-security-policy") ?? "";
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
      nonces.add(csp.match(/nonce-([^']+)/)?.[1] ?? "");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      expect(response.headers.get("referrer-policy")).toBe("same-origin");
    }
    expect(nonces.size).toBe(urls.length);
  });

  it("refuses a form post from another site", async () => {
    const response = await fetch(`${harness.portal}/sign-in`, {
      method: "POST",
      headers: {
        origin: "http://attacker.test",
        "content-type": "application/x-www-form-urlencoded",
      },
      body: "email=parent%40homeward.example&password=x",
      redirect: "manual",
    });
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    const bare = await fetch(`${harness.portal}/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "email=parent%40homeward.example&password=x",
      redirect: "manual",
    });
    expect(bare.status).toBe(403);
  });

  it("reports health, database included, on both apps", async () => {
    for (const base of [harness.portal, harness.practitioner]) {
      const response = await fetch(`${base}/health`);
      expect(response.status).toBe(200);
      expect(await response.json()).toMatchObject({ status: "ok", database: "ok" });
    }
  });
});
