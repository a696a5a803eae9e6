// The agreement page's forms, shared by the standard page and its easy-read version (issue 8):
// one set of fields, hidden inputs, kept values and error handling, so both post exactly the
// same thing to the same action. `ns` picks the wording: both namespaces carry the same keys
// ("agreement" for the standard page, "easyreadAgreement" for easy read).
import { Glossed, useTranslation } from "@homeward/i18n/react";
import type { AgreementView, GoalView, SupportView } from "@homeward/services/agreements";
import { Button, FormErrors, TextField } from "@homeward/ui";
import { Form } from "react-router";
import type { Failure } from "./form-state.ts";

export type AgreementFormsNamespace = "agreement" | "easyreadAgreement";

/**
 * What a helper may not do with a published agreement, as a key both namespaces carry: an
 * interpreter never responds; an advocate only where the person lets them. Null: no limit
 * to say (not a helper, not yet published, or an advocate who may respond or add progress).
 */
export function helperLimitKey(
  agreement: AgreementView,
): "interpreterCannot" | "advocateCannot" | null {
  if (!agreement.helperRole || agreement.status !== "published") return null;
  if (agreement.helperRole === "interpreter") return "interpreterCannot";
  return agreement.canRespond || agreement.canAddProgress ? null : "advocateCannot";
}

/**
 * A refused form's message, always in the standard namespace (the action's keys). The
 * standard page links its glossary words; easy read shows the message as plain words.
 */
export function FormErrorLine({
  failure,
  glossed,
}: {
  failure: Failure | undefined;
  glossed: boolean;
}) {
  const { t } = useTranslation("agreement");
  if (!failure?.formError) return null;
  return (
    <p className="hw-field__error">
      {glossed ? <Glossed text={t(failure.formError)} /> : t(failure.formError)}
    </p>
  );
}

export function ProgressForm({
  ns,
  agreement,
  goal,
  failure,
  errors,
}: {
  ns: AgreementFormsNamespace;
  agreement: AgreementView;
  goal: GoalView;
  failure: Failure | undefined;
  errors: Record<string, string> | undefined;
}) {
  const { t } = useTranslation(ns);
  const headingId = `add-progress-${goal.goalId}`;
  return (
    <Form method="post" action="/agreement" noValidate aria-labelledby={headingId}>
      <h5 id={headingId}>
        {agreement.personName
          ? t("addProgress.headingFor", { name: agreement.personName })
          : t("addProgress.heading")}
      </h5>
      <FormErrors errors={failure ? errors : undefined}>
        <input type="hidden" name="intent" value="progress" />
        <input type="hidden" name="goalId" value={goal.goalId} />
        <TextField
          id={`field-note-${goal.goalId}`}
          name="note"
          label={t("addProgress.note")}
          description={t("addProgress.noteHint")}
          multiline
          rows={3}
          isRequired
          defaultValue={failure?.values?.note ?? ""}
        />
        <TextField
          id={`field-evidence-${goal.goalId}`}
          name="evidence"
          label={t("addProgress.evidence")}
          description={t("addProgress.evidenceHint")}
          multiline
          rows={2}
          defaultValue={failure?.values?.evidence ?? ""}
        />
        <Button variant="secondary">{t("addProgress.submit")}</Button>
      </FormErrors>
    </Form>
  );
}

/**
 * "This has not happened" for one piece of support, folded away until opened; a refused
 * flag (`failure` is this support's) comes back open, with what was typed.
 */
export function FlagForm({
  ns,
  support,
  failure,
  errors,
  glossed,
}: {
  ns: AgreementFormsNamespace;
  support: SupportView;
  failure: Failure | undefined;
  errors: Record<string, string> | undefined;
  glossed: boolean;
}) {
  const { t } = useTranslation(ns);
  return (
    <details open={failure ? true : undefined}>
      <summary>{t("support.flagSummary", { service: support.service })}</summary>
      <FormErrorLine failure={failure} glossed={glossed} />
      <Form method="post" action="/agreement" noValidate>
        <FormErrors errors={failure ? errors : undefined}>
          <input type="hidden" name="intent" value="flag" />
          <input type="hidden" name="supportId" value={support.supportId} />
          <input type="hidden" name="version" value={support.version} />
          <TextField
            id={`field-note-${support.supportId}`}
            name="note"
            label={t("support.flagNote")}
            description={t("support.flagNoteHint")}
            multiline
            rows={3}
            defaultValue={failure?.values?.note ?? ""}
          />
          <Button variant="secondary">{t("support.flagSubmit")}</Button>
        </FormErrors>
      </Form>
    </details>
  );
}

export function AcknowledgeForm({
  ns,
  agreement,
  failure,
  glossed,
}: {
  ns: AgreementFormsNamespace;
  agreement: AgreementView;
  failure: Failure | undefined;
  glossed: boolean;
}) {
  const { t } = useTranslation(ns);
  const name = agreement.personName;
  return (
    <Form method="post" action="/agreement">
      <FormErrorLine failure={failure} glossed={glossed} />
      <input type="hidden" name="intent" value="acknowledge" />
      <input type="hidden" name="agreementId" value={agreement.agreementId} />
      <input type="hidden" name="version" value={agreement.version} />
      <Button>{name ? t("acknowledge.submitFor", { name }) : t("acknowledge.submit")}</Button>
    </Form>
  );
}
