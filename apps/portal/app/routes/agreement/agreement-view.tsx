// The read-only parts of an agreement, shared by the page (/agreement) and its printable
// copy (/agreement/print). The page adds its forms through the slots, so the copy's
// bundle carries no form components.
import { dateTimeFormat, intlLocale, numberFormat } from "@homeward/i18n";
import { Glossed, useTranslation } from "@homeward/i18n/react";
import type {
  AgreementView,
  GoalView,
  ProgressView,
  SupportView,
} from "@homeward/services/agreements";
import type { ReactNode } from "react";

/** Dates in the reader's language: calendar days as written, moments in UK time. */
export function useDates() {
  const { i18n } = useTranslation();
  const lng = intlLocale(i18n.language);
  return {
    day: (iso: string) =>
      dateTimeFormat(lng, { dateStyle: "long", timeZone: "UTC" }).format(
        new Date(`${iso}T00:00:00Z`),
      ),
    moment: (iso: string) =>
      dateTimeFormat(lng, { dateStyle: "long", timeZone: "Europe/London" }).format(new Date(iso)),
    /** A whole number in the reader's digits (Pashto writes ۳, not 3). */
    count: (value: number) => numberFormat(lng).format(value),
  };
}

export interface AgreementSlots {
  /** After a goal's progress list: the form to add progress. */
  goal?: (goal: GoalView) => ReactNode;
  /** After the support table: the forms to flag support not delivered. */
  support?: (support: readonly SupportView[]) => ReactNode;
  /** In the acknowledgement section, when the current version is not yet acknowledged. */
  acknowledge?: ReactNode;
}

export function AgreementDocument({
  agreement,
  slots = {},
}: {
  agreement: AgreementView;
  slots?: AgreementSlots;
}) {
  const { t } = useTranslation("agreement");
  const { day, moment, count } = useDates();
  const id = agreement.agreementId;
  return (
    <section aria-labelledby={`agreement-${id}`} className="hw-agreement">
      {/* The title and the goals' parts are what the social worker wrote (dir="auto"): theirs,
          never glossed. The app's words around them link their terms (issue 8). */}
      <h2 id={`agreement-${id}`}>
        <span dir="auto">{agreement.title}</span>
      </h2>
      {agreement.status === "ended" ? (
        <p className="hw-notice">
          <Glossed text={t("ended")} />
        </p>
      ) : null}
      {agreement.ended ? <EndedOn ended={agreement.ended} /> : null}
      <dl className="hw-agreement__facts" aria-label={t("details.label")}>
        <div>
          <dt>{t("details.status")}</dt>
          <dd>
            <Glossed text={t(`details.statuses.${agreement.status}`)} />
          </dd>
        </div>
        {agreement.publishedAt ? (
          <div>
            <dt>{t("details.sharedOn")}</dt>
            <dd>{moment(agreement.publishedAt)}</dd>
          </div>
        ) : null}
        <div>
          <dt>{t("details.reviewDate")}</dt>
          <dd>
            <Glossed
              text={agreement.reviewDate ? day(agreement.reviewDate) : t("details.noReviewDate")}
            />
          </dd>
        </div>
        <div>
          <dt>{t("details.version")}</dt>
          <dd>{count(agreement.version)}</dd>
        </div>
      </dl>

      <h3>
        <Glossed text={t("worries")} />
      </h3>
      <p className="hw-entry-body">{agreement.riskFactorsSummary}</p>
      <h3>
        <Glossed text={t("strengths")} />
      </h3>
      <p className="hw-entry-body">{agreement.protectiveFactorsSummary}</p>

      <h3>
        <Glossed text={t("goals.heading")} />
      </h3>
      <p>
        <Glossed text={t("goals.intro")} />
      </p>
      {agreement.goals.length === 0 ? (
        <p>
          <Glossed text={t("goals.none")} />
        </p>
      ) : null}
      {agreement.goals.map((goal) => (
        <Goal key={goal.goalId} goal={goal} agreement={agreement} form={slots.goal?.(goal)} />
      ))}

      <h3>
        <Glossed text={t("support.heading")} />
      </h3>
      <p>
        <Glossed text={t("support.intro")} />
      </p>
      <SupportList agreement={agreement} />
      {slots.support?.(agreement.support)}

      <h3 id={`acknowledge-${id}`}>
        <Glossed text={t("acknowledge.heading")} />
      </h3>
      <Acknowledgement agreement={agreement} />
      {agreement.acknowledgement.current ? null : slots.acknowledge}
    </section>
  );
}

function Goal({
  goal,
  agreement,
  form,
}: {
  goal: GoalView;
  agreement: AgreementView;
  form: ReactNode;
}) {
  const { t } = useTranslation("agreement");
  const { day } = useDates();
  const headingId = `goal-${goal.goalId}-heading`;
  return (
    <article id={`goal-${goal.goalId}`} aria-labelledby={headingId} className="hw-card hw-goal">
      <h4 id={headingId}>{t("goals.number", { number: goal.number })}</h4>
      <p>
        <Glossed text={t("goals.status")} />{" "}
        <strong className={`hw-status hw-goal__status--${goal.progress}`}>
          <Glossed text={t(`rules:goalProgress.${goal.progress}`)} />
        </strong>
      </p>
      <dl className="hw-goal__parts">
        <dt>{t("rules:goalParts.changeNeeded")}</dt>
        <dd dir="auto">{goal.changeNeeded}</dd>
        <dt>{t("rules:goalParts.measure")}</dt>
        <dd dir="auto">{goal.measure}</dd>
        <dt>{t("rules:goalParts.evidenceExpected")}</dt>
        <dd dir="auto">{goal.evidenceExpected}</dd>
        <dt>{t("rules:goalParts.dueDate")}</dt>
        <dd>{day(goal.dueDate)}</dd>
        <dt>{t("rules:goalParts.supportOffered")}</dt>
        <dd dir="auto">{goal.supportOffered}</dd>
        <dt>{t("rules:goalParts.consequence")}</dt>
        <dd dir="auto">{goal.consequence}</dd>
        {goal.factorIds.length > 0 ? (
          <>
            <dt>{t("goals.about")}</dt>
            <dd>
              <Glossed text={goal.factorIds.map((f) => t(`rules:factors.${f}`)).join("; ")} />
            </dd>
          </>
        ) : null}
      </dl>

      <h5>{t("progress.heading")}</h5>
      {goal.entries.length === 0 ? (
        <p>
          <Glossed text={t("progress.none")} />
        </p>
      ) : (
        <ol className="hw-progress-list">
          {goal.entries.map((entry) => (
            <ProgressEntry key={entry.id} entry={entry} agreement={agreement} />
          ))}
        </ol>
      )}
      {form}
    </article>
  );
}

function ProgressEntry({ entry, agreement }: { entry: ProgressView; agreement: AgreementView }) {
  const { t } = useTranslation("agreement");
  const { moment } = useDates();
  return (
    <li className="hw-progress-list__item">
      <p className="hw-field__description">
        {moment(entry.createdAt)} – {useWriterLabel(entry, agreement)}
      </p>
      <p className="hw-entry-body">{entry.note}</p>
      {entry.evidence ? (
        <p className="hw-entry-body">
          <strong>
            <Glossed text={t("progress.evidence")} />
          </strong>{" "}
          {entry.evidence}
        </p>
      ) : null}
    </li>
  );
}

/** Who wrote a progress note, in the reader's words (shared with the easy-read page). */
export function useWriterLabel(entry: ProgressView, agreement: AgreementView): string {
  const { t } = useTranslation("agreement");
  const name = agreement.personName ?? "";
  const advocate = entry.helperRole === "advocate";
  switch (entry.writer) {
    case "practitioner":
      return t("progress.writer.practitioner");
    case "me":
      return t("progress.writer.me");
    case "meForPerson":
      return t("progress.writer.meForPerson", { name });
    case "person":
      return t("progress.writer.person", { name });
    case "helperForPerson":
      if (agreement.helperRole === null)
        return advocate ? t("progress.writer.yourAdvocate") : t("progress.writer.yourInterpreter");
      return advocate
        ? t("progress.writer.theirAdvocate", { name })
        : t("progress.writer.theirInterpreter", { name });
    case "otherFamily":
      return entry.helperRole
        ? t("progress.writer.otherFamilyHelper")
        : t("progress.writer.otherFamily");
  }
}

/**
 * The promised help, one card per service. Not a table: five columns do not fit a phone,
 * and on a phone what matters most - whether the help has happened - would start
 * off-screen (the easy-read agreement shows the same cards).
 */
function SupportList({ agreement }: { agreement: AgreementView }) {
  const { t } = useTranslation("agreement");
  const { day, moment } = useDates();
  if (agreement.support.length === 0)
    return (
      <p>
        <Glossed text={t("support.none")} />
      </p>
    );
  return (
    <ul className="hw-support-list" aria-label={t("support.caption")}>
      {agreement.support.map((s) => {
        const headingId = `support-${s.supportId}-heading`;
        return (
          <li key={s.supportId}>
            <article
              id={`support-${s.supportId}`}
              aria-labelledby={headingId}
              className="hw-card hw-support"
            >
              <h4 id={headingId} dir="auto">
                {s.service}
              </h4>
              <dl className="hw-goal__parts">
                <dt>
                  <Glossed text={t("support.provider")} />
                </dt>
                <dd dir="auto">{s.provider}</dd>
                <dt>
                  <Glossed text={t("support.startDate")} />
                </dt>
                <dd>
                  <Glossed text={s.startDate ? day(s.startDate) : t("support.noStartDate")} />
                </dd>
                <dt>
                  <Glossed text={t("support.status")} />
                </dt>
                <dd>
                  <Glossed text={t(`support.statuses.${s.status}`)} />
                </dd>
                <dt>
                  <Glossed text={t("support.flag")} />
                </dt>
                <dd>
                  {s.flag === null ? (
                    <Glossed text={t("support.notFlagged")} />
                  ) : (
                    <>
                      <strong>
                        <Glossed
                          text={
                            s.flag.byUs
                              ? t("support.flaggedByUs", { date: moment(s.flag.flaggedAt) })
                              : t("support.flaggedByOther", { date: moment(s.flag.flaggedAt) })
                          }
                        />
                      </strong>
                      {s.flag.note ? (
                        <span className="hw-support-note" dir="auto">
                          {s.flag.note}
                        </span>
                      ) : null}
                    </>
                  )}
                </dd>
              </dl>
            </article>
          </li>
        );
      })}
    </ul>
  );
}

function Acknowledgement({ agreement }: { agreement: AgreementView }) {
  const { t } = useTranslation("agreement");
  const { moment } = useDates();
  const { current, lastAt } = agreement.acknowledgement;
  const name = agreement.personName;
  if (current && lastAt) {
    return (
      <p className="hw-notice">
        <Glossed
          text={
            name
              ? t("acknowledge.doneFor", { name, date: moment(lastAt) })
              : t("acknowledge.done", { date: moment(lastAt) })
          }
        />
      </p>
    );
  }
  return (
    <>
      {lastAt ? (
        <p className="hw-notice">
          <Glossed text={t("acknowledge.changed", { date: moment(lastAt) })} />
        </p>
      ) : (
        <p>
          <Glossed text={t("acknowledge.notYet")} />
        </p>
      )}
      <p>
        <Glossed text={t("acknowledge.explain")} />
      </p>
    </>
  );
}

/** When the agreement ended and why, in the social worker's words (issue 7, practitioner gaps). */
function EndedOn({ ended }: { ended: NonNullable<AgreementView["ended"]> }) {
  const { t } = useTranslation("agreementEnd");
  const { day } = useDates();
  return (
    <div className="hw-notice">
      <p>{t("endedOn", { date: day(ended.on) })}</p>
      <p>
        {t("reason")} <span dir="auto">{ended.reason}</span>
      </p>
    </div>
  );
}
