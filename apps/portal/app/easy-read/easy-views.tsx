// My views / my wishes in easy read (issue 8): the whole page, not a summary above the
// standard one. Simple questions (for a young person: what is going well, what worries you,
// what you want to happen and when, who you trust; who may see it), what was sent and the
// social worker's reply showing how the views were considered. The forms post to the same
// action with the same field names as the standard page, so the same schema checks them, the
// same draft is carried on and a refused answer comes back with what was typed.
import { Glossed, useTranslation } from "@homeward/i18n/react";
import type {
  CaseViews,
  MeetingChoice,
  OwnViewsRecord,
  ViewsAnswers,
} from "@homeward/services/views";
import { EasyLine } from "@homeward/ui";
import { Link } from "react-router";
import { formatDate } from "../lib/dates.ts";
import { translateErrors } from "../lib/errors.ts";
import { AnswerList, meetingLabel, SharingForm, ViewsForm } from "../routes/wishes/views-forms.tsx";

/** What the views action sends back when it refuses a form: which form, and what was typed. */
export interface ViewsActionData {
  which: string;
  errors: Record<string, string>;
  formError: string | undefined;
  values: Record<string, string>;
}

type Voice = CaseViews["voice"];

export function EasyViews({
  current,
  cases,
  draftId,
  saved,
  actionData,
}: {
  current: CaseViews;
  cases: { caseId: string; childFirstName: string }[];
  draftId: string | null;
  saved: "draft" | "sent" | "sharing" | null;
  actionData: ViewsActionData | undefined;
}) {
  const { t, i18n } = useTranslation("easyreadRecords");
  const voice = current.voice;
  const title = current.actingFor
    ? t(`views.titleFor.${voice}`, { name: current.actingFor })
    : t(`views.title.${voice}`);
  const drafts = current.records.filter((r) => r.status === "draft");
  const draft = drafts.find((d) => d.id === draftId) ?? null;
  const otherDrafts = drafts.filter((d) => !(current.canWrite && d.id === draft?.id));
  const sent = current.records.filter((r) => r.status === "submitted");
  const child = current.childFirstName;
  return (
    <div className="hw-easy">
      <h1>{title}</h1>
      {saved ? (
        <p className="hw-notice" role="status">
          {t(`views.saved.${saved}`)}
        </p>
      ) : null}
      {voice === "young_person_wishes" ? (
        <>
          <EasyLine name="eye">{t("views.young.forYou")}</EasyLine>
          <EasyLine name="person">
            <Glossed text={t("views.young.tell")} />
          </EasyLine>
          <EasyLine name="tick">{t("views.young.choose")}</EasyLine>
        </>
      ) : (
        <>
          <EasyLine name="eye">{t("views.parent.forYou")}</EasyLine>
          <EasyLine name="person">
            <Glossed text={t("views.parent.tell", { child })} />
          </EasyLine>
          <EasyLine name="house">{t("views.parent.matters", { child })}</EasyLine>
        </>
      )}
      {cases.length > 1 ? <CaseSwitcher cases={cases} current={current.caseId} /> : null}

      {current.canWrite ? (
        <WriteForm current={current} draft={draft} actionData={actionData} />
      ) : (
        <EasyLine name="warning">
          {t("views.cannotWrite", { name: current.actingFor ?? "" })}
        </EasyLine>
      )}

      {otherDrafts.length > 0 ? (
        <section aria-labelledby="easy-drafts" className="hw-easy-section">
          <h2 id="easy-drafts">{t("views.drafts.heading")}</h2>
          {otherDrafts.map((record) => (
            <DraftCard key={record.id} record={record} current={current} />
          ))}
        </section>
      ) : null}

      <section aria-labelledby="easy-sent" className="hw-easy-section">
        <h2 id="easy-sent">{t("views.sent.heading")}</h2>
        {sent.length === 0 ? <EasyLine name="paper">{t("views.sent.none")}</EasyLine> : null}
        {sent.map((record) => (
          <SentCard key={record.id} record={record} current={current} actionData={actionData} />
        ))}
      </section>

      {voice === "parent_views" ? (
        <section aria-labelledby="easy-shared" className="hw-easy-section">
          <h2 id="easy-shared">{t("views.shared.heading")}</h2>
          {current.sharedWithMe.length === 0 ? (
            <EasyLine name="paper">{t("views.shared.none")}</EasyLine>
          ) : null}
          {current.sharedWithMe.map((record) => {
            const name = record.authorFirstName ?? child;
            const titleId = `easy-shared-${record.id}`;
            return (
              <article key={record.id} className="hw-card" aria-labelledby={titleId}>
                <h3 id={titleId}>
                  {record.submittedAt
                    ? t("views.shared.title", {
                        name,
                        date: formatDate(record.submittedAt, i18n.language),
                      })
                    : name}
                </h3>
                <EasyLine name="person">{t("views.shared.intro", { name })}</EasyLine>
                <MeetingLine meeting={record.meeting} />
                <Answers record={record} voice="young_person_wishes" />
              </article>
            );
          })}
        </section>
      ) : null}

      <EasyLine name="person">
        <Glossed text={t("askHelp")} />
      </EasyLine>
    </div>
  );
}

function CaseSwitcher({
  cases,
  current,
}: {
  cases: { caseId: string; childFirstName: string }[];
  current: string;
}) {
  const { t } = useTranslation("easyreadRecords");
  return (
    <nav aria-labelledby="easy-cases">
      <h2 id="easy-cases">{t("views.cases.heading")}</h2>
      <ul className="hw-easy-list">
        {cases.map((c) => (
          <EasyLine as="li" name="house" key={c.caseId}>
            <Link
              to={`/views?case=${encodeURIComponent(c.caseId)}`}
              aria-current={c.caseId === current ? "page" : undefined}
            >
              {t("views.cases.link", { child: c.childFirstName })}
            </Link>
          </EasyLine>
        ))}
      </ul>
    </nav>
  );
}

function WriteForm({
  current,
  draft,
  actionData,
}: {
  current: CaseViews;
  draft: OwnViewsRecord | null;
  actionData: ViewsActionData | undefined;
}) {
  const { t, i18n } = useTranslation("easyreadRecords");
  const mine = actionData?.which === "views" ? actionData : undefined;
  const errors = translateErrors(t, mine?.errors);
  const voice = current.voice;
  const stale = mine?.formError === "wishes:errors.stale";
  return (
    <section aria-labelledby="write-heading" className="hw-easy-section">
      <h2 id="write-heading">{t(`views.write.heading.${voice}`)}</h2>
      {current.actingFor ? (
        <EasyLine name="person">{t("views.write.actingFor", { name: current.actingFor })}</EasyLine>
      ) : null}
      {draft ? (
        <EasyLine name="clock">
          {t("views.write.continuing", { date: formatDate(draft.updatedAt, i18n.language) })}
        </EasyLine>
      ) : null}
      <EasyLine name="pen">{t("views.write.notAll")}</EasyLine>
      <EasyLine name="eye">{t("views.write.private")}</EasyLine>
      <ViewsForm
        ns="easyreadRecords"
        current={current}
        draft={draft}
        typed={mine?.values}
        errors={errors}
        formError={
          mine?.formError ? (stale ? t("views.write.stale") : t(mine.formError)) : undefined
        }
        savedVersion={
          stale && draft ? (
            <div className="hw-card">
              <h3>{t("views.write.savedVersion")}</h3>
              <Answers record={draft} voice={voice} />
            </div>
          ) : null
        }
      />
    </section>
  );
}

function MeetingLine({ meeting }: { meeting: MeetingChoice | null }) {
  const { t, i18n } = useTranslation("easyreadRecords");
  if (!meeting) return null;
  return (
    <EasyLine name="calendar">
      {t("views.sent.forMeeting", { meeting: meetingLabel(t, meeting, i18n.language) })}
    </EasyLine>
  );
}

/** Each answer under its question, as the person was asked it. */
function Answers({ record, voice }: { record: ViewsAnswers; voice: Voice }) {
  const { t } = useTranslation("easyreadRecords");
  return (
    <AnswerList
      record={record}
      question={(prompt) => t(`views.prompts.${voice}.${prompt}.label`)}
    />
  );
}

function DraftCard({ record, current }: { record: OwnViewsRecord; current: CaseViews }) {
  const { t, i18n } = useTranslation("easyreadRecords");
  const titleId = `easy-record-${record.id}`;
  return (
    <article className="hw-card" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {t("views.drafts.savedOn", { date: formatDate(record.updatedAt, i18n.language) })}
      </h3>
      {record.writtenOnBehalf ? (
        <EasyLine name="person">{t("views.sent.writtenForYou")}</EasyLine>
      ) : null}
      <MeetingLine meeting={record.meeting} />
      <Answers record={record} voice={record.kind} />
      {current.canWrite ? (
        <EasyLine name="pen">
          <Link
            to={`/views?case=${encodeURIComponent(current.caseId)}&draft=${encodeURIComponent(record.id)}`}
          >
            {t("views.drafts.continue")}
          </Link>
        </EasyLine>
      ) : null}
    </article>
  );
}

function SentCard({
  record,
  current,
  actionData,
}: {
  record: OwnViewsRecord;
  current: CaseViews;
  actionData: ViewsActionData | undefined;
}) {
  const { t, i18n } = useTranslation("easyreadRecords");
  const titleId = `easy-record-${record.id}`;
  const mine = actionData?.which === `sharing-${record.id}` ? actionData : undefined;
  const errors = translateErrors(t, mine?.errors);
  return (
    <article className="hw-card" aria-labelledby={titleId}>
      <h3 id={titleId}>
        {record.submittedAt
          ? t("views.sent.sentOn", { date: formatDate(record.submittedAt, i18n.language) })
          : t("views.sent.sent")}
      </h3>
      {record.writtenOnBehalf ? (
        <EasyLine name="person">{t("views.sent.writtenForYou")}</EasyLine>
      ) : null}
      <MeetingLine meeting={record.meeting} />
      <Answers record={record} voice={record.kind} />
      {record.sharing && current.canWrite ? (
        <SharingForm
          ns="easyreadRecords"
          current={current}
          record={record}
          titleId={titleId}
          errors={errors}
          formError={
            mine?.formError
              ? t(mine.formError === "wishes:errors.stale" ? "views.write.stale" : mine.formError)
              : undefined
          }
        />
      ) : record.sharing ? (
        <EasyLine name="eye">
          {t("views.sharing.current", { who: t(`views.sharing.${record.sharing}.label`) })}
        </EasyLine>
      ) : null}
      <div className="hw-notice">
        <h4>{t("views.reply.heading")}</h4>
        {record.reply ? (
          <>
            <EasyLine name="person">
              {record.reply.by && record.reply.at ? (
                <Glossed
                  text={t("views.reply.by", {
                    name: record.reply.by,
                    date: formatDate(record.reply.at, i18n.language),
                  })}
                  keep={[record.reply.by]}
                />
              ) : (
                <Glossed text={t("views.reply.plain")} />
              )}
            </EasyLine>
            <p className="hw-entry-body" dir="auto">
              {record.reply.text}
            </p>
          </>
        ) : (
          <>
            <EasyLine name="clock">
              <Glossed text={t("views.reply.none")} />
            </EasyLine>
            <EasyLine name="eye">{t("views.reply.willTell")}</EasyLine>
          </>
        )}
      </div>
    </article>
  );
}
