import { auditEvent, caseMember, demoIds, meeting } from "@homeward/db";
import { databaseUnderTest } from "@homeward/db/testing";
import { and, eq, isNull } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AccessDenied, NotFound } from "./context.ts";
import { escapeIcsText, foldIcsLine, meetingIcs, meetingsFor } from "./meetings.ts";
import { type SeededDatabase, seededDatabase } from "./testing.ts";

const { entries, meetings } = demoIds;
const friday = new Date("2026-11-27T09:00:00Z");
const words = (type: string) => ({
  summary: `Homeward: ${type} meeting`,
  description: "A meeting about your family's plan. Details are in Homeward.",
});

describe(`meetings for families on ${databaseUnderTest}`, () => {
  let seeded: SeededDatabase;
  beforeAll(async () => {
    seeded = await seededDatabase();
    await seeded.handle.db
      .update(caseMember)
      .set({ activeFrom: new Date("2025-01-01T00:00:00Z") })
      .where(isNull(caseMember.consentRecordedAt));
  });
  afterAll(() => seeded.handle.dispose());

  it("shows Amira the coming review: when, where, why and who will be there", async () => {
    const view = await meetingsFor(seeded.as("arabicParent", { now: friday }));
    expect(view.past).toEqual([]);
    expect(view.upcoming).toHaveLength(1);
    const [review] = view.upcoming;
    expect(review).toMatchObject({
      meetingId: meetings.yasminReview,
      childFirstName: "Yasmin",
      type: "review",
      startsAt: "2026-12-03T10:00:00.000Z",
      endsAt: "2026-12-03T11:30:00.000Z",
      place: "Eastfield Family Centre, Room 2",
      purpose: expect.stringContaining("weekend stays"),
      minutesEntryId: null,
    });
    expect(review?.attendees).toContainEqual({ name: "Sarah Okafor", role: "social worker" });
    expect(review?.attendees).toHaveLength(6);
  });

  it("only lists meetings of the person's own cases", async () => {
    const leah = await meetingsFor(seeded.as("parent", { now: friday }));
    expect([...leah.upcoming, ...leah.past].map((m) => m.meetingId)).toEqual([
      meetings.miaPlanning,
    ]);
  });

  it("links the minutes once they are shared with the person, for them and their advocate", async () => {
    const kerry = await meetingsFor(seeded.as("ldParent", { now: friday }));
    expect(kerry.upcoming).toEqual([]);
    expect(kerry.past.map((m) => [m.meetingId, m.minutesEntryId])).toEqual([
      [meetings.tylerPermanence, entries.tylerMinutes],
    ]);
    const ruth = await meetingsFor(seeded.as("advocate", { now: friday }));
    expect(ruth.past[0]?.minutesEntryId).toBe(entries.tylerMinutes);
  });

  it("hides the minutes link from someone the minutes are not shared with", async () => {
    const db = seeded.handle.db;
    // Minutes shared with Yasmin only: her mum must not get a link to them.
    await db
      .update(meeting)
      .set({ minutesEntryId: entries.yasminSharedWithYasmin })
      .where(eq(meeting.id, meetings.yasminReview));
    try {
      const amira = await meetingsFor(seeded.as("arabicParent", { now: friday }));
      const yasmin = await meetingsFor(seeded.as("youngPerson", { now: friday }));
      expect(amira.upcoming[0]?.minutesEntryId).toBeNull();
      expect(yasmin.upcoming[0]?.minutesEntryId).toBe(entries.yasminSharedWithYasmin);
    } finally {
      await db
        .update(meeting)
        .set({ minutesEntryId: null })
        .where(eq(meeting.id, meetings.yasminReview));
    }
  });

  it("audits each case's meeting list", async () => {
    await meetingsFor(seeded.as("arabicParent", { now: friday }));
    const [read] = await seeded.handle.db
      .select()
      .from(auditEvent)
      .where(
        and(
          eq(auditEvent.resourceType, "meeting_list"),
          eq(auditEvent.actorUserId, seeded.users.arabicParent),
        ),
      );
    expect(read).toMatchObject({ caseId: demoIds.cases.yasmin, outcome: "allowed" });
  });

  describe("the calendar file", () => {
    it("is an RFC 5545 calendar with the time in UTC, the type and the place, and no names", async () => {
      const { filename, body } = await meetingIcs(
        seeded.as("arabicParent", { now: friday }),
        meetings.yasminReview,
        words,
      );
      expect(filename).toBe("meeting-2026-12-03.ics");
      expect(body.startsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n")).toBe(true);
      expect(body.endsWith("END:VEVENT\r\nEND:VCALENDAR\r\n")).toBe(true);
      // CRLF only: no bare line feeds.
      expect(body.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
      const lines = body.split("\r\n");
      expect(lines).toContain("DTSTART:20261203T100000Z");
      expect(lines).toContain("DTEND:20261203T113000Z");
      expect(lines).toContain("DTSTAMP:20261127T090000Z");
      expect(lines).toContain("SUMMARY:Homeward: review meeting");
      expect(lines).toContain("LOCATION:Eastfield Family Centre\\, Room 2");
      expect(lines.find((l) => l.startsWith("UID:"))).toMatch(/^UID:[0-9a-f]{32}@homeward$/);
      for (const line of lines)
        expect(new TextEncoder().encode(line).length).toBeLessThanOrEqual(75);
      for (const name of ["Yasmin", "Amira", "Yusuf", "Sarah", "Okafor", "Joanne", "Nadia"]) {
        expect(body).not.toContain(name);
      }
    });

    it("keeps the same UID on every download, so a calendar updates rather than duplicates", async () => {
      const uid = async (now: Date) =>
        (await meetingIcs(seeded.as("youngPerson", { now }), meetings.yasminReview, words)).body
          .split("\r\n")
          .find((l) => l.startsWith("UID:"));
      expect(await uid(friday)).toBe(await uid(new Date("2026-11-30T12:00:00Z")));
    });

    it("is refused for another family's meeting (audited), and not found for no meeting", async () => {
      const leah = seeded.as("parent", { now: friday });
      await expect(meetingIcs(leah, meetings.yasminReview, words)).rejects.toBeInstanceOf(
        AccessDenied,
      );
      const [denied] = await seeded.handle.db
        .select()
        .from(auditEvent)
        .where(
          and(eq(auditEvent.resourceId, meetings.yasminReview), eq(auditEvent.outcome, "denied")),
        );
      expect(denied).toMatchObject({ actorUserId: seeded.users.parent, resourceType: "meeting" });
      await expect(meetingIcs(leah, "meeting-none", words)).rejects.toBeInstanceOf(NotFound);
    });

    it("escapes TEXT values and folds long lines without splitting a character", () => {
      expect(escapeIcsText("Room 2, Floor 1; back\\door\nleft")).toBe(
        "Room 2\\, Floor 1\\; back\\\\door\\nleft",
      );
      const arabic = `SUMMARY:${"اجتماع المراجعة ".repeat(10)}`;
      const folded = foldIcsLine(arabic);
      const parts = folded.split("\r\n");
      expect(parts.length).toBeGreaterThan(1);
      for (const part of parts)
        expect(new TextEncoder().encode(part).length).toBeLessThanOrEqual(75);
      expect(parts.slice(1).every((p) => p.startsWith(" "))).toBe(true);
      // Unfolding gives back the line exactly.
      expect(folded.replace(/\r\n /g, "")).toBe(arabic);
    });
  });
});
