// One plan: its timescale, what it says (autosaved while a draft), the explanation for the
// family, the role of each professional and carer, the review points, the services with
// provider and status, and making it active (shared with the family) once it is complete.
import { useTranslation } from "@homeward/i18n/react";
import { PLAN_SERVICE_STATUSES, type PlanProblem } from "@homeward/rules";
import { assertSameOrigin, keptValues, parseForm } from "@homeward/runtime";
import { StaleWrite } from "@homeward/services";
import {
  activatePlan,
  addPlanService,
  autosavePlanText,
  PlanNotReady,
  PlanRuleRefusal,
  type PlanView,
  planAutosaveSchema,
  planEditSchema,
  planFor,
  planServiceSchema,
  StalePlanEdit,
  serviceStatusSchema,
  setServiceStatus,
  updatePlan,
  versionSchema,
} from "@homeward/services/plans";
import { Button, ErrorSummary, FormErrors, PageTitle, RadioGroup, TextField } from "@homeward/ui";
import { useEffect, useState } from "react";
import { data, Form, Link, redirect } from "react-router";
import { CaseNav } from "../../components/case-nav.tsx";
import { RecordTextArea } from "../../components/record-text-area.tsx";
import { translateErrors } from "../../lib/errors.ts";
import { orRefuse, staffContext } from "../../lib/service-context.server.ts";
import { calendarDay, londonDay } from "../assessment/dates.ts";
import type { Route } from "./+types/edit";

const notices = ["created", "saved", "service", "status", "activated"] as const;
/** Blank rows offered under the filled ones, so more can be added without JavaScript. */
const SPARE_ROWS = 2;

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx } = await staffContext(context, request);
  const page = await orRefuse(planFor(ctx, params.planId));
  // The address names the case too: a plan of another case is simply not here.
  if (page.caseId !== params.caseId) throw data(null, { status: 404 });
  const done = new URL(request.url).searchParams.get("done");
  return { page, done: notices.find((n) => n === done) ?? null };
}

type Intent = "save" | "addService" | "status" | "activate";
type Answer =
  | {
      intent: Intent;
      errors: Record<string, string>;
      values: Record<string, string>;
      formError?: string;
      problems?: PlanProblem[];
      conflict?: PlanView | null;
    }
  | { autosaved: boolean; savedAt: string | null; version: number | null };

export async function action({ request, context, params }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  const { ctx } = await staffContext(context, request);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const here = `/cases/${params.caseId}/plans/${params.planId}`;
  const values = keptValues(form);
  const fail = (i: Intent, rest: Partial<Extract<Answer, { intent: Intent }>>, status = 400) =>
    data({ intent: i, errors: {}, values, ...rest } satisfies Answer, { status });
  const run = async (i: Intent, work: () => Promise<unknown>) => {
    try {
      await orRefuse(work());
      return null;
    } catch (error) {
      // Someone saved first: keep what this person typed, show the saved plan beside it.
      if (error instanceof StalePlanEdit) return fail(i, { conflict: error.saved }, 409);
      if (error instanceof PlanNotReady) return fail(i, { problems: [...error.problems] });
      if (error instanceof PlanRuleRefusal)
        return fail(i, { formError: `plans:errors.${error.code}` });
      throw error;
    }
  };
  switch (intent) {
    case "autosave": {
      const parsed = planAutosaveSchema.safeParse({ ...values, planId: params.planId });
      const notSaved = { autosaved: false, savedAt: null, version: null } satisfies Answer;
      if (!parsed.success) return data(notSaved, { status: 400 });
      try {
        const saved = await orRefuse(autosavePlanText(ctx, parsed.data));
        return {
          autosaved: saved.saved,
          savedAt: saved.savedAt,
          version: saved.version,
        } satisfies Answer;
      } catch (error) {
        // Not saved: the browser keeps the text, and Save will show the conflict.
        if (error instanceof StaleWrite) return data(notSaved, { status: 409 });
        throw error;
      }
    }
    case "save": {
      const parsed = parseForm(planEditSchema, form);
      if (!parsed.ok) return fail("save", { errors: parsed.errors });
      return (
        (await run("save", () => updatePlan(ctx, params.planId, parsed.data))) ??
        redirect(`${here}?done=saved`)
      );
    }
    case "addService": {
      const parsed = parseForm(planServiceSchema, form);
      if (!parsed.ok) return fail("addService", { errors: parsed.errors });
      return (
        (await run("addService", () => addPlanService(ctx, params.planId, parsed.data))) ??
        redirect(`${here}?done=service#services`)
      );
    }
    case "status": {
      const parsed = parseForm(serviceStatusSchema, form);
      if (!parsed.ok) return fail("status", { formError: "plans:errors.serviceStatus" });
      return (
        (await run("status", () => setServiceStatus(ctx, parsed.data))) ??
        redirect(`${here}?done=status#services`)
      );
    }
    case "activate": {
      const parsed = parseForm(versionSchema, form);
      if (!parsed.ok) return fail("activate", { formError: "plans:errors.stale" });
      return (
        (await run("activate", () => activatePlan(ctx, params.planId, parsed.data.version))) ??
        redirect(`${here}?done=activated`)
      );
    }
  }
  return fail("save", { formError: "plans:errors.intent" });
}

export default function EditPlan({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation("plans");
  const { page, done } = loaderData;
  const plan = page.plan;
  const answer = actionData && "intent" in actionData ? actionData : null;
  const mine = (intent: Intent) => (answer?.intent === intent ? answer : null);
  // After a conflict the person has seen the saved plan: their next save is made on it.
  const conflict = answer?.conflict ?? null;
  const [version, setVersion] = useState(conflict?.version ?? plan.version);
  useEffect(() => {
    setVersion(conflict?.version ?? plan.version);
  }, [conflict?.version, plan.version]);
  const kind = t(`kinds.${plan.kind}`);
  return (
    <>
      <PageTitle
        page={t("edit.title", { kind, reference: page.reference })}
        app={t("common:practitioner.name")}
      />
      <h1>{t("edit.heading", { kind, child: page.childName })}</h1>
      <CaseNav caseId={page.caseId} reference={page.reference} />
      <p>
        <Link to={`/cases/${page.caseId}/plans`}>{t("edit.back")}</Link>
      </p>
      <p className="hw-status">{t(`statuses.${plan.status}`)}</p>
      {done ? (
        <p className="hw-notice" role="status">
          {t(`done.${done}`)}
        </p>
      ) : null}
      {answer?.formError && answer.intent !== "save" && answer.intent !== "addService" ? (
        <p className="hw-error-summary" role="alert">
          {t(answer.formError)}
        </p>
      ) : null}
      <p>{t(`kindHelp.${plan.kind}`)}</p>

      {page.canEdit ? (
        <PlanForm
          plan={plan}
          answer={mine("save")}
          conflict={conflict}
          version={version}
          setVersion={setVersion}
        />
      ) : (
        <p>{t("edit.readOnly")}</p>
      )}

      <Services plan={plan} version={version} canEdit={page.canEdit} answer={mine("addService")} />

      {page.canActivate ? (
        <section aria-labelledby="activate-title">
          <h2 id="activate-title">{t("activate.heading")}</h2>
          <p>{t("activate.intro")}</p>
          {(mine("activate")?.problems ?? plan.problems).length > 0 ? (
            <div
              className={mine("activate") ? "hw-error-summary" : undefined}
              role={mine("activate") ? "alert" : undefined}
            >
              <p>{t("plans.stillNeeds")}</p>
              <ul>
                {(mine("activate")?.problems ?? plan.problems).map((p) => (
                  <li key={p}>{t(`problems.${p}`)}</li>
                ))}
              </ul>
            </div>
          ) : null}
          <Form method="post">
            <input type="hidden" name="intent" value="activate" />
            <input type="hidden" name="version" value={version} />
            <Button>{t("activate.submit")}</Button>
          </Form>
        </section>
      ) : null}

      <section aria-labelledby="history-title">
        <h2 id="history-title">{t("history.heading")}</h2>
        <ul>
          {page.versions.map((v) => (
            <li key={v.version}>
              {t("history.item", {
                version: v.version,
                name: v.changedByName,
                date: londonDay(v.at, i18n.language),
              })}
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

type Values = Record<string, string>;

function valuesOf(plan: PlanView): Values {
  const values: Values = {
    timescale: plan.timescale,
    summary: plan.summary,
    familyExplanation: plan.familyExplanation,
  };
  plan.roles.forEach((r, i) => {
    values[`roles.${i}.who`] = r.who;
    values[`roles.${i}.role`] = r.role;
  });
  plan.reviewPoints.forEach((p, i) => {
    values[`reviewPoints.${i}.date`] = p.date;
    values[`reviewPoints.${i}.what`] = p.what;
  });
  return values;
}

/** How many numbered rows the posted values (or the plan) hold for a prefix. */
function rowCount(values: Values, prefix: string): number {
  const indexes = Object.keys(values)
    .map((k) => new RegExp(`^${prefix}\\.(\\d+)\\.`).exec(k)?.[1])
    .filter((i): i is string => i !== undefined)
    .map(Number);
  return indexes.length === 0 ? 0 : Math.max(...indexes) + 1;
}

function PlanForm({
  plan,
  answer,
  conflict,
  version,
  setVersion,
}: {
  plan: PlanView;
  answer: Extract<Answer, { intent: Intent }> | null;
  conflict: PlanView | null;
  version: number;
  setVersion: (v: number) => void;
}) {
  const { t } = useTranslation("plans");
  const values = answer?.values ?? valuesOf(plan);
  const errors = translateErrors(t, answer?.errors);
  const formError = answer?.formError ? t(answer.formError) : undefined;
  const roleRows = rowCount(values, "roles") + SPARE_ROWS;
  const pointRows = rowCount(values, "reviewPoints") + SPARE_ROWS;
  const longText = (name: "summary" | "familyExplanation", label: string, help: string) =>
    plan.status === "draft" ? (
      <RecordTextArea
        namespace="plans"
        label={label}
        description={help}
        name={name}
        rows={6}
        defaultValue={values[name] ?? ""}
        storageKey={`homeward:plan:${plan.id}:${name}`}
        version={version}
        setVersion={setVersion}
        fields={{ field: name }}
      />
    ) : (
      <TextField
        label={label}
        description={help}
        name={name}
        multiline
        rows={6}
        defaultValue={values[name] ?? ""}
      />
    );
  return (
    <section aria-labelledby="plan-form-title">
      <h2 id="plan-form-title">{t("edit.formHeading")}</h2>
      {conflict ? (
        <div className="hw-error-summary hw-conflict" role="alert" tabIndex={-1}>
          <h3>{t("conflict.title")}</h3>
          <p>{t("conflict.body")}</p>
          <p className="hw-field__description">{t("fields.summary")}</p>
          <p className="hw-entry-body">{conflict.summary}</p>
          <p>{t("conflict.next")}</p>
        </div>
      ) : null}
      <ErrorSummary title={t("auth:errors.summaryTitle")} errors={errors} formError={formError} />
      <Form method="post" noValidate aria-labelledby="plan-form-title">
        <FormErrors errors={errors}>
          <input type="hidden" name="version" value={version} />
          <TextField
            label={t("fields.timescale")}
            description={t("fields.timescaleHelp")}
            name="timescale"
            defaultValue={values.timescale ?? ""}
          />
          {longText("summary", t("fields.summary"), t(`fields.summaryHelp.${plan.kind}`))}
          {longText(
            "familyExplanation",
            t("fields.familyExplanation"),
            t("fields.familyExplanationHelp"),
          )}
          <fieldset id="field-roles" className="hw-fieldset">
            <legend className="hw-label">{t("fields.roles")}</legend>
            <p className="hw-field__description">{t("fields.rolesHelp")}</p>
            {errors?.roles ? <p className="hw-field__error">{errors.roles}</p> : null}
            {Array.from({ length: roleRows }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are numbered by position
              <div key={i} className="hw-row">
                <TextField
                  label={t("fields.who", { number: i + 1 })}
                  name={`roles.${i}.who`}
                  defaultValue={values[`roles.${i}.who`] ?? ""}
                />
                <TextField
                  label={t("fields.role", { number: i + 1 })}
                  name={`roles.${i}.role`}
                  defaultValue={values[`roles.${i}.role`] ?? ""}
                />
              </div>
            ))}
          </fieldset>
          <fieldset id="field-reviewPoints" className="hw-fieldset">
            <legend className="hw-label">{t("fields.reviewPoints")}</legend>
            <p className="hw-field__description">{t("fields.reviewPointsHelp")}</p>
            {errors?.reviewPoints ? <p className="hw-field__error">{errors.reviewPoints}</p> : null}
            {Array.from({ length: pointRows }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: rows are numbered by position
              <div key={i} className="hw-row">
                <TextField
                  label={t("fields.reviewDate", { number: i + 1 })}
                  name={`reviewPoints.${i}.date`}
                  type="date"
                  defaultValue={values[`reviewPoints.${i}.date`] ?? ""}
                />
                <TextField
                  label={t("fields.reviewWhat", { number: i + 1 })}
                  name={`reviewPoints.${i}.what`}
                  defaultValue={values[`reviewPoints.${i}.what`] ?? ""}
                />
              </div>
            ))}
          </fieldset>
          {plan.status === "active" ? <p>{t("edit.activeNote")}</p> : null}
          <Button name="intent" value="save">
            {conflict ? t("conflict.saveMine") : t("edit.submit")}
          </Button>
        </FormErrors>
      </Form>
    </section>
  );
}

function Services({
  plan,
  version,
  canEdit,
  answer,
}: {
  plan: PlanView;
  version: number;
  canEdit: boolean;
  answer: Extract<Answer, { intent: Intent }> | null;
}) {
  const { t, i18n } = useTranslation("plans");
  const errors = translateErrors(t, answer?.errors);
  const formError = answer?.formError ? t(answer.formError) : undefined;
  const statuses = PLAN_SERVICE_STATUSES.map((s) => ({
    value: s,
    label: t(`serviceStatuses.${s}`),
  }));
  return (
    <section aria-labelledby="services">
      <h2 id="services">{t("fields.services")}</h2>
      <p>{t("services.intro")}</p>
      {plan.services.length === 0 ? <p>{t("services.none")}</p> : null}
      {plan.services.map((s) => (
        <article key={s.id} className="hw-card" aria-labelledby={`service-${s.id}`}>
          <h3 id={`service-${s.id}`}>{s.service}</h3>
          <p>{t("services.provider", { provider: s.provider })}</p>
          {s.startDate ? (
            <p>{t("services.started", { date: calendarDay(s.startDate, i18n.language) })}</p>
          ) : null}
          <p className="hw-status">{t(`serviceStatuses.${s.status}`)}</p>
          {canEdit ? (
            <Form method="post" aria-label={t("services.statusFor", { service: s.service })}>
              <input type="hidden" name="intent" value="status" />
              <input type="hidden" name="serviceId" value={s.id} />
              <input type="hidden" name="version" value={version} />
              <RadioGroup
                id={`status-${s.id}`}
                label={t("services.statusLabel")}
                name="status"
                defaultValue={s.status}
                options={statuses}
              />
              <Button variant="secondary">
                {t("services.statusSubmit")}
                <span className="hw-visually-hidden"> {s.service}</span>
              </Button>
            </Form>
          ) : null}
        </article>
      ))}
      {canEdit ? (
        <Form method="post" noValidate aria-labelledby="add-service-title" className="hw-card">
          <h3 id="add-service-title">{t("services.addHeading")}</h3>
          <ErrorSummary
            title={t("auth:errors.summaryTitle")}
            errors={errors}
            formError={formError}
          />
          <FormErrors errors={errors}>
            <input type="hidden" name="intent" value="addService" />
            <input type="hidden" name="version" value={version} />
            <TextField
              label={t("services.service")}
              description={t("services.serviceHelp")}
              name="service"
              defaultValue={answer?.values.service ?? ""}
            />
            <TextField
              label={t("services.providerLabel")}
              description={t("services.providerHelp")}
              name="provider"
              defaultValue={answer?.values.provider ?? ""}
            />
            <RadioGroup
              label={t("services.statusLabel")}
              name="status"
              defaultValue={answer?.values.status || "planned"}
              options={statuses}
            />
            <TextField
              label={t("services.startLabel")}
              name="startDate"
              type="date"
              defaultValue={answer?.values.startDate ?? ""}
            />
            <Button>{t("services.addSubmit")}</Button>
          </FormErrors>
        </Form>
      ) : null}
    </section>
  );
}
