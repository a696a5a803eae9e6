// Calendar dates (YYYY-MM-DD) on the caseload and case pages, in the reader's language.
import { intlLocale } from "@homeward/i18n";

// Homeward's English is British English: "3 December 2026"; each language's Intl locale is
// intlLocale in @homeward/i18n.
const locale = intlLocale;

/** A calendar date such as a due date: "3 December 2026". */
export function calendarDate(day: string, language: string): string {
  return new Intl.DateTimeFormat(locale(language), {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${day}T00:00:00Z`));
}

/** A language's name in the reader's language ("ar" -> "Arabic"); the code if unknown. */
export function languageName(code: string, language: string): string {
  try {
    return new Intl.DisplayNames([locale(language)], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}
