// "My agreement" in easy read (issue 8): the whole page said again in short lines, one idea
// a line, a picture beside each key line (hidden from screen readers: the words beside it
// say the same). What to do now comes first. Each goal then says what must change, how we
// will know, by when, the help, what happens if it does not change, and what has happened
// so far. The forms are the standard page's: same fields, posting to the same action, so
// the same checks and the same kept words when something is missing, with no JavaScript.
import { Glossed, useTranslation } from "@homeward/i18n/react";
import { type EasyAgreementStep, easyAgreementSteps, type GoalProgress } from "@homeward/rules";
import type {
  AgreementView,
  GoalView,
  ProgressView,
  SupportView,
} from "@homeward/services/agreements";
import { type EasyIconName, EasyLine, EasyList, ErrorSummary } from "@homeward/ui";
import { Link, useLocation } from "react-router";
import { translateErrors } from "../lib/errors.ts";
import {
  AcknowledgeForm,
  FlagForm,
  helperLimitKey,
  ProgressForm,
} from "../routes/agreement/agreement-forms.tsx";
import { useDates, useWriterLabel } from "../routes/agreement/agreement-view.tsx";
import {
  type Failure,
  failureOf,
  type Saved,
  summaryErrorsOf,
} from "../routes/agreement/form-state.ts";

const progressIcon: Record<GoalProgress, EasyIconName> = {
  open: "clock",
  overdue: "warning",
  achieved: "tick",
  not_achieved: "warning",
};

export function EasyAgreement({
  agreements,
  saved,
  failure,
  today,
}: {
  agreements: AgreementView[];
  saved: Saved | null;
  failure: Failure | undefined;
  today: string;
}) {
  const { t } = useTranslation("easyreadAgreement");
  // The action's messages are the standard page's keys, in the "agreement" namespace.
  const { t: standard } = useTranslation("agreement");
  // A new key after each successful save clears the forms; a failed one keeps what was typed.
  const { key: formsKey } = useLocation();
  const fieldErrors = translateErrors(standard, failure?.errors);
  return (
    <div className="hw-easy">
      <h1>{t("title")}</h1>
      {saved ? (
        <div role="status">
          <EasyLine name="tick">
            <strong>{t(`saved.${saved}`)}</strong>
          </EasyLine>
        </div>
      ) : null}
      <ErrorSummary
        title={t("errors.title")}
        errors={summaryErrorsOf(fieldErrors, failure)}
        formError={failure?.formError ? standard(failure.formError) : undefined}
      />
      {agreements.length === 0 ? (
        <>
          <EasyLine name="paper">
            <Glossed text={t("none")} />
          </EasyLine>
          <EasyLine name="person">
            <Glossed text={t("noneNext")} />
          </EasyLine>
        </>
      ) : (
        <>
          <EasyLine name="paper">
            <Glossed text={t("intro")} />
          </EasyLine>
          <EasyList>
            <EasyLine as="li" name="tick">
              {t("introChange")}
            </EasyLine>
            <EasyLine as="li" name="person">
              {t("introHelp")}
            </EasyLine>
          </EasyList>
          <p className="hw-easy-more">
            <Link to="/agreement/print">{t("print")}</Link>
          </p>
        </>
      )}
      {agreements.map((agreement) => (
        <EasyOneAgreement
          key={`${agreement.agreementId}-${formsKey}`}
          agreement={agreement}
          failure={failure}
          errors={fieldErrors}
          today={today}
        />
      ))}
      <EasyLine name="person">
        <Glossed text={t("easyread:askWorker")} />
      </EasyLine>
    </div>
  );
}

function EasyOneAgreement({
  agreement,
  failure,
  errors,
  today,
}: {
  agreement: AgreementView;
  failure: Failure | undefined;
  errors: Record<string, string> | undefined;
  today: string;
}) {
  const { t } = useTranslation("easyreadAgreement");
  const { day } = useDates();
  const id = agreement.agreementId;
  const headingId = `easy-agreement-${id}`;
  return (
    <section aria-labelledby={headingId} className="hw-easy-section hw-agreement">
      <h2 id={headingId}>
        <span dir="auto">{agreement.title}</span>
      </h2>
      <EasyHelper agreement={agreement} />
      {agreement.status === "ended" ? <EasyLine name="paper">{t("ended")}</EasyLine> : null}
      {agreement.ended ? (
        <EasyLine name="calendar">
          {t("agreementEnd:endedOn", { date: day(agreement.ended.on) })}
        </EasyLine>
      ) : null}
      {agreement.reviewDate ? (
        <EasyLine name="calendar">
          <Glossed text={t("review", { date: day(agreement.reviewDate) })} />
        </EasyLine>
      ) : null}
      <EasySteps agreement={agreement} today={today} />

      <h3>{t("worries")}</h3>
      <EasyLine name="warning">
        <span className="hw-entry-body">{agreement.riskFactorsSummary}</span>
      </EasyLine>
      <h3>{t("strengths")}</h3>
      <EasyLine name="tick">
        <span className="hw-entry-body">{agreement.protectiveFactorsSummary}</span>
      </EasyLine>

      <h3>{t("goals.heading")}</h3>
      <EasyLine name="paper">
        <Glossed text={t("goals.intro")} />
      </EasyLine>
      {agreement.goals.length === 0 ? <EasyLine name="paper">{t("goals.none")}</EasyLine> : null}
      {agreement.goals.map((goal) => (
        <EasyGoal
          key={goal.goalId}
          agreement={agreement}
          goal={goal}
          failure={failureOf(failure, "progress", goal.goalId)}
          errors={errors}
        />
      ))}

      <EasySupport agreement={agreement} failure={failure} errors={errors} />

      <h3 id={`acknowledge-${id}`}>{t("acknowledge.heading")}</h3>
      <EasyAcknowledge
        agreement={agreement}
        failure={failureOf(failure, "acknowledge", agreement.agreementId)}
      />
    </section>
  );
}

/** Advocates and interpreters: whose agreement this is, and what they may do with it. */
function EasyHelper({ agreement }: { agreement: AgreementView }) {
  const { t } = useTranslation("easyreadAgreement");
  const name = agreement.personName;
  if (!agreement.helperRole || !name) return null;
  const limitKey = helperLimitKey(agreement);
  const limit = limitKey ? t(limitKey, { name }) : null;
  return (
    <>
      <EasyLine name="person">{t("helping", { name })}</EasyLine>
      {limit ? <EasyLine name="eye">{limit}</EasyLine> : null}
    </>
  );
}

function EasySteps({ agreement, today }: { agreement: AgreementView; today: string }) {
  const { t } = useTranslation("easyreadAgreement");
  const { day } = useDates();
  if (agreement.status === "ended") return null;
  const steps = easyAgreementSteps(agreement, today);
  const line = (step: EasyAgreementStep) => {
    switch (step.kind) {
      case "read":
        return (
          <EasyLine as="li" name="eye" key="read">
            <a href={`#acknowledge-${agreement.agreementId}`}>{t("todo.read")}</a>
          </EasyLine>
        );
      case "readAgain":
        return (
          <EasyLine as="li" name="eye" key="read">
            <a href={`#acknowledge-${agreement.agreementId}`}>{t("todo.readAgain")}</a>
          </EasyLine>
        );
      case "goalLate":
        return (
          <EasyLine as="li" name="warning" key={step.goalId}>
            <a href={`#goal-${step.goalId}`}>
              {t("todo.goalLate", { number: step.number, date: day(step.dueDate) })}
            </a>
          </EasyLine>
        );
      case "goalSoon":
        return (
          <EasyLine as="li" name="calendar" key={step.goalId}>
            <a href={`#goal-${step.goalId}`}>
              {t("todo.goalSoon", { number: step.number, date: day(step.dueDate) })}
            </a>
          </EasyLine>
        );
    }
  };
  return (
    <>
      <h3>{t("todo.heading")}</h3>
      {steps.length === 0 ? (
        <EasyLine name="tick">{t("todo.nothing")}</EasyLine>
      ) : (
        <EasyList>{steps.map(line)}</EasyList>
      )}
    </>
  );
}

function EasyGoal({
  agreement,
  goal,
  failure,
  errors,
}: {
  agreement: AgreementView;
  goal: GoalView;
  failure: Failure | undefined;
  errors: Record<string, string> | undefined;
}) {
  const { t } = useTranslation("easyreadAgreement");
  const { day } = useDates();
  const headingId = `goal-${goal.goalId}-heading`;
  const part = (name: EasyIconName, label: string, text: string) => (
    <EasyLine name={name}>
      <strong>{label}</strong> <span className="hw-easy-detail hw-entry-body">{text}</span>
    </EasyLine>
  );
  return (
    <article id={`goal-${goal.goalId}`} aria-labelledby={headingId} className="hw-card hw-goal">
      <h4 id={headingId}>{t("goals.number", { number: goal.number })}</h4>
      <EasyLine name={progressIcon[goal.progress]}>
        <strong>{t(`goals.status.${goal.progress}`)}</strong>
      </EasyLine>
      {part("pen", t("goals.change"), goal.changeNeeded)}
      {part("eye", t("goals.measure"), goal.measure)}
      {part("paper", t("goals.evidence"), goal.evidenceExpected)}
      <EasyLine name="calendar">
        <strong>{t("goals.by", { date: day(goal.dueDate) })}</strong>
      </EasyLine>
      {part("person", t("goals.help"), goal.supportOffered)}
      {part("warning", t("goals.ifNot"), goal.consequence)}

      <h5>{t("progress.heading")}</h5>
      {goal.entries.length === 0 ? (
        <EasyLine name="clock">{t("progress.none")}</EasyLine>
      ) : (
        <EasyList>
          {goal.entries.map((entry) => (
            <EasyProgress key={entry.id} entry={entry} agreement={agreement} />
          ))}
        </EasyList>
      )}
      {agreement.canAddProgress ? (
        <ProgressForm
          ns="easyreadAgreement"
          agreement={agreement}
          goal={goal}
          failure={failure}
          errors={errors}
        />
      ) : null}
    </article>
  );
}

function EasyProgress({ entry, agreement }: { entry: ProgressView; agreement: AgreementView }) {
  const { t } = useTranslation("easyreadAgreement");
  const { moment } = useDates();
  // Who wrote it: the standard page's plain words ("You wrote this"), one way to say it.
  const who = useWriterLabel(entry, agreement);
  return (
    <EasyLine as="li" name="pen">
      <strong>{t("progress.who", { who, date: moment(entry.createdAt) })}</strong>{" "}
      <span className="hw-easy-detail hw-entry-body">{entry.note}</span>
      {entry.evidence ? (
        <>
          {" "}
          <span className="hw-easy-detail hw-entry-body">
            <strong>{t("progress.evidence")}</strong> {entry.evidence}
          </span>
        </>
      ) : null}
    </EasyLine>
  );
}

function EasySupport({
  agreement,
  failure,
  errors,
}: {
  agreement: AgreementView;
  failure: Failure | undefined;
  errors: Record<string, string> | undefined;
}) {
  const { t } = useTranslation("easyreadAgreement");
  return (
    <>
      <h3>
        <Glossed text={t("support.heading")} />
      </h3>
      {agreement.support.length === 0 ? (
        <EasyLine name="person">{t("support.none")}</EasyLine>
      ) : (
        <>
          {agreement.canRespond ? <EasyLine name="pen">{t("support.intro")}</EasyLine> : null}
          {agreement.support.map((support) => (
            <EasyOneSupport
              key={support.supportId}
              support={support}
              canFlag={agreement.canRespond}
              failure={failureOf(failure, "flag", support.supportId)}
              errors={errors}
            />
          ))}
        </>
      )}
    </>
  );
}

function EasyOneSupport({
  support,
  canFlag,
  failure,
  errors,
}: {
  support: SupportView;
  canFlag: boolean;
  failure: Failure | undefined;
  errors: Record<string, string> | undefined;
}) {
  const { t } = useTranslation("easyreadAgreement");
  const { day, moment } = useDates();
  const headingId = `support-${support.supportId}-heading`;
  // A failed flag keeps its form open, with what was typed, even if someone flagged it since.
  const open = canFlag && (support.flag === null || failure !== undefined);
  return (
    <article id={`support-${support.supportId}`} aria-labelledby={headingId} className="hw-card">
      <h4 id={headingId}>{support.service}</h4>
      <EasyLine name="person">
        <Glossed
          text={t("support.who", { provider: support.provider })}
          keep={[support.provider]}
        />
      </EasyLine>
      <EasyLine name="calendar">
        {support.startDate
          ? t("support.starts", { date: day(support.startDate) })
          : t("support.noStart")}
      </EasyLine>
      <EasyLine name={support.status === "not_delivered" ? "warning" : "paper"}>
        <Glossed text={t(`support.status.${support.status}`)} />
      </EasyLine>
      {support.flag ? (
        <EasyLine name="warning">
          <strong>
            {support.flag.byUs
              ? t("support.flaggedByUs", { date: moment(support.flag.flaggedAt) })
              : t("support.flaggedByOther", { date: moment(support.flag.flaggedAt) })}
          </strong>
          {support.flag.note ? (
            <>
              {" "}
              <span className="hw-easy-detail hw-support-note">{support.flag.note}</span>
            </>
          ) : null}
        </EasyLine>
      ) : null}
      {open ? (
        <FlagForm
          ns="easyreadAgreement"
          support={support}
          failure={failure}
          errors={errors}
          glossed={false}
        />
      ) : null}
    </article>
  );
}

function EasyAcknowledge({
  agreement,
  failure,
}: {
  agreement: AgreementView;
  failure: Failure | undefined;
}) {
  const { t } = useTranslation("easyreadAgreement");
  const { moment } = useDates();
  const { current, lastAt } = agreement.acknowledgement;
  const name = agreement.personName;
  if (current && lastAt) {
    return (
      <EasyLine name="tick">
        {name
          ? t("acknowledge.doneFor", { name, date: moment(lastAt) })
          : t("acknowledge.done", { date: moment(lastAt) })}
      </EasyLine>
    );
  }
  return (
    <>
      {lastAt ? (
        <EasyLine name="warning">
          <strong>{t("acknowledge.changed", { date: moment(lastAt) })}</strong>
        </EasyLine>
      ) : null}
      <EasyList>
        <EasyLine as="li" name="eye">
          {t("acknowledge.first")}
        </EasyLine>
        <EasyLine as="li" name="tick">
          {t("acknowledge.notAgree")}
        </EasyLine>
        <EasyLine as="li" name="person">
          <Glossed text={t("acknowledge.tell")} />
        </EasyLine>
      </EasyList>
      {agreement.canRespond ? (
        <AcknowledgeForm
          ns="easyreadAgreement"
          agreement={agreement}
          failure={failure}
          glossed={false}
        />
      ) : null}
    </>
  );
}
