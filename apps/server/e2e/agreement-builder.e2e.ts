// Issue 7, part 1: the parental agreement builder across both apps. Sarah (the allocated
// social worker) builds an agreement for Mia's case from the factor the assessment found,
// cannot publish it while a SMART part is missing (the page names it), publishes it; Leah
// confirms she has read it in the portal; Sarah sees who confirmed which version, and a
// change after publishing asks Leah to confirm again. Axe on every new page; a family
// account never reaches the builder; the create form works without JavaScript.
import { demoIds, factorAssessment, parentalAgreement, riskReview, user } from "@homeward/db";
import type { BrowserContext, Locator, Page } from "playwright-core";
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
let sarah: BrowserContext;
let leah: BrowserContext;
const mia = demoIds.cases.mia;
const agreementsPath = `/cases/${mia}/agreements`;
let builderPath = "";

beforeAll(async () => {
  harness = await startHarness();
  // Arrange what earlier stages would have recorded for Mia (the demo has her still in the
  // initial assessment): one risk factor found present, and an agreed classification at
  // medium, at which an agreement may be used.
  const { db } = harness.host.database;
  // (No query builder here: the server package does not depend on drizzle-orm directly.)
  const sw = (await db.select({ id: user.id, email: user.email }).from(user)).find(
    (u) => u.email === "social-worker@homeward.example",
  );
  await db.insert(factorAssessment).values({
    id: "factor-mia-e2e",
    caseId: mia,
    factorId: "parental_stress",
    present: true,
    notes: "Leah is caring for Mia alone with no break.",
    assessedBy: sw?.id ?? "",
  });
  await db.insert(riskReview).values({
    id: "review-mia-e2e",
    caseId: mia,
    reviewDate: "2026-11-20",
    point: "classification_1",
    status: "agreed",
    agreedRiskFactors: "being_addressed",
    agreedProtectiveFactors: true,
    agreedCapacityToChange: true,
    agreedLevel: "medium",
    agreedRationale: "Leah is using the help offered.",
    agreedBy: sw?.id ?? null,
    agreedAt: new Date("2026-11-20T12:00:00Z"),
  });
  sarah = await harness.newContext();
  const page = await sarah.newPage();
  await signInToPractitioner(page, harness, "social-worker@homeward.example");
  await page.close();
  leah = await harness.newContext();
  const portal = await leah.newPage();
  await signInToPortal(portal, harness, "parent@homeward.example");
  await portal.close();
});
afterAll(() => harness?.stop());

async function open(context: BrowserContext, path: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(`${harness.practitioner}${path}`);
  // Typing before the page has come alive (hydrated) would race React.
  await page.waitForLoadState("networkidle");
  return page;
}

const box = (scope: Page | Locator, name: string) =>
  scope.getByRole("textbox", { name, exact: true });
const editing = (page: Page) => page.getByRole("form", { name: "Editing goal 1" });
const mainText = async (page: Page) => (await page.locator("main").textContent()) ?? "";

/** Mia's first agreement (the demo has none for her, and this file's database is its own). */
async function miaAgreement() {
  const rows = await harness.host.database.db.select().from(parentalAgreement);
  return rows
    .filter((r) => r.caseId === mia)
    .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0];
}

/**
 * Ticks (or unticks) a checkbox or picks a radio by its label, as a person does: the input
 * itself is visually hidden under its drawn mark.
 */
async function toggle(scope: Page | Locator, label: string) {
  await scope
    .locator("label")
    .filter({ hasText: new RegExp(`^${literal(label)}$`) })
    .click();
}

const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

const notices = {
  created: "The draft agreement has been created.",
  goal: "The goal has been saved.",
  review: "The review date has been added.",
  support: "The support has been added.",
  published: "The agreement has been published.",
  goalStatus: "The goal's status has been saved.",
} as const;

/** Waits until the page shows the saved change (the address changes before it renders). */
async function saved(page: Page, kind: keyof typeof notices) {
  await waitForPage(page, new RegExp(`saved=${kind}(&|#|$)`));
  await page.getByRole("status").filter({ hasText: notices[kind] }).waitFor();
}

async function noViolations(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

describe("building an agreement for Mia's case", () => {
  it("reaches the agreements from the case overview and starts a draft with goals from the factors", async () => {
    const page = await open(sarah, `/cases/${mia}`);
    await page
      .getByRole("navigation", { name: "Case HW-1001" })
      .getByRole("link", { name: "Agreements" })
      .click();
    await waitForPage(page, new RegExp(`${agreementsPath}$`));
    await page
      .getByRole("heading", { level: 1, name: "Parental agreements for Mia Morgan" })
      .waitFor();
    expect(await mainText(page)).toContain("There are no agreements for this case yet.");
    await noViolations(page);

    // Nothing ticked: the form says who is missing and keeps the title typed.
    await toggle(page, "Parents are under a lot of stress");
    await box(page, "Name of the agreement").fill("Mia coming home");
    await page.getByRole("button", { name: "Create the draft" }).click();
    await page.locator(".hw-error-summary").waitFor();
    expect(await page.locator(".hw-error-summary").textContent()).toContain(
      "Tick at least one family member.",
    );
    await expect(box(page, "Name of the agreement").inputValue()).resolves.toBe("Mia coming home");
    await noViolations(page);

    await toggle(page, "Leah Morgan (parent)");
    await toggle(page, "Parents are under a lot of stress");
    await page.getByRole("button", { name: "Create the draft" }).click();
    await saved(page, "created");
    builderPath = new URL(page.url()).pathname;
    await page.getByRole("heading", { level: 1, name: "Mia coming home" }).waitFor();
    expect(await page.locator("h1").textContent()).toBe("Mia coming home");
    const text = await mainText(page);
    expect(text).toContain("Draft: the family cannot see it yet");
    // The goal starts from the factor; every other SMART part is still to write.
    expect(text).toContain('Make the worry about "Parents are under a lot of stress" go away');
    expect(text).toContain(
      "Goal 1 still needs: How progress will be measured, The evidence that will show it, By when, The support offered and What happens if it is not achieved.",
    );
    expect(text).toContain("There is no review date yet.");
    await noViolations(page);
  });

  it("refuses to publish while a SMART part is missing, and names it", async () => {
    const page = await open(sarah, builderPath);
    await page.getByRole("link", { name: "Edit goal 1" }).click();
    await waitForPage(page, /goal=/);
    await page.waitForLoadState("networkidle");
    await box(editing(page), "How progress will be measured").fill(
      "Leah uses the respite weekend each month.",
    );
    await box(editing(page), "The evidence that will show it").fill(
      "The respite service's monthly note.",
    );
    await editing(page).locator('input[name="dueDate"]').fill("2027-03-31");
    await box(editing(page), "The support offered").fill("A respite carer one weekend a month.");
    // The consequence is left out on purpose.
    await noViolations(page);
    await editing(page).getByRole("button", { name: "Save goal 1" }).click();
    await saved(page, "goal");
    await box(page, "Review date").fill("2027-01-14");
    await page.getByRole("button", { name: "Add the review date" }).click();
    await saved(page, "review");

    await page.getByRole("button", { name: "Publish to the family" }).click();
    await page.locator(".hw-error-summary").waitFor();
    expect(await mainText(page)).toContain("The agreement cannot be published yet.");
    expect(await mainText(page)).toContain(
      "Goal 1 still needs: What happens if it is not achieved.",
    );
    const row = await miaAgreement();
    expect(row?.status).toBe("draft");
    await noViolations(page);
  });

  it("publishes once every part is written, with support, and emails Leah a link only", async () => {
    const page = await open(sarah, `${builderPath}?goal=`);
    await page.getByRole("link", { name: "Edit goal 1" }).click();
    await waitForPage(page, /goal=/);
    await page.waitForLoadState("networkidle");
    await box(editing(page), "What happens if it is not achieved").fill(
      "Mia's return home is put off and we look at the plan again with you.",
    );
    await page.getByRole("button", { name: "Save goal 1" }).click();
    await saved(page, "goal");
    await box(page, "Service").fill("Respite weekends");
    await box(page, "Provider").fill("Family Link");
    await page.getByRole("button", { name: "Add the support" }).click();
    await saved(page, "support");
    expect(await mainText(page)).toContain(
      "Everything the rules ask for is written. You can publish the agreement.",
    );
    await page.getByRole("button", { name: "Publish to the family" }).click();
    await saved(page, "published");
    expect(await mainText(page)).toContain("Published to the family");
    await noViolations(page);

    const outbox = await harness.host.mailer.outbox(20);
    const mail = outbox.find(
      (m) => m.to === "parent@homeward.example" && /agreement/i.test(m.subject),
    );
    expect(mail?.text).toContain(`${harness.portal}/agreement`);
    for (const secret of ["Mia", "Leah", "respite", "stress"]) {
      expect(`${mail?.subject}\n${mail?.text}`).not.toContain(secret);
    }
  });

  it("Leah confirms she has read it in the portal, and Sarah sees which version and when", async () => {
    const portal = await leah.newPage();
    await portal.goto(`${harness.portal}/agreement`);
    expect((await portal.locator("main").textContent()) ?? "").toContain(
      "A respite carer one weekend a month.",
    );
    await portal.getByRole("button", { name: "I have read this agreement" }).click();
    await waitForPage(portal, /saved=acknowledged/);

    const page = await open(sarah, builderPath);
    const parties = page.locator("table", {
      has: page.locator("caption", { hasText: "Family members" }),
    });
    expect(await parties.textContent()).toContain("Confirmed this version");
    const row = await miaAgreement();
    expect(await page.locator("#acknowledgements").textContent()).toContain(
      `Leah Morgan confirmed version ${row?.version} on`,
    );
    await noViolations(page);
  });

  it("a change after publishing is a new version that Leah is asked to confirm again", async () => {
    const page = await open(sarah, builderPath);
    await page.getByRole("link", { name: "Edit goal 1" }).click();
    await waitForPage(page, /goal=/);
    await page.waitForLoadState("networkidle");
    await editing(page).waitFor();
    expect(await mainText(page)).toContain("Saving makes a new version of the agreement");
    await box(editing(page), "How progress will be measured").fill(
      "Leah uses the respite weekend at least ten months in twelve.",
    );
    await page.getByRole("button", { name: "Save goal 1" }).click();
    await saved(page, "goal");
    expect(await mainText(page)).toContain(
      "The family has been asked to read it and confirm it again.",
    );
    const parties = page.locator("table", {
      has: page.locator("caption", { hasText: "Family members" }),
    });
    expect(await parties.textContent()).toContain("Confirmed an earlier version, not this one");

    const portal = await leah.newPage();
    await portal.goto(`${harness.portal}/agreement`);
    expect((await portal.locator("main").textContent()) ?? "").toContain(
      "The agreement has changed since you read it",
    );
  });

  it("records goal status by the rules and shows Leah's own progress note", async () => {
    const portal = await leah.newPage();
    await portal.goto(`${harness.portal}/agreement`);
    await portal.waitForLoadState("networkidle");
    await portal.locator('textarea[name="note"]').first().fill("I had my first weekend off.");
    await portal.getByRole("button", { name: "Save my progress" }).first().click();
    await waitForPage(portal, /saved=progress/);

    const page = await open(sarah, builderPath);
    const note = page.locator("li.hw-family-note", { hasText: "I had my first weekend off." });
    expect(await note.textContent()).toContain("From Leah Morgan (parent)");
    // Achieved needs the evidence seen: refused without it, with the rule's reason.
    const status = page.locator("form", {
      has: page.locator('input[name="intent"][value="goalStatus"]'),
    });
    await toggle(status, "Achieved");
    await status.getByRole("button", { name: "Save the status" }).click();
    await page.getByText("Write the evidence seen before marking the goal achieved.").waitFor();
    await noViolations(page);
    await toggle(status, "Working on it");
    await status.getByRole("button", { name: "Save the status" }).click();
    await saved(page, "goalStatus");
    await page
      .getByRole("status")
      .filter({ hasText: "The goal's status has been saved." })
      .waitFor();
    expect(await mainText(page)).toContain("Status: Working on it");
  });

  it("works without JavaScript: a second draft is created by a plain form post", async () => {
    const noJs = await harness.newContext({ javaScriptEnabled: false });
    const page = await noJs.newPage();
    await signInToPractitioner(page, harness, "social-worker@homeward.example");
    await page.goto(`${harness.practitioner}${agreementsPath}`);
    await box(page, "Name of the agreement").fill("Contact with Daniel");
    await toggle(page, "Leah Morgan (parent)");
    await page.getByRole("button", { name: "Create the draft" }).click();
    await saved(page, "created");
    expect(await page.locator("h1").textContent()).toBe("Contact with Daniel");
    // (axe needs scripts: the same pages are checked with JavaScript on above.)
  });

  it("never lets a family account into the builder", async () => {
    const page = await leah.newPage();
    await page.goto(`${harness.practitioner}${builderPath}`);
    // The portal's session does not count in the practitioner app: sign in first.
    await waitForPage(page, /\/sign-in/);
    expect(page.url()).toContain("/sign-in");
  });
});
