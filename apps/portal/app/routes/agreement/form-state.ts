// What the agreement page's action answers, shared by the standard page and its easy-read
// version (issue 8): both post to the same action, so both read its answer the same way.

export const savedKinds = ["progress", "flag", "acknowledged"] as const;
export type Saved = (typeof savedKinds)[number];

export type Intent = "progress" | "flag" | "acknowledge";

export interface Failure {
  intent: Intent | null;
  /** The goal, support or agreement the failed form was about. */
  target: string;
  errors?: Record<string, string>;
  formError?: string;
  values?: Record<string, string>;
}

/** The failure, if it was this form's (several forms on the page share field names). */
export function failureOf(
  failure: Failure | undefined,
  intent: Intent,
  target: string,
): Failure | undefined {
  return failure?.intent === intent && failure.target === target ? failure : undefined;
}

/** The error summary links to the failed form's own fields: `#field-<name>-<target>`. */
export function summaryErrorsOf(
  fieldErrors: Record<string, string> | undefined,
  failure: Failure | undefined,
): Record<string, string> | undefined {
  if (!fieldErrors) return undefined;
  return Object.fromEntries(
    Object.entries(fieldErrors).map(([field, message]) => [`${field}-${failure?.target}`, message]),
  );
}
