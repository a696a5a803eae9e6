// Server-only access to the glossary (it reads every language's translations), kept out of
// the browser bundle by the .server name.
export { glossaryEntries, glossaryTerms, searchGlossary } from "@homeward/i18n/server";
