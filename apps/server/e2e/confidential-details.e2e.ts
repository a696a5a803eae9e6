// Confidential details on a case (issues 7 and 8), practitioner side: Sarah hides Daniel's
// new address from Leah and flags a name as confidential, with JavaScript off; a share to
// Leah that mentions either is then refused. The old address is listed as an earlier version
// (who, when, what changed, what it said) to Sarah and, read-only, to the team manager.
// A stale edit gets a clear conflict message.
// The co-worker and family accounts are refused the page; it has no axe violations in
// English, Welsh and Arabic.
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
/** Sarah without JavaScript: every form here must work as a plain HTML post. */
let sarah: BrowserContext;
/** Sarah with JavaScript, for the records pages' share flow. */
let sarahJs: BrowserContext;
const mia = demoIds.cases.mia;
const peoplePath = `/cases/${mia}/people`;
const NEW_ADDRESS = "3 Heron Close, Southwick SW9 4QP";
/** Daniel's address as seeded, before Sarah changes it. */
const OLD_ADDRESS = "12 Kestrel Road, Northmoor NM6 8JT";

beforeAll(async () => {
  harness = await startHarness();
  sarah = await harness.newContext({ javaScriptEnabled: false });
  sarahJs = await harness.newContext();
  for (const context of [sarah, sarahJs]) {
    const page = await context.newPage();
    await signInToPractitioner(page, harness, "social-worker@homeward.example");
    await page.close();
  }
});
afterAll(() => harness?.stop());

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  await page.goto(`${harness.practitioner}${path}`);
  await page.waitForLoadState("networkidle");
  return page;
}

/** axe runs inside the page, so it needs JavaScript: check the same address in Sarah's other browser. */
async function expectNoAxeViolations(page: Page) {
  const url = page.url();
  const withScripts = await sarahJs.newPage();
  await withScripts.goto(url);
  const violations = await axeViolations(withScripts);
  await withScripts.close();
  expect({ url, violations }).toEqual({ url, violations: [] });
}

const box = (page: Page, name: string) => page.getByRole("textbox", { name, exact: true });

// Each test walks several server-rendered pages with axe runs: more than the default minute.
describe("confidential details", { timeout: 120_000 }, () => {
  it("Sarah hides Daniel's new address from Leah", async () => {
    const page = await open(sarah, peoplePath);
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "Change contact details for Daniel Morgan" }).click();
    await page.locator("h1", { hasText: "Contact details for Daniel Morgan" }).waitFor();
    // Daniel's details are already hidden from Leah (seeded): the box stays ticked.
    await expect(
      page.getByRole("checkbox", { name: "Leah Morgan", exact: true }).isChecked(),
    ).resolves.toBe(true);
    await expectNoAxeViolations(page);
    await box(page, "Address").fill(NEW_ADDRESS);
    await page.getByRole("button", { name: "Save contact details" }).click();
    await page.locator(".hw-notice", { hasText: "Contact details saved." }).waitFor();
    const daniel = page.locator("article", { hasText: "Daniel Morgan" }).first();
    await expect(daniel.textContent()).resolves.toContain(NEW_ADDRESS);
    // The old address is kept as an earlier version, listed behind a disclosure that opens
    // without JavaScript: who replaced it, when, what changed, and what it said.
    const history = daniel.locator("details");
    await expect(history.locator("summary").textContent()).resolves.toContain(
      "Earlier versions: 1",
    );
    await expect(history.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(false);
    await history.locator("summary").click();
    await expect(history.evaluate((d) => (d as HTMLDetailsElement).open)).resolves.toBe(true);
    const listed = (await history.textContent()) ?? "";
    expect(listed).toContain("Version 1:");
    expect(listed).toContain("replaced by Sarah Okafor");
    expect(listed).toContain("What changed: address.");
    expect(listed).toContain(OLD_ADDRESS);
    await page.close();

    // Opened, the list has no axe violations either.
    const withScripts = await sarahJs.newPage();
    await withScripts.goto(`${harness.practitioner}${peoplePath}`);
    await withScripts.locator("details summary").first().waitFor();
    for (const summary of await withScripts.locator("details > summary").all())
      await summary.click();
    expect(await axeViolations(withScripts)).toEqual([]);
    await withScripts.close();
  });

  it("Sarah flags a name as confidential, hidden from Leah", async () => {
    const page = await open(sarah, peoplePath);
    // Nobody ticked: refused, and what was typed is kept.
    await box(page, "Name").fill("Priya Lowe");
    await box(page, "Who they are").fill("Daniel's lodger");
    await page.getByRole("button", { name: "Add name" }).click();
    await page.locator(".hw-error-summary").waitFor();
    await expect(page.locator(".hw-error-summary").textContent()).resolves.toContain(
      "Choose at least one person to hide this name from.",
    );
    await expect(box(page, "Name").inputValue()).resolves.toBe("Priya Lowe");
    await expectNoAxeViolations(page);
    await page.locator("label.hw-checkbox", { hasText: "Leah Morgan" }).click();
    await page.getByRole("button", { name: "Add name" }).click();
    await page.locator(".hw-notice", { hasText: "Confidential name added." }).waitFor();
    const card = page.locator("article", { hasText: "Priya Lowe" });
    await expect(card.textContent()).resolves.toContain("Leah Morgan");
    await page.close();
  });

  it("refuses to share with Leah an entry that mentions the name or the new address", async () => {
    const draft = await open(sarahJs, `/cases/${mia}/records/new`);
    await box(draft, "Title").fill("Weekend with dad");
    await box(draft, "What the entry says").fill(
      "Mia spent Saturday with Daniel and Priya Lowe at 3 Heron Close.",
    );
    await draft.getByRole("button", { name: "Save as a draft" }).click();
    await draft.locator(".hw-notice", { hasText: "The draft is saved." }).waitFor();
    const entryPath = new URL(draft.url()).pathname;
    await draft.close();

    const before = (await harness.host.mailer.outbox(50)).length;
    const page = await open(sarahJs, `${entryPath}/share`);
    await page.locator("label.hw-checkbox", { hasText: "Leah Morgan (parent)" }).click();
    await page.getByRole("button", { name: "Share for checking" }).click();
    const alert = page.locator("[role=alert]", { hasText: "Not shared" });
    await alert.waitFor();
    await expect(alert.textContent()).resolves.toContain("Priya Lowe");
    await expect(alert.textContent()).resolves.toMatch(/3 Heron Close/i);
    await page.close();
    expect((await harness.host.mailer.outbox(50)).length).toBe(before);
  });

  it("tells Sarah when someone else saved the same details first, keeping what she typed", async () => {
    const path = `${peoplePath}/${demoIds.people.leah}/contact`;
    const first = await open(sarah, path);
    const second = await open(sarah, path);
    await box(first, "Phone").fill("07700 900111");
    await first.getByRole("button", { name: "Save contact details" }).click();
    await first.locator(".hw-notice", { hasText: "Contact details saved." }).waitFor();
    await box(second, "Phone").fill("07700 900222");
    await second.getByRole("button", { name: "Save contact details" }).click();
    await second.locator(".hw-error-summary").waitFor();
    await expect(second.locator(".hw-error-summary").textContent()).resolves.toContain(
      "Someone else changed these details while you were editing.",
    );
    await expect(
      second.locator("section[aria-labelledby='saved-title']").textContent(),
    ).resolves.toContain("07700 900111");
    await expect(box(second, "Phone").inputValue()).resolves.toBe("07700 900222");
    await expectNoAxeViolations(second);
    await first.close();
    await second.close();
  });

  it("shows the team manager the history read-only, and refuses the page to the co-worker and to family accounts", async () => {
    const manager = await harness.newContext({ javaScriptEnabled: false });
    const priya = await manager.newPage();
    await signInToPractitioner(priya, harness, "team-manager@homeward.example");
    expect((await priya.goto(`${harness.practitioner}${peoplePath}`))?.status()).toBe(200);
    const daniel = priya.locator("article", { hasText: "Daniel Morgan" }).first();
    await daniel.locator("details > summary").click();
    await expect(daniel.locator("details").textContent()).resolves.toContain(OLD_ADDRESS);
    await expect(
      priya.getByRole("link", { name: "Change contact details for Daniel Morgan" }).count(),
    ).resolves.toBe(0);
    await manager.close();

    const coWorker = await harness.newContext();
    const tom = await coWorker.newPage();
    await signInToPractitioner(tom, harness, "co-worker@homeward.example");
    const refused = await tom.goto(`${harness.practitioner}${peoplePath}`);
    expect(refused?.status()).toBe(403);
    // Neither the earlier address nor the current one reaches him.
    const body = (await refused?.text()) ?? "";
    expect(body).not.toContain("Kestrel Road");
    expect(body).not.toContain("Heron Close");
    expect(
      (
        await tom.goto(`${harness.practitioner}${peoplePath}/${demoIds.people.daniel}/contact`)
      )?.status(),
    ).toBe(403);
    await coWorker.close();

    const leah = await harness.newContext();
    const page = await leah.newPage();
    await signInToPortal(page, harness, "parent@homeward.example");
    const response = await page.goto(`${harness.practitioner}${peoplePath}`);
    expect(response?.url()).toContain("/sign-in");
    await leah.close();
  });

  it("has no accessibility violations in English, Welsh and Arabic", async () => {
    const page = await sarah.newPage();
    page.setDefaultTimeout(10_000);
    const namePage = await open(sarah, peoplePath);
    const nameLink = namePage.getByRole("link", { name: "Change Priya Lowe" });
    const namePath = await nameLink.getAttribute("href");
    await namePage.close();
    expect(namePath).toMatch(/\/people\/names\//);
    const paths = [peoplePath, `${peoplePath}/${demoIds.people.mia}/contact`, namePath ?? ""];
    for (const lng of ["en", "cy", "ar"] as const) {
      for (const path of paths) {
        await page.goto(
          `${harness.practitioner}/language?lng=${lng}&next=${encodeURIComponent(path)}`,
        );
        await expect(page.locator("html").getAttribute("lang")).resolves.toBe(lng);
        await expect(page.locator("html").getAttribute("dir")).resolves.toBe(
          lng === "ar" ? "rtl" : "ltr",
        );
        await expectNoAxeViolations(page);
      }
    }
    await page.goto(
      `${harness.practitioner}/language?lng=en&next=${encodeURIComponent(peoplePath)}`,
    );
    await page.close();
  });
});
