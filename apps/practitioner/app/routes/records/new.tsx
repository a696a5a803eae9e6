// Writing a record entry as a draft: a case note, an assessment section or meeting minutes.
// Nobody in the family sees it until it is shared.
import { useTranslation } from "@homeward/i18n/react";
import { assertSameOrigin, keptValues, parseForm } from "@homeward/runtime";
import { createEntry, newEntryFor, recordEntrySchema } from "@homeward/services/record-review";
import { Button, ErrorSummary, FormErrors, PageTitle } from "@homeward/ui";
import { data, Form, Link, redirect } from "react-router";
import { CaseNav } from "../../components/case-nav.tsx";
import { translateErrors } from "../../lib/errors.ts";
import { orRefuse, staffContext } from "../../lib/service-context.server.ts";
import type { Route } from "./+types/new";
import { EntryFields } from "./entry-form.tsx";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx } = await staffContext(context, request);
  return { kase: await orRefuse(newEntryFor(ctx, params.caseId)) };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  const { ctx } = await staffContext(context, request);
  const form = await request.formData();
  const values = keptValues(form);
  const parsed = parseForm(recordEntrySchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const { entryId } = await orRefuse(createEntry(ctx, params.caseId, parsed.data));
  return redirect(`/cases/${params.caseId}/records/${entryId}?saved=created`);
}

export default function NewEntry({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("review");
  const { kase } = loaderData;
  const errors = translateErrors(t, actionData?.errors);
  const heading = t("new.title", { child: kase.childName });
  return (
    <>
      <PageTitle page={heading} app={t("common:practitioner.name")} />
      <h1>{heading}</h1>
      <CaseNav caseId={kase.caseId} reference={kase.reference} />
      <p>{t("new.intro")}</p>
      <ErrorSummary title={t("auth:errors.summaryTitle")} errors={errors} />
      <Form method="post" noValidate aria-labelledby="new-entry-form">
        <h2 id="new-entry-form" className="hw-visually-hidden">
          {heading}
        </h2>
        <FormErrors errors={errors}>
          <EntryFields values={actionData?.values ?? {}} autosave={null} />
          <div className="hw-actions">
            <Button type="submit">{t("new.submit")}</Button>
            <Link to={`/cases/${kase.caseId}/records`}>{t("new.cancel")}</Link>
          </div>
        </FormErrors>
      </Form>
    </>
  );
}
