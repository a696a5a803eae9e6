import { auditEvent, authority, demoIds, staffMembership, team, user } from "@homeward/db";
import { databaseUnderTest } from "@homeward/db/testing";
import { and, desc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { caseload, parseCaseloadSearch } from "./caseload.ts";
import { AccessDenied, type ServiceContext } from "./context.ts";
import { type SeededDatabase, seededDatabase } from "./testing.ts";

const { cases } = demoIds;
// The e2e clock: the demo's dates are written for late November 2026.
const now = new Date("2026-11-26T12:00:00Z");

describe(`the caseload on ${databaseUnderTest}`, () => {
  let seeded: SeededDatabase;
  let outsider: ServiceContext;
  beforeAll(async () => {
    seeded = await seededDatabase();
    const { db } = seeded.handle;
    await db.insert(user).values({
      id: "user-outsider",
      name: "Olu Tsider",
      email: "outsider@elsewhere.example",
      kind: "practitioner",
    });
    await db.insert(authority).values({ id: "authority-other", name: "Other Council" });
    await db
      .insert(team)
      .values({ id: "team-other", authorityId: "authority-other", name: "Other team" });
    await db
      .insert(staffMembership)
      .values({ userId: "user-outsider", teamId: "team-other", role: "social_worker" });
    outsider = { ...seeded.as("socialWorker", { now }), userId: "user-outsider" };
  });
  afterAll(() => seeded.handle.dispose());

  it("lists Sarah's three cases with the level, stage and allocated worker", async () => {
    const list = await caseload(seeded.as("socialWorker", { now }));
    expect(list.total).toBe(3);
    expect(list.rows.map((r) => [r.reference, r.childName, r.stage, r.level])).toEqual([
      ["HW-1001", "Mia Morgan", "initial_assessment", null],
      ["HW-1002", "Yasmin Haddad", "parental_agreements", "medium"],
      ["HW-1003", "Tyler Brooks", "alternative_permanence", "severe"],
    ]);
    expect(new Set(list.rows.map((r) => r.allocatedWorker))).toEqual(new Set(["Sarah Okafor"]));
  });

  it("flags a correction not answered within a month as overdue", async () => {
    const later = new Date(Date.now() + 40 * 24 * 60 * 60 * 1000);
    const { rows } = await caseload(seeded.as("socialWorker", { now: later }));
    const mia = rows.find((r) => r.reference === "HW-1001");
    expect(mia?.due.find((d) => d.kind === "correctionsToAnswer")).toMatchObject({
      count: 1,
      overdue: true,
    });
    expect(mia?.hasOverdue).toBe(true);
  });

  it("shows what is due or overdue on each case", async () => {
    const { rows } = await caseload(seeded.as("socialWorker", { now }));
    const byRef = new Map(rows.map((r) => [r.reference, r]));
    const mia = byRef.get("HW-1001");
    // Daniel's correction and Leah's comment wait for a reply; Mia is not classified yet.
    expect(mia?.due.map((d) => d.kind)).toEqual(["familyResponses", "correctionsToAnswer"]);
    expect(mia?.due[0]).toMatchObject({ count: 2, overdue: false });
    // Daniel's correction must be answered within a month of asking.
    expect(mia?.due[1]).toMatchObject({ kind: "correctionsToAnswer", count: 1, overdue: false });
    expect(mia?.hasOverdue).toBe(false);

    const yasmin = byRef.get("HW-1002");
    const kinds = Object.fromEntries((yasmin?.due ?? []).map((d) => [d.kind, d]));
    // Medium since 11 May 2026: the quarterly re-classification was due on 11 August.
    expect(kinds.reclassification).toMatchObject({
      date: "2026-08-11",
      reason: "REGULAR_INTERVAL",
      overdue: true,
    });
    // Yasmin's own summary must be answered by 3 December: within a week.
    expect(kinds.reviewWindow).toMatchObject({ date: "2026-12-03", count: 1, overdue: false });
    expect(kinds.familyResponses).toMatchObject({ count: 1 });
    // Amira flagged the damp repair as not delivered on 10 November.
    expect(kinds.supportNotDelivered).toMatchObject({ date: "2026-11-10", overdue: true });
    expect(kinds.goalsOverdue).toBeUndefined();
    expect(yasmin?.nextDue).toBe("2026-08-11");
    expect(yasmin?.hasOverdue).toBe(true);
  });

  it("computes Tyler's level with the time rules: high with a drift date, then severe", async () => {
    // 10 January 2026: high since July 2025 with nothing addressed - drift on 14 January.
    // The quarterly re-classification was due in October. The case record already says severe.
    const before = await caseload(
      seeded.as("socialWorker", { now: new Date("2026-01-10T12:00:00Z") }),
    );
    const tyler = before.rows.find((r) => r.caseId === cases.tyler);
    expect(tyler).toMatchObject({
      level: "high",
      levelSince: "2025-07-14",
      recordedLevel: "severe",
    });
    expect(tyler?.due).toEqual(
      expect.arrayContaining([
        { kind: "reclassification", date: "2025-10-14", reason: "REGULAR_INTERVAL", overdue: true },
        { kind: "drift", date: "2026-01-14", overdue: false },
      ]),
    );
    // After the drift date, severe whether or not anyone has reviewed it.
    const after = await caseload(
      seeded.as("socialWorker", { now: new Date("2026-01-16T12:00:00Z") }),
    );
    expect(after.rows.find((r) => r.caseId === cases.tyler)).toMatchObject({
      level: "severe",
      levelSince: "2026-01-14",
    });
  });

  it("the team manager sees her two teams' cases; the outsider sees none", async () => {
    // The Reunification Team's three, and the North team's 32 (demo-cohort.ts).
    expect((await caseload(seeded.as("teamManager", { now }))).total).toBe(35);
    const none = await caseload(outsider);
    expect(none.rows).toEqual([]);
    expect(none.total).toBe(0);
  });

  it("refuses a family account", async () => {
    await expect(caseload(seeded.as("parent", { now }))).rejects.toBeInstanceOf(AccessDenied);
  });

  it("filters by level, stage and overdue items", async () => {
    const sarah = seeded.as("socialWorker", { now });
    const refs = async (filter: Parameters<typeof caseload>[1]) =>
      (await caseload(sarah, filter)).rows.map((r) => r.reference);
    expect(await refs({ filter: { level: "severe" } })).toEqual(["HW-1003"]);
    expect(await refs({ filter: { level: "none" } })).toEqual(["HW-1001"]);
    expect(await refs({ filter: { stage: "parental_agreements" } })).toEqual(["HW-1002"]);
    expect(await refs({ filter: { hasOverdue: true } })).toEqual(["HW-1002", "HW-1003"]);
    expect(await refs({ filter: { level: "low" } })).toEqual([]);
  });

  it("sorts by each column, both ways, unclassified and nothing-due last", async () => {
    const sarah = seeded.as("socialWorker", { now });
    const refs = async (key: "reference" | "child" | "level" | "stage" | "nextDue", desc = false) =>
      (await caseload(sarah, { sort: { key, direction: desc ? "desc" : "asc" } })).rows.map(
        (r) => r.reference,
      );
    expect(await refs("reference", true)).toEqual(["HW-1003", "HW-1002", "HW-1001"]);
    expect(await refs("child")).toEqual(["HW-1001", "HW-1003", "HW-1002"]);
    expect(await refs("level")).toEqual(["HW-1002", "HW-1003", "HW-1001"]);
    expect(await refs("level", true)).toEqual(["HW-1003", "HW-1002", "HW-1001"]);
    expect(await refs("stage")).toEqual(["HW-1001", "HW-1002", "HW-1003"]);
    // Tyler's re-classification (April) is older than Yasmin's (August).
    expect(await refs("nextDue")).toEqual(["HW-1003", "HW-1002", "HW-1001"]);
  });

  it("pages the list", async () => {
    const sarah = seeded.as("socialWorker", { now });
    const second = await caseload(sarah, { page: 2, pageSize: 2 });
    expect(second).toMatchObject({ page: 2, pageCount: 2, total: 3 });
    expect(second.rows.map((r) => r.reference)).toEqual(["HW-1003"]);
    // Past the end: the last page.
    expect((await caseload(sarah, { page: 9, pageSize: 2 })).page).toBe(2);
  });

  it("audits the read, naming the cases shown", async () => {
    await caseload(seeded.as("coWorker", { now }), { filter: { level: "medium" } });
    const [row] = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.actorUserId, seeded.users.coWorker),
          eq(auditEvent.resourceType, "caseload"),
        ),
      )
      .orderBy(desc(auditEvent.at))
      .limit(1);
    expect(row).toMatchObject({ app: "practitioner", action: "read", outcome: "allowed" });
    expect(row?.detail).toMatchObject({ caseIds: [cases.yasmin], total: 1 });
  });

  it("reads the query string forgivingly", () => {
    expect(
      parseCaseloadSearch(new URLSearchParams("sort=level&dir=desc&level=high&overdue=1&page=2")),
    ).toEqual({
      sort: "level",
      dir: "desc",
      level: "high",
      stage: undefined,
      overdue: true,
      page: 2,
    });
    expect(
      parseCaseloadSearch(new URLSearchParams("sort=nonsense&dir=up&level=&stage=moon&page=-3")),
    ).toEqual({
      sort: "reference",
      dir: "asc",
      level: undefined,
      stage: undefined,
      overdue: false,
      page: 1,
    });
  });
});
