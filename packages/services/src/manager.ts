// The manager view (issue 7, part 4): a team's cases by level and stage, overdue work, how
// often the two independent classifications agree, and what became of its returns home -
// returns to care within 6, 12 and 24 months, the monitoring the evaluations found no
// authority doing (framework.md, "What authorities lacked"). For team managers only
// (`canReadTeamFigures`); every read is audited, refusals included.
import { canReadTeamFigures, type PolicyViewer, type StaffRole } from "@homeward/auth/policy";
import {
  childCase,
  recordAudit,
  returnHomeEpisode,
  riskClassification,
  riskReview,
  staffMembership,
  team,
} from "@homeward/db";
import {
  type AgreementRate,
  agreementRate,
  CASE_STEPS,
  type CaseStep,
  type OutcomeDataCode,
  RISK_LEVELS,
  type ReturnOutcomes,
  type ReturnRecord,
  type RiskLevel,
  returnOutcomes,
} from "@homeward/rules";
import { and, asc, count, eq, inArray, isNotNull, ne, or } from "drizzle-orm";
import { z } from "zod";
import { type Candidate, caseloadRows, type DueItem } from "./caseload.ts";
import { AccessDenied, type ServiceContext } from "./context.ts";
import { londonDate } from "./family-cases.ts";

export interface ManagedTeam {
  teamId: string;
  name: string;
}

/** Level of an open case today; "none" until a classification is agreed. */
export type LevelBucket = RiskLevel | "none";
export const levelBuckets: readonly LevelBucket[] = [...RISK_LEVELS, "none"];
export type DueKind = DueItem["kind"];
/** The kinds of due item that can be overdue (a drift date or a reply awaited never is). */
export const overdueKinds = [
  "reclassification",
  "reviewWindow",
  "goalsOverdue",
  "supportNotDelivered",
] as const satisfies readonly DueKind[];
export type OverdueKind = (typeof overdueKinds)[number];

export interface OverdueCase {
  caseId: string;
  reference: string;
  childName: string;
  teamName: string;
  /** Only the overdue items, earliest first. */
  items: DueItem[];
}

export interface TeamFigures {
  asOf: string;
  /** Every team the viewer manages (to choose from). */
  managed: ManagedTeam[];
  /** The teams these figures cover: one chosen, or all the viewer manages. */
  teams: ManagedTeam[];
  /** The team chosen; null when the figures cover all the viewer's teams. */
  teamId: string | null;
  cases: { all: number; open: number; closed: number };
  /** Open cases by the level the time rules give today, in the order of `levelBuckets`. */
  byLevel: { level: LevelBucket; count: number }[];
  /** All cases, closed ones included, by step, in the order of CASE_STEPS. */
  byStage: { stage: CaseStep; count: number }[];
  overdue: {
    /** Open cases with at least one overdue item. */
    cases: number;
    /** Overdue items by kind, in the order of `overdueKinds`. */
    items: { kind: OverdueKind; count: number }[];
    list: OverdueCase[];
  };
  agreement: AgreementRate;
  outcomes: Omit<ReturnOutcomes, "excluded"> & {
    /** Records that could not be counted, named so they can be put right. */
    excluded: { caseId: string; reference: string; code: OutcomeDataCode }[];
  };
}

/** The manager view's query string: a team id, or nothing for all the manager's teams. */
export const teamFiguresSearchSchema = z.object({
  team: z.string().min(1).max(200).optional().catch(undefined),
});

interface TeamRow extends ManagedTeam {
  authorityId: string;
  role: StaffRole;
}

async function viewerTeams(ctx: ServiceContext): Promise<TeamRow[]> {
  return ctx.db
    .select({
      teamId: staffMembership.teamId,
      role: staffMembership.role,
      name: team.name,
      authorityId: team.authorityId,
    })
    .from(staffMembership)
    .innerJoin(team, eq(team.id, staffMembership.teamId))
    .where(eq(staffMembership.userId, ctx.userId))
    .orderBy(asc(team.name));
}

function policyViewer(ctx: ServiceContext, rows: readonly TeamRow[]): PolicyViewer {
  const authorityIds = [...new Set(rows.map((t) => t.authorityId))];
  return {
    userId: ctx.userId,
    kind: ctx.kind,
    // One authority per practitioner; several would be a data error, and the policy denies.
    authorityId: authorityIds.length === 1 ? (authorityIds[0] ?? null) : null,
    teams: rows.map(({ teamId, role }) => ({ teamId, role })),
    memberships: [],
  };
}

/**
 * The teams whose figures the viewer may read (for the navigation). Not audited: it reads
 * only the viewer's own team memberships, no case data.
 */
export async function managedTeams(ctx: ServiceContext): Promise<ManagedTeam[]> {
  if (ctx.kind !== "practitioner") return [];
  const rows = await viewerTeams(ctx);
  const viewer = policyViewer(ctx, rows);
  return rows
    .filter((t) => canReadTeamFigures(viewer, t).allowed)
    .map(({ teamId, name }) => ({ teamId, name }));
}

async function refuse(ctx: ServiceContext, reason: string, teamId: string | null): Promise<never> {
  await recordAudit(ctx.db, {
    actorUserId: ctx.userId,
    app: ctx.app,
    action: "read",
    resourceType: "team_figures",
    resourceId: teamId,
    outcome: "denied",
    detail: { reason },
  });
  throw new AccessDenied(reason);
}

/**
 * The figures for one team the viewer manages, or for all of them when `teamId` is absent.
 * Refused (and audited) for anyone who manages none of the teams asked for; a team id that
 * does not exist is refused the same way, so ids cannot be probed.
 */
export async function teamFigures(
  ctx: ServiceContext,
  options: { teamId?: string } = {},
): Promise<TeamFigures> {
  const requested = options.teamId ?? null;
  if (ctx.kind !== "practitioner") return refuse(ctx, "NOT_SIGNED_IN_AS_STAFF", requested);
  const rows = await viewerTeams(ctx);
  const viewer = policyViewer(ctx, rows);
  const managed = rows.filter((t) => canReadTeamFigures(viewer, t).allowed);

  let teams: TeamRow[];
  if (requested) {
    const [asked] = await ctx.db
      .select({ teamId: team.id, name: team.name, authorityId: team.authorityId })
      .from(team)
      .where(eq(team.id, requested));
    if (!asked) return refuse(ctx, "NOT_IN_TEAM", requested);
    const decision = canReadTeamFigures(viewer, asked);
    if (!decision.allowed) return refuse(ctx, decision.reason, requested);
    teams = managed.filter((t) => t.teamId === requested);
  } else {
    if (managed.length === 0) {
      const anyReason = rows[0] ? canReadTeamFigures(viewer, rows[0]) : null;
      return refuse(ctx, anyReason && !anyReason.allowed ? anyReason.reason : "NOT_IN_TEAM", null);
    }
    teams = managed;
  }

  const today = londonDate(ctx.now);
  const teamIds = teams.map((t) => t.teamId);
  const teamName = new Map(teams.map((t) => [t.teamId, t.name]));
  const ofTeams = inArray(childCase.teamId, teamIds);

  // Counting by step is one grouped query, however many cases there are.
  const stageCounts = await ctx.db
    .select({ stage: childCase.stage, n: count() })
    .from(childCase)
    .where(ofTeams)
    .groupBy(childCase.stage);
  const byStageMap = new Map(stageCounts.map((r) => [r.stage, Number(r.n)]));
  const byStage = CASE_STEPS.map((stage) => ({ stage, count: byStageMap.get(stage) ?? 0 }));
  const all = byStage.reduce((sum, s) => sum + s.count, 0);
  const closed = byStageMap.get("closed") ?? 0;

  // Level and overdue work come from the caseload's own reckoning (the time rules, due
  // dates), over the open cases only: a closed case has no level to manage.
  const open: Candidate[] = await ctx.db
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
    .where(and(ofTeams, ne(childCase.stage, "closed")))
    .orderBy(asc(childCase.reference));
  const rowsToday = await caseloadRows(ctx, open, today);
  const levelCounts = new Map<LevelBucket, number>();
  for (const row of rowsToday) {
    const bucket = row.level ?? "none";
    levelCounts.set(bucket, (levelCounts.get(bucket) ?? 0) + 1);
  }
  const byLevel = levelBuckets.map((level) => ({ level, count: levelCounts.get(level) ?? 0 }));

  const teamOf = new Map(open.map((c) => [c.id, c.teamId]));
  const overdueList: OverdueCase[] = rowsToday
    .filter((row) => row.hasOverdue)
    .map((row) => ({
      caseId: row.caseId,
      reference: row.reference,
      childName: row.childName,
      teamName: teamName.get(teamOf.get(row.caseId) ?? "") ?? "",
      items: row.due.filter((d) => d.overdue),
    }));
  const kindCounts = new Map<DueKind, number>();
  for (const item of overdueList.flatMap((c) => c.items)) {
    kindCounts.set(item.kind, (kindCounts.get(item.kind) ?? 0) + 1);
  }

  // Classifications still being written (no submittedAt) are nobody's business but their
  // author's; only submitted ones are compared.
  const classified = await ctx.db
    .select({
      reviewId: riskReview.id,
      practitionerId: riskClassification.practitionerUserId,
      riskFactors: riskClassification.riskFactors,
      protectiveFactors: riskClassification.protectiveFactors,
      capacityToChange: riskClassification.capacityToChange,
    })
    .from(riskReview)
    .innerJoin(childCase, eq(childCase.id, riskReview.caseId))
    .leftJoin(
      riskClassification,
      and(
        eq(riskClassification.reviewId, riskReview.id),
        isNotNull(riskClassification.submittedAt),
      ),
    )
    .where(ofTeams)
    .orderBy(asc(riskReview.id), asc(riskClassification.submittedAt));
  const reviews = new Map<string, { reviewId: string; submitted: AgreementInput[] }>();
  for (const row of classified) {
    const review = reviews.get(row.reviewId) ?? { reviewId: row.reviewId, submitted: [] };
    reviews.set(row.reviewId, review);
    if (
      row.practitionerId &&
      row.riskFactors &&
      row.protectiveFactors !== null &&
      row.capacityToChange !== null
    ) {
      review.submitted.push({
        practitionerId: row.practitionerId,
        evidence: {
          riskFactors: row.riskFactors,
          protectiveFactors: row.protectiveFactors,
          capacityToChange: row.capacityToChange,
        },
      });
    }
  }

  // Every return home counts, not just the latest (decision 018): each episode is a record,
  // and a return known only from the case's columns (before the history was kept) is added
  // the way the case's own history shows it (`returnHistory`).
  const episodes = await ctx.db
    .select({
      caseId: returnHomeEpisode.caseId,
      reference: childCase.reference,
      returnedHomeOn: returnHomeEpisode.returnedOn,
      reEnteredCareOn: returnHomeEpisode.reEnteredCareOn,
    })
    .from(returnHomeEpisode)
    .innerJoin(childCase, eq(childCase.id, returnHomeEpisode.caseId))
    .where(ofTeams)
    .orderBy(asc(childCase.reference), asc(returnHomeEpisode.returnedOn));
  const latestColumns = await ctx.db
    .select({
      caseId: childCase.id,
      reference: childCase.reference,
      returnedHomeOn: childCase.returnedHomeOn,
      reEnteredCareOn: childCase.reEnteredCareOn,
    })
    .from(childCase)
    .where(
      and(ofTeams, or(isNotNull(childCase.returnedHomeOn), isNotNull(childCase.reEnteredCareOn))),
    )
    .orderBy(asc(childCase.reference));
  const returns: (ReturnRecord & { reference: string })[] = [...episodes];
  for (const kase of latestColumns) {
    const kept = episodes.some(
      (e) => e.caseId === kase.caseId && e.returnedHomeOn === kase.returnedHomeOn,
    );
    // A date back in care with no date home is kept too: the rules name it as a data error.
    if (!kept) returns.push(kase);
  }
  const outcomes = returnOutcomes(returns, today);
  const referenceOf = new Map(returns.map((r) => [r.caseId, r.reference]));

  await recordAudit(ctx.db, {
    actorUserId: ctx.userId,
    app: ctx.app,
    action: "read",
    resourceType: "team_figures",
    resourceId: requested,
    outcome: "allowed",
    detail: { teamIds, asOf: today },
  });

  return {
    asOf: today,
    managed: managed.map(({ teamId, name }) => ({ teamId, name })),
    teams: teams.map(({ teamId, name }) => ({ teamId, name })),
    teamId: requested,
    cases: { all, open: all - closed, closed },
    byLevel,
    byStage,
    overdue: {
      cases: overdueList.length,
      items: overdueKinds.map((kind) => ({ kind, count: kindCounts.get(kind) ?? 0 })),
      list: overdueList,
    },
    agreement: agreementRate([...reviews.values()]),
    outcomes: {
      ...outcomes,
      // A case with two returns that cannot be counted for the same reason is named once:
      // the list is of records to put right.
      excluded: outcomes.excluded
        .filter(
          (e, index, all) =>
            all.findIndex((o) => o.caseId === e.caseId && o.code === e.code) === index,
        )
        .map((e) => ({ ...e, reference: referenceOf.get(e.caseId) ?? "" })),
    },
  };
}

type AgreementInput = Parameters<typeof agreementRate>[0][number]["submitted"][number];
