// Starts Homeward (both built apps, a fresh PGlite, demo data) inside the test process and
// drives Debian's Chromium through playwright-core.
import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { createServer as createHttpServer, type Server } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { demoPassword, demoTotpSecret } from "@homeward/db";
import { reportMissingKeysTo } from "@homeward/i18n";
import { type BrowserContext, chromium, type Page } from "playwright-core";
import { inject } from "vitest";
import { demoTotp } from "../src/demo-totp.ts";
import { loadConfig } from "../src/env.ts";
import { type Host, startHost } from "../src/host.ts";

export const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() =>
        typeof address === "object" && address
          ? resolve(address.port)
          : reject(new Error("no port")),
      );
    });
  });
}

export interface ContextOptions {
  javaScriptEnabled?: boolean;
  extraHTTPHeaders?: Record<string, string>;
  viewport?: { width: number; height: number };
}

export interface Harness {
  host: Host;
  portal: string;
  practitioner: string;
  browser: BrowserContext;
  newContext(options?: ContextOptions): Promise<BrowserContext>;
  stop(): Promise<void>;
}

/** Stands in for the neutral site "leave quickly" goes to (the test machine is offline). */
async function startNeutralSite(): Promise<{ url: string; server: Server }> {
  const server = createHttpServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end("<!doctype html><title>Weather</title><h1>Weather</h1>");
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${port}/weather`, server };
}

export async function startHarness(): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), "homeward-e2e-"));
  // Migrated and seeded once per run (global-setup.ts); each file gets its own copy.
  cpSync(inject("e2eSeededDataDir"), dataDir, { recursive: true });
  const [portalPort, practitionerPort] = [await freePort(), await freePort()];
  const neutralSite = await startNeutralSite();
  const config = loadConfig({
    HOMEWARD_ENV: "test",
    DATA_DIR: dataDir,
    PORTAL_PORT: String(portalPort),
    PRACTITIONER_PORT: String(practitionerPort),
    // Many sign-ins from one address in a few seconds: the limit itself has its own test.
    SIGN_IN_ATTEMPTS_PER_MINUTE: "1000",
    // The demo's dates (meetings, reply-by dates) are written for late November 2026.
    HOMEWARD_START_TIME: process.env.E2E_START_TIME ?? "2026-11-26T12:00:00Z",
    LEAVE_QUICKLY_URL: neutralSite.url,
  });
  // Any translation a page asked for and did not have (a key nobody wrote, or a namespace the
  // page was not sent) fails the file when the harness stops.
  const missingKeys = new Set<string>();
  reportMissingKeysTo((lng, ns, key) => missingKeys.add(`${lng} ${ns}:${key}`));
  const host = await startHost(config, () => {});
  const profiles: string[] = [];
  const contexts: BrowserContext[] = [];
  const newContext = async (options: ContextOptions = {}) => {
    const profile = mkdtempSync(join(tmpdir(), "homeward-chromium-"));
    profiles.push(profile);
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: "/usr/bin/chromium",
      headless: true,
      args: [
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
      viewport: { width: 1024, height: 800 },
      ...options,
    });
    contexts.push(context);
    return context;
  };
  const browser = await newContext();
  return {
    host,
    portal: host.urls.portal,
    practitioner: host.urls.practitioner,
    browser,
    newContext,
    async stop() {
      for (const context of contexts) await context.close().catch(() => {});
      await host.stop();
      neutralSite.server.close();
      for (const dir of [...profiles, dataDir]) rmSync(dir, { recursive: true, force: true });
      reportMissingKeysTo(null);
      if (missingKeys.size > 0)
        throw new Error(
          `Pages asked for translations they did not have:\n${[...missingKeys].join("\n")}`,
        );
    },
  };
}

/** The newest sign-in code emailed to an address (from the development outbox). */
export async function latestCode(host: Host, email: string): Promise<string> {
  const messages = await host.mailer.outbox(20);
  const message = messages.find((m) => m.to === email);
  const code = message?.text.match(/\b(\d{6})\b/)?.[1];
  if (!code) throw new Error(`No sign-in code in the outbox for ${email}`);
  return code;
}

export async function signInToPortal(page: Page, harness: Harness, email: string) {
  await page.goto(`${harness.portal}/sign-in`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(demoPassword);
  await page.getByRole("button").last().click();
  await waitForPage(page, /\/sign-in\/code/);
  await page.locator('input[name="code"]').fill(await latestCode(harness.host, email));
  await page.getByRole("button").last().click();
  await waitForPage(page, (url) => !url.pathname.startsWith("/sign-in"));
}

export async function signInToPractitioner(page: Page, harness: Harness, email: string) {
  await page.goto(`${harness.practitioner}/sign-in`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(demoPassword);
  await page.getByRole("button").last().click();
  await waitForPage(page, /\/sign-in\/code/);
  await page.locator('input[name="code"]').fill(demoTotp(demoTotpSecret, email).generate());
  await page.getByRole("button").last().click();
  await waitForPage(page, (url) => !url.pathname.startsWith("/sign-in"));
}

export async function axeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(wcagTags).analyze();
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    nodes: v.nodes.map((n) => n.target.join(" ")),
  }));
}

/**
 * Waits for the address to match, then for the page at that address to be on screen. With
 * JavaScript a link or form navigates client-side: the address changes first and React
 * renders the new page a moment later, so reading the page straight after `waitForURL`
 * can read the old one. Each document marks the page it shows (`data-page` on `<html>`).
 */
export async function waitForPage(
  page: Page,
  url: Parameters<Page["waitForURL"]>[0],
  options?: Parameters<Page["waitForURL"]>[1],
) {
  await page.waitForURL(url, options);
  await page.waitForFunction(() => {
    const shown = document.documentElement.dataset.page;
    const plain = (value: string) => {
      try {
        return decodeURI(value);
      } catch {
        return value;
      }
    };
    // Pages that are not Homeward's (the neutral site "leave quickly" goes to) have no mark.
    return shown === undefined || plain(shown) === plain(location.pathname + location.search);
  });
}
