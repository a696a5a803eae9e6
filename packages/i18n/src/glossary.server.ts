// Server-only: the glossary of one language, read from the bundled translations. The portal
// sends just the small phrase index with every page (for inline links) and the full entries
// only to the glossary page, so the explanations are not in every page's weight.
import type { LanguageCode } from "./config.ts";
import { type GlossaryTerm, phrasesOf } from "./glossary-links.ts";
import { resources } from "./resources.ts";

export type GlossaryEntry = { id: string; term: string; explanation: string; forYou: string };

type RawTerm = { term: string; explanation: string; forYou: string; matches: string };

function rawTerms(lng: LanguageCode): Record<string, RawTerm> {
  const ns = (resources[lng].glossary ?? resources.en.glossary) as
    | { terms?: Record<string, RawTerm> }
    | undefined;
  return ns?.terms ?? {};
}

/** Every entry, sorted alphabetically in the language's own order. */
export function glossaryEntries(lng: LanguageCode): GlossaryEntry[] {
  const collator = new Intl.Collator(lng, { sensitivity: "base" });
  return Object.entries(rawTerms(lng))
    .map(([id, t]) => ({ id, term: t.term, explanation: t.explanation, forYou: t.forYou }))
    .sort((a, b) => collator.compare(a.term, b.term));
}

/**
 * The phrases to link in this language. English phrases are added after the language's own,
 * because families reading another language still meet English words ("care order") kept in
 * brackets in the translations and in names of meetings.
 */
export function glossaryTerms(lng: LanguageCode): GlossaryTerm[] {
  const own = rawTerms(lng);
  const english = rawTerms("en");
  return Object.entries(own).map(([id, t]) => ({
    id,
    term: t.term,
    phrases: [
      ...phrasesOf(t.matches),
      ...(lng === "en" ? [] : phrasesOf(english[id]?.matches ?? "")),
    ],
  }));
}

/** Entries whose term, explanation or meaning contains every word of the query. */
export function searchGlossary(lng: LanguageCode, query: string): GlossaryEntry[] {
  const words = query.toLocaleLowerCase(lng).split(/\s+/u).filter(Boolean);
  const all = glossaryEntries(lng);
  if (words.length === 0) return all;
  const english = rawTerms("en");
  return all.filter((e) => {
    const haystack = [e.term, e.explanation, e.forYou, english[e.id]?.term ?? ""]
      .join(" ")
      .toLocaleLowerCase(lng);
    return words.every((w) => haystack.includes(w));
  });
}
