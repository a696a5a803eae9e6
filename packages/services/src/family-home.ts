import { agreementGoal, type CaseRole, caseMember, childCase, user } from "@homeward/db";
import {
  addDays,
  type CaseStep,
  compareDates,
  goalProgress,
  isFactorId,
  nextStep,
  type RiskLevel,
  STAGES,
  type StageBlocker,
} from "@homeward/rules";
import { and, asc, eq, inArray, isNull } from "drizzle-orm";
import { auditRead } from "./access.ts";
import type { ServiceContext } from "./context.ts";
import { type FamilyCase, familyCases, londonDate, readableAgreementIds } from "./family-cases.ts";
import { isUpcoming, type MeetingView, meetingsOfCase } from "./meetings.ts";
import { entriesSharedWithMe } from "./record-entries.ts";
import { agreedRiskOf } from "./traffic-light.ts";

/** Goals due within this many days are listed as waiting (four weeks: time to act on them). */
export const GOALS_DUE_WITHIN_DAYS = 28;

export interface FamilyHomeCase {
  caseId: string;
  childFirstName: string;
  /** The role of the person whose home this is (for a helper, the person they help). */
  role: CaseRole;
  /** The viewer is an advocate or interpreter helping that person. */
  helping: boolean;
  forYoungPerson: boolean;
  step: CaseStep;
  /** 1 to 5 while the case is in one of the framework's five stages; otherwise null. */
  stageNumber: number | null;
  /** What comes next (`nextStep` from @homeward/rules); null once the case is closed. */
  nextStep: CaseStep | null;
  /** Rules the record shows stand in the way of the next step. */
  blockers: StageBlocker[];
  /** The agreed traffic light today, or null until one is agreed. */
  riskLevel: RiskLevel | null;
  nextMeeting: MeetingView | null;
  entriesToCheck: { entryId: string; title: string; deadline: string | null }[];
  goalsDue: { goalId: string; changeNeeded: string; dueDate: string; overdue: boolean }[];
  socialWorker: { name: string; email: string } | null;
}

export interface FamilyHome {
  cases: FamilyHomeCase[];
}

const GOAL_STATUS_FOR_RULES = {
  not_started: "open",
  in_progress: "open",
  achieved: "achieved",
  not_achieved: "not_achieved",
} as const;

async function goalsDueSoon(
  ctx: ServiceContext,
  kase: FamilyCase,
  today: string,
): Promise<FamilyHomeCase["goalsDue"]> {
  const readable = await readableAgreementIds(ctx, kase);
  if (readable.length === 0) return [];
  const goals = await ctx.db
    .select()
    .from(agreementGoal)
    .where(inArray(agreementGoal.agreementId, readable))
    .orderBy(asc(agreementGoal.dueDate), asc(agreementGoal.sortOrder));
  const horizon = addDays(today, GOALS_DUE_WITHIN_DAYS);
  return goals.flatMap((goal) => {
    const progress = goalProgress(
      {
        id: goal.id,
        addressesFactors: goal.factorIds.filter(isFactorId),
        changeNeeded: goal.changeNeeded,
        measure: goal.measure,
        evidenceExpected: goal.evidenceExpected,
        dueDate: goal.dueDate,
        supportOffered: goal.supportOffered,
        consequence: goal.consequence,
        status: GOAL_STATUS_FOR_RULES[goal.status],
        evidenceSeen: "",
      },
      today,
    );
    if (progress !== "open" && progress !== "overdue") return [];
    if (compareDates(goal.dueDate, horizon) > 0) return [];
    return [
      {
        goalId: goal.id,
        changeNeeded: goal.changeNeeded,
        dueDate: goal.dueDate,
        overdue: progress === "overdue",
      },
    ];
  });
}

async function socialWorkerOf(ctx: ServiceContext, caseId: string) {
  const rows = await ctx.db
    .select({
      name: user.name,
      email: user.email,
      activeFrom: caseMember.activeFrom,
      activeUntil: caseMember.activeUntil,
    })
    .from(caseMember)
    .innerJoin(user, eq(user.id, caseMember.userId))
    .where(
      and(
        eq(caseMember.caseId, caseId),
        eq(caseMember.role, "social_worker"),
        isNull(caseMember.revokedAt),
      ),
    )
    .orderBy(asc(caseMember.activeFrom));
  const current = rows.find(
    (r) => r.activeFrom <= ctx.now && (r.activeUntil === null || r.activeUntil > ctx.now),
  );
  // Staff are reached at their work address; nothing else about them is shown.
  return current ? { name: current.name, email: current.email } : null;
}

/** The home page of the signed-in family member: one section per case they are on. */
export async function familyHome(ctx: ServiceContext): Promise<FamilyHome> {
  const today = londonDate(ctx.now);
  const kases = await familyCases(ctx);
  if (kases.length === 0) return { cases: [] };
  const shared = await entriesSharedWithMe(ctx);
  const steps = await ctx.db
    .select({ id: childCase.id, stage: childCase.stage, returnedHomeOn: childCase.returnedHomeOn })
    .from(childCase)
    .where(
      inArray(
        childCase.id,
        kases.map((k) => k.caseId),
      ),
    );
  const cases: FamilyHomeCase[] = [];
  for (const kase of kases) {
    const record = steps.find((s) => s.id === kase.caseId);
    if (!record) continue;
    const risk = await agreedRiskOf(ctx, kase);
    // Milestones are not yet recorded in Homeward, so only the rules the record can answer
    // (the agreed risk, the return home) decide the blockers; the page says the rest in words.
    const next = nextStep({
      step: record.stage,
      done: [],
      risk: risk?.status ?? null,
      changeUnlikelyInChildsTimeframe: false,
      returnedHomeOn: record.returnedHomeOn,
      asOf: today,
    });
    const meetings = await meetingsOfCase(ctx, kase);
    const nextMeeting = meetings.find((m) => isUpcoming(m, ctx.now)) ?? null;
    const entriesToCheck = shared
      .filter((e) => e.caseId === kase.caseId && e.status === "shared_for_review")
      .map(({ entryId, title, deadline }) => ({ entryId, title, deadline }));
    const goalsDue = await goalsDueSoon(ctx, kase, today);
    const socialWorker = await socialWorkerOf(ctx, kase.caseId);
    const stageIndex = (STAGES as readonly string[]).indexOf(record.stage);
    cases.push({
      caseId: kase.caseId,
      childFirstName: kase.childFirstName,
      role: kase.person.role,
      helping: kase.onBehalfOfMemberId !== null,
      forYoungPerson: kase.forYoungPerson,
      step: record.stage,
      stageNumber: stageIndex === -1 ? null : stageIndex + 1,
      nextStep: next.to,
      blockers: [...next.missing.blockers],
      riskLevel: risk?.status.level ?? null,
      nextMeeting,
      entriesToCheck,
      goalsDue,
      socialWorker,
    });
    await auditRead(ctx, {
      resourceType: "family_home",
      caseId: kase.caseId,
      onBehalfOfMemberId: kase.onBehalfOfMemberId,
      detail: {
        reviewIds: risk?.reviewIds ?? [],
        meetingId: nextMeeting?.meetingId ?? null,
        entryIds: entriesToCheck.map((e) => e.entryId),
        goalIds: goalsDue.map((g) => g.goalId),
      },
    });
  }
  return { cases };
}
