// An entry to check, in easy read (issue 8): the whole page, not a summary above the standard
// one. The same view model and the same form as the standard page - it posts to the same
// action, with the same field names, so the same schema checks it, the same draft is kept and
// a refused answer comes back with what was typed - only said in short lines, one idea each,
// with a picture beside the key ones.
import { Glossed, useTranslation } from "@homeward/i18n/react";
import type { EntryView, ResponseView } from "@homeward/services/record-entries";
import { type EasyIconName, EasyLine, EasyList, ErrorSummary } from "@homeward/ui";
import { Link } from "react-router";
import { formatDate } from "../lib/dates.ts";
import { translateErrors } from "../lib/errors.ts";
import { keptResponseValues, RespondForm } from "../routes/records/respond-form.tsx";

/** What the entry action sends back when it refuses an answer. */
export interface EntryActionData {
  errors: Record<string, string>;
  values: Record<string, string>;
  formError: string | undefined;
}

const kinds = ["correction", "disagreement", "comment"] as const;
const kindIcons: Record<(typeof kinds)[number], EasyIconName> = {
  correction: "pen",
  disagreement: "eye",
  comment: "paper",
};
const statusIcons: Record<ResponseView["status"], EasyIconName> = {
  draft: "pen",
  open: "clock",
  accepted: "tick",
  declined: "warning",
  noted: "eye",
};

export function EasyEntry({
  entry,
  draft,
  saved,
  actionData,
}: {
  entry: EntryView;
  draft: ResponseView | null;
  saved: string | null;
  actionData: EntryActionData | undefined;
}) {
  const { t, i18n } = useTranslation("easyreadRecords");
  const date = (day: string) => formatDate(day, i18n.language);
  const final = entry.status === "finalised";
  const sent = entry.myResponses.filter((r) => r.status !== "draft");
  // The version shown above is not an older one.
  const older = entry.history.filter((v) => v.versionNumber !== entry.versionNumber);
  return (
    <div className="hw-easy">
      <p>
        <Link to="/records">{t("entry.back")}</Link>
      </p>
      <h1>{entry.title}</h1>
      <EasyLine name="paper">{t("entry.what")}</EasyLine>
      <EasyLine name="person">
        <Glossed text={t("entry.whoWrote")} />
      </EasyLine>
      {final ? (
        <EasyLine name="tick">
          <strong>{t("entry.final")}</strong>
        </EasyLine>
      ) : (
        <EasyLine name="eye">{t("entry.checkIt")}</EasyLine>
      )}
      {!final && entry.deadline ? (
        <EasyLine name="clock">
          <strong>{t("entry.replyBy", { date: date(entry.deadline) })}</strong>
        </EasyLine>
      ) : null}
      {entry.eventDate ? (
        <EasyLine name="calendar">{t("entry.happened", { date: date(entry.eventDate) })}</EasyLine>
      ) : null}

      <section aria-labelledby="easy-entry-text" className="hw-easy-section">
        <h2 id="easy-entry-text">{final ? t("entry.finalHeading") : t("entry.saysHeading")}</h2>
        {entry.versionNumber > 1 ? (
          <EasyLine name="pen">{t("entry.changed", { version: entry.versionNumber })}</EasyLine>
        ) : null}
        <div className="hw-entry-body hw-card" dir="auto">
          {entry.body}
        </div>
      </section>

      {entry.standingDisagreements.length > 0 ? (
        <section aria-labelledby="easy-entry-views" className="hw-easy-section">
          <h2 id="easy-entry-views">{t("entry.viewsHeading")}</h2>
          {entry.standingDisagreements.map((d, index) =>
            d.byMe ? (
              <div key={`mine-${index.toString()}`}>
                <EasyLine name="eye">{t("entry.yourView")}</EasyLine>
                <blockquote className="hw-quote hw-entry-body" dir="auto">
                  {d.body}
                </blockquote>
              </div>
            ) : (
              <EasyLine name="person" key={`other-${index.toString()}`}>
                {t("entry.otherView")}
              </EasyLine>
            ),
          )}
        </section>
      ) : null}

      {sent.length > 0 ? (
        <section aria-labelledby="easy-entry-sent" className="hw-easy-section">
          <h2 id="easy-entry-sent">{t("entry.sentHeading")}</h2>
          {sent.map((response) => (
            <SentResponse key={response.id} response={response} />
          ))}
        </section>
      ) : null}

      {entry.canRespond ? (
        <EasyRespond draft={draft} saved={saved} actionData={actionData} sentCount={sent.length} />
      ) : null}

      {older.length > 0 ? (
        <section aria-labelledby="easy-entry-history" className="hw-easy-section">
          <h2 id="easy-entry-history">{t("entry.olderHeading")}</h2>
          {older.map((version) => (
            <details key={version.versionNumber} className="hw-card">
              <summary>
                {t("entry.version", {
                  version: version.versionNumber,
                  date: date(version.createdAt),
                })}
              </summary>
              {version.changeReason ? (
                <p>
                  {t("entry.whyChanged")}{" "}
                  <span className="hw-entry-body" dir="auto">
                    {version.changeReason}
                  </span>
                </p>
              ) : null}
              <div className="hw-entry-body" dir="auto">
                {version.body}
              </div>
            </details>
          ))}
        </section>
      ) : null}

      <EasyLine name="person">
        <Glossed text={t("askHelp")} />
      </EasyLine>
    </div>
  );
}

function SentResponse({ response }: { response: ResponseView }) {
  const { t } = useTranslation("easyreadRecords");
  const headingId = `easy-response-${response.id}`;
  return (
    <article className="hw-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{t(`entry.kind.${response.kind}`)}</h3>
      {response.writtenBy ? (
        <EasyLine name="person">
          {t("entry.writtenBy", { helper: response.writtenBy.helperName })}
        </EasyLine>
      ) : response.writtenOnBehalf ? (
        <EasyLine name="person">{t("entry.writtenForYou")}</EasyLine>
      ) : null}
      {response.anchorText ? (
        <>
          <p>{t("entry.part")}</p>
          <blockquote className="hw-quote hw-entry-body" dir="auto">
            {response.anchorText}
          </blockquote>
        </>
      ) : null}
      <p>{t(`entry.said.${response.kind}`)}</p>
      <p className="hw-entry-body" dir="auto">
        {response.body}
      </p>
      {response.proposedText ? (
        <>
          <p>{t("entry.proposed")}</p>
          <p className="hw-entry-body" dir="auto">
            {response.proposedText}
          </p>
        </>
      ) : null}
      <EasyLine name={statusIcons[response.status]}>
        <strong>
          <Glossed text={t(`entry.status.${response.status}`)} />
        </strong>
      </EasyLine>
      {response.practitionerReply ? (
        <>
          <EasyLine name="person">
            <Glossed text={t("entry.reply")} />
          </EasyLine>
          <p className="hw-entry-body" dir="auto">
            {response.practitionerReply}
          </p>
        </>
      ) : null}
    </article>
  );
}

function EasyRespond({
  draft,
  saved,
  actionData,
  sentCount,
}: {
  draft: ResponseView | null;
  saved: string | null;
  actionData: EntryActionData | undefined;
  /** How many answers were sent: a new one empties the form, with or without JavaScript. */
  sentCount: number;
}) {
  const { t } = useTranslation("easyreadRecords");
  const values = keptResponseValues(draft, actionData?.values);
  const errors = translateErrors(t, actionData?.errors);
  // The one refusal that is not about a field: someone saved first (optimistic concurrency).
  const formError = actionData?.formError ? t("respond.stale") : undefined;
  return (
    <section aria-labelledby="respond-title" id="respond" className="hw-easy-section">
      <h2 id="respond-title">{t("respond.heading")}</h2>
      {saved === "draft" ? (
        <p className="hw-notice" role="status">
          {t("respond.savedDraft")}
        </p>
      ) : null}
      {saved === "sent" ? (
        <p className="hw-notice" role="status">
          {t("respond.sent")}
        </p>
      ) : null}
      <p>{t("respond.canDo")}</p>
      <EasyList>
        {kinds.map((kind) => (
          <EasyLine as="li" name={kindIcons[kind]} key={kind}>
            <strong>{t(`respond.kind.${kind}`)}</strong>
            <span className="hw-easy-detail">{t(`respond.kindHelp.${kind}`)}</span>
          </EasyLine>
        ))}
      </EasyList>
      <ErrorSummary title={t("auth:errors.summaryTitle")} errors={errors} formError={formError} />
      <RespondForm
        key={`${draft?.id ?? "new"}-${draft?.version ?? 0}-${sentCount}`}
        ns="easyreadRecords"
        draft={draft}
        values={values}
        errors={errors}
        kinds={kinds}
        describeKinds={false}
      >
        {draft && !actionData ? <p>{t("respond.continuing")}</p> : null}
      </RespondForm>
    </section>
  );
}
