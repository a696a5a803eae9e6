// The authorisation matrix for host systems: every resource type × every action, asked of
// the one policy with facts loaded from the seeded demo (as authorization-matrix.test.ts
// does for people). Letters: r read, c create, u update, s share, f finalise, x respond.
import {
  type Action,
  actions,
  can,
  type PolicyViewer,
  type ResourceType,
  resourceTypes,
  type SystemScope,
  systemScopes,
} from "@homeward/auth/policy";
import { demoConfidentialDetails, demoIds, factorAssessment, goalProgress } from "@homeward/db";
import { databaseUnderTest } from "@homeward/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceContext } from "../context.ts";
import { type LocatedFacts, resourceFacts } from "../resource-facts.ts";
import { type SeededDatabase, seededDatabase } from "../testing.ts";

const letters: Record<Action, string> = {
  read: "r",
  create: "c",
  update: "u",
  share: "s",
  finalise: "f",
  respond: "x",
};
type Row = Record<ResourceType, string>;
const none = Object.fromEntries(resourceTypes.map((t) => [t, ""])) as Row;

/** Case "case-yasmin" (its entry is shared for review, not finalised; its review agreed). */
const everyScope: Row = {
  ...none,
  case: "ru",
  person: "rcu",
  placement: "rcu",
  // Read only (decision 019): contact details are changed in Homeward, never by a system.
  person_contact: "r",
  family_response: "r",
  risk_review: "r",
  agreement: "r",
};

const system = (scopes: readonly SystemScope[], authorityId = "authority-demo"): PolicyViewer => ({
  userId: "integration-test",
  kind: "system",
  authorityId,
  teams: [],
  memberships: [],
  scopes,
});

describe(`what a host system may do, on the seeded demo (${databaseUnderTest})`, () => {
  let seeded: SeededDatabase;
  const resources = new Map<string, LocatedFacts>();
  const now = new Date("2026-11-26T12:00:00Z");

  beforeAll(async () => {
    seeded = await seededDatabase();
    const db = seeded.handle.db;
    const ctx: ServiceContext = { db, userId: "-", kind: "practitioner", app: "practitioner", now };
    const [factor] = await db
      .select()
      .from(factorAssessment)
      .where(eq(factorAssessment.caseId, demoIds.cases.yasmin))
      .limit(1);
    const [progress] = await db
      .select()
      .from(goalProgress)
      .where(eq(goalProgress.goalId, demoIds.goals[0]))
      .limit(1);
    const picks: Record<ResourceType, string> = {
      case: demoIds.cases.yasmin,
      person: demoIds.people.amira,
      person_contact: demoIds.contacts.amira,
      confidential_name: demoConfidentialDetails.yasminCarersPartner.id,
      placement: demoIds.placements.yasmin,
      record_entry: demoIds.entries.yasminSharedWithAmira,
      family_response: demoIds.responses.amiraDisagreement,
      factor_assessment: factor?.id ?? "missing",
      risk_classification: "classification-yasmin-2-cw",
      risk_review: demoIds.riskReviews.yasminClassification2,
      decision: demoIds.decisions.yasmin2,
      agreement: demoIds.agreement,
      goal_progress: progress?.id ?? "missing",
      views_and_wishes: demoIds.wishes.yasminPrivate,
      meeting: demoIds.meetings.yasminReview,
      plan: demoIds.plans.yasminReunification,
      audit_log: demoIds.entries.yasminSharedWithAmira,
    };
    for (const type of resourceTypes)
      resources.set(type, await resourceFacts(ctx, type, picks[type]));
  });
  afterAll(() => seeded.handle.dispose());

  function mismatches(viewer: PolicyViewer, expected: Row): string[] {
    const wrong: string[] = [];
    for (const type of resourceTypes) {
      const facts = resources.get(type);
      if (!facts) throw new Error(`no resource for ${type}`);
      for (const action of actions) {
        const decision = can(viewer, action, facts, now);
        const want = expected[type].includes(letters[action]);
        if (decision.allowed !== want)
          wrong.push(
            `${action} ${type}: expected ${want ? "allowed" : "denied"}, got ${decision.allowed ? "allowed" : decision.reason}`,
          );
      }
    }
    return wrong;
  }

  it("with every scope: only final records, and only the three kinds of change", () => {
    expect(mismatches(system(systemScopes), everyScope)).toEqual([]);
  });

  it("with no scope, or from another authority: nothing at all", () => {
    expect(mismatches(system([]), none)).toEqual([]);
    expect(mismatches(system(systemScopes, "authority-other"), none)).toEqual([]);
  });

  it("with one scope: that scope's row and finding the case, nothing more", () => {
    expect(mismatches(system(["read:agreement"]), { ...none, case: "r", agreement: "r" })).toEqual(
      [],
    );
    expect(
      mismatches(system(["write:placement"]), { ...none, case: "r", placement: "rcu" }),
    ).toEqual([]);
    expect(
      mismatches(system(["read:entries"]), { ...none, case: "r", family_response: "r" }),
    ).toEqual([]);
    expect(
      mismatches(system(["read:contacts"]), { ...none, case: "r", person_contact: "r" }),
    ).toEqual([]);
  });

  it("reads a finalised entry, and a not-for-family one only with its own scope", async () => {
    const ctx: ServiceContext = {
      db: seeded.handle.db,
      userId: "-",
      kind: "practitioner",
      app: "practitioner",
      now,
    };
    const disputed = await resourceFacts(
      ctx,
      "record_entry",
      demoIds.entries.tylerFinalisedWithDisagreement,
    );
    const privateNote = await resourceFacts(ctx, "record_entry", demoIds.entries.miaPrivateNote);
    expect(can(system(["read:entries"]), "read", disputed, now).allowed).toBe(true);
    expect(can(system(["read:entries"]), "read", privateNote, now)).toEqual({
      allowed: false,
      reason: "MISSING_SCOPE",
    });
    expect(can(system(systemScopes), "read", privateNote, now).allowed).toBe(true);
  });
});
