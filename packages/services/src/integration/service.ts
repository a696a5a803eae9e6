// What a host case-management system reads and changes through the integration API (issue 7,
// part 5). Same shape as every other service: load the facts, ask the one policy (the system
// is a viewer of kind "system"), audit every read, change and refusal with the system as the
// actor, and return exactly the view the API promises (schemas.ts).
import { type Action, can, type PolicyViewer, type ResourceFacts } from "@homeward/auth/policy";
import {
  agreementAcknowledgement,
  agreementGoal,
  agreementParty,
  agreementSupport,
  type AuditEntry,
  caseMember,
  casePerson,
  childCase,
  type Database,
  familyResponse,
  integrationRequest,
  parentalAgreement,
  personContact,
  placement,
  recordAudit,
  recordEntry,
  recordEntryVersion,
  riskReview,
} from "@homeward/db";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { visible } from "../access.ts";
import { caseRiskFrom, riskDueItems } from "../caseload.ts";
import { legalStatusOf } from "../case-overview.ts";
import { AccessDenied, NotFound } from "../context.ts";
import { londonDate } from "../family-cases.ts";
import { AUDIT_APP, type AuthenticatedClient } from "./credentials.ts";
import type {
  AgreementList,
  CaseList,
  Classification,
  ContactList,
  EntryList,
  LegalStatusInput,
  LegalStatusView,
  Person,
  PersonInput,
  PersonList,
  PlacementInput,
  PlacementState,
} from "./schemas.ts";

export interface SystemContext {
  db: Database;
  client: AuthenticatedClient;
  now: Date;
}

type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

// ---------------------------------------------------------------------------------------
// Errors the API turns into problem details

/** A change sent without If-Match: the system must say which version it changes (428). */
export class PreconditionRequired extends Error {
  constructor() {
    super("If-Match is required");
    this.name = "PreconditionRequired";
  }
}

/** If-Match names a version that is no longer current (412); `current` is the one that is. */
export class PreconditionFailed extends Error {
  readonly current: string;
  constructor(current: string) {
    super("Changed since that version");
    this.name = "PreconditionFailed";
    this.current = current;
  }
}

/** The Idempotency-Key was first used for a different request (422). */
export class IdempotencyKeyReused extends Error {
  constructor() {
    super("Idempotency-Key already used for a different request");
    this.name = "IdempotencyKeyReused";
  }
}

/** The change would break a rule of the record (422), with a stable code. */
export class RecordRuleBroken extends Error {
  readonly code: string;
  constructor(code: string) {
    super(code);
    this.name = "RecordRuleBroken";
    this.code = code;
  }
}

// ---------------------------------------------------------------------------------------
// The policy and the audit trail, for a system

function viewerOf(client: AuthenticatedClient): PolicyViewer {
  return {
    userId: client.id,
    kind: "system",
    authorityId: client.authorityId,
    teams: [],
    memberships: [],
    scopes: client.scopes,
  };
}

async function audit(
  db: Pick<Database, "insert">,
  ctx: SystemContext,
  entry: Omit<AuditEntry, "actorUserId" | "app" | "outcome"> & { outcome?: AuditEntry["outcome"] },
) {
  await recordAudit(db, {
    ...entry,
    // The system is the actor: its client id (the audit names it even after revocation).
    actorUserId: ctx.client.id,
    app: AUDIT_APP,
    outcome: entry.outcome ?? "allowed",
  });
}

async function allow(
  ctx: SystemContext,
  action: Action,
  resource: ResourceFacts & { id?: string },
): Promise<void> {
  const decision = can(viewerOf(ctx.client), action, resource, ctx.now);
  if (decision.allowed) return;
  await audit(ctx.db, ctx, {
    action,
    resourceType: resource.type,
    resourceId: resource.id ?? null,
    caseId: resource.caseId,
    outcome: "denied",
    detail: { reason: decision.reason },
  });
  throw new AccessDenied(decision.reason);
}

interface CaseRow {
  caseId: string;
  teamId: string;
  authorityId: string;
  legalStatus: string;
  version: number;
}

/** The case, if the system may address it (its authority, any scope); audited when refused. */
async function systemCase(ctx: SystemContext, caseId: string): Promise<CaseRow> {
  const [row] = await ctx.db
    .select({
      caseId: childCase.id,
      teamId: childCase.teamId,
      authorityId: childCase.authorityId,
      legalStatus: childCase.legalStatus,
      version: childCase.version,
    })
    .from(childCase)
    .where(eq(childCase.id, caseId))
    .limit(1);
  if (!row) throw new NotFound(`case ${caseId}`);
  await allow(ctx, "read", { type: "case", id: caseId, ...facts(row) });
  return row;
}

const facts = (row: CaseRow) => ({
  caseId: row.caseId,
  teamId: row.teamId,
  authorityId: row.authorityId,
});

// ---------------------------------------------------------------------------------------
// Reads

export async function listCases(ctx: SystemContext): Promise<CaseList> {
  const rows = await ctx.db
    .select({
      caseId: childCase.id,
      teamId: childCase.teamId,
      authorityId: childCase.authorityId,
      reference: childCase.reference,
      stage: childCase.stage,
      legalStatus: childCase.legalStatus,
    })
    .from(childCase)
    .where(eq(childCase.authorityId, ctx.client.authorityId))
    .orderBy(asc(childCase.reference));
  const readable = visible(
    viewerOf(ctx.client),
    rows,
    (row) => ({ type: "case", ...row }),
    ctx.now,
  );
  await audit(ctx.db, ctx, {
    action: "read",
    resourceType: "case_list",
    caseId: null,
    detail: { caseIds: readable.map((r) => r.caseId) },
  });
  return {
    cases: readable.map((row) => ({
      id: row.caseId,
      reference: row.reference,
      stage: row.stage,
      legalStatus: legalStatusOf(row.legalStatus),
      legalStatusRecorded: row.legalStatus,
    })),
  };
}

/** The agreed classification today, from every agreed review, under the time rules. */
export async function classificationOf(
  ctx: SystemContext,
  caseId: string,
): Promise<Classification> {
  const kase = await systemCase(ctx, caseId);
  await allow(ctx, "read", { type: "risk_review", ...facts(kase), agreed: true });
  const rows = await ctx.db
    .select()
    .from(riskReview)
    .where(eq(riskReview.caseId, caseId))
    .orderBy(asc(riskReview.reviewDate), asc(riskReview.agreedAt));
  // Open and conferring reviews are work in progress: the policy keeps them in Homeward.
  const agreed = visible(
    viewerOf(ctx.client),
    rows,
    (row) => ({ type: "risk_review", ...facts(kase), agreed: row.status === "agreed" }),
    ctx.now,
  );
  const today = londonDate(ctx.now);
  const risk = caseRiskFrom(agreed, today);
  const next = riskDueItems(risk, today).find((item) => item.kind === "reclassification");
  await audit(ctx.db, ctx, {
    action: "read",
    resourceType: "classification",
    resourceId: agreed.at(-1)?.id ?? null,
    caseId,
    detail: { reviewIds: agreed.map((r) => r.id) },
  });
  return {
    caseId,
    asOf: today,
    agreed:
      risk && next?.kind === "reclassification"
        ? {
            level: risk.status.level,
            since: risk.status.since,
            earliestStepDown: risk.status.earliestStepDown,
            driftDate: risk.status.driftDate,
            mayClose: risk.status.mayClose,
            reunificationPossible: risk.status.reunificationPossible,
            lastReviewOn: risk.lastReviewOn,
            nextReclassification: { due: next.date, reason: next.reason, overdue: next.overdue },
          }
        : null,
    reviews: agreed.flatMap((row) =>
      row.agreedRiskFactors === null ||
      row.agreedProtectiveFactors === null ||
      row.agreedCapacityToChange === null
        ? []
        : [
            {
              id: row.id,
              point: row.point,
              reviewDate: row.reviewDate,
              level: row.agreedLevel,
              evidence: {
                riskFactors: row.agreedRiskFactors,
                protectiveFactors: row.agreedProtectiveFactors,
                capacityToChange: row.agreedCapacityToChange,
              },
              rationale: row.agreedRationale,
              agreedAt: row.agreedAt?.toISOString() ?? null,
            },
          ],
    ),
  };
}

async function membersOf(db: Database, caseId: string) {
  const rows = await db
    .select({
      id: caseMember.id,
      role: caseMember.role,
      personId: caseMember.personId,
      actingForMemberId: caseMember.actingForMemberId,
    })
    .from(caseMember)
    .where(eq(caseMember.caseId, caseId));
  return new Map(rows.map((m) => [m.id, m]));
}

/** The case's published parental agreements, with goals, support and acknowledgements. */
export async function agreementsOf(ctx: SystemContext, caseId: string): Promise<AgreementList> {
  const kase = await systemCase(ctx, caseId);
  await allow(ctx, "read", { type: "agreement", ...facts(kase), published: true });
  const rows = await ctx.db
    .select()
    .from(parentalAgreement)
    .where(eq(parentalAgreement.caseId, caseId))
    .orderBy(asc(parentalAgreement.createdAt));
  // Drafts are still being written, and an ended agreement is no longer the family's.
  const published = visible(
    viewerOf(ctx.client),
    rows,
    (row) => ({ type: "agreement", ...facts(kase), published: row.status === "published" }),
    ctx.now,
  );
  const ids = published.map((a) => a.id);
  const [parties, goals, supports, acks, members] = await Promise.all([
    ids.length
      ? ctx.db.select().from(agreementParty).where(inArray(agreementParty.agreementId, ids))
      : [],
    ids.length
      ? ctx.db
          .select()
          .from(agreementGoal)
          .where(inArray(agreementGoal.agreementId, ids))
          .orderBy(asc(agreementGoal.sortOrder))
      : [],
    ids.length
      ? ctx.db
          .select()
          .from(agreementSupport)
          .where(inArray(agreementSupport.agreementId, ids))
          .orderBy(asc(agreementSupport.createdAt))
      : [],
    ids.length
      ? ctx.db
          .select()
          .from(agreementAcknowledgement)
          .where(inArray(agreementAcknowledgement.agreementId, ids))
          .orderBy(asc(agreementAcknowledgement.acknowledgedAt))
      : [],
    membersOf(ctx.db, caseId),
  ]);
  await audit(ctx.db, ctx, {
    action: "read",
    resourceType: "agreement_list",
    caseId,
    detail: { agreementIds: ids },
  });
  return {
    caseId,
    agreements: published.map((a) => ({
      id: a.id,
      title: a.title,
      status: "published" as const,
      riskFactorsSummary: a.riskFactorsSummary,
      protectiveFactorsSummary: a.protectiveFactorsSummary,
      reviewDate: a.reviewDate,
      publishedAt: a.publishedAt?.toISOString() ?? null,
      version: a.version,
      parties: parties
        .filter((p) => p.agreementId === a.id)
        .map((p) => ({
          personId: members.get(p.memberId)?.personId ?? null,
          role: members.get(p.memberId)?.role ?? "unknown",
        })),
      goals: goals
        .filter((g) => g.agreementId === a.id)
        .map((g) => ({
          id: g.id,
          factorIds: g.factorIds,
          changeNeeded: g.changeNeeded,
          measure: g.measure,
          evidenceExpected: g.evidenceExpected,
          dueDate: g.dueDate,
          supportOffered: g.supportOffered,
          consequence: g.consequence,
          status: g.status,
        })),
      support: supports
        .filter((s) => s.agreementId === a.id)
        .map((s) => ({
          id: s.id,
          service: s.service,
          provider: s.provider,
          startDate: s.startDate,
          status: s.status,
          familyFlag: s.familyFlaggedAt
            ? { flaggedAt: s.familyFlaggedAt.toISOString(), note: s.familyFlagNote }
            : null,
        })),
      acknowledgements: acks
        .filter((k) => k.agreementId === a.id)
        .map((k) => ({
          personId: members.get(k.memberId)?.personId ?? null,
          agreementVersion: k.agreementVersion,
          at: k.acknowledgedAt.toISOString(),
        })),
    })),
  };
}

/**
 * A disagreement stands unless it was withdrawn as a draft or accepted into a new version:
 * the same rule the portal and the practitioner app show (record-entries.ts).
 */
function stands(response: Pick<typeof familyResponse.$inferSelect, "kind" | "status">) {
  return (
    response.kind === "disagreement" &&
    response.status !== "draft" &&
    response.status !== "accepted"
  );
}

/** Finalised entries, each with every version and the disagreements that stand on it. */
export async function finalisedEntriesOf(ctx: SystemContext, caseId: string): Promise<EntryList> {
  const kase = await systemCase(ctx, caseId);
  await allow(ctx, "read", { type: "record_entry", ...facts(kase), status: "finalised" });
  const viewer = viewerOf(ctx.client);
  const rows = await ctx.db
    .select()
    .from(recordEntry)
    .where(and(eq(recordEntry.caseId, caseId), eq(recordEntry.status, "finalised")))
    .orderBy(asc(recordEntry.finalisedAt), asc(recordEntry.id));
  const entries = visible(
    viewer,
    rows,
    (row) => ({
      type: "record_entry",
      ...facts(kase),
      status: row.status,
      notForFamily: row.notForFamily,
      chronologistEntry: row.chronologistEntry,
    }),
    ctx.now,
  );
  const ids = entries.map((e) => e.id);
  const [versions, responses, members] = await Promise.all([
    ids.length
      ? ctx.db
          .select()
          .from(recordEntryVersion)
          .where(inArray(recordEntryVersion.entryId, ids))
          .orderBy(desc(recordEntryVersion.versionNumber))
      : [],
    ids.length
      ? ctx.db
          .select()
          .from(familyResponse)
          .where(inArray(familyResponse.entryId, ids))
          .orderBy(asc(familyResponse.createdAt))
      : [],
    membersOf(ctx.db, caseId),
  ]);
  const sent = visible(
    viewer,
    responses,
    (r) => ({
      type: "family_response",
      ...facts(kase),
      authorMemberId: r.authorMemberId,
      onBehalfOfMemberId: r.onBehalfOfMemberId,
      draft: r.status === "draft",
    }),
    ctx.now,
  );
  await audit(ctx.db, ctx, {
    action: "read",
    resourceType: "record_entry_list",
    caseId,
    detail: { entryIds: ids },
  });
  return {
    caseId,
    entries: entries.map((entry) => {
      const own = versions.filter((v) => v.entryId === entry.id);
      const current = own.find((v) => v.versionNumber === entry.currentVersionNumber) ?? own[0];
      return {
        id: entry.id,
        kind: entry.kind,
        title: entry.title,
        notForFamily: entry.notForFamily,
        eventDate: entry.eventDate,
        finalisedAt: entry.finalisedAt?.toISOString() ?? null,
        supersedesEntryId: entry.supersedesEntryId,
        versionNumber: current?.versionNumber ?? entry.currentVersionNumber,
        body: current?.body ?? "",
        versions: own.map((v) => ({
          versionNumber: v.versionNumber,
          body: v.body,
          analysis: v.analysis,
          changeReason: v.changeReason,
          createdAt: v.createdAt.toISOString(),
        })),
        standingDisagreements: sent
          .filter((r) => r.entryId === entry.id && stands(r))
          .map((r) => {
            const author = members.get(r.authorMemberId);
            const person = members.get(r.onBehalfOfMemberId ?? r.authorMemberId);
            return {
              id: r.id,
              versionNumber: r.versionNumber,
              anchorText: r.anchorText,
              body: r.body,
              status: r.status as "open" | "noted" | "declined",
              personId: person?.personId ?? null,
              writtenBy:
                r.onBehalfOfMemberId && author?.role === "interpreter"
                  ? ("interpreter" as const)
                  : r.onBehalfOfMemberId
                    ? ("advocate" as const)
                    : ("self" as const),
              practitionerReply: r.practitionerReply,
              repliedAt: r.repliedAt?.toISOString() ?? null,
              createdAt: r.createdAt.toISOString(),
            };
          }),
      };
    }),
  };
}

type PersonRow = typeof casePerson.$inferSelect;

function personView(row: PersonRow): Person {
  return {
    id: row.id,
    caseId: row.caseId,
    displayName: row.displayName,
    relationship: row.relationship,
    isSubjectChild: row.isSubjectChild,
    dateOfBirth: row.dateOfBirth,
    preferredLanguage: row.preferredLanguage,
    interpreterNeeded: row.interpreterNeeded,
    easyRead: row.easyRead,
    advocateNeeded: row.advocateNeeded,
    learningDisability: row.learningDisability,
    version: row.version,
  };
}

export const personEtag = (row: { version: number }) => `"${row.version}"`;

export async function peopleOf(ctx: SystemContext, caseId: string): Promise<PersonList> {
  const kase = await systemCase(ctx, caseId);
  await allow(ctx, "read", { type: "person", ...facts(kase) });
  const rows = await ctx.db
    .select()
    .from(casePerson)
    .where(eq(casePerson.caseId, caseId))
    .orderBy(asc(casePerson.createdAt), asc(casePerson.id));
  await audit(ctx.db, ctx, {
    action: "read",
    resourceType: "person_list",
    caseId,
    detail: { personIds: rows.map((r) => r.id) },
  });
  return { caseId, people: rows.map(personView) };
}

/**
 * CONFIDENTIAL: each person's contact details and whom they are hidden from. The system is
 * the authority's own record, like the practitioners, so it reads hidden details too, with
 * the marking, so that its copy keeps them from the same people (decision 019). Read only:
 * they are changed in Homeward by the social worker, where each change keeps the old values.
 */
export async function contactsOf(ctx: SystemContext, caseId: string): Promise<ContactList> {
  const kase = await systemCase(ctx, caseId);
  await allow(ctx, "read", { type: "person_contact", ...facts(kase) });
  const rows = await ctx.db
    .select({ contact: personContact })
    .from(personContact)
    .innerJoin(casePerson, eq(casePerson.id, personContact.personId))
    .where(eq(casePerson.caseId, caseId))
    .orderBy(
      asc(casePerson.createdAt),
      asc(casePerson.id),
      desc(personContact.updatedAt),
      asc(personContact.id),
    );
  // One row a person: the most recently changed, as the practitioner app shows.
  const latest = rows
    .map((r) => r.contact)
    .filter((row, i, all) => all.findIndex((o) => o.personId === row.personId) === i);
  const readable = visible(
    viewerOf(ctx.client),
    latest,
    (row) => ({
      type: "person_contact",
      ...facts(kase),
      ownerPersonId: row.personId,
      hiddenFromPersonIds: row.hiddenFromPersonIds,
    }),
    ctx.now,
  );
  // Which records were read, never what they hold (as in the practitioner app).
  await audit(ctx.db, ctx, {
    action: "read",
    resourceType: "person_contact_list",
    caseId,
    detail: { contactIds: readable.map((r) => r.id) },
  });
  return {
    caseId,
    contacts: readable.map((row) => ({
      id: row.id,
      personId: row.personId,
      address: row.address,
      phone: row.phone,
      email: row.email,
      hiddenFromPersonIds: [...row.hiddenFromPersonIds],
      version: row.version,
      updatedAt: row.updatedAt.toISOString(),
    })),
  };
}

export const caseEtag = (row: { version: number }) => `"case-${row.version}"`;

export async function legalStatusOfCase(
  ctx: SystemContext,
  caseId: string,
): Promise<{ body: LegalStatusView; etag: string }> {
  const kase = await systemCase(ctx, caseId);
  // Reading it back is part of being allowed to change it.
  await allow(ctx, "update", { type: "case", id: caseId, ...facts(kase) });
  await audit(ctx.db, ctx, { action: "read", resourceType: "legal_status", caseId });
  return { body: legalStatusView(kase), etag: caseEtag(kase) };
}

function legalStatusView(row: { caseId: string; legalStatus: string }): LegalStatusView {
  return {
    caseId: row.caseId,
    legalStatus: legalStatusOf(row.legalStatus),
    legalStatusRecorded: row.legalStatus,
  };
}

type PlacementRow = typeof placement.$inferSelect;

async function placementsOf(db: Pick<Database, "select">, caseId: string) {
  const rows = await db
    .select()
    .from(placement)
    .where(eq(placement.caseId, caseId))
    .orderBy(desc(placement.startDate), desc(placement.createdAt));
  const current = rows.find((r) => r.endDate === null) ?? null;
  return { current, previous: rows.filter((r) => r !== current) };
}

const placementView = (row: PlacementRow) => ({
  id: row.id,
  carerNames: row.carerNames,
  address: row.address,
  phone: row.phone,
  startDate: row.startDate,
  endDate: row.endDate,
  version: row.version,
});

function placementState(
  caseId: string,
  state: Awaited<ReturnType<typeof placementsOf>>,
): PlacementState {
  return {
    caseId,
    current: state.current ? placementView(state.current) : null,
    previous: state.previous.map(placementView),
  };
}

export const placementEtag = (current: PlacementRow | null) =>
  current ? `"${current.id}.${current.version}"` : `"none"`;

/** CONFIDENTIAL: where the child lives, for the authority's own system only. */
export async function placementOf(
  ctx: SystemContext,
  caseId: string,
): Promise<{ body: PlacementState; etag: string }> {
  const kase = await systemCase(ctx, caseId);
  await allow(ctx, "read", { type: "placement", ...facts(kase) });
  const state = await placementsOf(ctx.db, caseId);
  await audit(ctx.db, ctx, {
    action: "read",
    resourceType: "placement",
    resourceId: state.current?.id ?? null,
    caseId,
  });
  return { body: placementState(caseId, state), etag: placementEtag(state.current) };
}

// ---------------------------------------------------------------------------------------
// Writes: each names the version it changes (If-Match) and may carry an Idempotency-Key;
// the change, its audit row and the remembered answer commit together.

export interface WriteOptions {
  ifMatch?: string | undefined;
  idempotency?: { key: string; requestHash: string } | undefined;
}

export interface WriteResult<T> {
  status: 200 | 201;
  body: T;
  etag: string;
  /** The answer to an earlier request with the same Idempotency-Key. */
  replayed: boolean;
}

async function idempotent<T>(
  ctx: SystemContext,
  caseId: string,
  options: WriteOptions,
  run: (tx: Tx) => Promise<Omit<WriteResult<T>, "replayed">>,
): Promise<WriteResult<T>> {
  const key = options.idempotency;
  if (key) {
    const [prior] = await ctx.db
      .select()
      .from(integrationRequest)
      .where(
        and(
          eq(integrationRequest.clientId, ctx.client.id),
          eq(integrationRequest.idempotencyKey, key.key),
        ),
      );
    if (prior) {
      if (prior.requestHash !== key.requestHash) throw new IdempotencyKeyReused();
      await audit(ctx.db, ctx, {
        action: "replay",
        resourceType: "integration_request",
        resourceId: key.key,
        caseId,
      });
      return {
        status: prior.status as 200 | 201,
        body: prior.body as T,
        etag: prior.etag ?? "",
        replayed: true,
      };
    }
  }
  return ctx.db.transaction(async (tx) => {
    const result = await run(tx);
    if (key) {
      // Two requests racing with one key: the primary key lets one commit; the other fails.
      await tx.insert(integrationRequest).values({
        clientId: ctx.client.id,
        idempotencyKey: key.key,
        requestHash: key.requestHash,
        status: result.status,
        body: result.body as object,
        etag: result.etag,
        createdAt: ctx.now,
      });
    }
    return { ...result, replayed: false };
  });
}

/** Someone changed the row between our read and our write: name the version that won. */
async function versionOf(
  tx: Tx,
  table: typeof casePerson | typeof childCase,
  id: string,
): Promise<{ version: number }> {
  const [row] = await tx.select({ version: table.version }).from(table).where(eq(table.id, id));
  return { version: row?.version ?? 0 };
}

async function placementChanged(tx: Tx, caseId: string): Promise<PreconditionFailed> {
  return new PreconditionFailed(placementEtag((await placementsOf(tx, caseId)).current));
}

function requireMatch(options: WriteOptions, current: string): void {
  if (options.ifMatch === undefined) throw new PreconditionRequired();
  // A weak validator (W/"...") names the same version here: the comparison is by version.
  const sent = options.ifMatch.replace(/^W\//, "").trim();
  if (sent !== current && sent !== "*") throw new PreconditionFailed(current);
}

const personColumns = (input: PersonInput) => ({
  displayName: input.displayName,
  relationship: input.relationship as PersonRow["relationship"],
  dateOfBirth: input.dateOfBirth,
  preferredLanguage: input.preferredLanguage,
  interpreterNeeded: input.interpreterNeeded,
  easyRead: input.easyRead,
  advocateNeeded: input.advocateNeeded,
  learningDisability: input.learningDisability,
});

export async function createPerson(
  ctx: SystemContext,
  caseId: string,
  input: PersonInput,
  options: WriteOptions = {},
): Promise<WriteResult<Person>> {
  const kase = await systemCase(ctx, caseId);
  await allow(ctx, "create", { type: "person", ...facts(kase) });
  return idempotent(ctx, caseId, options, async (tx) => {
    const id = `person-${crypto.randomUUID()}`;
    const [row] = await tx
      .insert(casePerson)
      .values({ id, caseId, ...personColumns(input), createdAt: ctx.now, updatedAt: ctx.now })
      .returning();
    if (!row) throw new Error("insert returned nothing");
    await audit(tx, ctx, {
      action: "create",
      resourceType: "person",
      resourceId: id,
      caseId,
      detail: { after: personColumns(input) },
    });
    return { status: 201, body: personView(row), etag: personEtag(row) };
  });
}

export async function updatePerson(
  ctx: SystemContext,
  caseId: string,
  personId: string,
  input: PersonInput,
  options: WriteOptions = {},
): Promise<WriteResult<Person>> {
  const kase = await systemCase(ctx, caseId);
  const [row] = await ctx.db
    .select()
    .from(casePerson)
    .where(and(eq(casePerson.id, personId), eq(casePerson.caseId, caseId)));
  if (!row) throw new NotFound(`person ${personId}`);
  await allow(ctx, "update", {
    type: "person",
    id: personId,
    ...facts(kase),
    personId,
  });
  return idempotent(ctx, caseId, options, async (tx) => {
    requireMatch(options, personEtag(row));
    // The child is who the case is about: their record stays the child's.
    if (row.isSubjectChild) throw new RecordRuleBroken("SUBJECT_CHILD_NOT_CHANGED_HERE");
    const [updated] = await tx
      .update(casePerson)
      .set({ ...personColumns(input), version: row.version + 1, updatedAt: ctx.now })
      .where(and(eq(casePerson.id, personId), eq(casePerson.version, row.version)))
      .returning();
    if (!updated)
      throw new PreconditionFailed(personEtag(await versionOf(tx, casePerson, personId)));
    // The audit row keeps what it was: the record is changed, never lost.
    await audit(tx, ctx, {
      action: "update",
      resourceType: "person",
      resourceId: personId,
      caseId,
      detail: { before: personView(row), after: personColumns(input) },
    });
    return { status: 200, body: personView(updated), etag: personEtag(updated) };
  });
}

export async function putLegalStatus(
  ctx: SystemContext,
  caseId: string,
  input: LegalStatusInput,
  options: WriteOptions = {},
): Promise<WriteResult<LegalStatusView>> {
  const kase = await systemCase(ctx, caseId);
  await allow(ctx, "update", { type: "case", id: caseId, ...facts(kase) });
  return idempotent(ctx, caseId, options, async (tx) => {
    requireMatch(options, caseEtag(kase));
    const [updated] = await tx
      .update(childCase)
      .set({ legalStatus: input.legalStatus, version: kase.version + 1, updatedAt: ctx.now })
      .where(and(eq(childCase.id, caseId), eq(childCase.version, kase.version)))
      .returning({ version: childCase.version, legalStatus: childCase.legalStatus });
    if (!updated) throw new PreconditionFailed(caseEtag(await versionOf(tx, childCase, caseId)));
    await audit(tx, ctx, {
      action: "update",
      resourceType: "case",
      resourceId: caseId,
      caseId,
      detail: { field: "legal_status", before: kase.legalStatus, after: input.legalStatus },
    });
    return {
      status: 200,
      body: legalStatusView({ caseId, legalStatus: updated.legalStatus }),
      etag: caseEtag(updated),
    };
  });
}

/**
 * The same start date corrects the current placement; a later one is a move: the current
 * placement ends that day and a new one begins, so where the child has lived stays on record.
 */
export async function putPlacement(
  ctx: SystemContext,
  caseId: string,
  input: PlacementInput,
  options: WriteOptions = {},
): Promise<WriteResult<PlacementState>> {
  const kase = await systemCase(ctx, caseId);
  const before = await placementsOf(ctx.db, caseId);
  await allow(ctx, before.current ? "update" : "create", {
    type: "placement",
    id: before.current?.id,
    ...facts(kase),
  });
  return idempotent(ctx, caseId, options, async (tx) => {
    const { current } = before;
    requireMatch(options, placementEtag(current));
    const values = { carerNames: input.carerNames, address: input.address, phone: input.phone };
    let change: "recorded" | "corrected" | "moved";
    let placementId: string;
    if (current && input.startDate < current.startDate) {
      throw new RecordRuleBroken("PLACEMENT_STARTS_BEFORE_CURRENT");
    }
    if (current && input.startDate === current.startDate) {
      change = "corrected";
      placementId = current.id;
      const updated = await tx
        .update(placement)
        .set({ ...values, version: current.version + 1, updatedAt: ctx.now })
        .where(and(eq(placement.id, current.id), eq(placement.version, current.version)))
        .returning({ id: placement.id });
      if (updated.length === 0) throw await placementChanged(tx, caseId);
    } else {
      change = current ? "moved" : "recorded";
      if (current) {
        const ended = await tx
          .update(placement)
          .set({ endDate: input.startDate, version: current.version + 1, updatedAt: ctx.now })
          .where(and(eq(placement.id, current.id), eq(placement.version, current.version)))
          .returning({ id: placement.id });
        if (ended.length === 0) throw await placementChanged(tx, caseId);
      }
      placementId = `placement-${crypto.randomUUID()}`;
      await tx.insert(placement).values({
        id: placementId,
        caseId,
        ...values,
        startDate: input.startDate,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
    }
    await audit(tx, ctx, {
      action: change === "corrected" ? "update" : "create",
      resourceType: "placement",
      resourceId: placementId,
      caseId,
      // A correction keeps the old values here (staff-only); a move keeps the old row.
      detail: {
        change,
        endedPlacementId: change === "moved" ? current?.id : undefined,
        before: change === "corrected" && current ? placementView(current) : undefined,
      },
    });
    const after = await placementsOf(tx, caseId);
    return {
      status: 200,
      body: placementState(caseId, after),
      etag: placementEtag(after.current),
    };
  });
}
