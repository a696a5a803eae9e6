import { describe, expect, test } from "vitest";
import { checkAgreementEnd, checkReviewDateRemoval } from "./agreement-ending.ts";

const shared = { status: "published" as const, sharedOn: "2026-06-01" };
const end = { on: "2026-11-20", reason: "Yasmin has been home six months; the plan takes over." };

describe("ending an agreement", () => {
  test("a shared agreement ends with a reason, on a day that has come", () => {
    expect(checkAgreementEnd(shared, end, "2026-11-26")).toEqual({ ok: true });
    expect(checkAgreementEnd(shared, { ...end, on: "2026-11-26" }, "2026-11-26").ok).toBe(true);
    expect(checkAgreementEnd(shared, { ...end, on: "2026-06-01" }, "2026-11-26").ok).toBe(true);
  });
  test("a draft was never the family's: it cannot be ended", () => {
    expect(checkAgreementEnd({ status: "draft", sharedOn: null }, end, "2026-11-26")).toEqual({
      ok: false,
      code: "NOT_SHARED_YET",
    });
  });
  test("an ended agreement ends once", () => {
    expect(checkAgreementEnd({ ...shared, status: "ended" }, end, "2026-11-26")).toEqual({
      ok: false,
      code: "ALREADY_ENDED",
    });
  });
  test("the reason is required, the family reads it", () => {
    expect(checkAgreementEnd(shared, { ...end, reason: "   " }, "2026-11-26")).toEqual({
      ok: false,
      code: "NO_REASON",
    });
  });
  test("not in the future, not before it was shared", () => {
    expect(checkAgreementEnd(shared, { ...end, on: "2026-11-27" }, "2026-11-26")).toEqual({
      ok: false,
      code: "END_DATE_IN_FUTURE",
    });
    expect(checkAgreementEnd(shared, { ...end, on: "2026-05-31" }, "2026-11-26")).toEqual({
      ok: false,
      code: "END_BEFORE_SHARED",
    });
  });
});

describe("removing a review date added by mistake", () => {
  const dates = [{ id: "r1" }, { id: "r2" }];
  const review = { id: "r2", heldOn: null, removed: false };
  test("a date still to come is taken off while another remains", () => {
    expect(checkReviewDateRemoval({ status: "published", reviewDates: dates }, review)).toEqual({
      ok: true,
    });
  });
  test("a draft may lose its only date; a shared agreement may not", () => {
    const only = [{ id: "r2" }];
    expect(checkReviewDateRemoval({ status: "draft", reviewDates: only }, review).ok).toBe(true);
    expect(checkReviewDateRemoval({ status: "published", reviewDates: only }, review)).toEqual({
      ok: false,
      code: "LAST_REVIEW_DATE",
    });
  });
  test("a review that was held, or already removed, stays as it is", () => {
    expect(
      checkReviewDateRemoval(
        { status: "published", reviewDates: dates },
        { ...review, heldOn: "2026-10-01" },
      ),
    ).toEqual({ ok: false, code: "REVIEW_ALREADY_HELD" });
    expect(
      checkReviewDateRemoval(
        { status: "published", reviewDates: [{ id: "r1" }] },
        { ...review, removed: true },
      ),
    ).toEqual({ ok: false, code: "REVIEW_ALREADY_REMOVED" });
  });
  test("nothing changes in an ended agreement", () => {
    expect(checkReviewDateRemoval({ status: "ended", reviewDates: dates }, review)).toEqual({
      ok: false,
      code: "AGREEMENT_ENDED",
    });
  });
});
