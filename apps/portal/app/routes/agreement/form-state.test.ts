import { describe, expect, it } from "vitest";
import { type Failure, failureOf, summaryErrorsOf } from "./form-state.ts";

const progressOnGoal2: Failure = {
  intent: "progress",
  target: "goal-2",
  errors: { note: "agreement:errors.note" },
  values: { note: "", evidence: "A letter" },
};

describe("which form a failed post belongs to", () => {
  it("is the form with the same intent and target", () => {
    expect(failureOf(progressOnGoal2, "progress", "goal-2")).toBe(progressOnGoal2);
  });

  it("is not another goal's form, though it has the same fields", () => {
    expect(failureOf(progressOnGoal2, "progress", "goal-1")).toBeUndefined();
  });

  it("is not a form of another kind with the same target", () => {
    expect(failureOf(progressOnGoal2, "flag", "goal-2")).toBeUndefined();
  });

  it("is no form when nothing failed, or the post had no intent", () => {
    expect(failureOf(undefined, "acknowledge", "agreement-1")).toBeUndefined();
    expect(
      failureOf({ intent: null, target: "", formError: "x" }, "acknowledge", ""),
    ).toBeUndefined();
  });
});

describe("the error summary's links", () => {
  it("point at the failed form's own field, by name and target", () => {
    expect(summaryErrorsOf({ note: "Write what you have done so far." }, progressOnGoal2)).toEqual({
      "note-goal-2": "Write what you have done so far.",
    });
  });

  it("are none when no field failed", () => {
    expect(summaryErrorsOf(undefined, progressOnGoal2)).toBeUndefined();
  });
});
