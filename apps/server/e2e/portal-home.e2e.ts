// The portal's home ("where are we?"), the traffic light explained, and meetings (issue 5,
// items 1, 2 and 6), in Chromium: Amira (parent, Arabic speaker), Yasmin (young person, 14)
// and Leah (a parent on another case, for the refusals). The demo is dated late November
// 2026: Yasmin's review on 3 December is the coming meeting.
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  axeViolations,
  type Harness,
  signInToPortal,
  startHarness,
  waitForPage,
} from "./harness.ts";

let harness: Harness;
let amira: { context: BrowserContext; page: Page };

async function signedIn(email: string, options?: { javaScriptEnabled?: boolean }) {
  const context = await harness.newContext(options);
  const page = await context.newPage();
  await signInToPortal(page, harness, email);
  return { context, page };
}

async function inLanguage(page: Page, lng: string, path: string) {
  await page.goto(`${harness.portal}/language?lng=${lng}&next=${encodeURIComponent(path)}`);
  await waitForPage(page, (url) => url.pathname === path);
  await page.locator("h1").waitFor();
}

const text = async (page: Page, selector = "main") =>
  (await page.locator(selector).textContent()) ?? "";

// Never in a family page: the placement's address, either practitioner's own
// classification, the factor notes, another family's meeting.
const confidential = [
  "Larch Close",
  "900364",
  "too early to call it demonstrated change",
  "capacity is there",
  "Depression after fleeing Syria",
  "Room 1",
];

beforeAll(async () => {
  harness = await startHarness();
  amira = await signedIn("amira@homeward.example");
  await inLanguage(amira.page, "en", "/");
}, 120_000);
afterAll(() => harness?.stop());

describe("home: where are we?", () => {
  it("shows Amira the step, what comes next, the next meeting, what is waiting and her social worker", async () => {
    const { page } = amira;
    await page.goto(`${harness.portal}/`);
    await expect(page.locator("h1").textContent()).resolves.toContain("Amira Haddad");
    const main = await text(page);
    expect(main).toContain("Yasmin");
    expect(main).toContain("Step 3 of 5: Agreeing what needs to change");
    expect(main).toContain("What happens next: Checking the risk again");
    expect(main).toContain("The traffic light is at: Medium risk.");
    // The next meeting: what, when, where, what for, who.
    expect(main).toContain("Review meeting");
    expect(main).toContain("3 December 2026");
    expect(main).toContain("Eastfield Family Centre, Room 2");
    expect(main).toContain("weekend stays at home");
    expect(main).toContain("Yusuf Karim (interpreter (Arabic))");
    // Waiting: the entry to check, with its deadline.
    const entry = page.getByRole("link", { name: "Amira's mental health and capacity to change" });
    await expect(entry.getAttribute("href")).resolves.toBe("/records/entry-yasmin-1");
    expect(main).toContain("Please reply by 7 December 2026");
    // Her social worker and how to reach her.
    expect(main).toContain("Sarah Okafor");
    await expect(
      page.getByRole("link", { name: "social-worker@homeward.example" }).getAttribute("href"),
    ).resolves.toBe("mailto:social-worker@homeward.example");
    const html = await page.content();
    for (const secret of confidential) expect(html).not.toContain(secret);
  });

  it("works with JavaScript turned off", async () => {
    const { context, page } = await signedIn("young-person@homeward.example", {
      javaScriptEnabled: false,
    });
    await page.goto(`${harness.portal}/`);
    await expect(page.locator("h1").textContent()).resolves.toContain("Yasmin Haddad");
    const main = await text(page);
    expect(main).toContain("Your plan, Yasmin: what happens next");
    // Her own words, not her mum's: no goals from the agreement she is not party to.
    expect(main).not.toContain("Goals coming up");
    await page.getByRole("link", { name: "What the traffic light means" }).click();
    await waitForPage(page, (url) => url.pathname === "/traffic-light");
    await expect(page.locator("h1").textContent()).resolves.toBe("The traffic light");
    await context.close();
  });
});

describe("the traffic light, explained", () => {
  it("gives Amira the level in words, the reasons, the positives and what needs to change", async () => {
    const { page } = amira;
    await page.goto(`${harness.portal}/traffic-light`);
    await expect(page.locator("h1").textContent()).resolves.toBe("The traffic light");
    // A labelled light: the current level is marked in text, not by colour alone.
    const current = page.locator("li[aria-current='true']");
    await expect(current.textContent()).resolves.toContain("Medium risk");
    await expect(current.textContent()).resolves.toContain("This is where things are now");
    const main = await text(page);
    expect(main).toContain(
      "The traffic light is at Medium risk. It has been at this level since 11 May 2026.",
    );
    expect(main).toContain("We can think about the child going home.");
    expect(main).toContain("Six months of sustained engagement");
    expect(main).toContain("You are getting help to sort out the worries.");
    expect(main).toContain("You have shown you can change and keep it up.");
    expect(main).toContain("What needs to change for the traffic light to go down to Low risk");
    expect(main).toContain("All of the worries need to be sorted out.");
    expect(main).toMatch(
      /If the changes start now, the earliest it can go down to Low risk is \d+ \w+ 20\d\d\./,
    );
    expect(main).toContain("A parent has mental health difficulties");
    const html = await page.content();
    for (const secret of confidential) expect(html).not.toContain(secret);
  });

  it("gives Yasmin the young person's version", async () => {
    const { context, page } = await signedIn("young-person@homeward.example");
    await page.goto(`${harness.portal}/traffic-light`);
    await expect(page.locator("h2").first().textContent()).resolves.toBe("You");
    await expect(page.locator("li[aria-current='true']").textContent()).resolves.toContain(
      "Medium risk",
    );
    const main = await text(page);
    expect(main).toContain("The social workers can start to think about you going home.");
    expect(main).toContain("Your family is getting help to sort out the worries.");
    expect(main).toContain("talk to your social worker or another adult you trust");
    // Not the parents' wording, and not her mum's agreement.
    expect(main).not.toContain("You have shown you can change");
    expect(main).not.toContain("A parent has mental health difficulties");
    expect(await axeViolations(page)).toEqual([]);
    await context.close();
  });
});

describe("meetings", () => {
  it("lists Amira's meetings and gives her the calendar file", async () => {
    const { page, context } = amira;
    await page.goto(`${harness.portal}/meetings`);
    await expect(page.locator("h1").textContent()).resolves.toBe("Meetings");
    const main = await text(page);
    expect(main).toContain("Coming up");
    expect(main).toContain("Review meeting");
    expect(main).toContain("Joanne Reid (foster carer)");
    expect(main).toContain("There are no past meetings to show.");

    const link = page.getByRole("link", { name: "Add to my calendar" });
    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    expect(download.suggestedFilename()).toBe("meeting-2026-12-03.ics");

    const response = await context.request.get(
      `${harness.portal}/meetings/meeting-yasmin-review/calendar.ics`,
    );
    expect(response.status()).toBe(200);
    expect(response.headers()["content-type"]).toContain("text/calendar");
    expect(response.headers()["content-disposition"]).toBe(
      'attachment; filename="meeting-2026-12-03.ics"',
    );
    const ics = await response.text();
    expect(ics.startsWith("BEGIN:VCALENDAR\r\n")).toBe(true);
    expect(ics).toContain("\r\nDTSTART:20261203T100000Z\r\n");
    expect(ics).toContain("\r\nDTEND:20261203T113000Z\r\n");
    expect(ics).toContain("\r\nSUMMARY:Review meeting\r\n");
    expect(ics).toContain("\r\nLOCATION:Eastfield Family Centre\\, Room 2\r\n");
    for (const name of ["Yasmin", "Amira", "Yusuf", "Sarah", "Joanne", "Nadia"]) {
      expect(ics).not.toContain(name);
    }
  });

  it("links Kerry to the minutes of a past meeting once they are shared with her", async () => {
    const { context, page } = await signedIn("kerry@homeward.example");
    await page.goto(`${harness.portal}/meetings`);
    const main = await text(page);
    expect(main).toContain("No meetings are booked yet.");
    expect(main).toContain("Planning meeting");
    expect(main).toContain("Who was invited");
    await expect(
      page.getByRole("link", { name: "Read the notes of this meeting" }).getAttribute("href"),
    ).resolves.toBe("/records/entry-tyler-2");
    // No calendar file for a meeting that has happened.
    expect(await page.getByRole("link", { name: "Add to my calendar" }).count()).toBe(0);
    await context.close();
  });

  it("refuses Leah the calendar file of Yasmin's meeting, and leaves it off her list", async () => {
    const { context, page } = await signedIn("parent@homeward.example");
    const response = await context.request.get(
      `${harness.portal}/meetings/meeting-yasmin-review/calendar.ics`,
    );
    expect([403, 404]).toContain(response.status());
    const body = await response.text();
    expect(body).not.toContain("BEGIN:VCALENDAR");
    expect(body).not.toContain("Room 2");
    await page.goto(`${harness.portal}/meetings`);
    const main = await text(page);
    expect(main).toContain("Planning meeting");
    expect(main).not.toContain("Room 2");
    expect(await page.content()).not.toContain("meeting-yasmin-review");
    await context.close();
  });
});

describe("accessibility", () => {
  for (const lng of ["en", "cy", "ar"]) {
    for (const path of ["/", "/traffic-light", "/meetings"]) {
      it(`${path} has no axe violations in ${lng}`, async () => {
        const { page } = amira;
        await inLanguage(page, lng, path);
        await expect(page.locator("html").getAttribute("lang")).resolves.toBe(lng);
        if (lng === "ar")
          await expect(page.locator("html").getAttribute("dir")).resolves.toBe("rtl");
        expect(await axeViolations(page)).toEqual([]);
      });
    }
  }

  it("reads on a 320px-wide phone without sideways scrolling", async () => {
    const { page } = amira;
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of ["/", "/traffic-light", "/meetings"]) {
      await page.goto(`${harness.portal}${path}`);
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, path).toBeLessThanOrEqual(0);
    }
    await page.setViewportSize({ width: 1024, height: 800 });
  });
});
