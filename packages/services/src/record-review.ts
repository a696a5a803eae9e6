// Records shared for review, the practitioner's side (issue 7 part 2, issue 8's share
// blocking): a case's record entries with the responses waiting for a reply; writing an entry
// as a draft (autosaved, versioned, with conflicts shown side by side); sharing it with chosen
// family members - refused while the text holds a detail a recipient must not see - with a
// reply-by date that is longer for people who need more time; replying to each response
// (accepting a correction makes a new version); and finalising, which keeps any standing
// disagreement attached. Every read and change is audited; the family side is in
// record-entries.ts.
import { can, type PolicyViewer, type ResourceFacts } from "@homeward/auth/policy";
import {
  caseMember,
  casePerson,
  childCase,
  confidentialName,
  familyResponse,
  personContact,
  placement,
  recordAudit,
  recordEntry,
  recordEntryShare,
  recordEntryVersion,
  user,
} from "@homeward/db";
import {
  type AppliedCorrection,
  applyCorrection,
  type ConfidentialDetail,
  type ConfidentialDetailKind,
  type CorrectionClock,
  checkChosenDeadline,
  checkFinalise,
  correctionClock,
  defaultReviewDeadline,
  type ExtraTimeReason,
  findConfidentialDetails,
  type FinaliseCode,
  type ReplyDecision,
  recipientDeadline,
  replyDecisionsFor,
} from "@homeward/rules";
import { and, asc, desc, eq, inArray, isNull } from "drizzle-orm";
import { z } from "zod";
import { auditRead, authorize, type CaseFacts, caseFacts, loadViewer, visible } from "./access.ts";
import { NotFound, type ServiceContext, StaleWrite } from "./context.ts";
import { writeEntryEdit } from "./entry-edit.ts";
import { londonDate } from "./family-cases.ts";
import { type NotifyDeps, notifyUsers } from "./notifications.ts";

type EntryRow = typeof recordEntry.$inferSelect;
type ResponseRow = typeof familyResponse.$inferSelect;
type Db = Pick<ServiceContext["db"], "select">;

/** The kinds written on these pages; chronology events and decisions have their own pages. */
export const reviewEntryKinds = ["case_note", "assessment_section", "meeting_minutes"] as const;
export type ReviewEntryKind = (typeof reviewEntryKinds)[number];
const isReviewKind = (kind: EntryRow["kind"]): kind is ReviewEntryKind =>
  (reviewEntryKinds as readonly string[]).includes(kind);

/** Family roles an entry can be shared with (helpers see what their person sees). */
const recipientRoles = ["parent", "carer", "young_person"] as const;

function entryFacts(
  entry: EntryRow,
  kase: CaseFacts,
  sharedWith: readonly string[] = [],
): ResourceFacts & { id: string } {
  return {
    type: "record_entry",
    id: entry.id,
    ...kase,
    status: entry.status,
    notForFamily: entry.notForFamily,
    sharedWithMemberIds: sharedWith,
    chronologistEntry: entry.chronologistEntry,
  };
}

function responseFacts(response: ResponseRow, kase: CaseFacts): ResourceFacts & { id: string } {
  return {
    type: "family_response",
    id: response.id,
    ...kase,
    authorMemberId: response.authorMemberId,
    onBehalfOfMemberId: response.onBehalfOfMemberId,
    draft: response.status === "draft",
  };
}

// Asking the policy for a button's state is not an attempt: no audit row for it.
const quietly = (viewer: PolicyViewer, action: Parameters<typeof can>[1], facts: ResourceFacts) =>
  can(viewer, action, facts).allowed;

async function loadEntry(ctx: ServiceContext, entryId: string, db: Db = ctx.db) {
  const [entry] = await db.select().from(recordEntry).where(eq(recordEntry.id, entryId)).limit(1);
  if (!entry) throw new NotFound(`entry ${entryId}`);
  const kase = await caseFacts(ctx, entry.caseId);
  const shares = await db
    .select()
    .from(recordEntryShare)
    .where(eq(recordEntryShare.entryId, entryId));
  return {
    entry,
    kase,
    shares,
    facts: entryFacts(
      entry,
      kase,
      shares.map((s) => s.memberId),
    ),
  };
}

async function currentBody(db: Db, entry: EntryRow): Promise<string> {
  const [row] = await db
    .select({ body: recordEntryVersion.body })
    .from(recordEntryVersion)
    .where(
      and(
        eq(recordEntryVersion.entryId, entry.id),
        eq(recordEntryVersion.versionNumber, entry.currentVersionNumber),
      ),
    )
    .limit(1);
  return row?.body ?? "";
}

async function caseHeader(ctx: ServiceContext, caseId: string, db: Db = ctx.db) {
  const [row] = await db
    .select({ reference: childCase.reference, childName: childCase.childName })
    .from(childCase)
    .where(eq(childCase.id, caseId))
    .limit(1);
  if (!row) throw new NotFound(`case ${caseId}`);
  return row;
}

/** The case's members with the name of their account, by member id. */
async function membersOf(ctx: ServiceContext, caseId: string) {
  const rows = await ctx.db
    .select({ member: caseMember, name: user.name })
    .from(caseMember)
    .innerJoin(user, eq(user.id, caseMember.userId))
    .where(eq(caseMember.caseId, caseId));
  return new Map(rows.map((r) => [r.member.id, r]));
}

async function userNames(ctx: ServiceContext, ids: readonly (string | null)[], db: Db = ctx.db) {
  const wanted = [...new Set(ids.filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map<string, string>();
  const rows = await db
    .select({ id: user.id, name: user.name })
    .from(user)
    .where(inArray(user.id, wanted));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** "Ruth Ellis for Kerry Brooks" is shown as author and person separately. */
function authorOf(
  response: ResponseRow,
  members: Awaited<ReturnType<typeof membersOf>>,
): { authorName: string; onBehalfOfName: string | null } {
  return {
    authorName: members.get(response.authorMemberId)?.name ?? "",
    onBehalfOfName: response.onBehalfOfMemberId
      ? (members.get(response.onBehalfOfMemberId)?.name ?? "")
      : null,
  };
}

const receivedOn = (response: ResponseRow) => londonDate(response.createdAt);

// ---------------------------------------------------------------------------------------
// The case's records

export interface RecordListItem {
  entryId: string;
  title: string;
  kind: EntryRow["kind"];
  status: EntryRow["status"];
  notForFamily: boolean;
  versionNumber: number;
  updatedAt: string;
  sharedWith: string[];
  /** The latest reply-by date among the people it is shared with. */
  deadline: string | null;
  waitingForReply: number;
}

export interface WaitingResponse {
  responseId: string;
  entryId: string;
  entryTitle: string;
  kind: ResponseRow["kind"];
  authorName: string;
  onBehalfOfName: string | null;
  receivedOn: string;
  /** Corrections only: the one-month answer clock. */
  clock: CorrectionClock | null;
}

export interface CorrectionItem extends WaitingResponse {
  clock: CorrectionClock;
  status: ResponseRow["status"];
}

export interface CaseRecordsView {
  caseId: string;
  reference: string;
  childName: string;
  today: string;
  drafts: RecordListItem[];
  shared: RecordListItem[];
  finalised: RecordListItem[];
  waiting: WaitingResponse[];
  corrections: CorrectionItem[];
  canCreate: boolean;
}

/** The case's record entries for practitioners, with what the family is waiting for. */
export async function caseRecordsFor(
  ctx: ServiceContext,
  caseId: string,
): Promise<CaseRecordsView> {
  const kase = await caseFacts(ctx, caseId);
  // Drafts are part of the list: reading it is reading a draft, which only staff may.
  const { viewer } = await authorize(ctx, "read", {
    type: "record_entry",
    ...kase,
    status: "draft",
    chronologistEntry: false,
  });
  const header = await caseHeader(ctx, caseId);
  const rows = await ctx.db
    .select()
    .from(recordEntry)
    .where(eq(recordEntry.caseId, caseId))
    .orderBy(desc(recordEntry.updatedAt), asc(recordEntry.title));
  const entries = visible(viewer, rows, (e) => entryFacts(e, kase), ctx.now);
  const ids = entries.map((e) => e.id);
  const shares =
    ids.length === 0
      ? []
      : await ctx.db.select().from(recordEntryShare).where(inArray(recordEntryShare.entryId, ids));
  const responses = (
    ids.length === 0
      ? []
      : await ctx.db
          .select()
          .from(familyResponse)
          .where(inArray(familyResponse.entryId, ids))
          .orderBy(asc(familyResponse.createdAt))
  ).filter((r) => quietly(viewer, "read", responseFacts(r, kase)));
  const members = await membersOf(ctx, caseId);
  const today = londonDate(ctx.now);

  const item = (entry: EntryRow): RecordListItem => {
    const mine = shares.filter((s) => s.entryId === entry.id);
    return {
      entryId: entry.id,
      title: entry.title,
      kind: entry.kind,
      status: entry.status,
      notForFamily: entry.notForFamily,
      versionNumber: entry.currentVersionNumber,
      updatedAt: entry.updatedAt.toISOString(),
      sharedWith: mine.map((s) => members.get(s.memberId)?.name ?? ""),
      deadline:
        mine
          .map((s) => s.deadline)
          .sort()
          .at(-1) ?? null,
      waitingForReply: responses.filter((r) => r.entryId === entry.id && r.status === "open")
        .length,
    };
  };
  const titleOf = new Map(entries.map((e) => [e.id, e.title]));
  const waitingItem = (r: ResponseRow): WaitingResponse => ({
    responseId: r.id,
    entryId: r.entryId,
    entryTitle: titleOf.get(r.entryId) ?? "",
    kind: r.kind,
    ...authorOf(r, members),
    receivedOn: receivedOn(r),
    clock:
      r.kind === "correction" ? correctionClock(receivedOn(r), today, r.status !== "open") : null,
  });
  await auditRead(ctx, {
    resourceType: "record_entry_list",
    caseId,
    detail: { entryIds: ids },
  });
  return {
    caseId,
    ...header,
    today,
    drafts: entries.filter((e) => e.status === "draft").map(item),
    shared: entries.filter((e) => e.status === "shared_for_review").map(item),
    finalised: entries.filter((e) => e.status === "finalised").map(item),
    waiting: responses.filter((r) => r.status === "open").map(waitingItem),
    corrections: responses
      .filter((r) => r.kind === "correction")
      .map((r) => ({
        ...waitingItem(r),
        clock: correctionClock(receivedOn(r), today, r.status !== "open"),
        status: r.status,
      })),
    canCreate: quietly(viewer, "create", {
      type: "record_entry",
      ...kase,
      status: "draft",
      chronologistEntry: false,
    }),
  };
}

// ---------------------------------------------------------------------------------------
// Writing a draft

const checkbox = z
  .union([z.literal("on"), z.literal("true"), z.literal("1"), z.literal("")])
  .optional()
  .transform((v) => v === "on" || v === "true" || v === "1");

export const recordEntrySchema = z.object({
  kind: z.enum(reviewEntryKinds, { error: "review:errors.kind" }),
  title: z
    .string()
    .trim()
    .min(1, { error: "review:errors.title" })
    .max(300, { error: "review:errors.tooLong" }),
  body: z
    .string()
    .trim()
    .min(1, { error: "review:errors.body" })
    .max(20000, { error: "review:errors.tooLong" }),
  notForFamily: checkbox,
});
export type RecordEntryInput = z.infer<typeof recordEntrySchema>;

export const entryVersionSchema = z.object({ version: z.coerce.number().int().min(1) });

export interface EditableEntry {
  entryId: string;
  caseId: string;
  reference: string;
  childName: string;
  kind: ReviewEntryKind;
  title: string;
  body: string;
  notForFamily: boolean;
  status: EntryRow["status"];
  versionNumber: number;
  /** The row version to send back with an edit (optimistic concurrency). */
  version: number;
  authorName: string;
  updatedAt: string;
}

/** A stale edit: someone saved first. Carries the saved entry for the side-by-side panel. */
export class StaleRecordEdit extends StaleWrite {
  readonly saved: EditableEntry;
  constructor(saved: EditableEntry) {
    super(saved.version);
    this.saved = saved;
  }
}

async function editableView(ctx: ServiceContext, entryId: string, db: Db = ctx.db) {
  const [entry] = await db.select().from(recordEntry).where(eq(recordEntry.id, entryId)).limit(1);
  if (!entry || !isReviewKind(entry.kind)) throw new NotFound(`entry ${entryId}`);
  // Inside a transaction every read goes through it: a second connection would wait on it.
  const header = await caseHeader(ctx, entry.caseId, db);
  const names = await userNames(ctx, [entry.authorUserId], db);
  return {
    entryId: entry.id,
    caseId: entry.caseId,
    ...header,
    kind: entry.kind,
    title: entry.title,
    body: await currentBody(db, entry),
    notForFamily: entry.notForFamily,
    status: entry.status,
    versionNumber: entry.currentVersionNumber,
    version: entry.version,
    authorName: names.get(entry.authorUserId) ?? "",
    updatedAt: entry.updatedAt.toISOString(),
  } satisfies EditableEntry;
}

/** The case header for the "new entry" page, after checking the viewer may write one. */
export async function newEntryFor(ctx: ServiceContext, caseId: string) {
  const kase = await caseFacts(ctx, caseId);
  await authorize(ctx, "create", {
    type: "record_entry",
    ...kase,
    status: "draft",
    chronologistEntry: false,
  });
  return { caseId, ...(await caseHeader(ctx, caseId)) };
}

/** Writes a new entry as a draft: nobody in the family sees it until it is shared. */
export async function createEntry(
  ctx: ServiceContext,
  caseId: string,
  input: RecordEntryInput,
): Promise<{ entryId: string }> {
  const kase = await caseFacts(ctx, caseId);
  await authorize(ctx, "create", {
    type: "record_entry",
    ...kase,
    status: "draft",
    chronologistEntry: false,
  });
  const entryId = crypto.randomUUID();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(recordEntry).values({
      id: entryId,
      caseId,
      kind: input.kind,
      title: input.title,
      status: "draft",
      authorUserId: ctx.userId,
      notForFamily: input.notForFamily,
      currentVersionNumber: 1,
      version: 1,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await tx.insert(recordEntryVersion).values({
      id: crypto.randomUUID(),
      entryId,
      versionNumber: 1,
      body: input.body,
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
      detail: { kind: input.kind, notForFamily: input.notForFamily },
    });
  });
  return { entryId };
}

/** One entry for the edit form. */
export async function entryForEditing(
  ctx: ServiceContext,
  entryId: string,
): Promise<EditableEntry> {
  const { entry, facts } = await loadEntry(ctx, entryId);
  if (!isReviewKind(entry.kind)) throw new NotFound(`entry ${entryId}`);
  await authorize(ctx, "update", facts);
  const view = await editableView(ctx, entryId);
  await auditRead(ctx, { resourceType: "record_entry", resourceId: entryId, caseId: entry.caseId });
  return view;
}

/**
 * Saves an edit. Changed text is a new version (never an overwrite); `version` is the row
 * version the person started from, and if someone saved since, nothing is written and
 * StaleRecordEdit carries the saved entry so both can be shown.
 */
export async function editEntry(
  ctx: ServiceContext,
  entryId: string,
  input: RecordEntryInput & { version: number },
): Promise<{ version: number; versionNumber: number }> {
  const { entry, facts } = await loadEntry(ctx, entryId);
  if (!isReviewKind(entry.kind)) throw new NotFound(`entry ${entryId}`);
  await authorize(ctx, "update", facts);
  return ctx.db.transaction(async (tx) => {
    const [fresh] = await tx.select().from(recordEntry).where(eq(recordEntry.id, entryId));
    if (!fresh || fresh.version !== input.version)
      throw new StaleRecordEdit(await editableView(ctx, entryId, tx));
    const textChanged = (await currentBody(tx, fresh)) !== input.body;
    const versionNumber = fresh.currentVersionNumber + (textChanged ? 1 : 0);
    const written = await writeEntryEdit(tx, ctx, {
      entryId,
      version: input.version,
      versionNumber,
      set: { kind: input.kind, title: input.title, notForFamily: input.notForFamily },
      text: textChanged ? { body: input.body } : null,
    });
    if (!written) throw new StaleRecordEdit(await editableView(ctx, entryId, tx));
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: "update",
      resourceType: "record_entry",
      resourceId: entryId,
      caseId: fresh.caseId,
      outcome: "allowed",
      // Title, kind and flag are not versioned in their own table: keep what they were here.
      detail: {
        versionNumber,
        before: { title: fresh.title, kind: fresh.kind, notForFamily: fresh.notForFamily },
      },
    });
    return { version: input.version + 1, versionNumber };
  });
}

export const autosaveEntrySchema = z.object({
  entryId: z.string().min(1),
  text: z.string().trim().max(20000),
  version: z.coerce.number().int().min(1),
});

/**
 * Autosave of a draft's text, as a new version. A shared entry's text is what the family is
 * reading and answering, so it changes only when the person presses Save (`saved: false`,
 * and the browser keeps the copy).
 */
export async function saveEntryText(
  ctx: ServiceContext,
  entryId: string,
  text: string,
  version: number,
): Promise<{ saved: boolean; version: number; savedAt: string | null }> {
  const { entry, facts } = await loadEntry(ctx, entryId);
  if (!isReviewKind(entry.kind)) throw new NotFound(`entry ${entryId}`);
  await authorize(ctx, "update", facts);
  if (entry.status !== "draft" || text === "")
    return { saved: false, version: entry.version, savedAt: null };
  return ctx.db.transaction(async (tx) => {
    const [fresh] = await tx.select().from(recordEntry).where(eq(recordEntry.id, entryId));
    if (!fresh || fresh.version !== version)
      throw new StaleRecordEdit(await editableView(ctx, entryId, tx));
    if ((await currentBody(tx, fresh)) === text)
      return { saved: true, version, savedAt: ctx.now.toISOString() };
    const versionNumber = fresh.currentVersionNumber + 1;
    const written = await writeEntryEdit(tx, ctx, {
      entryId,
      version,
      versionNumber,
      text: { body: text },
    });
    if (!written) throw new StaleRecordEdit(await editableView(ctx, entryId, tx));
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: "autosave",
      resourceType: "record_entry",
      resourceId: entryId,
      caseId: fresh.caseId,
      outcome: "allowed",
      detail: { versionNumber },
    });
    return { saved: true, version: version + 1, savedAt: ctx.now.toISOString() };
  });
}

// ---------------------------------------------------------------------------------------
// Sharing

export interface Recipient {
  memberId: string;
  name: string;
  role: (typeof recipientRoles)[number];
  relationship: string | null;
  alreadyShared: boolean;
  /** Their reply-by date if shared today with the default window (or their existing one). */
  deadline: string;
  extraTime: readonly ExtraTimeReason[];
}

/** What the share and review pages both show about the entry at the top. */
interface EntryHeading {
  entryId: string;
  caseId: string;
  reference: string;
  childName: string;
  title: string;
  kind: EntryRow["kind"];
  status: EntryRow["status"];
  notForFamily: boolean;
  version: number;
}

function entryHeading(
  entry: EntryRow,
  header: { reference: string; childName: string },
): EntryHeading {
  return {
    entryId: entry.id,
    caseId: entry.caseId,
    ...header,
    title: entry.title,
    kind: entry.kind,
    status: entry.status,
    notForFamily: entry.notForFamily,
    version: entry.version,
  };
}

export interface ShareFormView extends EntryHeading {
  today: string;
  defaultDeadline: string;
  recipients: Recipient[];
}

async function recipientsOf(ctx: ServiceContext, caseId: string) {
  const rows = await ctx.db
    .select({ member: caseMember, name: user.name, person: casePerson })
    .from(caseMember)
    .innerJoin(user, eq(user.id, caseMember.userId))
    .leftJoin(casePerson, eq(casePerson.id, caseMember.personId))
    .where(
      and(
        eq(caseMember.caseId, caseId),
        inArray(caseMember.role, [...recipientRoles]),
        isNull(caseMember.revokedAt),
      ),
    )
    .orderBy(asc(user.name));
  // Only people whose access is active now can read what is shared with them.
  return rows.filter(
    (r) =>
      r.member.activeFrom <= ctx.now && (!r.member.activeUntil || r.member.activeUntil > ctx.now),
  );
}

const needsOf = (person: typeof casePerson.$inferSelect | null) => ({
  learningDisability: person?.learningDisability ?? false,
  easyRead: person?.easyRead ?? false,
  interpreterNeeded: person?.interpreterNeeded ?? false,
});

/** Who an entry can be shared with, and the reply-by date each would get. */
export async function shareFormFor(ctx: ServiceContext, entryId: string): Promise<ShareFormView> {
  const { entry, shares, facts } = await loadEntry(ctx, entryId);
  await authorize(ctx, "share", facts);
  const header = await caseHeader(ctx, entry.caseId);
  const today = londonDate(ctx.now);
  const recipients = (await recipientsOf(ctx, entry.caseId)).map((r): Recipient => {
    const existing = shares.find((s) => s.memberId === r.member.id);
    const planned = recipientDeadline(today, null, needsOf(r.person));
    return {
      memberId: r.member.id,
      name: r.name,
      role: r.member.role as Recipient["role"],
      relationship: r.member.relationship,
      alreadyShared: Boolean(existing),
      deadline: existing?.deadline ?? planned.deadline,
      extraTime: planned.reasons,
    };
  });
  await auditRead(ctx, {
    resourceType: "record_entry_share",
    resourceId: entryId,
    caseId: entry.caseId,
  });
  return {
    ...entryHeading(entry, header),
    today,
    defaultDeadline: defaultReviewDeadline(today),
    recipients,
  };
}

const isoDate = z
  .string()
  .trim()
  .refine((v) => v === "" || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), {
    error: "review:errors.deadline",
  });

export const shareSchema = z.object({
  memberIds: z.array(z.string().min(1)).min(1, { error: "review:errors.recipients" }),
  deadline: isoDate.default(""),
  version: z.coerce.number().int().min(1),
});
export type ShareInput = z.infer<typeof shareSchema>;

/** A detail found in the text that this recipient must not see. */
export interface ShareFinding {
  memberId: string;
  recipientName: string;
  kind: ConfidentialDetailKind;
  /** Whose detail it is ("Daniel Morgan", "the placement", "Daniel's partner"). */
  ownerLabel: string;
  /** What was found, for the practitioner only: never stored, logged or sent elsewhere. */
  found: string;
}

export type ShareResult =
  | { ok: true; notified: number; deadlines: { memberId: string; deadline: string }[] }
  | { ok: false; code: "NOT_FOR_FAMILY" | "NOT_A_RECIPIENT" | "DEADLINE_TOO_SOON" }
  | { ok: false; code: "CONFIDENTIAL_DETAILS"; findings: ShareFinding[] };

/** Every detail a given person must not see, with a label for whose it is. */
async function secretsFor(
  ctx: ServiceContext,
  caseId: string,
  personId: string | null,
): Promise<{ details: ConfidentialDetail[]; labels: Map<string, string> }> {
  const details: ConfidentialDetail[] = [];
  const labels = new Map<string, string>();
  // Where the child lives is never shared with the family (placement is CONFIDENTIAL).
  const placements = await ctx.db.select().from(placement).where(eq(placement.caseId, caseId));
  for (const p of placements) {
    labels.set(p.id, p.carerNames);
    details.push({ kind: "address", value: p.address, ownerId: p.id });
    if (p.phone) details.push({ kind: "phone", value: p.phone, ownerId: p.id });
  }
  if (personId) {
    const contacts = await ctx.db
      .select({ contact: personContact, owner: casePerson.displayName })
      .from(personContact)
      .innerJoin(casePerson, eq(casePerson.id, personContact.personId))
      .where(eq(casePerson.caseId, caseId));
    for (const { contact, owner } of contacts) {
      if (!contact.hiddenFromPersonIds.includes(personId)) continue;
      labels.set(contact.personId, owner);
      for (const kind of ["address", "phone", "email"] as const) {
        const value = contact[kind];
        if (value) details.push({ kind, value, ownerId: contact.personId });
      }
    }
    const names = await ctx.db
      .select()
      .from(confidentialName)
      // A retired name (confidential-details.ts) no longer needs keeping from anyone.
      .where(and(eq(confidentialName.caseId, caseId), isNull(confidentialName.endedAt)));
    for (const row of names) {
      if (!row.hiddenFromPersonIds.includes(personId)) continue;
      labels.set(row.id, row.description ?? "");
      details.push({ kind: "name", value: row.name, ownerId: row.id });
    }
  }
  return { details, labels };
}

/**
 * Shares an entry for review with chosen family members of the case. Refused when the entry
 * is not for the family, when a recipient is not on the case, or - until the text is
 * changed - when it holds a detail a recipient must not see. Each recipient's reply-by date
 * is the chosen one (or the default window), longer for people who need more time. Each
 * recipient (and whoever helps them) is emailed, without any detail of the entry.
 */
export async function shareEntry(
  ctx: ServiceContext,
  entryId: string,
  input: ShareInput,
  deps: NotifyDeps,
): Promise<ShareResult> {
  const { entry, shares, facts } = await loadEntry(ctx, entryId);
  await authorize(ctx, "share", facts);
  const refuse = async (code: string, detail: Record<string, unknown> = {}) => {
    await recordAudit(ctx.db, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: "share",
      resourceType: "record_entry",
      resourceId: entryId,
      caseId: entry.caseId,
      outcome: "denied",
      detail: { reason: code, ...detail },
    });
  };
  if (entry.notForFamily) {
    await refuse("NOT_FOR_FAMILY");
    return { ok: false, code: "NOT_FOR_FAMILY" };
  }
  if (entry.version !== input.version) {
    throw new StaleWrite(entry.version);
  }
  const today = londonDate(ctx.now);
  const chosen = input.deadline === "" ? null : input.deadline;
  if (chosen !== null && !checkChosenDeadline(today, chosen).ok) {
    return { ok: false, code: "DEADLINE_TOO_SOON" };
  }
  const everyone = await recipientsOf(ctx, entry.caseId);
  const chosenIds = [...new Set(input.memberIds)];
  const picked = everyone.filter((r) => chosenIds.includes(r.member.id));
  if (picked.length !== chosenIds.length) {
    await refuse("NOT_A_RECIPIENT");
    return { ok: false, code: "NOT_A_RECIPIENT" };
  }

  // The text the family would read: the title and the current version's body.
  const text = `${entry.title}\n${await currentBody(ctx.db, entry)}`;
  const findings: ShareFinding[] = [];
  for (const r of picked) {
    const { details, labels } = await secretsFor(ctx, entry.caseId, r.member.personId);
    for (const f of findConfidentialDetails(text, details)) {
      findings.push({
        memberId: r.member.id,
        recipientName: r.name,
        kind: f.kind,
        ownerLabel: labels.get(f.ownerId) ?? "",
        found: f.found,
      });
    }
  }
  if (findings.length > 0) {
    // The audit says what kind of detail stopped the share, never the detail itself.
    await refuse("CONFIDENTIAL_DETAILS", {
      findings: findings.map((f) => ({ memberId: f.memberId, kind: f.kind })),
    });
    return { ok: false, code: "CONFIDENTIAL_DETAILS", findings };
  }

  const deadlines = picked.map((r) => ({
    memberId: r.member.id,
    userId: r.member.userId,
    deadline:
      shares.find((s) => s.memberId === r.member.id)?.deadline ??
      recipientDeadline(today, chosen, needsOf(r.person)).deadline,
  }));
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(recordEntry)
      .set({
        status: "shared_for_review",
        sharedAt: entry.sharedAt ?? ctx.now,
        sharedBy: entry.sharedBy ?? ctx.userId,
        reviewDeadline: chosen ?? defaultReviewDeadline(today),
        version: input.version + 1,
        updatedAt: ctx.now,
      })
      .where(and(eq(recordEntry.id, entryId), eq(recordEntry.version, input.version)))
      .returning({ id: recordEntry.id });
    if (updated.length === 0) throw new StaleWrite(entry.version);
    await tx
      .insert(recordEntryShare)
      .values(
        deadlines.map((d) => ({
          entryId,
          memberId: d.memberId,
          sharedAt: ctx.now,
          deadline: d.deadline,
        })),
      )
      .onConflictDoNothing();
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: "share",
      resourceType: "record_entry",
      resourceId: entryId,
      caseId: entry.caseId,
      outcome: "allowed",
      detail: {
        versionNumber: entry.currentVersionNumber,
        recipients: deadlines.map(({ memberId, deadline }) => ({ memberId, deadline })),
      },
    });
  });
  const helpers = await helpersOf(ctx, entry.caseId, chosenIds);
  const notified = await notifyUsers(deps, {
    userIds: [...deadlines.map((d) => d.userId), ...helpers],
    kind: "entry_shared",
    dedupeKey: `entry_shared:${entryId}`,
  });
  return {
    ok: true,
    notified: notified.length,
    deadlines: deadlines.map(({ memberId, deadline }) => ({ memberId, deadline })),
  };
}

/** The accounts of advocates and interpreters acting, with consent, for these members. */
async function helpersOf(ctx: ServiceContext, caseId: string, memberIds: readonly string[]) {
  if (memberIds.length === 0) return [];
  const rows = await ctx.db
    .select({ member: caseMember })
    .from(caseMember)
    .where(
      and(
        eq(caseMember.caseId, caseId),
        inArray(caseMember.actingForMemberId, [...memberIds]),
        isNull(caseMember.revokedAt),
      ),
    );
  return rows
    .filter(
      (r) =>
        r.member.consentRecordedAt !== null &&
        r.member.activeFrom <= ctx.now &&
        (!r.member.activeUntil || r.member.activeUntil > ctx.now),
    )
    .map((r) => r.member.userId);
}

// ---------------------------------------------------------------------------------------
// The review screen

export interface ReviewResponse {
  id: string;
  kind: ResponseRow["kind"];
  status: ResponseRow["status"];
  authorName: string;
  onBehalfOfName: string | null;
  /** The version the person was reading when they wrote it. */
  versionNumber: number;
  anchorText: string | null;
  body: string;
  proposedText: string | null;
  receivedOn: string;
  reply: string | null;
  repliedByName: string | null;
  repliedAt: string | null;
  resultingVersionNumber: number | null;
  version: number;
  decisions: readonly ReplyDecision[];
  /** For accepting: the current text with the proposed wording in place, when it applies. */
  suggestion: AppliedCorrection | null;
  clock: CorrectionClock | null;
}

export interface ReviewView extends EntryHeading {
  body: string;
  versionNumber: number;
  authorName: string;
  sharedAt: string | null;
  finalisedAt: string | null;
  finalisedByName: string | null;
  today: string;
  history: {
    versionNumber: number;
    body: string;
    changeReason: string | null;
    createdAt: string;
    createdByName: string;
    fromResponseId: string | null;
  }[];
  recipients: { memberId: string; name: string; deadline: string; responded: boolean }[];
  responses: ReviewResponse[];
  /** Disagreements that stand: shown with the final text, everywhere it appears. */
  standingDisagreements: ReviewResponse[];
  canEdit: boolean;
  canShare: boolean;
  canFinalise: boolean;
  canReply: boolean;
  canAccept: boolean;
  finalise: { ok: true } | { ok: false; code: FinaliseCode };
}

const isStanding = (r: ResponseRow) =>
  r.kind === "disagreement" && r.status !== "draft" && r.status !== "accepted";

/** One entry with its versions and the family's responses, for a practitioner. */
export async function reviewFor(ctx: ServiceContext, entryId: string): Promise<ReviewView> {
  const { entry, kase, shares, facts } = await loadEntry(ctx, entryId);
  const { viewer } = await authorize(ctx, "read", facts);
  const header = await caseHeader(ctx, entry.caseId);
  const versions = await ctx.db
    .select()
    .from(recordEntryVersion)
    .where(eq(recordEntryVersion.entryId, entryId))
    .orderBy(desc(recordEntryVersion.versionNumber));
  const body = versions.find((v) => v.versionNumber === entry.currentVersionNumber)?.body ?? "";
  // A family member's unsent draft is theirs alone.
  const responses = (
    await ctx.db
      .select()
      .from(familyResponse)
      .where(eq(familyResponse.entryId, entryId))
      .orderBy(asc(familyResponse.createdAt))
  ).filter((r) => quietly(viewer, "read", responseFacts(r, kase)));
  const members = await membersOf(ctx, entry.caseId);
  const names = await userNames(ctx, [
    entry.authorUserId,
    entry.finalisedBy,
    ...versions.map((v) => v.createdBy),
    ...responses.map((r) => r.repliedBy),
  ]);
  const today = londonDate(ctx.now);
  const responded = (memberId: string) =>
    responses.some(
      (r) =>
        r.status !== "draft" &&
        (r.authorMemberId === memberId || r.onBehalfOfMemberId === memberId),
    );
  const toView = (r: ResponseRow): ReviewResponse => ({
    id: r.id,
    kind: r.kind,
    status: r.status,
    ...authorOf(r, members),
    versionNumber: r.versionNumber,
    anchorText: r.anchorText,
    body: r.body,
    proposedText: r.proposedText,
    receivedOn: receivedOn(r),
    reply: r.practitionerReply,
    repliedByName: r.repliedBy ? (names.get(r.repliedBy) ?? "") : null,
    repliedAt: r.repliedAt?.toISOString() ?? null,
    resultingVersionNumber: r.resultingVersionNumber,
    version: r.version,
    decisions: r.status === "open" ? replyDecisionsFor(r.kind) : [],
    suggestion:
      r.status === "open" && r.kind !== "comment"
        ? applyCorrection(body, r.anchorText, r.proposedText)
        : null,
    clock:
      r.kind === "correction" ? correctionClock(receivedOn(r), today, r.status !== "open") : null,
  });
  const views = responses.map(toView);
  const recipients = shares.map((s) => ({
    memberId: s.memberId,
    name: members.get(s.memberId)?.name ?? "",
    deadline: s.deadline,
    responded: responded(s.memberId),
  }));
  await auditRead(ctx, { resourceType: "record_entry", resourceId: entryId, caseId: entry.caseId });
  return {
    ...entryHeading(entry, header),
    body,
    versionNumber: entry.currentVersionNumber,
    authorName: names.get(entry.authorUserId) ?? "",
    sharedAt: entry.sharedAt?.toISOString() ?? null,
    finalisedAt: entry.finalisedAt?.toISOString() ?? null,
    finalisedByName: entry.finalisedBy ? (names.get(entry.finalisedBy) ?? "") : null,
    today,
    history: versions.map((v) => ({
      versionNumber: v.versionNumber,
      body: v.body,
      changeReason: v.changeReason,
      createdAt: v.createdAt.toISOString(),
      createdByName: names.get(v.createdBy) ?? "",
      fromResponseId: v.fromResponseId,
    })),
    recipients,
    responses: views,
    standingDisagreements: views.filter((_, i) => {
      const row = responses[i];
      return row !== undefined && isStanding(row);
    }),
    canEdit: isReviewKind(entry.kind) && quietly(viewer, "update", facts),
    canShare: !entry.notForFamily && quietly(viewer, "share", facts),
    canFinalise: quietly(viewer, "finalise", facts),
    canReply: quietly(viewer, "respond", facts),
    canAccept: quietly(viewer, "respond", facts) && quietly(viewer, "update", facts),
    finalise: checkFinalise({
      today,
      status: entry.status,
      recipients,
      waitingForReply: responses.filter((r) => r.status === "open").length,
    }),
  };
}

// ---------------------------------------------------------------------------------------
// Replying to a response

export const replySchema = z
  .object({
    responseId: z.string().min(1),
    decision: z.enum(["accept", "decline", "note"], { error: "review:errors.decision" }),
    reply: z.string().trim().max(10000, { error: "review:errors.tooLong" }).default(""),
    resultingText: z.string().trim().max(20000, { error: "review:errors.tooLong" }).default(""),
    responseVersion: z.coerce.number().int().min(1),
    entryVersion: z.coerce.number().int().min(1),
  })
  .superRefine((value, issue) => {
    // A refusal is explained: the family member is told why their words were not taken.
    if (value.decision === "decline" && !value.reply)
      issue.addIssue({ code: "custom", path: ["reply"], message: "review:errors.declineReason" });
    if (value.decision === "accept" && !value.resultingText)
      issue.addIssue({
        code: "custom",
        path: ["resultingText"],
        message: "review:errors.resultingText",
      });
  });
export type ReplyInput = z.infer<typeof replySchema>;

export type ReplyResult =
  | { ok: true; status: "accepted" | "declined" | "noted"; versionNumber: number | null }
  | { ok: false; code: "NOT_OPEN" | "DECISION_NOT_ALLOWED" | "TEXT_UNCHANGED" };

const statusOfDecision = {
  accept: "accepted",
  decline: "declined",
  note: "noted",
} as const satisfies Record<ReplyDecision, ResponseRow["status"]>;

/**
 * Answers a family member's response: accept (the corrected text becomes a new version that
 * records which response it came from), decline with a reason, or note. The family member
 * (and whoever wrote it for them) is emailed that a reply arrived.
 */
export async function replyToResponse(
  ctx: ServiceContext,
  input: ReplyInput,
  deps: NotifyDeps,
): Promise<ReplyResult> {
  const [response] = await ctx.db
    .select()
    .from(familyResponse)
    .where(eq(familyResponse.id, input.responseId))
    .limit(1);
  if (!response) throw new NotFound(`response ${input.responseId}`);
  const { entry, kase, facts } = await loadEntry(ctx, response.entryId);
  const viewer = await loadViewer(ctx, entry.caseId);
  await authorize(ctx, "respond", responseFacts(response, kase), viewer);
  await authorize(ctx, "respond", facts, viewer);
  if (input.decision === "accept") await authorize(ctx, "update", facts, viewer);
  if (response.status !== "open") return { ok: false, code: "NOT_OPEN" };
  if (!replyDecisionsFor(response.kind).includes(input.decision))
    return { ok: false, code: "DECISION_NOT_ALLOWED" };
  const status = statusOfDecision[input.decision];

  const result = await ctx.db.transaction(async (tx) => {
    let versionNumber: number | null = null;
    if (input.decision === "accept") {
      const [fresh] = await tx.select().from(recordEntry).where(eq(recordEntry.id, entry.id));
      if (!fresh || fresh.version !== input.entryVersion) throw new StaleWrite(fresh?.version ?? 0);
      const [current] = await tx
        .select({ body: recordEntryVersion.body, analysis: recordEntryVersion.analysis })
        .from(recordEntryVersion)
        .where(
          and(
            eq(recordEntryVersion.entryId, fresh.id),
            eq(recordEntryVersion.versionNumber, fresh.currentVersionNumber),
          ),
        );
      if ((current?.body ?? "") === input.resultingText) return null;
      versionNumber = fresh.currentVersionNumber + 1;
      const updated = await tx
        .update(recordEntry)
        .set({
          currentVersionNumber: versionNumber,
          version: input.entryVersion + 1,
          updatedAt: ctx.now,
        })
        .where(and(eq(recordEntry.id, entry.id), eq(recordEntry.version, input.entryVersion)))
        .returning({ id: recordEntry.id });
      if (updated.length === 0) throw new StaleWrite(fresh.version);
      await tx.insert(recordEntryVersion).values({
        id: crypto.randomUUID(),
        entryId: entry.id,
        versionNumber,
        body: input.resultingText,
        // The family corrected the text; the practitioner's analysis (chronology) carries on.
        analysis: current?.analysis ?? null,
        changeReason: input.reply || null,
        fromResponseId: response.id,
        createdBy: ctx.userId,
        createdAt: ctx.now,
      });
    }
    const answered = await tx
      .update(familyResponse)
      .set({
        status,
        practitionerReply: input.reply || null,
        repliedBy: ctx.userId,
        repliedAt: ctx.now,
        resultingVersionNumber: versionNumber,
        version: input.responseVersion + 1,
        updatedAt: ctx.now,
      })
      .where(
        and(
          eq(familyResponse.id, response.id),
          eq(familyResponse.status, "open"),
          eq(familyResponse.version, input.responseVersion),
        ),
      )
      .returning({ id: familyResponse.id });
    if (answered.length === 0) throw new StaleWrite(response.version);
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: "reply",
      resourceType: "family_response",
      resourceId: response.id,
      caseId: entry.caseId,
      outcome: "allowed",
      detail: {
        entryId: entry.id,
        decision: input.decision,
        resultingVersionNumber: versionNumber,
      },
    });
    return { versionNumber };
  });
  if (result === null) return { ok: false, code: "TEXT_UNCHANGED" };
  const memberIds = [response.authorMemberId, response.onBehalfOfMemberId].filter(
    (id): id is string => Boolean(id),
  );
  const members = await ctx.db
    .select({ userId: caseMember.userId })
    .from(caseMember)
    .where(inArray(caseMember.id, memberIds));
  await notifyUsers(deps, {
    userIds: members.map((m) => m.userId),
    kind: "reply_arrived",
    dedupeKey: `reply_arrived:${response.id}`,
  });
  return { ok: true, status, versionNumber: result.versionNumber };
}

// ---------------------------------------------------------------------------------------
// Finalising

export type FinaliseResult = { ok: true } | { ok: false; code: FinaliseCode };

/**
 * Makes the entry final. From then on nobody changes it (a correction is a new, linked
 * entry); disagreements that stand stay attached and are shown with it in both apps.
 */
export async function finaliseEntry(
  ctx: ServiceContext,
  entryId: string,
  version: number,
): Promise<FinaliseResult> {
  const { entry, kase, shares, facts } = await loadEntry(ctx, entryId);
  const { viewer } = await authorize(ctx, "finalise", facts);
  const responses = (
    await ctx.db.select().from(familyResponse).where(eq(familyResponse.entryId, entryId))
  ).filter((r) => quietly(viewer, "read", responseFacts(r, kase)));
  const check = checkFinalise({
    today: londonDate(ctx.now),
    status: entry.status,
    recipients: shares.map((s) => ({
      deadline: s.deadline,
      responded: responses.some(
        (r) =>
          r.status !== "draft" &&
          (r.authorMemberId === s.memberId || r.onBehalfOfMemberId === s.memberId),
      ),
    })),
    waitingForReply: responses.filter((r) => r.status === "open").length,
  });
  if (!check.ok) return check;
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(recordEntry)
      .set({
        status: "finalised",
        finalisedAt: ctx.now,
        finalisedBy: ctx.userId,
        version: version + 1,
        updatedAt: ctx.now,
      })
      .where(and(eq(recordEntry.id, entryId), eq(recordEntry.version, version)))
      .returning({ id: recordEntry.id });
    if (updated.length === 0) throw new StaleWrite(entry.version);
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: "finalise",
      resourceType: "record_entry",
      resourceId: entryId,
      caseId: entry.caseId,
      outcome: "allowed",
      detail: {
        versionNumber: entry.currentVersionNumber,
        standingDisagreementIds: responses.filter(isStanding).map((r) => r.id),
      },
    });
  });
  return { ok: true };
}
