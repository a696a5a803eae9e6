// Plans and the return home (issue 7, part 3): every plan of the case with its services,
// roles and review points; Decision 3 and the return home, refused with the rule's reason
// until Decision 3 is signed off; the visits after the return, stepping down gradually, and
// the re-classifications due; and a return to care.
import { useTranslation } from "@homeward/i18n/react";
import { PLAN_KINDS, type ReturnHomeProblem } from "@homeward/rules";
import { assertSameOrigin, keptValues, parseForm } from "@homeward/runtime";
import { StaleWrite } from "@homeward/services";
import {
  createPlan,
  newPlanSchema,
  PlanRuleRefusal,
  type PlanView,
  ReturnHomeRefused,
  plansFor,
  recordReturnHome,
  recordReturnToCare,
  recordVisit,
  returnHomeSchema,
  returnToCareSchema,
  type VisitView,
  visitRecordSchema,
} from "@homeward/services/plans";
import { Button, ErrorSummary, FormErrors, PageTitle, RadioGroup, TextField } from "@homeward/ui";
import { data, Form, Link, redirect } from "react-router";
import { CaseNav } from "../../components/case-nav.tsx";
import { ReturnHistory, ReturnProblems } from "../../components/return-home.tsx";
import { translateErrors } from "../../lib/errors.ts";
import { orRefuse, staffContext } from "../../lib/service-context.server.ts";
import { calendarDay } from "../assessment/dates.ts";
import type { Route } from "./+types/index";

const notices = ["created", "returned", "visit", "backInCare"] as const;
type Intent = "create" | "returnHome" | "visit" | "returnToCare";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx } = await staffContext(context, request);
  const view = await orRefuse(plansFor(ctx, params.caseId));
  const done = new URL(request.url).searchParams.get("done");
  return { view, done: notices.find((n) => n === done) ?? null };
}

type Answer = {
  intent: Intent;
  errors: Record<string, string>;
  values: Record<string, string>;
  formError?: string;
  /** A refused return home: everything the framework's rules say is missing. */
  problems?: ReturnHomeProblem[];
};

const answer = (intent: Intent, form: FormData, rest: Partial<Answer>, status: number) =>
  data({ intent, errors: {}, values: keptValues(form), ...rest } satisfies Answer, { status });

/** Runs a change; a rule's refusal or a stale version becomes a message on the form. */
async function attempt(intent: Intent, form: FormData, work: () => Promise<unknown>) {
  try {
    await orRefuse(work());
    return null;
  } catch (error) {
    if (error instanceof ReturnHomeRefused)
      return answer(
        intent,
        form,
        {
          formError:
            error.code === "RETURN_REQUIREMENTS_MISSING"
              ? "gaps:returnHome.refused"
              : `plans:errors.${error.code}`,
          problems: [...error.problems],
        },
        400,
      );
    if (error instanceof PlanRuleRefusal)
      return answer(intent, form, { formError: `plans:errors.${error.code}` }, 400);
    if (error instanceof StaleWrite)
      return answer(intent, form, { formError: "plans:errors.staleCase" }, 409);
    throw error;
  }
}

export async function action({ request, context, params }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  const { ctx } = await staffContext(context, request);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const here = `/cases/${params.caseId}/plans`;
  switch (intent) {
    case "create": {
      const parsed = parseForm(newPlanSchema, form);
      if (!parsed.ok) return answer(intent, form, { errors: parsed.errors }, 400);
      const { planId } = await orRefuse(createPlan(ctx, params.caseId, parsed.data));
      throw redirect(`${here}/${planId}?done=created`);
    }
    case "returnHome": {
      const parsed = parseForm(returnHomeSchema, form);
      if (!parsed.ok) return answer(intent, form, { errors: parsed.errors }, 400);
      const refused = await attempt(intent, form, () =>
        recordReturnHome(ctx, params.caseId, parsed.data),
      );
      if (refused) return refused;
      throw redirect(`${here}?done=returned#monitoring`);
    }
    case "visit": {
      const parsed = parseForm(visitRecordSchema, form);
      if (!parsed.ok) return answer(intent, form, { errors: parsed.errors }, 400);
      const refused = await attempt(intent, form, () => recordVisit(ctx, parsed.data));
      if (refused) return refused;
      throw redirect(`${here}?done=visit#monitoring`);
    }
    case "returnToCare": {
      const parsed = parseForm(returnToCareSchema, form);
      if (!parsed.ok) return answer(intent, form, { errors: parsed.errors }, 400);
      const refused = await attempt(intent, form, () =>
        recordReturnToCare(ctx, params.caseId, parsed.data),
      );
      if (refused) return refused;
      throw redirect(`${here}?done=backInCare`);
    }
  }
  return data(
    { intent: "create", errors: {}, values: {}, formError: "plans:errors.intent" } satisfies Answer,
    { status: 400 },
  );
}

export default function Plans({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("plans");
  const day = useDays();
  const { view, done } = loaderData;
  const mine = (intent: Intent) => (actionData?.intent === intent ? actionData : null);
  const heading = t("heading", { child: view.childName });
  const home = view.returnedHomeOn !== null && view.reEnteredCareOn === null;
  return (
    <>
      <PageTitle
        page={t("title", { reference: view.reference })}
        app={t("common:practitioner.name")}
      />
      <h1>{heading}</h1>
      <CaseNav caseId={view.caseId} reference={view.reference} />
      <p>{t("intro")}</p>
      {done ? (
        <p className="hw-notice" role="status">
          {t(`done.${done}`)}
        </p>
      ) : null}

      <section aria-labelledby="plans-title">
        <h2 id="plans-title">{t("plans.heading")}</h2>
        {view.plans.length === 0 ? <p>{t("plans.none")}</p> : null}
        {view.plans.map((plan) => (
          <PlanCard key={plan.id} plan={plan} caseId={view.caseId} />
        ))}
        {view.canCreate ? <NewPlan answer={mine("create")} /> : null}
      </section>

      <section aria-labelledby="return-title">
        <h2 id="return-title">{t("return.heading")}</h2>
        <Decision3 view={view} />
        <p>
          {view.riskLevel
            ? t("return.level", { level: t(`rules:riskLevels.${view.riskLevel}`) })
            : t("return.noLevel")}
        </p>
        {home && view.returnedHomeOn ? (
          <p className="hw-status">{t("return.homeSince", { date: day(view.returnedHomeOn) })}</p>
        ) : null}
        {view.reEnteredCareOn ? (
          <p className="hw-status">
            {t("return.backInCareSince", { date: day(view.reEnteredCareOn) })}
          </p>
        ) : null}
        {!home && view.canRecordReturn ? (
          <ReturnHome view={view} answer={mine("returnHome")} />
        ) : null}
        <ReturnHistory history={view.returnHistory} headingLevel={3} />
      </section>

      {home ? (
        <section aria-labelledby="monitoring">
          <h2 id="monitoring">{t("monitoring.heading")}</h2>
          <p>{t("monitoring.intro")}</p>
          <CurrentReturn view={view} />
          <Reclassifications view={view} />
          {view.canRecordVisits ? <RecordVisit view={view} answer={mine("visit")} /> : null}
          <Visits visits={view.visits} />
          {view.canRecordReturn ? <ReturnToCare view={view} answer={mine("returnToCare")} /> : null}
        </section>
      ) : null}
    </>
  );
}

/** Formats calendar days in the reader's language; call once at the top of a component. */
function useDays() {
  const { i18n } = useTranslation("plans");
  return (day: string) => calendarDay(day, i18n.language);
}

function PlanCard({ plan, caseId }: { plan: PlanView; caseId: string }) {
  const { t } = useTranslation("plans");
  const day = useDays();
  const id = `plan-${plan.id}`;
  return (
    <article className="hw-card" aria-labelledby={id}>
      <h3 id={id}>{t(`kinds.${plan.kind}`)}</h3>
      <p className="hw-status">{t(`statuses.${plan.status}`)}</p>
      <dl className="hw-details">
        <dt>{t("fields.timescale")}</dt>
        <dd>{plan.timescale || t("plans.notYet")}</dd>
        <dt>{t("fields.summary")}</dt>
        <dd className="hw-entry-body">{plan.summary || t("plans.notYet")}</dd>
        <dt>{t("fields.services")}</dt>
        <dd>
          {plan.services.length === 0 ? (
            t("plans.notYet")
          ) : (
            <ul>
              {plan.services.map((s) => (
                <li key={s.id}>
                  {t("plans.service", {
                    service: s.service,
                    provider: s.provider,
                    status: t(`serviceStatuses.${s.status}`),
                  })}
                </li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t("fields.roles")}</dt>
        <dd>
          {plan.roles.length === 0 ? (
            t("plans.notYet")
          ) : (
            <ul>
              {plan.roles.map((r) => (
                <li key={`${r.who}-${r.role}`}>{t("plans.role", { who: r.who, role: r.role })}</li>
              ))}
            </ul>
          )}
        </dd>
        <dt>{t("fields.reviewPoints")}</dt>
        <dd>
          {plan.reviewPoints.length === 0 ? (
            t("plans.notYet")
          ) : (
            <ul>
              {plan.reviewPoints.map((p) => (
                <li key={`${p.date}-${p.what}`}>
                  {t("plans.reviewPoint", { date: day(p.date), what: p.what })}
                </li>
              ))}
            </ul>
          )}
        </dd>
      </dl>
      {plan.status === "draft" && plan.problems.length > 0 ? (
        <>
          <p>{t("plans.stillNeeds")}</p>
          <ul>
            {plan.problems.map((p) => (
              <li key={p}>{t(`problems.${p}`)}</li>
            ))}
          </ul>
        </>
      ) : null}
      <p>
        <Link to={`/cases/${caseId}/plans/${plan.id}`}>
          {plan.status === "ended" ? t("plans.open") : t("plans.edit")}
          <span className="hw-visually-hidden"> {t(`kinds.${plan.kind}`)}</span>
        </Link>
      </p>
    </article>
  );
}

function NewPlan({ answer }: { answer: Answer | null }) {
  const { t } = useTranslation("plans");
  const errors = translateErrors(t, answer?.errors);
  return (
    <Form method="post" noValidate aria-labelledby="new-plan-title" className="hw-card">
      <h3 id="new-plan-title">{t("create.heading")}</h3>
      <FormErrors errors={errors}>
        <input type="hidden" name="intent" value="create" />
        <RadioGroup
          label={t("create.kindLabel")}
          name="kind"
          defaultValue={answer?.values.kind || undefined}
          options={PLAN_KINDS.map((k) => ({
            value: k,
            label: t(`kinds.${k}`),
            description: t(`kindHelp.${k}`),
          }))}
        />
        <Button>{t("create.submit")}</Button>
      </FormErrors>
    </Form>
  );
}

function Decision3({ view }: { view: Route.ComponentProps["loaderData"]["view"] }) {
  const { t } = useTranslation("plans");
  const day = useDays();
  const d = view.decision3;
  const decisions = `/cases/${view.caseId}/decisions`;
  if (!d) {
    return (
      <p>
        {t("decision3.none")} <Link to={decisions}>{t("decision3.record")}</Link>
      </p>
    );
  }
  return (
    <dl className="hw-details">
      <dt>{t("decision3.heading")}</dt>
      <dd>{d.outcome}</dd>
      <dt>{t("decision3.signOff")}</dt>
      <dd>
        {d.signedOffOn && d.signedOffByName ? (
          t("decision3.signedOff", { name: d.signedOffByName, date: day(d.signedOffOn) })
        ) : (
          <>
            <strong>{t("decision3.awaiting")}</strong>{" "}
            <Link to={decisions}>{t("decision3.open")}</Link>
          </>
        )}
      </dd>
    </dl>
  );
}

function ReturnHome({
  view,
  answer,
}: {
  view: Route.ComponentProps["loaderData"]["view"];
  answer: Answer | null;
}) {
  const { t } = useTranslation("plans");
  const errors = translateErrors(t, answer?.errors);
  const formError = answer?.formError ? t(answer.formError) : undefined;
  return (
    <Form method="post" noValidate aria-labelledby="return-home-title" className="hw-card">
      <h3 id="return-home-title">{t("return.formHeading")}</h3>
      {view.returnBlocked && !answer ? (
        <p className="hw-notice">
          {t("return.blocked", { reason: t(`errors.${view.returnBlocked}`) })}
        </p>
      ) : (
        <p>{t("return.formIntro")}</p>
      )}
      <ErrorSummary title={t("auth:errors.summaryTitle")} errors={errors} formError={formError} />
      <ReturnProblems
        // The return's own rule is already said above (the blocked line or the form error).
        problems={(answer?.problems ?? view.returnProblems).filter((p) => p.kind !== "rule")}
        intro={t(answer?.problems ? "gaps:returnHome.refusedList" : "gaps:returnHome.missing")}
      />
      <FormErrors errors={errors}>
        <input type="hidden" name="intent" value="returnHome" />
        <input type="hidden" name="version" value={view.caseVersion} />
        <TextField
          label={t("return.dateLabel")}
          description={t("return.dateHelp")}
          name="returnedOn"
          type="date"
          defaultValue={answer?.values.returnedOn ?? view.today}
        />
        <Button>{t("return.submit")}</Button>
      </FormErrors>
    </Form>
  );
}

function Reclassifications({ view }: { view: Route.ComponentProps["loaderData"]["view"] }) {
  const { t } = useTranslation("plans");
  const day = useDays();
  return (
    <>
      <h3>{t("monitoring.reclassifyHeading")}</h3>
      <p>{t("monitoring.reclassifyIntro")}</p>
      <ol>
        {view.reclassifications.map((r, index) => (
          <li key={r.date}>
            {t("monitoring.reclassifyItem", {
              number: index + 1,
              date: day(r.date),
              state: t(`reclassificationStates.${r.state}`),
            })}
          </li>
        ))}
      </ol>
      <p>
        <Link to={`/cases/${view.caseId}/classification`}>{t("monitoring.classify")}</Link>
      </p>
    </>
  );
}

function Visits({ visits }: { visits: VisitView[] }) {
  const { t } = useTranslation("plans");
  const day = useDays();
  return (
    <>
      <h3 id="visits-title">{t("monitoring.visitsHeading")}</h3>
      <ol className="hw-list" aria-labelledby="visits-title">
        {visits.map((v) => (
          <li key={v.id}>
            {t("monitoring.visitItem", {
              date: day(v.scheduledFor),
              frequency: t(`rules:visitFrequencies.${v.frequency}`),
              state: v.happenedOn
                ? t("monitoring.happenedOn", { date: day(v.happenedOn) })
                : t(`visitStates.${v.state}`),
            })}
            {v.notes ? <p className="hw-entry-body">{v.notes}</p> : null}
          </li>
        ))}
      </ol>
    </>
  );
}

function RecordVisit({
  view,
  answer,
}: {
  view: Route.ComponentProps["loaderData"]["view"];
  answer: Answer | null;
}) {
  const { t } = useTranslation("plans");
  const day = useDays();
  // The earliest visit not yet recorded: visits are recorded in the order they happen.
  const next = view.visits.find((v) => v.state === "overdue" || v.state === "upcoming");
  if (!next) return null;
  const errors = translateErrors(t, answer?.errors);
  const formError = answer?.formError ? t(answer.formError) : undefined;
  return (
    <Form method="post" noValidate aria-labelledby="visit-title" className="hw-card">
      <h3 id="visit-title">
        {t("visit.heading", {
          date: day(next.scheduledFor),
          frequency: t(`rules:visitFrequencies.${next.frequency}`),
        })}
      </h3>
      {next.state === "overdue" ? <p className="hw-notice">{t("visit.overdue")}</p> : null}
      <ErrorSummary title={t("auth:errors.summaryTitle")} errors={errors} formError={formError} />
      <FormErrors errors={errors}>
        <input type="hidden" name="intent" value="visit" />
        <input type="hidden" name="visitId" value={next.id} />
        <input type="hidden" name="version" value={next.version} />
        <TextField
          label={t("visit.dateLabel")}
          name="happenedOn"
          type="date"
          defaultValue={answer?.values.happenedOn ?? view.today}
        />
        <TextField
          label={t("visit.notesLabel")}
          description={t("visit.notesHelp")}
          name="notes"
          multiline
          rows={4}
          defaultValue={answer?.values.notes ?? ""}
        />
        <Button>{t("visit.submit")}</Button>
      </FormErrors>
    </Form>
  );
}

function ReturnToCare({
  view,
  answer,
}: {
  view: Route.ComponentProps["loaderData"]["view"];
  answer: Answer | null;
}) {
  const { t } = useTranslation("plans");
  const errors = translateErrors(t, answer?.errors);
  const formError = answer?.formError ? t(answer.formError) : undefined;
  return (
    <Form method="post" noValidate aria-labelledby="care-title" className="hw-card">
      <h3 id="care-title">{t("backInCare.heading")}</h3>
      <p>{t("backInCare.intro")}</p>
      <ErrorSummary title={t("auth:errors.summaryTitle")} errors={errors} formError={formError} />
      <FormErrors errors={errors}>
        <input type="hidden" name="intent" value="returnToCare" />
        <input type="hidden" name="version" value={view.caseVersion} />
        <TextField
          label={t("backInCare.dateLabel")}
          name="on"
          type="date"
          defaultValue={answer?.values.on ?? view.today}
        />
        <Button variant="secondary">{t("backInCare.submit")}</Button>
      </FormErrors>
    </Form>
  );
}

/** Which return the monitoring follows: the visits and checks count from the current one. */
function CurrentReturn({ view }: { view: Route.ComponentProps["loaderData"]["view"] }) {
  const { t } = useTranslation("gaps");
  const day = useDays();
  const current = view.returnHistory.find((r) => r.current);
  if (!current) return null;
  return (
    <p className="hw-status">
      {t("monitoring.ofReturn", { number: current.number, date: day(current.returnedOn) })}
    </p>
  );
}
