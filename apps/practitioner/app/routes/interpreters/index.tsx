import { useTranslation } from "@homeward/i18n/react";
import { assertSameOrigin, keptValues, parseForm } from "@homeward/runtime";
import { StaleWrite } from "@homeward/services";
import {
  caseInterpreterInvitations,
  withdrawInterpreterInvitation,
  withdrawInterpreterInvitationSchema,
} from "@homeward/services/interpreter-invitations";
import {
  assignInterpreter,
  assignInterpreterSchema,
  caseInterpreters,
  endInterpreterAccess,
  endInterpreterSchema,
  type InterpreterAssignment,
  InterpreterRefusal,
} from "@homeward/services/interpreters";
import { Button, ErrorSummary, FormErrors, PageTitle } from "@homeward/ui";
import { data, Form, Link, redirect } from "react-router";
import { CaseNav } from "../../components/case-nav.tsx";
import { translateErrors } from "../../lib/errors.ts";
import { orRefuse, staffContext } from "../../lib/service-context.server.ts";
import { calendarDay } from "../assessment/dates.ts";
import type { Route } from "./+types/index";
import { AssignmentFields, InterpreterEmailField, languageName } from "./assignment-fields.tsx";
import { PendingInvitations } from "./pending-invitations.tsx";

const notices = ["assigned", "ended"] as const;
const inviteNotices = ["invited", "withdrawn"] as const;
type Intent = "assign" | "end" | "withdraw_invitation";
type Answer = {
  intent: Intent;
  errors: Record<string, string>;
  values: Record<string, string>;
  formError?: string;
};

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx } = await staffContext(context, request);
  const view = await orRefuse(caseInterpreters(ctx, params.caseId));
  const invitations = await orRefuse(caseInterpreterInvitations(ctx, params.caseId));
  const done = new URL(request.url).searchParams.get("done");
  return {
    view,
    invitations,
    done: notices.find((n) => n === done) ?? null,
    invited: inviteNotices.find((n) => n === done) ?? null,
  };
}

const answer = (intent: Intent, form: FormData, rest: Partial<Answer>, status: number) =>
  data({ intent, errors: {}, values: keptValues(form), ...rest } satisfies Answer, { status });

export async function action({ request, context, params }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  const { ctx } = await staffContext(context, request);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const here = `/cases/${params.caseId}/interpreters`;
  switch (intent) {
    case "assign": {
      const parsed = parseForm(assignInterpreterSchema, form);
      if (!parsed.ok) return answer(intent, form, { errors: parsed.errors }, 400);
      try {
        await orRefuse(assignInterpreter(ctx, params.caseId, parsed.data));
      } catch (error) {
        if (error instanceof InterpreterRefusal) {
          return answer(intent, form, { errors: { [error.field]: `errors.${error.code}` } }, 400);
        }
        throw error;
      }
      throw redirect(`${here}?done=assigned`);
    }
    case "end": {
      const parsed = parseForm(endInterpreterSchema, form);
      if (!parsed.ok) return answer(intent, form, { formError: "errors.intent" }, 400);
      try {
        await orRefuse(endInterpreterAccess(ctx, params.caseId, parsed.data));
      } catch (error) {
        if (error instanceof StaleWrite)
          return answer(intent, form, { formError: "errors.stale" }, 409);
        throw error;
      }
      throw redirect(`${here}?done=ended`);
    }
    case "withdraw_invitation": {
      const parsed = parseForm(withdrawInterpreterInvitationSchema, form);
      if (!parsed.ok) return answer(intent, form, { formError: "errors.intent" }, 400);
      try {
        await orRefuse(withdrawInterpreterInvitation(ctx, params.caseId, parsed.data));
      } catch (error) {
        if (error instanceof StaleWrite)
          return answer(intent, form, { formError: "interpreterInvites:errors.stale" }, 409);
        throw error;
      }
      throw redirect(`${here}?done=withdrawn`);
    }
  }
  return data(
    { intent: "assign", errors: {}, values: {}, formError: "errors.intent" } satisfies Answer,
    { status: 400 },
  );
}

export default function Interpreters({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("interpreters");
  const { view, done, invited } = loaderData;
  const mine = (intent: Intent) => (actionData?.intent === intent ? actionData : null);
  const ending = mine("end") ?? mine("withdraw_invitation");
  return (
    <>
      <PageTitle
        page={t("title", { reference: view.reference })}
        app={t("common:practitioner.name")}
      />
      <h1>{t("heading", { child: view.childName })}</h1>
      <CaseNav caseId={view.caseId} reference={view.reference} />
      <p>{t("intro")}</p>
      {done ? (
        <p className="hw-notice" role="status">
          {t(`done.${done}`)}
        </p>
      ) : null}
      {invited ? (
        <p className="hw-notice" role="status">
          {t(`interpreterInvites:done.${invited}`)}
        </p>
      ) : null}
      {ending?.formError ? (
        <p className="hw-notice" role="alert">
          {t(ending.formError)}
        </p>
      ) : null}

      <section aria-labelledby="current-title">
        <h2 id="current-title">{t("current.heading")}</h2>
        {view.current.length === 0 ? <p>{t("current.none")}</p> : null}
        {view.current.map((a) => (
          <Assignment key={a.memberId} assignment={a} canEnd={view.canAssign} />
        ))}
      </section>

      <section aria-labelledby="assign-title">
        <h2 id="assign-title">{t("assign.heading")}</h2>
        {view.canAssign ? (
          <AssignForm view={view} answer={mine("assign")} />
        ) : (
          <p>{t("assign.notAllowed")}</p>
        )}
        {view.canAssign ? (
          <p>
            <Link to={`/cases/${encodeURIComponent(view.caseId)}/interpreters/invite`}>
              {t("interpreterInvites:heading")}
            </Link>
          </p>
        ) : null}
      </section>

      <PendingInvitations invitations={loaderData.invitations} canWithdraw={view.canAssign} />

      <section aria-labelledby="past-title">
        <h2 id="past-title">{t("past.heading")}</h2>
        {view.past.length === 0 ? <p>{t("past.none")}</p> : null}
        {view.past.map((a) => (
          <Assignment key={a.memberId} assignment={a} canEnd={false} />
        ))}
      </section>
    </>
  );
}

function Assignment({
  assignment: a,
  canEnd,
}: {
  assignment: InterpreterAssignment;
  canEnd: boolean;
}) {
  const { t, i18n } = useTranslation("interpreters");
  const day = (d: string) => calendarDay(d, i18n.language);
  const id = `assignment-${a.memberId}`;
  return (
    <article className="hw-card" aria-labelledby={id}>
      <h3 id={id}>
        {t("assignment.heading", { interpreter: a.interpreterName, person: a.forName })}
      </h3>
      <p className="hw-status">{t(`assignment.status.${a.status}`)}</p>
      <dl className="hw-details">
        <dt>{t("assignment.email")}</dt>
        <dd>{a.interpreterEmail}</dd>
        <dt>{t("assignment.language")}</dt>
        <dd>
          <span lang={a.language ?? undefined}>{languageName(a.language)}</span>
        </dd>
        <dt>{t("assignment.period")}</dt>
        <dd>
          {a.lastDay
            ? t("assignment.periodValue", { from: day(a.fromDay), until: day(a.lastDay) })
            : day(a.fromDay)}
          {a.endedEarlyOn ? (
            <>
              <br />
              {t("assignment.endedEarly", { date: day(a.endedEarlyOn) })}
            </>
          ) : null}
        </dd>
        <dt>{t("assignment.consent")}</dt>
        <dd>
          {a.consentRecordedAt
            ? t("assignment.consentValue", {
                name: a.consentRecordedBy ?? "",
                date: day(a.consentRecordedAt.slice(0, 10)),
              })
            : t("assignment.noConsent")}
        </dd>
      </dl>
      {canEnd ? (
        <Form method="post">
          <input type="hidden" name="intent" value="end" />
          <input type="hidden" name="memberId" value={a.memberId} />
          <input type="hidden" name="version" value={a.version} />
          <Button variant="secondary">
            {t("end.submit")}
            <span className="hw-visually-hidden">
              {" "}
              {t("end.hidden", { interpreter: a.interpreterName })}
            </span>
          </Button>
        </Form>
      ) : null}
    </article>
  );
}

function AssignForm({
  view,
  answer,
}: {
  view: Route.ComponentProps["loaderData"]["view"];
  answer: Answer | null;
}) {
  const { t } = useTranslation("interpreters");
  const errors = translateErrors(t, answer?.errors);
  const formError = answer?.formError ? t(answer.formError) : undefined;
  const values = answer?.values ?? {};
  if (view.people.length === 0) return <p>{t("assign.noPeople")}</p>;
  return (
    <Form method="post" noValidate aria-labelledby="assign-title" className="hw-card">
      <p>{t("assign.accountNote")}</p>
      <ErrorSummary title={t("auth:errors.summaryTitle")} errors={errors} formError={formError} />
      <FormErrors errors={errors}>
        <input type="hidden" name="intent" value="assign" />
        <InterpreterEmailField label={t("assign.email")} value={values.email ?? ""} />
        <AssignmentFields people={view.people} values={values} />
        <Button>{t("assign.submit")}</Button>
      </FormErrors>
    </Form>
  );
}
