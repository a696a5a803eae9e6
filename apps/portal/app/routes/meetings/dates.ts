// Dates and times on the home, traffic light and meetings pages, in the reader's language.
// Meetings happen in England, so their times are shown in London time whatever the device
// says; calendar dates (YYYY-MM-DD) are formatted as the day they name.
import { dateTimeFormat, intlLocale } from "@homeward/i18n";

const london = "Europe/London";

// Each language's own Intl locale (British English, Gregorian calendar, the digits its
// translation uses): see intlLocale in @homeward/i18n.
const locale = intlLocale;

/** "Thursday 3 December 2026" in the reader's language. */
export function meetingDay(iso: string, language: string): string {
  return dateTimeFormat(locale(language), {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: london,
  }).format(new Date(iso));
}

/** "10:00 – 11:30", or just the start when the end is not known. */
export function meetingTimes(start: string, end: string | null, language: string): string {
  const format = dateTimeFormat(locale(language), {
    hour: "numeric",
    minute: "2-digit",
    timeZone: london,
  });
  return end ? format.formatRange(new Date(start), new Date(end)) : format.format(new Date(start));
}

/** A calendar date such as a deadline: "7 December 2026". */
export function calendarDate(day: string, language: string): string {
  return dateTimeFormat(locale(language), {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${day}T00:00:00Z`));
}
