import {
  auditEvent,
  caseMember,
  demoIds,
  recordEntry,
  recordEntryVersion,
  staffMembership,
  user,
} from "@homeward/db";
import { databaseUnderTest } from "@homeward/db/testing";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  addEvent,
  assignFileReader,
  type ChronologyEntryInput,
  chronologyEntrySchema,
  chronologyFor,
  editEvent,
  moveEvent,
  readerAssignmentFor,
  StaleChronologyEdit,
  saveDraftText,
} from "./chronology.ts";
import { AccessDenied, StaleWrite } from "./context.ts";
import { type SeededDatabase, seededDatabase } from "./testing.ts";

const { cases, entries } = demoIds;

const event = (overrides: Partial<ChronologyEntryInput> = {}): ChronologyEntryInput =>
  chronologyEntrySchema.parse({
    kind: "event",
    title: "Daniel starts a parenting course",
    eventDate: "2026-10-12",
    source: "Course provider's letter, 12 October 2026",
    body: "Daniel began a ten-week parenting course at the family centre.",
    significance: "Daniel is taking steps to be able to care for Mia.",
    analysis: "Ask the provider about attendance at the halfway point.",
    pattern: "Daniel's involvement",
    ...overrides,
  });

describe(`the analytical chronology on ${databaseUnderTest}`, () => {
  let seeded: SeededDatabase;
  const readerId = "user-file-reader";
  beforeAll(async () => {
    seeded = await seededDatabase();
    // An independent file reader in the same team, who has never worked with the family.
    await seeded.handle.db.insert(user).values({
      id: readerId,
      name: "Alex Reid",
      email: "file-reader@homeward.example",
      kind: "practitioner",
    });
    const [sarahTeam] = await seeded.handle.db
      .select({ teamId: staffMembership.teamId })
      .from(staffMembership)
      .where(eq(staffMembership.userId, seeded.users.socialWorker));
    await seeded.handle.db
      .insert(staffMembership)
      .values({ userId: readerId, teamId: sarahTeam?.teamId ?? "", role: "co_worker" });
  });
  afterAll(() => seeded.handle.dispose());

  const asReader = () => ({ ...seeded.as("coWorker"), userId: readerId });

  it("lists Mia's events in order with their text, analysis, patterns and status", async () => {
    const view = await chronologyFor(seeded.as("socialWorker"), cases.mia);
    expect(view.events.map((e) => e.entryId)).toEqual([
      "entry-mia-1",
      "entry-mia-2",
      "entry-mia-3",
      "entry-mia-4",
      "entry-mia-5",
      "entry-mia-6",
    ]);
    const first = view.events[0];
    expect(first).toMatchObject({
      status: "shared",
      source: "Health visiting records, Eastfield Community Health",
      authorName: "Sarah Okafor",
      byReader: false,
      versionNumber: 1,
      canEdit: true,
    });
    expect(first?.body).toMatch(/Eastfield General Hospital/);
    expect(first?.analysis).toMatch(/strength/);
    expect(view.patterns).toEqual([
      "Conflict between Leah and Daniel",
      "Mia's care suffers when Leah is unwell",
    ]);
    expect(view.gaps).toEqual([]);
    expect(view.canAdd).toBe(true);
    // The case note is not a chronology event.
    expect(JSON.stringify(view)).not.toContain(entries.miaPrivateNote);
  });

  it("audits the read, and refuses a family member and another case's outsiders", async () => {
    await chronologyFor(seeded.as("coWorker"), cases.mia);
    const reads = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.resourceType, "chronology"),
          eq(auditEvent.actorUserId, seeded.users.coWorker),
        ),
      );
    expect(reads.length).toBeGreaterThan(0);
    await expect(chronologyFor(seeded.as("parent"), cases.mia)).rejects.toBeInstanceOf(
      AccessDenied,
    );
    await expect(
      addEvent(seeded.as("parent", { app: "practitioner" }), cases.mia, event()),
    ).rejects.toBeInstanceOf(AccessDenied);
  });

  it("requires a date and a source for an event, but not for a gap", () => {
    const missing = chronologyEntrySchema.safeParse({ kind: "event", title: "x", body: "y" });
    expect(missing.success).toBe(false);
    const messages = missing.error?.issues.map((i) => i.message);
    expect(messages).toContain("chronology:errors.eventDate");
    expect(messages).toContain("chronology:errors.source");
    expect(
      chronologyEntrySchema.safeParse({ kind: "gap", title: "GP records 2021", body: "Missing" })
        .success,
    ).toBe(true);
  });

  it("adds an event at the end and a gap apart from the events, each audited", async () => {
    const ctx = seeded.as("socialWorker");
    const { entryId } = await addEvent(ctx, cases.mia, event());
    const gap = await addEvent(
      ctx,
      cases.mia,
      chronologyEntrySchema.parse({
        kind: "gap",
        title: "Daniel's housing since 2023",
        body: "We do not know where Daniel lived between May 2023 and 2025.",
        analysis: "Ask Daniel, and check with the housing office with his consent.",
        significance: "Matters for whether Mia could live with him.",
        source: "ignored for a gap",
      }),
    );
    const view = await chronologyFor(ctx, cases.mia);
    expect(view.events.at(-1)).toMatchObject({ entryId, status: "draft", versionNumber: 1 });
    expect(view.patterns).toContain("Daniel's involvement");
    expect(view.gaps).toEqual([
      expect.objectContaining({ entryId: gap.entryId, kind: "gap", source: null }),
    ]);
    const created = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.resourceId, entryId), eq(auditEvent.action, "create")));
    expect(created).toHaveLength(1);
  });

  it("keeps every version of the text, and refuses a stale edit with the saved text", async () => {
    const ctx = seeded.as("socialWorker");
    const { entryId } = await addEvent(ctx, cases.mia, event({ title: "Two tabs" }));
    const first = await editEvent(ctx, entryId, {
      ...event({ title: "Two tabs", body: "Tab one's words." }),
      version: 1,
    });
    expect(first).toEqual({ version: 2, versionNumber: 2 });
    const stale = editEvent(seeded.as("coWorker"), entryId, {
      ...event({ title: "Two tabs", body: "Tab two's words." }),
      version: 1,
    });
    await expect(stale).rejects.toBeInstanceOf(StaleWrite);
    const error = await stale.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StaleChronologyEdit);
    expect((error as StaleChronologyEdit).saved).toMatchObject({
      body: "Tab one's words.",
      version: 2,
    });
    const versions = await seeded.handle.db
      .select({ n: recordEntryVersion.versionNumber, body: recordEntryVersion.body })
      .from(recordEntryVersion)
      .where(eq(recordEntryVersion.entryId, entryId));
    expect(versions.map((v) => v.n).sort()).toEqual([1, 2]);
    expect(versions.find((v) => v.n === 1)?.body).toMatch(/ten-week/);
  });

  it("autosaves a draft's text as a new version, but never a shared entry's", async () => {
    const ctx = seeded.as("socialWorker");
    const { entryId } = await addEvent(ctx, cases.mia, event({ title: "Autosave" }));
    const saved = await saveDraftText(ctx, entryId, "analysis", "Half-way thoughts", 1);
    expect(saved).toMatchObject({ saved: true, version: 2 });
    const view = await chronologyFor(ctx, cases.mia);
    expect(view.events.find((e) => e.entryId === entryId)?.analysis).toBe("Half-way thoughts");
    await expect(saveDraftText(ctx, entryId, "body", "Late", 1)).rejects.toBeInstanceOf(
      StaleChronologyEdit,
    );
    const shared = await saveDraftText(ctx, "entry-mia-1", "body", "Not for the family yet", 1);
    expect(shared.saved).toBe(false);
    const after = await chronologyFor(ctx, cases.mia);
    expect(after.events[0]?.body).toMatch(/Eastfield General Hospital/);
  });

  it("moves an event up and down", async () => {
    const ctx = seeded.as("socialWorker");
    await moveEvent(ctx, "entry-mia-3", "up", 1);
    let order = (await chronologyFor(ctx, cases.mia)).events.map((e) => e.entryId);
    expect(order.slice(0, 3)).toEqual(["entry-mia-1", "entry-mia-3", "entry-mia-2"]);
    await moveEvent(ctx, "entry-mia-3", "down", 2);
    order = (await chronologyFor(ctx, cases.mia)).events.map((e) => e.entryId);
    expect(order.slice(0, 3)).toEqual(["entry-mia-1", "entry-mia-2", "entry-mia-3"]);
    await expect(moveEvent(ctx, "entry-mia-3", "down", 1)).rejects.toBeInstanceOf(StaleWrite);
  });

  it("keeps finalised entries read-only", async () => {
    // Tyler's finalised decision record is not a chronology event; finalise one of Mia's.
    const ctx = seeded.as("socialWorker");
    const { entryId } = await addEvent(ctx, cases.mia, event({ title: "Final" }));
    await seeded.handle.db
      .update(recordEntry)
      .set({ status: "finalised" })
      .where(eq(recordEntry.id, entryId));
    await expect(
      editEvent(ctx, entryId, { ...event({ title: "Final" }), version: 1 }),
    ).rejects.toMatchObject({ reason: "FINALISED_IS_READ_ONLY" });
    const view = await chronologyFor(ctx, cases.mia);
    expect(view.events.find((e) => e.entryId === entryId)?.canEdit).toBe(false);
  });

  it("refuses the allocated worker as the file reader, and audits the refusal", async () => {
    const sarah = seeded.as("socialWorker");
    await expect(
      assignFileReader(sarah, cases.yasmin, seeded.users.socialWorker),
    ).rejects.toMatchObject({ reason: "READER_IS_ALLOCATED_WORKER" });
    // Nor the co-worker, who has worked with the family too.
    await expect(
      assignFileReader(sarah, cases.yasmin, seeded.users.coWorker),
    ).rejects.toMatchObject({ reason: "READER_HAS_WORKED_WITH_FAMILY" });
    const denied = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(and(eq(auditEvent.action, "assign_file_reader"), eq(auditEvent.outcome, "denied")));
    // One audited refusal each: the allocated worker, then the co-worker.
    expect(denied.map((d) => (d.detail as { reason: string }).reason).sort()).toEqual([
      "READER_HAS_WORKED_WITH_FAMILY",
      "READER_IS_ALLOCATED_WORKER",
    ]);
    // Only the allocated worker and the manager assign readers.
    await expect(
      assignFileReader(seeded.as("coWorker"), cases.yasmin, readerId),
    ).rejects.toBeInstanceOf(AccessDenied);
  });

  it("assigns an independent reader, whose entries are labelled as theirs", async () => {
    const sarah = seeded.as("socialWorker");
    const options = await readerAssignmentFor(sarah, cases.yasmin);
    expect(
      options.candidates.find((c) => c.userId === seeded.users.socialWorker)?.rolesOnCase,
    ).toContain("social_worker");
    const { memberId } = await assignFileReader(sarah, cases.yasmin, readerId);
    const [member] = await seeded.handle.db
      .select()
      .from(caseMember)
      .where(eq(caseMember.id, memberId));
    expect(member).toMatchObject({
      role: "chronologist",
      userId: readerId,
      grantedBy: seeded.users.socialWorker,
    });
    // Assigning again does not add a second membership.
    expect(await assignFileReader(sarah, cases.yasmin, readerId)).toEqual({ memberId });

    const reader = asReader();
    const view = await chronologyFor(reader, cases.yasmin);
    expect(view.viewerIsReader).toBe(true);
    expect(view.readers.map((r) => r.name)).toEqual(["Alex Reid"]);
    const { entryId } = await addEvent(
      reader,
      cases.yasmin,
      event({ title: "From the file read" }),
    );
    const after = await chronologyFor(sarah, cases.yasmin);
    const written = after.events.find((e) => e.entryId === entryId);
    expect(written).toMatchObject({ byReader: true, authorName: "Alex Reid" });
    // The allocated worker cannot rewrite the reader's entry ...
    expect(written?.canEdit).toBe(false);
    await expect(
      editEvent(sarah, entryId, { ...event({ body: "Sarah's words" }), version: 1 }),
    ).rejects.toMatchObject({ reason: "READER_IS_ALLOCATED_WORKER" });
    // ... and the reader edits only their own entries.
    const sarahsEntry = await addEvent(sarah, cases.yasmin, event({ title: "Sarah's" }));
    await expect(
      editEvent(reader, sarahsEntry.entryId, { ...event({ body: "Reader's words" }), version: 1 }),
    ).rejects.toMatchObject({ reason: "ROLE_NOT_ALLOWED" });
    await expect(
      editEvent(reader, entryId, {
        ...event({ title: "From the file read", body: "Better" }),
        version: 1,
      }),
    ).resolves.toEqual({ version: 2, versionNumber: 2 });
  });
});
