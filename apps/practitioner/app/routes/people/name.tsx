// Changing a confidential name (issue 8): the name, who they are, and whom it is hidden
// from; or retiring it when nobody needs it kept from them any more (it stays on the record,
// marked ended). Saved with the row's version: a stale edit is refused with a clear message.
import { useTranslation } from "@homeward/i18n/react";
import { assertSameOrigin, keptValues } from "@homeward/runtime";
import { StaleWrite } from "@homeward/services";
import {
  ConfidentialDetailsRefusal,
  nameEditSchema,
  nameForEditing,
  retireConfidentialName,
  updateConfidentialName,
} from "@homeward/services/confidential-details";
import {
  Button,
  CheckboxGroup,
  ErrorSummary,
  FormErrors,
  PageTitle,
  TextField,
} from "@homeward/ui";
import { data, Form, Link, redirect } from "react-router";
import { CaseNav } from "../../components/case-nav.tsx";
import { translateErrors } from "../../lib/errors.ts";
import { orRefuse, staffContext } from "../../lib/service-context.server.ts";
import type { Route } from "./+types/name";

type Answer = {
  errors: Record<string, string>;
  values: Record<string, string>;
  hiddenFrom: string[];
  formError?: string;
};

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx } = await staffContext(context, request);
  const form = await orRefuse(nameForEditing(ctx, params.caseId, params.nameId));
  return { form };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  const { ctx } = await staffContext(context, request);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  const hiddenFrom = form.getAll("hiddenFrom").map(String);
  const answer = (rest: Partial<Answer>, status: number) =>
    data({ errors: {}, values: keptValues(form), hiddenFrom, ...rest } satisfies Answer, {
      status,
    });
  const done = (notice: string) =>
    redirect(`/cases/${params.caseId}/people?done=${notice}#names-title`);
  const version = String(form.get("version") ?? "");
  try {
    switch (intent) {
      case "save": {
        const input = {
          name: String(form.get("name") ?? ""),
          description: String(form.get("description") ?? ""),
          hiddenFrom,
          version,
        };
        const parsed = nameEditSchema.safeParse(input);
        if (!parsed.success) {
          const errors: Record<string, string> = {};
          for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
          return answer({ errors }, 400);
        }
        await orRefuse(updateConfidentialName(ctx, params.caseId, params.nameId, input));
        throw done("nameSaved");
      }
      case "retire": {
        await orRefuse(
          retireConfidentialName(ctx, params.caseId, { nameId: params.nameId, version }),
        );
        throw done("nameRetired");
      }
    }
  } catch (error) {
    if (error instanceof StaleWrite) return answer({ formError: "errors.staleName" }, 409);
    if (error instanceof ConfidentialDetailsRefusal)
      return error.field === "form"
        ? answer({ formError: `errors.${error.code}` }, 409)
        : answer({ errors: { [error.field]: `errors.${error.code}` } }, 400);
    throw error;
  }
  return answer({ formError: "errors.intent" }, 400);
}

export default function EditName({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("people");
  const { form } = loaderData;
  const name = form.name;
  const errors = translateErrors(t, actionData?.errors);
  const formError = actionData?.formError ? t(actionData.formError) : undefined;
  const typed = actionData?.values;
  if (!name) return null;
  const ended = name.endedOn !== null;
  return (
    <>
      <PageTitle
        page={t("namePage.title", { reference: form.reference })}
        app={t("common:practitioner.name")}
      />
      <h1 dir="auto">{t("namePage.heading", { name: name.name })}</h1>
      <CaseNav caseId={form.caseId} reference={form.reference} />
      {ended ? (
        <p className="hw-notice">{t("errors.NAME_ENDED")}</p>
      ) : (
        <>
          <Form method="post" noValidate aria-labelledby="name-form-title" className="hw-card">
            <h2 id="name-form-title">{t("names.change")}</h2>
            <ErrorSummary
              title={t("auth:errors.summaryTitle")}
              errors={errors}
              formError={formError}
            />
            <FormErrors errors={errors}>
              <input type="hidden" name="intent" value="save" />
              <input type="hidden" name="version" value={name.version} />
              <TextField
                label={t("names.name")}
                name="name"
                autoComplete="off"
                defaultValue={typed?.name ?? name.name}
                isRequired
              />
              <TextField
                label={t("names.description")}
                description={t("names.descriptionHelp")}
                name="description"
                autoComplete="off"
                defaultValue={typed?.description ?? name.description ?? ""}
              />
              <CheckboxGroup
                label={t("names.hiddenFrom")}
                description={t("names.hiddenFromHelp")}
                name="hiddenFrom"
                defaultValue={actionData?.hiddenFrom ?? name.hiddenFrom.map((p) => p.personId)}
                isRequired
                options={form.people.map((p) => ({ value: p.personId, label: p.name }))}
              />
              <Button>{t("namePage.save")}</Button>
            </FormErrors>
          </Form>
          <section aria-labelledby="retire-title" className="hw-card">
            <h2 id="retire-title">{t("namePage.retireHeading")}</h2>
            <p>{t("namePage.retireIntro")}</p>
            <Form method="post">
              <input type="hidden" name="intent" value="retire" />
              <input type="hidden" name="version" value={name.version} />
              <Button variant="secondary">{t("names.retire")}</Button>
            </Form>
          </section>
        </>
      )}
      <p>
        <Link to={`/cases/${form.caseId}/people`}>{t("back")}</Link>
      </p>
    </>
  );
}
