// The manager view against the seeded cohort (packages/db/src/demo-cohort.ts). Every
// expected figure below was counted by hand from the cohort's dates, on 26 November 2026;
// none is computed by the code under test.
import {
  auditEvent,
  authority,
  childCase,
  demoCohortStaff,
  demoCohortTeam,
  returnHomeEpisode,
  staffMembership,
  team,
  user,
} from "@homeward/db";
import { databaseUnderTest } from "@homeward/db/testing";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseload } from "./caseload.ts";
import { AccessDenied, type ServiceContext } from "./context.ts";
import { managedTeams, type TeamFigures, teamFigures } from "./manager.ts";
import { type SeededDatabase, seededDatabase } from "./testing.ts";

const now = new Date("2026-11-26T12:00:00Z");
const north = demoCohortTeam.id;
const window = (figures: TeamFigures, months: number) =>
  figures.outcomes.windows.find((w) => w.months === months);

describe(`the manager view on ${databaseUnderTest}`, () => {
  let seeded: SeededDatabase;
  let priya: ServiceContext;
  let otherManager: ServiceContext;
  beforeAll(async () => {
    seeded = await seededDatabase();
    priya = seeded.as("teamManager", { now });
    const { db } = seeded.handle;
    await db.insert(user).values({
      id: "user-other-manager",
      name: "Olu Tsider",
      email: "other-manager@elsewhere.example",
      kind: "practitioner",
    });
    await db.insert(authority).values({ id: "authority-other", name: "Other Council" });
    await db
      .insert(team)
      .values({ id: "team-other", authorityId: "authority-other", name: "Other team" });
    await db
      .insert(staffMembership)
      .values({ userId: "user-other-manager", teamId: "team-other", role: "team_manager" });
    otherManager = { ...priya, userId: "user-other-manager" };
  });
  afterAll(() => seeded.handle.dispose());

  describe("the North team's cohort", () => {
    let figures: TeamFigures;
    beforeAll(async () => {
      figures = await teamFigures(priya, { teamId: north });
    });

    it("counts 29 children gone home: 14 back in care, 15 still home", () => {
      expect(figures.outcomes).toMatchObject({ returnedHome: 29, backInCare: 14, stillHome: 15 });
      // One return each, known from the case's columns (the cohort predates the history).
      expect(figures.outcomes).toMatchObject({ returns: 29, returnsBackInCare: 14 });
      expect(figures.outcomes.excluded).toEqual([]);
    });

    it("6 months: 27 home long enough, 5 back in care; 2 too recent, 1 of them already back", () => {
      // Back within 6: HW-0602, 0608, 0611 (on the last day), 0620, 0626.
      expect(window(figures, 6)).toMatchObject({
        followedUp: 27,
        returnedToCare: 5,
        stayedHome: 22,
        tooRecent: 2,
        tooRecentAlreadyBack: 1,
      });
      expect(window(figures, 6)?.rate).toBeCloseTo(5 / 27);
    });

    it("12 months: 24 home long enough, 8 back in care; 5 too recent, 2 already back", () => {
      // Adds HW-0604, 0613 (on the last day), 0615 (6 months and a day), 0622.
      expect(window(figures, 12)).toMatchObject({
        followedUp: 24,
        returnedToCare: 8,
        tooRecent: 5,
        tooRecentAlreadyBack: 2,
      });
      expect(window(figures, 12)?.rate).toBeCloseTo(1 / 3);
    });

    it("24 months: 18 home long enough, 8 back in care; 11 too recent, 5 already back", () => {
      // Of the 18: HW-0602, 0604, 0606, 0608, 0611, 0613, 0615, 0617 (on the last day).
      // HW-0610 came back after 27 months: back in care, but in no window.
      expect(window(figures, 24)).toMatchObject({
        followedUp: 18,
        returnedToCare: 8,
        tooRecent: 11,
        tooRecentAlreadyBack: 5,
      });
      expect(window(figures, 24)?.rate).toBeCloseTo(8 / 18);
    });

    it("shows the cases by stage, closed ones included, and the open ones by level", () => {
      expect(figures.cases).toEqual({ all: 32, open: 15, closed: 17 });
      expect(Object.fromEntries(figures.byStage.map((s) => [s.stage, s.count]))).toEqual({
        initial_assessment: 1,
        risk_classification: 2,
        parental_agreements: 2,
        reclassification: 2,
        return_home: 4,
        alternative_permanence: 4,
        closed: 17,
      });
      expect(Object.fromEntries(figures.byLevel.map((l) => [l.level, l.count]))).toEqual({
        low: 4,
        medium: 3,
        high: 4,
        severe: 0,
        none: 4,
      });
    });

    it("lists the overdue re-classifications: HW-0613 and HW-0620", () => {
      // Reviewed 22 June and 3 August 2026: quarterly re-classification due in September
      // and on 3 November. Every other open case was reviewed since 26 August.
      expect(figures.overdue.cases).toBe(2);
      expect(figures.overdue.list.map((c) => [c.reference, c.teamName])).toEqual([
        ["HW-0613", "North Reunification Team"],
        ["HW-0620", "North Reunification Team"],
      ]);
      expect(figures.overdue.items).toEqual([
        { kind: "reclassification", count: 2 },
        { kind: "reviewWindow", count: 0 },
        { kind: "goalsOverdue", count: 0 },
        { kind: "supportNotDelivered", count: 0 },
      ]);
    });

    it("compares 12 reviews: 7 matched on every input, 8 on the level; 1 still awaited", () => {
      expect(figures.agreement).toMatchObject({
        compared: 12,
        matched: 7,
        sameLevel: 8,
        awaiting: 1,
        notComparable: 0,
      });
      expect(figures.agreement.rate).toBeCloseTo(7 / 12);
    });
  });

  it("the Reunification Team: Tyler's return broke down after six and a half months", async () => {
    const figures = await teamFigures(priya, { teamId: "team-demo" });
    expect(figures.cases).toEqual({ all: 3, open: 3, closed: 0 });
    expect(figures.outcomes).toMatchObject({ returnedHome: 1, backInCare: 1 });
    expect(figures.outcomes.windows.map((w) => [w.months, w.followedUp, w.returnedToCare])).toEqual(
      [
        [6, 1, 0],
        [12, 1, 1],
        [24, 1, 1],
      ],
    );
    // Yasmin's first classification: Sarah saw no capacity to change yet, Marcus did.
    expect(figures.agreement).toMatchObject({ compared: 5, matched: 4, sameLevel: 4 });
    expect(Object.fromEntries(figures.byLevel.map((l) => [l.level, l.count]))).toMatchObject({
      medium: 1,
      severe: 1,
      none: 1,
    });
    expect(figures.overdue.list.map((c) => c.reference)).toEqual(["HW-1002", "HW-1003"]);
  });

  it("all of Priya's teams together", async () => {
    const figures = await teamFigures(priya);
    expect(figures.teamId).toBeNull();
    expect(figures.teams.map((t) => t.name)).toEqual([
      "North Reunification Team",
      "Reunification Team",
    ]);
    expect(figures.cases.all).toBe(35);
    expect(figures.outcomes).toMatchObject({ returnedHome: 30, backInCare: 15 });
    expect(figures.outcomes.windows.map((w) => [w.followedUp, w.returnedToCare])).toEqual([
      [28, 5],
      [25, 9],
      [19, 9],
    ]);
    expect(figures.agreement).toMatchObject({ compared: 17, matched: 11 });
    expect(figures.overdue.cases).toBe(4);
  });

  it("agrees with the caseload on which cases have something overdue", async () => {
    const list = await caseload(priya, { pageSize: 1000, filter: { hasOverdue: true } });
    const figures = await teamFigures(priya);
    expect(figures.overdue.list.map((c) => c.reference)).toEqual(list.rows.map((r) => r.reference));
  });

  it("names a record that cannot be counted instead of counting it", async () => {
    const { db } = seeded.handle;
    await db.insert(childCase).values({
      id: "case-north-bad",
      authorityId: "authority-demo",
      teamId: north,
      reference: "HW-0699",
      childName: "Test Child",
      childDateOfBirth: "2015-01-01",
      legalStatus: "s31",
      stage: "closed",
      returnedHomeOn: "2024-05-01",
      reEnteredCareOn: "2024-04-01",
    });
    const figures = await teamFigures(priya, { teamId: north });
    expect(figures.outcomes.excluded).toEqual([
      { caseId: "case-north-bad", reference: "HW-0699", code: "RE_ENTRY_BEFORE_RETURN" },
    ]);
    expect(figures.outcomes.returnedHome).toBe(29);
    await db.delete(childCase).where(eq(childCase.id, "case-north-bad"));
  });

  it("counts every return of a child who went home twice, and each return's outcome", async () => {
    const { db } = seeded.handle;
    // Home in January 2023, back in care in May (under 4 months); home again in March 2025
    // and still home. Both returns are in the history; the case's columns hold the latest,
    // which must not be counted a second time.
    await db.insert(childCase).values({
      id: "case-north-twice",
      authorityId: "authority-demo",
      teamId: north,
      reference: "HW-0698",
      childName: "Test Child",
      childDateOfBirth: "2014-01-01",
      legalStatus: "s31",
      stage: "closed",
      returnedHomeOn: "2025-03-01",
      reEnteredCareOn: null,
    });
    await db.insert(returnHomeEpisode).values([
      {
        id: "return-twice-1",
        caseId: "case-north-twice",
        returnedOn: "2023-01-10",
        reEnteredCareOn: "2023-05-01",
      },
      { id: "return-twice-2", caseId: "case-north-twice", returnedOn: "2025-03-01" },
    ]);
    try {
      const figures = await teamFigures(priya, { teamId: north });
      // Children: the cohort's 29 and this one, who is home now (15 + 1 still home).
      // Returns: the cohort's 29 (one each, known from the case's columns) and these two;
      // 14 of the cohort's broke down, and this child's first.
      expect(figures.outcomes).toMatchObject({
        returnedHome: 30,
        backInCare: 14,
        stillHome: 16,
        returns: 31,
        returnsBackInCare: 15,
      });
      expect(figures.outcomes.excluded).toEqual([]);
      // The first return is followed up in every window and broke down within 6 months; the
      // second is followed up for 6 and 12 months (home since March 2025, still home) and is
      // too recent for 24.
      expect(
        figures.outcomes.windows.map((w) => [w.followedUp, w.returnedToCare, w.tooRecent]),
      ).toEqual([
        [27 + 2, 5 + 1, 2],
        [24 + 2, 8 + 1, 5],
        [18 + 1, 8 + 1, 11 + 1],
      ]);
    } finally {
      await db.delete(returnHomeEpisode).where(eq(returnHomeEpisode.caseId, "case-north-twice"));
      await db.delete(childCase).where(eq(childCase.id, "case-north-twice"));
    }
  });

  it("audits the read, naming the teams", async () => {
    await teamFigures(priya, { teamId: north });
    const [row] = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(
        and(eq(auditEvent.actorUserId, priya.userId), eq(auditEvent.resourceType, "team_figures")),
      )
      .orderBy(desc(auditEvent.id))
      .limit(1);
    expect(row).toMatchObject({ action: "read", outcome: "allowed", resourceId: north });
    expect(row?.detail).toMatchObject({ teamIds: [north], asOf: "2026-11-26" });
  });

  describe("refuses, and audits the refusal", () => {
    const lastDenial = async (userId: string) => {
      const [row] = await seeded.handle.db
        .select()
        .from(auditEvent)
        .where(
          and(
            eq(auditEvent.actorUserId, userId),
            eq(auditEvent.resourceType, "team_figures"),
            eq(auditEvent.outcome, "denied"),
          ),
        )
        .orderBy(desc(auditEvent.id))
        .limit(1);
      return (row?.detail as { reason?: string } | undefined)?.reason;
    };

    it("a social worker in the team", async () => {
      const sarah = seeded.as("socialWorker", { now });
      await expect(teamFigures(sarah)).rejects.toBeInstanceOf(AccessDenied);
      await expect(teamFigures(sarah, { teamId: "team-demo" })).rejects.toBeInstanceOf(
        AccessDenied,
      );
      expect(await lastDenial(sarah.userId)).toBe("ROLE_NOT_ALLOWED");
    });

    it("the co-worker, and the North team's own social worker", async () => {
      const marcus = seeded.as("coWorker", { now });
      await expect(teamFigures(marcus)).rejects.toBeInstanceOf(AccessDenied);
      const dev = { ...priya, userId: demoCohortStaff.socialWorker.id };
      await expect(teamFigures(dev, { teamId: north })).rejects.toBeInstanceOf(AccessDenied);
      expect(await lastDenial(dev.userId)).toBe("ROLE_NOT_ALLOWED");
    });

    it("a family account", async () => {
      const leah = seeded.as("parent", { now });
      await expect(teamFigures(leah)).rejects.toBeInstanceOf(AccessDenied);
      expect(await lastDenial(leah.userId)).toBe("NOT_SIGNED_IN_AS_STAFF");
    });

    it("a manager in another authority, for Priya's team", async () => {
      await expect(teamFigures(otherManager, { teamId: north })).rejects.toBeInstanceOf(
        AccessDenied,
      );
      expect(await lastDenial("user-other-manager")).toBe("OTHER_AUTHORITY");
      // Their own team is theirs.
      await expect(teamFigures(otherManager)).resolves.toMatchObject({
        cases: { all: 0, open: 0, closed: 0 },
      });
    });

    it("Priya, for another authority's team or a team that does not exist", async () => {
      await expect(teamFigures(priya, { teamId: "team-other" })).rejects.toBeInstanceOf(
        AccessDenied,
      );
      expect(await lastDenial(priya.userId)).toBe("OTHER_AUTHORITY");
      await expect(teamFigures(priya, { teamId: "team-nowhere" })).rejects.toBeInstanceOf(
        AccessDenied,
      );
      expect(await lastDenial(priya.userId)).toBe("NOT_IN_TEAM");
    });
  });

  it("lists the teams a viewer manages, for the navigation", async () => {
    expect((await managedTeams(priya)).map((t) => t.teamId)).toEqual([north, "team-demo"]);
    expect(await managedTeams(seeded.as("socialWorker", { now }))).toEqual([]);
    expect(await managedTeams(seeded.as("parent", { now }))).toEqual([]);
  });
});
