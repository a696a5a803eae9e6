import { casesForFamilyMember } from "@homeward/db";
import { Glossed, useTranslation } from "@homeward/i18n/react";
import { VIEWS_PROMPTS as viewsPrompts } from "@homeward/rules";
import { assertSameOrigin, keptValues, parseForm } from "@homeward/runtime";
import { StaleWrite } from "@homeward/services";
import {
  type CaseViews,
  changeWishesSharing,
  type MeetingChoice,
  myViews,
  type OwnViewsRecord,
  saveViews,
  sharingSchema,
  type ViewsAnswers,
  viewsSchema,
} from "@homeward/services/views";
import { Button, ErrorSummary, FormErrors, PageTitle, RadioGroup, TextField } from "@homeward/ui";
import type { TFunction } from "i18next";
import { data, Form, Link, redirect, type ShouldRevalidateFunctionArgs } from "react-router";
import { formatDate, formatDateTime } from "../../lib/dates.ts";
import { translateErrors } from "../../lib/errors.ts";
import { familyContext, orRefuse } from "../../lib/service-context.server.ts";
import { EasyViews } from "../../easy-read/easy-views.tsx";
import { ReadModeSwitch } from "../../easy-read/read-mode-switch.tsx";
import { readModeFor } from "../../lib/read-mode.server.ts";
import type { Route } from "./+types/index";

const savedNotices = ["draft", "sent", "sharing"] as const;
type SavedNotice = (typeof savedNotices)[number];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { ctx } = await familyContext(context, request);
  // Easy read or standard (issue 8); first, so the switch's redirect audits no read twice.
  const readMode = await readModeFor(ctx, request);
  const url = new URL(request.url);
  const asked = url.searchParams.get("case");
  const cases = await casesForFamilyMember(ctx.db, { userId: ctx.userId, now: ctx.now });
  const caseId = asked ?? cases[0]?.caseId;
  const [current] = caseId ? await orRefuse(myViews(ctx, { caseId })) : [];
  // A case that is not theirs looks the same as one that does not exist.
  if (asked && !current) throw data(null, { status: 404 });
  const drafts = current?.records.filter((r) => r.status === "draft") ?? [];
  const draft = drafts.find((d) => d.id === url.searchParams.get("draft")) ?? drafts[0] ?? null;
  const saved = url.searchParams.get("saved");
  return {
    cases: cases.map((c) => ({ caseId: c.caseId, childFirstName: c.childFirstName })),
    current: current ?? null,
    readMode,
    draftId: draft?.id ?? null,
    saved: savedNotices.includes(saved as SavedNotice) ? (saved as SavedNotice) : null,
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  const { ctx } = await familyContext(context, request);
  const form = await request.formData();
  const values = keptValues(form);
  const caseId = String(form.get("caseId") ?? "");
  const intent = String(form.get("intent") ?? "");
  const which = intent === "change_sharing" ? `sharing-${values.recordId ?? ""}` : "views";
  const back = (saved: SavedNotice) => `/views?case=${encodeURIComponent(caseId)}&saved=${saved}`;
  const refused = (errors: Record<string, string>, status: 400 | 409 = 400) => {
    const { form: formError, ...fields } = errors;
    return data({ which, errors: fields, formError, values }, { status });
  };
  try {
    switch (intent) {
      case "save_draft":
      case "send": {
        const parsed = parseForm(viewsSchema, form);
        if (!parsed.ok) return refused(parsed.errors);
        const result = await orRefuse(saveViews(ctx, caseId, parsed.data));
        throw redirect(
          result.status === "draft"
            ? `${back("draft")}&draft=${encodeURIComponent(result.id)}`
            : back("sent"),
        );
      }
      case "change_sharing": {
        const parsed = parseForm(sharingSchema, form);
        if (!parsed.ok) return refused(parsed.errors);
        await orRefuse(changeWishesSharing(ctx, caseId, parsed.data));
        throw redirect(back("sharing"));
      }
      default:
        return refused({ form: "wishes:errors.intent" });
    }
  } catch (error) {
    if (error instanceof StaleWrite) return refused({ form: "wishes:errors.stale" }, 409);
    throw error;
  }
}

/** After "someone else saved first", load the saved version so both can be shown. */
export function shouldRevalidate({
  actionStatus,
  defaultShouldRevalidate,
}: ShouldRevalidateFunctionArgs) {
  return actionStatus === 409 ? true : defaultShouldRevalidate;
}

export default function Views({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("wishes");
  const { current, cases, draftId, saved } = loaderData;
  if (!current) {
    return (
      <>
        <PageTitle page={t("title.parent_views")} app={t("common:portal.name")} />
        <h1>{t("title.parent_views")}</h1>
        <p>
          <Glossed text={t("noCases")} />
        </p>
      </>
    );
  }
  const title = current.actingFor
    ? t(`titleFor.${current.voice}`, { name: current.actingFor })
    : t(`title.${current.voice}`);
  const drafts = current.records.filter((r) => r.status === "draft");
  const draft = drafts.find((d) => d.id === draftId) ?? null;
  const sent = current.records.filter((r) => r.status === "submitted");
  // Easy read (issue 8): the whole page in easy read, with the same forms and action.
  if (loaderData.readMode === "easy") {
    return (
      <>
        <PageTitle page={title} app={t("common:portal.name")} />
        <ReadModeSwitch mode="easy" />
        <EasyViews
          current={current}
          cases={cases}
          draftId={draftId}
          saved={saved}
          actionData={actionData}
        />
      </>
    );
  }
  return (
    <>
      <PageTitle page={title} app={t("common:portal.name")} />
      <ReadModeSwitch mode={loaderData.readMode} />
      <h1>{title}</h1>
      {saved ? (
        <p className="hw-notice" role="status">
          <Glossed text={t(`saved.${saved}`)} />
        </p>
      ) : null}
      <p>
        <Glossed text={t(`intro.${current.voice}`)} />
      </p>
      {cases.length > 1 ? <CaseSwitcher cases={cases} current={current.caseId} /> : null}

      {current.canWrite ? (
        <WriteForm current={current} draft={draft} actionData={actionData} />
      ) : (
        <p className="hw-notice">
          <Glossed text={t("cannotWrite", { name: current.actingFor ?? "" })} />
        </p>
      )}

      {drafts.length > (current.canWrite && draft ? 1 : 0) ? (
        <section aria-labelledby="drafts-heading">
          <h2 id="drafts-heading">
            <Glossed text={t("drafts.heading")} />
          </h2>
          {drafts
            .filter((d) => !(current.canWrite && d.id === draft?.id))
            .map((d) => (
              <DraftCard key={d.id} record={d} current={current} />
            ))}
        </section>
      ) : null}

      <section aria-labelledby="sent-heading">
        <h2 id="sent-heading">
          <Glossed text={t("sent.heading")} />
        </h2>
        {sent.length === 0 ? (
          <p>
            <Glossed text={t("sent.none")} />
          </p>
        ) : null}
        {sent.map((record) => (
          <SentCard key={record.id} record={record} current={current} actionData={actionData} />
        ))}
      </section>

      {current.voice === "parent_views" ? (
        <section aria-labelledby="shared-heading">
          <h2 id="shared-heading">
            <Glossed text={t("shared.heading")} />
          </h2>
          {current.sharedWithMe.length === 0 ? (
            <p>
              <Glossed text={t("shared.none")} />
            </p>
          ) : null}
          {current.sharedWithMe.map((record) => (
            <article
              key={record.id}
              className="hw-card"
              aria-labelledby={`shared-${record.id}-title`}
            >
              <SharedTitle record={record} />
              <p>
                <Glossed
                  text={t("shared.intro", {
                    name: record.authorFirstName ?? current.childFirstName,
                  })}
                />
              </p>
              <MeetingLine meeting={record.meeting} />
              <Answers record={record} voice="young_person_wishes" />
            </article>
          ))}
        </section>
      ) : null}
    </>
  );
}

function CaseSwitcher({
  cases,
  current,
}: {
  cases: { caseId: string; childFirstName: string }[];
  current: string;
}) {
  const { t } = useTranslation("wishes");
  return (
    <nav aria-labelledby="cases-heading">
      <h2 id="cases-heading">
        <Glossed text={t("cases.heading")} />
      </h2>
      <ul>
        {cases.map((c) => (
          <li key={c.caseId}>
            <Link
              to={`/views?case=${encodeURIComponent(c.caseId)}`}
              aria-current={c.caseId === current ? "page" : undefined}
            >
              {t("cases.link", { child: c.childFirstName })}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

type ActionData = Route.ComponentProps["actionData"];

function meetingLabel(t: TFunction, meeting: MeetingChoice, language: string) {
  return t("meeting.option", {
    type: t(`meetingTypes.${meeting.type}`),
    date: formatDateTime(meeting.startsAt, language),
  });
}

function WriteForm({
  current,
  draft,
  actionData,
}: {
  current: CaseViews;
  draft: OwnViewsRecord | null;
  actionData: ActionData;
}) {
  const { t, i18n } = useTranslation("wishes");
  const mine = actionData?.which === "views" ? actionData : undefined;
  const errors = translateErrors(t, mine?.errors);
  const typed = mine?.values;
  const voice = current.voice;
  const meetings = [...current.meetings];
  if (draft?.meeting && !meetings.some((m) => m.id === draft.meeting?.id)) {
    meetings.unshift(draft.meeting);
  }
  const value = (prompt: (typeof viewsPrompts)[number]) => typed?.[prompt] ?? draft?.[prompt] ?? "";
  return (
    <section aria-labelledby="write-heading">
      <h2 id="write-heading">
        <Glossed text={t(`write.heading.${voice}`)} />
      </h2>
      {current.actingFor ? (
        <p>
          <Glossed text={t("write.actingFor", { name: current.actingFor })} />
        </p>
      ) : null}
      {draft ? (
        <p>
          <Glossed
            text={t("write.continuing", { date: formatDate(draft.updatedAt, i18n.language) })}
          />
        </p>
      ) : null}
      <p>
        <Glossed text={t("write.privateUntilSent")} />
      </p>
      <ErrorSummary
        title={t("auth:errors.summaryTitle")}
        errors={errors}
        formError={mine?.formError ? t(mine.formError) : undefined}
      />
      {mine?.formError === "wishes:errors.stale" && draft ? (
        <div className="hw-card">
          <h3>
            <Glossed text={t("write.savedVersion")} />
          </h3>
          <Answers record={draft} voice={voice} />
        </div>
      ) : null}
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
              label={t("meeting.label")}
              name="meetingId"
              defaultValue={typed?.meetingId ?? draft?.meeting?.id ?? meetings[0]?.id ?? "none"}
              options={[
                ...meetings.map((m) => ({ value: m.id, label: meetingLabel(t, m, i18n.language) })),
                { value: "none", label: t("meeting.none") },
              ]}
            />
          ) : (
            <input type="hidden" name="meetingId" value="none" />
          )}
          {viewsPrompts.map((prompt) => (
            <TextField
              key={prompt}
              label={t(`prompts.${voice}.${prompt}.label`)}
              description={t(`prompts.${voice}.${prompt}.hint`)}
              name={prompt}
              multiline
              rows={4}
              defaultValue={value(prompt)}
            />
          ))}
          {voice === "young_person_wishes" ? (
            <RadioGroup
              label={t("sharing.label")}
              name="sharing"
              defaultValue={typed?.sharing ?? draft?.sharing ?? "social_worker_only"}
              options={sharingOptions(t)}
            />
          ) : null}
          <div className="hw-actions">
            <Button name="intent" value="send">
              {t("write.send")}
            </Button>
            <Button name="intent" value="save_draft" variant="secondary">
              {t("write.saveDraft")}
            </Button>
          </div>
        </FormErrors>
      </Form>
    </section>
  );
}

function sharingOptions(t: TFunction) {
  return (["social_worker_only", "shared_with_parents"] as const).map((choice) => ({
    value: choice,
    label: t(`sharing.${choice}.label`),
    description: t(`sharing.${choice}.hint`),
  }));
}

function MeetingLine({ meeting }: { meeting: MeetingChoice | null }) {
  const { t, i18n } = useTranslation("wishes");
  if (!meeting) return null;
  return (
    <p>
      <Glossed text={t("sent.forMeeting", { meeting: meetingLabel(t, meeting, i18n.language) })} />
    </p>
  );
}

function Answers({ record, voice }: { record: ViewsAnswers; voice: CaseViews["voice"] }) {
  const { t } = useTranslation("wishes");
  const given = viewsPrompts.filter((prompt) => record[prompt]);
  return (
    <dl>
      {given.map((prompt) => (
        <div key={prompt}>
          <dt>
            <strong>
              <Glossed text={t(`answers.${voice}.${prompt}`)} />
            </strong>
          </dt>
          <dd className="hw-entry-body" dir="auto">
            {record[prompt]}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function DraftCard({ record, current }: { record: OwnViewsRecord; current: CaseViews }) {
  const { t, i18n } = useTranslation("wishes");
  return (
    <article className="hw-card" aria-labelledby={`record-${record.id}-title`}>
      <h3 id={`record-${record.id}-title`}>
        <Glossed
          text={t("drafts.savedOn", { date: formatDate(record.updatedAt, i18n.language) })}
        />
      </h3>
      {record.writtenOnBehalf ? (
        <p>
          <Glossed text={t("sent.writtenOnBehalf")} />
        </p>
      ) : null}
      <MeetingLine meeting={record.meeting} />
      <Answers record={record} voice={record.kind} />
      {current.canWrite ? (
        <p>
          <Link
            to={`/views?case=${encodeURIComponent(current.caseId)}&draft=${encodeURIComponent(record.id)}`}
          >
            {t("drafts.continue")}
          </Link>
        </p>
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
  actionData: ActionData;
}) {
  const { t, i18n } = useTranslation("wishes");
  const titleId = `record-${record.id}-title`;
  const mine = actionData?.which === `sharing-${record.id}` ? actionData : undefined;
  const errors = translateErrors(t, mine?.errors);
  return (
    <article className="hw-card" aria-labelledby={titleId}>
      <h3 id={titleId}>
        <Glossed
          text={
            record.submittedAt
              ? t("sent.sentOn", { date: formatDate(record.submittedAt, i18n.language) })
              : t("sent.sent")
          }
        />
      </h3>
      {record.writtenOnBehalf ? (
        <p>
          <Glossed text={t("sent.writtenOnBehalf")} />
        </p>
      ) : null}
      <MeetingLine meeting={record.meeting} />
      <Answers record={record} voice={record.kind} />
      {record.sharing && current.canWrite ? (
        <Form method="post" noValidate aria-labelledby={titleId}>
          <ErrorSummary
            title={t("auth:errors.summaryTitle")}
            errors={errors}
            formError={mine?.formError ? t(mine.formError) : undefined}
          />
          <FormErrors errors={errors}>
            <input type="hidden" name="caseId" value={current.caseId} />
            <input type="hidden" name="recordId" value={record.id} />
            <input type="hidden" name="version" value={record.version} />
            <RadioGroup
              id={`sharing-${record.id}`}
              label={t("sharing.label")}
              name="sharing"
              defaultValue={record.sharing}
              options={sharingOptions(t)}
            />
            <Button
              name="intent"
              value="change_sharing"
              variant="secondary"
              aria-describedby={titleId}
            >
              {t("sharing.save")}
            </Button>
          </FormErrors>
        </Form>
      ) : record.sharing ? (
        <p>
          <Glossed text={t("sharing.current", { who: t(`sharing.${record.sharing}.label`) })} />
        </p>
      ) : null}
      <div className="hw-notice">
        <h4>{t("reply.heading")}</h4>
        {record.reply ? (
          <>
            <p>
              {record.reply.by && record.reply.at
                ? t("reply.by", {
                    name: record.reply.by,
                    date: formatDate(record.reply.at, i18n.language),
                  })
                : t("reply.plain")}
            </p>
            <p className="hw-entry-body" dir="auto">
              {record.reply.text}
            </p>
          </>
        ) : (
          <p>
            <Glossed text={t("reply.none")} />
          </p>
        )}
      </div>
    </article>
  );
}

function SharedTitle({ record }: { record: CaseViews["sharedWithMe"][number] }) {
  const { t, i18n } = useTranslation("wishes");
  return (
    <h3 id={`shared-${record.id}-title`}>
      <Glossed
        text={
          record.submittedAt
            ? t("shared.title", {
                name: record.authorFirstName ?? "",
                date: formatDate(record.submittedAt, i18n.language),
              })
            : (record.authorFirstName ?? "")
        }
      />
    </h3>
  );
}
