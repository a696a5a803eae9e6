// Issue 6, item 3: the analytical chronology. Sarah adds and edits events (autosaved, with a
// clear conflict when two tabs edit the same event), the allocated worker is refused as the
// file reader, an independent reader is assigned and their entries are labelled as theirs.
import { createAccount } from "@homeward/auth";
import { demoIds, demoPassword, demoTotpSecret, staffMembership, user } from "@homeward/db";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axeViolations, type Harness, signInToPractitioner, startHarness } from "./harness.ts";

let harness: Harness;
let sarah: BrowserContext;
const mia = demoIds.cases.mia;
const chronology = `/cases/${mia}/chronology`;
// Tom Price is already the co-worker on every demo case, so he has worked with the family:
// the independent file reader is a separate practitioner in the same team.
const reader = { name: "Alex Reid", email: "file-reader@homeward.example" };

beforeAll(async () => {
  harness = await startHarness();
  const { db } = harness.host.database;
  const readerId = await createAccount(harness.host.auth.practitioner, {
    ...reader,
    password: demoPassword,
    kind: "practitioner",
    totpSecret: demoTotpSecret,
  });
  const users = await db.select({ id: user.id, email: user.email }).from(user);
  const sarahId = users.find((u) => u.email === "social-worker@homeward.example")?.id;
  const sarahsTeam = (await db.select().from(staffMembership)).find((m) => m.userId === sarahId);
  await db
    .insert(staffMembership)
    .values({ userId: readerId, teamId: sarahsTeam?.teamId ?? "", role: "co_worker" });
  sarah = await harness.newContext();
  const page = await sarah.newPage();
  await signInToPractitioner(page, harness, "social-worker@homeward.example");
  await page.close();
});
afterAll(() => harness?.stop());

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${harness.practitioner}${path}`);
  // Typing before the page has come alive (hydrated) would race React.
  await page.waitForLoadState("networkidle");
  return page;
}

const box = (page: Page, name: string) => page.getByRole("textbox", { name, exact: true });

async function fillEvent(page: Page, title: string) {
  await box(page, "Short title").fill(title);
  await page.locator('input[name="eventDate"]').fill("2026-10-12");
  await box(page, "Where the information comes from").fill("Family centre letter");
  await box(page, "What happened").fill("Daniel began a ten-week parenting course.");
  await box(page, "Why it matters").fill("Daniel is working towards caring for Mia.");
  await box(page, "Your analysis").fill("Check attendance at the halfway point.");
  await box(page, "Pattern").fill("Daniel's involvement");
}

function article(page: Page, title: string) {
  return page.locator("article", { has: page.locator("h3", { hasText: title }) });
}

async function entryIdOf(page: Page, title: string): Promise<string> {
  const id = await article(page, title).locator("xpath=..").getAttribute("id");
  return (id ?? "").replace(/^entry-/, "");
}

describe("the analytical chronology", () => {
  let entryId = "";

  it("shows Mia's events in order, with patterns and status", async () => {
    const page = await open(sarah, chronology);
    await page.locator("h1", { hasText: "Chronology for Mia Morgan" }).waitFor();
    const titles = await page.locator("ol.hw-chronology article h3").allTextContents();
    expect(titles[0]).toContain("Mia is born");
    expect(titles[5]).toContain("Mia comes into care");
    const patterns = await page
      .locator("section[aria-labelledby=patterns-title] li")
      .allTextContents();
    expect(patterns).toEqual([
      "Conflict between Leah and Daniel (entries: 2)",
      "Mia's care suffers when Leah is unwell (entries: 3)",
    ]);
    await page.close();
  });

  it("lets Sarah add an event, then edit it with autosave", async () => {
    const page = await open(sarah, chronology);
    await fillEvent(page, "Daniel starts a parenting course");
    await page.getByRole("button", { name: "Add to the chronology" }).click();
    await page.locator(".hw-notice", { hasText: "The entry is added" }).waitFor();
    const added = article(page, "Daniel starts a parenting course");
    await expect(added.textContent()).resolves.toContain("Draft");
    await expect(added.textContent()).resolves.toContain("Written by Sarah Okafor");
    entryId = await entryIdOf(page, "Daniel starts a parenting course");
    expect(entryId).not.toBe("");

    await added.getByRole("link", { name: /Edit/ }).click();
    await page.getByRole("heading", { name: /^Edit: / }).waitFor();
    await box(page, "Your analysis").fill("Attendance so far: 3 of 3 sessions.");
    // A few seconds after typing stops, the text is saved without pressing anything.
    await page.locator("[role=status]", { hasText: /^Saved / }).waitFor({ timeout: 15_000 });
    await page
      .getByRole("textbox", { name: "What happened", exact: true })
      .fill("Daniel began a ten-week course at the family centre.");
    await page.getByRole("button", { name: "Save changes" }).click();
    await page.locator(".hw-notice", { hasText: "saved as a new version" }).waitFor();
    const edited = article(page, "Daniel starts a parenting course");
    await expect(edited.textContent()).resolves.toContain("3 of 3 sessions");
    await expect(edited.textContent()).resolves.toContain("ten-week course at the family centre");
    await expect(edited.textContent()).resolves.toContain("Version 3");
    await page.close();
  });

  it("shows the second of two tabs both versions, and keeps what was typed", async () => {
    const first = await open(sarah, `${chronology}?edit=${entryId}`);
    const second = await open(sarah, `${chronology}?edit=${entryId}`);
    await box(first, "What happened").fill("Tab one: Daniel has been to every session.");
    await first.getByRole("button", { name: "Save changes" }).click();
    await first.locator(".hw-notice", { hasText: "saved as a new version" }).waitFor();

    await box(second, "What happened").fill("Tab two: Daniel missed one session.");
    await second.getByRole("button", { name: "Save changes" }).click();
    const panel = second.locator(".hw-conflict");
    await panel.waitFor();
    await expect(panel.textContent()).resolves.toContain("Someone else saved this entry");
    await expect(panel.locator("section").first().textContent()).resolves.toContain(
      "Tab two: Daniel missed one session.",
    );
    await expect(panel.locator("section").last().textContent()).resolves.toContain(
      "Tab one: Daniel has been to every session.",
    );
    await expect(box(second, "What happened").inputValue()).resolves.toBe(
      "Tab two: Daniel missed one session.",
    );
    expect(await axeViolations(second)).toEqual([]);
    // Having seen both, Sarah keeps hers; the other stays in the history.
    await second.getByRole("button", { name: "Save my version" }).click();
    await second.locator(".hw-notice", { hasText: "saved as a new version" }).waitFor();
    await expect(
      article(second, "Daniel starts a parenting course").textContent(),
    ).resolves.toContain("Tab two");
    await first.close();
    await second.close();
  });

  it("keeps text typed while the connection is down, and puts it back", async () => {
    const page = await open(sarah, `${chronology}?edit=${entryId}`);
    await sarah.setOffline(true);
    try {
      await box(page, "Your analysis").fill("Typed while the connection was down.");
      await page
        .locator("[role=status]", { hasText: "your text is kept on this device" })
        .waitFor();
      // Past the autosave delay: still the form, still the text, no error page.
      await page.waitForTimeout(4000);
      await expect(box(page, "Your analysis").inputValue()).resolves.toBe(
        "Typed while the connection was down.",
      );
      await page.close();
    } finally {
      await sarah.setOffline(false);
    }
    const again = await open(sarah, `${chronology}?edit=${entryId}`);
    await again.locator("[role=status]", { hasText: "We put back the text" }).waitFor();
    await expect(box(again, "Your analysis").inputValue()).resolves.toBe(
      "Typed while the connection was down.",
    );
    await again.getByRole("button", { name: "Save changes" }).click();
    await again.locator(".hw-notice", { hasText: "saved as a new version" }).waitFor();
    await expect(
      article(again, "Daniel starts a parenting course").textContent(),
    ).resolves.toContain("Typed while the connection was down.");
    await again.close();
  });

  it("moves an event up", async () => {
    const page = await open(sarah, chronology);
    await article(page, "Daniel starts a parenting course")
      .getByRole("button", { name: /Move up/ })
      .click();
    await page.locator(".hw-notice", { hasText: "The order is changed" }).waitFor();
    const titles = await page.locator("ol.hw-chronology article h3").allTextContents();
    expect(titles.at(-2)).toContain("Daniel starts a parenting course");
    await page.close();
  });

  it("refuses the allocated worker as file reader, and assigns an independent reader", async () => {
    const page = await open(sarah, `${chronology}/reader`);
    await page
      .getByRole("combobox", { name: "File reader" })
      .selectOption({ label: "Sarah Okafor (allocated social worker)" });
    await page.getByRole("button", { name: "Assign as file reader" }).click();
    await page.locator(".hw-error-summary").waitFor();
    await expect(page.locator(".hw-error-summary").textContent()).resolves.toContain(
      "cannot be the file reader",
    );
    await page
      .getByRole("combobox", { name: "File reader" })
      .selectOption({ label: `${reader.name} (not on this case)` });
    await page.getByRole("button", { name: "Assign as file reader" }).click();
    await page.locator(".hw-notice", { hasText: "The file reader is assigned" }).waitFor();
    await expect(page.locator("main").textContent()).resolves.toContain(
      `File reader: ${reader.name}`,
    );
    await page.close();

    const alex = await harness.newContext();
    const alexPage = await alex.newPage();
    await signInToPractitioner(alexPage, harness, reader.email);
    await alexPage.goto(`${harness.practitioner}${chronology}`);
    await alexPage
      .locator(".hw-notice", { hasText: "You are the independent file reader" })
      .waitFor();
    await fillEvent(alexPage, "Nursery records from 2023");
    await alexPage.getByRole("button", { name: "Add to the chronology" }).click();
    await alexPage.locator(".hw-notice", { hasText: "The entry is added" }).waitFor();
    await alex.close();

    const check = await open(sarah, chronology);
    const byReader = article(check, "Nursery records from 2023");
    await expect(byReader.textContent()).resolves.toContain(
      `Written by the independent file reader, ${reader.name}`,
    );
    // The allocated worker cannot rewrite the reader's entry.
    expect(await byReader.getByRole("link", { name: /Edit/ }).count()).toBe(0);
    await check.close();
  });

  it("refuses the reader page to the co-worker", async () => {
    const tom = await harness.newContext();
    const page = await tom.newPage();
    await signInToPractitioner(page, harness, "co-worker@homeward.example");
    const response = await page.goto(`${harness.practitioner}${chronology}/reader`);
    expect(response?.status()).toBe(403);
    await tom.close();
  });

  it("adds an event with JavaScript turned off, keeping what was typed on an error", async () => {
    const context = await harness.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await signInToPractitioner(page, harness, "social-worker@homeward.example");
    await page.goto(`${harness.practitioner}${chronology}`);
    await fillEvent(page, "Contact at the family centre");
    await box(page, "Where the information comes from").fill("");
    await page.getByRole("button", { name: "Add to the chronology" }).click();
    await page.locator(".hw-error-summary").waitFor();
    await expect(page.locator(".hw-error-summary").textContent()).resolves.toContain(
      "Say where the information comes from",
    );
    await expect(box(page, "Short title").inputValue()).resolves.toBe(
      "Contact at the family centre",
    );
    await box(page, "Where the information comes from").fill("Contact supervisor's notes");
    await page.getByRole("button", { name: "Add to the chronology" }).click();
    await page.locator(".hw-notice", { hasText: "The entry is added" }).waitFor();
    await article(page, "Contact at the family centre").waitFor();
    await context.close();
  });

  it("has no axe violations in English, Welsh and Arabic", async () => {
    const page = await sarah.newPage();
    const paths = [chronology, `${chronology}?edit=${entryId}`, `${chronology}/reader`];
    for (const lng of ["en", "cy", "ar"]) {
      for (const path of paths) {
        await page.goto(
          `${harness.practitioner}/language?lng=${lng}&next=${encodeURIComponent(path)}`,
        );
        await page.locator("h1").waitFor();
        expect(await page.locator("html").getAttribute("lang")).toBe(lng);
        const violations = await axeViolations(page);
        expect({ lng, path, violations }).toEqual({ lng, path, violations: [] });
      }
    }
    await page.goto(`${harness.practitioner}/language?lng=en&next=%2F`);
    await page.close();
  });
});
