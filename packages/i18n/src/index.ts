export * from "./bidi.ts";
export * from "./config.ts";
export * from "./detect.ts";
export {
  bundleFor,
  createTranslator,
  type LanguageBundle,
  type MissingKeyReport,
  reportMissingKeysTo,
} from "./instance.ts";
export { dateTimeFormat, numberFormat } from "./formats.ts";
export { intlSpeaks } from "./intl-support.ts";
export {
  createPageTranslator,
  type Translate,
  type TranslateOptions,
  type Translator,
} from "./translate.ts";
export { type ChangeTiming, whenItCouldChange } from "./risk-sentences.ts";
export { needsTranslationNote, type TranslationStatus, translationStatusOf } from "./status.ts";
export {
  type GlossaryTerm,
  type GlossedPart,
  glossAround,
  glossaryMatcher,
  glossText,
  type KeptPart,
  phrasesOf,
} from "./glossary-links.ts";
