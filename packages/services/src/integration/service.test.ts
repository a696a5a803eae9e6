import { systemScopes } from "@homeward/auth/policy";
import {
  auditEvent,
  authority,
  demoIds,
  demoIntegrationClient,
  integrationScopes,
  placement,
  riskReview,
} from "@homeward/db";
import { databaseUnderTest } from "@homeward/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { saveContact } from "../confidential-details.ts";
import { AccessDenied, NotFound } from "../context.ts";
import { familyHome } from "../family-home.ts";
import { type SeededDatabase, seededDatabase } from "../testing.ts";
import {
  type AuthenticatedClient,
  authenticate,
  createClient,
  revokeClient,
} from "./credentials.ts";
import {
  agreementsOf,
  classificationOf,
  contactsOf,
  createPerson,
  finalisedEntriesOf,
  IdempotencyKeyReused,
  legalStatusOfCase,
  listCases,
  PreconditionFailed,
  PreconditionRequired,
  peopleOf,
  placementOf,
  putLegalStatus,
  putPlacement,
  RecordRuleBroken,
  type SystemContext,
  updatePerson,
} from "./service.ts";

const { cases, entries, responses } = demoIds;
const now = new Date("2026-11-26T12:00:00Z");
const basic = (keyId: string, secret: string) =>
  `Basic ${Buffer.from(`${keyId}:${secret}`).toString("base64")}`;

describe(`the integration API's services on ${databaseUnderTest}`, () => {
  let seeded: SeededDatabase;
  let demo: AuthenticatedClient;
  const as = (client: AuthenticatedClient): SystemContext => ({
    db: seeded.handle.db,
    client,
    now,
  });
  const withScopes = (...scopes: AuthenticatedClient["scopes"]) => ({ ...demo, scopes });

  beforeAll(async () => {
    seeded = await seededDatabase();
    const result = await authenticate(
      seeded.handle.db,
      basic(demoIntegrationClient.keyId, demoIntegrationClient.secret),
      now,
    );
    if (!result.ok) throw new Error(`demo client refused: ${result.reason}`);
    demo = result.client;
  });
  afterAll(() => seeded.handle.dispose());

  it("stores the scopes the policy knows, and no others", () => {
    expect([...integrationScopes]).toEqual([...systemScopes]);
  });

  describe("authentication", () => {
    it("accepts the key id and secret as Basic or Bearer, and notes when it was used", async () => {
      const bearer = await authenticate(
        seeded.handle.db,
        `Bearer ${demoIntegrationClient.keyId}:${demoIntegrationClient.secret}`,
        now,
      );
      expect(bearer.ok && bearer.client.id).toBe(demoIntegrationClient.id);
    });

    it("refuses a wrong secret, an unknown key and a malformed header, and audits each", async () => {
      const db = seeded.handle.db;
      expect(await authenticate(db, basic(demoIntegrationClient.keyId, "hws_wrong"), now)).toEqual({
        ok: false,
        reason: "UNKNOWN_OR_WRONG",
      });
      expect(await authenticate(db, basic("hwk_nobody", "hws_x"), now)).toEqual({
        ok: false,
        reason: "UNKNOWN_OR_WRONG",
      });
      expect(await authenticate(db, "Digest abc", now)).toEqual({ ok: false, reason: "MALFORMED" });
      expect(await authenticate(db, undefined, now)).toEqual({
        ok: false,
        reason: "NO_CREDENTIAL",
      });
      const refusals = await db
        .select()
        .from(auditEvent)
        .where(and(eq(auditEvent.action, "authenticate"), eq(auditEvent.outcome, "denied")));
      expect(refusals.map((r) => (r.detail as { reason: string }).reason)).toEqual(
        expect.arrayContaining(["UNKNOWN_OR_WRONG", "MALFORMED"]),
      );
      expect(refusals.find((r) => r.resourceId === demoIntegrationClient.id)).toBeDefined();
    });

    it("refuses a revoked client from the moment it is revoked", async () => {
      const made = await createClient(seeded.handle.db, {
        authorityId: "authority-demo",
        name: "Short-lived",
        scopes: ["read:entries"],
        by: "test",
      });
      const header = basic(made.keyId, made.secret);
      expect((await authenticate(seeded.handle.db, header, now)).ok).toBe(true);
      expect(await revokeClient(seeded.handle.db, made.keyId, "test", now)).toBe(true);
      expect(await authenticate(seeded.handle.db, header, now)).toEqual({
        ok: false,
        reason: "REVOKED",
      });
      expect(await revokeClient(seeded.handle.db, made.id, "test", now)).toBe(false);
    });
  });

  describe("reads", () => {
    it("lists only its own authority's cases", async () => {
      const { cases: list } = await listCases(as(demo));
      expect(list.map((c) => c.id)).toEqual(
        expect.arrayContaining([cases.mia, cases.yasmin, cases.tyler]),
      );
      const tyler = list.find((c) => c.id === cases.tyler);
      expect(tyler?.legalStatus).toBe("care_order_s31");
      expect(tyler?.legalStatusRecorded).toBe("s31");
    });

    it("gives the agreed classification by the time rules: Tyler severe by drift", async () => {
      const result = await classificationOf(as(demo), cases.tyler);
      expect(result.agreed?.level).toBe("severe");
      expect(result.reviews.map((r) => r.id)).toEqual([
        demoIds.riskReviews.tylerClassification1,
        demoIds.riskReviews.tylerDrift,
      ]);
      expect(result.agreed?.nextReclassification.due).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const yasmin = await classificationOf(as(demo), cases.yasmin);
      expect(yasmin.agreed?.level).toBe("medium");
    });

    it("leaves a review still being classified out of the answer", async () => {
      await seeded.handle.db.insert(riskReview).values({
        id: "review-tyler-open",
        caseId: cases.tyler,
        reviewDate: "2026-11-20",
        point: "review",
        status: "open",
      });
      const result = await classificationOf(as(demo), cases.tyler);
      expect(result.reviews.map((r) => r.id)).not.toContain("review-tyler-open");
    });

    it("gives published agreements with goals, support and who acknowledged", async () => {
      const { agreements } = await agreementsOf(as(demo), cases.yasmin);
      expect(agreements.map((a) => a.id)).toEqual([demoIds.agreement]);
      const [agreement] = agreements;
      expect(agreement?.goals.map((g) => g.id)).toEqual([...demoIds.goals]);
      expect(agreement?.parties).toEqual([{ personId: demoIds.people.amira, role: "parent" }]);
      expect(agreement?.support.find((s) => s.id === demoIds.flaggedSupport)?.familyFlag).not.toBe(
        null,
      );
    });

    it("gives finalised entries only, with the standing disagreement attached", async () => {
      const { entries: list } = await finalisedEntriesOf(as(demo), cases.tyler);
      const ids = list.map((e) => e.id);
      expect(ids).toEqual(
        expect.arrayContaining([entries.tylerFinalisedWithDisagreement, entries.tylerMinutes]),
      );
      expect(ids).not.toContain(entries.tylerCorrection); // a draft
      const disputed = list.find((e) => e.id === entries.tylerFinalisedWithDisagreement);
      expect(disputed?.versions.map((v) => v.versionNumber)).toEqual([1]);
      expect(disputed?.standingDisagreements).toEqual([
        expect.objectContaining({
          id: responses.kerryDisagreement,
          status: "noted",
          personId: demoIds.people.kerry,
          writtenBy: "advocate",
          body: expect.stringContaining("stopped seeing Wayne"),
          practitionerReply: expect.stringContaining("stays with this record"),
        }),
      ]);
      const minutes = list.find((e) => e.id === entries.tylerMinutes);
      expect(minutes?.standingDisagreements).toEqual([]);
    });

    it("gives not-for-family entries only with their own scope", async () => {
      const without = await finalisedEntriesOf(as(withScopes("read:entries")), cases.mia);
      expect(without.entries.map((e) => e.id)).not.toContain(entries.miaPrivateNote);
      const withIt = await finalisedEntriesOf(
        as(withScopes("read:entries", "read:entries_not_for_family")),
        cases.mia,
      );
      expect(withIt.entries.find((e) => e.id === entries.miaPrivateNote)?.notForFamily).toBe(true);
      // Shared for review is not final: none of Mia's other entries are there.
      expect(withIt.entries.map((e) => e.id)).toEqual([entries.miaPrivateNote]);
    });

    it("gives contact details with whom each is hidden from, in step with the social worker's changes", async () => {
      const before = await contactsOf(as(withScopes("read:contacts")), cases.mia);
      const daniel = before.contacts.find((c) => c.personId === demoIds.people.daniel);
      expect(daniel).toMatchObject({
        id: demoIds.contacts.daniel,
        hiddenFromPersonIds: [demoIds.people.leah],
        version: 1,
      });
      // The social worker records Daniel's move in Homeward; the system reads the new version.
      await saveContact(seeded.as("socialWorker", { now }), cases.mia, demoIds.people.daniel, {
        address: "3 Heron Close, Southwick SW9 4QP",
        phone: daniel?.phone ?? "",
        email: daniel?.email ?? "",
        hiddenFrom: [demoIds.people.leah],
        version: 1,
      });
      const after = await contactsOf(as(withScopes("read:contacts")), cases.mia);
      expect(after.contacts.find((c) => c.personId === demoIds.people.daniel)).toMatchObject({
        address: "3 Heron Close, Southwick SW9 4QP",
        hiddenFromPersonIds: [demoIds.people.leah],
        version: 2,
        updatedAt: now.toISOString(),
      });
      // One row a person, this case's people only.
      const personIds = after.contacts.map((c) => c.personId);
      expect(new Set(personIds).size).toBe(personIds.length);
      expect(personIds).not.toContain(demoIds.people.amira);
      const reads = await seeded.handle.db
        .select()
        .from(auditEvent)
        .where(
          and(
            eq(auditEvent.actorUserId, demoIntegrationClient.id),
            eq(auditEvent.resourceType, "person_contact_list"),
          ),
        );
      expect(reads).toHaveLength(2);
      expect(JSON.stringify(reads.map((r) => r.detail))).not.toContain("Heron");
    });

    it("audits every read with the system as the actor", async () => {
      await finalisedEntriesOf(as(demo), cases.tyler);
      const [row] = await seeded.handle.db
        .select()
        .from(auditEvent)
        .where(
          and(
            eq(auditEvent.actorUserId, demoIntegrationClient.id),
            eq(auditEvent.resourceType, "record_entry_list"),
            eq(auditEvent.caseId, cases.tyler),
          ),
        );
      expect(row).toMatchObject({ app: "integration", outcome: "allowed", action: "read" });
    });
  });

  describe("refusals", () => {
    it("refuses a read without its scope, and audits the refusal", async () => {
      const entriesOnly = withScopes("read:entries");
      await expect(classificationOf(as(entriesOnly), cases.tyler)).rejects.toEqual(
        new AccessDenied("MISSING_SCOPE"),
      );
      await expect(agreementsOf(as(entriesOnly), cases.yasmin)).rejects.toEqual(
        new AccessDenied("MISSING_SCOPE"),
      );
      await expect(
        finalisedEntriesOf(as(withScopes("read:classification")), cases.tyler),
      ).rejects.toEqual(new AccessDenied("MISSING_SCOPE"));
      await expect(placementOf(as(entriesOnly), cases.tyler)).rejects.toEqual(
        new AccessDenied("MISSING_SCOPE"),
      );
      await expect(peopleOf(as(entriesOnly), cases.tyler)).rejects.toEqual(
        new AccessDenied("MISSING_SCOPE"),
      );
      // Writing people or the placement is not reading their contact details.
      await expect(
        contactsOf(as(withScopes("write:people", "write:placement")), cases.mia),
      ).rejects.toEqual(new AccessDenied("MISSING_SCOPE"));
      const denied = await seeded.handle.db
        .select()
        .from(auditEvent)
        .where(
          and(
            eq(auditEvent.actorUserId, demoIntegrationClient.id),
            eq(auditEvent.outcome, "denied"),
            eq(auditEvent.resourceType, "risk_review"),
          ),
        );
      expect(denied.length).toBeGreaterThan(0);
    });

    it("refuses a client with no scopes even a list of cases' facts", async () => {
      await expect(classificationOf(as(withScopes()), cases.tyler)).rejects.toEqual(
        new AccessDenied("MISSING_SCOPE"),
      );
      expect((await listCases(as(withScopes()))).cases).toEqual([]);
    });

    it("refuses another authority's system every case of this one", async () => {
      await seeded.handle.db.insert(authority).values({ id: "authority-other", name: "Other" });
      const other = { ...demo, id: "integration-other", authorityId: "authority-other" };
      await expect(finalisedEntriesOf(as(other), cases.tyler)).rejects.toEqual(
        new AccessDenied("OTHER_AUTHORITY"),
      );
      await expect(contactsOf(as(other), cases.mia)).rejects.toEqual(
        new AccessDenied("OTHER_AUTHORITY"),
      );
      await expect(
        putLegalStatus(
          as(other),
          cases.tyler,
          { legalStatus: "supervision_order" },
          {
            ifMatch: "*",
          },
        ),
      ).rejects.toEqual(new AccessDenied("OTHER_AUTHORITY"));
      expect((await listCases(as(other))).cases).toEqual([]);
    });

    it("says an unknown case is not found", async () => {
      await expect(classificationOf(as(demo), "case-nobody")).rejects.toBeInstanceOf(NotFound);
    });
  });

  describe("writes", () => {
    const kate = {
      displayName: "Kate Brooks",
      relationship: "grandparent",
      dateOfBirth: "1968-04-02",
      preferredLanguage: null,
      interpreterNeeded: false,
      easyRead: true,
      advocateNeeded: false,
      learningDisability: false,
    } as const;

    it("adds a person once, however often the same request is retried", async () => {
      const idempotency = { key: "add-kate-1", requestHash: "hash-a" };
      const first = await createPerson(as(demo), cases.tyler, kate, { idempotency });
      expect(first).toMatchObject({ status: 201, replayed: false, etag: '"1"' });
      const again = await createPerson(as(demo), cases.tyler, kate, { idempotency });
      expect(again).toMatchObject({ status: 201, replayed: true, body: first.body });
      const { people } = await peopleOf(as(demo), cases.tyler);
      expect(people.filter((p) => p.displayName === "Kate Brooks")).toHaveLength(1);
      await expect(
        createPerson(as(demo), cases.tyler, kate, {
          idempotency: { key: "add-kate-1", requestHash: "hash-b" },
        }),
      ).rejects.toBeInstanceOf(IdempotencyKeyReused);
    });

    it("changes a person only at the version named, keeping the old values in the audit", async () => {
      const created = await createPerson(as(demo), cases.tyler, { ...kate, displayName: "K B" });
      const id = created.body.id;
      await expect(
        updatePerson(as(demo), cases.tyler, id, { ...kate, displayName: "Kate B" }),
      ).rejects.toBeInstanceOf(PreconditionRequired);
      const changed = await updatePerson(
        as(demo),
        cases.tyler,
        id,
        { ...kate, displayName: "Kate B" },
        { ifMatch: created.etag },
      );
      expect(changed.body).toMatchObject({ displayName: "Kate B", version: 2 });
      expect(changed.etag).toBe('"2"');
      const stale = updatePerson(as(demo), cases.tyler, id, kate, { ifMatch: created.etag });
      await expect(stale).rejects.toEqual(new PreconditionFailed('"2"'));
      const [row] = await seeded.handle.db
        .select()
        .from(auditEvent)
        .where(and(eq(auditEvent.resourceId, id), eq(auditEvent.action, "update")));
      expect(row?.detail).toMatchObject({ before: { displayName: "K B" } });
    });

    it("refuses to change the child's own record or a person of another case", async () => {
      await expect(
        updatePerson(as(demo), cases.tyler, demoIds.people.tyler, kate, { ifMatch: '"1"' }),
      ).rejects.toEqual(new RecordRuleBroken("SUBJECT_CHILD_NOT_CHANGED_HERE"));
      await expect(
        updatePerson(as(demo), cases.tyler, demoIds.people.leah, kate, { ifMatch: '"1"' }),
      ).rejects.toBeInstanceOf(NotFound);
    });

    it("refuses writes without their scope", async () => {
      const readsOnly = withScopes("read:classification", "read:agreement", "read:entries");
      await expect(createPerson(as(readsOnly), cases.tyler, kate)).rejects.toEqual(
        new AccessDenied("MISSING_SCOPE"),
      );
      await expect(
        putLegalStatus(
          as(readsOnly),
          cases.tyler,
          { legalStatus: "care_order_s31" },
          {
            ifMatch: "*",
          },
        ),
      ).rejects.toEqual(new AccessDenied("MISSING_SCOPE"));
      await expect(
        putPlacement(
          as(readsOnly),
          cases.tyler,
          { carerNames: "X", address: "Y", phone: null, startDate: "2026-11-01" },
          { ifMatch: "*" },
        ),
      ).rejects.toEqual(new AccessDenied("MISSING_SCOPE"));
    });

    it("changes the legal status at the case's version, and refuses a stale one", async () => {
      const { etag, body } = await legalStatusOfCase(as(demo), cases.mia);
      expect(body.legalStatus).toBe("accommodated_s20");
      const changed = await putLegalStatus(
        as(demo),
        cases.mia,
        { legalStatus: "interim_care_order_s38" },
        { ifMatch: etag },
      );
      expect(changed.body.legalStatus).toBe("interim_care_order_s38");
      expect(changed.etag).not.toBe(etag);
      await expect(
        putLegalStatus(as(demo), cases.mia, { legalStatus: "care_order_s31" }, { ifMatch: etag }),
      ).rejects.toEqual(new PreconditionFailed(changed.etag));
    });

    it("corrects the placement on the same start date, and records a move as a new one", async () => {
      const first = await placementOf(as(demo), cases.yasmin);
      expect(first.body.current?.id).toBe(demoIds.placements.yasmin);
      const corrected = await putPlacement(
        as(demo),
        cases.yasmin,
        {
          carerNames: "Joanne Reid (foster carer)",
          address: "5 Larch Close, Westbrook WB2 7QT",
          phone: null,
          startDate: first.body.current?.startDate ?? "",
        },
        { ifMatch: first.etag },
      );
      expect(corrected.body.current).toMatchObject({
        id: demoIds.placements.yasmin,
        address: "5 Larch Close, Westbrook WB2 7QT",
        version: 2,
      });
      await expect(
        putPlacement(
          as(demo),
          cases.yasmin,
          { carerNames: "A", address: "B", phone: null, startDate: "2025-01-01" },
          { ifMatch: corrected.etag },
        ),
      ).rejects.toEqual(new RecordRuleBroken("PLACEMENT_STARTS_BEFORE_CURRENT"));
      const moved = await putPlacement(
        as(demo),
        cases.yasmin,
        {
          carerNames: "Amira Haddad (mother)",
          address: "22 Cedar Court, Westbrook WB1 4AZ",
          phone: null,
          startDate: "2026-11-25",
        },
        { ifMatch: corrected.etag },
      );
      expect(moved.body.current?.address).toBe("22 Cedar Court, Westbrook WB1 4AZ");
      expect(moved.body.previous).toEqual([
        expect.objectContaining({ id: demoIds.placements.yasmin, endDate: "2026-11-25" }),
      ]);
      await expect(
        putPlacement(
          as(demo),
          cases.yasmin,
          { carerNames: "A", address: "B", phone: null, startDate: "2026-11-26" },
          { ifMatch: corrected.etag },
        ),
      ).rejects.toEqual(new PreconditionFailed(moved.etag));
      const rows = await seeded.handle.db
        .select()
        .from(placement)
        .where(eq(placement.caseId, cases.yasmin));
      expect(rows).toHaveLength(2);
    });

    it("never lets a placement written by a system reach the family", async () => {
      const home = await familyHome(seeded.as("arabicParent"));
      const text = JSON.stringify(home);
      expect(text).not.toContain("Cedar Court");
      expect(text).not.toContain("Larch Close");
    });
  });
});
