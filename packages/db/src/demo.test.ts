import { assessRisk, isFactorId } from "@homeward/rules";
import { and, asc, count, eq, getTableColumns, getTableName, inArray, is, ne } from "drizzle-orm";
import { PgTable } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { demoIds, seedDemoData } from "./demo.ts";
import * as schema from "./schema/index.ts";
import {
  caseMember,
  casePerson,
  childCase,
  factorAssessment,
  familyResponse,
  meeting,
  personContact,
  recordEntry,
  recordEntryShare,
  recordEntryVersion,
  riskReview,
  user,
} from "./schema/index.ts";
import { createTestDatabase, databaseUnderTest, type TestDatabase } from "./testing.ts";

const familyRoles = ["parent", "carer", "young_person", "advocate", "interpreter"] as const;

describe(`the demo case record on ${databaseUnderTest}`, () => {
  let handle: TestDatabase;

  beforeAll(async () => {
    handle = await createTestDatabase();
    // Accounts without passwords: these tests are about the case data, not sign-in.
    await seedDemoData(handle.db, async (account) => {
      const id = `user-${account.key}`;
      await handle.db
        .insert(user)
        .values({ id, name: account.name, email: account.email, kind: account.kind });
      return id;
    });
  });
  afterAll(() => handle.dispose());

  const sharesOf = (entryId: string) =>
    handle.db
      .select({ memberId: recordEntryShare.memberId, deadline: recordEntryShare.deadline })
      .from(recordEntryShare)
      .where(eq(recordEntryShare.entryId, entryId))
      .orderBy(asc(recordEntryShare.memberId));

  it("seeds the three cases of the issue", async () => {
    const cases = await handle.db
      .select({ id: childCase.id, stage: childCase.stage, riskLevel: childCase.riskLevel })
      .from(childCase)
      // The first team's; the second team's history is demo-cohort.ts.
      .where(eq(childCase.teamId, "team-demo"))
      .orderBy(asc(childCase.reference));
    expect(cases).toEqual([
      { id: demoIds.cases.mia, stage: "initial_assessment", riskLevel: null },
      { id: demoIds.cases.yasmin, stage: "parental_agreements", riskLevel: "medium" },
      { id: demoIds.cases.tyler, stage: "alternative_permanence", riskLevel: "severe" },
    ]);
  });

  it("shares Mia's draft chronology with both separated parents, with a two-week deadline", async () => {
    for (const entryId of demoIds.entries.miaSharedWithBothParents) {
      expect(await sharesOf(entryId)).toEqual([
        { memberId: demoIds.members.miaLeah, deadline: "2026-12-04" },
        { memberId: demoIds.members.miaDaniel, deadline: "2026-12-04" },
      ]);
    }
    expect(await sharesOf(demoIds.entries.miaSharedWithLeahOnly)).toEqual([
      { memberId: demoIds.members.miaLeah, deadline: "2026-12-04" },
    ]);
    for (const entryId of demoIds.entries.miaDrafts) expect(await sharesOf(entryId)).toEqual([]);
  });

  it("keeps the private note away from the family: marked not for family and shared with no one", async () => {
    const [note] = await handle.db
      .select({ notForFamily: recordEntry.notForFamily, caseId: recordEntry.caseId })
      .from(recordEntry)
      .where(eq(recordEntry.id, demoIds.entries.miaPrivateNote));
    expect(note).toEqual({ notForFamily: true, caseId: demoIds.cases.mia });
    expect(await sharesOf(demoIds.entries.miaPrivateNote)).toEqual([]);
  });

  it("shares entries only with family members of the entry's own case, never drafts or private notes", async () => {
    const shares = await handle.db
      .select({
        entryCase: recordEntry.caseId,
        memberCase: caseMember.caseId,
        role: caseMember.role,
        status: recordEntry.status,
        notForFamily: recordEntry.notForFamily,
      })
      .from(recordEntryShare)
      .innerJoin(recordEntry, eq(recordEntry.id, recordEntryShare.entryId))
      .innerJoin(caseMember, eq(caseMember.id, recordEntryShare.memberId));
    expect(shares.length).toBeGreaterThan(0);
    for (const share of shares) {
      expect(share.memberCase).toBe(share.entryCase);
      expect(familyRoles).toContain(share.role);
      expect(share.status).not.toBe("draft");
      expect(share.notForFamily).toBe(false);
    }
  });

  it("gives every record entry a version 1, and versions up to its current one", async () => {
    const entries = await handle.db
      .select({ id: recordEntry.id, current: recordEntry.currentVersionNumber })
      .from(recordEntry);
    expect(entries.length).toBeGreaterThanOrEqual(8);
    for (const entry of entries) {
      const versions = await handle.db
        .select({ n: recordEntryVersion.versionNumber })
        .from(recordEntryVersion)
        .where(eq(recordEntryVersion.entryId, entry.id))
        .orderBy(asc(recordEntryVersion.versionNumber));
      expect(versions.map((v) => v.n)).toEqual(
        Array.from({ length: entry.current }, (_, i) => i + 1),
      );
    }
  });

  it("starts every editable row at version 1", async () => {
    const exported: unknown[] = Object.values(schema);
    const editable = exported.filter(
      (value): value is PgTable => is(value, PgTable) && "version" in getTableColumns(value),
    );
    expect(editable.map((table) => getTableName(table)).sort()).toEqual(
      [
        "advocate_invitation",
        "agreement_goal",
        "agreement_support",
        "capacity_evidence",
        "case",
        "case_member",
        "case_person",
        "confidential_name",
        "decision",
        "factor_assessment",
        "family_response",
        "interpreter_invitation",
        "meeting",
        "monitoring_visit",
        "parental_agreement",
        "person_contact",
        "placement",
        "plan",
        "plan_service",
        "record_entry",
        "return_home_episode",
        "risk_classification",
        "risk_review",
        "views_and_wishes",
      ].sort(),
    );
    for (const table of editable) {
      const { version } = getTableColumns(table);
      if (!version) continue;
      const [stale] = await handle.db.select({ n: count() }).from(table).where(ne(version, 1));
      expect({ table: getTableName(table), n: stale?.n }).toEqual({
        table: getTableName(table),
        n: 0,
      });
    }
  });

  it("hides each separated parent's contact details from the other", async () => {
    const rows = await handle.db
      .select({ id: personContact.id, hiddenFrom: personContact.hiddenFromPersonIds })
      .from(personContact)
      .where(inArray(personContact.id, [demoIds.contacts.leah, demoIds.contacts.daniel]))
      .orderBy(asc(personContact.id));
    expect(rows).toEqual([
      { id: demoIds.contacts.daniel, hiddenFrom: [demoIds.people.leah] },
      { id: demoIds.contacts.leah, hiddenFrom: [demoIds.people.daniel] },
    ]);
  });

  it("links each family member's account to their person on the case", async () => {
    const linked = await handle.db
      .select({
        member: caseMember.id,
        personCase: casePerson.caseId,
        memberCase: caseMember.caseId,
      })
      .from(caseMember)
      .innerJoin(casePerson, eq(casePerson.id, caseMember.personId));
    expect(linked.map((l) => l.member).sort()).toEqual(
      [
        demoIds.members.miaDaniel,
        demoIds.members.miaLeah,
        demoIds.members.tylerKerry,
        demoIds.members.yasminAmira,
        demoIds.members.yasminYoungPerson,
      ].sort(),
    );
    for (const l of linked) expect(l.personCase).toBe(l.memberCase);
  });

  it("records consent, permissions and an end date for the interpreter and the advocate", async () => {
    const helpers = await handle.db
      .select({
        id: caseMember.id,
        actingFor: caseMember.actingForMemberId,
        consent: caseMember.consentRecordedAt,
        permissions: caseMember.permissions,
        until: caseMember.activeUntil,
      })
      .from(caseMember)
      .where(inArray(caseMember.role, ["advocate", "interpreter"]))
      .orderBy(asc(caseMember.id));
    expect(
      helpers.map(({ consent, until, ...rest }) => ({
        ...rest,
        hasConsent: !!consent,
        until: until?.toISOString(),
      })),
    ).toEqual([
      {
        id: demoIds.members.tylerAdvocate,
        actingFor: demoIds.members.tylerKerry,
        hasConsent: true,
        permissions: ["read", "respond", "views"],
        until: "2027-06-30T22:59:59.000Z",
      },
      {
        id: demoIds.members.yasminInterpreter,
        actingFor: demoIds.members.yasminAmira,
        hasConsent: true,
        permissions: ["read", "respond"],
        until: "2027-03-31T22:59:59.000Z",
      },
    ]);
  });

  it("attributes what an advocate or interpreter writes to the person they act for", async () => {
    const written = await handle.db
      .select({
        onBehalfOf: familyResponse.onBehalfOfMemberId,
        actingFor: caseMember.actingForMemberId,
      })
      .from(familyResponse)
      .innerJoin(caseMember, eq(caseMember.id, familyResponse.authorMemberId))
      .where(inArray(caseMember.role, ["advocate", "interpreter"]));
    expect(written).toHaveLength(2);
    for (const w of written) expect(w.onBehalfOf).toBe(w.actingFor);
  });

  it("uses only catalogue factor ids", async () => {
    const rows = await handle.db
      .select({ factorId: factorAssessment.factorId })
      .from(factorAssessment);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(isFactorId(row.factorId)).toBe(true);
  });

  it("agrees risk levels that the framework's time rules reach too", async () => {
    for (const caseId of [demoIds.cases.yasmin, demoIds.cases.tyler]) {
      const rows = await handle.db
        .select()
        .from(riskReview)
        .where(and(eq(riskReview.caseId, caseId), eq(riskReview.status, "agreed")))
        .orderBy(asc(riskReview.reviewDate));
      const history = rows.map((r) => ({
        date: r.reviewDate,
        evidence: {
          riskFactors: r.agreedRiskFactors ?? "not_addressed",
          protectiveFactors: r.agreedProtectiveFactors ?? false,
          capacityToChange: r.agreedCapacityToChange ?? false,
        },
      }));
      rows.forEach((row, i) => {
        expect(assessRisk(history.slice(0, i + 1), row.reviewDate).level).toBe(row.agreedLevel);
      });
      const [current] = await handle.db
        .select({ level: childCase.riskLevel })
        .from(childCase)
        .where(eq(childCase.id, caseId));
      expect(assessRisk(history, "2026-11-26").level).toBe(current?.level);
    }
  });

  it("puts Yasmin's review at 10:00 London time on 3 December", async () => {
    const [review] = await handle.db
      .select({ startsAt: meeting.startsAt })
      .from(meeting)
      .where(eq(meeting.id, demoIds.meetings.yasminReview));
    const london = review?.startsAt.toLocaleString("en-GB", { timeZone: "Europe/London" });
    expect(london).toBe("03/12/2026, 10:00:00");
  });
});
