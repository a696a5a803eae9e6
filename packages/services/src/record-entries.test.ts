import { auditEvent, demoIds, familyResponse } from "@homeward/db";
import { databaseUnderTest } from "@homeward/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDenied, StaleWrite } from "./context.ts";
import {
  entriesSharedWithMe,
  entryForViewer,
  familyResponseSchema,
  respondToEntry,
} from "./record-entries.ts";
import { type SeededDatabase, seededDatabase } from "./testing.ts";

const { entries, responses } = demoIds;

describe(`record entries for families on ${databaseUnderTest}`, () => {
  let seeded: SeededDatabase;
  beforeAll(async () => {
    seeded = await seededDatabase();
  });
  afterAll(() => seeded.handle.dispose());

  it("lists for each parent only what was shared with them: never drafts, private notes or the other's entries", async () => {
    const leah = (await entriesSharedWithMe(seeded.as("parent"))).map((e) => e.entryId).sort();
    const daniel = (await entriesSharedWithMe(seeded.as("secondParent")))
      .map((e) => e.entryId)
      .sort();
    expect(leah).toEqual(
      [...entries.miaSharedWithBothParents, entries.miaSharedWithLeahOnly].sort(),
    );
    expect(daniel).toEqual([...entries.miaSharedWithBothParents].sort());
  });

  it("refuses Daniel the entry shared only with Leah, and audits the refusal", async () => {
    await expect(
      entryForViewer(seeded.as("secondParent"), entries.miaSharedWithLeahOnly),
    ).rejects.toBeInstanceOf(AccessDenied);
    const denials = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.resourceId, entries.miaSharedWithLeahOnly),
          eq(auditEvent.outcome, "denied"),
        ),
      );
    expect(denials[0]).toMatchObject({
      actorUserId: seeded.users.secondParent,
      app: "portal",
      action: "read",
    });
  });

  it("refuses drafts and the not-for-family note even to a parent on the case", async () => {
    for (const id of [...entries.miaDrafts, entries.miaPrivateNote]) {
      await expect(entryForViewer(seeded.as("parent"), id)).rejects.toBeInstanceOf(AccessDenied);
    }
  });

  it("shows a parent their own responses, never the other parent's", async () => {
    const [shared] = entries.miaSharedWithBothParents;
    const forLeah = await entryForViewer(seeded.as("parent"), shared as string);
    const forDaniel = await entryForViewer(seeded.as("secondParent"), shared as string);
    const ids = (view: typeof forLeah) => view.myResponses.map((r) => r.id);
    expect(ids(forLeah)).not.toContain(responses.danielCorrection);
    expect(ids(forDaniel)).not.toContain(responses.leahComment);
    expect(JSON.stringify(forLeah)).not.toMatch(/response-mia-daniel/);
  });

  it("records every allowed read in the audit trail", async () => {
    await entryForViewer(seeded.as("parent"), entries.miaSharedWithLeahOnly);
    const reads = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.resourceId, entries.miaSharedWithLeahOnly),
          eq(auditEvent.outcome, "allowed"),
        ),
      );
    expect(reads.some((r) => r.actorUserId === seeded.users.parent && r.action === "read")).toBe(
      true,
    );
  });

  it("saves a factual correction with its audit row, and keeps a half-written one as a draft", async () => {
    const entryId = entries.miaSharedWithLeahOnly;
    const draft = await respondToEntry(
      seeded.as("parent"),
      entryId,
      familyResponseSchema.parse({
        kind: "correction",
        body: "",
        proposedText: "I went to",
        intent: "save_draft",
      }),
    );
    expect(draft.status).toBe("draft");
    const sent = await respondToEntry(
      seeded.as("parent"),
      entryId,
      familyResponseSchema.parse({
        kind: "correction",
        body: "The date is wrong.",
        proposedText: "I went to the GP on 3 March.",
        intent: "send",
        draftId: draft.id,
        draftVersion: "1",
      }),
    );
    expect(sent).toEqual({ id: draft.id, status: "open" });
    const [row] = await seeded.handle.db
      .select()
      .from(familyResponse)
      .where(eq(familyResponse.id, draft.id));
    expect(row).toMatchObject({
      status: "open",
      version: 2,
      proposedText: "I went to the GP on 3 March.",
    });
    const audit = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(eq(auditEvent.resourceId, draft.id));
    expect(audit.map((a) => a.action).sort()).toEqual(["respond", "save_draft"]);
  });

  it("never overwrites a draft saved elsewhere in the meantime", async () => {
    const entryId = entries.miaSharedWithLeahOnly;
    const draft = await respondToEntry(
      seeded.as("parent"),
      entryId,
      familyResponseSchema.parse({ kind: "comment", body: "first", intent: "save_draft" }),
    );
    await respondToEntry(
      seeded.as("parent"),
      entryId,
      familyResponseSchema.parse({
        kind: "comment",
        body: "second tab",
        intent: "save_draft",
        draftId: draft.id,
        draftVersion: "1",
      }),
    );
    await expect(
      respondToEntry(
        seeded.as("parent"),
        entryId,
        familyResponseSchema.parse({
          kind: "comment",
          body: "stale tab",
          intent: "send",
          draftId: draft.id,
          draftVersion: "1",
        }),
      ),
    ).rejects.toBeInstanceOf(StaleWrite);
  });

  it("attributes an interpreter's response to the person they act for", async () => {
    const result = await respondToEntry(
      seeded.as("interpreter"),
      entries.yasminSharedWithAmira,
      familyResponseSchema.parse({
        kind: "comment",
        body: "Amira asks what 'core group' means.",
        intent: "send",
      }),
    );
    const [row] = await seeded.handle.db
      .select()
      .from(familyResponse)
      .where(eq(familyResponse.id, result.id));
    expect(row?.onBehalfOfMemberId).toBe(demoIds.members.yasminAmira);
    expect(row?.authorMemberId).toBe(demoIds.members.yasminInterpreter);
    // And Amira sees it among her own responses.
    const forAmira = await entryForViewer(seeded.as("arabicParent"), entries.yasminSharedWithAmira);
    expect(forAmira.myResponses.find((r) => r.id === result.id)?.writtenOnBehalf).toBe(true);
  });

  it("keeps a standing disagreement with the finalised entry, and the entry read-only", async () => {
    const view = await entryForViewer(
      seeded.as("ldParent"),
      entries.tylerFinalisedWithDisagreement,
    );
    expect(view.status).toBe("finalised");
    expect(view.canRespond).toBe(false);
    expect(view.standingDisagreements.some((d) => d.byMe && d.body)).toBe(true);
    await expect(
      respondToEntry(
        seeded.as("ldParent"),
        entries.tylerFinalisedWithDisagreement,
        familyResponseSchema.parse({ kind: "comment", body: "x" }),
      ),
    ).rejects.toBeInstanceOf(AccessDenied);
  });

  it("refuses a response without its required parts, with translatable messages", () => {
    const result = familyResponseSchema.safeParse({
      kind: "correction",
      body: "",
      proposedText: "",
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.message).sort()).toEqual([
      "records:respond.errors.body.correction",
      "records:respond.errors.proposedText",
    ]);
  });
});
