// Numbers on the manager view and in its CSV, in the reader's language.
import { intlLocale } from "@homeward/i18n";

/** A share as a whole percentage ("42%"), or null when there is nothing to divide by. */
export function percent(rate: number | null, language: string): string | null {
  if (rate === null) return null;
  return new Intl.NumberFormat(intlLocale(language), {
    style: "percent",
    maximumFractionDigits: 0,
  }).format(rate);
}

/** A whole number in the reader's digits. */
export function whole(n: number, language: string): string {
  return new Intl.NumberFormat(intlLocale(language)).format(n);
}

/** A share as a number of percent with one decimal, for spreadsheets (41.7). */
export function percentNumber(rate: number | null): number | null {
  return rate === null ? null : Math.round(rate * 1000) / 10;
}
