import { describe, expect, test } from "vitest";
import {
  acknowledgementStates,
  checkWorkingGoalStatus,
  ruleStatusOf,
  WORKING_GOAL_STATUSES,
} from "./agreement-builder.ts";
import type { Goal } from "./agreements.ts";

// A goal written with a mother whose low mood meant her daughter missed school.
const school: Goal = {
  id: "goal-1",
  addressesFactors: ["neglect"],
  changeNeeded: "Get Yasmin to school every day",
  measure: "School attendance each week",
  evidenceExpected: "Attendance above 95% for a whole term",
  dueDate: "2027-03-31",
  supportOffered: "School family worker; a morning routine plan",
  consequence: "The return home is put off and the plan is looked at again",
  status: "open",
  evidenceSeen: "",
};

describe("a goal's working status", () => {
  test("not started and in progress are open goals; the others are decided", () => {
    expect(WORKING_GOAL_STATUSES.map(ruleStatusOf)).toEqual([
      "open",
      "open",
      "achieved",
      "not_achieved",
    ]);
  });

  test("work can start, and an open goal can go back to not started", () => {
    expect(checkWorkingGoalStatus(school, "not_started", "in_progress", "2026-12-01")).toEqual({
      ok: true,
    });
    expect(checkWorkingGoalStatus(school, "in_progress", "not_started", "2026-12-01")).toEqual({
      ok: true,
    });
  });

  test("the same status again is refused", () => {
    for (const status of WORKING_GOAL_STATUSES) {
      expect(checkWorkingGoalStatus(school, status, status, "2026-12-01")).toEqual({
        ok: false,
        code: "SAME_STATUS",
      });
    }
  });

  test("a decided goal stays decided", () => {
    for (const to of ["not_started", "in_progress", "not_achieved"] as const) {
      expect(checkWorkingGoalStatus(school, "achieved", to, "2027-04-01")).toEqual({
        ok: false,
        code: "GOAL_ALREADY_DECIDED",
      });
    }
    expect(checkWorkingGoalStatus(school, "not_achieved", "achieved", "2027-04-01")).toEqual({
      ok: false,
      code: "GOAL_ALREADY_DECIDED",
    });
  });

  test("achieved needs the evidence actually seen", () => {
    expect(checkWorkingGoalStatus(school, "in_progress", "achieved", "2027-01-10")).toEqual({
      ok: false,
      code: "NO_EVIDENCE_RECORDED",
    });
    const seen = { ...school, evidenceSeen: "Autumn term attendance 97%" };
    expect(checkWorkingGoalStatus(seen, "in_progress", "achieved", "2027-01-10")).toEqual({
      ok: true,
    });
  });

  test("not achieved waits for the due date", () => {
    expect(checkWorkingGoalStatus(school, "in_progress", "not_achieved", "2027-03-30")).toEqual({
      ok: false,
      code: "NOT_YET_DUE",
    });
    expect(checkWorkingGoalStatus(school, "not_started", "not_achieved", "2027-03-31")).toEqual({
      ok: true,
    });
  });

  test("an incomplete goal cannot be decided", () => {
    const vague = { ...school, measure: "", evidenceSeen: "Attendance 97%" };
    expect(checkWorkingGoalStatus(vague, "in_progress", "achieved", "2027-01-10")).toEqual({
      ok: false,
      code: "GOAL_INCOMPLETE",
    });
  });
});

describe("who has confirmed which version", () => {
  test("each party: the current version, an earlier one, or none yet", () => {
    const states = acknowledgementStates(
      ["amira", "yasmin", "leah"],
      [
        { memberId: "amira", version: 2 },
        { memberId: "amira", version: 3 },
        { memberId: "yasmin", version: 2 },
        // Not a party (a helper's own row would never be written, but is ignored if present).
        { memberId: "someone-else", version: 3 },
      ],
      3,
    );
    expect(Object.fromEntries(states)).toEqual({
      amira: "current",
      yasmin: "earlier_version",
      leah: "not_yet",
    });
  });

  test("a changed agreement needs confirming again", () => {
    const before = acknowledgementStates(["amira"], [{ memberId: "amira", version: 4 }], 4);
    const after = acknowledgementStates(["amira"], [{ memberId: "amira", version: 4 }], 5);
    expect(before.get("amira")).toBe("current");
    expect(after.get("amira")).toBe("earlier_version");
  });

  test("no parties, no states", () => {
    expect(acknowledgementStates([], [{ memberId: "amira", version: 1 }], 1).size).toBe(0);
  });
});
