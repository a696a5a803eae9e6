import { describe, expect, test } from "vitest";
import {
  applyCorrection,
  checkChosenDeadline,
  checkFinalise,
  correctionClock,
  defaultReviewDeadline,
  extraTimeReasons,
  type FinaliseFacts,
  recipientDeadline,
  replyDecisionsFor,
} from "./record-review.ts";

const noNeeds = { learningDisability: false, easyRead: false, interpreterNeeded: false };

describe("how long a family member has to check an entry", () => {
  test("two weeks by default", () => {
    expect(defaultReviewDeadline("2026-11-20")).toBe("2026-12-04");
    expect(recipientDeadline("2026-11-20", null, noNeeds)).toEqual({
      deadline: "2026-12-04",
      reasons: [],
    });
  });

  test("Kerry, who has a learning disability and reads easy-read, gets two weeks more", () => {
    const kerry = { learningDisability: true, easyRead: true, interpreterNeeded: false };
    expect(recipientDeadline("2026-11-20", null, kerry)).toEqual({
      deadline: "2026-12-18",
      reasons: ["LEARNING_DISABILITY", "EASY_READ"],
    });
  });

  test("Amira, who reads with an interpreter, gets two weeks more", () => {
    const amira = { ...noNeeds, interpreterNeeded: true };
    expect(recipientDeadline("2026-11-20", null, amira).deadline).toBe("2026-12-18");
    expect(extraTimeReasons(amira)).toEqual(["INTERPRETER"]);
  });

  test("each need on its own earns the extra time, and the time is added once", () => {
    for (const need of ["learningDisability", "easyRead", "interpreterNeeded"] as const) {
      const needs = { ...noNeeds, [need]: true };
      expect(recipientDeadline("2026-11-20", null, needs).deadline).toBe("2026-12-18");
    }
    const all = { learningDisability: true, easyRead: true, interpreterNeeded: true };
    expect(recipientDeadline("2026-11-20", null, all).deadline).toBe("2026-12-18");
  });

  test("a chosen deadline is kept, and extended for a person who needs more time", () => {
    expect(recipientDeadline("2026-11-20", "2026-12-11", noNeeds).deadline).toBe("2026-12-11");
    expect(
      recipientDeadline("2026-11-20", "2026-12-11", { ...noNeeds, easyRead: true }).deadline,
    ).toBe("2026-12-25");
  });

  test("a chosen deadline must leave at least a week", () => {
    expect(checkChosenDeadline("2026-11-20", "2026-11-26")).toEqual({
      ok: false,
      code: "DEADLINE_TOO_SOON",
    });
    expect(checkChosenDeadline("2026-11-20", "2026-11-19")).toEqual({
      ok: false,
      code: "DEADLINE_TOO_SOON",
    });
    expect(checkChosenDeadline("2026-11-20", "2026-11-27")).toEqual({ ok: true });
  });
});

describe("answering a correction request within one month", () => {
  test("received on 26 November, it must be answered by 26 December", () => {
    expect(correctionClock("2026-11-26", "2026-11-26", false)).toEqual({
      answerBy: "2026-12-26",
      overdue: false,
      daysLeft: 30,
    });
  });

  test("the last day is still in time; the day after is overdue", () => {
    expect(correctionClock("2026-11-26", "2026-12-26", false)).toMatchObject({
      overdue: false,
      daysLeft: 0,
    });
    expect(correctionClock("2026-11-26", "2026-12-27", false)).toMatchObject({
      overdue: true,
      daysLeft: -1,
    });
  });

  test("a calendar month: 31 January is answered by the end of February", () => {
    expect(correctionClock("2027-01-31", "2027-02-01", false).answerBy).toBe("2027-02-28");
    expect(correctionClock("2028-01-31", "2028-02-01", false).answerBy).toBe("2028-02-29");
  });

  test("an answered request is never overdue", () => {
    expect(correctionClock("2026-09-01", "2026-12-27", true)).toEqual({
      answerBy: "2026-10-01",
      overdue: false,
      daysLeft: null,
    });
  });
});

describe("when an entry can be finalised", () => {
  const shared: FinaliseFacts = {
    today: "2026-12-05",
    status: "shared_for_review",
    recipients: [{ deadline: "2026-12-04", responded: false }],
    waitingForReply: 0,
  };

  test("after the reply-by date has passed with no response", () => {
    expect(checkFinalise(shared)).toEqual({ ok: true });
  });

  test("not while the person still has time to read it and has not answered", () => {
    expect(checkFinalise({ ...shared, today: "2026-12-04" })).toEqual({
      ok: false,
      code: "REVIEW_WINDOW_OPEN",
    });
  });

  test("early, once everyone it was shared with has answered", () => {
    expect(
      checkFinalise({
        ...shared,
        today: "2026-11-27",
        recipients: [
          { deadline: "2026-12-04", responded: true },
          { deadline: "2026-12-18", responded: true },
        ],
      }),
    ).toEqual({ ok: true });
  });

  test("not while a response is waiting for a reply", () => {
    expect(checkFinalise({ ...shared, waitingForReply: 1 })).toEqual({
      ok: false,
      code: "RESPONSES_WAITING",
    });
  });

  test("not a draft, nor an entry already final, nor one shared with nobody", () => {
    expect(checkFinalise({ ...shared, status: "draft" })).toEqual({
      ok: false,
      code: "NOT_SHARED",
    });
    expect(checkFinalise({ ...shared, status: "finalised" })).toEqual({
      ok: false,
      code: "NOT_SHARED",
    });
    expect(checkFinalise({ ...shared, recipients: [] })).toEqual({
      ok: false,
      code: "NOT_SHARED",
    });
  });
});

describe("replying to a family member's response", () => {
  test("a correction or a disagreement can be accepted, declined or noted", () => {
    expect(replyDecisionsFor("correction")).toEqual(["accept", "decline", "note"]);
    expect(replyDecisionsFor("disagreement")).toEqual(["accept", "decline", "note"]);
  });

  test("a comment changes no text, so it is noted or declined", () => {
    expect(replyDecisionsFor("comment")).toEqual(["note", "decline"]);
  });

  test("accepting puts the proposed wording in place of the quoted passage", () => {
    expect(
      applyCorrection(
        "Leah missed three contact sessions in October.",
        "three contact sessions",
        "one contact session (the bus was cancelled)",
      ),
    ).toEqual({
      text: "Leah missed one contact session (the bus was cancelled) in October.",
      applied: true,
    });
  });

  test("the text is left alone when the passage is missing, repeated or not given", () => {
    const body = "Leah was late. Leah was late again.";
    expect(applyCorrection(body, "Leah was late", "Leah was on time")).toEqual({
      text: body,
      applied: false,
    });
    expect(applyCorrection(body, "Daniel", "Leah")).toEqual({ text: body, applied: false });
    expect(applyCorrection(body, null, "Leah was on time")).toEqual({ text: body, applied: false });
    expect(applyCorrection(body, "Leah was late again", "")).toEqual({
      text: body,
      applied: false,
    });
  });
});
