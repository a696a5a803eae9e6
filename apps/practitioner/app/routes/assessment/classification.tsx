// Risk classification of one case (issue 6, item 5): the case's level under the time rules,
// every risk review with where it stands, and opening a new review for two practitioners.
import { useTranslation } from "@homeward/i18n/react";
import { assertSameOrigin, parseForm } from "@homeward/runtime";
import { openReview, openReviewSchema, reviewsFor } from "@homeward/services/classification";
import { Button, ErrorSummary, FormErrors, PageTitle, RadioGroup, TextField } from "@homeward/ui";
import { data, Form, Link, redirect } from "react-router";
import { CaseNav } from "../../components/case-nav.tsx";
import { translateErrors } from "../../lib/errors.ts";
import { orRefuse, staffContext } from "../../lib/service-context.server.ts";
import type { Route } from "./+types/classification";
import { calendarDay } from "./dates.ts";
import { RiskStatusPanel } from "./status-panel.tsx";

const POINTS = ["classification_1", "classification_2", "classification_3", "review"] as const;

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx } = await staffContext(context, request);
  return { view: await orRefuse(reviewsFor(ctx, params.caseId)) };
}

export async function action({ request, context, params }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  const { ctx } = await staffContext(context, request);
  const form = await request.formData();
  const values = Object.fromEntries(
    [...form.entries()].filter(([, v]) => typeof v === "string"),
  ) as Record<string, string>;
  const parsed = parseForm(openReviewSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, values }, { status: 400 });
  const { reviewId } = await orRefuse(openReview(ctx, params.caseId, parsed.data));
  throw redirect(`/cases/${params.caseId}/classification/${reviewId}`);
}

export default function Classification({ loaderData, actionData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation("assessment");
  const { view } = loaderData;
  const errors = translateErrors(t, actionData?.errors);
  const values = actionData?.values ?? { point: "", reviewDate: view.asOf };
  return (
    <>
      <PageTitle
        page={t("classification.title", { reference: view.reference })}
        app={t("common:practitioner.name")}
      />
      <h1>{t("classification.heading", { child: view.childName })}</h1>
      <CaseNav caseId={view.caseId} reference={view.reference} />
      <p>{t("classification.intro")}</p>
      <RiskStatusPanel status={view.status} id="case-status" />

      <section aria-labelledby="reviews">
        <h2 id="reviews">{t("classification.reviews")}</h2>
        {view.reviews.length === 0 ? (
          <p>{t("classification.noReviews")}</p>
        ) : (
          <table className="hw-table">
            <caption>{t("classification.reviewsCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("classification.point")}</th>
                <th scope="col">{t("classification.date")}</th>
                <th scope="col">{t("classification.state")}</th>
                <th scope="col">{t("classification.agreedLevel")}</th>
              </tr>
            </thead>
            <tbody>
              {view.reviews.map((r) => (
                <tr key={r.reviewId}>
                  <td>
                    <Link to={`/cases/${view.caseId}/classification/${r.reviewId}`}>
                      {t(`points.${r.point}`)}
                    </Link>
                  </td>
                  <td>{calendarDay(r.reviewDate, i18n.language)}</td>
                  <td>{t(`reviewStates.${r.status}`, { submitted: r.submittedCount })}</td>
                  <td>
                    {r.agreedLevel ? (
                      <span className={`hw-risk hw-risk--${r.agreedLevel}`}>
                        {t(`rules:riskLevels.${r.agreedLevel}`)}
                      </span>
                    ) : (
                      t("classification.notAgreed")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {view.canOpen ? (
        <section aria-labelledby="open-review">
          <h2 id="open-review">{t("classification.open")}</h2>
          <p>{t("classification.openIntro")}</p>
          <ErrorSummary title={t("auth:errors.summaryTitle")} errors={errors} />
          <Form method="post" noValidate aria-labelledby="open-review">
            <FormErrors errors={errors}>
              <RadioGroup
                label={t("classification.pointLabel")}
                name="point"
                defaultValue={values.point || undefined}
                options={POINTS.map((p) => ({ value: p, label: t(`points.${p}`) }))}
              />
              <TextField
                label={t("classification.dateLabel")}
                description={t("classification.dateHelp")}
                name="reviewDate"
                type="date"
                defaultValue={values.reviewDate}
              />
              <Button>{t("classification.openButton")}</Button>
            </FormErrors>
          </Form>
        </section>
      ) : null}
    </>
  );
}
