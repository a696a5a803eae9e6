import { auditEvent, demoIds, familyResponse, recordEntryVersion } from "@homeward/db";
import { databaseUnderTest } from "@homeward/db/testing";
import { createMailer } from "@homeward/mail";
import { addDays, addMonths, REVIEW_WINDOW_DAYS } from "@homeward/rules";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDenied, StaleWrite } from "./context.ts";
import { londonDate } from "./family-cases.ts";
import { entriesSharedWithMe, entryForViewer, respondToEntry } from "./record-entries.ts";
import {
  caseRecordsFor,
  createEntry,
  editEntry,
  finaliseEntry,
  type RecordEntryInput,
  recordEntrySchema,
  replySchema,
  replyToResponse,
  reviewFor,
  StaleRecordEdit,
  saveEntryText,
  shareEntry,
  shareFormFor,
} from "./record-review.ts";
import { type SeededDatabase, seededDatabase } from "./testing.ts";

const { cases, members, entries, responses } = demoIds;

const note = (overrides: Partial<Record<keyof RecordEntryInput, string>> = {}) =>
  recordEntrySchema.parse({
    kind: "case_note",
    title: "Home visit to Leah",
    body: "Leah was at home with her sister. The flat was warm and tidy and there was food in the fridge.",
    ...overrides,
  });

describe(`records shared for review, practitioner side, on ${databaseUnderTest}`, () => {
  let seeded: SeededDatabase;
  // A day after the demo was seeded: every demo membership is active.
  const now = new Date(Date.now() + 24 * 60 * 60 * 1000);
  const today = londonDate(now);
  const deps = () => ({
    db: seeded.handle.db,
    mailer: createMailer(seeded.handle.db, { kind: "outbox" }),
    portalOrigin: "https://portal.example",
  });
  const as = (account: Parameters<SeededDatabase["as"]>[0], at: Date = now) =>
    seeded.as(account, { now: at });
  beforeAll(async () => {
    seeded = await seededDatabase();
  });
  afterAll(() => seeded.handle.dispose());

  const auditRows = (resourceId: string) =>
    seeded.handle.db.select().from(auditEvent).where(eq(auditEvent.resourceId, resourceId));

  describe("the case's records", () => {
    it("lists Mia's entries by status, with responses waiting and the correction's answer date", async () => {
      const view = await caseRecordsFor(as("socialWorker"), cases.mia);
      expect(view.drafts.map((e) => e.entryId)).toEqual(
        expect.arrayContaining([...entries.miaDrafts]),
      );
      expect(view.shared.map((e) => e.entryId)).toEqual(
        expect.arrayContaining([...entries.miaSharedWithBothParents]),
      );
      expect(view.finalised.find((e) => e.entryId === entries.miaPrivateNote)?.notForFamily).toBe(
        true,
      );
      expect(view.waiting.map((w) => w.responseId).sort()).toEqual(
        [responses.danielCorrection, responses.leahComment].sort(),
      );
      const correction = view.corrections.find((c) => c.responseId === responses.danielCorrection);
      expect(correction).toMatchObject({ authorName: "Daniel Morgan", kind: "correction" });
      expect(correction?.clock.answerBy).toBe(addMonths(correction?.receivedOn ?? "", 1));
      expect(correction?.clock.overdue).toBe(false);
      expect(view.canCreate).toBe(true);
    });

    it("flags the correction overdue once a month has passed without an answer", async () => {
      const later = new Date(now.getTime() + 40 * 24 * 60 * 60 * 1000);
      const view = await caseRecordsFor(as("socialWorker", later), cases.mia);
      const correction = view.corrections.find((c) => c.responseId === responses.danielCorrection);
      expect(correction?.clock.overdue).toBe(true);
      expect(view.waiting.find((w) => w.responseId === responses.danielCorrection)?.clock).toEqual(
        correction?.clock,
      );
    });

    it("is refused to a family member, and the refusal is audited", async () => {
      await expect(caseRecordsFor(as("parent"), cases.mia)).rejects.toThrow(AccessDenied);
      const denied = await seeded.handle.db
        .select()
        .from(auditEvent)
        .where(
          and(eq(auditEvent.actorUserId, seeded.users.parent), eq(auditEvent.outcome, "denied")),
        );
      expect(denied.length).toBeGreaterThan(0);
    });
  });

  describe("family members never reach the practitioner's side", () => {
    it("refuses Leah the review screen, the share form, sharing, replying and finalising", async () => {
      const shared = entries.miaSharedWithBothParents[0];
      await expect(reviewFor(as("parent"), entries.miaDrafts[0])).rejects.toThrow(
        "NOT_SHARED_WITH_YOU",
      );
      await expect(shareFormFor(as("parent"), shared)).rejects.toThrow("ROLE_NOT_ALLOWED");
      await expect(
        shareEntry(
          as("parent"),
          shared,
          { memberIds: [members.miaLeah], deadline: "", version: 1 },
          deps(),
        ),
      ).rejects.toThrow("ROLE_NOT_ALLOWED");
      await expect(
        replyToResponse(
          as("parent"),
          replySchema.parse({
            responseId: responses.leahComment,
            decision: "note",
            responseVersion: 1,
            entryVersion: 1,
          }),
          deps(),
        ),
      ).rejects.toThrow(AccessDenied);
      await expect(finaliseEntry(as("parent"), shared, 1)).rejects.toThrow("ROLE_NOT_ALLOWED");
      await expect(createEntry(as("parent"), cases.mia, note())).rejects.toThrow(AccessDenied);
    });

    it("refuses the co-worker and the team manager what their roles do not allow", async () => {
      const shared = entries.miaSharedWithBothParents[0];
      await expect(shareFormFor(as("coWorker"), shared)).rejects.toThrow("ROLE_NOT_ALLOWED");
      await expect(finaliseEntry(as("coWorker"), shared, 1)).rejects.toThrow("ROLE_NOT_ALLOWED");
      const { entryId } = await createEntry(as("socialWorker"), cases.mia, note());
      await expect(
        editEntry(as("teamManager"), entryId, { ...note(), version: 1 }),
      ).rejects.toThrow("ROLE_NOT_ALLOWED");
      // Nobody changes a final entry, whatever their role.
      await expect(
        editEntry(as("socialWorker"), entries.miaPrivateNote, { ...note(), version: 1 }),
      ).rejects.toThrow("FINALISED_IS_READ_ONLY");
    });
  });

  describe("writing a draft", () => {
    it("creates a draft that no family member can see", async () => {
      const { entryId } = await createEntry(as("socialWorker"), cases.mia, note());
      const view = await reviewFor(as("socialWorker"), entryId);
      expect(view).toMatchObject({ status: "draft", versionNumber: 1, kind: "case_note" });
      await expect(entryForViewer(as("parent"), entryId)).rejects.toThrow(AccessDenied);
    });

    it("lets the co-worker draft, but not the team manager", async () => {
      await expect(createEntry(as("coWorker"), cases.mia, note())).resolves.toHaveProperty(
        "entryId",
      );
      await expect(createEntry(as("teamManager"), cases.mia, note())).rejects.toThrow(
        "ROLE_NOT_ALLOWED",
      );
    });

    it("adds a version for changed text and refuses a stale edit with the saved text", async () => {
      const { entryId } = await createEntry(as("socialWorker"), cases.mia, note());
      const first = await editEntry(as("socialWorker"), entryId, {
        ...note({ body: "Leah was at home alone. The flat was warm and tidy." }),
        version: 1,
      });
      expect(first).toEqual({ version: 2, versionNumber: 2 });
      // A title-only change is not a new version of the text.
      const second = await editEntry(as("socialWorker"), entryId, {
        ...note({
          title: "Home visit",
          body: "Leah was at home alone. The flat was warm and tidy.",
        }),
        version: 2,
      });
      expect(second).toEqual({ version: 3, versionNumber: 2 });
      const stale = editEntry(as("coWorker"), entryId, {
        ...note({ body: "Tom's older copy." }),
        version: 1,
      });
      await expect(stale).rejects.toThrow(StaleRecordEdit);
      const error = await stale.catch((e: unknown) => e);
      expect((error as StaleRecordEdit).saved).toMatchObject({
        body: "Leah was at home alone. The flat was warm and tidy.",
        title: "Home visit",
        version: 3,
      });
    });

    it("autosaves a draft's text as a new version, but never a shared entry's", async () => {
      const { entryId } = await createEntry(as("socialWorker"), cases.mia, note());
      const saved = await saveEntryText(as("socialWorker"), entryId, "Autosaved words.", 1);
      expect(saved).toMatchObject({ saved: true, version: 2 });
      expect((await reviewFor(as("socialWorker"), entryId)).body).toBe("Autosaved words.");
      await expect(saveEntryText(as("socialWorker"), entryId, "Old tab.", 1)).rejects.toThrow(
        StaleWrite,
      );
      await shareEntry(
        as("socialWorker"),
        entryId,
        { memberIds: [demoIds.members.miaLeah], deadline: "", version: 2 },
        deps(),
      );
      const answer = await saveEntryText(as("socialWorker"), entryId, "Changed quietly.", 3);
      expect(answer).toMatchObject({ saved: false, version: 3 });
      expect((await reviewFor(as("socialWorker"), entryId)).body).toBe("Autosaved words.");
    });
  });

  describe("sharing", () => {
    it("blocks a share to Leah while the text holds Daniel's address, naming what was found", async () => {
      const { entryId } = await createEntry(
        as("socialWorker"),
        cases.mia,
        note({ body: "Mia will visit Daniel at 12 Kestrel Road, Northmoor NM6 8JT on Saturday." }),
      );
      const result = await shareEntry(
        as("socialWorker"),
        entryId,
        { memberIds: [members.miaLeah], deadline: "", version: 1 },
        deps(),
      );
      expect(result).toEqual({
        ok: false,
        code: "CONFIDENTIAL_DETAILS",
        findings: [
          {
            memberId: members.miaLeah,
            recipientName: "Leah Morgan",
            kind: "address",
            ownerLabel: "Daniel Morgan",
            found: "12 Kestrel Road, Northmoor NM6 8JT",
          },
        ],
      });
      expect((await reviewFor(as("socialWorker"), entryId)).status).toBe("draft");
      // The audit trail records that a share was stopped, never the address itself.
      const rows = await auditRows(entryId);
      const denied = rows.find((r) => r.action === "share" && r.outcome === "denied");
      expect(denied?.detail).toMatchObject({ reason: "CONFIDENTIAL_DETAILS" });
      expect(JSON.stringify(rows)).not.toContain("Kestrel");
      // Daniel's own address can be shared with Daniel.
      const toDaniel = await shareEntry(
        as("socialWorker"),
        entryId,
        { memberIds: [members.miaDaniel], deadline: "", version: 1 },
        deps(),
      );
      expect(toDaniel.ok).toBe(true);
    });

    it("blocks a name flagged confidential for Leah, and the foster carers' phone for anyone", async () => {
      const { entryId } = await createEntry(
        as("socialWorker"),
        cases.mia,
        note({
          body: "Daniel's partner Chloe Brennan came to contact. Ring the carers on 07700 900118.",
        }),
      );
      const result = await shareEntry(
        as("socialWorker"),
        entryId,
        { memberIds: [members.miaLeah, members.miaDaniel], deadline: "", version: 1 },
        deps(),
      );
      expect(result.ok).toBe(false);
      const findings = result.ok || result.code !== "CONFIDENTIAL_DETAILS" ? [] : result.findings;
      expect(findings.map((f) => [f.recipientName, f.kind, f.ownerLabel])).toEqual([
        ["Daniel Morgan", "phone", "Helen and Mark Doyle (foster carers)"],
        ["Leah Morgan", "phone", "Helen and Mark Doyle (foster carers)"],
        ["Leah Morgan", "name", "Daniel's partner"],
      ]);
    });

    it("never shares an entry marked not for the family", async () => {
      const { entryId } = await createEntry(
        as("socialWorker"),
        cases.mia,
        note({ notForFamily: "on" }),
      );
      const result = await shareEntry(
        as("socialWorker"),
        entryId,
        { memberIds: [members.miaLeah], deadline: "", version: 1 },
        deps(),
      );
      expect(result).toEqual({ ok: false, code: "NOT_FOR_FAMILY" });
      expect((await reviewFor(as("socialWorker"), entryId)).canShare).toBe(false);
    });

    it("refuses a recipient from another case, and a deadline under a week", async () => {
      const { entryId } = await createEntry(as("socialWorker"), cases.mia, note());
      await expect(
        shareEntry(
          as("socialWorker"),
          entryId,
          { memberIds: [members.tylerKerry], deadline: "", version: 1 },
          deps(),
        ),
      ).resolves.toEqual({ ok: false, code: "NOT_A_RECIPIENT" });
      await expect(
        shareEntry(
          as("socialWorker"),
          entryId,
          { memberIds: [members.miaLeah], deadline: addDays(today, 3), version: 1 },
          deps(),
        ),
      ).resolves.toEqual({ ok: false, code: "DEADLINE_TOO_SOON" });
    });

    it("lets the team manager share, but not the co-worker", async () => {
      const { entryId } = await createEntry(as("socialWorker"), cases.mia, note());
      await expect(
        shareEntry(
          as("coWorker"),
          entryId,
          { memberIds: [members.miaLeah], deadline: "", version: 1 },
          deps(),
        ),
      ).rejects.toThrow("ROLE_NOT_ALLOWED");
      const result = await shareEntry(
        as("teamManager"),
        entryId,
        { memberIds: [members.miaLeah], deadline: "", version: 1 },
        deps(),
      );
      expect(result.ok).toBe(true);
    });

    it("gives Kerry two weeks more, emails her and her advocate, and shows it to her", async () => {
      const { entryId } = await createEntry(
        as("socialWorker"),
        cases.tyler,
        note({ title: "Contact at the family centre", body: "Tyler and Kerry played football." }),
      );
      const result = await shareEntry(
        as("socialWorker"),
        entryId,
        { memberIds: [members.tylerKerry], deadline: "", version: 1 },
        deps(),
      );
      expect(result).toEqual({
        ok: true,
        notified: 2,
        deadlines: [
          { memberId: members.tylerKerry, deadline: addDays(today, REVIEW_WINDOW_DAYS + 14) },
        ],
      });
      const shared = await entriesSharedWithMe(as("ldParent"));
      expect(shared.find((e) => e.entryId === entryId)?.deadline).toBe(
        addDays(today, REVIEW_WINDOW_DAYS + 14),
      );
      const outbox = await deps().mailer.outbox(50);
      const kerrys = outbox.filter(
        (m) => m.to === "kerry@homeward.example" || m.to === "advocate@homeward.example",
      );
      expect(kerrys).toHaveLength(2);
      for (const message of kerrys) {
        expect(`${message.subject}\n${message.text}`).not.toContain("football");
        expect(`${message.subject}\n${message.text}`).not.toContain("Tyler");
      }
    });
  });

  describe("replying to responses and finalising", () => {
    let entryId = "";
    let correctionId = "";

    it("shows Leah's correction beside the text, with the corrected text suggested", async () => {
      ({ entryId } = await createEntry(
        as("socialWorker"),
        cases.mia,
        note({ body: "Leah missed three contact sessions in October. Mia was upset." }),
      ));
      const shared = await shareEntry(
        as("socialWorker"),
        entryId,
        { memberIds: [members.miaLeah], deadline: "", version: 1 },
        deps(),
      );
      expect(shared.ok).toBe(true);
      const sent = await respondToEntry(as("parent"), entryId, {
        kind: "correction",
        anchorText: "three contact sessions",
        body: "It was one session. The bus did not come.",
        proposedText: "one contact session because the bus did not come",
        intent: "send",
      });
      correctionId = sent.id;
      const view = await reviewFor(as("socialWorker"), entryId);
      const correction = view.responses.find((r) => r.id === correctionId);
      expect(correction).toMatchObject({
        kind: "correction",
        authorName: "Leah Morgan",
        status: "open",
        decisions: ["accept", "decline", "note"],
        suggestion: {
          text: "Leah missed one contact session because the bus did not come in October. Mia was upset.",
          applied: true,
        },
      });
      expect(correction?.clock?.answerBy).toBe(addMonths(correction?.receivedOn ?? "", 1));
      expect(correction?.clock?.overdue).toBe(false);
      expect(view.finalise).toEqual({ ok: false, code: "RESPONSES_WAITING" });
      await expect(finaliseEntry(as("socialWorker"), entryId, view.version)).resolves.toEqual({
        ok: false,
        code: "RESPONSES_WAITING",
      });
    });

    it("needs a reason to decline, and refuses the co-worker's reply", async () => {
      const parsed = replySchema.safeParse({
        responseId: correctionId,
        decision: "decline",
        reply: "",
        responseVersion: 1,
        entryVersion: 2,
      });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues[0]?.message).toBe("review:errors.declineReason");
      await expect(
        replyToResponse(
          as("coWorker"),
          replySchema.parse({
            responseId: correctionId,
            decision: "note",
            responseVersion: 1,
            entryVersion: 2,
          }),
          deps(),
        ),
      ).rejects.toThrow("ROLE_NOT_ALLOWED");
    });

    it("refuses an accept made on an older copy of the entry", async () => {
      const view = await reviewFor(as("socialWorker"), entryId);
      await expect(
        replyToResponse(
          as("socialWorker"),
          replySchema.parse({
            responseId: correctionId,
            decision: "accept",
            resultingText: "Something else.",
            responseVersion: 1,
            entryVersion: view.version - 1,
          }),
          deps(),
        ),
      ).rejects.toThrow(StaleWrite);
    });

    it("accepts the correction as a new version, tells Leah, and she sees the new text", async () => {
      const view = await reviewFor(as("socialWorker"), entryId);
      const correction = view.responses.find((r) => r.id === correctionId);
      const result = await replyToResponse(
        as("socialWorker"),
        replySchema.parse({
          responseId: correctionId,
          decision: "accept",
          reply: "Thank you, Leah. I have changed it.",
          resultingText: correction?.suggestion?.text,
          responseVersion: correction?.version,
          entryVersion: view.version,
        }),
        deps(),
      );
      expect(result).toEqual({ ok: true, status: "accepted", versionNumber: 2 });
      const [version] = await seeded.handle.db
        .select()
        .from(recordEntryVersion)
        .where(
          and(eq(recordEntryVersion.entryId, entryId), eq(recordEntryVersion.versionNumber, 2)),
        );
      expect(version?.fromResponseId).toBe(correctionId);
      const [row] = await seeded.handle.db
        .select()
        .from(familyResponse)
        .where(eq(familyResponse.id, correctionId));
      expect(row).toMatchObject({ status: "accepted", resultingVersionNumber: 2 });

      const leah = await entryForViewer(as("parent"), entryId);
      expect(leah.body).toContain("one contact session because the bus did not come");
      expect(leah.myResponses[0]).toMatchObject({
        status: "accepted",
        practitionerReply: "Thank you, Leah. I have changed it.",
      });
      const outbox = await deps().mailer.outbox(50);
      expect(
        outbox.some((m) => m.to === "parent@homeward.example" && m.text.includes("/records")),
      ).toBe(true);
      await expect(
        replyToResponse(
          as("socialWorker"),
          replySchema.parse({
            responseId: correctionId,
            decision: "note",
            responseVersion: 2,
            entryVersion: view.version + 1,
          }),
          deps(),
        ),
      ).resolves.toEqual({ ok: false, code: "NOT_OPEN" });
    });

    it("keeps a chronology event's analysis when Daniel's correction is accepted", async () => {
      const chronologyEntry = "entry-mia-3";
      const view = await reviewFor(as("socialWorker"), chronologyEntry);
      const correction = view.responses.find((r) => r.id === responses.danielCorrection);
      expect(correction?.suggestion?.applied).toBe(true);
      const result = await replyToResponse(
        as("socialWorker"),
        replySchema.parse({
          responseId: responses.danielCorrection,
          decision: "accept",
          reply: "Changed, thank you.",
          resultingText: correction?.suggestion?.text,
          responseVersion: correction?.version,
          entryVersion: view.version,
        }),
        deps(),
      );
      expect(result).toMatchObject({ ok: true, status: "accepted" });
      const versions = await seeded.handle.db
        .select()
        .from(recordEntryVersion)
        .where(eq(recordEntryVersion.entryId, chronologyEntry));
      const before = versions.find((v) => v.versionNumber === view.versionNumber);
      const after = versions.find((v) => v.versionNumber === view.versionNumber + 1);
      expect(before?.analysis).toBeTruthy();
      expect(after?.analysis).toBe(before?.analysis);
      expect(after?.body).toContain("In April 2023 Leah and Daniel agreed to separate");
    });

    it("finalises once every response has a reply; the co-worker cannot, nor can anyone edit after", async () => {
      const view = await reviewFor(as("socialWorker"), entryId);
      expect(view.finalise).toEqual({ ok: true });
      await expect(finaliseEntry(as("coWorker"), entryId, view.version)).rejects.toThrow(
        "ROLE_NOT_ALLOWED",
      );
      await expect(finaliseEntry(as("socialWorker"), entryId, view.version)).resolves.toEqual({
        ok: true,
      });
      const final = await reviewFor(as("socialWorker"), entryId);
      expect(final).toMatchObject({ status: "finalised", finalisedByName: "Sarah Okafor" });
      await expect(
        editEntry(as("socialWorker"), entryId, { ...note(), version: final.version }),
      ).rejects.toThrow("FINALISED_IS_READ_ONLY");
      expect((await entryForViewer(as("parent"), entryId)).status).toBe("finalised");
    });

    it("keeps a noted disagreement attached to the final entry in both apps", async () => {
      const { entryId: id } = await createEntry(
        as("socialWorker"),
        cases.mia,
        note({ body: "Leah finds it hard to accept help." }),
      );
      await shareEntry(
        as("socialWorker"),
        id,
        { memberIds: [members.miaLeah, members.miaDaniel], deadline: "", version: 1 },
        deps(),
      );
      const { id: disagreementId } = await respondToEntry(as("parent"), id, {
        kind: "disagreement",
        anchorText: "",
        body: "I ask for help every week.",
        proposedText: "",
        intent: "send",
      });
      const before = await reviewFor(as("socialWorker"), id);
      await replyToResponse(
        as("socialWorker"),
        replySchema.parse({
          responseId: disagreementId,
          decision: "note",
          reply: "Your view stays with the record.",
          responseVersion: 1,
          entryVersion: before.version,
        }),
        deps(),
      );
      // Daniel has not answered and still has time: the entry cannot be final yet.
      const waiting = await reviewFor(as("socialWorker"), id);
      expect(waiting.finalise).toEqual({ ok: false, code: "REVIEW_WINDOW_OPEN" });
      const afterDeadline = new Date(now.getTime() + 20 * 24 * 60 * 60 * 1000);
      await expect(
        finaliseEntry(as("socialWorker", afterDeadline), id, waiting.version),
      ).resolves.toEqual({ ok: true });

      const practitioner = await reviewFor(as("socialWorker"), id);
      expect(practitioner.standingDisagreements).toEqual([
        expect.objectContaining({
          id: disagreementId,
          body: "I ask for help every week.",
          status: "noted",
          authorName: "Leah Morgan",
        }),
      ]);
      const leah = await entryForViewer(as("parent"), id);
      expect(leah.standingDisagreements).toEqual([
        { byMe: true, body: "I ask for help every week." },
      ]);
      // Daniel learns only that someone disagrees, never what Leah wrote.
      const daniel = await entryForViewer(as("secondParent"), id);
      expect(daniel.standingDisagreements).toEqual([{ byMe: false, body: null }]);
    });
  });
});
