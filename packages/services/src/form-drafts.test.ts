import { auditEvent, demoIds } from "@homeward/db";
import { databaseUnderTest } from "@homeward/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDenied } from "./context.ts";
import {
  clearFormDraft,
  draftSaveSchema,
  formDraftsFor,
  purposeOf,
  saveFormDraft,
} from "./form-drafts.ts";
import { type SeededDatabase, seededDatabase } from "./testing.ts";

const { cases } = demoIds;

describe(`form drafts on ${databaseUnderTest}`, () => {
  let seeded: SeededDatabase;
  beforeAll(async () => {
    seeded = await seededDatabase();
  });
  afterAll(() => seeded.handle.dispose());

  it("keeps each field as it is typed, gives it back only to its writer, and clears it", async () => {
    const sarah = seeded.as("socialWorker");
    await saveFormDraft(sarah, cases.mia, {
      formKey: "decision:new",
      field: "reasons",
      text: "Leah has",
    });
    await saveFormDraft(sarah, cases.mia, {
      formKey: "decision:new",
      field: "familyExplanation",
      text: "Mia cannot",
    });
    await saveFormDraft(sarah, cases.mia, {
      formKey: "decision:new",
      field: "reasons",
      text: "Leah has started treatment.",
    });
    const mine = await formDraftsFor(sarah, cases.mia, "decision:");
    expect(mine.get("decision:new")?.fields).toEqual({
      reasons: "Leah has started treatment.",
      familyExplanation: "Mia cannot",
    });
    // Another practitioner on the same team sees none of it.
    expect((await formDraftsFor(seeded.as("teamManager"), cases.mia, "decision:")).size).toBe(0);
    // Only this page's forms come back.
    expect((await formDraftsFor(sarah, cases.mia, "factor:")).size).toBe(0);
    await clearFormDraft(sarah, cases.mia, "decision:new", null);
    expect((await formDraftsFor(sarah, cases.mia, "decision:")).size).toBe(0);
  });

  it("does not bring back text when an autosave sent before the save arrives after it", async () => {
    const sarah = seeded.as("socialWorker");
    const typed = { formKey: "decision:new", field: "reasons", text: "Typed", base: "3" };
    await saveFormDraft(sarah, cases.mia, typed);
    await clearFormDraft(sarah, cases.mia, "decision:new", "3");
    // The late autosave, typed on the form that was just saved.
    await expect(saveFormDraft(sarah, cases.mia, typed)).resolves.toMatchObject({ kept: false });
    expect((await formDraftsFor(sarah, cases.mia, "decision:")).size).toBe(0);
    // Saved before any autosave reached the server, then the late one arrives.
    await clearFormDraft(sarah, cases.mia, "capacity:new", "0");
    await saveFormDraft(sarah, cases.mia, { ...typed, formKey: "capacity:new", base: "0" });
    expect((await formDraftsFor(sarah, cases.mia, "capacity:")).size).toBe(0);
    // Typing on the next, empty form starts a new draft.
    await saveFormDraft(sarah, cases.mia, { ...typed, text: "Next one", base: "4" });
    expect(
      (await formDraftsFor(sarah, cases.mia, "decision:")).get("decision:new")?.fields,
    ).toEqual({ reasons: "Next one" });
  });

  it("writes each save to the audit trail without the text", async () => {
    const sarah = seeded.as("socialWorker");
    await saveFormDraft(sarah, cases.mia, {
      formKey: "factor:substance_misuse",
      field: "notes",
      text: "private words",
    });
    const rows = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.resourceType, "form_draft"),
          eq(auditEvent.actorUserId, seeded.users.socialWorker),
        ),
      );
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain("private words");
  });

  it("keeps no text for a form the person could not submit", async () => {
    const input = { formKey: "decision:new", field: "reasons", text: "x" };
    // Co-workers do not record decisions; families never reach practitioner forms.
    await expect(saveFormDraft(seeded.as("coWorker"), cases.mia, input)).rejects.toBeInstanceOf(
      AccessDenied,
    );
    await expect(saveFormDraft(seeded.as("parent"), cases.mia, input)).rejects.toBeInstanceOf(
      AccessDenied,
    );
    // A form nobody declared keeps nothing.
    await expect(
      saveFormDraft(seeded.as("socialWorker"), cases.mia, { ...input, formKey: "unknown:x" }),
    ).rejects.toBeInstanceOf(AccessDenied);
    // The co-worker may keep a factor draft: they assess factors.
    await expect(
      saveFormDraft(seeded.as("coWorker"), cases.mia, { ...input, formKey: "factor:x" }),
    ).resolves.toHaveProperty("savedAt");
  });

  it("reads form keys and field names strictly", () => {
    expect(purposeOf("decision:new")).toBe("decision");
    expect(purposeOf("toString:x")).toBeNull();
    expect(purposeOf("constructor")).toBeNull();
    expect(draftSaveSchema.safeParse({ formKey: "decision:%", field: "a", text: "" }).success).toBe(
      false,
    );
    expect(
      draftSaveSchema.safeParse({ formKey: "decision:new", field: "__proto__", text: "" }).success,
    ).toBe(false);
    expect(
      draftSaveSchema.safeParse({ formKey: "decision:new", field: "reasons", text: "ok" }).success,
    ).toBe(true);
  });
});
