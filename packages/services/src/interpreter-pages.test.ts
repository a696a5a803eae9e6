// The interpreter's side-by-side meetings, plan, and views pages (issue 8) read the person's
// pages through the same services, as the person: these tests check what those services give
// an interpreter, and that each side-by-side view is audited and refused like the others.
import { auditEvent, demoIds } from "@homeward/db";
import { databaseUnderTest } from "@homeward/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDenied, NotFound } from "./context.ts";
import { assignInterpreter, assignInterpreterSchema, sideBySideAccess } from "./interpreters.ts";
import { meetingsFor } from "./meetings.ts";
import { familyPlans } from "./plans.ts";
import { type SeededDatabase, seededDatabase } from "./testing.ts";
import { myViews } from "./views.ts";

const { cases, members, wishes } = demoIds;
const now = new Date("2026-11-26T12:00:00Z");

async function outcome(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AccessDenied) return error.reason;
    if (error instanceof NotFound) return "NOT_FOUND";
    throw error;
  }
  return "allowed";
}

describe(`an interpreter's meetings, plan and views pages on ${databaseUnderTest}`, () => {
  let seeded: SeededDatabase;
  beforeAll(async () => {
    seeded = await seededDatabase();
    // Kerry (a parent on Tyler's case) also interprets for Yasmin, the young person.
    await assignInterpreter(
      seeded.as("socialWorker", { now }),
      cases.yasmin,
      assignInterpreterSchema.parse({
        email: "kerry@homeward.example",
        forMemberId: members.yasminYoungPerson,
        language: "ar",
        activeFrom: "",
        activeUntil: "2027-01-31",
        consent: "yes",
      }),
    );
  });
  afterAll(() => seeded.handle.dispose());

  const yusuf = (at = now) => seeded.as("interpreter", { now: at });
  const kerry = () => seeded.as("ldParent", { now });

  it("each page is audited as a side-by-side view, with the page and language", async () => {
    for (const page of ["meetings", "plan", "views"]) {
      const access = await sideBySideAccess(yusuf(), cases.yasmin, page);
      expect(access).toMatchObject({ personName: "Amira Haddad", language: "ar" });
    }
    const rows = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.resourceType, "side_by_side"), eq(auditEvent.caseId, cases.yasmin)));
    const pages = rows.map((r) => (r.detail as { page?: string } | null)?.page);
    expect(pages).toEqual(expect.arrayContaining(["meetings", "plan", "views"]));
    // Each names the interpreter and the person whose pages they were.
    expect(rows.every((r) => r.actorUserId === seeded.users.interpreter)).toBe(true);
    expect(rows.every((r) => r.onBehalfOfUserId === seeded.users.arabicParent)).toBe(true);
    expect(rows.every((r) => (r.detail as { language?: string }).language === "ar")).toBe(true);
  });

  it("refuses another family's case, and every page once the period is over", async () => {
    for (const page of ["meetings", "plan", "views"]) {
      expect(await outcome(sideBySideAccess(yusuf(), cases.mia, page))).not.toBe("allowed");
      expect(
        await outcome(
          sideBySideAccess(yusuf(new Date("2027-04-01T09:00:00Z")), cases.yasmin, page),
        ),
      ).toBe("ACCESS_NOT_ACTIVE");
    }
    // Nobody interprets on Tyler's case: Kerry is a parent there, not an interpreter.
    expect(await outcome(sideBySideAccess(kerry(), cases.tyler, "views"))).toBe("NOT_FOUND");
    const denied = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(
        and(eq(auditEvent.actorUserId, seeded.users.interpreter), eq(auditEvent.outcome, "denied")),
      );
    expect(denied.length).toBeGreaterThanOrEqual(6);
  });

  it("Amira's interpreter sees her views and what Yasmin shared with her, never Yasmin's private wishes", async () => {
    const [views] = await myViews(yusuf(), { caseId: cases.yasmin });
    if (!views) throw new Error("no views for Amira's interpreter");
    expect(views.voice).toBe("parent_views");
    expect(views.actingFor).toBe("Amira Haddad");
    expect(views.canWrite).toBe(false);
    expect(views.records.map((r) => r.id)).toEqual([wishes.amiraViews]);
    expect(views.sharedWithMe.map((r) => r.id)).toEqual([wishes.yasminShared]);
    expect(JSON.stringify(views)).not.toContain("I don't want Mum to know");
  });

  it("Yasmin's interpreter sees her wishes, private ones too, and not Amira's unsent views", async () => {
    const all = await myViews(kerry(), { caseId: cases.yasmin });
    const [views] = all;
    if (!views) throw new Error("no wishes for Yasmin's interpreter");
    expect(views.voice).toBe("young_person_wishes");
    expect(views.records.map((r) => r.id).sort()).toEqual(
      [wishes.yasminPrivate, wishes.yasminShared].sort(),
    );
    expect(views.sharedWithMe).toEqual([]);
    expect(JSON.stringify(views)).not.toContain("The damp in Yasmin's room");
    const access = await sideBySideAccess(kerry(), cases.yasmin, "views");
    expect(access.personName).toBe("Yasmin Haddad");
  });

  it("meetings and plan: the person's, read as them", async () => {
    const meetings = await meetingsFor(yusuf());
    const ofCase = [...meetings.upcoming, ...meetings.past];
    expect(ofCase.length).toBeGreaterThan(0);
    expect(ofCase.every((m) => m.caseId === cases.yasmin)).toBe(true);
    const plans = await familyPlans(yusuf());
    expect(plans.map((p) => p.caseId)).toEqual([cases.yasmin]);
    // Amira's interpreter sees the parent's version, not the young person's.
    expect(plans[0]?.forYoungPerson).toBe(false);
    const yasminsPlans = (await familyPlans(kerry())).find((p) => p.caseId === cases.yasmin);
    expect(yasminsPlans?.forYoungPerson).toBe(true);
  });
});
