// Meetings (issue 5, item 6): what is coming up and what has happened, who will be there,
// a calendar file for each, and the minutes once they are shared with the person.
import { Glossed, useTranslation } from "@homeward/i18n/react";
import { requireViewer, services, requestMemo } from "@homeward/runtime";
import { type MeetingView, meetingsFor } from "@homeward/services/meetings";
import { PageTitle } from "@homeward/ui";
import { Link } from "react-router";
import type { Route } from "./+types/index";
import { calendarHref, MeetingDetails } from "./meeting-details.tsx";

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = await requireViewer(context, request);
  return meetingsFor({
    db: services(context).db,
    userId: viewer.userId,
    kind: viewer.kind,
    app: "portal",
    now: services(context).clock(),
    memo: requestMemo(context, request),
  });
}

export default function Meetings({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("meetings");
  const { upcoming, past } = loaderData;
  // Name the child only when the person's meetings are about more than one child.
  const children = new Set([...upcoming, ...past].map((m) => m.caseId));
  const showChild = children.size > 1;
  return (
    <>
      <PageTitle page={t("title")} app={t("common:portal.name")} />
      <h1>{t("title")}</h1>
      <p>
        <Glossed text={t("intro")} />
      </p>
      <h2>
        <Glossed text={t("upcoming")} />
      </h2>
      {upcoming.length === 0 ? (
        <p>
          <Glossed text={t("noUpcoming")} />
        </p>
      ) : (
        upcoming.map((m) => <MeetingCard key={m.meetingId} meeting={m} showChild={showChild} />)
      )}
      <h2>
        <Glossed text={t("past")} />
      </h2>
      {past.length === 0 ? (
        <p>
          <Glossed text={t("noPast")} />
        </p>
      ) : (
        past.map((m) => <MeetingCard key={m.meetingId} meeting={m} showChild={showChild} past />)
      )}
    </>
  );
}

function MeetingCard({
  meeting,
  showChild,
  past = false,
}: {
  meeting: MeetingView;
  showChild: boolean;
  past?: boolean;
}) {
  const { t } = useTranslation("meetings");
  const headingId = `meeting-${meeting.meetingId}`;
  return (
    <article className="hw-card" aria-labelledby={headingId}>
      <h3 id={headingId}>
        <Glossed text={t(`types.${meeting.type}`)} />
      </h3>
      {showChild ? (
        <p>
          <Glossed text={t("forChild", { child: meeting.childFirstName })} />
        </p>
      ) : null}
      <MeetingDetails meeting={meeting} past={past} />
      {past ? (
        meeting.minutesEntryId ? (
          <p>
            <Link to={`/records/${encodeURIComponent(meeting.minutesEntryId)}`}>
              {t("minutes")}
            </Link>
          </p>
        ) : (
          <p>
            <Glossed text={t("noMinutes")} />
          </p>
        )
      ) : (
        <p>
          <a href={calendarHref(meeting.meetingId)} download>
            {t("calendar")}
          </a>
          <br />
          <span className="hw-field__description">
            <Glossed text={t("calendarHint")} />
          </span>
        </p>
      )}
    </article>
  );
}
