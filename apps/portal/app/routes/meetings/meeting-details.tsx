// One meeting's details - what, when, where, what for, who - shared by the home page and
// the meetings page so both say it the same way.
import { Glossed, useTranslation } from "@homeward/i18n/react";
import type { MeetingView } from "@homeward/services/meetings";
import { meetingDay, meetingTimes } from "./dates.ts";

export function MeetingDetails({
  meeting,
  past = false,
}: {
  meeting: MeetingView;
  past?: boolean;
}) {
  const { t, i18n } = useTranslation("meetings");
  return (
    <dl>
      <dt>{t("what")}</dt>
      <dd>
        <Glossed text={t(`types.${meeting.type}`)} />
      </dd>
      <dt>{t("when")}</dt>
      <dd>
        {t("time", {
          day: meetingDay(meeting.startsAt, i18n.language),
          time: meetingTimes(meeting.startsAt, meeting.endsAt, i18n.language),
        })}
      </dd>
      <dt>{t("where")}</dt>
      {/* The place and the purpose are what the social worker wrote: theirs, not glossed. */}
      <dd dir="auto">{meeting.place}</dd>
      <dt>{t("why")}</dt>
      <dd dir="auto">{meeting.purpose}</dd>
      <dt>{past ? t("whoPast") : t("who")}</dt>
      <dd>
        <ul>
          {meeting.attendees.map((a) => (
            <li key={a.name}>
              <Glossed
                text={t("attendee", { name: a.name, role: a.role })}
                keep={[a.name, a.role]}
              />
            </li>
          ))}
        </ul>
      </dd>
    </dl>
  );
}

/** The calendar file's address: a resource route, so a plain link (not client navigation). */
export function calendarHref(meetingId: string): string {
  return `/meetings/${encodeURIComponent(meetingId)}/calendar.ics`;
}
