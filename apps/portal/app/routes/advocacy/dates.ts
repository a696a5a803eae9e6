import { dateTimeFormat, intlLocale } from "@homeward/i18n";

/** The day an instant falls on in London ("31 March 2027"): access ends at a day's end there. */
export function londonDay(iso: string, language: string): string {
  return dateTimeFormat(intlLocale(language), {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "Europe/London",
  }).format(new Date(iso));
}
