// The authorisation matrix: every role × every resource type × every action, asked of the
// one policy with facts loaded from the seeded demo database. The expectations are data:
// a role's row lists, per resource type, the actions it may take (r read, c create,
// u update, s share, f finalise, x respond); everything else must be denied.
// Adding a role or a resource type means adding a row or a column here.
import { type Action, actions, can, type ResourceType, resourceTypes } from "@homeward/auth/policy";
import {
  authority,
  caseMember,
  demoConfidentialDetails,
  demoIds,
  factorAssessment,
  goalProgress,
  staffMembership,
  team,
  user,
} from "@homeward/db";
import { databaseUnderTest } from "@homeward/db/testing";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadViewer } from "./access.ts";
import type { ServiceContext } from "./context.ts";
import { type LocatedFacts, resourceFacts } from "./resource-facts.ts";
import { type SeededDatabase, seededDatabase } from "./testing.ts";

const letters: Record<Action, string> = {
  read: "r",
  create: "c",
  update: "u",
  share: "s",
  finalise: "f",
  respond: "x",
};
type Row = Record<ResourceType, string>;

const none: Row = Object.fromEntries(resourceTypes.map((t) => [t, ""])) as Row;
const readAll: Row = Object.fromEntries(resourceTypes.map((t) => [t, "r"])) as Row;

/** Case "case-yasmin": a young person of 14, her mother (Arabic, with an interpreter), staff. */
const yasminMatrix: Record<string, Row> = {
  youngPerson: {
    ...none,
    case: "r",
    person: "r",
    risk_review: "r",
    decision: "r",
    views_and_wishes: "rcu",
    meeting: "r",
  },
  youngPersonsAdvocate: {
    ...none,
    case: "r",
    person: "r",
    risk_review: "r",
    decision: "r",
    views_and_wishes: "rcu",
    meeting: "r",
  },
  parent: {
    ...none,
    case: "r",
    person: "r",
    person_contact: "ru",
    record_entry: "rx",
    family_response: "rcu",
    risk_review: "r",
    decision: "r",
    agreement: "rx",
    goal_progress: "rc",
    meeting: "r",
    audit_log: "r",
  },
  interpreter: {
    ...none,
    case: "r",
    person: "r",
    person_contact: "r",
    record_entry: "rx",
    family_response: "rc",
    risk_review: "r",
    decision: "r",
    agreement: "r",
    goal_progress: "r",
    meeting: "r",
  },
  socialWorker: {
    case: "ru",
    person: "rcu",
    person_contact: "rcu",
    confidential_name: "rcu",
    placement: "rcu",
    record_entry: "rcusfx",
    family_response: "rx",
    factor_assessment: "rcu",
    risk_classification: "rc",
    risk_review: "rcuf",
    decision: "rcu",
    agreement: "rcus",
    goal_progress: "rc",
    views_and_wishes: "rx",
    meeting: "rcu",
    plan: "rcus",
    audit_log: "r",
  },
  coWorker: {
    ...readAll,
    record_entry: "rcu",
    factor_assessment: "rcu",
    risk_classification: "rcu",
    risk_review: "ruf",
    goal_progress: "rc",
    meeting: "rcu",
    audit_log: "",
    confidential_name: "",
  },
  teamManager: {
    ...readAll,
    case: "ru",
    record_entry: "rsfx",
    family_response: "rx",
    risk_classification: "rc",
    risk_review: "rf",
    decision: "rf",
    agreement: "rs",
    plan: "rs",
  },
  fileReader: {
    ...readAll,
    person_contact: "",
    confidential_name: "",
    placement: "",
    views_and_wishes: "",
    audit_log: "",
  },
  iro: { ...readAll, confidential_name: "" },
  otherAuthority: none,
  otherCaseParent: none,
  interpreterAfterAssignment: none,
};

/**
 * Case "case-mia": separated parents, each with their own entries, responses and address.
 * The private note is finalised: read-only, corrected only by a new linked entry ("c").
 */
const miaMatrix: Record<string, Record<string, string>> = {
  parent: {
    leahsEntry: "rx",
    privateNote: "",
    leahsContact: "ru",
    danielsContact: "",
    leahsComment: "rcu",
    danielsCorrection: "",
  },
  secondParent: {
    leahsEntry: "",
    privateNote: "",
    leahsContact: "",
    danielsContact: "ru",
    leahsComment: "",
    danielsCorrection: "rcu",
  },
  socialWorker: {
    leahsEntry: "rcusfx",
    privateNote: "rc",
    leahsContact: "rcu",
    danielsContact: "rcu",
    leahsComment: "rx",
    danielsCorrection: "rx",
  },
};

describe(`the authorisation matrix on ${databaseUnderTest}`, () => {
  let seeded: SeededDatabase;
  const viewers = new Map<string, ServiceContext>();
  const yasminResources = new Map<ResourceType, LocatedFacts>();
  const miaResources = new Map<string, LocatedFacts>();

  beforeAll(async () => {
    seeded = await seededDatabase();
    const db = seeded.handle.db;
    // Roles the demo has no account for: a file reader and an IRO on the case, an advocate
    // for the young person, and a practitioner of another authority.
    await db.insert(user).values([
      {
        id: "user-reader",
        name: "Fay Reader",
        email: "reader@homeward.example",
        kind: "practitioner",
      },
      { id: "user-iro", name: "Ian Reviewer", email: "iro@homeward.example", kind: "practitioner" },
      {
        id: "user-yp-advocate",
        name: "Ade Vocate",
        email: "yp-advocate@homeward.example",
        kind: "family",
      },
      {
        id: "user-outsider",
        name: "Olu Tsider",
        email: "outsider@elsewhere.example",
        kind: "practitioner",
      },
    ]);
    await db.insert(authority).values({ id: "authority-other", name: "Other Council" });
    await db
      .insert(team)
      .values({ id: "team-other", authorityId: "authority-other", name: "Other team" });
    await db
      .insert(staffMembership)
      .values({ userId: "user-outsider", teamId: "team-other", role: "social_worker" });
    // Independent roles sit in their own team of the same authority: they reach a case only
    // through their assignment to it, never through the case's team.
    await db.insert(team).values({
      id: "team-independent",
      authorityId: "authority-demo",
      name: "Independent reviewing",
    });
    await db.insert(staffMembership).values([
      { userId: "user-reader", teamId: "team-independent", role: "chronologist" },
      { userId: "user-iro", teamId: "team-independent", role: "iro" },
    ]);
    const since = new Date("2026-01-01T00:00:00Z");
    await db.insert(caseMember).values([
      {
        id: "m-reader",
        caseId: demoIds.cases.yasmin,
        userId: "user-reader",
        role: "chronologist",
        activeFrom: since,
      },
      {
        id: "m-iro",
        caseId: demoIds.cases.yasmin,
        userId: "user-iro",
        role: "iro",
        activeFrom: since,
      },
      {
        id: "m-yp-advocate",
        caseId: demoIds.cases.yasmin,
        userId: "user-yp-advocate",
        role: "advocate",
        actingForMemberId: demoIds.members.yasminYoungPerson,
        consentRecordedAt: since,
        permissions: ["read", "respond", "views"],
        activeFrom: since,
        activeUntil: new Date("2027-06-30T00:00:00Z"),
      },
    ]);

    const now = new Date();
    const base = seeded.as("socialWorker");
    const as = (userId: string, kind: "family" | "practitioner", at = now): ServiceContext => ({
      ...base,
      userId,
      kind,
      now: at,
    });
    viewers.set("youngPerson", seeded.as("youngPerson"));
    viewers.set("youngPersonsAdvocate", as("user-yp-advocate", "family"));
    viewers.set("parent", seeded.as("arabicParent"));
    viewers.set("interpreter", seeded.as("interpreter"));
    viewers.set("socialWorker", seeded.as("socialWorker"));
    viewers.set("coWorker", seeded.as("coWorker"));
    viewers.set("teamManager", seeded.as("teamManager"));
    viewers.set("fileReader", as("user-reader", "practitioner"));
    viewers.set("iro", as("user-iro", "practitioner"));
    viewers.set("otherAuthority", as("user-outsider", "practitioner"));
    viewers.set("otherCaseParent", seeded.as("parent"));
    // The interpreter's assignment ends on 31 March 2027.
    viewers.set(
      "interpreterAfterAssignment",
      seeded.as("interpreter", { now: new Date("2027-04-02T09:00:00Z") }),
    );

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
      // The co-worker's half of the agreed second classification.
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
      yasminResources.set(type, await resourceFacts(base, type, picks[type]));

    miaResources.set(
      "leahsEntry",
      await resourceFacts(base, "record_entry", demoIds.entries.miaSharedWithLeahOnly),
    );
    miaResources.set(
      "privateNote",
      await resourceFacts(base, "record_entry", demoIds.entries.miaPrivateNote),
    );
    miaResources.set(
      "leahsContact",
      await resourceFacts(base, "person_contact", demoIds.contacts.leah),
    );
    miaResources.set(
      "danielsContact",
      await resourceFacts(base, "person_contact", demoIds.contacts.daniel),
    );
    miaResources.set(
      "leahsComment",
      await resourceFacts(base, "family_response", demoIds.responses.leahComment),
    );
    miaResources.set(
      "danielsCorrection",
      await resourceFacts(base, "family_response", demoIds.responses.danielCorrection),
    );
  });
  afterAll(() => seeded.handle.dispose());

  async function mismatches(
    matrix: Record<string, Record<string, string>>,
    resources: Map<string, LocatedFacts>,
    accountFor: (role: string) => ServiceContext,
  ) {
    const wrong: string[] = [];
    let cells = 0;
    for (const [role, row] of Object.entries(matrix)) {
      const ctx = accountFor(role);
      const viewer = await loadViewer(ctx, resources.values().next().value?.caseId ?? "");
      for (const [key, allowedLetters] of Object.entries(row)) {
        const facts = resources.get(key);
        if (!facts) throw new Error(`no resource for ${key}`);
        for (const action of actions) {
          cells++;
          const expected = allowedLetters.includes(letters[action]);
          const decision = can(viewer, action, facts, ctx.now);
          if (decision.allowed !== expected) {
            wrong.push(
              `${role} ${action} ${key}: expected ${expected ? "allowed" : "denied"}, got ${decision.allowed ? "allowed" : decision.reason}`,
            );
          }
        }
      }
    }
    return { wrong, cells };
  }

  it("answers every role × resource type × action as the table says (case with a young person)", async () => {
    const { wrong, cells } = await mismatches(
      yasminMatrix,
      yasminResources as Map<string, LocatedFacts>,
      (role) => viewers.get(role) as ServiceContext,
    );
    expect(wrong).toEqual([]);
    expect(cells).toBe(Object.keys(yasminMatrix).length * resourceTypes.length * actions.length);
  });

  it("keeps separated parents apart: entries, responses and addresses (case with two parents)", async () => {
    const { wrong } = await mismatches(miaMatrix, miaResources, (role) =>
      seeded.as(role as "parent" | "secondParent" | "socialWorker"),
    );
    expect(wrong).toEqual([]);
  });

  it("covers every resource type the policy knows", () => {
    for (const row of Object.values(yasminMatrix))
      expect(Object.keys(row).sort()).toEqual([...resourceTypes].sort());
  });
});
