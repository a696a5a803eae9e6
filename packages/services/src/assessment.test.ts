import { auditEvent, authority, demoIds, staffMembership, team, user } from "@homeward/db";
import { databaseUnderTest } from "@homeward/db/testing";
import { FACTOR_IDS } from "@homeward/rules";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addCapacityEvidence,
  deriveEvidence,
  factorInputSchema,
  factorsFor,
  saveFactor,
} from "./assessment.ts";
import { AccessDenied, type ServiceContext, StaleWrite } from "./context.ts";
import { type SeededDatabase, seededDatabase } from "./testing.ts";

const { cases } = demoIds;
const at = (iso: string) => new Date(iso);

/** A practitioner of another authority: never sees this authority's cases. */
async function addOutsider(seeded: SeededDatabase): Promise<ServiceContext> {
  const db = seeded.handle.db;
  await db.insert(user).values({
    id: "user-outsider",
    name: "Olu Tsider",
    email: "outsider@elsewhere.example",
    kind: "practitioner",
  });
  await db.insert(authority).values({ id: "authority-other", name: "Other Council" });
  await db.insert(team).values({ id: "team-other", authorityId: "authority-other", name: "Other" });
  await db
    .insert(staffMembership)
    .values({ userId: "user-outsider", teamId: "team-other", role: "social_worker" });
  return { ...seeded.as("socialWorker"), userId: "user-outsider" };
}

describe("deriving the table's evidence from the assessment", () => {
  it("reads nothing assessed as no factors at all, and says it is not assessed yet", () => {
    const derived = deriveEvidence([], []);
    expect(derived.assessed).toBe(false);
    expect(derived.evidence).toEqual({
      riskFactors: "none",
      protectiveFactors: false,
      capacityToChange: false,
    });
  });

  it("worries with evidence of change are being addressed; strengths are protective", () => {
    const derived = deriveEvidence(
      [
        { factorId: "neglect", present: true },
        { factorId: "willingness_to_engage", present: true },
        { factorId: "substance_misuse", present: false },
      ],
      [{ id: "c1", demonstratesChange: true, createdAt: at("2026-06-01T00:00:00Z") }],
    );
    expect(derived.evidence).toEqual({
      riskFactors: "being_addressed",
      protectiveFactors: true,
      capacityToChange: true,
    });
    expect(derived.level).toBe("medium");
    expect(derived.reasons.riskFactors).toMatchObject({
      code: "RISK_FACTORS_WITH_CHANGE",
      factorIds: ["neglect"],
      capacityIds: ["c1"],
    });
    expect(derived.reasons.protectiveFactors.factorIds).toEqual(["willingness_to_engage"]);
  });

  it("a later setback outweighs an earlier success: no capacity shown, worries not addressed only without any change", () => {
    const derived = deriveEvidence(
      [{ factorId: "neglect", present: true }],
      [
        { id: "later", demonstratesChange: false, createdAt: at("2026-08-01T00:00:00Z") },
        { id: "earlier", demonstratesChange: true, createdAt: at("2026-06-01T00:00:00Z") },
      ],
    );
    expect(derived.reasons.capacityToChange).toMatchObject({
      value: false,
      code: "LATEST_SHOWS_NO_CHANGE",
      forIds: ["earlier"],
      againstIds: ["later"],
    });
    const none = deriveEvidence(
      [{ factorId: "neglect", present: true }],
      [{ id: "x", demonstratesChange: false, createdAt: at("2026-08-01T00:00:00Z") }],
    );
    expect(none.evidence.riskFactors).toBe("not_addressed");
    expect(none.reasons.capacityToChange.code).toBe("NO_CHANGE_SHOWN");
  });
});

describe(`factors and capacity to change on ${databaseUnderTest}`, () => {
  let seeded: SeededDatabase;
  let outsider: ServiceContext;
  beforeAll(async () => {
    seeded = await seededDatabase();
    outsider = await addOutsider(seeded);
  });
  afterAll(() => seeded.handle.dispose());

  it("shows the whole catalogue with Yasmin's assessment, and derives medium from it", async () => {
    const view = await factorsFor(seeded.as("socialWorker"), cases.yasmin);
    const all = view.domains.flatMap((d) => [...d.raises, ...d.lowers]);
    expect(all.map((f) => f.factorId).sort()).toEqual([...FACTOR_IDS].sort());
    expect(all.find((f) => f.factorId === "neglect")).toMatchObject({
      present: true,
      labelKey: "rules:factors.neglect",
      version: 1,
    });
    expect(view.capacity).toHaveLength(2);
    expect(view.derived.evidence).toEqual({
      riskFactors: "being_addressed",
      protectiveFactors: true,
      capacityToChange: true,
    });
    expect(view.canEdit).toBe(true);
  });

  it("derives Tyler's not addressed, no capacity", async () => {
    const view = await factorsFor(seeded.as("coWorker"), cases.tyler);
    expect(view.derived.evidence).toEqual({
      riskFactors: "not_addressed",
      protectiveFactors: true,
      capacityToChange: false,
    });
    expect(view.derived.level).toBe("high");
  });

  it("refuses families (even on their own case) and another authority's practitioner, audited", async () => {
    await expect(factorsFor(seeded.as("arabicParent"), cases.yasmin)).rejects.toBeInstanceOf(
      AccessDenied,
    );
    await expect(factorsFor(outsider, cases.yasmin)).rejects.toBeInstanceOf(AccessDenied);
    const denied = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.actorUserId, "user-outsider"), eq(auditEvent.outcome, "denied")));
    expect(denied[0]).toMatchObject({ resourceType: "factor_assessment", caseId: cases.yasmin });
  });

  it("saves a factor, then refuses a stale second save rather than overwrite it", async () => {
    const sarah = seeded.as("socialWorker");
    const input = factorInputSchema.parse({
      factorId: "parental_mental_health_difficulties",
      present: "yes",
      notes: "Leah in hospital since September",
    });
    const first = await saveFactor(sarah, cases.mia, input.factorId, input);
    expect(first.version).toBe(1);
    const second = await saveFactor(seeded.as("coWorker"), cases.mia, input.factorId, {
      ...input,
      evidence: "Ward discharge plan",
      version: 1,
    });
    expect(second.version).toBe(2);
    await expect(
      saveFactor(sarah, cases.mia, input.factorId, { ...input, notes: "mine", version: 1 }),
    ).rejects.toBeInstanceOf(StaleWrite);
    const view = await factorsFor(sarah, cases.mia);
    const saved = view.domains.flatMap((d) => d.raises).find((f) => f.factorId === input.factorId);
    expect(saved).toMatchObject({ notes: "Leah in hospital since September", version: 2 });
    const audit = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(
        and(eq(auditEvent.resourceType, "factor_assessment"), eq(auditEvent.action, "create")),
      );
    expect(audit.length).toBeGreaterThan(0);
  });

  it("does not let a team manager or a family member assess factors", async () => {
    const input = { present: "no" as const, notes: "", evidence: "" };
    await expect(
      saveFactor(seeded.as("teamManager"), cases.mia, "neglect", input),
    ).rejects.toBeInstanceOf(AccessDenied);
    await expect(
      saveFactor(seeded.as("parent"), cases.mia, "neglect", input),
    ).rejects.toBeInstanceOf(AccessDenied);
  });

  it("adds capacity evidence, which changes the derived evidence", async () => {
    const sarah = seeded.as("socialWorker");
    await saveFactor(sarah, cases.mia, "willingness_to_engage", {
      present: "yes",
      notes: "",
      evidence: "",
    });
    await addCapacityEvidence(sarah, cases.mia, {
      personId: demoIds.people.leah,
      summary: "Leah has kept every contact visit from the ward",
      evidence: "Contact log",
      demonstratesChange: "yes",
    });
    const view = await factorsFor(sarah, cases.mia);
    expect(view.capacity.at(-1)).toMatchObject({ personName: "Leah Morgan" });
    expect(view.derived.evidence).toEqual({
      riskFactors: "being_addressed",
      protectiveFactors: true,
      capacityToChange: true,
    });
    await expect(
      addCapacityEvidence(seeded.as("parent"), cases.mia, {
        personId: "",
        summary: "x",
        evidence: "",
        demonstratesChange: "yes",
      }),
    ).rejects.toBeInstanceOf(AccessDenied);
  });
});
