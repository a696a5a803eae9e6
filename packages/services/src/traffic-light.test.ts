import { auditEvent, caseMember, demoIds, riskReview } from "@homeward/db";
import { databaseUnderTest } from "@homeward/db/testing";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDenied } from "./context.ts";
import { type SeededDatabase, seededDatabase } from "./testing.ts";
import { trafficLightFor } from "./traffic-light.ts";

const { cases, riskReviews } = demoIds;
const friday = new Date("2026-11-27T09:00:00Z");

describe(`the traffic light, explained, on ${databaseUnderTest}`, () => {
  let seeded: SeededDatabase;
  beforeAll(async () => {
    seeded = await seededDatabase();
    await seeded.handle.db
      .update(caseMember)
      .set({ activeFrom: new Date("2025-01-01T00:00:00Z") })
      .where(isNull(caseMember.consentRecordedAt));
  });
  afterAll(() => seeded.handle.dispose());

  it("gives Amira the agreed level from every agreed review, the reasons and what would move it down", async () => {
    const light = await trafficLightFor(seeded.as("arabicParent", { now: friday }), cases.yasmin);
    expect(light).toMatchObject({
      decided: true,
      childFirstName: "Yasmin",
      forYoungPerson: false,
      level: "medium",
      // High on entry; better evidence from November 2025, held six months: medium in May.
      since: "2026-05-11",
      reunificationPossible: true,
      decision: "reunification_can_be_considered",
      heldBack: null,
      nextLevel: "low",
      needed: ["ADDRESS_ALL_RISK_FACTORS"],
      earliestStepDown: null,
      stepDownDue: false,
      // Not improving on from medium yet: six months from the day the change begins.
      earliestIfChangeStartsNow: "2027-05-27",
      driftDate: null,
      sustainMonths: 6,
      reasonsDate: "2026-05-11",
      reasons: expect.stringContaining("Six months of sustained engagement"),
    });
    if (!light.decided) throw new Error("expected a decided traffic light");
    // Positives as well as what is still needed.
    expect(light.findings).toEqual([
      { code: "RISK_FACTORS_BEING_ADDRESSED", positive: true },
      { code: "PROTECTIVE_FACTORS_PRESENT", positive: true },
      { code: "CAPACITY_TO_CHANGE_SHOWN", positive: true },
    ]);
    // The worries named in her own agreement's goals.
    expect(light.riskFactors.sort()).toEqual(
      ["neglect", "parental_mental_health_difficulties", "social_isolation"].sort(),
    );
  });

  it("never carries either practitioner's own classification or the factor notes", async () => {
    const page = JSON.stringify(
      await trafficLightFor(seeded.as("arabicParent", { now: friday }), cases.yasmin),
    );
    for (const secret of [
      "too early to call it demonstrated change", // the social worker's own rationale
      "capacity is there", // the co-worker's
      "Change has held since November",
      "Depression after fleeing Syria", // a factor note
      "CMHT review letter",
      "classification-yasmin",
    ]) {
      expect(page).not.toContain(secret);
    }
  });

  it("gives Yasmin the young person's version, without her mum's agreement", async () => {
    const light = await trafficLightFor(seeded.as("youngPerson", { now: friday }), cases.yasmin);
    expect(light).toMatchObject({ decided: true, forYoungPerson: true, level: "medium" });
    if (!light.decided) throw new Error("expected a decided traffic light");
    expect(light.riskFactors).toEqual([]);
  });

  it("explains Tyler's severe level, and that the next review could move it down", async () => {
    const light = await trafficLightFor(seeded.as("ldParent", { now: friday }), cases.tyler);
    expect(light).toMatchObject({
      decided: true,
      level: "severe",
      // High from July 2025, not addressed for six months: severe by drift in January.
      since: "2026-01-14",
      // The January review's evidence reads high (Kerry's warmth and Pat's support are
      // protective): better than severe, held since then, so a review can now step it down.
      heldBack: "CHANGE_NOT_YET_SUSTAINED",
      earliestStepDown: "2026-07-19",
      stepDownDue: true,
      earliestIfChangeStartsNow: null,
      decision: "permanence_away_from_home",
      needed: ["START_ADDRESSING_RISK_FACTORS"],
      reunificationPossible: false,
    });
    // Kerry's advocate reads the same page, on her behalf.
    const forRuth = await trafficLightFor(seeded.as("advocate", { now: friday }), cases.tyler);
    expect(forRuth).toMatchObject({ decided: true, level: "severe" });
  });

  it("says a light not yet agreed is not decided, and ignores reviews still being conferred on", async () => {
    expect(await trafficLightFor(seeded.as("parent", { now: friday }), cases.mia)).toEqual({
      caseId: cases.mia,
      childFirstName: "Mia",
      forYoungPerson: false,
      decided: false,
    });
    const db = seeded.handle.db;
    await db.insert(riskReview).values({
      id: "review-mia-conferring",
      caseId: cases.mia,
      reviewDate: "2026-11-20",
      point: "classification_1",
      status: "conferring",
      agreedRiskFactors: "not_addressed",
      agreedProtectiveFactors: false,
      agreedCapacityToChange: false,
      agreedLevel: "severe",
      agreedRationale: "Not agreed yet",
    });
    try {
      const light = await trafficLightFor(seeded.as("parent", { now: friday }), cases.mia);
      expect(light.decided).toBe(false);
      expect(JSON.stringify(light)).not.toContain("Not agreed yet");
    } finally {
      await db.delete(riskReview).where(eq(riskReview.id, "review-mia-conferring"));
    }
  });

  it("refuses Leah another family's traffic light, and audits the refusal", async () => {
    await expect(
      trafficLightFor(seeded.as("parent", { now: friday }), cases.yasmin),
    ).rejects.toBeInstanceOf(AccessDenied);
    const denials = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.caseId, cases.yasmin), eq(auditEvent.outcome, "denied")));
    expect(denials.at(-1)).toMatchObject({ actorUserId: seeded.users.parent, action: "read" });
  });

  it("audits the read, naming the latest agreed review", async () => {
    await trafficLightFor(seeded.as("youngPerson", { now: friday }), cases.yasmin);
    const reads = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.resourceType, "traffic_light"),
          eq(auditEvent.actorUserId, seeded.users.youngPerson),
        ),
      );
    expect(reads.at(-1)).toMatchObject({
      resourceId: riskReviews.yasminClassification2,
      caseId: cases.yasmin,
      outcome: "allowed",
    });
  });
});
