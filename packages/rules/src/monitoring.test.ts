import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { addDays, addMonths, compareDates } from "./dates.ts";
import {
  checkReturnHome,
  checkReturnToCare,
  checkVisitRecord,
  MONITORING_PHASES_BY_LEVEL,
  monitoringScheduleFor,
  RETURN_HOME_CODES,
  type ReturnHomeFacts,
  reclassificationProgress,
  reclassificationsAfterReturn,
  visitState,
} from "./monitoring.ts";
import { RISK_LEVELS } from "./risk.ts";
import { checkVisitStepDown, planMonitoring, VISIT_FREQUENCIES } from "./timeframes.ts";

describe("visits after the child goes home", () => {
  test("at low: weekly for six weeks, fortnightly for eight, then monthly, ending in October", () => {
    const schedule = monitoringScheduleFor("2024-03-04", "low");
    expect(schedule.ok).toBe(true);
    if (!schedule.ok) return;
    expect(schedule.visits.map((v) => `${v.date} ${v.frequency}`)).toEqual([
      "2024-03-11 weekly",
      "2024-03-18 weekly",
      "2024-03-25 weekly",
      "2024-04-01 weekly",
      "2024-04-08 weekly",
      "2024-04-15 weekly",
      "2024-04-29 fortnightly",
      "2024-05-13 fortnightly",
      "2024-05-27 fortnightly",
      "2024-06-10 fortnightly",
      "2024-07-10 monthly",
      "2024-08-10 monthly",
      "2024-09-10 monthly",
      "2024-10-10 monthly",
    ]);
    expect(schedule.endsOn).toBe("2024-10-10");
    // Risk Classification 3 at three months, again at six, and before the visits stop.
    expect(schedule.reclassifications).toEqual(["2024-06-04", "2024-09-04", "2024-10-10"]);
  });

  test("at medium the visits last longer: eight weekly, six fortnightly, six monthly", () => {
    const schedule = monitoringScheduleFor("2027-01-11", "medium");
    expect(schedule.ok).toBe(true);
    if (!schedule.ok) return;
    const count = (f: string) => schedule.visits.filter((v) => v.frequency === f).length;
    expect([count("weekly"), count("fortnightly"), count("monthly")]).toEqual([8, 6, 6]);
    expect(schedule.visits[0]?.date).toBe("2027-01-18");
    // Eight weekly visits, six fortnightly (to 31 May), then six monthly.
    expect(schedule.visits[7]?.date).toBe("2027-03-08");
    expect(schedule.visits[13]?.date).toBe("2027-05-31");
    expect(schedule.endsOn).toBe("2027-11-30");
    expect(schedule.reclassifications).toEqual([
      "2027-04-11",
      "2027-07-11",
      "2027-10-11",
      "2027-11-30",
    ]);
  });

  test("a child never goes home at high or severe, so there is no schedule", () => {
    expect(monitoringScheduleFor("2026-01-01", "high")).toEqual({
      ok: false,
      code: "RISK_TOO_HIGH_FOR_RETURN",
    });
    expect(monitoringScheduleFor("2026-01-01", "severe")).toEqual({
      ok: false,
      code: "RISK_TOO_HIGH_FOR_RETURN",
    });
  });

  test("each level's visits step down one rung at a time, end monthly, and last six months", () => {
    for (const level of ["low", "medium"] as const) {
      const phases = MONITORING_PHASES_BY_LEVEL[level];
      expect(planMonitoring("2026-02-28", phases).ok).toBe(true);
      const frequencies = phases.map((p) => p.frequency);
      expect(frequencies).toEqual([...VISIT_FREQUENCIES]);
      expect(checkVisitStepDown("monthly", "none").ok).toBe(true);
    }
  });

  test("medium is watched at least as long and as closely as low", () => {
    for (const [index, phase] of MONITORING_PHASES_BY_LEVEL.low.entries()) {
      expect(MONITORING_PHASES_BY_LEVEL.medium[index]?.visits).toBeGreaterThanOrEqual(phase.visits);
    }
  });

  test("for any return date: visits are in order, after the return, and never stop abruptly", () => {
    const day = fc.integer({ min: 0, max: 365 * 30 }).map((n) => addDays("2000-01-01", n));
    fc.assert(
      fc.property(day, fc.constantFrom("low" as const, "medium" as const), (returnedOn, level) => {
        const schedule = monitoringScheduleFor(returnedOn, level);
        if (!schedule.ok) return false;
        const dates = schedule.visits.map((v) => v.date);
        const ordered = dates.every((d, i) => i === 0 || compareDates(d, dates[i - 1] ?? d) > 0);
        const gaps = schedule.visits.map((v) => v.frequency);
        const gradual = gaps.every((f, i) => i === 0 || checkVisitStepDown(gaps[i - 1] ?? f, f).ok);
        const lastIsReclassified = schedule.reclassifications.at(-1) === schedule.endsOn;
        const sixMonths = compareDates(schedule.endsOn, addMonths(returnedOn, 6)) >= 0;
        return (
          ordered &&
          compareDates(dates[0] ?? returnedOn, returnedOn) > 0 &&
          gradual &&
          lastIsReclassified &&
          sixMonths
        );
      }),
    );
  });
});

describe("re-classifying after the return", () => {
  test("every three months before the last visit, then on the last visit", () => {
    expect(reclassificationsAfterReturn("2026-01-31", "2026-08-15")).toEqual([
      "2026-04-30",
      "2026-07-31",
      "2026-08-15",
    ]);
  });

  test("a set interval that falls on the last visit is counted once", () => {
    expect(reclassificationsAfterReturn("2026-01-10", "2026-07-10")).toEqual([
      "2026-04-10",
      "2026-07-10",
    ]);
  });

  test("another interval can be set", () => {
    expect(reclassificationsAfterReturn("2026-01-10", "2026-07-10", 2)).toEqual([
      "2026-03-10",
      "2026-05-10",
      "2026-07-10",
    ]);
  });

  test("no visits after the return: nothing to re-classify", () => {
    expect(reclassificationsAfterReturn("2026-01-10", "2026-01-10")).toEqual([]);
  });

  test("the interval must be a whole number of months", () => {
    expect(() => reclassificationsAfterReturn("2026-01-10", "2026-07-10", 0)).toThrow(RangeError);
    expect(() => reclassificationsAfterReturn("2026-01-10", "2026-07-10", 1.5)).toThrow(RangeError);
  });
});

describe("going home", () => {
  const ready: ReturnHomeFacts = {
    closed: false,
    returnedHomeOn: null,
    reEnteredCareOn: null,
    decision3: { decidedOn: "2027-04-06", signedOffOn: "2027-04-07" },
    activeReunificationPlan: true,
    riskLevel: "medium",
  };

  test("Decision 3 signed off, an active plan, medium: Yasmin can go home", () => {
    expect(checkReturnHome(ready, "2027-04-10", "2027-04-12")).toEqual({ ok: true });
    expect(checkReturnHome({ ...ready, riskLevel: "low" }, "2027-04-07", "2027-04-07")).toEqual({
      ok: true,
    });
  });

  test.each<[string, Partial<ReturnHomeFacts>, string]>([
    ["the case is closed", { closed: true }, "CASE_CLOSED"],
    ["the child is already home", { returnedHomeOn: "2027-01-01" }, "ALREADY_HOME"],
    ["there is no Decision 3", { decision3: null }, "DECISION_3_NOT_RECORDED"],
    [
      "Decision 3 is waiting for the manager",
      { decision3: { decidedOn: "2027-04-06", signedOffOn: null } },
      "DECISION_3_NOT_SIGNED_OFF",
    ],
    [
      "the plan is still a draft",
      { activeReunificationPlan: false },
      "NO_ACTIVE_REUNIFICATION_PLAN",
    ],
    ["no classification is agreed", { riskLevel: null }, "NO_AGREED_CLASSIFICATION"],
    ["the level is high", { riskLevel: "high" }, "RISK_TOO_HIGH_FOR_RETURN"],
    ["the level is severe", { riskLevel: "severe" }, "RISK_TOO_HIGH_FOR_RETURN"],
  ])("refused when %s", (_, change, code) => {
    expect(checkReturnHome({ ...ready, ...change }, "2027-04-10", "2027-04-12")).toEqual({
      ok: false,
      code,
    });
  });

  test("the return is recorded once it has happened, and not before the sign-off", () => {
    expect(checkReturnHome(ready, "2027-04-13", "2027-04-12")).toEqual({
      ok: false,
      code: "RETURN_DATE_IN_FUTURE",
    });
    expect(checkReturnHome(ready, "2027-04-06", "2027-04-12")).toEqual({
      ok: false,
      code: "RETURN_BEFORE_DECISION_3",
    });
  });

  test("after a failed return, only a Decision 3 made since the child came back counts", () => {
    const backInCare = { ...ready, returnedHomeOn: "2023-09-04", reEnteredCareOn: "2024-03-18" };
    expect(
      checkReturnHome(
        { ...backInCare, decision3: { decidedOn: "2023-08-20", signedOffOn: "2023-08-21" } },
        "2027-04-10",
        "2027-04-12",
      ),
    ).toEqual({ ok: false, code: "DECISION_3_NOT_RECORDED" });
    expect(checkReturnHome(backInCare, "2027-04-10", "2027-04-12")).toEqual({ ok: true });
  });

  test("the refusals are checked in a fixed order, so the first thing to do is named", () => {
    const nothing: ReturnHomeFacts = {
      closed: false,
      returnedHomeOn: null,
      reEnteredCareOn: null,
      decision3: null,
      activeReunificationPlan: false,
      riskLevel: null,
    };
    expect(checkReturnHome(nothing, "2030-01-01", "2027-01-01")).toEqual({
      ok: false,
      code: "DECISION_3_NOT_RECORDED",
    });
    expect(RETURN_HOME_CODES).toHaveLength(new Set(RETURN_HOME_CODES).size);
  });

  test("no level above medium is ever allowed", () => {
    for (const level of RISK_LEVELS) {
      const result = checkReturnHome({ ...ready, riskLevel: level }, "2027-04-10", "2027-04-12");
      expect(result.ok).toBe(level === "low" || level === "medium");
    }
  });
});

describe("visits and a return to care", () => {
  test("a visit is upcoming, overdue from the next day, or done", () => {
    const planned = { scheduledFor: "2027-05-03", happenedOn: null, cancelledOn: null };
    expect(visitState(planned, "2027-05-03")).toBe("upcoming");
    expect(visitState(planned, "2027-05-04")).toBe("overdue");
    expect(visitState({ ...planned, happenedOn: "2027-05-05" }, "2027-05-06")).toBe("happened");
    expect(visitState({ ...planned, cancelledOn: "2027-05-01" }, "2027-06-01")).toBe("cancelled");
  });

  test("a visit is recorded once, on a day between the return and today", () => {
    const planned = { happenedOn: null, cancelledOn: null };
    expect(checkVisitRecord(planned, "2027-04-10", "2027-04-17", "2027-04-18")).toEqual({
      ok: true,
    });
    expect(checkVisitRecord(planned, "2027-04-10", "2027-04-19", "2027-04-18")).toEqual({
      ok: false,
      code: "VISIT_IN_FUTURE",
    });
    expect(checkVisitRecord(planned, "2027-04-10", "2027-04-09", "2027-04-18")).toEqual({
      ok: false,
      code: "VISIT_BEFORE_RETURN",
    });
    expect(
      checkVisitRecord(
        { ...planned, happenedOn: "2027-04-17" },
        "2027-04-10",
        "2027-04-17",
        "2027-04-18",
      ),
    ).toEqual({ ok: false, code: "VISIT_ALREADY_RECORDED" });
    expect(
      checkVisitRecord(
        { ...planned, cancelledOn: "2027-04-12" },
        "2027-04-10",
        "2027-04-17",
        "2027-04-18",
      ),
    ).toEqual({ ok: false, code: "VISIT_CANCELLED" });
  });

  test("a return to care is recorded for a child who went home, once, on a real day", () => {
    const home = { returnedHomeOn: "2023-09-04", reEnteredCareOn: null };
    expect(checkReturnToCare(home, "2024-03-18", "2024-03-20")).toEqual({ ok: true });
    expect(checkReturnToCare(home, "2023-09-04", "2024-03-20")).toEqual({ ok: true });
    expect(
      checkReturnToCare({ ...home, returnedHomeOn: null }, "2024-03-18", "2024-03-20"),
    ).toEqual({
      ok: false,
      code: "NOT_RETURNED_HOME",
    });
    expect(
      checkReturnToCare({ ...home, reEnteredCareOn: "2024-03-18" }, "2024-03-19", "2024-03-20"),
    ).toEqual({ ok: false, code: "ALREADY_BACK_IN_CARE" });
    expect(checkReturnToCare(home, "2023-09-03", "2024-03-20")).toEqual({
      ok: false,
      code: "BEFORE_RETURN",
    });
    expect(checkReturnToCare(home, "2024-03-21", "2024-03-20")).toEqual({
      ok: false,
      code: "DATE_IN_FUTURE",
    });
  });
});

describe("which re-classifications after the return are done", () => {
  const due = ["2027-07-10", "2027-10-10", "2027-11-20"];

  test("a review on time counts; the next one is upcoming", () => {
    expect(reclassificationProgress(due, ["2027-07-08"], "2027-04-10", "2027-08-01")).toEqual([
      { date: "2027-07-10", state: "done" },
      { date: "2027-10-10", state: "upcoming" },
      { date: "2027-11-20", state: "upcoming" },
    ]);
  });

  test("a missing review is overdue the day after it was due", () => {
    expect(reclassificationProgress(due, [], "2027-04-10", "2027-07-11")[0]).toEqual({
      date: "2027-07-10",
      state: "overdue",
    });
    expect(reclassificationProgress(due, [], "2027-04-10", "2027-07-10")[0]?.state).toBe(
      "upcoming",
    );
  });

  test("a late review still counts for the one it was late for, not for the next", () => {
    expect(
      reclassificationProgress(due, ["2027-08-02"], "2027-04-10", "2027-10-11").map((r) => r.state),
    ).toEqual(["done", "overdue", "upcoming"]);
  });

  test("reviews before the return, or after today, do not count", () => {
    expect(
      reclassificationProgress(due, ["2027-04-01", "2027-07-09"], "2027-04-10", "2027-07-05").map(
        (r) => r.state,
      ),
    ).toEqual(["upcoming", "upcoming", "upcoming"]);
  });

  test("the last one is done by any later review", () => {
    expect(
      reclassificationProgress(
        due,
        ["2027-07-01", "2027-10-01", "2027-12-01"],
        "2027-04-10",
        "2027-12-05",
      ).map((r) => r.state),
    ).toEqual(["done", "done", "done"]);
  });
});
