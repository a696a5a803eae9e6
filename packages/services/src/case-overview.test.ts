import {
  auditEvent,
  authority,
  caseMember,
  demoIds,
  staffMembership,
  team,
  user,
} from "@homeward/db";
import { databaseUnderTest } from "@homeward/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseOverview, legalStatusOf } from "./case-overview.ts";
import { AccessDenied, NotFound, type ServiceContext } from "./context.ts";
import { type SeededDatabase, seededDatabase } from "./testing.ts";

const { cases, people } = demoIds;
const now = new Date("2026-11-26T12:00:00Z");

describe(`the case overview on ${databaseUnderTest}`, () => {
  let seeded: SeededDatabase;
  let outsider: ServiceContext;
  let reader: ServiceContext;
  beforeAll(async () => {
    seeded = await seededDatabase();
    const { db } = seeded.handle;
    await db.insert(user).values([
      {
        id: "user-outsider",
        name: "Olu Tsider",
        email: "outsider@elsewhere.example",
        kind: "practitioner",
      },
      {
        id: "user-reader",
        name: "Fay Reader",
        email: "reader@homeward.example",
        kind: "practitioner",
      },
    ]);
    await db.insert(authority).values({ id: "authority-other", name: "Other Council" });
    await db.insert(team).values([
      { id: "team-other", authorityId: "authority-other", name: "Other team" },
      { id: "team-independent", authorityId: "authority-demo", name: "Independent reviewing" },
    ]);
    await db.insert(staffMembership).values([
      { userId: "user-outsider", teamId: "team-other", role: "social_worker" },
      { userId: "user-reader", teamId: "team-independent", role: "chronologist" },
    ]);
    await db.insert(caseMember).values({
      id: "m-reader",
      caseId: cases.yasmin,
      userId: "user-reader",
      role: "chronologist",
      activeFrom: new Date("2026-01-01T00:00:00Z"),
    });
    const base = seeded.as("socialWorker", { now });
    outsider = { ...base, userId: "user-outsider" };
    reader = { ...base, userId: "user-reader" };
  });
  afterAll(() => seeded.handle.dispose());

  it("shows Yasmin's case: the child, legal status, eligibility, stage and what is missing", async () => {
    const view = await caseOverview(seeded.as("socialWorker", { now }), cases.yasmin);
    expect(view).toMatchObject({
      reference: "HW-1002",
      child: { name: "Yasmin Haddad", dateOfBirth: "2012-06-02", age: 14 },
      legalStatus: "care_order_s31",
      legalStatusRecorded: "s31",
      eligibility: { ok: true },
      stage: "parental_agreements",
    });
    // Published agreement: signed; support coordination is not recorded anywhere yet.
    expect(view.done).toContain("parental_agreement_signed");
    expect(view.done).toContain("two_independent_classifications");
    expect(view.done).toContain("risk_reclassified");
    expect(view.next.to).toBe("reclassification");
    expect(view.next.missing.milestones).toEqual(["support_coordinated"]);
    expect(view.next.ready).toBe(false);
  });

  it("lists the people with their needs, and shows contacts and placement to the social worker", async () => {
    const view = await caseOverview(seeded.as("socialWorker", { now }), cases.yasmin);
    const amira = view.people.find((p) => p.personId === people.amira);
    expect(amira).toMatchObject({
      name: "Amira Haddad",
      language: "ar",
      interpreterNeeded: true,
      easyRead: false,
    });
    expect(amira?.contact?.address).toContain("Beacon Terrace");
    expect(view.placement?.carerNames).toContain("Joanne Reid");
    expect(view.helpers).toEqual([
      { name: "Yusuf Karim", role: "interpreter", helping: "Amira Haddad", language: "ar" },
    ]);
    expect(view.staff.map((s) => s.role).sort()).toEqual([
      "chronologist",
      "co_worker",
      "social_worker",
    ]);
  });

  it("never gives the file reader contact details or the placement", async () => {
    const view = await caseOverview(reader, cases.yasmin);
    expect(view.people.length).toBeGreaterThan(0);
    expect(view.people.every((p) => p.contact === null)).toBe(true);
    expect(view.placement).toBeNull();
    expect(JSON.stringify(view)).not.toContain("Beacon Terrace");
    expect(JSON.stringify(view)).not.toContain("Larch Close");
  });

  it("puts the decision points in date order, each classification before its decision", async () => {
    const view = await caseOverview(seeded.as("socialWorker", { now }), cases.yasmin);
    expect(view.timeline.map((i) => [i.kind, i.point, i.date])).toEqual([
      ["classification", "review", "2025-09-01"],
      ["decision", "decision_1", "2025-09-08"],
      ["classification", "classification_1", "2025-11-10"],
      ["decision", "decision_2", "2025-11-17"],
      ["classification", "classification_2", "2026-05-11"],
    ]);
  });

  it("gives the risk status the time rules require today", async () => {
    const yasmin = await caseOverview(seeded.as("socialWorker", { now }), cases.yasmin);
    expect(yasmin.risk).toMatchObject({
      level: "medium",
      since: "2026-05-11",
      driftDate: null,
      mayClose: false,
      reunificationPossible: true,
      nextReclassification: { date: "2026-08-11", overdue: true },
    });
    const tyler = await caseOverview(seeded.as("teamManager", { now }), cases.tyler);
    expect(tyler.risk).toMatchObject({ level: "severe", since: "2026-01-14" });
    expect(tyler.done).toEqual(
      expect.arrayContaining(["permanence_plan_made", "decision_explained_with_positives"]),
    );
    const mia = await caseOverview(seeded.as("coWorker", { now }), cases.mia);
    expect(mia.risk).toBeNull();
    expect(mia.legalStatus).toBe("accommodated_s20");
    expect(mia.done).toContain("analytical_case_history");
    expect(mia.next.to).toBe("risk_classification");
  });

  it("refuses the outsider, a family account and a missing case; audits the read", async () => {
    await expect(caseOverview(outsider, cases.yasmin)).rejects.toBeInstanceOf(AccessDenied);
    await expect(
      caseOverview(seeded.as("arabicParent", { now }), cases.yasmin),
    ).rejects.toBeInstanceOf(AccessDenied);
    await expect(
      caseOverview(seeded.as("socialWorker", { now }), "case-nobody"),
    ).rejects.toBeInstanceOf(NotFound);
    const denied = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.actorUserId, "user-outsider"), eq(auditEvent.outcome, "denied")));
    expect(denied[0]).toMatchObject({ caseId: cases.yasmin, action: "read" });
    const reads = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.actorUserId, "user-reader"),
          eq(auditEvent.resourceType, "case_overview"),
        ),
      );
    expect(reads[0]?.detail).toEqual({ contactIds: [], placementId: null });
  });

  it("maps the record's short legal statuses to the rules'", () => {
    expect(legalStatusOf("s31")).toBe("care_order_s31");
    expect(legalStatusOf("edge_of_care")).toBe("edge_of_care");
    expect(legalStatusOf("something else")).toBeNull();
  });
});
