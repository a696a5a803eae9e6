// Keeping the record safe, in a real browser. Issue 6's "autosave of every long text": a
// decision's reasons and a factor's notes are kept on the server as they are typed, come back
// in another browser (a time-out, a dropped connection, a different machine), belong only to
// their writer, and are gone once the form is saved. And "who viewed or changed this": the
// case's activity, for staff with audit rights only.
import type { Page } from "playwright-core";
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

async function freshPage(email: string): Promise<Page> {
  const context = await harness.newContext();
  const page = await context.newPage();
  await signInToPractitioner(page, harness, email);
  return page;
}

describe("drafts of long texts", () => {
  it("keeps a decision's reasons on the server while typing, and clears them once recorded", async () => {
    const path = `${harness.practitioner}/cases/case-mia/decisions`;
    const first = await freshPage("social-worker@homeward.example");
    await first.goto(path);
    await first.locator('textarea[name="reasons"]').pressSequentially("Leah has kept every");
    await first.getByText(/^Draft saved/).waitFor();

    // Another browser: nothing on that device, the text comes from the server.
    const second = await freshPage("social-worker@homeward.example");
    await second.goto(path);
    expect(await second.locator('textarea[name="reasons"]').inputValue()).toBe(
      "Leah has kept every",
    );
    await second
      .getByText("We kept the text you were writing last time. Check it, then save.")
      .waitFor();

    // Nobody else reads it, not even the team manager.
    const priya = await freshPage("team-manager@homeward.example");
    await priya.goto(path);
    expect(await priya.content()).not.toContain("Leah has kept every");

    // Recorded: the form starts empty again, here and in the first browser.
    await second
      .getByRole("radiogroup", { name: "Which decision is it?" })
      .locator("label.hw-radio")
      .first()
      .click();
    await second.locator('input[name="outcome"]').fill("Plan the assessment");
    await second.locator('textarea[name="reasons"]').fill("Leah has kept every appointment.");
    await second
      .locator('textarea[name="familyExplanation"]')
      .fill("We will plan how to look at Mia coming home.");
    await second.getByRole("button", { name: "Record the decision" }).click();
    await waitForPage(second, /done=recorded/);
    await second.getByText("The decision has been recorded.", { exact: false }).waitFor();
    expect(await second.locator('textarea[name="reasons"]').inputValue()).toBe("");
    await first.goto(path);
    expect(await first.locator('textarea[name="reasons"]').inputValue()).toBe("");
  });

  it("keeps a factor's notes against the version they were typed on", async () => {
    const path = `${harness.practitioner}/cases/case-mia/factors`;
    const tom = await freshPage("co-worker@homeward.example");
    await tom.goto(path);
    const factor = tom.locator("#factor-neglect details");
    await factor.locator("summary").click();
    await factor.locator('textarea[name="notes"]').pressSequentially("Health visits missed");
    await tom.getByText(/^Draft saved/).waitFor();

    const again = await freshPage("co-worker@homeward.example");
    await again.goto(path);
    const reopened = again.locator("#factor-neglect details");
    await reopened.locator("summary").click();
    expect(await reopened.locator('textarea[name="notes"]').inputValue()).toBe(
      "Health visits missed",
    );
  });
});

describe("who viewed or changed the record", () => {
  it("shows Sarah every read and refusal on Mia's case, and one record's trail", async () => {
    const parent = await harness.newContext();
    const parentPage = await parent.newPage();
    await signInToPortal(parentPage, harness, "second-parent@homeward.example");
    // Daniel tries an entry shared with Leah only: refused, and the refusal is recorded.
    await parentPage.goto(`${harness.portal}/records/entry-mia-4`);

    const sarah = await freshPage("social-worker@homeward.example");
    await sarah.goto(`${harness.practitioner}/cases/case-mia/activity`);
    const row = sarah.locator("tr", { hasText: "Daniel Morgan" }).filter({ hasText: "Refused" });
    await row.first().waitFor();
    expect(await row.first().textContent()).toContain("not shared with them");
    await row.first().getByRole("link", { name: "Only this record" }).click();
    await waitForPage(sarah, /record=entry-mia-4/);
    for (const lng of ["en", "cy", "ar"]) {
      await sarah.goto(
        `${harness.practitioner}/language?lng=${lng}&next=${encodeURIComponent("/cases/case-mia/activity")}`,
      );
      expect({ lng, violations: await axeViolations(sarah) }).toEqual({ lng, violations: [] });
    }
  });

  it("refuses the co-worker", async () => {
    const tom = await freshPage("co-worker@homeward.example");
    const response = await tom.goto(`${harness.practitioner}/cases/case-mia/activity`);
    expect(response?.status()).toBe(403);
  });
});
