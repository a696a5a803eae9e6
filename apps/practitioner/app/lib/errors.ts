import type { Translate as TFunction } from "@homeward/i18n";

/** Actions return i18n keys; the page shows them in the reader's language. */
export function translateErrors(t: TFunction, errors: Record<string, string> | undefined) {
  if (!errors) return undefined;
  return Object.fromEntries(Object.entries(errors).map(([field, key]) => [field, t(key)]));
}
