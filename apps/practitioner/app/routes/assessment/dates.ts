// Calendar dates (YYYY-MM-DD) and instants on the assessment and decision pages, in the
// reader's language: "20 November 2026".
import { intlLocale } from "@homeward/i18n";

export function calendarDay(day: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${day.slice(0, 10)}T00:00:00Z`));
}

/** An instant as its calendar day in England. */
export function londonDay(iso: string, language: string): string {
  return new Intl.DateTimeFormat(intlLocale(language), {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/London",
  }).format(new Date(iso));
}
