// Ending an agreement and taking off a review date added by mistake (issue 7, practitioner
// gaps). Both post to the builder's action with the agreement's version, so a page opened
// before someone else's save is refused with the conflict message, keeping what was typed.
// Nothing is deleted: the ended agreement and the removed dates stay on the page.
import { useTranslation } from "@homeward/i18n/react";
import type { BuilderView } from "@homeward/services/agreement-builder";
import { Button, ErrorSummary, FormErrors, RadioGroup, TextField } from "@homeward/ui";
import { Form } from "react-router";
import { translateErrors } from "../../lib/errors.ts";
import type { FormAnswer } from "./builder.tsx";
import { useDates } from "./sections.tsx";

function FormError({ answer }: { answer: FormAnswer | null }) {
  const { t } = useTranslation("gaps");
  if (!answer?.formError) return null;
  return (
    <p className="hw-error-summary" role="alert">
      {t(answer.formError)}
    </p>
  );
}

/** Review dates taken off the agreement: kept, with who removed them, when and why. */
export function RemovedReviewDates({ view }: { view: BuilderView }) {
  const { t } = useTranslation("gaps");
  const { day, on } = useDates();
  if (view.removedReviewDates.length === 0) return null;
  return (
    <>
      <h3 id="removed-reviews-title">{t("agreement.removed.heading")}</h3>
      <ul className="hw-list" aria-labelledby="removed-reviews-title">
        {view.removedReviewDates.map((r) => (
          <li key={r.reviewDateId}>
            {t("agreement.removed.item", {
              date: day(r.date),
              name: r.removedByName,
              on: on(r.at),
            })}
            {r.reason ? (
              <p dir="auto">{t("agreement.removed.reason", { reason: r.reason })}</p>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}

/** Removing a review date added by mistake: dates already held stay (they are the record). */
export function RemoveReviewDate({
  view,
  answer,
}: {
  view: BuilderView;
  answer: FormAnswer | null;
}) {
  const { t } = useTranslation("gaps");
  const { day } = useDates();
  const removable = view.reviewDates.filter((r) => r.heldOn === null);
  if (!view.canEdit || removable.length === 0) return null;
  const errors = translateErrors(t, answer?.errors);
  return (
    <Form
      method="post"
      noValidate
      aria-labelledby="remove-review-title"
      className="hw-card"
      id="remove-review"
    >
      <h3 id="remove-review-title">{t("agreement.remove.heading")}</h3>
      <p>{t("agreement.remove.intro")}</p>
      <FormError answer={answer} />
      <ErrorSummary title={t("auth:errors.summaryTitle")} errors={errors} />
      <FormErrors errors={errors}>
        <input type="hidden" name="intent" value="removeReview" />
        <input type="hidden" name="version" value={view.version} />
        <RadioGroup
          label={t("agreement.remove.whichLabel")}
          name="reviewDateId"
          defaultValue={answer?.kept.values.reviewDateId || undefined}
          options={removable.map((r) => ({ value: r.id, label: day(r.date) }))}
        />
        <TextField
          label={t("agreement.remove.reasonLabel")}
          name="reason"
          defaultValue={answer?.kept.values.reason ?? ""}
        />
        <Button variant="secondary">{t("agreement.remove.submit")}</Button>
      </FormErrors>
    </Form>
  );
}

/** The agreement's end: how it ended, or the form to end it (published agreements only). */
export function EndingSection({ view, answer }: { view: BuilderView; answer: FormAnswer | null }) {
  const { t } = useTranslation("gaps");
  const { day, on } = useDates();
  if (view.ending) {
    return (
      <section aria-labelledby="ending-title" className="hw-card">
        <h2 id="ending-title">{t("agreement.ended.heading")}</h2>
        <p>
          {t("agreement.ended.line", {
            date: day(view.ending.endedOn),
            name: view.ending.endedByName,
            on: on(view.ending.at),
          })}
        </p>
        <p dir="auto">{t("agreement.ended.reason", { reason: view.ending.reason })}</p>
        <p>{t("agreement.ended.kept")}</p>
      </section>
    );
  }
  if (!view.canEdit || view.status !== "published") return null;
  const errors = translateErrors(t, answer?.errors);
  const values = answer?.kept.values ?? {};
  return (
    <section aria-labelledby="end-title" className="hw-card">
      <h2 id="end-title">{t("agreement.end.heading")}</h2>
      <p>{t("agreement.end.intro")}</p>
      <FormError answer={answer} />
      <ErrorSummary title={t("auth:errors.summaryTitle")} errors={errors} />
      <Form method="post" noValidate aria-labelledby="end-title">
        <FormErrors errors={errors}>
          <input type="hidden" name="intent" value="endAgreement" />
          <input type="hidden" name="version" value={view.version} />
          <TextField
            label={t("agreement.end.dateLabel")}
            description={t("agreement.end.dateHelp")}
            name="endedOn"
            type="date"
            defaultValue={values.endedOn ?? ""}
          />
          <TextField
            label={t("agreement.end.reasonLabel")}
            description={t("agreement.end.reasonHelp")}
            name="reason"
            multiline
            rows={3}
            defaultValue={values.reason ?? ""}
          />
          <Button variant="secondary">{t("agreement.end.submit")}</Button>
        </FormErrors>
      </Form>
    </section>
  );
}
