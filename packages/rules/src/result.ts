/**
 * A rule's verdict: `ok`, or a stable code the apps translate (i18n key `errors.<code>`).
 * Broken rules are values, not exceptions (conventions.md, "The rules package").
 */
export type RuleResult<Code extends string> =
  | { readonly ok: true }
  | { readonly ok: false; readonly code: Code };
