// One person's contact details and whom they are hidden from (issues 7 and 8): e.g. a
// separated parent's new address kept from the other parent. Saved with the row's version:
// if someone saved first, the page says so, shows what they saved and keeps what was typed.
import { useTranslation } from "@homeward/i18n/react";
import { assertSameOrigin, keptValues } from "@homeward/runtime";
import { StaleWrite } from "@homeward/services";
import {
  ConfidentialDetailsRefusal,
  contactForEditing,
  contactSchema,
  saveContact,
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
import type { Route } from "./+types/contact";

type Answer = {
  errors: Record<string, string>;
  values: Record<string, string>;
  hiddenFrom: string[];
  formError?: string;
};

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx } = await staffContext(context, request);
  return {
    form: await orRefuse(contactForEditing(ctx, params.caseId, params.personId)),
  };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  const { ctx } = await staffContext(context, request);
  const form = await request.formData();
  const input = {
    address: String(form.get("address") ?? ""),
    phone: String(form.get("phone") ?? ""),
    email: String(form.get("email") ?? ""),
    hiddenFrom: form.getAll("hiddenFrom").map(String),
    version: String(form.get("version") ?? ""),
  };
  const answer = (rest: Partial<Answer>, status: number) =>
    data(
      {
        errors: {},
        values: keptValues(form),
        hiddenFrom: input.hiddenFrom,
        ...rest,
      } satisfies Answer,
      { status },
    );
  // Checked here to answer with the form's errors; the service parses the same input again.
  const parsed = contactSchema.safeParse(input);
  if (!parsed.success) {
    const errors: Record<string, string> = {};
    for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
    return answer({ errors }, 400);
  }
  try {
    await orRefuse(saveContact(ctx, params.caseId, params.personId, input));
  } catch (error) {
    if (error instanceof StaleWrite) return answer({ formError: "errors.staleContact" }, 409);
    if (error instanceof ConfidentialDetailsRefusal)
      return answer({ errors: { [error.field]: `errors.${error.code}` } }, 400);
    throw error;
  }
  throw redirect(`/cases/${params.caseId}/people?done=contactSaved#people-title`);
}

export default function EditContact({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("people");
  const { form } = loaderData;
  const errors = translateErrors(t, actionData?.errors);
  const formError = actionData?.formError ? t(actionData.formError) : undefined;
  const typed = actionData?.values;
  const saved = form.contact;
  // After a conflict the loader has the newer saved row: the form carries its version, so a
  // second save is a deliberate choice over what the other person wrote.
  const conflict = actionData?.formError === "errors.staleContact";
  return (
    <>
      <PageTitle
        page={t("contactPage.title", { name: form.person.name, reference: form.reference })}
        app={t("common:practitioner.name")}
      />
      <h1 dir="auto">{t("contactPage.heading", { name: form.person.name })}</h1>
      <CaseNav caseId={form.caseId} reference={form.reference} />
      <p>{t("contactPage.intro")}</p>
      {conflict && saved ? (
        <section aria-labelledby="saved-title" className="hw-card">
          <h2 id="saved-title">{t("contactPage.savedHeading")}</h2>
          <dl className="hw-summary">
            <dt>{t("contact.address")}</dt>
            <dd dir="auto">{saved.address ?? t("contact.notRecorded")}</dd>
            <dt>{t("contact.phone")}</dt>
            <dd dir="ltr">{saved.phone ?? t("contact.notRecorded")}</dd>
            <dt>{t("contact.email")}</dt>
            <dd dir="ltr">{saved.email ?? t("contact.notRecorded")}</dd>
            <dt>{t("hiddenFrom.label")}</dt>
            <dd>
              {saved.hiddenFrom.length === 0
                ? t("hiddenFrom.nobody")
                : saved.hiddenFrom.map((p) => p.name).join(", ")}
            </dd>
          </dl>
        </section>
      ) : null}
      <Form method="post" noValidate aria-labelledby="contact-form-title" className="hw-card">
        <h2 id="contact-form-title">{t(saved ? "contact.change" : "contact.add")}</h2>
        <ErrorSummary title={t("auth:errors.summaryTitle")} errors={errors} formError={formError} />
        <FormErrors errors={errors}>
          <input type="hidden" name="version" value={saved?.version ?? 0} />
          <TextField
            label={t("contact.address")}
            name="address"
            multiline
            rows={3}
            autoComplete="off"
            defaultValue={typed?.address ?? saved?.address ?? ""}
          />
          <TextField
            label={t("contact.phone")}
            name="phone"
            type="tel"
            autoComplete="off"
            defaultValue={typed?.phone ?? saved?.phone ?? ""}
          />
          <TextField
            label={t("contact.email")}
            name="email"
            type="email"
            autoComplete="off"
            defaultValue={typed?.email ?? saved?.email ?? ""}
          />
          <CheckboxGroup
            label={t("hiddenFrom.label")}
            description={t("contactPage.hiddenFromHelp")}
            name="hiddenFrom"
            defaultValue={actionData?.hiddenFrom ?? saved?.hiddenFrom.map((p) => p.personId) ?? []}
            options={form.others.map((p) => ({ value: p.personId, label: p.name }))}
          />
          <Button>{t("contactPage.save")}</Button>
        </FormErrors>
      </Form>
      <p>
        <Link to={`/cases/${form.caseId}/people`}>{t("back")}</Link>
      </p>
    </>
  );
}
