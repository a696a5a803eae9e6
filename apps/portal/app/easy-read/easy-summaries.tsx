// Easy-read openings for the agreement, an entry to check and "my views" (issue 8). These
// pages are where the person acts, so in easy read they open with the few things that
// matter in short lines, and the page's own forms follow unchanged: the same actions, the
// same checks, one way to do each thing.
import { useTranslation } from "@homeward/i18n/react";
import type { AgreementView } from "@homeward/services/agreements";
import type { EntryView } from "@homeward/services/record-entries";
import type { CaseViews } from "@homeward/services/views";
import { EasyLine, EasyList } from "@homeward/ui";
import { calendarDate } from "../routes/meetings/dates.ts";

export function EasyAgreement({ agreements }: { agreements: AgreementView[] }) {
  const { t, i18n } = useTranslation("easyread");
  const date = (day: string) => calendarDate(day, i18n.language);
  return (
    <div className="hw-easy">
      {agreements.length === 0 ? <EasyLine name="paper">{t("agreement.none")}</EasyLine> : null}
      {agreements.map((agreement) => {
        const headingId = `easy-agreement-${agreement.agreementId}`;
        return (
          <section
            key={agreement.agreementId}
            aria-labelledby={headingId}
            className="hw-easy-section"
          >
            <h2 id={headingId}>{agreement.title}</h2>
            {agreement.acknowledgement.current ? (
              <EasyLine name="tick">{t("agreement.read")}</EasyLine>
            ) : (
              <EasyLine name="eye">
                <strong>{t("agreement.pleaseRead")}</strong>
              </EasyLine>
            )}
            <EasyLine name="paper">{t("agreement.what")}</EasyLine>
            <EasyList>
              {agreement.goals.map((goal) => (
                <EasyLine as="li" name="calendar" key={goal.goalId}>
                  {t("agreement.goal", { number: goal.number, goal: goal.changeNeeded })}
                  <span className="hw-easy-detail">
                    {t("agreement.by", { date: date(goal.dueDate) })}
                  </span>
                </EasyLine>
              ))}
              {agreement.support.map((support) => (
                <EasyLine as="li" name="person" key={support.supportId}>
                  {t("agreement.help", { service: support.service })}
                </EasyLine>
              ))}
            </EasyList>
          </section>
        );
      })}
      <EasyLine name="person">{t("askWorker")}</EasyLine>
      <p className="hw-easy-more">{t("agreement.below")}</p>
    </div>
  );
}

export function EasyEntry({ entry }: { entry: EntryView }) {
  const { t, i18n } = useTranslation("easyread");
  const sent = entry.myResponses.some((r) => r.status !== "draft");
  return (
    <div className="hw-easy">
      <EasyLine name="paper">{t("entry.what")}</EasyLine>
      {sent ? <EasyLine name="tick">{t("entry.sent")}</EasyLine> : null}
      {entry.canRespond && !sent && entry.deadline ? (
        <EasyLine name="clock">
          <strong>
            {t("entry.replyBy", { date: calendarDate(entry.deadline, i18n.language) })}
          </strong>
        </EasyLine>
      ) : null}
      {entry.canRespond ? <EasyLine name="pen">{t("entry.canRespond")}</EasyLine> : null}
      {entry.standingDisagreements.some((d) => d.byMe) ? (
        <EasyLine name="eye">{t("entry.standing")}</EasyLine>
      ) : null}
      <EasyLine name="person">{t("askWorker")}</EasyLine>
      <p className="hw-easy-more">{t("entry.below")}</p>
    </div>
  );
}

export function EasyViews({ current }: { current: CaseViews }) {
  const { t } = useTranslation("easyread");
  const sent = current.records.some((r) => r.status === "submitted");
  return (
    <div className="hw-easy">
      <EasyLine name="eye">{t("views.what")}</EasyLine>
      {current.voice === "parent_views" && current.canWrite ? (
        <EasyLine name="pen">{t("views.write")}</EasyLine>
      ) : null}
      <EasyLine name="person">{t("views.read")}</EasyLine>
      {current.canWrite ? <EasyLine name="clock">{t("views.later")}</EasyLine> : null}
      {sent ? <EasyLine name="tick">{t("views.sent")}</EasyLine> : null}
      <p className="hw-easy-more">{t("views.below")}</p>
    </div>
  );
}
