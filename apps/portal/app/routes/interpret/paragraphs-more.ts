// The side-by-side view's paragraphs for the person's meetings, plan, and views or wishes
// (issue 8): built like paragraphs.ts, from the same view models the meetings, plan and views
// pages render, with those pages' own keys, so the two columns say what the person reads.
// What people wrote (places, purposes, plans' text, answers, replies) is kept as written.
import { VIEWS_PROMPTS } from "@homeward/rules";
import type { MeetingView } from "@homeward/services/meetings";
import type { FamilyPlanCase } from "@homeward/services/plans";
import type { CaseViews, MeetingChoice, ViewsAnswers } from "@homeward/services/views";
import { formatDate, formatDateTime } from "../../lib/dates.ts";
import { calendarDate, meetingDay, meetingTimes } from "../meetings/dates.ts";
import type { Block, Words } from "./paragraphs.ts";

function meetingBlocks(meeting: MeetingView, past: boolean, w: Words): Block[] {
  const { t } = w;
  const out: Block[] = [{ kind: "h3", text: t(`meetings:types.${meeting.type}`) }];
  out.push({
    kind: "p",
    text: `${t("meetings:when")} ${t("meetings:time", {
      day: meetingDay(meeting.startsAt, w.language),
      time: meetingTimes(meeting.startsAt, meeting.endsAt, w.language),
    })}`,
  });
  out.push({ kind: "p", text: t("meetings:where") });
  out.push({ kind: "written", text: meeting.place });
  out.push({ kind: "p", text: t("meetings:why") });
  out.push({ kind: "written", text: meeting.purpose });
  out.push({ kind: "p", text: past ? t("meetings:whoPast") : t("meetings:who") });
  for (const a of meeting.attendees) {
    out.push({ kind: "li", text: t("meetings:attendee", { name: a.name, role: a.role }) });
  }
  if (past) {
    out.push({
      kind: "p",
      text: meeting.minutesEntryId ? t("meetings:minutes") : t("meetings:noMinutes"),
    });
  }
  return out;
}

/** The meetings page for one case: coming up (soonest first), then past (latest first). */
export function meetingsBlocks(
  meetings: { upcoming: readonly MeetingView[]; past: readonly MeetingView[] },
  w: Words,
): Block[] {
  const { t } = w;
  const out: Block[] = [{ kind: "p", text: t("meetings:intro") }];
  out.push({ kind: "h2", text: t("meetings:upcoming") });
  if (meetings.upcoming.length === 0) out.push({ kind: "p", text: t("meetings:noUpcoming") });
  for (const m of meetings.upcoming) out.push(...meetingBlocks(m, false, w));
  out.push({ kind: "h2", text: t("meetings:past") });
  if (meetings.past.length === 0) out.push({ kind: "p", text: t("meetings:noPast") });
  for (const m of meetings.past) out.push(...meetingBlocks(m, true, w));
  return out;
}

// As on the plan page: where return is not possible, the explanation comes first.
const PLAN_ORDER = ["alternative_permanence", "contact", "reunification", "support"] as const;

/** The plan page for one case. */
export function planBlocks(kase: FamilyPlanCase, w: Words): Block[] {
  const { t } = w;
  const date = (day: string) => calendarDate(day, w.language);
  const child = kase.childFirstName;
  const out: Block[] = [
    {
      kind: "h2",
      text: kase.forYoungPerson ? t("plan:caseHeadingYoung") : t("plan:caseHeading", { child }),
    },
  ];
  const plans = [...kase.plans].sort(
    (a, b) => PLAN_ORDER.indexOf(a.kind) - PLAN_ORDER.indexOf(b.kind),
  );
  if (plans.length === 0) out.push({ kind: "p", text: t("plan:noPlan") });
  else out.push({ kind: "p", text: t("plan:intro") });
  for (const plan of plans) {
    out.push({ kind: "h3", text: t(`plan:kinds.${plan.kind}`, { child }) });
    // Written words inside a sentence (a timescale, a service) stay in both columns, as the
    // page says them: the sentence around them is what needs interpreting.
    if (plan.timescale) {
      out.push({ kind: "p", text: t("plan:when", { timescale: plan.timescale }) });
    }
    if (plan.familyExplanation) {
      out.push({ kind: "p", text: t("plan:why") });
      out.push({ kind: "written", text: plan.familyExplanation });
    }
    if (plan.summary) {
      out.push({ kind: "p", text: t("plan:whatHappens") });
      out.push({ kind: "written", text: plan.summary });
    }
    if (plan.services.length > 0) {
      out.push({ kind: "p", text: t("plan:help") });
      for (const s of plan.services) {
        out.push({
          kind: "li",
          text: t("plan:service", {
            service: s.service,
            provider: s.provider,
            status: t(`plan:serviceStatus.${s.status}`),
          }),
        });
      }
    }
    if (plan.roles.length > 0) {
      out.push({ kind: "p", text: t("plan:who") });
      for (const r of plan.roles) {
        out.push({ kind: "li", text: t("plan:role", { who: r.who, role: r.role }) });
      }
    }
    if (plan.reviewPoints.length > 0) {
      out.push({ kind: "p", text: t("plan:reviews") });
      if (plan.nextReview) {
        out.push({
          kind: "p",
          text: t("plan:nextReview", {
            date: date(plan.nextReview.date),
            what: plan.nextReview.what,
          }),
        });
      }
      for (const p of plan.reviewPoints) {
        out.push({ kind: "li", text: t("plan:reviewItem", { date: date(p.date), what: p.what }) });
      }
    }
  }
  if (kase.home) {
    const home = kase.home;
    out.push({ kind: "h3", text: t("plan:home.heading") });
    out.push({
      kind: "p",
      text: kase.forYoungPerson
        ? t("plan:home.sinceYoung", { date: date(home.since) })
        : t("plan:home.since", { child, date: date(home.since) }),
    });
    out.push({ kind: "p", text: t("plan:home.intro") });
    if (home.nextVisit) {
      out.push({ kind: "p", text: t("plan:home.nextVisit", { date: date(home.nextVisit) }) });
    }
    out.push({ kind: "p", text: t("plan:home.visits") });
    for (const v of home.visits) {
      out.push({
        kind: "li",
        text: t(v.happened ? "plan:visitItemDone" : "plan:visitItem", {
          date: date(v.date),
          visit: t(`plan:frequency.${v.frequency}`),
        }),
      });
    }
    out.push({ kind: "p", text: t("plan:home.checks") });
    for (const day of home.checks) out.push({ kind: "li", text: date(day) });
  }
  if (plans.length > 0) out.push({ kind: "p", text: t("plan:ask") });
  return out;
}

function meetingLine(meeting: MeetingChoice | null, w: Words): Block[] {
  if (!meeting) return [];
  const label = w.t("wishes:meeting.option", {
    type: w.t(`wishes:meetingTypes.${meeting.type}`),
    date: formatDateTime(meeting.startsAt, w.language),
  });
  return [{ kind: "p", text: w.t("wishes:sent.forMeeting", { meeting: label }) }];
}

function answerBlocks(record: ViewsAnswers, voice: CaseViews["voice"], w: Words): Block[] {
  return VIEWS_PROMPTS.filter((prompt) => record[prompt]).flatMap((prompt): Block[] => [
    { kind: "p", text: w.t(`wishes:answers.${voice}.${prompt}`) },
    { kind: "written", text: record[prompt] ?? "" },
  ]);
}

/**
 * The views (a parent's) or wishes and feelings (a young person's) page for one case: what
 * the person wrote or saved, the replies, and for a parent what their child chose to share.
 * The view model is read as the person, so a young person's private wishes are here only
 * when the person is that young person.
 */
export function viewsBlocks(current: CaseViews, w: Words): Block[] {
  const { t } = w;
  const day = (iso: string) => formatDate(iso, w.language);
  const out: Block[] = [
    {
      kind: "h2",
      text: current.actingFor
        ? t(`wishes:titleFor.${current.voice}`, { name: current.actingFor })
        : t(`wishes:title.${current.voice}`),
    },
    { kind: "p", text: t(`wishes:intro.${current.voice}`) },
  ];
  const drafts = current.records.filter((r) => r.status === "draft");
  const sent = current.records.filter((r) => r.status === "submitted");
  if (drafts.length > 0) {
    out.push({ kind: "h2", text: t("wishes:drafts.heading") });
    for (const record of drafts) {
      out.push({ kind: "h3", text: t("wishes:drafts.savedOn", { date: day(record.updatedAt) }) });
      if (record.writtenOnBehalf) out.push({ kind: "p", text: t("wishes:sent.writtenOnBehalf") });
      out.push(...meetingLine(record.meeting, w), ...answerBlocks(record, record.kind, w));
    }
  }
  out.push({ kind: "h2", text: t("wishes:sent.heading") });
  if (sent.length === 0) out.push({ kind: "p", text: t("wishes:sent.none") });
  for (const record of sent) {
    out.push({
      kind: "h3",
      text: record.submittedAt
        ? t("wishes:sent.sentOn", { date: day(record.submittedAt) })
        : t("wishes:sent.sent"),
    });
    if (record.writtenOnBehalf) out.push({ kind: "p", text: t("wishes:sent.writtenOnBehalf") });
    out.push(...meetingLine(record.meeting, w), ...answerBlocks(record, record.kind, w));
    if (record.sharing) {
      out.push({
        kind: "p",
        text: t("wishes:sharing.current", { who: t(`wishes:sharing.${record.sharing}.label`) }),
      });
    }
    out.push({ kind: "p", text: t("wishes:reply.heading") });
    if (record.reply) {
      out.push({
        kind: "p",
        text:
          record.reply.by && record.reply.at
            ? t("wishes:reply.by", { name: record.reply.by, date: day(record.reply.at) })
            : t("wishes:reply.plain"),
      });
      out.push({ kind: "written", text: record.reply.text });
    } else {
      out.push({ kind: "p", text: t("wishes:reply.none") });
    }
  }
  if (current.voice === "parent_views") {
    out.push({ kind: "h2", text: t("wishes:shared.heading") });
    if (current.sharedWithMe.length === 0) out.push({ kind: "p", text: t("wishes:shared.none") });
    for (const record of current.sharedWithMe) {
      const name = record.authorFirstName ?? current.childFirstName;
      out.push({
        kind: "h3",
        text: record.submittedAt
          ? t("wishes:shared.title", { name, date: day(record.submittedAt) })
          : name,
      });
      out.push({ kind: "p", text: t("wishes:shared.intro", { name }) });
      out.push(
        ...meetingLine(record.meeting, w),
        ...answerBlocks(record, "young_person_wishes", w),
      );
    }
  }
  return out;
}
