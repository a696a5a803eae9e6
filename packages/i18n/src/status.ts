// How far each language's translation has been checked (translation-status.json). Pages in a
// language that no qualified translator has reviewed say so, with a way to read in English.
import status from "../translation-status.json" with { type: "json" };

export type TranslationStatus = "source" | "drafted" | "reviewed";

const statuses = status as unknown as Record<string, { status?: string } | undefined>;

/** The recorded status; a language with no record counts as drafted (not yet checked). */
export function translationStatusOf(code: string): TranslationStatus {
  const value = statuses[code]?.status;
  return value === "source" || value === "reviewed" ? value : "drafted";
}

/** Whether pages in this language show the "not yet checked by a translator" note. */
export function needsTranslationNote(code: string): boolean {
  return translationStatusOf(code) === "drafted";
}
