import { demoIds } from "@homeward/db";
import { databaseUnderTest } from "@homeward/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { activityPageSize, auditTrailForEntry, caseActivity } from "./audit-trail.ts";
import { AccessDenied } from "./context.ts";
import { entryForViewer } from "./record-entries.ts";
import { type SeededDatabase, seededDatabase } from "./testing.ts";

const [sharedWithBoth] = demoIds.entries.miaSharedWithBothParents as unknown as [string];

describe(`who viewed or changed a record, on ${databaseUnderTest}`, () => {
  let seeded: SeededDatabase;
  beforeAll(async () => {
    seeded = await seededDatabase();
    await entryForViewer(seeded.as("parent"), sharedWithBoth);
    await entryForViewer(seeded.as("secondParent"), sharedWithBoth);
    await expect(
      entryForViewer(seeded.as("secondParent"), demoIds.entries.miaSharedWithLeahOnly),
    ).rejects.toBeInstanceOf(AccessDenied);
  });
  afterAll(() => seeded.handle.dispose());

  it("shows a practitioner every read, including who was refused", async () => {
    const trail = await auditTrailForEntry(
      seeded.as("socialWorker"),
      demoIds.entries.miaSharedWithLeahOnly,
    );
    expect(trail.some((line) => line.who === "Daniel Morgan" && line.outcome === "denied")).toBe(
      true,
    );
    const shared = await auditTrailForEntry(seeded.as("socialWorker"), sharedWithBoth);
    expect(shared.map((l) => l.who)).toEqual(
      expect.arrayContaining(["Leah Morgan", "Daniel Morgan"]),
    );
  });

  it("shows a parent their own visits and staff visits, never the other parent's", async () => {
    await auditTrailForEntry(seeded.as("socialWorker"), sharedWithBoth);
    const trail = await auditTrailForEntry(seeded.as("parent"), sharedWithBoth);
    const names = new Set(trail.map((l) => l.who));
    expect(names.has("Leah Morgan")).toBe(true);
    expect(names.has("Daniel Morgan")).toBe(false);
  });

  it("refuses the trail of an entry not shared with the family member", async () => {
    await expect(
      auditTrailForEntry(seeded.as("secondParent"), demoIds.entries.miaSharedWithLeahOnly),
    ).rejects.toBeInstanceOf(AccessDenied);
    await expect(auditTrailForEntry(seeded.as("coWorker"), sharedWithBoth)).rejects.toBeInstanceOf(
      AccessDenied,
    );
  });

  it("lists a case's activity for staff with audit rights, refusals with their reason", async () => {
    const activity = await caseActivity(seeded.as("socialWorker"), demoIds.cases.mia);
    const refusal = activity.lines.find(
      (l) =>
        l.who === "Daniel Morgan" && l.outcome === "denied" && l.resourceType === "record_entry",
    );
    expect(refusal).toMatchObject({
      resourceType: "record_entry",
      resourceId: demoIds.entries.miaSharedWithLeahOnly,
      reason: "NOT_SHARED_WITH_YOU",
    });
    // Newest first.
    const times = activity.lines.map((l) => l.at);
    expect([...times].sort().reverse()).toEqual(times);
    // One record's trail only.
    const one = await caseActivity(seeded.as("teamManager"), demoIds.cases.mia, {
      resourceId: sharedWithBoth,
    });
    expect(one.lines.length).toBeGreaterThan(0);
    expect(one.lines.every((l) => l.resourceId === sharedWithBoth)).toBe(true);
  });

  it("pages the activity", async () => {
    const first = await caseActivity(seeded.as("socialWorker"), demoIds.cases.mia);
    if (!first.hasMore) expect(first.lines.length).toBeLessThanOrEqual(activityPageSize);
    const beyond = await caseActivity(seeded.as("socialWorker"), demoIds.cases.mia, { page: 999 });
    expect(beyond).toMatchObject({ page: 999, hasMore: false, lines: [] });
  });

  it("refuses a case's activity to co-workers and to every family member", async () => {
    for (const who of ["coWorker", "parent", "secondParent", "youngPerson"] as const) {
      await expect(caseActivity(seeded.as(who), demoIds.cases.mia)).rejects.toBeInstanceOf(
        AccessDenied,
      );
    }
  });
});
