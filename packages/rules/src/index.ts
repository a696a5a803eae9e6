// @homeward/rules: the Reunification Practice Framework as pure rules. See README.md.
export * from "./agreements.ts";
export * from "./dates.ts";
export * from "./dual-classification.ts";
export * from "./eligibility.ts";
export * from "./explanations.ts";
export * from "./factors.ts";
export type * from "./result.ts";
export * from "./risk.ts";
export * from "./stages.ts";
export * from "./timeframes.ts";
export { VIEWS_PROMPTS, type ViewsPrompt } from "./views.ts";
