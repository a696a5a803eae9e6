// The analytical chronology of one case (framework.md, stage 1; issue 6 item 3): significant
// events with where the information came from, why they matter, the practitioner's analysis
// and the pattern they belong to; the gaps in the data and how to fill them; and the
// independent file reader, whose entries are labelled as theirs.
//
// Events and gaps are both `chronology_event` record entries, so they share the record's
// lifecycle (draft -> shared -> finalised), versions and family responses. A gap is the
// entry with no source: an event always names where its information came from (the schema
// below requires it), and a gap is, by definition, information nobody has yet. Its body
// says what is missing and its analysis how the team will fill it. No magic strings, no
// schema change.
import { can, canAssignFileReader, type CaseRole, type ResourceFacts } from "@homeward/auth/policy";
import {
  caseMember,
  childCase,
  recordAudit,
  recordEntry,
  recordEntryVersion,
  staffMembership,
  team,
  user,
} from "@homeward/db";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { auditRead, authorize, type CaseFacts, caseFacts, loadViewer, visible } from "./access.ts";
import { AccessDenied, NotFound, type ServiceContext, StaleWrite } from "./context.ts";
import { writeEntryEdit } from "./entry-edit.ts";

type EntryRow = typeof recordEntry.$inferSelect;

export type ChronologyStatus = "draft" | "shared" | "finalised";

const statusOf = (status: EntryRow["status"]): ChronologyStatus =>
  status === "shared_for_review" ? "shared" : status;

function entryFacts(entry: EntryRow, kase: CaseFacts): ResourceFacts & { id: string } {
  return {
    type: "record_entry",
    id: entry.id,
    ...kase,
    status: entry.status,
    notForFamily: entry.notForFamily,
    chronologistEntry: entry.chronologistEntry,
  };
}

/**
 * A stale edit: someone saved first. Carries the saved text, so the page can show the
 * person's version and the saved version side by side and keep what they typed.
 */
export class StaleChronologyEdit extends StaleWrite {
  readonly saved: ChronologyEvent;
  constructor(saved: ChronologyEvent) {
    super(saved.version);
    this.saved = saved;
  }
}

export interface ChronologyEvent {
  entryId: string;
  /** "event" (has a source) or "gap" (no source: information still to find). */
  kind: "event" | "gap";
  title: string;
  eventDate: string | null;
  source: string | null;
  /** What happened (for a gap: what is missing), from the current version. */
  body: string;
  significance: string | null;
  /** The analysis (for a gap: how to fill it), from the current version. */
  analysis: string | null;
  pattern: string | null;
  status: ChronologyStatus;
  authorName: string;
  /** Written by the independent file reader: labelled as theirs. */
  byReader: boolean;
  versionNumber: number;
  /** The row version to send back with an edit (optimistic concurrency). */
  version: number;
  canEdit: boolean;
}

export interface ChronologyView {
  caseId: string;
  reference: string;
  childName: string;
  /** In order: sort order, then date. */
  events: ChronologyEvent[];
  gaps: ChronologyEvent[];
  /** The distinct patterns marked, in order of first appearance. */
  patterns: string[];
  /** The assigned independent file readers. */
  readers: { userId: string; name: string }[];
  canAdd: boolean;
  /** The viewer is this case's file reader: what they write is labelled as theirs. */
  viewerIsReader: boolean;
  canAssignReader: boolean;
}

function byChronologyOrder(a: EntryRow, b: EntryRow): number {
  const sa = a.sortOrder ?? Number.MAX_SAFE_INTEGER;
  const sb = b.sortOrder ?? Number.MAX_SAFE_INTEGER;
  if (sa !== sb) return sa - sb;
  const da = a.eventDate ?? "9999-12-31";
  const db = b.eventDate ?? "9999-12-31";
  if (da !== db) return da < db ? -1 : 1;
  return a.createdAt.getTime() - b.createdAt.getTime();
}

async function caseHeader(ctx: ServiceContext, caseId: string) {
  const [row] = await ctx.db
    .select({ reference: childCase.reference, childName: childCase.childName })
    .from(childCase)
    .where(eq(childCase.id, caseId))
    .limit(1);
  if (!row) throw new NotFound(`case ${caseId}`);
  return row;
}

async function chronologyRows(ctx: ServiceContext, caseId: string) {
  const rows = await ctx.db
    .select()
    .from(recordEntry)
    .where(and(eq(recordEntry.caseId, caseId), eq(recordEntry.kind, "chronology_event")));
  return rows.sort(byChronologyOrder);
}

async function currentVersions(ctx: ServiceContext, entries: readonly EntryRow[]) {
  if (entries.length === 0) return new Map<string, typeof recordEntryVersion.$inferSelect>();
  const versions = await ctx.db
    .select()
    .from(recordEntryVersion)
    .where(
      inArray(
        recordEntryVersion.entryId,
        entries.map((e) => e.id),
      ),
    );
  const byEntry = new Map<string, typeof recordEntryVersion.$inferSelect>();
  for (const entry of entries) {
    const current = versions.find(
      (v) => v.entryId === entry.id && v.versionNumber === entry.currentVersionNumber,
    );
    if (current) byEntry.set(entry.id, current);
  }
  return byEntry;
}

async function namesOf(
  ctx: ServiceContext,
  userIds: readonly string[],
  db: Pick<ServiceContext["db"], "select"> = ctx.db,
) {
  if (userIds.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: user.id, name: user.name })
    .from(user)
    .where(inArray(user.id, [...new Set(userIds)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

function isReader(viewer: Awaited<ReturnType<typeof loadViewer>>): boolean {
  return viewer.memberships.some((m) => m.role === "chronologist" && m.revokedAt === null);
}

// Asking the policy for a button's state is not an attempt: no audit row for it.
function canQuietly(
  viewer: Awaited<ReturnType<typeof loadViewer>>,
  action: "create" | "update",
  facts: ResourceFacts,
): boolean {
  return can(viewer, action, facts).allowed;
}

function toEvent(
  entry: EntryRow,
  version: typeof recordEntryVersion.$inferSelect | undefined,
  names: Map<string, string>,
  canEdit: boolean,
): ChronologyEvent {
  return {
    entryId: entry.id,
    kind: entry.source === null ? "gap" : "event",
    title: entry.title,
    eventDate: entry.eventDate,
    source: entry.source,
    body: version?.body ?? "",
    significance: entry.significance,
    analysis: version?.analysis ?? null,
    pattern: entry.pattern,
    status: statusOf(entry.status),
    authorName: names.get(entry.authorUserId) ?? "",
    byReader: entry.chronologistEntry,
    versionNumber: entry.currentVersionNumber,
    version: entry.version,
    canEdit,
  };
}

/** The case's chronology as the viewer may see it. Every read is audited. */
export async function chronologyFor(ctx: ServiceContext, caseId: string): Promise<ChronologyView> {
  const kase = await caseFacts(ctx, caseId);
  // The working chronology holds drafts: reading it is reading a draft record entry, which
  // the policy allows staff on the case and never a family member.
  const { viewer } = await authorize(ctx, "read", {
    type: "record_entry",
    ...kase,
    status: "draft",
    chronologistEntry: false,
  });
  const header = await caseHeader(ctx, caseId);
  const rows = visible(
    viewer,
    await chronologyRows(ctx, caseId),
    (e) => entryFacts(e, kase),
    ctx.now,
  );
  const versions = await currentVersions(ctx, rows);
  const readerMembers = await ctx.db
    .select({ userId: caseMember.userId })
    .from(caseMember)
    .where(
      and(
        eq(caseMember.caseId, caseId),
        eq(caseMember.role, "chronologist"),
        isNull(caseMember.revokedAt),
      ),
    );
  const names = await namesOf(ctx, [
    ...rows.map((r) => r.authorUserId),
    ...readerMembers.map((r) => r.userId),
  ]);
  const all = rows.map((entry) =>
    toEvent(
      entry,
      versions.get(entry.id),
      names,
      canQuietly(viewer, "update", entryFacts(entry, kase)),
    ),
  );
  const events = all.filter((e) => e.kind === "event");
  const patterns: string[] = [];
  for (const event of events) {
    if (event.pattern && !patterns.includes(event.pattern)) patterns.push(event.pattern);
  }
  const reader = isReader(viewer);
  await auditRead(ctx, {
    resourceType: "chronology",
    caseId,
    detail: { entryIds: rows.map((r) => r.id) },
  });
  return {
    caseId,
    reference: header.reference,
    childName: header.childName,
    events,
    gaps: all.filter((e) => e.kind === "gap"),
    patterns,
    readers: readerMembers.map((r) => ({ userId: r.userId, name: names.get(r.userId) ?? "" })),
    canAdd: canQuietly(viewer, "create", {
      type: "record_entry",
      ...kase,
      status: "draft",
      chronologistEntry: reader,
    }),
    viewerIsReader: reader,
    canAssignReader: can(viewer, "update", { type: "case", ...kase }).allowed,
  };
}

// ---------------------------------------------------------------------------------------
// Writing: one schema for the add and edit forms; messages are i18n keys.

const longText = z.string().trim().max(20000, { error: "chronology:errors.tooLong" });
const shortText = z.string().trim().max(500, { error: "chronology:errors.tooLong" });

export const chronologyEntrySchema = z
  .object({
    kind: z.enum(["event", "gap"], { error: "chronology:errors.kind" }).default("event"),
    title: shortText.min(1, { error: "chronology:errors.title" }),
    eventDate: z
      .string()
      .trim()
      .refine((v) => v === "" || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), {
        error: "chronology:errors.eventDate",
      })
      .default(""),
    source: shortText.default(""),
    body: longText,
    significance: shortText.default(""),
    analysis: longText.default(""),
    pattern: shortText.default(""),
  })
  .superRefine((value, issue) => {
    if (!value.body)
      issue.addIssue({
        code: "custom",
        path: ["body"],
        message: `chronology:errors.body.${value.kind}`,
      });
    if (value.kind === "event") {
      // An event says when it happened and where the information came from.
      if (!value.eventDate)
        issue.addIssue({
          code: "custom",
          path: ["eventDate"],
          message: "chronology:errors.eventDate",
        });
      if (!value.source)
        issue.addIssue({ code: "custom", path: ["source"], message: "chronology:errors.source" });
    }
  });
export type ChronologyEntryInput = z.infer<typeof chronologyEntrySchema>;

export const editVersionSchema = z.object({
  version: z.coerce.number().int().min(1),
});

const orNull = (value: string) => (value === "" ? null : value);

function columnsFrom(input: ChronologyEntryInput) {
  return {
    title: input.title,
    eventDate: orNull(input.eventDate),
    // A gap has no source: that is what makes it a gap.
    source: input.kind === "gap" ? null : input.source,
    significance: orNull(input.significance),
    pattern: input.kind === "gap" ? null : orNull(input.pattern),
  };
}

async function loadEntry(ctx: ServiceContext, entryId: string) {
  const [entry] = await ctx.db
    .select()
    .from(recordEntry)
    .where(and(eq(recordEntry.id, entryId), eq(recordEntry.kind, "chronology_event")))
    .limit(1);
  if (!entry) throw new NotFound(`chronology entry ${entryId}`);
  const kase = await caseFacts(ctx, entry.caseId);
  return { entry, kase, facts: entryFacts(entry, kase) };
}

/** One entry as saved now, for the conflict panel. */
async function savedEvent(
  ctx: ServiceContext,
  entryId: string,
  db: Pick<ServiceContext["db"], "select"> = ctx.db,
): Promise<ChronologyEvent> {
  const [entry] = await db.select().from(recordEntry).where(eq(recordEntry.id, entryId)).limit(1);
  if (!entry) throw new NotFound(`chronology entry ${entryId}`);
  const [version] = await db
    .select()
    .from(recordEntryVersion)
    .where(
      and(
        eq(recordEntryVersion.entryId, entryId),
        eq(recordEntryVersion.versionNumber, entry.currentVersionNumber),
      ),
    )
    .limit(1);
  const names = await namesOf(ctx, [entry.authorUserId], db);
  return toEvent(entry, version, names, true);
}

/** Adds an event or a gap at the end of the chronology, as a draft. */
export async function addEvent(
  ctx: ServiceContext,
  caseId: string,
  input: ChronologyEntryInput,
): Promise<{ entryId: string }> {
  const kase = await caseFacts(ctx, caseId);
  const viewer = await loadViewer(ctx, caseId);
  // What the independent file reader writes is labelled as theirs.
  const byReader = isReader(viewer);
  await authorize(
    ctx,
    "create",
    { type: "record_entry", ...kase, status: "draft", chronologistEntry: byReader },
    viewer,
  );
  const existing = await chronologyRows(ctx, caseId);
  const lastOrder = Math.max(0, ...existing.map((e) => e.sortOrder ?? 0));
  const entryId = crypto.randomUUID();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(recordEntry).values({
      id: entryId,
      caseId,
      kind: "chronology_event",
      status: "draft",
      authorUserId: ctx.userId,
      chronologistEntry: byReader,
      sortOrder: lastOrder + 1,
      currentVersionNumber: 1,
      version: 1,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      ...columnsFrom(input),
    });
    await tx.insert(recordEntryVersion).values({
      id: crypto.randomUUID(),
      entryId,
      versionNumber: 1,
      body: input.body,
      analysis: orNull(input.analysis),
      createdBy: ctx.userId,
      createdAt: ctx.now,
    });
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: "create",
      resourceType: "record_entry",
      resourceId: entryId,
      caseId,
      outcome: "allowed",
      detail: { kind: input.kind, chronologistEntry: byReader },
    });
  });
  return { entryId };
}

/**
 * Edits an entry. The text is never overwritten: a changed body or analysis is a new version.
 * `version` is the row version the person started from; if someone saved since, nothing is
 * written and StaleChronologyEdit carries the saved text.
 */
export async function editEvent(
  ctx: ServiceContext,
  entryId: string,
  input: ChronologyEntryInput & { version: number },
): Promise<{ version: number; versionNumber: number }> {
  const { entry, facts } = await loadEntry(ctx, entryId);
  await authorize(ctx, "update", facts);
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ body: recordEntryVersion.body, analysis: recordEntryVersion.analysis })
      .from(recordEntryVersion)
      .where(
        and(
          eq(recordEntryVersion.entryId, entryId),
          eq(recordEntryVersion.versionNumber, entry.currentVersionNumber),
        ),
      );
    const analysis = orNull(input.analysis);
    const textChanged = current?.body !== input.body || (current?.analysis ?? null) !== analysis;
    const versionNumber = entry.currentVersionNumber + (textChanged ? 1 : 0);
    const written = await writeEntryEdit(tx, ctx, {
      entryId,
      version: input.version,
      versionNumber,
      set: columnsFrom(input),
      text: textChanged ? { body: input.body, analysis } : null,
    });
    if (!written) throw new StaleChronologyEdit(await savedEvent(ctx, entryId, tx));
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: "update",
      resourceType: "record_entry",
      resourceId: entryId,
      caseId: entry.caseId,
      outcome: "allowed",
      // The details are not versioned in their own table: keep what they were here.
      detail: {
        versionNumber,
        before: {
          title: entry.title,
          eventDate: entry.eventDate,
          source: entry.source,
          significance: entry.significance,
          pattern: entry.pattern,
        },
      },
    });
    return { version: input.version + 1, versionNumber };
  });
}

export const autosaveSchema = z.object({
  field: z.enum(["body", "analysis"]),
  text: longText,
  version: z.coerce.number().int().min(1),
});

/**
 * Autosave of one long text. A draft's text is saved as a new version (families never see
 * drafts). A shared entry's current version is what the family is reading and answering, so
 * its text changes only when the person presses Save: autosave is refused and the browser
 * keeps the copy (`saved: false`).
 */
export async function saveDraftText(
  ctx: ServiceContext,
  entryId: string,
  field: "body" | "analysis",
  text: string,
  version: number,
): Promise<{ saved: boolean; version: number; savedAt: string | null }> {
  const { entry, facts } = await loadEntry(ctx, entryId);
  await authorize(ctx, "update", facts);
  if (entry.status !== "draft") return { saved: false, version: entry.version, savedAt: null };
  return ctx.db.transaction(async (tx) => {
    const [current] = await tx
      .select()
      .from(recordEntryVersion)
      .where(
        and(
          eq(recordEntryVersion.entryId, entryId),
          eq(recordEntryVersion.versionNumber, entry.currentVersionNumber),
        ),
      );
    const body = field === "body" ? text : (current?.body ?? "");
    const analysis = field === "analysis" ? orNull(text) : (current?.analysis ?? null);
    if (body === current?.body && analysis === (current?.analysis ?? null)) {
      if (entry.version !== version)
        throw new StaleChronologyEdit(await savedEvent(ctx, entryId, tx));
      return { saved: true, version, savedAt: ctx.now.toISOString() };
    }
    const versionNumber = entry.currentVersionNumber + 1;
    const written = await writeEntryEdit(tx, ctx, {
      entryId,
      version,
      versionNumber,
      text: { body, analysis, changeReason: null },
    });
    if (!written) throw new StaleChronologyEdit(await savedEvent(ctx, entryId, tx));
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: "autosave",
      resourceType: "record_entry",
      resourceId: entryId,
      caseId: entry.caseId,
      outcome: "allowed",
      detail: { field, versionNumber },
    });
    return { saved: true, version: version + 1, savedAt: ctx.now.toISOString() };
  });
}

/**
 * Moves an event one place up or down. The order is renumbered 1..n first, so entries
 * without a sort order (or with equal ones) move predictably.
 */
export async function moveEvent(
  ctx: ServiceContext,
  entryId: string,
  direction: "up" | "down",
  version: number,
): Promise<{ version: number }> {
  const { entry, kase, facts } = await loadEntry(ctx, entryId);
  await authorize(ctx, "update", facts);
  const ordered = (await chronologyRows(ctx, entry.caseId)).filter(
    (e) => (e.source === null) === (entry.source === null),
  );
  const index = ordered.findIndex((e) => e.id === entryId);
  const otherIndex = direction === "up" ? index - 1 : index + 1;
  const other = ordered[otherIndex];
  return ctx.db.transaction(async (tx) => {
    const moved = await tx
      .update(recordEntry)
      .set({ version: version + 1, updatedAt: ctx.now })
      .where(and(eq(recordEntry.id, entryId), eq(recordEntry.version, version)))
      .returning({ id: recordEntry.id });
    if (moved.length === 0) throw new StaleChronologyEdit(await savedEvent(ctx, entryId, tx));
    if (!other) return { version: version + 1 };
    // Moving changes the order only, never anyone's text, so the neighbour's version (and any
    // edit open on it) is left alone.
    const order = ordered.map((e) => e.id);
    order[index] = other.id;
    order[otherIndex] = entryId;
    for (const [position, id] of order.entries()) {
      await tx
        .update(recordEntry)
        .set({ sortOrder: position + 1 })
        .where(eq(recordEntry.id, id));
    }
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: "update",
      resourceType: "record_entry",
      resourceId: entryId,
      caseId: kase.caseId,
      outcome: "allowed",
      detail: { moved: direction, swappedWith: other.id },
    });
    return { version: version + 1 };
  });
}

// ---------------------------------------------------------------------------------------
// The independent file reader

export interface ReaderCandidate {
  userId: string;
  name: string;
  /** Their staff roles on this case now (the allocated worker is "social_worker"). */
  rolesOnCase: CaseRole[];
}

export interface ReaderAssignmentView {
  caseId: string;
  reference: string;
  childName: string;
  candidates: ReaderCandidate[];
  readers: { userId: string; name: string }[];
}

async function authorityPractitioners(ctx: ServiceContext, authorityId: string) {
  return ctx.db
    .selectDistinct({ userId: user.id, name: user.name })
    .from(staffMembership)
    .innerJoin(team, eq(team.id, staffMembership.teamId))
    .innerJoin(user, eq(user.id, staffMembership.userId))
    .where(eq(team.authorityId, authorityId))
    .orderBy(asc(user.name));
}

async function staffRolesOnCase(ctx: ServiceContext, caseId: string) {
  const rows = await ctx.db
    .select({ userId: caseMember.userId, role: caseMember.role })
    .from(caseMember)
    .where(and(eq(caseMember.caseId, caseId), isNull(caseMember.revokedAt)));
  return rows;
}

/** Who could be the case's file reader: the authority's practitioners, with their roles. */
export async function readerAssignmentFor(
  ctx: ServiceContext,
  caseId: string,
): Promise<ReaderAssignmentView> {
  const kase = await caseFacts(ctx, caseId);
  await authorize(ctx, "update", { type: "case", ...kase });
  const header = await caseHeader(ctx, caseId);
  const people = await authorityPractitioners(ctx, kase.authorityId);
  const roles = await staffRolesOnCase(ctx, caseId);
  const candidates = people.map((p) => ({
    ...p,
    rolesOnCase: roles.filter((r) => r.userId === p.userId).map((r) => r.role),
  }));
  await auditRead(ctx, { resourceType: "file_reader_assignment", caseId });
  return {
    caseId,
    ...header,
    candidates,
    readers: candidates
      .filter((c) => c.rolesOnCase.includes("chronologist"))
      .map(({ userId, name }) => ({ userId, name })),
  };
}

export const assignReaderSchema = z.object({
  readerUserId: z.string().trim().min(1, { error: "chronology:errors.reader" }),
});

/**
 * Assigns the independent file reader. The allocated worker can never be the reader
 * (framework.md, stage 1: the file read is done by someone who has not worked with the
 * family); the refusal is audited and thrown as AccessDenied("READER_IS_ALLOCATED_WORKER").
 */
export async function assignFileReader(
  ctx: ServiceContext,
  caseId: string,
  readerUserId: string,
): Promise<{ memberId: string }> {
  const kase = await caseFacts(ctx, caseId);
  await authorize(ctx, "update", { type: "case", ...kase });
  const people = await authorityPractitioners(ctx, kase.authorityId);
  if (!people.some((p) => p.userId === readerUserId))
    throw new NotFound(`practitioner ${readerUserId}`);
  const roles = (await staffRolesOnCase(ctx, caseId))
    .filter((r) => r.userId === readerUserId)
    .map((r) => r.role);
  const decision = canAssignFileReader(roles);
  if (!decision.allowed) {
    await recordAudit(ctx.db, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: "assign_file_reader",
      resourceType: "case_member",
      resourceId: null,
      caseId,
      outcome: "denied",
      detail: { reason: decision.reason, readerUserId },
    });
    throw new AccessDenied(decision.reason);
  }
  const [existing] = await ctx.db
    .select({ id: caseMember.id })
    .from(caseMember)
    .where(
      and(
        eq(caseMember.caseId, caseId),
        eq(caseMember.userId, readerUserId),
        eq(caseMember.role, "chronologist"),
        isNull(caseMember.revokedAt),
      ),
    )
    .limit(1);
  if (existing) return { memberId: existing.id };
  const memberId = crypto.randomUUID();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(caseMember).values({
      id: memberId,
      caseId,
      userId: readerUserId,
      role: "chronologist",
      activeFrom: ctx.now,
      grantedBy: ctx.userId,
    });
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: "assign_file_reader",
      resourceType: "case_member",
      resourceId: memberId,
      caseId,
      outcome: "allowed",
      detail: { readerUserId },
    });
  });
  return { memberId };
}
