// Views and wishes as families see them (issue 5, "My views / my wishes"): a parent's views
// before a meeting, a young person's wishes and feelings with who may see them, and the
// social worker's reply: how they were considered. A young person's wishes reach a parent
// only when the young person chose "shared_with_parents" (issue 4; the policy decides).
import { VIEWS_PROMPTS, type ViewsPrompt } from "@homeward/rules";
import {
  can,
  isActive,
  type Membership,
  type PolicyViewer,
  type ResourceFacts,
} from "@homeward/auth/policy";
import {
  caseMember,
  casePerson,
  childCase,
  meeting,
  recordAudit,
  user,
  type ViewsKind,
  type ViewsSharing,
  type ViewsStatus,
  viewsAndWishes,
  viewsSharing,
} from "@homeward/db";
import { and, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { auditRead, authorize, caseFacts, type CaseFacts, loadViewer, visible } from "./access.ts";
import { NotFound, type ServiceContext, StaleWrite } from "./context.ts";

type ViewsRow = typeof viewsAndWishes.$inferSelect;
type MeetingType = (typeof meeting.$inferSelect)["type"];

const familyRoles = ["parent", "carer", "young_person", "advocate", "interpreter"] as const;

/** The prompts, in the order the form asks them. */
// The prompts are pure data the page needs in the browser too, so they live in the rules.
export const viewsPrompts = VIEWS_PROMPTS;
export type { ViewsPrompt };
export type ViewsAnswers = Record<ViewsPrompt, string | null>;

export interface MeetingChoice {
  id: string;
  type: MeetingType;
  startsAt: string;
}

export interface OwnViewsRecord extends ViewsAnswers {
  id: string;
  kind: ViewsKind;
  status: ViewsStatus;
  /** Who may see it besides the social worker: a young person's choice; null for a parent's. */
  sharing: ViewsSharing | null;
  meeting: MeetingChoice | null;
  submittedAt: string | null;
  updatedAt: string;
  version: number;
  /** Written by an advocate or interpreter for the person. */
  writtenOnBehalf: boolean;
  /** "How your views were considered": the social worker's reply, once there is one. */
  reply: { text: string; by: string | null; at: string | null } | null;
}

/** A young person's wishes as a parent sees them: their words, never the reply to them. */
export interface SharedWishesRecord extends ViewsAnswers {
  id: string;
  authorFirstName: string | null;
  meeting: MeetingChoice | null;
  submittedAt: string | null;
}

export interface CaseViews {
  caseId: string;
  childFirstName: string;
  /** Which prompts this person answers: a young person's wishes or a parent's views. */
  voice: ViewsKind;
  /** False for someone who may only read (an interpreter, an advocate without "views"). */
  canWrite: boolean;
  /** Advocates and interpreters: the name of the person they act for. */
  actingFor: string | null;
  /** Own records (and those written for the person), newest first, drafts included. */
  records: OwnViewsRecord[];
  /** For a parent: the wishes a young person chose to share with them. */
  sharedWithMe: SharedWishesRecord[];
  /** Upcoming meetings the views can be for, soonest first. */
  meetings: MeetingChoice[];
}

function viewsFacts(row: ViewsRow, kase: CaseFacts): ResourceFacts & { id: string } {
  return {
    type: "views_and_wishes",
    id: row.id,
    ...kase,
    authorMemberId: row.authorMemberId,
    onBehalfOfMemberId: row.onBehalfOfMemberId,
    draft: row.status === "draft",
    viewsKind: row.kind,
    sharing: row.sharing,
  };
}

/** The kind of views a member writes: their own, or those of the person they act for. */
function voiceOf(membership: Membership): ViewsKind | null {
  const person = membership.actingFor ?? membership;
  if (person.role === "young_person") return "young_person_wishes";
  if (person.role === "parent" || person.role === "carer") return "parent_views";
  return null;
}

function newViewsFacts(
  kase: CaseFacts,
  membership: Membership | undefined,
  kind: ViewsKind | null,
): ResourceFacts {
  return {
    type: "views_and_wishes",
    ...kase,
    authorMemberId: membership?.memberId ?? null,
    onBehalfOfMemberId: membership?.actingFor?.memberId ?? null,
    draft: true,
    ...(kind ? { viewsKind: kind } : {}),
  };
}

/** The membership through which the viewer writes views on this case, if any may. */
function writerOn(
  viewer: PolicyViewer,
  kase: CaseFacts,
  now: Date,
): { membership: Membership; kind: ViewsKind } | null {
  for (const membership of viewer.memberships) {
    const kind = voiceOf(membership);
    if (!kind) continue;
    if (can(viewer, "create", newViewsFacts(kase, membership, kind), now).allowed) {
      return { membership, kind };
    }
  }
  return null;
}

function answersOf(row: ViewsRow): ViewsAnswers {
  return {
    goingWell: row.goingWell,
    worries: row.worries,
    wants: row.wants,
    wantsWhen: row.wantsWhen,
    trustedPerson: row.trustedPerson,
  };
}

async function displayNames(ctx: ServiceContext, memberIds: readonly string[]) {
  if (memberIds.length === 0) return new Map<string, string>();
  const rows = await ctx.db
    .select({ memberId: caseMember.id, name: casePerson.displayName })
    .from(caseMember)
    .innerJoin(casePerson, eq(casePerson.id, caseMember.personId))
    .where(inArray(caseMember.id, [...memberIds]));
  return new Map(rows.map((r) => [r.memberId, r.name]));
}

const firstName = (name: string | undefined) => (name ? (name.split(" ")[0] ?? name) : null);

/**
 * For each case the viewer is on (or just `options.caseId`, when it is one of theirs): their
 * views or wishes, what was shared with them, and the meetings views can be for.
 */
export async function myViews(
  ctx: ServiceContext,
  options: { caseId?: string } = {},
): Promise<CaseViews[]> {
  const memberships = await ctx.db
    .select({ caseId: caseMember.caseId })
    .from(caseMember)
    .where(and(eq(caseMember.userId, ctx.userId), inArray(caseMember.role, [...familyRoles])));
  const caseIds = [...new Set(memberships.map((m) => m.caseId))]
    .filter((id) => options.caseId === undefined || id === options.caseId)
    .sort();
  const result: CaseViews[] = [];
  for (const caseId of caseIds) {
    const views = await viewsOnCase(ctx, caseId);
    if (views) result.push(views);
  }
  return result;
}

async function viewsOnCase(ctx: ServiceContext, caseId: string): Promise<CaseViews | null> {
  const kase = await caseFacts(ctx, caseId);
  const viewer = await loadViewer(ctx, caseId);
  if (!can(viewer, "read", { type: "case", ...kase }, ctx.now).allowed) return null;
  // The person whose voice this is: the viewer, or whom an advocate or interpreter helps.
  const self = viewer.memberships.find((m) => voiceOf(m) !== null && isActive(m, ctx.now)) ?? null;
  const voice = self ? voiceOf(self) : null;
  if (!self || !voice) return null;
  const writer = writerOn(viewer, kase, ctx.now);

  const [kaseRow] = await ctx.db
    .select({ childName: childCase.childName })
    .from(childCase)
    .where(eq(childCase.id, caseId));
  const rows = await ctx.db
    .select({ row: viewsAndWishes, repliedByName: user.name })
    .from(viewsAndWishes)
    .leftJoin(user, eq(user.id, viewsAndWishes.repliedBy))
    .where(eq(viewsAndWishes.caseId, caseId))
    .orderBy(desc(viewsAndWishes.updatedAt));
  const allowed = visible(viewer, rows, (r) => viewsFacts(r.row, kase), ctx.now);
  const ownIds = new Set(
    viewer.memberships.flatMap((m) => [m.memberId, ...(m.actingFor ? [m.actingFor.memberId] : [])]),
  );
  const isOwn = (row: ViewsRow) =>
    ownIds.has(row.authorMemberId) ||
    (row.onBehalfOfMemberId !== null && ownIds.has(row.onBehalfOfMemberId));
  const own = allowed.filter((r) => isOwn(r.row));
  const shared = allowed.filter((r) => !isOwn(r.row) && r.row.kind === "young_person_wishes");

  const upcoming = await ctx.db
    .select({ id: meeting.id, type: meeting.type, startsAt: meeting.startsAt })
    .from(meeting)
    .where(eq(meeting.caseId, caseId))
    .orderBy(meeting.startsAt);
  const meetingById = new Map(
    visible(viewer, upcoming, () => ({ type: "meeting", ...kase }), ctx.now).map((m) => [
      m.id,
      { id: m.id, type: m.type, startsAt: m.startsAt.toISOString() },
    ]),
  );
  const meetingOf = (row: ViewsRow) =>
    row.meetingId ? (meetingById.get(row.meetingId) ?? null) : null;
  const names = await displayNames(ctx, [
    ...shared.map((r) => r.row.authorMemberId),
    ...(self.actingFor ? [self.actingFor.memberId] : []),
  ]);

  await auditRead(ctx, {
    resourceType: "views_and_wishes_list",
    caseId,
    onBehalfOfMemberId: self.actingFor?.memberId ?? null,
    detail: { ids: allowed.map((r) => r.row.id) },
  });

  const submittedFirst = (a: ViewsRow, b: ViewsRow) =>
    (b.submittedAt?.getTime() ?? b.updatedAt.getTime()) -
    (a.submittedAt?.getTime() ?? a.updatedAt.getTime());
  return {
    caseId,
    childFirstName: firstName(kaseRow?.childName) ?? "",
    voice,
    canWrite: writer !== null,
    actingFor: self.actingFor ? (names.get(self.actingFor.memberId) ?? null) : null,
    records: own
      .sort((a, b) => submittedFirst(a.row, b.row))
      .map(({ row, repliedByName }) => ({
        id: row.id,
        kind: row.kind,
        status: row.status,
        sharing: row.kind === "young_person_wishes" ? row.sharing : null,
        meeting: meetingOf(row),
        submittedAt: row.submittedAt?.toISOString() ?? null,
        updatedAt: row.updatedAt.toISOString(),
        version: row.version,
        writtenOnBehalf: row.onBehalfOfMemberId !== null,
        // A draft is not with the social worker yet, so it has no reply.
        reply:
          row.status === "submitted" && row.practitionerReply
            ? {
                text: row.practitionerReply,
                by: repliedByName ?? null,
                at: row.repliedAt?.toISOString() ?? null,
              }
            : null,
        ...answersOf(row),
      })),
    sharedWithMe: shared
      .sort((a, b) => submittedFirst(a.row, b.row))
      .map(({ row }) => ({
        id: row.id,
        authorFirstName: firstName(names.get(row.authorMemberId)),
        meeting: meetingOf(row),
        submittedAt: row.submittedAt?.toISOString() ?? null,
        ...answersOf(row),
      })),
    meetings: [...meetingById.values()].filter((m) => new Date(m.startsAt) > ctx.now),
  };
}

// ---------------------------------------------------------------------------------------
// Writing

const blankToUndefined = (value: unknown) =>
  typeof value === "string" && value.trim() === "" ? undefined : value;

const answer = z
  .string()
  .trim()
  .max(5000, { error: "wishes:errors.tooLong" })
  .optional()
  .default("");

/** The shared schema for the views form; messages are i18n keys (namespace "wishes"). */
export const viewsSchema = z
  .object({
    intent: z.enum(["save_draft", "send"], { error: "wishes:errors.intent" }),
    /** The draft being continued, with the version the form was built from. */
    recordId: z.preprocess(blankToUndefined, z.string().optional()),
    version: z.preprocess(blankToUndefined, z.coerce.number().int().positive().optional()),
    /** "none": not for a particular meeting. */
    meetingId: z.preprocess(
      (v) => (v === "none" ? undefined : blankToUndefined(v)),
      z.string().optional(),
    ),
    goingWell: answer,
    worries: answer,
    wants: answer,
    wantsWhen: answer,
    trustedPerson: answer,
    /** A young person's choice; ignored for a parent's views. */
    sharing: z.preprocess(
      blankToUndefined,
      z.enum(viewsSharing, { error: "wishes:errors.sharing" }).optional(),
    ),
  })
  .superRefine((value, issue) => {
    if (viewsPrompts.every((prompt) => value[prompt] === "")) {
      issue.addIssue({ code: "custom", path: ["goingWell"], message: "wishes:errors.empty" });
    }
    if (value.recordId && value.version === undefined) {
      issue.addIssue({ code: "custom", path: ["form"], message: "wishes:errors.stale" });
    }
  });
export type ViewsInput = z.infer<typeof viewsSchema>;

/** Changing who may see wishes already sent. */
export const sharingSchema = z.object({
  recordId: z.string().min(1, { error: "wishes:errors.stale" }),
  version: z.coerce.number().int().positive({ error: "wishes:errors.stale" }),
  sharing: z.enum(viewsSharing, { error: "wishes:errors.sharing" }),
});
export type SharingInput = z.infer<typeof sharingSchema>;

async function userOfMember(
  tx: Pick<ServiceContext["db"], "select">,
  memberId: string | null,
): Promise<string | null> {
  if (!memberId) return null;
  const [row] = await tx
    .select({ userId: caseMember.userId })
    .from(caseMember)
    .where(eq(caseMember.id, memberId));
  return row?.userId ?? null;
}

async function loadRecord(ctx: ServiceContext, caseId: string, recordId: string) {
  const [row] = await ctx.db.select().from(viewsAndWishes).where(eq(viewsAndWishes.id, recordId));
  // Another case's record is as good as missing: its existence is not for this viewer.
  if (!row || row.caseId !== caseId) throw new NotFound(`views ${recordId}`);
  return row;
}

async function checkMeeting(ctx: ServiceContext, caseId: string, meetingId: string | undefined) {
  if (!meetingId) return null;
  const [row] = await ctx.db
    .select({ id: meeting.id })
    .from(meeting)
    .where(and(eq(meeting.id, meetingId), eq(meeting.caseId, caseId)));
  if (!row) throw new NotFound(`meeting ${meetingId}`);
  return row.id;
}

/**
 * Creates or updates the viewer's own views (or a young person's wishes), as a draft or
 * sent to the social worker. A draft is updated only at the version it was read at; sent
 * views are not edited (new views are written instead). An advocate with the person's
 * "views" permission writes on their behalf, and it is attributed; interpreters may not.
 */
export async function saveViews(
  ctx: ServiceContext,
  caseId: string,
  input: ViewsInput,
): Promise<{ id: string; status: ViewsStatus; version: number }> {
  const kase = await caseFacts(ctx, caseId);
  const viewer = await loadViewer(ctx, caseId);
  const meetingId = await checkMeeting(ctx, caseId, input.meetingId);
  const status: ViewsStatus = input.intent === "send" ? "submitted" : "draft";
  const answers = {
    goingWell: input.goingWell || null,
    worries: input.worries || null,
    wants: input.wants || null,
    wantsWhen: input.wantsWhen || null,
    trustedPerson: input.trustedPerson || null,
  };

  if (input.recordId) {
    const row = await loadRecord(ctx, caseId, input.recordId);
    const { decision } = await authorize(ctx, "update", viewsFacts(row, kase), viewer);
    const sharing =
      row.kind === "young_person_wishes" ? (input.sharing ?? row.sharing) : "social_worker_only";
    return ctx.db.transaction(async (tx) => {
      const updated = await tx
        .update(viewsAndWishes)
        .set({
          ...answers,
          meetingId,
          sharing,
          status,
          submittedAt: status === "submitted" ? ctx.now : null,
          version: (input.version ?? 0) + 1,
          updatedAt: ctx.now,
        })
        .where(
          and(
            eq(viewsAndWishes.id, row.id),
            eq(viewsAndWishes.status, "draft"),
            eq(viewsAndWishes.version, input.version ?? -1),
          ),
        )
        .returning({ version: viewsAndWishes.version });
      if (updated.length === 0) {
        const [current] = await tx
          .select({ version: viewsAndWishes.version })
          .from(viewsAndWishes)
          .where(eq(viewsAndWishes.id, row.id));
        throw new StaleWrite(current?.version ?? 0);
      }
      await recordAudit(tx, {
        actorUserId: ctx.userId,
        onBehalfOfUserId: await userOfMember(tx, decision.onBehalfOf),
        app: ctx.app,
        action: status === "draft" ? "save_draft" : "submit",
        resourceType: "views_and_wishes",
        resourceId: row.id,
        caseId,
        outcome: "allowed",
        detail: { kind: row.kind, sharing, onBehalfOfMemberId: decision.onBehalfOf },
      });
      return { id: row.id, status, version: updated[0]?.version ?? (input.version ?? 0) + 1 };
    });
  }

  // A new record: written through the membership that may write here. When none may, the
  // policy is asked with the viewer's first family membership so the refusal is audited.
  const writer = writerOn(viewer, kase, ctx.now);
  const asked = writer?.membership ?? viewer.memberships[0];
  const kind = writer?.kind ?? (asked ? voiceOf(asked) : null);
  const { decision } = await authorize(ctx, "create", newViewsFacts(kase, asked, kind), viewer);
  if (!writer) throw new NotFound("a membership that writes views");
  const sharing: ViewsSharing =
    writer.kind === "young_person_wishes"
      ? (input.sharing ?? "social_worker_only")
      : "social_worker_only";
  const id = crypto.randomUUID();
  return ctx.db.transaction(async (tx) => {
    await tx.insert(viewsAndWishes).values({
      id,
      caseId,
      authorMemberId: writer.membership.memberId,
      onBehalfOfMemberId: writer.membership.actingFor?.memberId ?? null,
      kind: writer.kind,
      meetingId,
      ...answers,
      sharing,
      status,
      submittedAt: status === "submitted" ? ctx.now : null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      onBehalfOfUserId: await userOfMember(tx, decision.onBehalfOf),
      app: ctx.app,
      action: status === "draft" ? "save_draft" : "submit",
      resourceType: "views_and_wishes",
      resourceId: id,
      caseId,
      outcome: "allowed",
      detail: { kind: writer.kind, sharing, onBehalfOfMemberId: decision.onBehalfOf },
    });
    return { id, status, version: 1 };
  });
}

/**
 * A young person changes who may see wishes they have sent: only their social worker, or
 * their parents too. They can change their mind either way, at any time.
 */
export async function changeWishesSharing(
  ctx: ServiceContext,
  caseId: string,
  input: SharingInput,
): Promise<{ version: number }> {
  const kase = await caseFacts(ctx, caseId);
  const row = await loadRecord(ctx, caseId, input.recordId);
  const { decision } = await authorize(ctx, "update", viewsFacts(row, kase));
  // Only a young person's wishes have an audience to choose; a parent's views go to the
  // social worker.
  if (row.kind !== "young_person_wishes") throw new NotFound(`wishes ${row.id}`);
  return ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(viewsAndWishes)
      .set({ sharing: input.sharing, version: input.version + 1, updatedAt: ctx.now })
      .where(and(eq(viewsAndWishes.id, row.id), eq(viewsAndWishes.version, input.version)))
      .returning({ version: viewsAndWishes.version });
    if (updated.length === 0) {
      const [current] = await tx
        .select({ version: viewsAndWishes.version })
        .from(viewsAndWishes)
        .where(eq(viewsAndWishes.id, row.id));
      throw new StaleWrite(current?.version ?? 0);
    }
    await recordAudit(tx, {
      actorUserId: ctx.userId,
      onBehalfOfUserId: await userOfMember(tx, decision.onBehalfOf),
      app: ctx.app,
      action: "change_sharing",
      resourceType: "views_and_wishes",
      resourceId: row.id,
      caseId,
      outcome: "allowed",
      detail: { from: row.sharing, to: input.sharing, onBehalfOfMemberId: decision.onBehalfOf },
    });
    return { version: input.version + 1 };
  });
}
