import { dateTimeFormat, intlLocale } from "@homeward/i18n";

/**
 * Formats a calendar date (YYYY-MM-DD) or an instant for the reader's language. Calendar
 * dates are formatted in UTC so "3 December" never becomes "2 December" across time zones.
 */
export function formatDate(value: string, language: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T00:00:00Z`) : new Date(value);
  return dateTimeFormat(intlLocale(language), {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(date);
}

/** A meeting time in the UK's own time zone, where every Homeward meeting takes place. */
export function formatDateTime(value: string, language: string): string {
  return dateTimeFormat(intlLocale(language), {
    dateStyle: "full",
    timeStyle: "short",
    timeZone: "Europe/London",
  }).format(new Date(value));
}
