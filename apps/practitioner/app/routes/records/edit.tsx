// Editing a record entry: changed text is a new version, the long text autosaves while it is
// a draft, and when someone else saved first both versions are shown side by side and what
// this person typed is kept.
import { useTranslation } from "@homeward/i18n/react";
import { assertSameOrigin, keptValues, parseForm } from "@homeward/runtime";
import { StaleWrite } from "@homeward/services";
import {
  autosaveEntrySchema,
  type EditableEntry,
  editEntry,
  entryForEditing,
  entryVersionSchema,
  recordEntrySchema,
  StaleRecordEdit,
  saveEntryText,
} from "@homeward/services/record-review";
import { Button, ErrorSummary, FormErrors, PageTitle } from "@homeward/ui";
import { useEffect, useState } from "react";
import { data, Form, Link, redirect } from "react-router";
import { CaseNav } from "../../components/case-nav.tsx";
import { translateErrors } from "../../lib/errors.ts";
import { orRefuse, staffContext } from "../../lib/service-context.server.ts";
import type { Route } from "./+types/edit";
import { EntryFields, type Values, valuesOf } from "./entry-form.tsx";

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx } = await staffContext(context, request);
  const entry = await orRefuse(entryForEditing(ctx, params.entryId));
  if (entry.caseId !== params.caseId) throw data(null, { status: 404 });
  return { entry };
}

type ActionAnswer =
  | { errors: Record<string, string>; values: Values; conflict: EditableEntry | null }
  | { autosaved: boolean; savedAt: string | null; version: number | null };

export async function action({ request, context, params }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  const { ctx } = await staffContext(context, request);
  const form = await request.formData();
  if (form.get("intent") === "autosave") {
    const parsed = autosaveEntrySchema.safeParse(Object.fromEntries(form));
    if (!parsed.success || parsed.data.entryId !== params.entryId)
      return data({ autosaved: false, savedAt: null, version: null } satisfies ActionAnswer, {
        status: 400,
      });
    try {
      const answer = await orRefuse(
        saveEntryText(ctx, params.entryId, parsed.data.text, parsed.data.version),
      );
      return {
        autosaved: answer.saved,
        savedAt: answer.savedAt,
        version: answer.version,
      } satisfies ActionAnswer;
    } catch (error) {
      // Not saved: the browser keeps the text, and Save will show the conflict.
      if (error instanceof StaleWrite)
        return data({ autosaved: false, savedAt: null, version: null } satisfies ActionAnswer, {
          status: 409,
        });
      throw error;
    }
  }
  const values = keptValues(form);
  const parsed = parseForm(recordEntrySchema, form);
  const version = entryVersionSchema.safeParse({ version: form.get("version") });
  if (!parsed.ok || !version.success)
    return data(
      { errors: parsed.ok ? {} : parsed.errors, values, conflict: null } satisfies ActionAnswer,
      { status: 400 },
    );
  try {
    await orRefuse(
      editEntry(ctx, params.entryId, { ...parsed.data, version: version.data.version }),
    );
  } catch (error) {
    // Someone saved first: keep what this person typed and show both versions.
    if (error instanceof StaleRecordEdit)
      return data({ errors: {}, values, conflict: error.saved } satisfies ActionAnswer, {
        status: 409,
      });
    throw error;
  }
  return redirect(`/cases/${params.caseId}/records/${params.entryId}?saved=edited`);
}

export default function EditEntry({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("review");
  const { entry } = loaderData;
  const answer = actionData && "values" in actionData ? actionData : null;
  const conflict = answer?.conflict ?? null;
  // After a conflict the person has seen the saved version: their next save is made on it.
  const [version, setVersion] = useState(conflict?.version ?? entry.version);
  const conflictVersion = conflict?.version;
  useEffect(() => {
    if (conflictVersion) setVersion(conflictVersion);
  }, [conflictVersion]);
  const values = answer?.values ?? valuesOf(entry);
  const errors = translateErrors(t, answer?.errors);
  const heading = t("edit.title", { title: entry.title });
  return (
    <>
      <PageTitle page={heading} app={t("common:practitioner.name")} />
      <h1>{heading}</h1>
      <CaseNav caseId={entry.caseId} reference={entry.reference} />
      {conflict ? <ConflictPanel yours={values} saved={conflict} /> : null}
      <ErrorSummary title={t("auth:errors.summaryTitle")} errors={errors} />
      {entry.status === "draft" ? null : <p className="hw-notice">{t("edit.sharedNote")}</p>}
      <Form method="post" noValidate aria-label={heading}>
        <FormErrors errors={errors}>
          <input type="hidden" name="version" value={version} />
          <EntryFields
            values={values}
            autosave={
              entry.status === "draft" ? { entryId: entry.entryId, version, setVersion } : null
            }
          />
          <div className="hw-actions">
            <Button type="submit">{conflict ? t("conflict.saveMine") : t("edit.submit")}</Button>
            <Link to={`/cases/${entry.caseId}/records/${entry.entryId}`}>{t("edit.cancel")}</Link>
          </div>
        </FormErrors>
      </Form>
    </>
  );
}

function ConflictPanel({ yours, saved }: { yours: Values; saved: EditableEntry }) {
  const { t } = useTranslation("review");
  return (
    <div
      className="hw-error-summary hw-conflict"
      role="alert"
      aria-labelledby="conflict-title"
      tabIndex={-1}
    >
      <h2 id="conflict-title">{t("conflict.title")}</h2>
      <p>{t("conflict.body", { version: saved.versionNumber })}</p>
      <div
        className="hw-conflict__versions"
        // Side by side where there is room, one above the other on a phone.
        style={{
          display: "grid",
          gap: "1rem",
          gridTemplateColumns: "repeat(auto-fit, minmax(min(100%, 16rem), 1fr))",
        }}
      >
        <section aria-labelledby="conflict-yours">
          <h3 id="conflict-yours">{t("conflict.yours")}</h3>
          <p className="hw-field__description">{yours.title}</p>
          <p className="hw-entry-body">{yours.body}</p>
        </section>
        <section aria-labelledby="conflict-saved">
          <h3 id="conflict-saved">{t("conflict.saved", { version: saved.versionNumber })}</h3>
          <p className="hw-field__description">{saved.title}</p>
          <p className="hw-entry-body">{saved.body}</p>
        </section>
      </div>
      <p>{t("conflict.next")}</p>
    </div>
  );
}
