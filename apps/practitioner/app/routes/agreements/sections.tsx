// The agreement builder's sections other than goals: what the rules still want, the
// parties and their confirmations, the agreement's own words, the support, review dates.
import { intlLocale } from "@homeward/i18n";
import { useTranslation } from "@homeward/i18n/react";
import type { BuilderView } from "@homeward/services/agreement-builder";
import {
  Button,
  CheckboxGroup,
  ErrorSummary,
  FormErrors,
  RadioGroup,
  TextField,
} from "@homeward/ui";
import { Form } from "react-router";
import { translateErrors } from "../../lib/errors.ts";
import { calendarDay, londonDay } from "../assessment/dates.ts";
import type { FormAnswer } from "./builder.tsx";

export function useDates() {
  const { i18n } = useTranslation("builder");
  const lng = i18n.language;
  return {
    day: (iso: string) => calendarDay(iso, lng),
    on: (iso: string) => londonDay(iso, lng),
    time: (iso: string | Date) =>
      new Intl.DateTimeFormat(intlLocale(lng), {
        hour: "2-digit",
        minute: "2-digit",
        timeZone: "Europe/London",
      }).format(new Date(iso)),
    list: (items: readonly string[]) =>
      new Intl.ListFormat(intlLocale(lng), { type: "conjunction" }).format(items),
  };
}

/** The rules' reasons the agreement cannot go to the family yet, in words. */
export function ProblemList({
  problems,
  goals,
}: {
  problems: BuilderView["problems"];
  goals: BuilderView["goals"];
}) {
  const { t } = useTranslation("builder");
  const { list } = useDates();
  return (
    <ul className="hw-problems">
      {problems.map((problem) => {
        switch (problem.code) {
          case "GOAL_INCOMPLETE": {
            const goal = goals.find((g) => g.goalId === problem.goalId);
            return (
              <li key={`${problem.code}-${problem.goalId}`}>
                <a href={`#goal-${problem.goalId}`}>
                  {t("problems.GOAL_INCOMPLETE", {
                    number: goal?.number ?? "?",
                    parts: list(problem.missing.map((part) => t(`parts.${part}`))),
                  })}
                </a>
              </li>
            );
          }
          case "RISK_FACTOR_WITHOUT_GOAL":
          case "NOT_A_RISK_FACTOR":
          case "NOT_A_PROTECTIVE_FACTOR":
            return (
              <li key={`${problem.code}-${problem.factorId}`}>
                {t(`problems.${problem.code}`, { factor: t(`rules:factors.${problem.factorId}`) })}
              </li>
            );
          default:
            return <li key={problem.code}>{t(`problems.${problem.code}`)}</li>;
        }
      })}
    </ul>
  );
}

export function PartiesSection({ view }: { view: BuilderView }) {
  const { t } = useTranslation("builder");
  const { on, time } = useDates();
  return (
    <section aria-labelledby="parties-title">
      <h2 id="parties-title">{t("parties.heading")}</h2>
      <table className="hw-table">
        <caption>{t("parties.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("parties.name")}</th>
            <th scope="col">{t("parties.role")}</th>
            <th scope="col">{t("parties.state")}</th>
          </tr>
        </thead>
        <tbody>
          {view.parties.map((p) => (
            <tr key={p.memberId}>
              <th scope="row">{p.name}</th>
              <td>{t(`roles.${p.role}`)}</td>
              <td className={p.acknowledgement === "current" ? undefined : "hw-status"}>
                {view.status === "draft" ? "-" : t(`parties.${p.acknowledgement}`)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3>{t("parties.historyHeading")}</h3>
      {view.acknowledgements.length === 0 ? (
        <p>{t("parties.noHistory")}</p>
      ) : (
        <ul className="hw-list" id="acknowledgements">
          {view.acknowledgements.map((a) => (
            <li key={`${a.memberName}-${a.version}-${a.acknowledgedAt}`}>
              {t("parties.history", {
                name: a.memberName,
                version: a.version,
                date: on(a.acknowledgedAt),
                time: time(a.acknowledgedAt),
              })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function DetailsSection({ view, answer }: { view: BuilderView; answer: FormAnswer | null }) {
  const { t } = useTranslation("builder");
  const errors = translateErrors(t, answer?.errors);
  const values = answer?.kept.values ?? {
    title: view.title,
    riskFactorsSummary: view.riskFactorsSummary,
    protectiveFactorsSummary: view.protectiveFactorsSummary,
  };
  const parties = answer?.kept.lists.partyMemberIds ?? view.parties.map((p) => p.memberId);
  return (
    <section aria-labelledby="details-title">
      <h2 id="details-title">{t("details.heading")}</h2>
      {view.canEdit ? (
        <>
          {answer?.formError ? <FormMessage answer={answer} view={view} /> : null}
          <ErrorSummary title={t("auth:errors.summaryTitle")} errors={errors} />
          <Form method="post" noValidate aria-labelledby="details-title">
            <FormErrors errors={errors}>
              <input type="hidden" name="intent" value="details" />
              <input type="hidden" name="version" value={view.version} />
              <TextField
                label={t("details.titleLabel")}
                name="title"
                defaultValue={values.title ?? ""}
              />
              <CheckboxGroup
                label={t("details.partiesLabel")}
                name="partyMemberIds"
                defaultValue={parties}
                options={view.familyMembers.map((m) => ({
                  value: m.memberId,
                  label: `${m.name} (${t(`roles.${m.role}`)})`,
                }))}
              />
              <TextField
                label={t("details.riskLabel")}
                description={t("details.riskHelp")}
                name="riskFactorsSummary"
                multiline
                rows={4}
                defaultValue={values.riskFactorsSummary ?? ""}
              />
              <TextField
                label={t("details.protectiveLabel")}
                name="protectiveFactorsSummary"
                multiline
                rows={4}
                defaultValue={values.protectiveFactorsSummary ?? ""}
              />
              {view.status === "published" ? <p>{t("goals.publishedNote")}</p> : null}
              <Button>{t("details.submit")}</Button>
            </FormErrors>
          </Form>
        </>
      ) : (
        <dl className="hw-details">
          <dt>{t("details.riskLabel")}</dt>
          <dd className="hw-entry-body">{view.riskFactorsSummary || t("details.empty")}</dd>
          <dt>{t("details.protectiveLabel")}</dt>
          <dd className="hw-entry-body">{view.protectiveFactorsSummary || t("details.empty")}</dd>
        </dl>
      )}
    </section>
  );
}

/** A refused save's message (a conflict, a rule), shown above the form it belongs to. */
export function FormMessage({ answer, view }: { answer: FormAnswer; view: BuilderView }) {
  const { t } = useTranslation("builder");
  if (!answer.formError) return null;
  return (
    <div className="hw-error-summary" role="alert">
      <p>{t(answer.formError)}</p>
      {answer.problems && answer.problems.length > 0 ? (
        <ProblemList problems={answer.problems} goals={view.goals} />
      ) : null}
    </div>
  );
}

const SUPPORT_STATUSES = ["planned", "started", "delivered", "not_delivered"] as const;

export function SupportSection({ view, answer }: { view: BuilderView; answer: FormAnswer | null }) {
  const { t } = useTranslation("builder");
  const { day, on } = useDates();
  const addAnswer = answer?.intent === "addSupport" ? answer : null;
  const addErrors = translateErrors(t, addAnswer?.errors);
  const addValues = addAnswer?.kept.values ?? {};
  return (
    <section aria-labelledby="support-title">
      <h2 id="support-title">{t("support.heading")}</h2>
      {view.support.length === 0 ? <p>{t("support.none")}</p> : null}
      {view.support.map((s) => {
        const mine = answer?.intent === "supportStatus" && answer.target === s.supportId;
        const titleId = `support-${s.supportId}-title`;
        return (
          <article
            key={s.supportId}
            id={`support-${s.supportId}`}
            className={s.flag ? "hw-card hw-flagged" : "hw-card"}
            aria-labelledby={titleId}
          >
            <h3 id={titleId}>{s.service}</h3>
            {s.flag ? (
              <div>
                <p className="hw-status">
                  {t("support.flagged", { name: s.flag.byName, date: on(s.flag.flaggedAt) })}
                </p>
                {s.flag.note ? (
                  <>
                    <p>{t("support.flagNote")}</p>
                    <blockquote className="hw-quote hw-entry-body" dir="auto">
                      {s.flag.note}
                    </blockquote>
                  </>
                ) : null}
              </div>
            ) : null}
            <dl className="hw-details">
              <dt>{t("support.provider")}</dt>
              <dd>{s.provider}</dd>
              <dt>{t("support.startDate")}</dt>
              <dd>{s.startDate ? day(s.startDate) : t("support.noStartDate")}</dd>
              <dt>{t("support.status")}</dt>
              <dd>{t(`supportStatus.${s.status}`)}</dd>
            </dl>
            {view.canEdit ? (
              <Form method="post" noValidate aria-labelledby={titleId}>
                {mine && answer ? <FormMessage answer={answer} view={view} /> : null}
                <input type="hidden" name="intent" value="supportStatus" />
                <input type="hidden" name="supportId" value={s.supportId} />
                <input type="hidden" name="version" value={s.version} />
                <RadioGroup
                  id={mine ? undefined : `support-${s.supportId}-status`}
                  label={t("support.statusLabel", { service: s.service })}
                  name="status"
                  defaultValue={s.status}
                  options={SUPPORT_STATUSES.map((status) => ({
                    value: status,
                    label: t(`supportStatus.${status}`),
                  }))}
                />
                <Button variant="secondary">
                  {t("support.statusSubmit")}
                  <span className="hw-visually-hidden"> {s.service}</span>
                </Button>
              </Form>
            ) : null}
          </article>
        );
      })}
      {view.canEdit ? (
        <section aria-labelledby="support-add-title">
          <h3 id="support-add-title">{t("support.addHeading")}</h3>
          {addAnswer?.formError ? <FormMessage answer={addAnswer} view={view} /> : null}
          <ErrorSummary title={t("auth:errors.summaryTitle")} errors={addErrors} />
          <Form method="post" noValidate aria-labelledby="support-add-title">
            <FormErrors errors={addErrors}>
              <input type="hidden" name="intent" value="addSupport" />
              <input type="hidden" name="version" value={view.version} />
              <TextField
                label={t("support.service")}
                description={t("support.serviceHelp")}
                name="service"
                defaultValue={addValues.service ?? ""}
              />
              <TextField
                label={t("support.provider")}
                description={t("support.providerHelp")}
                name="provider"
                defaultValue={addValues.provider ?? ""}
              />
              <TextField
                label={t("support.startDate")}
                description={t("support.startDateHelp")}
                name="startDate"
                type="date"
                defaultValue={addValues.startDate ?? ""}
              />
              <Button>{t("support.add")}</Button>
            </FormErrors>
          </Form>
        </section>
      ) : null}
    </section>
  );
}

export function ReviewsSection({ view, answer }: { view: BuilderView; answer: FormAnswer | null }) {
  const { t } = useTranslation("builder");
  const { day } = useDates();
  const errors = translateErrors(t, answer?.errors);
  return (
    <section aria-labelledby="reviews-title">
      <h2 id="reviews-title">{t("reviews.heading")}</h2>
      {view.reviewDates.length === 0 ? (
        <p>{t("reviews.none")}</p>
      ) : (
        <ul className="hw-list">
          {view.reviewDates.map((r) => (
            <li key={r.id}>
              {r.heldOn
                ? t("reviews.held", { date: day(r.date), heldOn: day(r.heldOn) })
                : day(r.date)}
            </li>
          ))}
        </ul>
      )}
      {view.canEdit ? (
        <>
          {answer?.formError ? <FormMessage answer={answer} view={view} /> : null}
          <ErrorSummary title={t("auth:errors.summaryTitle")} errors={errors} />
          <Form method="post" noValidate aria-label={t("reviews.add")}>
            <FormErrors errors={errors}>
              <input type="hidden" name="intent" value="addReview" />
              <input type="hidden" name="version" value={view.version} />
              <TextField
                label={t("reviews.addLabel")}
                description={t("reviews.addHelp")}
                name="reviewDate"
                type="date"
                defaultValue={answer?.kept.values.reviewDate ?? ""}
              />
              <Button>{t("reviews.add")}</Button>
            </FormErrors>
          </Form>
        </>
      ) : null}
    </section>
  );
}
