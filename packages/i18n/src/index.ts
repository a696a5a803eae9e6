export * from "./config.ts";
export * from "./detect.ts";
export { bundleFor, createTranslator, type LanguageBundle } from "./instance.ts";
export { type ChangeTiming, whenItCouldChange } from "./risk-sentences.ts";
