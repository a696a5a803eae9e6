// The "my views / my wishes" forms, shared by the standard page and its easy-read version
// (issue 8): the same fields, hidden inputs, draft carried on and kept values, posting to the
// same action, so the same schema checks both. `ns` picks the wording: the easy-read keys are
// the standard page's keys under "views." in the easyreadRecords namespace.
import { useTranslation } from "@homeward/i18n/react";
import { VIEWS_PROMPTS as viewsPrompts } from "@homeward/rules";
import type {
  CaseViews,
  MeetingChoice,
  OwnViewsRecord,
  ViewsAnswers,
} from "@homeward/services/views";
import { Button, ErrorSummary, FormErrors, RadioGroup, TextField } from "@homeward/ui";
import type { Translate as TFunction } from "@homeward/i18n";
import type { ReactNode } from "react";
import { Form } from "react-router";
import { formatDateTime } from "../../lib/dates.ts";

export type ViewsNamespace = "wishes" | "easyreadRecords";
type Wording = (key: string) => string;

/** The page's wording: one key for both pages, with the easy-read namespace's prefix added. */
function useWording(ns: ViewsNamespace) {
  const { t, i18n } = useTranslation(ns);
  const prefix = ns === "easyreadRecords" ? "views." : "";
  const word: Wording = (key) => t(`${prefix}${key}`);
  return { t, word, language: i18n.language };
}

/** A meeting as the person knows it: both pages use the standard page's words. */
export function meetingLabel(t: TFunction, meeting: MeetingChoice, language: string) {
  return t("wishes:meeting.option", {
    type: t(`wishes:meetingTypes.${meeting.type}`),
    date: formatDateTime(meeting.startsAt, language),
  });
}

export type ViewsPrompt = (typeof viewsPrompts)[number];

/** The answers given, each under its question (`question` says it in the page's words). */
export function AnswerList({
  record,
  question,
}: {
  record: ViewsAnswers;
  question: (prompt: ViewsPrompt) => ReactNode;
}) {
  const given = viewsPrompts.filter((prompt) => record[prompt]);
  return (
    <dl>
      {given.map((prompt) => (
        <div key={prompt}>
          <dt>
            <strong>{question(prompt)}</strong>
          </dt>
          <dd className="hw-entry-body" dir="auto">
            {record[prompt]}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function sharingOptions(word: Wording) {
  return (["social_worker_only", "shared_with_parents"] as const).map((choice) => ({
    value: choice,
    label: word(`sharing.${choice}.label`),
    description: word(`sharing.${choice}.hint`),
  }));
}

/**
 * Write (or carry on) views: what was typed if the action refused it, else the draft's. A
 * draft's meeting that has since passed stays a choice, so saving does not lose it. Above the
 * form: what went wrong, then (`savedVersion`, after a stale save) what was saved meanwhile.
 */
export function ViewsForm({
  ns,
  current,
  draft,
  typed,
  errors,
  formError,
  savedVersion,
}: {
  ns: ViewsNamespace;
  current: CaseViews;
  draft: OwnViewsRecord | null;
  typed: Record<string, string> | undefined;
  errors: Record<string, string> | undefined;
  formError: string | undefined;
  savedVersion: ReactNode;
}) {
  const { t, word, language } = useWording(ns);
  const voice = current.voice;
  const meetings = [...current.meetings];
  if (draft?.meeting && !meetings.some((m) => m.id === draft.meeting?.id)) {
    meetings.unshift(draft.meeting);
  }
  const value = (prompt: ViewsPrompt) => typed?.[prompt] ?? draft?.[prompt] ?? "";
  return (
    <>
      <ErrorSummary title={t("auth:errors.summaryTitle")} errors={errors} formError={formError} />
      {savedVersion}
      <Form
        method="post"
        noValidate
        aria-labelledby="write-heading"
        key={`${draft?.id ?? "new"}-${draft?.version ?? 0}`}
      >
        <FormErrors errors={errors}>
          <input type="hidden" name="caseId" value={current.caseId} />
          {draft ? (
            <>
              <input type="hidden" name="recordId" value={draft.id} />
              <input type="hidden" name="version" value={draft.version} />
            </>
          ) : null}
          {meetings.length > 0 ? (
            <RadioGroup
              label={word("meeting.label")}
              name="meetingId"
              defaultValue={typed?.meetingId ?? draft?.meeting?.id ?? meetings[0]?.id ?? "none"}
              options={[
                ...meetings.map((m) => ({ value: m.id, label: meetingLabel(t, m, language) })),
                { value: "none", label: word("meeting.none") },
              ]}
            />
          ) : (
            <input type="hidden" name="meetingId" value="none" />
          )}
          {viewsPrompts.map((prompt) => (
            <TextField
              key={prompt}
              label={word(`prompts.${voice}.${prompt}.label`)}
              description={word(`prompts.${voice}.${prompt}.hint`)}
              name={prompt}
              multiline
              rows={4}
              defaultValue={value(prompt)}
            />
          ))}
          {voice === "young_person_wishes" ? (
            <RadioGroup
              label={word("sharing.label")}
              name="sharing"
              defaultValue={typed?.sharing ?? draft?.sharing ?? "social_worker_only"}
              options={sharingOptions(word)}
            />
          ) : null}
          <div className="hw-actions">
            <Button name="intent" value="send">
              {word("write.send")}
            </Button>
            <Button name="intent" value="save_draft" variant="secondary">
              {word("write.saveDraft")}
            </Button>
          </div>
        </FormErrors>
      </Form>
    </>
  );
}

/** Who may see sent wishes, changed after sending; `titleId` is the sent card's heading. */
export function SharingForm({
  ns,
  current,
  record,
  titleId,
  errors,
  formError,
}: {
  ns: ViewsNamespace;
  current: CaseViews;
  record: OwnViewsRecord;
  titleId: string;
  errors: Record<string, string> | undefined;
  formError: string | undefined;
}) {
  const { t, word } = useWording(ns);
  return (
    <Form method="post" noValidate aria-labelledby={titleId}>
      <ErrorSummary title={t("auth:errors.summaryTitle")} errors={errors} formError={formError} />
      <FormErrors errors={errors}>
        <input type="hidden" name="caseId" value={current.caseId} />
        <input type="hidden" name="recordId" value={record.id} />
        <input type="hidden" name="version" value={record.version} />
        <RadioGroup
          id={`sharing-${record.id}`}
          label={word("sharing.label")}
          name="sharing"
          defaultValue={record.sharing ?? undefined}
          options={sharingOptions(word)}
        />
        <Button name="intent" value="change_sharing" variant="secondary" aria-describedby={titleId}>
          {word("sharing.save")}
        </Button>
      </FormErrors>
    </Form>
  );
}
