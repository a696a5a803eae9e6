// Inviting a new interpreter by email (issue 8), linked from the case's interpreters page: for
// an interpreter with no Homeward account yet. The same person, language, period and consent
// as assigning; the address gets an email with only a link, in the language chosen here for
// the interpreter. A page of its own, so its fields and error links do not clash with the
// assignment form's.
import { languages } from "@homeward/i18n";
import { useTranslation } from "@homeward/i18n/react";
import { assertSameOrigin, keptValues, parseForm, services } from "@homeward/runtime";
import {
  InterpreterInvitationRefusal,
  inviteInterpreter,
  inviteInterpreterSchema,
} from "@homeward/services/interpreter-invitations";
import { caseInterpreters, InterpreterRefusal } from "@homeward/services/interpreters";
import { Button, ErrorSummary, FormErrors, PageTitle, RadioGroup } from "@homeward/ui";
import { data, Form, Link, redirect } from "react-router";
import { CaseNav } from "../../components/case-nav.tsx";
import { translateErrors } from "../../lib/errors.ts";
import { orRefuse, staffContext } from "../../lib/service-context.server.ts";
import type { Route } from "./+types/invite";
import { AssignmentFields, InterpreterEmailField } from "./assignment-fields.tsx";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx } = await staffContext(context, request);
  // The case's people and whether this viewer may assign (read and audited there).
  const view = await orRefuse(caseInterpreters(ctx, params.caseId));
  return {
    caseId: view.caseId,
    reference: view.reference,
    childName: view.childName,
    canAssign: view.canAssign,
    people: view.people,
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  const { ctx } = await staffContext(context, request);
  const form = await request.formData();
  const refused = (errors: Record<string, string>) =>
    data({ errors, values: keptValues(form) }, { status: 400 });
  const parsed = parseForm(inviteInterpreterSchema, form);
  if (!parsed.ok) return refused(parsed.errors);
  const svc = services(context);
  try {
    await orRefuse(
      inviteInterpreter(
        ctx,
        { mailer: svc.mailer, portalOrigin: svc.otherOrigin },
        params.caseId,
        parsed.data,
      ),
    );
  } catch (error) {
    if (error instanceof InterpreterRefusal)
      return refused({ [error.field]: `errors.${error.code}` });
    if (error instanceof InterpreterInvitationRefusal)
      return refused({ [error.field]: `interpreterInvites:errors.${error.code}` });
    throw error;
  }
  throw redirect(`/cases/${encodeURIComponent(params.caseId)}/interpreters?done=invited`);
}

export default function InviteInterpreter({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("interpreters");
  const { people } = loaderData;
  // Messages come from both namespaces: the assignment's rules and this form's own.
  const errors = translateErrors(t, actionData?.errors);
  const values: Record<string, string> = actionData?.values ?? {};
  const back = `/cases/${encodeURIComponent(loaderData.caseId)}/interpreters`;
  return (
    <>
      <PageTitle page={t("interpreterInvites:heading")} app={t("common:practitioner.name")} />
      <h1 id="invite-title">{t("interpreterInvites:heading")}</h1>
      <CaseNav caseId={loaderData.caseId} reference={loaderData.reference} />
      <p>
        <Link to={back}>{t("title", { reference: loaderData.reference })}</Link>
      </p>
      {!loaderData.canAssign ? (
        <p>{t("assign.notAllowed")}</p>
      ) : people.length === 0 ? (
        <p>{t("assign.noPeople")}</p>
      ) : (
        <Form method="post" noValidate aria-labelledby="invite-title" className="hw-card">
          <p>{t("interpreterInvites:intro")}</p>
          <ErrorSummary title={t("auth:errors.summaryTitle")} errors={errors} />
          <FormErrors errors={errors}>
            <InterpreterEmailField
              label={t("interpreterInvites:email")}
              value={values.email ?? ""}
            />
            <RadioGroup
              label={t("interpreterInvites:mailLanguage")}
              description={t("interpreterInvites:mailLanguageHelp")}
              name="mailLanguage"
              defaultValue={values.mailLanguage || "en"}
              isRequired
              options={languages.map((l) => ({ value: l.code, label: l.name }))}
            />
            <AssignmentFields people={people} values={values} />
            <Button>{t("interpreterInvites:submit")}</Button>
          </FormErrors>
        </Form>
      )}
    </>
  );
}
