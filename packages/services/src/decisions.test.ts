import { auditEvent, demoIds } from "@homeward/db";
import { databaseUnderTest } from "@homeward/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDenied, NotFound, StaleWrite } from "./context.ts";
import {
  decisionInputSchema,
  decisionsFor,
  familyPreview,
  recordDecision,
  signOffDecision,
} from "./decisions.ts";
import { type SeededDatabase, seededDatabase } from "./testing.ts";
import { trafficLightFor } from "./traffic-light.ts";

const { cases, decisions, members } = demoIds;
const now = new Date("2026-11-26T12:00:00Z");

describe(`decisions on ${databaseUnderTest}`, () => {
  let seeded: SeededDatabase;
  beforeAll(async () => {
    seeded = await seededDatabase();
  });
  afterAll(() => seeded.handle.dispose());

  it("lists Mia's decisions with their sign-off, and whose preview can be shown in which language", async () => {
    const view = await decisionsFor(seeded.as("socialWorker"), cases.mia);
    expect(view.decisions).toMatchObject([
      { id: decisions.mia1, point: "decision_1", signedOffByName: "Priya Shah", canSignOff: false },
    ]);
    expect(view.canRecord).toBe(true);
    expect(view.familyMembers.map((m) => [m.name, m.language])).toEqual([
      ["Daniel Morgan", "en"],
      ["Leah Morgan", "en"],
    ]);
    const yasmin = await decisionsFor(seeded.as("coWorker"), cases.yasmin);
    expect(yasmin.familyMembers.find((m) => m.memberId === members.yasminAmira)?.language).toBe(
      "ar",
    );
    expect(yasmin.canRecord).toBe(false);
  });

  it("Sarah records Decision 2; only a team manager signs it off, once", async () => {
    const input = decisionInputSchema.parse({
      point: "decision_2",
      outcome: "Return home not possible yet",
      reasons: "Risk classification 1 agreed high.",
      familyExplanation: "Mia cannot come home yet. Leah, you have started treatment.",
    });
    const { decisionId } = await recordDecision(seeded.as("socialWorker"), cases.mia, input);
    await expect(recordDecision(seeded.as("coWorker"), cases.mia, input)).rejects.toBeInstanceOf(
      AccessDenied,
    );
    await expect(signOffDecision(seeded.as("socialWorker"), decisionId, 1)).rejects.toBeInstanceOf(
      AccessDenied,
    );
    await expect(signOffDecision(seeded.as("coWorker"), decisionId, 1)).rejects.toBeInstanceOf(
      AccessDenied,
    );
    const priya = seeded.as("teamManager");
    const before = await decisionsFor(priya, cases.mia);
    expect(before.decisions.find((d) => d.id === decisionId)?.canSignOff).toBe(true);
    await signOffDecision(priya, decisionId, 1);
    await expect(signOffDecision(priya, decisionId, 1)).rejects.toBeInstanceOf(StaleWrite);
    const after = await decisionsFor(priya, cases.mia);
    expect(after.decisions.find((d) => d.id === decisionId)).toMatchObject({
      signedOffByName: "Priya Shah",
      canSignOff: false,
      decidedByName: "Sarah Okafor",
    });
  });

  it("rejects a decision without a family explanation", () => {
    const parsed = decisionInputSchema.safeParse({
      point: "decision_2",
      outcome: "x",
      reasons: "y",
      familyExplanation: " ",
    });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.message).toBe("decisions:errors.familyExplanation");
  });

  it("previews exactly the portal's traffic light for Amira, in Arabic, without auditing a read by her", async () => {
    const sarah = seeded.as("socialWorker", { now });
    const preview = await familyPreview(sarah, decisions.yasmin2, members.yasminAmira);
    expect(preview.member).toMatchObject({ name: "Amira Haddad", language: "ar" });
    expect(preview.familyExplanation).toContain("Amira, you have started treatment");
    const portal = await trafficLightFor(seeded.as("arabicParent", { now }), cases.yasmin);
    expect(preview.light).toEqual(portal);
    expect(preview.light).toMatchObject({ decided: true, level: "medium" });
    const amiraReads = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.actorUserId, seeded.users.arabicParent),
          eq(auditEvent.resourceType, "traffic_light"),
        ),
      );
    expect(amiraReads).toHaveLength(1); // the portal read above, not the preview
    const previews = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.actorUserId, seeded.users.socialWorker),
          eq(auditEvent.resourceType, "family_preview"),
        ),
      );
    expect(previews).toHaveLength(1);
  });

  it("shows an undecided light for Mia's family, and refuses a member of another case", async () => {
    const preview = await familyPreview(seeded.as("socialWorker"), decisions.mia1, members.miaLeah);
    expect(preview.light).toMatchObject({ decided: false, childFirstName: "Mia" });
    await expect(
      familyPreview(seeded.as("socialWorker"), decisions.mia1, members.yasminAmira),
    ).rejects.toBeInstanceOf(NotFound);
  });

  it("never gives the practitioner view to a family member", async () => {
    await expect(decisionsFor(seeded.as("parent"), cases.mia)).rejects.toBeInstanceOf(AccessDenied);
    await expect(
      familyPreview(seeded.as("parent"), decisions.mia1, members.miaLeah),
    ).rejects.toBeInstanceOf(AccessDenied);
  });
});
