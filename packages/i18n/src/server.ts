// Server-only: all languages' resources.
export { type Messages, resources } from "./resources.ts";
import translationStatus from "../translation-status.json" with { type: "json" };
export { translationStatus };
export {
  type GlossaryEntry,
  glossaryEntries,
  glossaryTerms,
  searchGlossary,
} from "./glossary.server.ts";
