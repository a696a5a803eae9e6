// Plans and monitoring (issue 7, part 3): the reunification plan (timescale, services with
// provider and status, the role of each professional and carer, review points), made active
// when it is complete; the return home, only after Decision 3 is signed off, which plans the
// visits that step down gradually and the re-classifications at set intervals; visits
// recorded; a return to care; and, where return is not possible, the alternative permanence
// plan, the contact plan and the explanation for the family (framework.md, stages 4 and 5,
// "Where return is not possible"). Rules live in @homeward/rules (monitoring.ts, plans.ts).
import { can, type ResourceFacts } from "@homeward/auth/policy";
import {
  childCase,
  decision,
  monitoringVisit,
  type PlanReviewPoint,
  type PlanRole,
  type PlanSnapshot,
  plan,
  planService,
  planVersion,
  recordAudit,
  returnHomeEpisode,
  riskReview,
  user,
} from "@homeward/db";
import {
  type CaseStep,
  checkReturnHome,
  checkReturnHomeMove,
  checkReturnToCare,
  checkVisitRecord,
  isIsoDate,
  monitoringScheduleFor,
  nextReviewPoint,
  PLAN_KINDS,
  PLAN_SERVICE_STATUSES,
  type PlanKindName,
  type PlanProblem,
  type PlanServiceState,
  planProblems,
  type ReclassificationState,
  type ReturnHomeCode,
  type ReturnHomeProblem,
  type ReturnToCareCode,
  type RiskLevel,
  reclassificationProgress,
  reclassificationsAfterReturn,
  type VisitFrequency,
  type VisitRecordCode,
  type VisitState,
  visitState,
} from "@homeward/rules";
import { and, asc, desc, eq, inArray, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { auditRead, authorize, type CaseFacts, caseFacts } from "./access.ts";
import { refuseFamily } from "./assessment.ts";
import { derivedMilestones } from "./case-overview.ts";
import { caseRiskFrom } from "./caseload.ts";
import { NotFound, type ServiceContext, StaleWrite } from "./context.ts";
import { familyCases, londonDate } from "./family-cases.ts";
import { keepEarlierReturn, type ReturnHomeView, returnHistory } from "./return-home-history.ts";

type PlanRow = typeof plan.$inferSelect;
type ServiceRow = typeof planService.$inferSelect;
type VisitRow = typeof monitoringVisit.$inferSelect;
type Tx = Parameters<Parameters<ServiceContext["db"]["transaction"]>[0]>[0];

const planFacts = (kase: CaseFacts, row?: PlanRow): ResourceFacts & { id?: string } => ({
  type: "plan",
  ...kase,
  ...(row ? { id: row.id, planActive: row.status === "active" } : {}),
});
/** A monitoring visit: the co-worker on the case records these too (policy). */
const visitFacts = (kase: CaseFacts, id?: string): ResourceFacts & { id?: string } => ({
  ...planFacts(kase),
  monitoringVisit: true,
  ...(id ? { id } : {}),
});
const caseResource = (kase: CaseFacts): ResourceFacts & { id: string } => ({
  type: "case",
  id: kase.caseId,
  ...kase,
});

/** A framework rule refused the change; `code` is translated as `plans:errors.<code>`. */
export class PlanRuleRefusal extends Error {
  readonly code:
    | ReturnHomeCode
    | ReturnToCareCode
    | VisitRecordCode
    | "NOT_A_DRAFT"
    | "RETURN_REQUIREMENTS_MISSING";
  constructor(code: PlanRuleRefusal["code"]) {
    super(`Refused by the framework's rules: ${code}`);
    this.name = "PlanRuleRefusal";
    this.code = code;
  }
}

/**
 * The return home is refused by the framework's rules for the move: every problem, for the
 * page to name (`code` is the return's own first rule, or RETURN_REQUIREMENTS_MISSING).
 */
export class ReturnHomeRefused extends PlanRuleRefusal {
  readonly problems: readonly ReturnHomeProblem[];
  constructor(problems: readonly ReturnHomeProblem[]) {
    const rule = problems.find((p) => p.kind === "rule");
    super(rule?.kind === "rule" ? rule.code : "RETURN_REQUIREMENTS_MISSING");
    this.name = "ReturnHomeRefused";
    this.problems = problems;
  }
}

/** A plan cannot be made active yet: what it still lacks. */
export class PlanNotReady extends Error {
  readonly problems: readonly PlanProblem[];
  constructor(problems: readonly PlanProblem[]) {
    super(`Plan not ready: ${problems.join(", ")}`);
    this.name = "PlanNotReady";
    this.problems = problems;
  }
}

/** Someone saved the plan first: carries the saved plan so the page can show both. */
export class StalePlanEdit extends StaleWrite {
  readonly saved: PlanView;
  constructor(saved: PlanView) {
    super(saved.version);
    this.saved = saved;
  }
}

// ---------------------------------------------------------------------------------------
// View models

export interface PlanServiceView {
  id: string;
  service: string;
  provider: string;
  status: PlanServiceState;
  startDate: string | null;
}

export interface PlanView {
  id: string;
  kind: PlanKindName;
  status: PlanRow["status"];
  timescale: string;
  summary: string;
  familyExplanation: string;
  reviewPoints: PlanReviewPoint[];
  roles: PlanRole[];
  services: PlanServiceView[];
  /** What the plan still lacks before it can be made active. */
  problems: PlanProblem[];
  version: number;
  updatedAt: string;
}

export interface VisitView {
  id: string;
  scheduledFor: string;
  frequency: VisitFrequency;
  happenedOn: string | null;
  cancelledOn: string | null;
  notes: string | null;
  state: VisitState;
  version: number;
}

export interface Decision3View {
  id: string;
  outcome: string;
  decidedOn: string;
  signedOffOn: string | null;
  signedOffByName: string | null;
}

export interface PlansPage {
  caseId: string;
  reference: string;
  childName: string;
  stage: CaseStep;
  today: string;
  plans: PlanView[];
  decision3: Decision3View | null;
  riskLevel: RiskLevel | null;
  returnedHomeOn: string | null;
  reEnteredCareOn: string | null;
  caseVersion: number;
  /** Why the child cannot be recorded as home today; null when the return can be recorded. */
  returnBlocked: ReturnHomeCode | null;
  /** Everything the framework's rules say is missing for a return home today. */
  returnProblems: ReturnHomeProblem[];
  /** Every return home of the case, oldest first (a child can go home more than once). */
  returnHistory: ReturnHomeView[];
  visits: VisitView[];
  reclassifications: { date: string; state: ReclassificationState }[];
  canCreate: boolean;
  canEdit: boolean;
  canActivate: boolean;
  canRecordReturn: boolean;
  canRecordVisits: boolean;
}

function toServiceView(row: ServiceRow): PlanServiceView {
  return {
    id: row.id,
    service: row.service,
    provider: row.provider,
    status: row.status,
    startDate: row.startDate,
  };
}

function toPlanView(row: PlanRow, services: readonly ServiceRow[]): PlanView {
  const own = services.filter((s) => s.planId === row.id);
  const view: Omit<PlanView, "problems"> = {
    id: row.id,
    kind: row.kind,
    status: row.status,
    timescale: row.timescale ?? "",
    summary: row.summary,
    familyExplanation: row.familyExplanation ?? "",
    reviewPoints: [...row.reviewPoints].sort((a, b) => a.date.localeCompare(b.date)),
    roles: row.roles,
    services: own.map(toServiceView),
    version: row.version,
    updatedAt: row.updatedAt.toISOString(),
  };
  return {
    ...view,
    problems: [
      ...planProblems({
        kind: row.kind,
        timescale: row.timescale,
        summary: row.summary,
        familyExplanation: row.familyExplanation,
        services: own,
        roles: row.roles,
        reviewPoints: row.reviewPoints,
      }),
    ],
  };
}

function toVisitView(row: VisitRow, today: string): VisitView {
  return {
    id: row.id,
    scheduledFor: row.scheduledFor,
    frequency: row.visitType as VisitFrequency,
    happenedOn: row.happenedOn,
    cancelledOn: row.cancelledOn,
    notes: row.notes,
    state: visitState(row, today),
    version: row.version,
  };
}

type Reader = Pick<ServiceContext["db"], "select">;

async function servicesOf(db: Reader, planIds: readonly string[]): Promise<ServiceRow[]> {
  if (planIds.length === 0) return [];
  return db
    .select()
    .from(planService)
    .where(inArray(planService.planId, [...planIds]))
    .orderBy(asc(planService.createdAt), asc(planService.id));
}

async function planRow(db: Reader, planId: string) {
  const [row] = await db.select().from(plan).where(eq(plan.id, planId)).limit(1);
  if (!row) throw new NotFound(`plan ${planId}`);
  return row;
}

async function loadPlan(ctx: ServiceContext, planId: string) {
  const row = await planRow(ctx.db, planId);
  return { row, kase: await caseFacts(ctx, row.caseId) };
}

/** The plan as saved now, read inside the transaction (PGlite has one connection). */
async function savedPlan(planId: string, db: Reader): Promise<PlanView> {
  return toPlanView(await planRow(db, planId), await servicesOf(db, [planId]));
}

async function latestDecision3(ctx: ServiceContext, caseId: string): Promise<Decision3View | null> {
  const [row] = await ctx.db
    .select()
    .from(decision)
    .where(and(eq(decision.caseId, caseId), eq(decision.point, "decision_3")))
    .orderBy(desc(decision.decidedAt))
    .limit(1);
  if (!row) return null;
  const [manager] = row.signedOffBy
    ? await ctx.db.select({ name: user.name }).from(user).where(eq(user.id, row.signedOffBy))
    : [];
  return {
    id: row.id,
    outcome: row.outcome,
    decidedOn: londonDate(row.decidedAt),
    signedOffOn: row.signedOffAt ? londonDate(row.signedOffAt) : null,
    signedOffByName: manager?.name ?? null,
  };
}

async function agreedReviews(ctx: ServiceContext, caseId: string) {
  return ctx.db
    .select()
    .from(riskReview)
    .where(and(eq(riskReview.caseId, caseId), eq(riskReview.status, "agreed")));
}

async function casePlans(ctx: ServiceContext, caseId: string) {
  const rows = await ctx.db
    .select()
    .from(plan)
    .where(eq(plan.caseId, caseId))
    .orderBy(asc(plan.createdAt), asc(plan.id));
  return {
    rows,
    services: await servicesOf(
      ctx.db,
      rows.map((r) => r.id),
    ),
  };
}

async function caseVisits(ctx: ServiceContext, caseId: string, today: string) {
  const rows = await ctx.db
    .select()
    .from(monitoringVisit)
    .where(eq(monitoringVisit.caseId, caseId))
    .orderBy(asc(monitoringVisit.scheduledFor), asc(monitoringVisit.id));
  return rows.map((r) => toVisitView(r, today));
}

type CaseRow = typeof childCase.$inferSelect;

/**
 * What the framework's rules say about recording the child as home on `returnOn`: the
 * return's own rules (Decision 3, the plan, the level, the date), the stage move into the
 * return home (checkStageMove, with the work the record shows done) and the time rules (the
 * level on the day of the return). See checkReturnHomeMove in @homeward/rules.
 */
async function returnHomeMove(ctx: ServiceContext, row: CaseRow, returnOn: string) {
  const today = londonDate(ctx.now);
  const reviews = await agreedReviews(ctx, row.id);
  const risk = caseRiskFrom(reviews, today);
  const decision3 = await latestDecision3(ctx, row.id);
  const [activePlan] = await ctx.db
    .select({ id: plan.id })
    .from(plan)
    .where(and(eq(plan.caseId, row.id), eq(plan.kind, "reunification"), eq(plan.status, "active")))
    .limit(1);
  const decisions = await ctx.db.select().from(decision).where(eq(decision.caseId, row.id));
  const done = await derivedMilestones(ctx, row.id, {
    reviews,
    decisions,
    agreedIds: reviews.map((r) => r.id),
  });
  const facts = {
    closed: row.stage === "closed",
    returnedHomeOn: row.returnedHomeOn,
    reEnteredCareOn: row.reEnteredCareOn,
    decision3: decision3
      ? { decidedOn: decision3.decidedOn, signedOffOn: decision3.signedOffOn }
      : null,
    activeReunificationPlan: activePlan !== undefined,
    riskLevel: risk?.status.level ?? null,
  };
  const result = checkReturnHomeMove({
    progress: {
      step: row.stage,
      done,
      risk: risk?.status ?? null,
      changeUnlikelyInChildsTimeframe: false,
      returnedHomeOn: row.returnedHomeOn,
      asOf: today,
    },
    facts,
    riskOnReturnDate: caseRiskFrom(reviews, returnOn)?.status ?? null,
    returnOn,
    today,
  });
  return { result, level: facts.riskLevel, decision3 };
}

/**
 * The visits of the current return only. A return to care cancels the visits still to come
 * on the day the child came back, which is never after a later return home: a visit
 * cancelled on or before the current return belonged to an earlier one, even when it was
 * planned for a day after it (several returns home: issue 7, practitioner gaps).
 */
function currentReturnVisits(visits: readonly VisitView[], returnedHomeOn: string | null) {
  if (returnedHomeOn === null) return [];
  return visits.filter(
    (v) =>
      v.scheduledFor > returnedHomeOn && (v.cancelledOn === null || v.cancelledOn > returnedHomeOn),
  );
}

function reclassificationsOf(
  visits: readonly VisitView[],
  returnedHomeOn: string | null,
  reviewDates: readonly string[],
  today: string,
) {
  const last = visits.at(-1);
  if (returnedHomeOn === null || last === undefined) return [];
  const due = reclassificationsAfterReturn(returnedHomeOn, last.scheduledFor);
  return [...reclassificationProgress(due, reviewDates, returnedHomeOn, today)];
}

// ---------------------------------------------------------------------------------------
// Reading (practitioners)

/** Every plan of the case, Decision 3, the return and the monitoring after it. */
export async function plansFor(ctx: ServiceContext, caseId: string): Promise<PlansPage> {
  const kase = await caseFacts(ctx, caseId);
  await refuseFamily(ctx, planFacts(kase));
  const { viewer } = await authorize(ctx, "read", planFacts(kase));
  const row = await caseRow(ctx, caseId);
  const today = londonDate(ctx.now);
  const { rows, services } = await casePlans(ctx, caseId);
  const reviews = await agreedReviews(ctx, caseId);
  const risk = caseRiskFrom(reviews, today);
  const decision3 = await latestDecision3(ctx, caseId);
  const returnCheck = checkReturnHome(
    {
      closed: row.stage === "closed",
      returnedHomeOn: row.returnedHomeOn,
      reEnteredCareOn: row.reEnteredCareOn,
      decision3: decision3
        ? { decidedOn: decision3.decidedOn, signedOffOn: decision3.signedOffOn }
        : null,
      activeReunificationPlan: rows.some(
        (p) => p.kind === "reunification" && p.status === "active",
      ),
      riskLevel: risk?.status.level ?? null,
    },
    today,
    today,
  );
  const move = await returnHomeMove(ctx, row, today);
  const history = await returnHistory(ctx.db, row);
  const visits = currentReturnVisits(await caseVisits(ctx, caseId, today), row.returnedHomeOn);
  const quietly = (action: "create" | "update" | "share", facts: ResourceFacts) =>
    can(viewer, action, facts, ctx.now).allowed;
  await auditRead(ctx, {
    resourceType: "plan_list",
    caseId,
    detail: { planIds: rows.map((r) => r.id), visitIds: visits.map((v) => v.id) },
  });
  return {
    caseId,
    reference: row.reference,
    childName: row.childName,
    stage: row.stage,
    today,
    // Active plans first, then drafts, then ended ones: what is in force leads.
    plans: rows
      .map((r) => toPlanView(r, services))
      .sort(
        (a, b) =>
          ["active", "draft", "ended"].indexOf(a.status) -
          ["active", "draft", "ended"].indexOf(b.status),
      ),
    decision3,
    riskLevel: risk?.status.level ?? null,
    returnedHomeOn: row.returnedHomeOn,
    reEnteredCareOn: row.reEnteredCareOn,
    caseVersion: row.version,
    returnBlocked: returnCheck.ok ? null : returnCheck.code,
    returnProblems: move.result.ok ? [] : [...move.result.problems],
    returnHistory: history,
    visits,
    reclassifications: reclassificationsOf(
      visits,
      row.reEnteredCareOn === null ? row.returnedHomeOn : null,
      reviews.map((r) => r.reviewDate),
      today,
    ),
    canCreate: quietly("create", planFacts(kase)),
    canEdit: quietly("update", planFacts(kase)),
    canActivate: quietly("share", planFacts(kase)),
    canRecordReturn: quietly("update", caseResource(kase)),
    canRecordVisits: quietly("update", visitFacts(kase)),
  };
}

export interface PlanPage {
  caseId: string;
  reference: string;
  childName: string;
  plan: PlanView;
  canEdit: boolean;
  canActivate: boolean;
  versions: { version: number; changedByName: string; at: string }[];
}

/** One plan, for editing. */
export async function planFor(ctx: ServiceContext, planId: string): Promise<PlanPage> {
  const { row, kase } = await loadPlan(ctx, planId);
  await refuseFamily(ctx, planFacts(kase, row));
  const { viewer } = await authorize(ctx, "read", planFacts(kase, row));
  const [header] = await ctx.db
    .select({ reference: childCase.reference, childName: childCase.childName })
    .from(childCase)
    .where(eq(childCase.id, row.caseId));
  if (!header) throw new NotFound(`case ${row.caseId}`);
  const history = await ctx.db
    .select({ version: planVersion.planVersion, name: user.name, at: planVersion.createdAt })
    .from(planVersion)
    .innerJoin(user, eq(user.id, planVersion.changedBy))
    .where(eq(planVersion.planId, planId))
    .orderBy(desc(planVersion.planVersion));
  await auditRead(ctx, { resourceType: "plan", resourceId: planId, caseId: row.caseId });
  return {
    caseId: row.caseId,
    ...header,
    plan: toPlanView(row, await servicesOf(ctx.db, [planId])),
    canEdit: row.status !== "ended" && can(viewer, "update", planFacts(kase, row), ctx.now).allowed,
    canActivate:
      row.status === "draft" && can(viewer, "share", planFacts(kase, row), ctx.now).allowed,
    versions: history.map((h) => ({
      version: h.version,
      changedByName: h.name,
      at: h.at.toISOString(),
    })),
  };
}

// ---------------------------------------------------------------------------------------
// Writing plans. Every change bumps the plan's version (one token for the plan and its
// services) and stores a snapshot of the new state.

async function snapshot(ctx: ServiceContext, tx: Tx, planId: string): Promise<void> {
  const [row] = await tx.select().from(plan).where(eq(plan.id, planId));
  if (!row) throw new NotFound(`plan ${planId}`);
  const services = await servicesOf(tx, [planId]);
  const state: PlanSnapshot = {
    status: row.status,
    timescale: row.timescale,
    summary: row.summary,
    familyExplanation: row.familyExplanation,
    reviewPoints: row.reviewPoints,
    roles: row.roles,
    services: services.map((s) => ({
      id: s.id,
      service: s.service,
      provider: s.provider,
      status: s.status,
      startDate: s.startDate,
    })),
  };
  await tx.insert(planVersion).values({
    id: crypto.randomUUID(),
    planId,
    planVersion: row.version,
    snapshot: state,
    changedBy: ctx.userId,
    createdAt: ctx.now,
  });
}

/** Claims the plan at `version` for this change, or throws StalePlanEdit. */
async function claim(
  ctx: ServiceContext,
  tx: Tx,
  planId: string,
  version: number,
  set: Partial<typeof plan.$inferInsert> = {},
): Promise<void> {
  const updated = await tx
    .update(plan)
    .set({ ...set, version: version + 1, updatedAt: ctx.now })
    .where(and(eq(plan.id, planId), eq(plan.version, version)))
    .returning({ id: plan.id });
  if (updated.length === 0) throw new StalePlanEdit(await savedPlan(planId, tx));
}

async function audit(
  ctx: ServiceContext,
  tx: Tx,
  action: string,
  resourceType: string,
  resourceId: string,
  caseId: string,
  detail: unknown,
) {
  await recordAudit(tx, {
    actorUserId: ctx.userId,
    app: ctx.app,
    action,
    resourceType,
    resourceId,
    caseId,
    outcome: "allowed",
    detail,
  });
}

export const newPlanSchema = z.object({
  kind: z.enum(PLAN_KINDS, { error: "plans:errors.kind" }),
});

/** Starts a draft plan of a kind; it is filled in on its own page. */
export async function createPlan(
  ctx: ServiceContext,
  caseId: string,
  input: z.infer<typeof newPlanSchema>,
): Promise<{ planId: string }> {
  const kase = await caseFacts(ctx, caseId);
  await authorize(ctx, "create", planFacts(kase));
  const planId = crypto.randomUUID();
  await ctx.db.transaction(async (tx) => {
    await tx.insert(plan).values({
      id: planId,
      caseId,
      kind: input.kind,
      status: "draft",
      summary: "",
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await snapshot(ctx, tx, planId);
    await audit(ctx, tx, "create", "plan", planId, caseId, { kind: input.kind });
  });
  return { planId };
}

const longText = z.string().trim().max(20000, { error: "plans:errors.tooLong" });
const shortText = z.string().trim().max(500, { error: "plans:errors.tooLong" });

/** The rows a form posts as `<prefix>.<n>.<field>`; a row left blank is dropped. */
function rowsOf(values: Record<string, unknown>, prefix: string, fields: readonly string[]) {
  const rows = new Map<number, Record<string, string>>();
  for (const [key, value] of Object.entries(values)) {
    const match = new RegExp(`^${prefix}\\.(\\d+)\\.(\\w+)$`).exec(key);
    if (!match || typeof value !== "string" || !fields.includes(match[2] ?? "")) continue;
    const index = Number(match[1]);
    const row = rows.get(index) ?? {};
    row[match[2] ?? ""] = value.trim();
    rows.set(index, row);
  }
  return [...rows.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, row]) => Object.fromEntries(fields.map((f) => [f, row[f] ?? ""])))
    .filter((row) => Object.values(row).some((v) => v !== ""));
}

/**
 * The plan form as posted. Roles and review points come as numbered rows (`roles.0.who`,
 * `reviewPoints.0.date`...), so the form works without JavaScript; a half-filled row is an
 * error on that row rather than something silently dropped.
 */
export const planEditSchema = z
  .record(z.string(), z.unknown())
  .transform((values, issue) => {
    const text = (name: string) => (typeof values[name] === "string" ? String(values[name]) : "");
    const roles = rowsOf(values, "roles", ["who", "role"]).map((r) => ({
      who: r.who ?? "",
      role: r.role ?? "",
    }));
    const reviewPoints = rowsOf(values, "reviewPoints", ["date", "what"]).map((r) => ({
      date: r.date ?? "",
      what: r.what ?? "",
    }));
    for (const r of roles) {
      if (!r.who || !r.role)
        issue.addIssue({ code: "custom", path: ["roles"], message: "plans:errors.role" });
      if (r.who.length > 500 || r.role.length > 500)
        issue.addIssue({ code: "custom", path: ["roles"], message: "plans:errors.tooLong" });
    }
    for (const p of reviewPoints) {
      if (!isIsoDate(p.date) || !p.what)
        issue.addIssue({
          code: "custom",
          path: ["reviewPoints"],
          message: "plans:errors.reviewPoint",
        });
    }
    const version = Number(text("version"));
    if (!Number.isInteger(version) || version < 1)
      issue.addIssue({ code: "custom", path: ["form"], message: "plans:errors.stale" });
    return {
      version,
      timescale: text("timescale"),
      summary: text("summary"),
      familyExplanation: text("familyExplanation"),
      roles,
      reviewPoints,
    };
  })
  .pipe(
    z.object({
      version: z.number(),
      timescale: shortText,
      summary: longText,
      familyExplanation: longText,
      roles: z.array(z.object({ who: z.string(), role: z.string() })),
      reviewPoints: z.array(z.object({ date: z.string(), what: z.string() })),
    }),
  );
export type PlanEditInput = z.infer<typeof planEditSchema>;

/** Saves the plan's text, roles and review points. Ended plans are read-only. */
export async function updatePlan(
  ctx: ServiceContext,
  planId: string,
  input: PlanEditInput,
): Promise<{ version: number }> {
  const { row, kase } = await loadPlan(ctx, planId);
  await authorize(ctx, "update", planFacts(kase, row));
  if (row.status === "ended") throw new PlanRuleRefusal("NOT_A_DRAFT");
  await ctx.db.transaction(async (tx) => {
    await claim(ctx, tx, planId, input.version, {
      timescale: input.timescale || null,
      summary: input.summary,
      familyExplanation: input.familyExplanation || null,
      roles: input.roles,
      reviewPoints: [...input.reviewPoints].sort((a, b) => a.date.localeCompare(b.date)),
    });
    await snapshot(ctx, tx, planId);
    await audit(ctx, tx, "update", "plan", planId, row.caseId, { version: input.version + 1 });
  });
  return { version: input.version + 1 };
}

export const planAutosaveSchema = z.object({
  planId: z.string().min(1),
  field: z.enum(["summary", "familyExplanation"]),
  text: longText,
  version: z.coerce.number().int().min(1),
});

/**
 * Autosave of one long text, for drafts only: an active plan is what the family reads, so
 * its text changes when the person presses Save (the browser keeps the copy meanwhile).
 */
export async function autosavePlanText(
  ctx: ServiceContext,
  input: z.infer<typeof planAutosaveSchema>,
): Promise<{ saved: boolean; version: number; savedAt: string | null }> {
  const { row, kase } = await loadPlan(ctx, input.planId);
  await authorize(ctx, "update", planFacts(kase, row));
  if (row.status !== "draft") return { saved: false, version: row.version, savedAt: null };
  const current = input.field === "summary" ? row.summary : (row.familyExplanation ?? "");
  if (current === input.text) {
    if (row.version !== input.version) throw new StaleWrite(row.version);
    return { saved: true, version: row.version, savedAt: ctx.now.toISOString() };
  }
  await ctx.db.transaction(async (tx) => {
    await claim(
      ctx,
      tx,
      row.id,
      input.version,
      input.field === "summary"
        ? { summary: input.text }
        : { familyExplanation: input.text || null },
    );
    await snapshot(ctx, tx, row.id);
    await audit(ctx, tx, "autosave", "plan", row.id, row.caseId, { field: input.field });
  });
  return { saved: true, version: input.version + 1, savedAt: ctx.now.toISOString() };
}

export const planServiceSchema = z.object({
  version: z.coerce.number().int().min(1),
  service: shortText.min(1, { error: "plans:errors.service" }),
  provider: shortText.min(1, { error: "plans:errors.provider" }),
  status: z.enum(PLAN_SERVICE_STATUSES, { error: "plans:errors.serviceStatus" }),
  startDate: z
    .string()
    .trim()
    .refine((v) => v === "" || isIsoDate(v), { error: "plans:errors.date" })
    .default(""),
});

/** Adds a service with its provider and status. */
export async function addPlanService(
  ctx: ServiceContext,
  planId: string,
  input: z.infer<typeof planServiceSchema>,
): Promise<{ serviceId: string }> {
  const { row, kase } = await loadPlan(ctx, planId);
  await authorize(ctx, "update", planFacts(kase, row));
  if (row.status === "ended") throw new PlanRuleRefusal("NOT_A_DRAFT");
  const serviceId = crypto.randomUUID();
  await ctx.db.transaction(async (tx) => {
    await claim(ctx, tx, planId, input.version);
    await tx.insert(planService).values({
      id: serviceId,
      planId,
      service: input.service,
      provider: input.provider,
      status: input.status,
      startDate: input.startDate || null,
      createdAt: ctx.now,
      updatedAt: ctx.now,
    });
    await snapshot(ctx, tx, planId);
    await audit(ctx, tx, "create", "plan_service", serviceId, row.caseId, { planId });
  });
  return { serviceId };
}

export const serviceStatusSchema = z.object({
  serviceId: z.string().min(1),
  version: z.coerce.number().int().min(1),
  status: z.enum(PLAN_SERVICE_STATUSES, { error: "plans:errors.serviceStatus" }),
});

/** Moves a service on (planned, started, delivered) or stops it; services are never deleted. */
export async function setServiceStatus(
  ctx: ServiceContext,
  input: z.infer<typeof serviceStatusSchema>,
): Promise<void> {
  const [service] = await ctx.db
    .select()
    .from(planService)
    .where(eq(planService.id, input.serviceId))
    .limit(1);
  if (!service) throw new NotFound(`plan service ${input.serviceId}`);
  const { row, kase } = await loadPlan(ctx, service.planId);
  await authorize(ctx, "update", planFacts(kase, row));
  if (row.status === "ended") throw new PlanRuleRefusal("NOT_A_DRAFT");
  await ctx.db.transaction(async (tx) => {
    await claim(ctx, tx, row.id, input.version);
    await tx
      .update(planService)
      .set({ status: input.status, version: service.version + 1, updatedAt: ctx.now })
      .where(eq(planService.id, service.id));
    await snapshot(ctx, tx, row.id);
    await audit(ctx, tx, "update", "plan_service", service.id, row.caseId, {
      from: service.status,
      to: input.status,
    });
  });
}

export const versionSchema = z.object({ version: z.coerce.number().int().min(1) });

/**
 * Makes a complete draft the plan in force and shares it with the family (policy: plan,
 * share). The plan of the same kind in force before it ends: one plan of each kind at a time.
 */
export async function activatePlan(
  ctx: ServiceContext,
  planId: string,
  version: number,
): Promise<void> {
  const { row, kase } = await loadPlan(ctx, planId);
  await authorize(ctx, "share", planFacts(kase, row));
  if (row.status !== "draft") throw new PlanRuleRefusal("NOT_A_DRAFT");
  const problems = toPlanView(row, await servicesOf(ctx.db, [planId])).problems;
  if (problems.length > 0) throw new PlanNotReady(problems);
  await ctx.db.transaction(async (tx) => {
    await claim(ctx, tx, planId, version, {
      status: "active",
      activatedAt: ctx.now,
      activatedBy: ctx.userId,
    });
    await snapshot(ctx, tx, planId);
    const before = await tx
      .select()
      .from(plan)
      .where(and(eq(plan.caseId, row.caseId), eq(plan.kind, row.kind), eq(plan.status, "active")));
    for (const old of before.filter((p) => p.id !== planId)) {
      await claim(ctx, tx, old.id, old.version, { status: "ended" });
      await snapshot(ctx, tx, old.id);
      await audit(ctx, tx, "update", "plan", old.id, row.caseId, { ended: "replaced", by: planId });
    }
    await audit(ctx, tx, "share", "plan", planId, row.caseId, { kind: row.kind });
  });
}

// ---------------------------------------------------------------------------------------
// The return home, visits, and a return to care

export const returnHomeSchema = z.object({
  returnedOn: z.string().trim().refine(isIsoDate, { error: "plans:errors.date" }),
  version: z.coerce.number().int().min(1),
});

async function caseRow(ctx: ServiceContext, caseId: string) {
  const [row] = await ctx.db.select().from(childCase).where(eq(childCase.id, caseId)).limit(1);
  if (!row) throw new NotFound(`case ${caseId}`);
  return row;
}

async function claimCase(
  ctx: ServiceContext,
  tx: Tx,
  caseId: string,
  version: number,
  set: Partial<typeof childCase.$inferInsert>,
) {
  const updated = await tx
    .update(childCase)
    .set({ ...set, version: version + 1, updatedAt: ctx.now })
    .where(and(eq(childCase.id, caseId), eq(childCase.version, version)))
    .returning({ version: childCase.version });
  if (updated.length === 0) {
    const [now] = await tx
      .select({ version: childCase.version })
      .from(childCase)
      .where(eq(childCase.id, caseId));
    throw new StaleWrite(now?.version ?? version);
  }
}

/**
 * Records that the child went home. Only after Decision 3 is signed off, with an active
 * reunification plan, at low or medium (rules: checkReturnHome); a refusal is audited with
 * its rule. Plans the visits that step down gradually from the level the child goes home at.
 */
export async function recordReturnHome(
  ctx: ServiceContext,
  caseId: string,
  input: z.infer<typeof returnHomeSchema>,
): Promise<{ visits: number }> {
  const kase = await caseFacts(ctx, caseId);
  await authorize(ctx, "update", caseResource(kase));
  const row = await caseRow(ctx, caseId);
  const { result: check, level, decision3 } = await returnHomeMove(ctx, row, input.returnedOn);
  const schedule = check.ok && level ? monitoringScheduleFor(input.returnedOn, level) : null;
  if (!check.ok || !schedule?.ok) {
    const refusal = new ReturnHomeRefused(
      check.ok ? [{ kind: "rule", code: "RISK_TOO_HIGH_FOR_RETURN" }] : check.problems,
    );
    await recordAudit(ctx.db, {
      actorUserId: ctx.userId,
      app: ctx.app,
      action: "return_home",
      resourceType: "case",
      resourceId: caseId,
      caseId,
      outcome: "denied",
      detail: { reason: refusal.code, problems: refusal.problems },
    });
    throw refusal;
  }
  const returnId = crypto.randomUUID();
  await ctx.db.transaction(async (tx) => {
    await claimCase(ctx, tx, caseId, input.version, {
      returnedHomeOn: input.returnedOn,
      reEnteredCareOn: null,
      stage: "return_home",
    });
    // Each return is its own record; the case's columns keep the latest (compatibility).
    await keepEarlierReturn(tx, row);
    await tx.insert(returnHomeEpisode).values({
      id: returnId,
      caseId,
      returnedOn: input.returnedOn,
      riskLevel: level,
      decisionId: decision3?.id ?? null,
      recordedBy: ctx.userId,
      createdAt: ctx.now,
    });
    await tx.insert(monitoringVisit).values(
      schedule.visits.map((v) => ({
        id: crypto.randomUUID(),
        caseId,
        scheduledFor: v.date,
        visitType: v.frequency,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })),
    );
    await audit(ctx, tx, "return_home", "case", caseId, caseId, {
      returnId,
      returnedOn: input.returnedOn,
      level,
      decision3: decision3?.id,
      before: { stage: row.stage, returnedHomeOn: row.returnedHomeOn },
      visits: schedule.visits.length,
      endsOn: schedule.endsOn,
    });
  });
  return { visits: schedule.visits.length };
}

export const visitRecordSchema = z.object({
  visitId: z.string().min(1),
  version: z.coerce.number().int().min(1),
  happenedOn: z.string().trim().refine(isIsoDate, { error: "plans:errors.date" }),
  notes: longText.min(1, { error: "plans:errors.notes" }),
});

/** Records that a planned visit happened, with notes. */
export async function recordVisit(
  ctx: ServiceContext,
  input: z.infer<typeof visitRecordSchema>,
): Promise<void> {
  const [visit] = await ctx.db
    .select()
    .from(monitoringVisit)
    .where(eq(monitoringVisit.id, input.visitId))
    .limit(1);
  if (!visit) throw new NotFound(`visit ${input.visitId}`);
  const kase = await caseFacts(ctx, visit.caseId);
  await authorize(ctx, "update", visitFacts(kase, visit.id));
  const row = await caseRow(ctx, visit.caseId);
  const check = checkVisitRecord(
    visit,
    row.returnedHomeOn ?? visit.scheduledFor,
    input.happenedOn,
    londonDate(ctx.now),
  );
  if (!check.ok) throw new PlanRuleRefusal(check.code);
  await ctx.db.transaction(async (tx) => {
    const updated = await tx
      .update(monitoringVisit)
      .set({
        happenedOn: input.happenedOn,
        notes: input.notes,
        recordedBy: ctx.userId,
        version: input.version + 1,
        updatedAt: ctx.now,
      })
      .where(and(eq(monitoringVisit.id, visit.id), eq(monitoringVisit.version, input.version)))
      .returning({ id: monitoringVisit.id });
    if (updated.length === 0) throw new StaleWrite(visit.version);
    await audit(ctx, tx, "update", "monitoring_visit", visit.id, visit.caseId, {
      happenedOn: input.happenedOn,
    });
  });
}

export const returnToCareSchema = z.object({
  on: z.string().trim().refine(isIsoDate, { error: "plans:errors.date" }),
  version: z.coerce.number().int().min(1),
});

/**
 * Records that the child came back into care: the return broke down. Visits still to come
 * are cancelled, the reunification plan in force ends, and the case goes back to classifying
 * risk again. Kept so returns that break down can be counted (framework.md).
 */
export async function recordReturnToCare(
  ctx: ServiceContext,
  caseId: string,
  input: z.infer<typeof returnToCareSchema>,
): Promise<void> {
  const kase = await caseFacts(ctx, caseId);
  await authorize(ctx, "update", caseResource(kase));
  const row = await caseRow(ctx, caseId);
  const check = checkReturnToCare(row, input.on, londonDate(ctx.now));
  if (!check.ok) throw new PlanRuleRefusal(check.code);
  await ctx.db.transaction(async (tx) => {
    await claimCase(ctx, tx, caseId, input.version, {
      reEnteredCareOn: input.on,
      stage: "reclassification",
    });
    // The return that broke down keeps its dates in the history; the next one is new.
    await keepEarlierReturn(tx, row);
    const ended = await tx
      .update(returnHomeEpisode)
      .set({
        reEnteredCareOn: input.on,
        endedBy: ctx.userId,
        endedAt: ctx.now,
        version: sql`${returnHomeEpisode.version} + 1`,
      })
      .where(
        and(
          eq(returnHomeEpisode.caseId, caseId),
          eq(returnHomeEpisode.returnedOn, row.returnedHomeOn ?? ""),
          isNull(returnHomeEpisode.reEnteredCareOn),
        ),
      )
      .returning({ id: returnHomeEpisode.id });
    const cancelled = await tx
      .update(monitoringVisit)
      .set({ cancelledOn: input.on, updatedAt: ctx.now })
      .where(
        and(
          eq(monitoringVisit.caseId, caseId),
          isNull(monitoringVisit.happenedOn),
          isNull(monitoringVisit.cancelledOn),
        ),
      )
      .returning({ id: monitoringVisit.id });
    const active = await tx
      .select()
      .from(plan)
      .where(
        and(eq(plan.caseId, caseId), eq(plan.kind, "reunification"), eq(plan.status, "active")),
      );
    for (const p of active) {
      await claim(ctx, tx, p.id, p.version, { status: "ended" });
      await snapshot(ctx, tx, p.id);
    }
    await audit(ctx, tx, "return_to_care", "case", caseId, caseId, {
      on: input.on,
      before: { stage: row.stage },
      cancelledVisits: cancelled.length,
      returnIds: ended.map((e) => e.id),
      endedPlans: active.map((p) => p.id),
    });
  });
}

// ---------------------------------------------------------------------------------------
// The family's page

export interface FamilyPlanView {
  kind: PlanKindName;
  timescale: string;
  summary: string;
  familyExplanation: string;
  services: Omit<PlanServiceView, "id">[];
  roles: PlanRole[];
  reviewPoints: PlanReviewPoint[];
  nextReview: PlanReviewPoint | null;
}

export interface FamilyPlanCase {
  caseId: string;
  childFirstName: string;
  forYoungPerson: boolean;
  plans: FamilyPlanView[];
  /** Set once the child is home (and not back in care). */
  home: {
    since: string;
    visits: { date: string; frequency: VisitFrequency; happened: boolean }[];
    nextVisit: string | null;
    checks: string[];
  } | null;
}

/**
 * What a family member may read of the plans: only plans in force (policy: plan, active),
 * and, once the child is home, the dates of the visits and checks - not the workers' notes.
 */
export async function familyPlans(ctx: ServiceContext): Promise<FamilyPlanCase[]> {
  const today = londonDate(ctx.now);
  const result: FamilyPlanCase[] = [];
  for (const kase of await familyCases(ctx)) {
    const { rows, services } = await casePlans(ctx, kase.caseId);
    const readable = rows.filter(
      (r) => can(kase.viewer, "read", planFacts(kase.facts, r), ctx.now).allowed,
    );
    const row = await caseRow(ctx, kase.caseId);
    const home = row.returnedHomeOn !== null && row.reEnteredCareOn === null;
    const showVisits = home && readable.some((p) => p.kind === "reunification");
    const visits = showVisits
      ? currentReturnVisits(await caseVisits(ctx, kase.caseId, today), row.returnedHomeOn)
      : [];
    result.push({
      caseId: kase.caseId,
      childFirstName: kase.childFirstName,
      forYoungPerson: kase.forYoungPerson,
      plans: readable.map((r) => {
        const view = toPlanView(r, services);
        return {
          kind: view.kind,
          timescale: view.timescale,
          summary: view.summary,
          familyExplanation: view.familyExplanation,
          services: view.services.filter((s) => s.status !== "stopped").map(({ id: _, ...s }) => s),
          roles: view.roles,
          reviewPoints: view.reviewPoints,
          nextReview: nextReviewPoint(view.reviewPoints, today),
        };
      }),
      home:
        showVisits && row.returnedHomeOn
          ? {
              since: row.returnedHomeOn,
              visits: visits
                .filter((v) => v.state !== "cancelled")
                .map((v) => ({
                  date: v.scheduledFor,
                  frequency: v.frequency,
                  happened: v.state === "happened",
                })),
              nextVisit: visits.find((v) => v.state === "upcoming")?.scheduledFor ?? null,
              checks: reclassificationsOf(visits, row.returnedHomeOn, [], today).map((r) => r.date),
            }
          : null,
    });
    await auditRead(ctx, {
      resourceType: "plan_list",
      caseId: kase.caseId,
      onBehalfOfMemberId: kase.onBehalfOfMemberId,
      detail: { planIds: readable.map((r) => r.id) },
    });
  }
  return result;
}
