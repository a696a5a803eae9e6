// Server-only access to the glossary (it reads every language's translations), kept out of
// the browser bundle by the .server name.
import { bundleFor, type LanguageCode } from "@homeward/i18n";
import { resources } from "@homeward/i18n/server";

export { glossaryEntries, glossaryTerms, searchGlossary } from "@homeward/i18n/server";

/**
 * The glossary page's own words in a language other than the reader's, for a glossary opened
 * in a given language (`/glossary?lng=ar`, linked from a column of the interpreter's
 * side-by-side view).
 */
export function glossaryBundle(lng: LanguageCode) {
  return bundleFor(lng, resources, ["common", "howItWorks"]);
}
