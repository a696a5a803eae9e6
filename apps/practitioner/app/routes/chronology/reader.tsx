import { useTranslation } from "@homeward/i18n/react";
import { assertSameOrigin, keptValues, parseForm } from "@homeward/runtime";
import { AccessDenied, NotFound } from "@homeward/services";
import {
  assignFileReader,
  assignReaderSchema,
  readerAssignmentFor,
} from "@homeward/services/chronology";
import { Button, ErrorSummary, PageTitle } from "@homeward/ui";
import { data, Form, Link, redirect } from "react-router";
import { CaseNav } from "../../components/case-nav.tsx";
import { translateErrors } from "../../lib/errors.ts";
import { orRefuse, staffContext } from "../../lib/service-context.server.ts";
import type { Route } from "./+types/reader";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx } = await staffContext(context, request);
  return { view: await orRefuse(readerAssignmentFor(ctx, params.caseId)) };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  const { ctx } = await staffContext(context, request);
  const form = await request.formData();
  const values = keptValues(form);
  const parsed = parseForm(assignReaderSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  try {
    await assignFileReader(ctx, params.caseId, parsed.data.readerUserId);
  } catch (error) {
    // Someone who has worked with the family can never read the file: say so by the choice.
    if (error instanceof AccessDenied && error.reason === "READER_IS_ALLOCATED_WORKER")
      return data(
        { errors: { readerUserId: "chronology:errors.readerIsAllocatedWorker" }, values },
        { status: 400 },
      );
    if (error instanceof AccessDenied && error.reason === "READER_HAS_WORKED_WITH_FAMILY")
      return data(
        { errors: { readerUserId: "chronology:errors.readerHasWorkedWithFamily" }, values },
        { status: 400 },
      );
    if (error instanceof NotFound && parsed.data.readerUserId)
      return data(
        { errors: { readerUserId: "chronology:errors.reader" }, values },
        { status: 400 },
      );
    return orRefuse(Promise.reject(error));
  }
  return redirect(`/cases/${params.caseId}/chronology?saved=reader#reader-title`);
}

export default function AssignReader({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("chronology");
  const { view } = loaderData;
  const errors = translateErrors(t, actionData?.errors);
  const error = errors?.readerUserId;
  const heading = t("assign.title", { child: view.childName });
  const selected = actionData?.values.readerUserId ?? "";
  const roleLabel = (roles: readonly string[]) =>
    roles.length === 0
      ? t("assign.notOnCase")
      : roles.map((role) => t(`assign.roles.${role}`)).join(", ");
  return (
    <>
      <PageTitle page={heading} app={t("common:practitioner.name")} />
      <h1>{heading}</h1>
      <CaseNav caseId={view.caseId} reference={view.reference} />
      <p>
        <Link to={`/cases/${view.caseId}/chronology`}>{t("assign.back")}</Link>
      </p>
      <p>{t("assign.intro")}</p>
      <p>
        {view.readers.length > 0
          ? t("reader.assigned", { names: view.readers.map((r) => r.name).join(", ") })
          : t("reader.none")}
      </p>
      <ErrorSummary title={t("auth:errors.summaryTitle")} errors={errors} />
      <Form method="post" noValidate aria-labelledby="assign-form-title">
        <h2 id="assign-form-title">{t("assign.formTitle")}</h2>
        <div className="hw-field" data-invalid={error ? true : undefined}>
          <label htmlFor="field-readerUserId" className="hw-label">
            {t("assign.label")}
          </label>
          <span id="reader-help" className="hw-field__description">
            {t("assign.help")}
          </span>
          {error ? (
            <span id="reader-error" className="hw-field__error">
              {error}
            </span>
          ) : null}
          {/* A native select: it works without JavaScript and every screen reader knows it. */}
          <select
            id="field-readerUserId"
            name="readerUserId"
            defaultValue={selected}
            aria-describedby={error ? "reader-help reader-error" : "reader-help"}
            aria-invalid={error ? true : undefined}
          >
            <option value="">{t("assign.choose")}</option>
            {view.candidates.map((candidate) => (
              <option key={candidate.userId} value={candidate.userId}>
                {t("assign.option", {
                  name: candidate.name,
                  roles: roleLabel(candidate.rolesOnCase),
                })}
              </option>
            ))}
          </select>
        </div>
        <Button>{t("assign.submit")}</Button>
      </Form>
    </>
  );
}
