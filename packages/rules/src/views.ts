// The prompts a young person (or a parent) answers when giving their views and wishes:
// what is going well, what worries them, what they want to happen and when, and who they
// trust to talk to (framework.md, stage 1: the views of child and parents; a trusted adult).
export const VIEWS_PROMPTS = [
  "goingWell",
  "worries",
  "wants",
  "wantsWhen",
  "trustedPerson",
] as const;
export type ViewsPrompt = (typeof VIEWS_PROMPTS)[number];
