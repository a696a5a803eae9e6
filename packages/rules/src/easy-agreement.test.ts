import { describe, expect, it } from "vitest";
import type { GoalProgress } from "./agreements.ts";
import {
  EASY_AGREEMENT_DUE_WITHIN_DAYS,
  type EasyAgreementFacts,
  easyAgreementSteps,
} from "./easy-agreement.ts";

const today = "2026-11-26";

const goal = (number: number, dueDate: string, progress: GoalProgress = "open") => ({
  goalId: `goal-${number}`,
  number,
  dueDate,
  progress,
});

const agreement = (over: Partial<EasyAgreementFacts> = {}): EasyAgreementFacts => ({
  status: "published",
  canRespond: true,
  acknowledgement: { current: true, lastAt: "2026-11-01T10:00:00Z" },
  goals: [],
  ...over,
});

describe("what the easy-read agreement asks Kerry to do first", () => {
  it("asks her to read it and say so when she never has", () => {
    const steps = easyAgreementSteps(
      agreement({ acknowledgement: { current: false, lastAt: null } }),
      today,
    );
    expect(steps).toEqual([{ kind: "read" }]);
  });

  it("asks her to read it again when it changed after she said she had read it", () => {
    const steps = easyAgreementSteps(
      agreement({ acknowledgement: { current: false, lastAt: "2026-10-01T09:00:00Z" } }),
      today,
    );
    expect(steps).toEqual([{ kind: "readAgain" }]);
  });

  it("does not ask someone who cannot confirm it (an interpreter) to confirm it", () => {
    const steps = easyAgreementSteps(
      agreement({ canRespond: false, acknowledgement: { current: false, lastAt: null } }),
      today,
    );
    expect(steps).toEqual([]);
  });

  it("says there is nothing to do when it is read and no goal is late or near", () => {
    const steps = easyAgreementSteps(agreement({ goals: [goal(1, "2027-03-01")] }), today);
    expect(steps).toEqual([]);
  });

  it("puts reading first, then late goals oldest first, then goals coming up soonest first", () => {
    const steps = easyAgreementSteps(
      agreement({
        acknowledgement: { current: false, lastAt: null },
        goals: [
          goal(1, "2026-12-20"),
          goal(2, "2026-11-20", "overdue"),
          goal(3, "2026-12-01"),
          goal(4, "2026-10-31", "overdue"),
        ],
      }),
      today,
    );
    expect(steps.map((s) => ("number" in s ? `${s.kind} ${s.number}` : s.kind))).toEqual([
      "read",
      "goalLate 4",
      "goalLate 2",
      "goalSoon 3",
      "goalSoon 1",
    ]);
  });

  it("keeps goal order by number when two are due the same day", () => {
    const steps = easyAgreementSteps(
      agreement({ goals: [goal(2, "2026-12-01"), goal(1, "2026-12-01")] }),
      today,
    );
    expect(steps).toEqual([
      { kind: "goalSoon", goalId: "goal-1", number: 1, dueDate: "2026-12-01" },
      { kind: "goalSoon", goalId: "goal-2", number: 2, dueDate: "2026-12-01" },
    ]);
  });

  it("counts a goal due exactly four weeks away as coming up, and one a day later as not", () => {
    expect(EASY_AGREEMENT_DUE_WITHIN_DAYS).toBe(28);
    const steps = easyAgreementSteps(
      agreement({ goals: [goal(1, "2026-12-24"), goal(2, "2026-12-25")] }),
      today,
    );
    expect(steps).toEqual([
      { kind: "goalSoon", goalId: "goal-1", number: 1, dueDate: "2026-12-24" },
    ]);
  });

  it("counts a goal due today as coming up, not late", () => {
    const steps = easyAgreementSteps(agreement({ goals: [goal(1, today)] }), today);
    expect(steps).toEqual([{ kind: "goalSoon", goalId: "goal-1", number: 1, dueDate: today }]);
  });

  it("leaves out goals already decided, achieved or not", () => {
    const steps = easyAgreementSteps(
      agreement({
        goals: [goal(1, "2026-11-01", "achieved"), goal(2, "2026-11-30", "not_achieved")],
      }),
      today,
    );
    expect(steps).toEqual([]);
  });

  it("asks nothing more once the agreement has ended", () => {
    const steps = easyAgreementSteps(
      agreement({
        status: "ended",
        acknowledgement: { current: false, lastAt: null },
        goals: [goal(1, "2026-11-01", "overdue")],
      }),
      today,
    );
    expect(steps).toEqual([]);
  });
});
