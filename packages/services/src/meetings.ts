// Meetings as families see them (issue 5, item 6): upcoming and past meetings of their own
// cases, who will be there and what each is for, the minutes once they are shared with
// them, and a calendar file. Families wanted to know when the next meeting was and who
// would be there (framework.md, "What families told the evaluators").
import { createHash } from "node:crypto";
import { can, type ResourceFacts } from "@homeward/auth/policy";
import {
  type MeetingType,
  meeting,
  meetingAttendee,
  recordEntry,
  recordEntryShare,
} from "@homeward/db";
import { asc, eq, inArray } from "drizzle-orm";
import { auditRead, authorize, caseFacts, visible } from "./access.ts";
import { NotFound, type ServiceContext } from "./context.ts";
import { type FamilyCase, familyCases, londonDate } from "./family-cases.ts";

export interface MeetingView {
  meetingId: string;
  caseId: string;
  childFirstName: string;
  type: MeetingType;
  startsAt: string;
  endsAt: string | null;
  place: string;
  purpose: string;
  attendees: { name: string; role: string }[];
  /** The minutes' record entry, only once it is shared with this person. */
  minutesEntryId: string | null;
}

export interface MeetingsView {
  /** Soonest first; a meeting still going on counts as upcoming. */
  upcoming: MeetingView[];
  /** Most recent first. */
  past: MeetingView[];
}

type MeetingRow = typeof meeting.$inferSelect;

// A meeting with no end time is taken to last an hour, for "is it over?" and the calendar.
const DEFAULT_LENGTH_MS = 60 * 60 * 1000;

function endOf(row: Pick<MeetingRow, "startsAt" | "endsAt">): Date {
  return row.endsAt ?? new Date(row.startsAt.getTime() + DEFAULT_LENGTH_MS);
}

function meetingFacts(kase: FamilyCase): ResourceFacts {
  return { type: "meeting", ...kase.facts };
}

/** The minutes entries, among `entryIds`, that the policy lets this person read. */
async function readableMinutes(
  ctx: ServiceContext,
  kase: FamilyCase,
  entryIds: string[],
): Promise<Set<string>> {
  if (entryIds.length === 0) return new Set();
  const entries = await ctx.db
    .select({
      id: recordEntry.id,
      status: recordEntry.status,
      notForFamily: recordEntry.notForFamily,
      chronologistEntry: recordEntry.chronologistEntry,
    })
    .from(recordEntry)
    .where(inArray(recordEntry.id, entryIds));
  const shares = await ctx.db
    .select({ entryId: recordEntryShare.entryId, memberId: recordEntryShare.memberId })
    .from(recordEntryShare)
    .where(inArray(recordEntryShare.entryId, entryIds));
  const readable = entries.filter(
    (entry) =>
      can(
        kase.viewer,
        "read",
        {
          type: "record_entry",
          ...kase.facts,
          status: entry.status,
          notForFamily: entry.notForFamily,
          chronologistEntry: entry.chronologistEntry,
          sharedWithMemberIds: shares.filter((s) => s.entryId === entry.id).map((s) => s.memberId),
        },
        ctx.now,
      ).allowed,
  );
  return new Set(readable.map((e) => e.id));
}

/** Every meeting of one case the person may see, soonest first; not audited (callers do). */
export async function meetingsOfCase(
  ctx: ServiceContext,
  kase: FamilyCase,
): Promise<MeetingView[]> {
  const rows = visible(
    kase.viewer,
    await ctx.db
      .select()
      .from(meeting)
      .where(eq(meeting.caseId, kase.caseId))
      .orderBy(asc(meeting.startsAt)),
    () => meetingFacts(kase),
    ctx.now,
  );
  if (rows.length === 0) return [];
  const attendees = await ctx.db
    .select({
      meetingId: meetingAttendee.meetingId,
      name: meetingAttendee.name,
      role: meetingAttendee.role,
    })
    .from(meetingAttendee)
    .where(
      inArray(
        meetingAttendee.meetingId,
        rows.map((r) => r.id),
      ),
    );
  const minutes = await readableMinutes(
    ctx,
    kase,
    rows.flatMap((r) => (r.minutesEntryId ? [r.minutesEntryId] : [])),
  );
  return rows.map((row) => ({
    meetingId: row.id,
    caseId: row.caseId,
    childFirstName: kase.childFirstName,
    type: row.type,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt?.toISOString() ?? null,
    place: row.place,
    purpose: row.purpose,
    attendees: attendees
      .filter((a) => a.meetingId === row.id)
      .map(({ name, role }) => ({ name, role })),
    minutesEntryId:
      row.minutesEntryId && minutes.has(row.minutesEntryId) ? row.minutesEntryId : null,
  }));
}

/** Whether a meeting (as a view) has not finished yet at `now`. */
export function isUpcoming(view: Pick<MeetingView, "startsAt" | "endsAt">, now: Date): boolean {
  const startsAt = new Date(view.startsAt);
  const endsAt = view.endsAt ? new Date(view.endsAt) : null;
  return endOf({ startsAt, endsAt }) > now;
}

/** Upcoming and past meetings of every case the person is on; each case's read is audited. */
export async function meetingsFor(ctx: ServiceContext): Promise<MeetingsView> {
  const all: MeetingView[] = [];
  for (const kase of await familyCases(ctx)) {
    const views = await meetingsOfCase(ctx, kase);
    all.push(...views);
    await auditRead(ctx, {
      resourceType: "meeting_list",
      caseId: kase.caseId,
      onBehalfOfMemberId: kase.onBehalfOfMemberId,
      detail: {
        meetingIds: views.map((v) => v.meetingId),
        minutesEntryIds: views.flatMap((v) => (v.minutesEntryId ? [v.minutesEntryId] : [])),
      },
    });
  }
  const byStart = (a: MeetingView, b: MeetingView) => a.startsAt.localeCompare(b.startsAt);
  return {
    upcoming: all.filter((v) => isUpcoming(v, ctx.now)).sort(byStart),
    past: all
      .filter((v) => !isUpcoming(v, ctx.now))
      .sort(byStart)
      .reverse(),
  };
}

// ---------------------------------------------------------------------------------------
// The calendar file (RFC 5545)

/** The words of a calendar event, in the person's language, chosen by the app. */
export interface IcsText {
  summary: string;
  description: string;
}

/** RFC 5545 3.3.11: backslash, semicolon, comma and newlines are escaped in TEXT values. */
export function escapeIcsText(value: string): string {
  return value
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n");
}

const encoder = new TextEncoder();

/**
 * RFC 5545 3.1: lines longer than 75 octets are folded with CRLF and a space; a multi-byte
 * character (Arabic, Welsh accents) is never split across lines.
 */
export function foldIcsLine(line: string): string {
  const parts: string[] = [];
  let current = "";
  let octets = 0;
  for (const char of line) {
    const size = encoder.encode(char).length;
    // The first line holds 75 octets; each continuation line starts with a space, so 74.
    const limit = parts.length === 0 ? 75 : 74;
    if (octets + size > limit) {
      parts.push(current);
      current = "";
      octets = 0;
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join("\r\n ");
}

function icsDateTime(date: Date): string {
  return date
    .toISOString()
    .replace(/[-:]/g, "")
    .replace(/\.\d{3}/, "");
}

/**
 * A calendar file for one meeting. It leaves the person's control (phones sync calendars),
 * so it carries only the kind of meeting, its time and its place: no names, no purpose, no
 * case details. The UID is derived from the meeting id so a re-download updates the event.
 */
export async function meetingIcs(
  ctx: ServiceContext,
  meetingId: string,
  text: (type: MeetingType) => IcsText,
): Promise<{ filename: string; body: string }> {
  const [row] = await ctx.db
    .select({
      id: meeting.id,
      caseId: meeting.caseId,
      type: meeting.type,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      place: meeting.place,
    })
    .from(meeting)
    .where(eq(meeting.id, meetingId))
    .limit(1);
  if (!row) throw new NotFound(`meeting ${meetingId}`);
  const facts = await caseFacts(ctx, row.caseId);
  const { decision } = await authorize(ctx, "read", { type: "meeting", id: meetingId, ...facts });
  const words = text(row.type);
  const uid = createHash("sha256").update(`homeward-meeting:${row.id}`).digest("hex").slice(0, 32);
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Homeward//Family portal//EN",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    "BEGIN:VEVENT",
    `UID:${uid}@homeward`,
    `DTSTAMP:${icsDateTime(ctx.now)}`,
    `DTSTART:${icsDateTime(row.startsAt)}`,
    `DTEND:${icsDateTime(endOf(row))}`,
    `SUMMARY:${escapeIcsText(words.summary)}`,
    `LOCATION:${escapeIcsText(row.place)}`,
    `DESCRIPTION:${escapeIcsText(words.description)}`,
    "END:VEVENT",
    "END:VCALENDAR",
  ];
  await auditRead(ctx, {
    resourceType: "meeting",
    resourceId: meetingId,
    caseId: row.caseId,
    onBehalfOfMemberId: decision.onBehalfOf,
    detail: { format: "ics" },
  });
  return {
    filename: `meeting-${londonDate(row.startsAt)}.ics`,
    body: `${lines.map(foldIcsLine).join("\r\n")}\r\n`,
  };
}
