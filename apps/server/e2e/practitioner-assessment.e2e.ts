// Issue 6, items 4-6 in a real browser: factors, a blind dual classification with a
// disagreement resolved by conferring, Decision 2 with the manager's sign-off, the family
// preview in Arabic, a keyboard-only classification, axe in every language, and a case that
// drifts to severe when nothing changes for six months (a second host, clock injected).
import { resources } from "@homeward/i18n/server";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  axeViolations,
  type Harness,
  signInToPractitioner,
  startHarness,
  waitForPage,
} from "./harness.ts";

const en = {
  notAddressed: "There are worries, and they are not being sorted out",
  beingAddressed: "There are still worries, and parents are getting help to sort them out",
  riskFactors: "Things that make harm more likely",
  protective: "Things that help keep the child safe",
  capacity: "Parents showing they can change and keep it up",
};

async function staffPage(harness: Harness, email: string, javaScriptEnabled = true) {
  const context = await harness.newContext({ javaScriptEnabled });
  const page = await context.newPage();
  await signInToPractitioner(page, harness, email);
  return { context, page };
}

const exactly = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}$`);

/** Chooses one answer of a labelled radio group. */
async function choose(page: Page, group: string, option: string) {
  await page
    .getByRole("radiogroup", { name: group })
    .locator("label.hw-radio", { hasText: exactly(option) })
    .click();
}

async function classify(
  page: Page,
  answers: { riskFactors: string; protective: "Yes" | "No"; capacity: "Yes" | "No" },
  rationale: string,
  button: string,
) {
  await choose(page, en.riskFactors, answers.riskFactors);
  await choose(page, en.protective, answers.protective);
  await choose(page, en.capacity, answers.capacity);
  await page.locator('textarea[name="rationale"]').fill(rationale);
  await page.getByRole("button", { name: button }).click();
}

async function expectNoAxeViolations(page: Page, path: string, base: string) {
  for (const lng of ["en", "cy", "ar"]) {
    await page.goto(`${base}/language?lng=${lng}&next=${encodeURIComponent(path)}`);
    await waitForPage(page, (url) => url.pathname === path.split("?")[0]);
    expect(await page.locator("html").getAttribute("lang")).toBe(lng);
    expect({ path, lng, violations: await axeViolations(page) }).toEqual({
      path,
      lng,
      violations: [],
    });
  }
  await page.goto(`${base}/language?lng=en&next=${encodeURIComponent(path)}`);
}

describe("from factors to a signed-off Decision 2 on Mia's case", () => {
  let harness: Harness;
  let sarah: { context: BrowserContext; page: Page };
  let tom: { context: BrowserContext; page: Page };
  let reviewPath = "";

  beforeAll(async () => {
    harness = await startHarness();
    sarah = await staffPage(harness, "social-worker@homeward.example");
    tom = await staffPage(harness, "co-worker@homeward.example");
  });
  afterAll(() => harness?.stop());

  it("Sarah records a factor and sees how the evidence is derived", async () => {
    const { page } = sarah;
    await page.goto(`${harness.practitioner}/cases/case-mia/factors`);
    const neglect = page.locator("#factor-neglect details");
    await neglect.locator("summary").click();
    await neglect.locator("label.hw-radio", { hasText: /^Present$/ }).click();
    await neglect.locator('textarea[name="notes"]').fill("Mia missed health checks in 2026.");
    await neglect.getByRole("button", { name: "Save this factor" }).click();
    await page.locator(".hw-notice[role=status]").waitFor();
    const derived = await page.locator("section[aria-labelledby=derived]").textContent();
    expect(derived).toContain(en.notAddressed);
    expect(derived).toContain("The child's needs were not met (neglect)");
  });

  it("saves a factor without JavaScript, keeping the form a real form", async () => {
    const { context, page } = await staffPage(harness, "co-worker@homeward.example", false);
    await page.goto(`${harness.practitioner}/cases/case-mia/factors`);
    const engage = page.locator("#factor-willingness_to_engage details");
    await engage.locator("summary").click();
    await engage.locator("label.hw-radio", { hasText: /^Present$/ }).click();
    await engage.getByRole("button", { name: "Save this factor" }).click();
    await waitForPage(page, /saved=willingness_to_engage/);
    await expect(
      page.locator("#factor-willingness_to_engage summary").textContent(),
    ).resolves.toContain("Present");
    await context.close();
  });

  it("Sarah opens classification 1 and submits; Tom cannot see hers", async () => {
    const { page } = sarah;
    await page.goto(`${harness.practitioner}/cases/case-mia/classification`);
    await choose(page, "Which review is it?", "Risk classification 1");
    await page.locator('input[name="reviewDate"]').fill("2026-11-20");
    await page.getByRole("button", { name: "Open the review" }).click();
    await waitForPage(page, /\/classification\/[0-9a-f-]{36}$/);
    reviewPath = new URL(page.url()).pathname;
    await classify(
      page,
      { riskFactors: en.beingAddressed, protective: "Yes", capacity: "Yes" },
      "Leah is engaging with her treatment every week.",
      "Send my classification",
    );
    await waitForPage(page, /done=submitted/);
    await page.getByText("Waiting for the other practitioner").waitFor();

    await tom.page.goto(`${harness.practitioner}${reviewPath}`);
    const tomSees = await tom.page.locator("main").textContent();
    expect(tomSees).toContain("You cannot see the other classification yet");
    expect(tomSees).not.toContain("Leah is engaging");
  });

  it("Tom submits a different classification, with only the keyboard", async () => {
    const { page } = tom;
    await page.goto(`${harness.practitioner}${reviewPath}`);
    for (let i = 0; i < 80; i++) {
      await page.keyboard.press("Tab");
      const name = await page.evaluate(() => (document.activeElement as HTMLInputElement).name);
      if (name === "riskFactors") break;
    }
    // Arrow keys move through a radio group and choose; Space chooses the focused one.
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Nothing has changed at home yet.");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Enter");
    await waitForPage(page, /done=submitted/);
    const table = page.locator("section[aria-labelledby=compare] table");
    await table.waitFor();
    const rows = await table.locator("tbody tr").allTextContents();
    expect(rows[0]).toContain("Different");
    expect(rows[1]).toContain("Same");
    expect(rows[2]).toContain("Different");
  });

  it("both now see both, with the differing inputs named", async () => {
    const { page } = sarah;
    await page.goto(`${harness.practitioner}${reviewPath}`);
    const main = await page.locator("main").textContent();
    expect(main).toContain("Nothing has changed at home yet.");
    expect(main).toContain("Leah is engaging");
    expect(main).toContain(`You gave different answers for: ${en.riskFactors}, ${en.capacity}`);
  });

  it("after conferring, Sarah records the agreed classification; both submissions stay", async () => {
    const { page } = sarah;
    await classify(
      page,
      { riskFactors: en.notAddressed, protective: "Yes", capacity: "No" },
      "We agree: Leah's treatment is too new to count as change.",
      "Record the agreed classification",
    );
    await waitForPage(page, /done=agreed/);
    await page.locator("section[aria-labelledby=agreed]").waitFor();
    const agreed = await page.locator("section[aria-labelledby=agreed]").textContent();
    expect(agreed).toContain("The time rules allow this: High risk.");
    const status = await page.locator("section[aria-labelledby=case-status]").textContent();
    expect(status).toContain("High risk");
    expect(status).toContain("20 May 2027"); // drift date: six months at high
    expect(await page.locator("main").textContent()).toContain("Leah is engaging");
  });

  it("Sarah records Decision 2; Tom cannot sign it off; Priya does", async () => {
    const { page } = sarah;
    const path = "/cases/case-mia/decisions";
    await page.goto(`${harness.practitioner}${path}`);
    await choose(page, "Which decision is it?", "Decision 2: is return home possible?");
    await page.locator('input[name="outcome"]').fill("Return home not possible yet");
    await page.locator('textarea[name="reasons"]').fill("Risk classification 1 agreed high.");
    await page
      .locator('textarea[name="familyExplanation"]')
      .fill("Mia cannot come home yet. Leah, you have started treatment, and that matters.");
    await page.getByRole("button", { name: "Record the decision" }).click();
    await waitForPage(page, /done=recorded/);
    await page.getByText("Waiting for the team manager to sign it off").waitFor();
    expect(await page.getByRole("button", { name: "Sign off this decision" }).count()).toBe(0);

    // A forged sign-off from the co-worker is refused by the policy.
    await tom.page.goto(`${harness.practitioner}${path}`);
    expect(await tom.page.getByRole("button", { name: "Sign off this decision" }).count()).toBe(0);
    const decisionId = (
      await page
        .locator("article[aria-labelledby^=decision-]")
        .last()
        .getAttribute("aria-labelledby")
    )?.replace("decision-", "");
    const forged = await tom.page.request.post(`${harness.practitioner}${path}`, {
      form: { intent: "signOff", decisionId: decisionId ?? "", version: "1" },
      headers: { origin: harness.practitioner },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(403);

    const priya = await staffPage(harness, "team-manager@homeward.example");
    await priya.page.goto(`${harness.practitioner}${path}`);
    await priya.page.getByRole("button", { name: "Sign off this decision" }).click();
    await waitForPage(priya.page, /done=signedOff/);
    await priya.page.locator(".hw-notice[role=status]").waitFor();
    expect(await priya.page.getByText("Signed off by Priya Shah").count()).toBe(2);
    await priya.context.close();
  });

  it("previews Decision 2 for Amira in Arabic, as the portal shows it", async () => {
    const { page } = sarah;
    await page.goto(`${harness.practitioner}/cases/case-yasmin/decisions`);
    const decision2 = page.locator("article[aria-labelledby='decision-decision-yasmin-2']");
    await decision2.locator("label.hw-radio", { hasText: "Amira Haddad (reads Arabic)" }).click();
    await decision2.getByRole("button", { name: "Show the family's view" }).click();
    await waitForPage(page, /preview=decision-yasmin-2/);
    const arabic = page.locator("article[aria-labelledby='decision-decision-yasmin-2'] [lang=ar]");
    expect(await arabic.getAttribute("dir")).toBe("rtl");
    const text = (await arabic.textContent()) ?? "";
    const traffic = resources.ar.traffic as {
      reasons: { heading: string };
      goingWell: { heading: string };
    };
    expect(text).toContain(traffic.reasons.heading);
    expect(text).toContain(traffic.goingWell.heading);
    expect(text).toContain("Amira, you have started treatment");
    // The page around it stays in the practitioner's language.
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
  });

  it("refuses a case that does not exist, and a review from another case", async () => {
    const missing = await sarah.page.goto(`${harness.practitioner}/cases/case-nope/factors`);
    expect(missing?.status()).toBe(404);
    const wrongCase = await sarah.page.goto(
      `${harness.practitioner}${reviewPath.replace("case-mia", "case-yasmin")}`,
    );
    expect(wrongCase?.status()).toBe(404);
  });

  it("has no axe violations on any of these pages in English, Welsh and Arabic", async () => {
    const { page } = sarah;
    for (const path of [
      "/cases/case-mia/factors",
      "/cases/case-mia/classification",
      reviewPath,
      "/cases/case-mia/decisions",
      "/cases/case-yasmin/decisions?preview=decision-yasmin-2&member=case-yasmin-arabicParent",
    ]) {
      await expectNoAxeViolations(page, path, harness.practitioner);
    }
  });

  it("shows the blind stage of a review without axe violations", async () => {
    const { page } = sarah;
    await page.goto(`${harness.practitioner}/cases/case-yasmin/classification`);
    await choose(page, "Which review is it?", "Risk review");
    await page.getByRole("button", { name: "Open the review" }).click();
    await waitForPage(page, /\/classification\/[0-9a-f-]{36}$/);
    await expectNoAxeViolations(page, new URL(page.url()).pathname, harness.practitioner);
  });
});

describe("no drift: a high case with no change for six months", () => {
  let harness: Harness;
  const previous = process.env.E2E_START_TIME;

  beforeAll(async () => {
    // A second host whose clock starts seven months after Mia's classification.
    process.env.E2E_START_TIME = "2027-06-21T12:00:00Z";
    harness = await startHarness();
  });
  afterAll(async () => {
    await harness?.stop();
    if (previous === undefined) delete process.env.E2E_START_TIME;
    else process.env.E2E_START_TIME = previous;
  });

  it("shows severe once six months have passed at high without the worries being addressed", async () => {
    const sarah = await staffPage(harness, "social-worker@homeward.example");
    const tom = await staffPage(harness, "co-worker@homeward.example");
    const high = { riskFactors: en.notAddressed, protective: "Yes", capacity: "No" } as const;
    await sarah.page.goto(`${harness.practitioner}/cases/case-mia/classification`);
    await choose(sarah.page, "Which review is it?", "Risk classification 1");
    await sarah.page.locator('input[name="reviewDate"]').fill("2026-11-20");
    await sarah.page.getByRole("button", { name: "Open the review" }).click();
    await waitForPage(sarah.page, /\/classification\/[0-9a-f-]{36}$/);
    const path = new URL(sarah.page.url()).pathname;
    await classify(sarah.page, high, "No change yet.", "Send my classification");
    await waitForPage(sarah.page, /done=submitted/);
    await tom.page.goto(`${harness.practitioner}${path}`);
    await classify(tom.page, high, "Nothing has changed.", "Send my classification");
    await waitForPage(tom.page, /done=submitted/);
    await sarah.page.goto(`${harness.practitioner}${path}`);
    await classify(sarah.page, high, "Agreed: high.", "Record the agreed classification");
    await waitForPage(sarah.page, /done=agreed/);
    await sarah.page.locator("section[aria-labelledby=agreed]").waitFor();
    const status = await sarah.page.locator("section[aria-labelledby=case-status]").textContent();
    expect(status).toContain("Severe risk");
    expect(status).toContain("20 May 2027");
    await sarah.page.goto(`${harness.practitioner}/cases/case-mia/classification`);
    await expect(
      sarah.page.locator("section[aria-labelledby=case-status]").textContent(),
    ).resolves.toContain("Severe risk");
    await sarah.context.close();
    await tom.context.close();
  });
});
