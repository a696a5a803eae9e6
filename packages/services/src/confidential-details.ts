// A case's confidential details, practitioner side (issues 7 and 8): each person's contact
// details and whom they are hidden from (a separated parent's new address kept from the other
// parent), the names that must not reach particular family members (a new partner, a foster
// carer), and the placement address, which no family member ever sees. What is recorded here
// is what the share check in record-review.ts looks for before an entry reaches a family.
//
// Only the allocated social worker changes these; the team manager reads them; nobody else
// on the case, and no family account, opens the page (policy: confidential_name). Every read
// and change is audited, but the audit trail records which fields changed, never their
// values: the earlier values are kept in confidential_detail_history instead, so a change
// never destroys what was there. The page lists those earlier versions (who replaced each,
// when, which fields changed), with their values for whoever may read the current ones.
import { can, type PolicyViewer, type ResourceFacts } from "@homeward/auth/policy";
import {
  casePerson,
  childCase,
  confidentialDetailHistory,
  confidentialName,
  personContact,
  placement,
  recordAudit,
  user,
} from "@homeward/db";
import { and, asc, count, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { auditRead, authorize, type CaseFacts, caseFacts } from "./access.ts";
import { NotFound, type ServiceContext, StaleWrite } from "./context.ts";
import { londonDate } from "./family-cases.ts";

type ContactRow = typeof personContact.$inferSelect;
type NameRow = typeof confidentialName.$inferSelect;
type PersonRow = typeof casePerson.$inferSelect;
type Tx = Parameters<Parameters<ServiceContext["db"]["transaction"]>[0]>[0];

// ---------------------------------------------------------------------------------------
// Forms

/** Ticked boxes arrive as a list (one value per box); none ticked is an empty list. */
const personIds = z.array(z.string().min(1)).default([]);

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: "errors.tooLong" })
    .default("")
    .transform((v) => (v === "" ? null : v));

export const contactSchema = z.object({
  address: optionalText(500),
  phone: optionalText(40).refine((v) => v === null || /^\+?[\d\s().-]{6,}$/.test(v), {
    error: "errors.phone",
  }),
  email: optionalText(254).refine((v) => v === null || z.email().safeParse(v).success, {
    error: "errors.email",
  }),
  hiddenFrom: personIds,
  /** The row version the form was built from; 0 when the person had no details yet. */
  version: z.coerce.number().int().min(0),
});
export type ContactInput = z.input<typeof contactSchema>;

export const nameSchema = z.object({
  name: z.string().trim().min(1, { error: "errors.name" }).max(200, { error: "errors.tooLong" }),
  description: optionalText(300),
  // A name hidden from nobody would block no share: the form must say from whom.
  hiddenFrom: z.array(z.string().min(1)).min(1, { error: "errors.hiddenFromName" }),
});
export type NameInput = z.input<typeof nameSchema>;

export const nameEditSchema = nameSchema.extend({
  version: z.coerce.number().int().min(1),
});
export type NameEditInput = z.input<typeof nameEditSchema>;

export const retireSchema = z.object({
  nameId: z.string().min(1),
  version: z.coerce.number().int().min(1),
});

export type ConfidentialRefusalCode =
  | "NOT_A_PERSON_ON_CASE"
  | "HIDDEN_FROM_SELF"
  | "NOTHING_TO_SAVE"
  | "NAME_ENDED";

/** A rule refused the change; `code` is translated as `people:errors.<code>`. */
export class ConfidentialDetailsRefusal extends Error {
  readonly code: ConfidentialRefusalCode;
  readonly field: "hiddenFrom" | "address" | "form";
  constructor(code: ConfidentialRefusalCode) {
    super(`Confidential details refused: ${code}`);
    this.name = "ConfidentialDetailsRefusal";
    this.code = code;
    this.field =
      code === "NOTHING_TO_SAVE" ? "address" : code === "NAME_ENDED" ? "form" : "hiddenFrom";
  }
}

// ---------------------------------------------------------------------------------------
// View models

export interface PersonRef {
  personId: string;
  name: string;
}

export interface ContactDetails {
  contactId: string;
  address: string | null;
  phone: string | null;
  email: string | null;
  hiddenFrom: PersonRef[];
  version: number;
  updatedOn: string;
  /** How many earlier versions are kept. */
  earlierVersions: number;
  /** The earlier versions, newest first. */
  history: EarlierVersion<ContactValues>[];
}

/** What a person's contact details said in one earlier version. */
export interface ContactValues {
  address: string | null;
  phone: string | null;
  email: string | null;
  hiddenFrom: PersonRef[];
}

/** What a confidential name said in one earlier version. */
export interface NameValues {
  name: string;
  description: string | null;
  hiddenFrom: PersonRef[];
  retired: boolean;
}

/**
 * One earlier version of a contact or a name: who replaced it, when, and which fields that
 * change altered. Its values only for a viewer the policy lets read the current details.
 */
export interface EarlierVersion<V> {
  version: number;
  changedByName: string;
  /** ISO instant of the change that replaced this version. */
  changedAt: string;
  /** Field names the change altered (address, phone, email, hiddenFrom, name, description, retired). */
  changed: string[];
  values: V | null;
}

export interface PersonDetails extends PersonRef {
  relationship: PersonRow["relationship"];
  isSubjectChild: boolean;
  contact: ContactDetails | null;
}

export interface ConfidentialNameView {
  nameId: string;
  name: string;
  description: string | null;
  hiddenFrom: PersonRef[];
  version: number;
  endedOn: string | null;
  earlierVersions: number;
  /** The earlier versions, newest first. */
  history: EarlierVersion<NameValues>[];
}

export interface PlacementView {
  carerNames: string;
  address: string;
  phone: string | null;
  startDate: string;
}

export interface ConfidentialDetailsView {
  caseId: string;
  reference: string;
  childName: string;
  people: PersonDetails[];
  names: ConfidentialNameView[];
  retiredNames: ConfidentialNameView[];
  placement: PlacementView | null;
  /** The social worker changes; the manager reads. */
  canEdit: boolean;
}

// ---------------------------------------------------------------------------------------
// Loading

const registerFacts = (kase: CaseFacts, id?: string): ResourceFacts & { id?: string } => ({
  type: "confidential_name",
  ...kase,
  ...(id ? { id } : {}),
});

const contactFacts = (kase: CaseFacts, personId: string, row: ContactRow | null) =>
  ({
    type: "person_contact",
    ...kase,
    ...(row ? { id: row.id } : {}),
    ownerPersonId: personId,
    hiddenFromPersonIds: row?.hiddenFromPersonIds ?? [],
  }) satisfies ResourceFacts & { id?: string };

// Asking the policy for a button's state is not an attempt: no audit row for it.
const quietly = (
  viewer: PolicyViewer,
  action: Parameters<typeof can>[1],
  facts: ResourceFacts,
  now: Date,
) => can(viewer, action, facts, now).allowed;

async function caseHeader(ctx: ServiceContext, caseId: string) {
  const [row] = await ctx.db
    .select({ reference: childCase.reference, childName: childCase.childName })
    .from(childCase)
    .where(eq(childCase.id, caseId))
    .limit(1);
  if (!row) throw new NotFound(`case ${caseId}`);
  return row;
}

async function peopleOf(ctx: ServiceContext, caseId: string) {
  return ctx.db
    .select()
    .from(casePerson)
    .where(eq(casePerson.caseId, caseId))
    .orderBy(asc(casePerson.createdAt), asc(casePerson.id));
}

/** A person's contact row: the most recently changed one if the record holds several. */
async function contactOf(db: Pick<Tx, "select">, personId: string): Promise<ContactRow | null> {
  const [row] = await db
    .select()
    .from(personContact)
    .where(eq(personContact.personId, personId))
    .orderBy(desc(personContact.updatedAt), asc(personContact.id))
    .limit(1);
  return row ?? null;
}

async function historyCounts(ctx: ServiceContext, ids: readonly string[]) {
  if (ids.length === 0) return new Map<string, number>();
  const rows = await ctx.db
    .select({ id: confidentialDetailHistory.subjectId, n: count() })
    .from(confidentialDetailHistory)
    .where(inArray(confidentialDetailHistory.subjectId, [...ids]))
    .groupBy(confidentialDetailHistory.subjectId);
  return new Map(rows.map((r) => [r.id, Number(r.n)]));
}

function refs(ids: readonly string[], people: readonly PersonRow[]): PersonRef[] {
  return people
    .filter((p) => ids.includes(p.id))
    .map((p) => ({ personId: p.id, name: p.displayName }));
}

function contactView(
  row: ContactRow,
  people: readonly PersonRow[],
  history: Map<string, number>,
  earlier: EarlierVersion<ContactValues>[] = [],
) {
  return {
    contactId: row.id,
    address: row.address,
    phone: row.phone,
    email: row.email,
    hiddenFrom: refs(row.hiddenFromPersonIds, people),
    version: row.version,
    updatedOn: londonDate(row.updatedAt),
    earlierVersions: history.get(row.id) ?? 0,
    history: earlier,
  } satisfies ContactDetails;
}

function nameView(
  row: NameRow,
  people: readonly PersonRow[],
  history: Map<string, number>,
  earlier: EarlierVersion<NameValues>[] = [],
) {
  return {
    nameId: row.id,
    name: row.name,
    description: row.description,
    hiddenFrom: refs(row.hiddenFromPersonIds, people),
    version: row.version,
    endedOn: row.endedAt ? londonDate(row.endedAt) : null,
    earlierVersions: history.get(row.id) ?? 0,
    history: earlier,
  } satisfies ConfidentialNameView;
}

type Snapshot = Record<string, unknown>;

/** One history row as the version builder needs it. */
export interface HistoryRow {
  id: string;
  replacedVersion: number;
  previous: Snapshot;
  changedAt: Date;
  changedByName: string | null;
}

/** Every earlier version of these contacts and names on the case, by "type:id". */
async function historyOf(
  ctx: ServiceContext,
  caseId: string,
  ids: readonly string[],
): Promise<Map<string, HistoryRow[]>> {
  const bySubject = new Map<string, HistoryRow[]>();
  if (ids.length === 0) return bySubject;
  const rows = await ctx.db
    .select({ row: confidentialDetailHistory, changedByName: user.name })
    .from(confidentialDetailHistory)
    .leftJoin(user, eq(user.id, confidentialDetailHistory.changedBy))
    .where(
      and(
        eq(confidentialDetailHistory.caseId, caseId),
        inArray(confidentialDetailHistory.subjectId, [...ids]),
      ),
    )
    .orderBy(asc(confidentialDetailHistory.replacedVersion));
  for (const { row, changedByName } of rows) {
    const key = `${row.subjectType}:${row.subjectId}`;
    const list = bySubject.get(key) ?? [];
    list.push({ ...row, changedByName });
    bySubject.set(key, list);
  }
  return bySubject;
}

/** A contact's fields under the names the page shows, for comparing versions. */
const contactSnapshot = (v: Snapshot): Snapshot => ({
  address: v.address ?? null,
  phone: v.phone ?? null,
  email: v.email ?? null,
  hiddenFrom: (v.hiddenFromPersonIds as string[] | undefined) ?? [],
});

/** A name's fields under the names the page shows; retiring is a change too. */
const nameSnapshot = (v: Snapshot): Snapshot => ({
  name: v.name ?? "",
  description: v.description ?? null,
  hiddenFrom: (v.hiddenFromPersonIds as string[] | undefined) ?? [],
  retired: Boolean(v.endedAt),
});

/**
 * The earlier versions, newest first. A version's `changed` lists what the change that
 * replaced it altered: it is compared with the version after it (the next history row, or
 * the current values). `mayRead` decides, per version, whether its values are shown at all.
 */
export function earlierVersionsOf<V>(
  rows: readonly HistoryRow[],
  current: Snapshot,
  snapshot: (v: Snapshot) => Snapshot,
  toValues: (previous: Snapshot) => V,
  mayRead: (previous: Snapshot) => boolean,
): EarlierVersion<V>[] {
  const ordered = [...rows].sort((a, b) => a.replacedVersion - b.replacedVersion);
  return ordered
    .map((row, i) => ({
      version: row.replacedVersion,
      changedByName: row.changedByName ?? "",
      changedAt: row.changedAt.toISOString(),
      changed: changedFields(snapshot(row.previous), snapshot(ordered[i + 1]?.previous ?? current)),
      values: mayRead(row.previous) ? toValues(row.previous) : null,
    }))
    .reverse();
}

/** The page: everyone's contact details with their audience, the names, the placement. */
export async function confidentialDetailsFor(
  ctx: ServiceContext,
  caseId: string,
): Promise<ConfidentialDetailsView> {
  const kase = await caseFacts(ctx, caseId);
  const { viewer } = await authorize(ctx, "read", registerFacts(kase));
  const header = await caseHeader(ctx, caseId);
  const people = await peopleOf(ctx, caseId);
  const contacts = new Map<string, ContactRow>();
  for (const p of people) {
    const row = await contactOf(ctx.db, p.id);
    if (row && quietly(viewer, "read", contactFacts(kase, p.id, row), ctx.now))
      contacts.set(p.id, row);
  }
  const names = await ctx.db
    .select()
    .from(confidentialName)
    .where(eq(confidentialName.caseId, caseId))
    .orderBy(asc(confidentialName.createdAt), asc(confidentialName.id));
  const history = await historyCounts(ctx, [
    ...[...contacts.values()].map((c) => c.id),
    ...names.map((n) => n.id),
  ]);
  const earlier = await historyOf(ctx, caseId, [
    ...[...contacts.values()].map((c) => c.id),
    ...names.map((n) => n.id),
  ]);
  const hiddenFromOf = (v: Snapshot) => refs((v.hiddenFromPersonIds as string[]) ?? [], people);
  // An earlier version's values go to whoever may read the details now, and only if that
  // version's own audience did not exclude them either: the same policy as the current value.
  const contactHistory = (personId: string, row: ContactRow) =>
    earlierVersionsOf(
      earlier.get(`person_contact:${row.id}`) ?? [],
      row,
      contactSnapshot,
      (v): ContactValues => ({
        address: (v.address as string | null) ?? null,
        phone: (v.phone as string | null) ?? null,
        email: (v.email as string | null) ?? null,
        hiddenFrom: hiddenFromOf(v),
      }),
      (v) =>
        quietly(viewer, "read", contactFacts(kase, personId, row), ctx.now) &&
        quietly(
          viewer,
          "read",
          {
            ...contactFacts(kase, personId, row),
            hiddenFromPersonIds: (v.hiddenFromPersonIds as string[]) ?? [],
          },
          ctx.now,
        ),
    );
  const nameHistory = (row: NameRow) =>
    earlierVersionsOf(
      earlier.get(`confidential_name:${row.id}`) ?? [],
      row,
      nameSnapshot,
      (v): NameValues => ({
        name: String(v.name ?? ""),
        description: (v.description as string | null) ?? null,
        hiddenFrom: hiddenFromOf(v),
        retired: Boolean(v.endedAt),
      }),
      () => quietly(viewer, "read", registerFacts(kase, row.id), ctx.now),
    );

  const today = londonDate(ctx.now);
  const placements = await ctx.db
    .select()
    .from(placement)
    .where(eq(placement.caseId, caseId))
    .orderBy(asc(placement.startDate));
  const current = placements.findLast(
    (p) => p.startDate <= today && (p.endDate === null || p.endDate > today),
  );
  const shownPlacement =
    current && quietly(viewer, "read", { type: "placement", ...kase }, ctx.now) ? current : null;

  // Which records were read, never what they hold.
  await auditRead(ctx, {
    resourceType: "confidential_details",
    caseId,
    detail: {
      contactIds: [...contacts.values()].map((c) => c.id),
      nameIds: names.map((n) => n.id),
      placementId: shownPlacement?.id ?? null,
      historyIds: [...earlier.values()].flat().map((h) => h.id),
    },
  });
  const allNames = names.map((n) => nameView(n, people, history, nameHistory(n)));
  return {
    caseId,
    ...header,
    people: people.map((p) => {
      const row = contacts.get(p.id);
      return {
        personId: p.id,
        name: p.displayName,
        relationship: p.relationship,
        isSubjectChild: p.isSubjectChild,
        contact: row ? contactView(row, people, history, contactHistory(p.id, row)) : null,
      };
    }),
    names: allNames.filter((n) => n.endedOn === null),
    retiredNames: allNames.filter((n) => n.endedOn !== null),
    placement: shownPlacement
      ? {
          carerNames: shownPlacement.carerNames,
          address: shownPlacement.address,
          phone: shownPlacement.phone,
          startDate: shownPlacement.startDate,
        }
      : null,
    canEdit: quietly(viewer, "update", registerFacts(kase), ctx.now),
  };
}

// ---------------------------------------------------------------------------------------
// Contact details

export interface ContactForm {
  caseId: string;
  reference: string;
  childName: string;
  person: PersonRef;
  contact: ContactDetails | null;
  /** Everyone else on the case: whom the details can be hidden from. */
  others: PersonRef[];
}

async function personOnCase(ctx: ServiceContext, caseId: string, personId: string) {
  const [person] = await ctx.db
    .select()
    .from(casePerson)
    .where(and(eq(casePerson.id, personId), eq(casePerson.caseId, caseId)))
    .limit(1);
  if (!person) throw new NotFound(`person ${personId} on case ${caseId}`);
  return person;
}

/** One person's details for the edit form (the page's right, then the row's own). */
export async function contactForEditing(
  ctx: ServiceContext,
  caseId: string,
  personId: string,
): Promise<ContactForm> {
  const kase = await caseFacts(ctx, caseId);
  const { viewer } = await authorize(ctx, "read", registerFacts(kase));
  const person = await personOnCase(ctx, caseId, personId);
  const row = await contactOf(ctx.db, personId);
  await authorize(ctx, row ? "update" : "create", contactFacts(kase, personId, row), viewer);
  const people = await peopleOf(ctx, caseId);
  await auditRead(ctx, { resourceType: "person_contact", resourceId: row?.id ?? null, caseId });
  return {
    caseId,
    ...(await caseHeader(ctx, caseId)),
    person: { personId, name: person.displayName },
    contact: row ? contactView(row, people, await historyCounts(ctx, [row.id])) : null,
    others: people
      .filter((p) => p.id !== personId)
      .map((p) => ({ personId: p.id, name: p.displayName })),
  };
}

function checkAudience(hiddenFrom: readonly string[], people: readonly PersonRow[], self?: string) {
  if (self && hiddenFrom.includes(self)) throw new ConfidentialDetailsRefusal("HIDDEN_FROM_SELF");
  const ids = new Set(people.map((p) => p.id));
  if (hiddenFrom.some((id) => !ids.has(id)))
    throw new ConfidentialDetailsRefusal("NOT_A_PERSON_ON_CASE");
}

/** Which fields differ, by name only: the audit trail never holds the values. */
function changedFields<T extends Record<string, unknown>>(before: T, after: T): string[] {
  return Object.keys(after).filter((key) => {
    const a = before[key];
    const b = after[key];
    if (Array.isArray(a) && Array.isArray(b)) return [...a].sort().join() !== [...b].sort().join();
    return a !== b;
  });
}

/**
 * Adds or changes a person's contact details and whom they are hidden from. `version` is the
 * row's version the form was built from (0 for none): if someone saved first, StaleWrite.
 * The old values go to the history table; the audit row names the fields that changed.
 */
export async function saveContact(
  ctx: ServiceContext,
  caseId: string,
  personId: string,
  raw: ContactInput,
): Promise<{ contactId: string; version: number }> {
  const input = contactSchema.parse(raw);
  const kase = await caseFacts(ctx, caseId);
  await personOnCase(ctx, caseId, personId);
  const existing = await contactOf(ctx.db, personId);
  await authorize(ctx, existing ? "update" : "create", contactFacts(kase, personId, existing));
  if ((existing?.version ?? 0) !== input.version) throw new StaleWrite(existing?.version ?? 0);
  const people = await peopleOf(ctx, caseId);
  const hiddenFrom = [...new Set(input.hiddenFrom)];
  checkAudience(hiddenFrom, people, personId);
  const after = {
    address: input.address,
    phone: input.phone,
    email: input.email,
    hiddenFromPersonIds: hiddenFrom,
  };

  if (!existing) {
    if (!after.address && !after.phone && !after.email)
      throw new ConfidentialDetailsRefusal("NOTHING_TO_SAVE");
    const contactId = crypto.randomUUID();
    await ctx.db.transaction(async (tx) => {
      await tx.insert(personContact).values({
        id: contactId,
        personId,
        ...after,
        version: 1,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
      await recordAudit(tx, {
        actorUserId: ctx.userId,
        app: ctx.app,
        action: "create",
        resourceType: "person_contact",
        resourceId: contactId,
        caseId,
        outcome: "allowed",
        detail: {
          personId,
          fields: changedFields(
            { address: null, phone: null, email: null, hiddenFromPersonIds: [] },
            after,
          ),
        },
      });
    });
    return { contactId, version: 1 };
  }

  const before = {
    address: existing.address,
    phone: existing.phone,
    email: existing.email,
    hiddenFromPersonIds: existing.hiddenFromPersonIds,
  };
  const fields = changedFields(before, after);
  if (fields.length === 0) return { contactId: existing.id, version: existing.version };
  const version = existing.version + 1;
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(personContact)
      .set({ ...after, version, updatedAt: ctx.now })
      .where(and(eq(personContact.id, existing.id), eq(personContact.version, existing.version)))
      .returning({ id: personContact.id });
    // Someone saved between our read and this write: the transaction keeps nothing.
    if (updated.length === 0) throw new StaleWrite(existing.version + 1);
    await tx.insert(confidentialDetailHistory).values({
      id: crypto.randomUUID(),
      caseId,
      subjectType: "person_contact",
      subjectId: existing.id,
      replacedVersion: existing.version,
      previous: before,
      changedBy: ctx.userId,
      changedAt: ctx.now,
    });
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: "update",
      resourceType: "person_contact",
      resourceId: existing.id,
      caseId,
      outcome: "allowed",
      detail: { personId, fields, version },
    });
  });
  return { contactId: existing.id, version };
}

// ---------------------------------------------------------------------------------------
// Confidential names

export interface NameForm {
  caseId: string;
  reference: string;
  childName: string;
  name: ConfidentialNameView | null;
  people: PersonRef[];
}

/** The form for a new name: who on the case it can be hidden from. */
export async function newNameFor(ctx: ServiceContext, caseId: string): Promise<NameForm> {
  const kase = await caseFacts(ctx, caseId);
  await authorize(ctx, "create", registerFacts(kase));
  const people = await peopleOf(ctx, caseId);
  return {
    caseId,
    ...(await caseHeader(ctx, caseId)),
    name: null,
    people: people.map((p) => ({ personId: p.id, name: p.displayName })),
  };
}

async function nameOnCase(db: Pick<Tx, "select">, caseId: string, nameId: string) {
  const [row] = await db
    .select()
    .from(confidentialName)
    .where(and(eq(confidentialName.id, nameId), eq(confidentialName.caseId, caseId)))
    .limit(1);
  if (!row) throw new NotFound(`confidential name ${nameId}`);
  return row;
}

/** One name for the edit form. */
export async function nameForEditing(
  ctx: ServiceContext,
  caseId: string,
  nameId: string,
): Promise<NameForm> {
  const kase = await caseFacts(ctx, caseId);
  const row = await nameOnCase(ctx.db, caseId, nameId);
  await authorize(ctx, "update", registerFacts(kase, nameId));
  const people = await peopleOf(ctx, caseId);
  await auditRead(ctx, { resourceType: "confidential_name", resourceId: nameId, caseId });
  return {
    caseId,
    ...(await caseHeader(ctx, caseId)),
    name: nameView(row, people, await historyCounts(ctx, [nameId])),
    people: people.map((p) => ({ personId: p.id, name: p.displayName })),
  };
}

/** Records a name that must not reach the chosen family members. */
export async function addConfidentialName(
  ctx: ServiceContext,
  caseId: string,
  raw: NameInput,
): Promise<{ nameId: string }> {
  const input = nameSchema.parse(raw);
  const kase = await caseFacts(ctx, caseId);
  await authorize(ctx, "create", registerFacts(kase));
  const hiddenFrom = [...new Set(input.hiddenFrom)];
  checkAudience(hiddenFrom, await peopleOf(ctx, caseId));
  const nameId = crypto.randomUUID();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(confidentialName).values({
      id: nameId,
      caseId,
      name: input.name,
      description: input.description,
      hiddenFromPersonIds: hiddenFrom,
      createdBy: ctx.userId,
      createdAt: ctx.now,
      updatedAt: ctx.now,
      version: 1,
    });
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: "create",
      resourceType: "confidential_name",
      resourceId: nameId,
      caseId,
      outcome: "allowed",
      detail: { hiddenFromPersonIds: hiddenFrom },
    });
  });
  return { nameId };
}

async function changeName(
  ctx: ServiceContext,
  caseId: string,
  nameId: string,
  version: number,
  change: (row: NameRow) => Partial<NameRow>,
  auditDetail: (row: NameRow, next: Partial<NameRow>) => Record<string, unknown>,
): Promise<{ version: number }> {
  const kase = await caseFacts(ctx, caseId);
  const row = await nameOnCase(ctx.db, caseId, nameId);
  await authorize(ctx, "update", registerFacts(kase, nameId));
  if (row.version !== version) throw new StaleWrite(row.version);
  if (row.endedAt) throw new ConfidentialDetailsRefusal("NAME_ENDED");
  const next = change(row);
  const newVersion = row.version + 1;
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(confidentialName)
      .set({ ...next, version: newVersion, updatedAt: ctx.now })
      .where(and(eq(confidentialName.id, nameId), eq(confidentialName.version, row.version)))
      .returning({ id: confidentialName.id });
    if (updated.length === 0) throw new StaleWrite(row.version + 1);
    await tx.insert(confidentialDetailHistory).values({
      id: crypto.randomUUID(),
      caseId,
      subjectType: "confidential_name",
      subjectId: nameId,
      replacedVersion: row.version,
      previous: {
        name: row.name,
        description: row.description,
        hiddenFromPersonIds: row.hiddenFromPersonIds,
        endedAt: row.endedAt,
      },
      changedBy: ctx.userId,
      changedAt: ctx.now,
    });
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: "update",
      resourceType: "confidential_name",
      resourceId: nameId,
      caseId,
      outcome: "allowed",
      detail: { ...auditDetail(row, next), version: newVersion },
    });
  });
  return { version: newVersion };
}

/** Changes a name, its description or whom it is hidden from; the old values are kept. */
export async function updateConfidentialName(
  ctx: ServiceContext,
  caseId: string,
  nameId: string,
  raw: NameEditInput,
): Promise<{ version: number }> {
  const input = nameEditSchema.parse(raw);
  const hiddenFrom = [...new Set(input.hiddenFrom)];
  checkAudience(hiddenFrom, await peopleOf(ctx, caseId));
  return changeName(
    ctx,
    caseId,
    nameId,
    input.version,
    () => ({ name: input.name, description: input.description, hiddenFromPersonIds: hiddenFrom }),
    (row, next) => ({
      fields: changedFields(
        {
          name: row.name,
          description: row.description,
          hiddenFromPersonIds: row.hiddenFromPersonIds,
        },
        {
          name: next.name,
          description: next.description,
          hiddenFromPersonIds: next.hiddenFromPersonIds,
        },
      ),
    }),
  );
}

/**
 * Retires a name that no longer needs keeping from anyone: it stays on the record, marked
 * ended, and stops blocking shares. Nothing is deleted.
 */
export async function retireConfidentialName(
  ctx: ServiceContext,
  caseId: string,
  raw: z.input<typeof retireSchema>,
): Promise<{ version: number }> {
  const input = retireSchema.parse(raw);
  return changeName(
    ctx,
    caseId,
    input.nameId,
    input.version,
    () => ({ endedAt: ctx.now, endedBy: ctx.userId }),
    () => ({ retired: true }),
  );
}
