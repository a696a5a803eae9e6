// Bidirectional text inside translated sentences. A name, date, reference or anything a person
// typed is inserted into a sentence through i18next interpolation; in a right-to-left sentence
// a Latin name followed by a full stop, or a date such as "3/12", can be reordered by the
// Unicode bidi algorithm and read wrongly. Wrapping each inserted value in FIRST STRONG
// ISOLATE ... POP DIRECTIONAL ISOLATE gives it its own direction without disturbing the
// sentence: the plain-text equivalent of <bdi>, so it also works in titles, attributes and
// emails, where no element can be used.
import { intlLocale, type LanguageCode } from "./config.ts";

export const FSI = "\u2068";
export const PDI = "\u2069";

// Hebrew, Arabic, Syriac, Thaana, N'Ko and the Arabic presentation forms: characters whose
// own direction is right to left.
const rightToLeft = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufeff]/;

/** Does the text contain a right-to-left letter? */
export function hasRightToLeft(text: string): boolean {
  return rightToLeft.test(text);
}

/** The text isolated from the sentence around it (empty text stays empty). */
export function isolate(text: string): string {
  return text ? `${FSI}${text}${PDI}` : text;
}

/** Removes the isolation marks again, e.g. from a code copied out of an email. */
export function withoutBidiControls(text: string): string {
  return text.replace(/[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, "");
}

/**
 * Digits typed on an Arabic, Urdu, Pashto or Bengali keyboard (or copied from a page in those
 * languages) as the Western digits codes are checked against, with bidi marks removed.
 */
export function asciiDigits(text: string): string {
  return withoutBidiControls(text).replace(
    /[\u0660-\u0669\u06f0-\u06f9\u09e6-\u09ef]/g,
    (digit) => {
      const code = digit.codePointAt(0) ?? 0;
      const zero = code >= 0x09e6 ? 0x09e6 : code >= 0x06f0 ? 0x06f0 : 0x0660;
      return String(code - zero);
    },
  );
}

// A URL stands alone (on its own line in emails): mail programs must find it unchanged to make
// it a link, so it is never wrapped.
const url = /^[a-z][a-z\d+.-]*:\/\//i;

const numberFormats = new Map<string, Intl.NumberFormat>();
function numberFormat(lng: LanguageCode): Intl.NumberFormat {
  let format = numberFormats.get(lng);
  if (!format) {
    // "min2": 12,345 is grouped but a year such as 2026 is not.
    format = new Intl.NumberFormat(intlLocale(lng), {
      useGrouping: "min2",
    } as Intl.NumberFormatOptions);
    numberFormats.set(lng, format);
  }
  return format;
}

/**
 * How a value is written into a translated sentence of language `lng` (direction `dir`):
 * numbers in the language's own digits (Intl), and text isolated whenever it could be
 * reordered - always in a right-to-left language, and in a left-to-right one only when the
 * value itself holds right-to-left letters (an Arabic name in an English sentence). Latin text
 * in a left-to-right sentence is left exactly as it is.
 */
export function interpolatedValue(value: unknown, lng: LanguageCode, dir: "ltr" | "rtl"): string {
  if (typeof value === "number" || typeof value === "bigint")
    return numberFormat(lng).format(value);
  if (value === null || value === undefined) return "";
  const text = String(value);
  if (!text || url.test(text)) return text;
  return dir === "rtl" || hasRightToLeft(text) ? isolate(text) : text;
}
