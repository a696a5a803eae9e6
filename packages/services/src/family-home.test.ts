import { auditEvent, caseMember, demoIds } from "@homeward/db";
import { databaseUnderTest } from "@homeward/db/testing";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { familyHome } from "./family-home.ts";
import { type SeededDatabase, seededDatabase } from "./testing.ts";

const { cases, entries, meetings, members } = demoIds;

// The demo is dated around late November 2026; its memberships start when it is seeded, so
// they are moved back to let these tests read the demo at fixed days.
const friday = new Date("2026-11-27T09:00:00Z");
const beforeChristmas = new Date("2026-12-20T09:00:00Z");

describe(`the family home on ${databaseUnderTest}`, () => {
  let seeded: SeededDatabase;
  beforeAll(async () => {
    seeded = await seededDatabase();
    await seeded.handle.db
      .update(caseMember)
      .set({ activeFrom: new Date("2025-01-01T00:00:00Z") })
      .where(isNull(caseMember.consentRecordedAt));
  });
  afterAll(() => seeded.handle.dispose());

  it("tells Amira where Yasmin's case is, what comes next, the next meeting and her social worker", async () => {
    const home = await familyHome(seeded.as("arabicParent", { now: friday }));
    expect(home.cases).toHaveLength(1);
    const [yasmin] = home.cases;
    expect(yasmin).toMatchObject({
      caseId: cases.yasmin,
      childFirstName: "Yasmin",
      role: "parent",
      helping: false,
      forYoungPerson: false,
      step: "parental_agreements",
      stageNumber: 3,
      nextStep: "reclassification",
      blockers: [],
      riskLevel: "medium",
      socialWorker: { name: "Sarah Okafor", email: "social-worker@homeward.example" },
    });
    expect(yasmin?.nextMeeting).toMatchObject({
      meetingId: meetings.yasminReview,
      type: "review",
      startsAt: "2026-12-03T10:00:00.000Z",
      place: "Eastfield Family Centre, Room 2",
    });
    expect(yasmin?.nextMeeting?.attendees.map((a) => a.name)).toContain("Yusuf Karim");
    expect(yasmin?.entriesToCheck).toEqual([
      {
        entryId: entries.yasminSharedWithAmira,
        title: "Amira's mental health and capacity to change",
        deadline: "2026-12-07",
      },
    ]);
    // Goal 2 is due on 15 January 2027: more than four weeks away on 27 November.
    expect(yasmin?.goalsDue).toEqual([]);
  });

  it("lists goals due within four weeks, and open goals past their date as overdue", async () => {
    const [december] = (await familyHome(seeded.as("arabicParent", { now: beforeChristmas })))
      .cases;
    expect(december?.goalsDue).toEqual([
      {
        goalId: "goal-yasmin-2",
        changeNeeded: expect.stringContaining("The home is ready for Yasmin"),
        dueDate: "2027-01-15",
        overdue: false,
      },
    ]);
    const later = new Date("2027-02-10T09:00:00Z");
    const [february] = (await familyHome(seeded.as("arabicParent", { now: later }))).cases;
    expect(february?.goalsDue.map((g) => [g.goalId, g.overdue])).toEqual([
      ["goal-yasmin-2", true],
      ["goal-yasmin-3", false],
    ]);
  });

  it("shows the interpreter what Amira sees, marked as helping her", async () => {
    const [forYusuf] = (await familyHome(seeded.as("interpreter", { now: beforeChristmas }))).cases;
    expect(forYusuf).toMatchObject({ role: "parent", helping: true, forYoungPerson: false });
    expect(forYusuf?.entriesToCheck.map((e) => e.entryId)).toEqual([entries.yasminSharedWithAmira]);
    expect(forYusuf?.goalsDue.map((g) => g.goalId)).toEqual(["goal-yasmin-2"]);
  });

  it("gives Yasmin her own entry and no goals from her mum's agreement", async () => {
    const [forYasmin] = (await familyHome(seeded.as("youngPerson", { now: beforeChristmas })))
      .cases;
    expect(forYasmin).toMatchObject({ role: "young_person", forYoungPerson: true });
    expect(forYasmin?.entriesToCheck.map((e) => e.entryId)).toEqual([
      entries.yasminSharedWithYasmin,
    ]);
    expect(forYasmin?.goalsDue).toEqual([]);
  });

  it("keeps each separated parent to what was shared with them, and no one else's details", async () => {
    const [leah] = (await familyHome(seeded.as("parent", { now: friday }))).cases;
    const [daniel] = (await familyHome(seeded.as("secondParent", { now: friday }))).cases;
    expect(leah).toMatchObject({
      childFirstName: "Mia",
      step: "initial_assessment",
      stageNumber: 1,
      nextStep: "risk_classification",
      riskLevel: null,
    });
    expect(leah?.nextMeeting?.meetingId).toBe(meetings.miaPlanning);
    expect(leah?.entriesToCheck.map((e) => e.entryId).sort()).toEqual(
      [...entries.miaSharedWithBothParents, entries.miaSharedWithLeahOnly].sort(),
    );
    expect(daniel?.entriesToCheck.map((e) => e.entryId)).not.toContain(
      entries.miaSharedWithLeahOnly,
    );
    const danielsPage = JSON.stringify(daniel);
    // Leah's address and phone, the foster carers' address, the not-for-family note.
    for (const secret of ["Wharf Street", "900412", "Orchard Rise", "Strategy discussion"]) {
      expect(danielsPage).not.toContain(secret);
    }
    expect(JSON.stringify(leah)).not.toContain("Yasmin");
  });

  it("says what comes next for Tyler: a settled home away from home, then closing", async () => {
    const [tyler] = (await familyHome(seeded.as("ldParent", { now: friday }))).cases;
    expect(tyler).toMatchObject({
      step: "alternative_permanence",
      stageNumber: null,
      nextStep: "closed",
      riskLevel: "severe",
      nextMeeting: null,
    });
  });

  it("audits each case's home as a read, on behalf of the person a helper reads for", async () => {
    await familyHome(seeded.as("interpreter", { now: friday }));
    const reads = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.resourceType, "family_home"),
          eq(auditEvent.actorUserId, seeded.users.interpreter),
        ),
      );
    expect(reads.at(-1)).toMatchObject({
      caseId: cases.yasmin,
      action: "read",
      outcome: "allowed",
      onBehalfOfUserId: seeded.users.arabicParent,
    });
  });

  it("drops a case once the person's access has been revoked", async () => {
    const db = seeded.handle.db;
    await db
      .update(caseMember)
      .set({ revokedAt: new Date("2026-11-01T00:00:00Z") })
      .where(eq(caseMember.id, members.miaDaniel));
    try {
      expect((await familyHome(seeded.as("secondParent", { now: friday }))).cases).toEqual([]);
    } finally {
      await db
        .update(caseMember)
        .set({ revokedAt: null })
        .where(eq(caseMember.id, members.miaDaniel));
    }
  });
});
