import {
  agreementVersionSnapshot,
  auditEvent,
  authority,
  demoIds,
  notification,
  parentalAgreement,
  staffMembership,
  team,
  user,
} from "@homeward/db";
import { databaseUnderTest } from "@homeward/db/testing";
import { createMailer } from "@homeward/mail";
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  AgreementNotReady,
  addGoal,
  addReviewDate,
  addSupport,
  agreementDetailsSchema,
  agreementForBuilder,
  agreementsForCase,
  autosaveGoalText,
  createAgreement,
  createAgreementSchema,
  GoalStatusRefused,
  goalInputSchema,
  publishAgreement,
  recordGoalStatus,
  saveAgreementDetails,
  saveGoal,
  setSupportStatus,
} from "./agreement-builder.ts";
import { acknowledgeAgreement, addGoalProgress, agreementsForMe } from "./agreements.ts";
import { AccessDenied, type ServiceContext, StaleWrite } from "./context.ts";
import { type SeededDatabase, seededDatabase } from "./testing.ts";

const { cases, members } = demoIds;

// Goal parts as a social worker might write them with Amira.
const schoolGoal = {
  changeNeeded: "Get Yasmin to school every day, on time.",
  measure: "School attendance, checked each week with the school.",
  evidenceExpected: "Attendance above 95% for the spring term.",
  dueDate: "2027-03-31",
  supportOffered: "School family worker; help with a morning routine.",
  consequence: "The move home is put off and the plan is looked at again.",
};
const friendsGoal = {
  changeNeeded: "Build up people Amira can turn to.",
  measure: "Going to the women's group most weeks.",
  evidenceExpected: "The group leader's note of attendance.",
  dueDate: "2027-02-28",
  supportOffered: "A volunteer to go with Amira the first three times.",
  consequence: "We will find another way to make sure Amira is not alone.",
};

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

describe(`the agreement builder, on the seeded demo, on ${databaseUnderTest}`, () => {
  let seeded: SeededDatabase;
  let outsider: ServiceContext;
  let agreementId: string;
  const notify = () => ({
    mailer: createMailer(seeded.handle.db, { kind: "outbox" }),
    portalOrigin: "https://portal.example",
  });
  const social = () => seeded.as("socialWorker");
  const denials = async (userId: string) =>
    seeded.handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.actorUserId, userId), eq(auditEvent.outcome, "denied")));

  beforeAll(async () => {
    seeded = await seededDatabase();
    outsider = await addOutsider(seeded);
  });
  afterAll(() => seeded.handle.dispose());

  it("lists the case's agreements, the family it can be with and the factors identified", async () => {
    const view = await agreementsForCase(social(), cases.yasmin);
    expect(view.agreements.map((a) => a.agreementId)).toEqual([demoIds.agreement]);
    expect(view.agreements[0]).toMatchObject({ status: "published", acknowledgedCurrent: 1 });
    expect(view.familyMembers.map((m) => m.memberId).sort()).toEqual(
      [members.yasminAmira, members.yasminYoungPerson].sort(),
    );
    // Present risk factors only: not the protective ones, not those found absent.
    expect(view.identifiedFactors).toEqual([
      "neglect",
      "older_child_11_to_14",
      "parental_mental_health_difficulties",
      "social_isolation",
    ]);
    expect(view.canCreate).toBe(true);
  });

  it("creates a draft with its parties and a goal from each picked factor, first words filled in", async () => {
    const input = createAgreementSchema.parse({
      title: "Yasmin's return home",
      partyMemberIds: [members.yasminAmira],
      factorIds: ["neglect", "social_isolation"],
    });
    ({ agreementId } = await createAgreement(social(), cases.yasmin, {
      ...input,
      changeNeeded: { neglect: "Work with us so that Yasmin is looked after every day." },
    }));
    const view = await agreementForBuilder(social(), agreementId);
    expect(view).toMatchObject({ status: "draft", version: 1, canEdit: true, ready: false });
    expect(view.parties).toMatchObject([
      { memberId: members.yasminAmira, acknowledgement: "not_yet" },
    ]);
    expect(view.goals.map((g) => g.factorIds)).toEqual([["neglect"], ["social_isolation"]]);
    expect(view.goals[0]?.changeNeeded).toBe(
      "Work with us so that Yasmin is looked after every day.",
    );
    expect(view.goals[0]?.missing).toEqual([
      "measure",
      "evidenceExpected",
      "dueDate",
      "supportOffered",
      "consequence",
    ]);
    expect(view.goals[1]?.missing[0]).toBe("changeNeeded");
    expect(view.goals[0]?.dueDate).toBe("");
  });

  it("refuses factors the assessment did not find, and family members of other cases", async () => {
    const input = { title: "T", partyMemberIds: [members.yasminAmira], factorIds: ["neglect"] };
    await expect(
      createAgreement(social(), cases.yasmin, { ...input, factorIds: ["substance_misuse"] }),
    ).rejects.toThrow(/identified factor/);
    await expect(
      createAgreement(social(), cases.yasmin, { ...input, partyMemberIds: [members.miaLeah] }),
    ).rejects.toThrow(/family member/);
    expect(
      createAgreementSchema.safeParse({ title: " ", partyMemberIds: [] }).error?.issues,
    ).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ message: "builder:errors.title" }),
        expect.objectContaining({ message: "builder:errors.parties" }),
      ]),
    );
  });

  it("will not publish while a goal misses a SMART part, and says which, from the rules", async () => {
    const error = await publishAgreement(social(), agreementId, { version: 1 }, notify()).catch(
      (e) => e,
    );
    expect(error).toBeInstanceOf(AgreementNotReady);
    const problems = (error as AgreementNotReady).problems;
    const view = await agreementForBuilder(social(), agreementId);
    expect(problems).toEqual(view.problems);
    expect(problems).toEqual(
      expect.arrayContaining([
        {
          code: "GOAL_INCOMPLETE",
          goalId: view.goals[0]?.goalId,
          missing: ["measure", "evidenceExpected", "dueDate", "supportOffered", "consequence"],
        },
        { code: "NO_REVIEW_DATES" },
      ]),
    );
    const [row] = await seeded.handle.db
      .select()
      .from(parentalAgreement)
      .where(eq(parentalAgreement.id, agreementId));
    expect(row?.status).toBe("draft");
    const failed = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.resourceId, agreementId), eq(auditEvent.outcome, "failed")));
    expect(failed.map((f) => f.detail)).toContainEqual(
      expect.objectContaining({ reason: "AGREEMENT_NOT_READY" }),
    );
  });

  it("autosaves a draft goal's long text and refuses a stale autosave", async () => {
    const view = await agreementForBuilder(social(), agreementId);
    const goal = view.goals[0];
    if (!goal) throw new Error("no goal");
    const saved = await autosaveGoalText(
      social(),
      goal.goalId,
      "measure",
      schoolGoal.measure,
      goal.version,
    );
    expect(saved).toMatchObject({ saved: true, version: goal.version + 1 });
    await expect(
      autosaveGoalText(social(), goal.goalId, "measure", "older text", goal.version),
    ).rejects.toBeInstanceOf(StaleWrite);
    const after = await agreementForBuilder(social(), agreementId);
    expect(after.goals[0]?.measure).toBe(schoolGoal.measure);
    expect(after.version).toBe(view.version + 1);
  });

  it("writes every part, the support and a review date, then publishes and tells the family", async () => {
    let view = await agreementForBuilder(social(), agreementId);
    const [first, second] = view.goals;
    if (!first || !second) throw new Error("no goals");
    await saveGoal(
      social(),
      first.goalId,
      goalInputSchema.parse({ ...schoolGoal, factorIds: ["neglect"], version: first.version }),
    );
    await saveGoal(
      social(),
      second.goalId,
      goalInputSchema.parse({
        ...friendsGoal,
        factorIds: ["social_isolation"],
        version: second.version,
      }),
    );
    view = await agreementForBuilder(social(), agreementId);
    await addSupport(social(), agreementId, {
      service: "Women's group with a volunteer",
      provider: "Refugee Council",
      startDate: "2026-12-07",
      version: view.version,
    });
    view = await agreementForBuilder(social(), agreementId);
    await addReviewDate(social(), agreementId, { reviewDate: "2027-01-14", version: view.version });
    view = await agreementForBuilder(social(), agreementId);
    await saveAgreementDetails(
      social(),
      agreementId,
      agreementDetailsSchema.parse({
        title: "Yasmin's return home",
        riskFactorsSummary: "Yasmin missed school and looked after the home.",
        protectiveFactorsSummary: "Amira and Yasmin love each other.",
        partyMemberIds: [members.yasminAmira],
        version: view.version,
      }),
    );
    view = await agreementForBuilder(social(), agreementId);
    expect(view.problems).toEqual([]);
    expect(view).toMatchObject({ ready: true, canPublish: true });
    expect(view.reviewDates.map((r) => r.date)).toEqual(["2027-01-14"]);

    const published = await publishAgreement(
      social(),
      agreementId,
      { version: view.version },
      notify(),
    );
    expect(published.version).toBe(view.version + 1);
    // Amira, and her interpreter who reads it with her.
    expect(published.notified).toBe(2);
    const outbox = await notify().mailer.outbox(10);
    const mail = outbox.find((m) => m.to === "amira@homeward.example");
    expect(mail?.text).toContain("https://portal.example/agreement");
    for (const secret of ["Yasmin", "Amira", "school", agreementId]) {
      expect(`${mail?.subject}\n${mail?.text}`).not.toContain(secret);
    }

    // The family now has it: the portal shows it, with the version to confirm.
    const mine = await agreementsForMe(seeded.as("arabicParent"));
    const theirs = mine.find((a) => a.agreementId === agreementId);
    expect(theirs).toMatchObject({ version: published.version, reviewDate: "2027-01-14" });
    expect(theirs?.acknowledgement.current).toBe(false);
  });

  it("shows who confirmed which version, and asks again after a change", async () => {
    let view = await agreementForBuilder(social(), agreementId);
    await acknowledgeAgreement(seeded.as("arabicParent"), agreementId, { version: view.version });
    view = await agreementForBuilder(social(), agreementId);
    expect(view.parties[0]?.acknowledgement).toBe("current");
    expect(view.acknowledgements).toMatchObject([{ version: view.version }]);
    expect(view.acknowledgements[0]?.memberName).toBeTruthy();

    const goal = view.goals[1];
    if (!goal) throw new Error("no goal");
    const changed = await saveGoal(
      social(),
      goal.goalId,
      goalInputSchema.parse({
        ...friendsGoal,
        measure: "Going to the women's group at least three weeks in four.",
        factorIds: ["social_isolation"],
        version: goal.version,
      }),
      notify(),
    );
    expect(changed.version).toBe(view.version + 1);
    const after = await agreementForBuilder(social(), agreementId);
    expect(after.parties[0]?.acknowledgement).toBe("earlier_version");
    const sent = await seeded.handle.db
      .select()
      .from(notification)
      .where(eq(notification.kind, "agreement_shared"));
    expect(sent.map((n) => n.dedupeKey)).toContain(
      `agreement_shared:${agreementId}:${changed.version}:${seeded.users.arabicParent}`,
    );
    // Every version's terms are kept: what Amira confirmed can be shown again.
    const snapshots = await seeded.handle.db
      .select()
      .from(agreementVersionSnapshot)
      .where(eq(agreementVersionSnapshot.agreementId, agreementId))
      .orderBy(asc(agreementVersionSnapshot.agreementVersion));
    expect(snapshots.map((s) => s.agreementVersion)).toEqual(
      Array.from({ length: changed.version }, (_, i) => i + 1),
    );
    const confirmed = snapshots[view.version - 1]?.terms as { goals: { measure: string }[] };
    expect(confirmed.goals[1]?.measure).toBe(friendsGoal.measure);
  });

  it("keeps a published agreement complete: blanking a part is refused and changes nothing", async () => {
    const view = await agreementForBuilder(social(), agreementId);
    const goal = view.goals[0];
    if (!goal) throw new Error("no goal");
    await expect(
      saveGoal(
        social(),
        goal.goalId,
        goalInputSchema.parse({
          ...schoolGoal,
          consequence: "",
          factorIds: ["neglect"],
          version: goal.version,
        }),
      ),
    ).rejects.toBeInstanceOf(AgreementNotReady);
    const after = await agreementForBuilder(social(), agreementId);
    expect(after.version).toBe(view.version);
    expect(after.goals[0]?.consequence).toBe(schoolGoal.consequence);
    // Once published, typing is not autosaved: each change is a version the family confirms.
    expect(
      await autosaveGoalText(social(), goal.goalId, "measure", "half-typed", goal.version),
    ).toMatchObject({ saved: false });
    // A new goal must be complete too.
    await expect(
      addGoal(social(), agreementId, {
        ...schoolGoal,
        measure: "",
        factorIds: [],
        version: after.version,
      }),
    ).rejects.toBeInstanceOf(AgreementNotReady);
  });

  it("turns a stale edit into a conflict and records it", async () => {
    const view = await agreementForBuilder(social(), agreementId);
    await expect(
      saveAgreementDetails(social(), agreementId, {
        title: "Old title",
        riskFactorsSummary: "",
        protectiveFactorsSummary: "",
        partyMemberIds: [members.yasminAmira],
        version: view.version - 1,
      }),
    ).rejects.toBeInstanceOf(StaleWrite);
    const failed = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.resourceId, agreementId), eq(auditEvent.outcome, "failed")));
    expect(failed.map((f) => f.detail)).toContainEqual(
      expect.objectContaining({ reason: "STALE_VERSION", currentVersion: view.version }),
    );
  });

  it("records goal status by the rules, with the evidence seen, beside the family's own notes", async () => {
    let view = await agreementForBuilder(social(), agreementId);
    const goal = view.goals[0];
    if (!goal) throw new Error("no goal");
    await recordGoalStatus(social(), {
      goalId: goal.goalId,
      status: "in_progress",
      note: "Amira has a morning plan on the fridge.",
      evidence: "",
      version: goal.version,
    });
    // Achieved needs the evidence seen; not achieved waits for the due date.
    const noEvidence = await recordGoalStatus(social(), {
      goalId: goal.goalId,
      status: "achieved",
      note: "",
      evidence: "",
      version: goal.version + 1,
    }).catch((e) => e);
    expect(noEvidence).toBeInstanceOf(GoalStatusRefused);
    expect((noEvidence as GoalStatusRefused).code).toBe("NO_EVIDENCE_RECORDED");
    const tooSoon = await recordGoalStatus(social(), {
      goalId: goal.goalId,
      status: "not_achieved",
      note: "",
      evidence: "",
      version: goal.version + 1,
    }).catch((e) => e);
    expect((tooSoon as GoalStatusRefused).code).toBe("NOT_YET_DUE");

    // Amira adds her own progress; the co-worker adds a note too.
    await addGoalProgress(seeded.as("arabicParent"), goal.goalId, {
      note: "Yasmin went every day this week.",
      evidence: "",
    });
    await addGoalProgress(seeded.as("coWorker"), goal.goalId, {
      note: "School confirms full attendance.",
      evidence: "Attendance print-out",
    });
    view = await agreementForBuilder(social(), agreementId);
    const entries = view.goals[0]?.entries ?? [];
    expect(view.goals[0]?.status).toBe("in_progress");
    expect(entries.map((e) => [e.note, e.fromFamily, e.authorRole])).toEqual([
      ["Amira has a morning plan on the fridge.", false, null],
      ["Yasmin went every day this week.", true, "parent"],
      ["School confirms full attendance.", false, null],
    ]);
    // The practitioner's evidence now supports "achieved".
    await recordGoalStatus(social(), {
      goalId: goal.goalId,
      status: "achieved",
      note: "Spring term attendance 97%.",
      evidence: "School report",
      version: goal.version + 1,
    });
    view = await agreementForBuilder(social(), agreementId);
    expect(view.goals[0]?.status).toBe("achieved");
  });

  it("shows support the family flagged as not delivered, with their words, and edits its status", async () => {
    const view = await agreementForBuilder(social(), demoIds.agreement);
    const flagged = view.support.find((s) => s.supportId === demoIds.flaggedSupport);
    expect(flagged?.flag).toMatchObject({ byName: expect.any(String) });
    expect(flagged?.flag?.flaggedAt).toBeTruthy();
    const saved = await setSupportStatus(social(), {
      supportId: demoIds.flaggedSupport,
      status: "started",
      version: flagged?.version ?? 0,
    });
    await expect(
      setSupportStatus(social(), {
        supportId: demoIds.flaggedSupport,
        status: "delivered",
        version: flagged?.version ?? 0,
      }),
    ).rejects.toBeInstanceOf(StaleWrite);
    const after = await agreementForBuilder(social(), demoIds.agreement);
    const row = after.support.find((s) => s.supportId === demoIds.flaggedSupport);
    expect(row).toMatchObject({ status: "started", version: saved.version });
    // The family's flag stays: it is their word, for the social worker to answer.
    expect(row?.flag).not.toBeNull();
    // Delivery is progress, not a new term: the family is not asked to confirm again.
    expect(after.version).toBe(view.version);
  });

  it("will not publish without an agreed classification (Mia's case is still being assessed)", async () => {
    const { agreementId: mia } = await createAgreement(social(), cases.mia, {
      title: "Mia",
      partyMemberIds: [members.miaLeah],
      factorIds: [],
    });
    const error = await publishAgreement(social(), mia, { version: 1 }).catch((e) => e);
    expect((error as AgreementNotReady).problems.map((p) => p.code)).toEqual([
      "NO_AGREED_CLASSIFICATION",
      "NO_GOALS",
      "NO_REVIEW_DATES",
    ]);
  });

  describe("who may build", () => {
    it("the co-worker reads and adds progress, but does not write the agreement", async () => {
      const co = seeded.as("coWorker");
      const view = await agreementForBuilder(co, agreementId);
      expect(view).toMatchObject({ canEdit: false, canPublish: false, canAddProgress: true });
      await expect(
        createAgreement(co, cases.yasmin, {
          title: "T",
          partyMemberIds: [members.yasminAmira],
          factorIds: [],
        }),
      ).rejects.toMatchObject({ reason: "ROLE_NOT_ALLOWED" });
      await expect(
        addReviewDate(co, agreementId, { reviewDate: "2027-02-01", version: view.version }),
      ).rejects.toMatchObject({ reason: "ROLE_NOT_ALLOWED" });
      await expect(
        publishAgreement(co, agreementId, { version: view.version }),
      ).rejects.toBeInstanceOf(AccessDenied);
      expect((await denials(seeded.users.coWorker)).length).toBeGreaterThanOrEqual(3);
    });

    it("the team manager may publish but not write goals", async () => {
      const manager = seeded.as("teamManager");
      const view = await agreementForBuilder(manager, agreementId);
      expect(view.canEdit).toBe(false);
      const goal = view.goals[1];
      if (!goal) throw new Error("no goal");
      await expect(
        saveGoal(manager, goal.goalId, { ...friendsGoal, factorIds: [], version: goal.version }),
      ).rejects.toMatchObject({ reason: "ROLE_NOT_ALLOWED" });
      // Already published: publishing again is refused, and recorded.
      await expect(
        publishAgreement(manager, agreementId, { version: view.version }),
      ).rejects.toMatchObject({ reason: "NOT_A_DRAFT" });
    });

    it("a practitioner of another authority sees nothing", async () => {
      await expect(agreementsForCase(outsider, cases.yasmin)).rejects.toMatchObject({
        reason: "OTHER_AUTHORITY",
      });
      await expect(agreementForBuilder(outsider, agreementId)).rejects.toMatchObject({
        reason: "OTHER_AUTHORITY",
      });
      await expect(
        createAgreement(outsider, cases.yasmin, {
          title: "T",
          partyMemberIds: [members.yasminAmira],
          factorIds: [],
        }),
      ).rejects.toBeInstanceOf(AccessDenied);
      expect((await denials("user-outsider")).length).toBe(3);
    });

    it("family accounts never get the builder, even for their own agreement", async () => {
      for (const account of ["arabicParent", "parent", "interpreter"] as const) {
        const family = seeded.as(account);
        await expect(agreementsForCase(family, cases.yasmin)).rejects.toMatchObject({
          reason: "NOT_SIGNED_IN_AS_STAFF",
        });
        await expect(agreementForBuilder(family, agreementId)).rejects.toMatchObject({
          reason: "NOT_SIGNED_IN_AS_STAFF",
        });
        await expect(
          setSupportStatus(family, {
            supportId: demoIds.flaggedSupport,
            status: "delivered",
            version: 1,
          }),
        ).rejects.toMatchObject({ reason: "NOT_SIGNED_IN_AS_STAFF" });
      }
      expect((await denials(seeded.users.arabicParent)).length).toBeGreaterThanOrEqual(3);
    });
  });
});
