// The caseload (issue 6, item 1): the cases of the practitioner's teams (and any case they
// are assigned to), each with the traffic light the framework requires today, the stage, the
// allocated worker and what is due or overdue. The level is computed by `assessRisk` from
// the agreed reviews, not read from `case.risk_level`: a case can drift to severe with no
// one touching the record. A handful of set-based queries serve the whole list, whatever
// the number of cases; the policy decides which cases are listed.
import { can, type PolicyViewer, type StaffRole } from "@homeward/auth/policy";
import {
  agreementGoal,
  agreementSupport,
  caseMember,
  childCase,
  familyResponse,
  parentalAgreement,
  recordAudit,
  recordEntry,
  recordEntryShare,
  riskReview,
  staffMembership,
  team,
  user,
} from "@homeward/db";
import {
  addDays,
  assessRisk,
  CASE_STEPS,
  type CaseStep,
  compareRiskLevels,
  correctionClock,
  nextReclassificationDue,
  RISK_LEVELS,
  type ReclassificationReason,
  type RiskEvidence,
  type RiskLevel,
  type RiskStatus,
} from "@homeward/rules";
import { and, asc, eq, inArray, isNotNull, isNull, lt, lte, ne, or } from "drizzle-orm";
import { z } from "zod";
import { AccessDenied, type ServiceContext } from "./context.ts";
import { londonDate } from "./family-cases.ts";

/**
 * Homeward's starting interval between re-classifications, until an authority sets its own
 * ("re-classify risk at set intervals", framework.md stage 5; quarterly as in the rules' tests).
 */
export const RECLASSIFICATION_INTERVAL_MONTHS = 3;
/** A review window "closing soon": a family member's reply-by date within a week. */
export const REVIEW_WINDOW_WARNING_DAYS = 7;
export const CASELOAD_PAGE_SIZE = 25;

export const caseloadSortKeys = ["reference", "child", "level", "stage", "nextDue"] as const;
export type CaseloadSortKey = (typeof caseloadSortKeys)[number];
export type SortDirection = "asc" | "desc";

/** "none": not yet classified. */
export const caseloadLevelFilters = [...RISK_LEVELS, "none"] as const;
export type CaseloadLevelFilter = (typeof caseloadLevelFilters)[number];

export interface CaseloadFilter {
  level?: CaseloadLevelFilter;
  stage?: CaseStep;
  hasOverdue?: boolean;
}

export interface CaseloadQuery {
  sort?: { key: CaseloadSortKey; direction: SortDirection };
  filter?: CaseloadFilter;
  page?: number;
  pageSize?: number;
}

/**
 * The caseload's query string, forgiving: a link someone edited by hand falls back to the
 * defaults rather than failing, since every value only narrows or orders the list.
 */
export const caseloadSearchSchema = z.object({
  sort: z.enum(caseloadSortKeys).catch("reference"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  level: z.enum(caseloadLevelFilters).optional().catch(undefined),
  stage: z.enum(CASE_STEPS).optional().catch(undefined),
  overdue: z
    .literal("1")
    .optional()
    .catch(undefined)
    .transform((v) => v === "1"),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});
export type CaseloadSearch = z.infer<typeof caseloadSearchSchema>;

/** Reads the caseload's query string (empty values mean "any"). */
export function parseCaseloadSearch(params: URLSearchParams): CaseloadSearch {
  const raw = Object.fromEntries(
    [...params.entries()].filter(([, value]) => value !== ""),
  ) as Record<string, string>;
  return caseloadSearchSchema.parse({ sort: undefined, dir: undefined, page: undefined, ...raw });
}

export function caseloadQueryOf(search: CaseloadSearch): CaseloadQuery {
  return {
    sort: { key: search.sort, direction: search.dir },
    filter: { level: search.level, stage: search.stage, hasOverdue: search.overdue },
    page: search.page,
  };
}

export type DueItem =
  | {
      kind: "reclassification";
      date: string;
      reason: ReclassificationReason;
      overdue: boolean;
    }
  | { kind: "drift"; date: string; overdue: boolean }
  | { kind: "reviewWindow"; date: string; count: number; overdue: boolean }
  | { kind: "familyResponses"; date: string; count: number; overdue: false }
  /** Correction requests must be answered within a month (rules: correctionClock). */
  | { kind: "correctionsToAnswer"; date: string; count: number; overdue: boolean }
  | { kind: "goalsOverdue"; date: string; count: number; overdue: true }
  | { kind: "supportNotDelivered"; date: string; count: number; overdue: true };

export interface CaseloadRow {
  caseId: string;
  reference: string;
  childName: string;
  stage: CaseStep;
  /** The level the framework requires today (assessRisk); null until a review is agreed. */
  level: RiskLevel | null;
  levelSince: string | null;
  /** The level last written on the case; differs from `level` when, say, a case drifted. */
  recordedLevel: RiskLevel | null;
  allocatedWorker: string | null;
  due: DueItem[];
  /** The earliest date among `due`: the sort key "next due". */
  nextDue: string | null;
  hasOverdue: boolean;
}

export interface Caseload {
  rows: CaseloadRow[];
  /** Cases matching the filter. */
  total: number;
  /** Cases the viewer may see before filtering. */
  all: number;
  page: number;
  pageCount: number;
  pageSize: number;
  sort: { key: CaseloadSortKey; direction: SortDirection };
  filter: CaseloadFilter;
}

type ReviewRow = Pick<
  typeof riskReview.$inferSelect,
  | "caseId"
  | "reviewDate"
  | "agreedRiskFactors"
  | "agreedProtectiveFactors"
  | "agreedCapacityToChange"
>;

export interface CaseRisk {
  status: RiskStatus;
  lastReviewOn: string;
}

/**
 * The level the framework requires on `today` from a case's agreed reviews (any order):
 * one review a day (the later agreement wins), none after today. Null until one is agreed.
 */
export function caseRiskFrom(rows: readonly ReviewRow[], today: string): CaseRisk | null {
  const byDate = new Map<string, RiskEvidence>();
  for (const row of [...rows].sort((a, b) => a.reviewDate.localeCompare(b.reviewDate))) {
    if (
      row.reviewDate > today ||
      row.agreedRiskFactors === null ||
      row.agreedProtectiveFactors === null ||
      row.agreedCapacityToChange === null
    ) {
      continue;
    }
    byDate.set(row.reviewDate, {
      riskFactors: row.agreedRiskFactors,
      protectiveFactors: row.agreedProtectiveFactors,
      capacityToChange: row.agreedCapacityToChange,
    });
  }
  const reviews = [...byDate].map(([date, evidence]) => ({ date, evidence }));
  const last = reviews.at(-1);
  if (!last) return null;
  return { status: assessRisk(reviews, today), lastReviewOn: last.date };
}

/** What is due because of the risk status: the next re-classification and the drift date. */
export function riskDueItems(risk: CaseRisk | null, today: string): DueItem[] {
  if (!risk) return [];
  const next = nextReclassificationDue(risk.status, risk.lastReviewOn, {
    intervalMonths: RECLASSIFICATION_INTERVAL_MONTHS,
  });
  const items: DueItem[] = [
    {
      kind: "reclassification",
      date: next.due,
      reason: next.reason,
      overdue: next.due < today,
    },
  ];
  if (risk.status.driftDate) {
    items.push({ kind: "drift", date: risk.status.driftDate, overdue: false });
  }
  return items;
}

const staffRoles: readonly StaffRole[] = [
  "social_worker",
  "co_worker",
  "chronologist",
  "team_manager",
  "iro",
];

export interface Candidate {
  id: string;
  teamId: string;
  authorityId: string;
  reference: string;
  childName: string;
  stage: CaseStep;
  riskLevel: RiskLevel | null;
}

/** The cases the viewer may read: their teams' and any they are assigned to, by the policy. */
async function readableCases(ctx: ServiceContext): Promise<Candidate[]> {
  const teams = await ctx.db
    .select({
      teamId: staffMembership.teamId,
      role: staffMembership.role,
      authorityId: team.authorityId,
    })
    .from(staffMembership)
    .innerJoin(team, eq(team.id, staffMembership.teamId))
    .where(eq(staffMembership.userId, ctx.userId));
  const assignments = await ctx.db
    .select()
    .from(caseMember)
    .where(and(eq(caseMember.userId, ctx.userId), inArray(caseMember.role, [...staffRoles])));
  const teamIds = teams.map((t) => t.teamId);
  const assignedCaseIds = [...new Set(assignments.map((m) => m.caseId))];
  if (teamIds.length === 0 && assignedCaseIds.length === 0) return [];
  const candidates = await ctx.db
    .select({
      id: childCase.id,
      teamId: childCase.teamId,
      authorityId: childCase.authorityId,
      reference: childCase.reference,
      childName: childCase.childName,
      stage: childCase.stage,
      riskLevel: childCase.riskLevel,
    })
    .from(childCase)
    .where(
      or(
        teamIds.length ? inArray(childCase.teamId, teamIds) : undefined,
        assignedCaseIds.length ? inArray(childCase.id, assignedCaseIds) : undefined,
      ),
    );
  const authorityIds = [...new Set(teams.map((t) => t.authorityId))];
  const base = {
    userId: ctx.userId,
    kind: "practitioner" as const,
    // One authority per practitioner; several would be a data error, and the policy denies.
    authorityId: authorityIds.length === 1 ? (authorityIds[0] ?? null) : null,
    teams: teams.map(({ teamId, role }) => ({ teamId, role })),
  };
  return candidates.filter((c) => {
    const viewer: PolicyViewer = {
      ...base,
      memberships: assignments
        .filter((m) => m.caseId === c.id)
        .map((m) => ({
          memberId: m.id,
          role: m.role,
          personId: m.personId ?? null,
          actingFor: null,
          activeFrom: m.activeFrom,
          activeUntil: m.activeUntil,
          revokedAt: m.revokedAt ?? null,
          consentRecordedAt: m.consentRecordedAt ?? null,
          permissions: m.permissions ?? null,
        })),
    };
    const facts = { caseId: c.id, teamId: c.teamId, authorityId: c.authorityId };
    return can(viewer, "read", { type: "case", ...facts }, ctx.now).allowed;
  });
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

const dayOf = (d: Date) => londonDate(d);

/** Everything the list shows for the cases given, in six queries (also the manager view's). */
export async function caseloadRows(
  ctx: ServiceContext,
  cases: readonly Candidate[],
  today: string,
): Promise<CaseloadRow[]> {
  if (cases.length === 0) return [];
  const ids = cases.map((c) => c.id);
  const soon = addDays(today, REVIEW_WINDOW_WARNING_DAYS);

  const reviews = await ctx.db
    .select({
      caseId: riskReview.caseId,
      reviewDate: riskReview.reviewDate,
      agreedRiskFactors: riskReview.agreedRiskFactors,
      agreedProtectiveFactors: riskReview.agreedProtectiveFactors,
      agreedCapacityToChange: riskReview.agreedCapacityToChange,
    })
    .from(riskReview)
    .where(and(inArray(riskReview.caseId, ids), eq(riskReview.status, "agreed")))
    .orderBy(asc(riskReview.reviewDate), asc(riskReview.agreedAt));

  const workers = await ctx.db
    .select({ caseId: caseMember.caseId, name: user.name })
    .from(caseMember)
    .innerJoin(user, eq(user.id, caseMember.userId))
    .where(
      and(
        inArray(caseMember.caseId, ids),
        eq(caseMember.role, "social_worker"),
        isNull(caseMember.revokedAt),
      ),
    )
    .orderBy(asc(caseMember.activeFrom));

  // Review windows closing within a week, or already closed on an entry still under review.
  const windows = await ctx.db
    .select({ caseId: recordEntry.caseId, deadline: recordEntryShare.deadline })
    .from(recordEntryShare)
    .innerJoin(recordEntry, eq(recordEntry.id, recordEntryShare.entryId))
    .where(
      and(
        inArray(recordEntry.caseId, ids),
        eq(recordEntry.status, "shared_for_review"),
        lte(recordEntryShare.deadline, soon),
      ),
    );

  const responses = await ctx.db
    .select({
      caseId: recordEntry.caseId,
      createdAt: familyResponse.createdAt,
      kind: familyResponse.kind,
    })
    .from(familyResponse)
    .innerJoin(recordEntry, eq(recordEntry.id, familyResponse.entryId))
    .where(and(inArray(recordEntry.caseId, ids), eq(familyResponse.status, "open")));

  const goals = await ctx.db
    .select({ caseId: parentalAgreement.caseId, dueDate: agreementGoal.dueDate })
    .from(agreementGoal)
    .innerJoin(parentalAgreement, eq(parentalAgreement.id, agreementGoal.agreementId))
    .where(
      and(
        inArray(parentalAgreement.caseId, ids),
        ne(parentalAgreement.status, "ended"),
        inArray(agreementGoal.status, ["not_started", "in_progress"]),
        lt(agreementGoal.dueDate, today),
      ),
    );

  const supports = await ctx.db
    .select({ caseId: parentalAgreement.caseId, flaggedAt: agreementSupport.familyFlaggedAt })
    .from(agreementSupport)
    .innerJoin(parentalAgreement, eq(parentalAgreement.id, agreementSupport.agreementId))
    .where(
      and(
        inArray(parentalAgreement.caseId, ids),
        isNotNull(agreementSupport.familyFlaggedAt),
        ne(agreementSupport.status, "delivered"),
      ),
    );

  const reviewsBy = groupBy(reviews, (r) => r.caseId);
  const workersBy = groupBy(workers, (r) => r.caseId);
  const windowsBy = groupBy(windows, (r) => r.caseId);
  const responsesBy = groupBy(responses, (r) => r.caseId);
  const goalsBy = groupBy(goals, (r) => r.caseId);
  const supportsBy = groupBy(supports, (r) => r.caseId);
  const earliest = (dates: string[]) => dates.sort()[0] ?? today;

  return cases.map((c) => {
    const closed = c.stage === "closed";
    const risk = caseRiskFrom(reviewsBy.get(c.id) ?? [], today);
    const due: DueItem[] = closed ? [] : riskDueItems(risk, today);

    const caseWindows = windowsBy.get(c.id) ?? [];
    const closedWindows = caseWindows.filter((w) => w.deadline < today);
    const openWindows = caseWindows.filter((w) => w.deadline >= today);
    if (closedWindows.length) {
      due.push({
        kind: "reviewWindow",
        date: earliest(closedWindows.map((w) => w.deadline)),
        count: closedWindows.length,
        overdue: true,
      });
    }
    if (openWindows.length) {
      due.push({
        kind: "reviewWindow",
        date: earliest(openWindows.map((w) => w.deadline)),
        count: openWindows.length,
        overdue: false,
      });
    }
    const caseResponses = responsesBy.get(c.id) ?? [];
    if (caseResponses.length) {
      due.push({
        kind: "familyResponses",
        date: earliest(caseResponses.map((r) => dayOf(r.createdAt))),
        count: caseResponses.length,
        overdue: false,
      });
    }
    const corrections = caseResponses
      .filter((r) => r.kind === "correction")
      .map((r) => correctionClock(dayOf(r.createdAt), today, false));
    if (corrections.length) {
      due.push({
        kind: "correctionsToAnswer",
        date: earliest(corrections.map((c) => c.answerBy)),
        count: corrections.length,
        overdue: corrections.some((c) => c.overdue),
      });
    }
    const caseGoals = goalsBy.get(c.id) ?? [];
    if (caseGoals.length) {
      due.push({
        kind: "goalsOverdue",
        date: earliest(caseGoals.map((g) => g.dueDate)),
        count: caseGoals.length,
        overdue: true,
      });
    }
    const caseSupports = supportsBy.get(c.id) ?? [];
    if (caseSupports.length) {
      due.push({
        kind: "supportNotDelivered",
        date: earliest(caseSupports.map((s) => (s.flaggedAt ? dayOf(s.flaggedAt) : today))),
        count: caseSupports.length,
        overdue: true,
      });
    }
    due.sort((a, b) => a.date.localeCompare(b.date));
    return {
      caseId: c.id,
      reference: c.reference,
      childName: c.childName,
      stage: c.stage,
      level: risk?.status.level ?? null,
      levelSince: risk?.status.since ?? null,
      recordedLevel: c.riskLevel,
      allocatedWorker: workersBy.get(c.id)?.[0]?.name ?? null,
      due,
      nextDue: due[0]?.date ?? null,
      hasOverdue: due.some((d) => d.overdue),
    };
  });
}

const stageOrder = new Map<string, number>(CASE_STEPS.map((s, i) => [s, i]));

/** Compares two rows by a key; a missing value (no level, nothing due) always sorts last. */
function compareBy(key: CaseloadSortKey, direction: SortDirection) {
  const sign = direction === "asc" ? 1 : -1;
  const nullsLast = <T>(a: T | null, b: T | null, cmp: (x: T, y: T) => number): number => {
    if (a === null && b === null) return 0;
    if (a === null) return 1;
    if (b === null) return -1;
    return sign * cmp(a, b);
  };
  return (a: CaseloadRow, b: CaseloadRow): number => {
    const primary = (() => {
      switch (key) {
        case "reference":
          return sign * a.reference.localeCompare(b.reference);
        case "child":
          return sign * a.childName.localeCompare(b.childName);
        case "level":
          return nullsLast(a.level, b.level, compareRiskLevels);
        case "stage":
          return sign * ((stageOrder.get(a.stage) ?? 0) - (stageOrder.get(b.stage) ?? 0));
        case "nextDue":
          return nullsLast(a.nextDue, b.nextDue, (x, y) => x.localeCompare(y));
      }
    })();
    return primary || a.reference.localeCompare(b.reference);
  };
}

function matches(row: CaseloadRow, filter: CaseloadFilter): boolean {
  if (filter.level && (row.level ?? "none") !== filter.level) return false;
  if (filter.stage && row.stage !== filter.stage) return false;
  if (filter.hasOverdue && !row.hasOverdue) return false;
  return true;
}

/**
 * The practitioner's caseload, sorted, filtered and paged. Refused to family accounts.
 * The read is audited once, naming the cases shown.
 */
export async function caseload(ctx: ServiceContext, query: CaseloadQuery = {}): Promise<Caseload> {
  if (ctx.kind !== "practitioner") {
    await recordAudit(ctx.db, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: "read",
      resourceType: "caseload",
      outcome: "denied",
      detail: { reason: "NOT_SIGNED_IN_AS_STAFF" },
    });
    throw new AccessDenied("NOT_SIGNED_IN_AS_STAFF");
  }
  const today = londonDate(ctx.now);
  const sort = query.sort ?? { key: "reference", direction: "asc" };
  const filter = query.filter ?? {};
  const pageSize = query.pageSize ?? CASELOAD_PAGE_SIZE;

  const cases = await readableCases(ctx);
  // Level, next due and "has overdue" are computed, so the whole caseload is computed
  // before filtering - still a fixed number of queries, however many cases there are.
  const rows = (await caseloadRows(ctx, cases, today))
    .filter((row) => matches(row, filter))
    .sort(compareBy(sort.key, sort.direction));
  const pageCount = Math.max(1, Math.ceil(rows.length / pageSize));
  const page = Math.min(Math.max(1, query.page ?? 1), pageCount);
  const shown = rows.slice((page - 1) * pageSize, page * pageSize);

  await recordAudit(ctx.db, {
    actorUserId: ctx.userId,
    app: ctx.app,
    action: "read",
    resourceType: "caseload",
    outcome: "allowed",
    detail: { caseIds: shown.map((r) => r.caseId), total: rows.length, page, sort, filter },
  });
  return {
    rows: shown,
    total: rows.length,
    all: cases.length,
    page,
    pageCount,
    pageSize,
    sort,
    filter,
  };
}
