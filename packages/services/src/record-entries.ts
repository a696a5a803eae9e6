// Record entries as families see them: what is shared with me, one entry with its history,
// and my responses (comment, factual correction, disagreement). Views hold only what the
// viewer may see; every read and every change is audited.
import type { ResourceFacts } from "@homeward/auth/policy";
import {
  caseMember,
  familyResponse,
  recordAudit,
  recordEntry,
  recordEntryShare,
  recordEntryVersion,
} from "@homeward/db";
import { and, asc, desc, eq, inArray, or } from "drizzle-orm";
import { z } from "zod";
import { auditRead, authorize, caseFacts, type CaseFacts, loadViewer, visible } from "./access.ts";
import { NotFound, type ServiceContext, StaleWrite } from "./context.ts";
import { type HelperAttribution, helperAttributions } from "./helper-attribution.ts";

type EntryRow = typeof recordEntry.$inferSelect;

function entryFacts(
  entry: EntryRow,
  kase: CaseFacts,
  sharedWith: readonly string[],
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

export interface SharedEntrySummary {
  entryId: string;
  caseId: string;
  title: string;
  kind: EntryRow["kind"];
  status: EntryRow["status"];
  deadline: string | null;
  sharedAt: string | null;
}

/** Entries shared with me (or with the person I help), newest deadline first. */
export async function entriesSharedWithMe(ctx: ServiceContext): Promise<SharedEntrySummary[]> {
  const mine = await ctx.db.select().from(caseMember).where(eq(caseMember.userId, ctx.userId));
  const memberIds = [
    ...mine.map((m) => m.id),
    ...mine.flatMap((m) => (m.actingForMemberId ? [m.actingForMemberId] : [])),
  ];
  if (memberIds.length === 0) return [];
  const rows = await ctx.db
    .select({
      entry: recordEntry,
      memberId: recordEntryShare.memberId,
      deadline: recordEntryShare.deadline,
    })
    .from(recordEntryShare)
    .innerJoin(recordEntry, eq(recordEntry.id, recordEntryShare.entryId))
    .where(
      and(
        inArray(recordEntryShare.memberId, memberIds),
        or(eq(recordEntry.status, "shared_for_review"), eq(recordEntry.status, "finalised")),
      ),
    )
    .orderBy(asc(recordEntryShare.deadline), asc(recordEntry.title));

  const byCase = new Map<string, typeof rows>();
  for (const row of rows)
    byCase.set(row.entry.caseId, [...(byCase.get(row.entry.caseId) ?? []), row]);
  const result: SharedEntrySummary[] = [];
  const seen = new Set<string>();
  for (const [caseId, caseRows] of byCase) {
    const kase = await caseFacts(ctx, caseId);
    const viewer = await loadViewer(ctx, caseId);
    const allowed = visible(
      viewer,
      caseRows,
      (r) => entryFacts(r.entry, kase, [r.memberId]),
      ctx.now,
    );
    for (const { entry, deadline } of allowed) {
      if (seen.has(entry.id)) continue;
      seen.add(entry.id);
      result.push({
        entryId: entry.id,
        caseId,
        title: entry.title,
        kind: entry.kind,
        status: entry.status,
        deadline,
        sharedAt: entry.sharedAt?.toISOString() ?? null,
      });
    }
    await auditRead(ctx, {
      resourceType: "record_entry_list",
      caseId,
      detail: { entryIds: allowed.map((r) => r.entry.id) },
    });
  }
  return result;
}

export interface EntryView {
  entryId: string;
  caseId: string;
  title: string;
  kind: EntryRow["kind"];
  status: EntryRow["status"];
  deadline: string | null;
  eventDate: string | null;
  body: string;
  versionNumber: number;
  history: {
    versionNumber: number;
    body: string;
    changeReason: string | null;
    createdAt: string;
  }[];
  myResponses: ResponseView[];
  /** Disagreements that stand on this entry, attached to it permanently once finalised. */
  standingDisagreements: { byMe: boolean; body: string | null }[];
  canRespond: boolean;
  /** Whose behalf the viewer acts on, if an advocate or interpreter. */
  respondingFor: string | null;
}

export interface ResponseView {
  id: string;
  kind: (typeof familyResponse.$inferSelect)["kind"];
  status: (typeof familyResponse.$inferSelect)["status"];
  anchorText: string | null;
  body: string;
  proposedText: string | null;
  practitionerReply: string | null;
  writtenOnBehalf: boolean;
  /** Written for the person by their advocate or interpreter: who, named (issue 8). */
  writtenBy: HelperAttribution | null;
  version: number;
  createdAt: string;
}

async function sharesOf(ctx: ServiceContext, entryId: string) {
  return ctx.db.select().from(recordEntryShare).where(eq(recordEntryShare.entryId, entryId));
}

async function loadEntry(ctx: ServiceContext, entryId: string) {
  const [entry] = await ctx.db
    .select()
    .from(recordEntry)
    .where(eq(recordEntry.id, entryId))
    .limit(1);
  if (!entry) throw new NotFound(`entry ${entryId}`);
  const kase = await caseFacts(ctx, entry.caseId);
  const shares = await sharesOf(ctx, entryId);
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

/** One entry as the viewer may see it. Throws AccessDenied (audited) when they may not. */
export async function entryForViewer(ctx: ServiceContext, entryId: string): Promise<EntryView> {
  const { entry, shares, facts } = await loadEntry(ctx, entryId);
  const { viewer, decision } = await authorize(ctx, "read", facts);
  const versions = await ctx.db
    .select()
    .from(recordEntryVersion)
    .where(eq(recordEntryVersion.entryId, entryId))
    .orderBy(desc(recordEntryVersion.versionNumber));
  const current = versions[0];
  const respondingAs = viewer.memberships.find((m) =>
    shares.some((s) => s.memberId === (m.actingFor?.memberId ?? m.memberId)),
  );
  const personMemberId = respondingAs?.actingFor?.memberId ?? respondingAs?.memberId ?? null;
  const ownIds = [personMemberId, respondingAs?.memberId].filter((x): x is string => Boolean(x));
  const responses = await ctx.db
    .select()
    .from(familyResponse)
    .where(eq(familyResponse.entryId, entryId))
    .orderBy(asc(familyResponse.createdAt));
  const mine = responses.filter(
    (r) =>
      ownIds.includes(r.authorMemberId) ||
      (r.onBehalfOfMemberId !== null && ownIds.includes(r.onBehalfOfMemberId)),
  );
  const standing = responses.filter(
    (r) => r.kind === "disagreement" && r.status !== "draft" && r.status !== "accepted",
  );
  await auditRead(ctx, {
    resourceType: "record_entry",
    resourceId: entryId,
    caseId: entry.caseId,
    onBehalfOfMemberId: decision.onBehalfOf,
  });
  const attributions = await helperAttributions(ctx, mine);
  return {
    entryId,
    caseId: entry.caseId,
    title: entry.title,
    kind: entry.kind,
    status: entry.status,
    deadline:
      shares.find((s) => s.memberId === personMemberId)?.deadline ?? entry.reviewDeadline ?? null,
    eventDate: entry.eventDate,
    body: current?.body ?? "",
    versionNumber: current?.versionNumber ?? entry.currentVersionNumber,
    history: versions.map((v) => ({
      versionNumber: v.versionNumber,
      body: v.body,
      changeReason: v.changeReason,
      createdAt: v.createdAt.toISOString(),
    })),
    myResponses: mine.map((r) => ({
      id: r.id,
      kind: r.kind,
      status: r.status,
      anchorText: r.anchorText,
      body: r.body,
      proposedText: r.proposedText,
      practitionerReply: r.practitionerReply,
      writtenOnBehalf: r.onBehalfOfMemberId !== null,
      writtenBy: attributions.get(r.id) ?? null,
      version: r.version,
      createdAt: r.createdAt.toISOString(),
    })),
    // Another family member's view stays theirs: others learn only that one stands.
    standingDisagreements: standing.map((r) => {
      const byMe =
        ownIds.includes(r.authorMemberId) ||
        (r.onBehalfOfMemberId !== null && ownIds.includes(r.onBehalfOfMemberId));
      return { byMe, body: byMe ? r.body : null };
    }),
    canRespond: entry.status === "shared_for_review" && (await canRespond(ctx, facts, viewer)),
    respondingFor: respondingAs?.actingFor ? respondingAs.actingFor.memberId : null,
  };
}

async function canRespond(
  ctx: ServiceContext,
  facts: ResourceFacts,
  viewer: Awaited<ReturnType<typeof loadViewer>>,
) {
  try {
    await authorize(ctx, "respond", facts, viewer);
    return true;
  } catch {
    return false;
  }
}

/** The shared schema for a family response; messages are i18n keys (namespace "portal"). */
export const familyResponseSchema = z
  .object({
    kind: z.enum(["comment", "correction", "disagreement"], {
      error: "records:respond.errors.kind",
    }),
    anchorText: z
      .string()
      .trim()
      .max(2000, { error: "records:respond.errors.tooLong" })
      .optional()
      .default(""),
    body: z.string().trim().max(10000, { error: "records:respond.errors.tooLong" }),
    proposedText: z
      .string()
      .trim()
      .max(10000, { error: "records:respond.errors.tooLong" })
      .optional()
      .default(""),
    intent: z.enum(["send", "save_draft"]).default("send"),
    draftId: z.string().optional(),
    draftVersion: z.coerce.number().int().optional(),
  })
  .superRefine((value, issue) => {
    if (value.intent === "save_draft") return;
    if (!value.body)
      issue.addIssue({
        code: "custom",
        path: ["body"],
        message: `records:respond.errors.body.${value.kind}`,
      });
    if (value.kind === "correction" && !value.proposedText) {
      issue.addIssue({
        code: "custom",
        path: ["proposedText"],
        message: "records:respond.errors.proposedText",
      });
    }
  });
export type FamilyResponseInput = z.infer<typeof familyResponseSchema>;

/**
 * Saves a family response (or its draft). Written, with its audit row, in one transaction;
 * an advocate's or interpreter's response is attributed "on behalf of" the person.
 */
export async function respondToEntry(
  ctx: ServiceContext,
  entryId: string,
  input: FamilyResponseInput,
): Promise<{ id: string; status: "draft" | "open" }> {
  const { entry, shares, facts } = await loadEntry(ctx, entryId);
  const { viewer, decision } = await authorize(ctx, "respond", facts);
  const author = viewer.memberships.find((m) =>
    shares.some((s) => s.memberId === (m.actingFor?.memberId ?? m.memberId)),
  );
  if (!author) throw new NotFound("membership");
  const onBehalfOf = author.actingFor?.memberId ?? null;
  const status = input.intent === "save_draft" ? ("draft" as const) : ("open" as const);
  const values = {
    kind: input.kind,
    anchorText: input.anchorText || null,
    body: input.body,
    proposedText: input.kind === "correction" ? input.proposedText || null : null,
    status,
  };
  return ctx.db.transaction(async (tx) => {
    let id = input.draftId;
    if (id) {
      const updated = await tx
        .update(familyResponse)
        .set({ ...values, version: (input.draftVersion ?? 0) + 1, updatedAt: ctx.now })
        .where(
          and(
            eq(familyResponse.id, id),
            eq(familyResponse.entryId, entryId),
            eq(familyResponse.authorMemberId, author.memberId),
            eq(familyResponse.status, "draft"),
            eq(familyResponse.version, input.draftVersion ?? -1),
          ),
        )
        .returning({ id: familyResponse.id });
      if (updated.length === 0) {
        const [current] = await tx
          .select({ version: familyResponse.version })
          .from(familyResponse)
          .where(eq(familyResponse.id, id));
        throw new StaleWrite(current?.version ?? 0);
      }
    } else {
      id = crypto.randomUUID();
      await tx.insert(familyResponse).values({
        id,
        entryId,
        versionNumber: entry.currentVersionNumber,
        authorMemberId: author.memberId,
        onBehalfOfMemberId: onBehalfOf,
        ...values,
      });
    }
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      onBehalfOfUserId: null,
      app: ctx.app,
      action: status === "draft" ? "save_draft" : "respond",
      resourceType: "family_response",
      resourceId: id,
      caseId: entry.caseId,
      outcome: "allowed",
      detail: { entryId, kind: input.kind, onBehalfOfMemberId: decision.onBehalfOf },
    });
    return { id, status };
  });
}
