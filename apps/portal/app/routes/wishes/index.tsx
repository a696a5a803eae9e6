import { casesForFamilyMember } from "@homeward/db";
import { Glossed, useTranslation } from "@homeward/i18n/react";
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
import { PageTitle } from "@homeward/ui";
import { data, Link, redirect, type ShouldRevalidateFunctionArgs } from "react-router";
import { formatDate } from "../../lib/dates.ts";
import { translateErrors } from "../../lib/errors.ts";
import { familyContext, orRefuse } from "../../lib/service-context.server.ts";
import { EasyViews } from "../../easy-read/easy-views.tsx";
import { ReadModeSwitch } from "../../easy-read/read-mode-switch.tsx";
import { readModeFor } from "../../lib/read-mode.server.ts";
import type { Route } from "./+types/index";
import { AnswerList, meetingLabel, SharingForm, ViewsForm } from "./views-forms.tsx";

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
  const voice = current.voice;
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
      <ViewsForm
        ns="wishes"
        current={current}
        draft={draft}
        typed={mine?.values}
        errors={errors}
        formError={mine?.formError ? t(mine.formError) : undefined}
        savedVersion={
          mine?.formError === "wishes:errors.stale" && draft ? (
            <div className="hw-card">
              <h3>
                <Glossed text={t("write.savedVersion")} />
              </h3>
              <Answers record={draft} voice={voice} />
            </div>
          ) : null
        }
      />
    </section>
  );
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
  return (
    <AnswerList
      record={record}
      question={(prompt) => <Glossed text={t(`answers.${voice}.${prompt}`)} />}
    />
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
        <SharingForm
          ns="wishes"
          current={current}
          record={record}
          titleId={titleId}
          errors={errors}
          formError={mine?.formError ? t(mine.formError) : undefined}
        />
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
