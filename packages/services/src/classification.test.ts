import { demoIds, riskClassification, riskReview } from "@homeward/db";
import { databaseUnderTest } from "@homeward/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  agreeClassification,
  checkTimeRules,
  classificationInputSchema,
  openReview,
  ReviewRuleBroken,
  reviewFor,
  reviewsFor,
  submitClassification,
} from "./classification.ts";
import { AccessDenied, StaleWrite } from "./context.ts";
import { type SeededDatabase, seededDatabase } from "./testing.ts";

const { cases } = demoIds;
const high = {
  riskFactors: "not_addressed",
  protectiveFactors: true,
  capacityToChange: false,
} as const;
const medium = {
  riskFactors: "being_addressed",
  protectiveFactors: true,
  capacityToChange: true,
} as const;
const low = { riskFactors: "none", protectiveFactors: true, capacityToChange: true } as const;

describe("the time rules applied to a proposed classification", () => {
  it("refuses a step down before six months, naming the earliest step-down date", () => {
    const check = checkTimeRules([{ date: "2026-01-10", evidence: high }], "2026-03-10", medium);
    expect(check.requested).toBe("medium");
    expect(check.allowed).toBe("high");
    expect(check.problem).toEqual({
      code: "STEP_DOWN_TOO_SOON",
      earliestStepDown: "2026-09-10",
      improvingSince: "2026-03-10",
    });
  });

  it("steps down one level at a time, even when the evidence reads two levels better", () => {
    const check = checkTimeRules(
      [
        { date: "2026-01-10", evidence: high },
        { date: "2026-02-10", evidence: low },
      ],
      "2026-08-12",
      low,
    );
    expect(check.allowed).toBe("medium");
    expect(check.problem).toEqual({ code: "ONE_LEVEL_AT_A_TIME", previousLevel: "high" });
  });

  it("a high case with no change for six months is severe (no drift)", () => {
    const check = checkTimeRules([{ date: "2026-01-10", evidence: high }], "2026-07-20", high);
    expect(check.allowed).toBe("severe");
    expect(check.problem).toEqual({ code: "DRIFT_TO_SEVERE", driftedOn: "2026-07-10" });
  });

  it("has nothing to explain when the table's level is allowed", () => {
    expect(checkTimeRules([], "2026-01-10", medium).problem).toBeNull();
  });
});

describe(`independent dual classification on ${databaseUnderTest}`, () => {
  let seeded: SeededDatabase;
  let reviewId: string;
  beforeAll(async () => {
    seeded = await seededDatabase();
  });
  afterAll(() => seeded.handle.dispose());

  it("Sarah opens classification 1 on Mia's case; a co-worker may not open one", async () => {
    const sarah = seeded.as("socialWorker");
    ({ reviewId } = await openReview(sarah, cases.mia, {
      point: "classification_1",
      reviewDate: "2026-11-20",
    }));
    await expect(
      openReview(seeded.as("coWorker"), cases.mia, {
        point: "classification_1",
        reviewDate: "2026-11-20",
      }),
    ).rejects.toBeInstanceOf(AccessDenied);
    const list = await reviewsFor(sarah, cases.mia);
    expect(list.reviews).toMatchObject([{ reviewId, status: "open", submittedCount: 0 }]);
    expect(list.status).toBeNull();
  });

  it("keeps each classification blind until both are in", async () => {
    const input = classificationInputSchema.parse({
      riskFactors: "being_addressed",
      protectiveFactors: "yes",
      capacityToChange: "yes",
      rationale: "Leah is engaging with treatment.",
    });
    await submitClassification(seeded.as("socialWorker"), reviewId, input);
    const sarahView = await reviewFor(seeded.as("socialWorker"), reviewId);
    expect(sarahView.mine).toMatchObject({ level: "medium", byMe: true });
    expect(sarahView.theirs).toBeNull();
    const tomView = await reviewFor(seeded.as("coWorker"), reviewId);
    expect(tomView.mine).toBeNull();
    expect(tomView.theirs).toBeNull();
    expect(tomView.submittedCount).toBe(1);
    expect(JSON.stringify(tomView)).not.toContain("Leah is engaging");
    const priya = await reviewFor(seeded.as("teamManager"), reviewId);
    expect(JSON.stringify(priya)).not.toContain("Leah is engaging");
    expect(tomView.canSubmit).toBe(true);
    expect(tomView.canAgree).toBe(false);
  });

  it("once both are in, both see both and the inputs that differ", async () => {
    await submitClassification(seeded.as("coWorker"), reviewId, {
      riskFactors: "not_addressed",
      protectiveFactors: true,
      capacityToChange: false,
      rationale: "Nothing has changed at home yet.",
    });
    for (const account of ["socialWorker", "coWorker", "teamManager"] as const) {
      const view = await reviewFor(seeded.as(account), reviewId);
      expect(view.bothSubmitted).toBe(true);
      expect(view.comparison).toMatchObject({
        outcome: "confer",
        sameLevel: false,
        differingInputs: ["riskFactors", "capacityToChange"],
      });
      expect(JSON.stringify(view)).toContain("Leah is engaging");
      expect(JSON.stringify(view)).toContain("Nothing has changed");
    }
    const tom = await reviewFor(seeded.as("coWorker"), reviewId);
    expect(tom.mine?.level).toBe("high");
    expect(tom.theirs?.level).toBe("medium");
    expect(tom.status).toBe("conferring");
    // Changing one's own after seeing the other's would not be independent.
    await expect(
      submitClassification(seeded.as("coWorker"), reviewId, {
        ...medium,
        rationale: "changed my mind",
      }),
    ).rejects.toBeInstanceOf(ReviewRuleBroken);
  });

  it("records the agreed classification, keeping both submissions untouched; stale agreement refused", async () => {
    const sarah = seeded.as("socialWorker");
    const view = await reviewFor(sarah, reviewId);
    await expect(
      agreeClassification(sarah, reviewId, {
        evidence: high,
        rationale: "x",
        version: view.version - 1,
      }),
    ).rejects.toBeInstanceOf(StaleWrite);
    const result = await agreeClassification(sarah, reviewId, {
      evidence: high,
      rationale: "Agreed after conferring: Leah's treatment is too new to count as change.",
      version: view.version,
    });
    expect(result.timeRules.problem).toBeNull();
    expect(result.caseStatus).toMatchObject({ level: "high", since: "2026-11-20" });
    expect(result.caseStatus.driftDate).toBe("2027-05-20");
    const submissions = await seeded.handle.db
      .select()
      .from(riskClassification)
      .where(eq(riskClassification.reviewId, reviewId));
    expect(submissions.map((s) => s.level).sort()).toEqual(["high", "medium"]);
    const [row] = await seeded.handle.db
      .select()
      .from(riskReview)
      .where(eq(riskReview.id, reviewId));
    expect(row).toMatchObject({ status: "agreed", agreedLevel: "high" });
    await expect(
      agreeClassification(sarah, reviewId, {
        evidence: low,
        rationale: "x",
        version: row?.version ?? 0,
      }),
    ).rejects.toBeInstanceOf(ReviewRuleBroken);
  });

  it("explains why Tyler's severe case steps down one level only", async () => {
    const sarah = seeded.as("socialWorker");
    const { reviewId: tylerReview } = await openReview(sarah, cases.tyler, {
      point: "review",
      reviewDate: "2026-11-20",
    });
    await submitClassification(sarah, tylerReview, { ...low, rationale: "a" });
    await submitClassification(seeded.as("coWorker"), tylerReview, { ...low, rationale: "b" });
    const view = await reviewFor(seeded.as("coWorker"), tylerReview);
    expect(view.comparison).toMatchObject({ outcome: "agreed", level: "low" });
    // Severe since January; better evidence since then steps it down one level only.
    expect(view.mine?.timeRules).toMatchObject({
      requested: "low",
      allowed: "high",
      problem: { code: "ONE_LEVEL_AT_A_TIME", previousLevel: "severe" },
    });
  });

  it("refuses family members and agreement before both are in", async () => {
    await expect(reviewFor(seeded.as("parent"), reviewId)).rejects.toBeInstanceOf(AccessDenied);
    await expect(reviewsFor(seeded.as("parent"), cases.mia)).rejects.toBeInstanceOf(AccessDenied);
    const { reviewId: fresh } = await openReview(seeded.as("socialWorker"), cases.yasmin, {
      point: "review",
      reviewDate: "2026-11-21",
    });
    await expect(
      agreeClassification(seeded.as("socialWorker"), fresh, {
        evidence: low,
        rationale: "x",
        version: 1,
      }),
    ).rejects.toBeInstanceOf(ReviewRuleBroken);
    await expect(
      submitClassification(seeded.as("parent"), fresh, { ...low, rationale: "x" }),
    ).rejects.toBeInstanceOf(AccessDenied);
  });
});
