// @homeward/rules: the Reunification Practice Framework as pure rules. See README.md.
export * from "./agreement-builder.ts";
export * from "./agreements.ts";
export * from "./confidential-text.ts";
export * from "./dates.ts";
export * from "./dual-classification.ts";
export * from "./eligibility.ts";
export * from "./explanations.ts";
export * from "./factors.ts";
export * from "./monitoring.ts";
export * from "./plans.ts";
export * from "./outcomes.ts";
export * from "./record-review.ts";
export type * from "./result.ts";
export * from "./risk.ts";
export * from "./stages.ts";
export * from "./timeframes.ts";
export { VIEWS_PROMPTS, type ViewsPrompt } from "./views.ts";
