// The languages Homeward ships and how each is written. Adding a language: add it here,
// add its locale folder, and record its review status in translation-status.json.
export const languages = [
  { code: "en", name: "English", dir: "ltr" },
  { code: "cy", name: "Cymraeg", dir: "ltr" },
  { code: "ar", name: "العربية", dir: "rtl" },
] as const;

export type LanguageCode = (typeof languages)[number]["code"];
export const defaultLanguage: LanguageCode = "en";
export const languageCodes: readonly LanguageCode[] = languages.map((l) => l.code);

export const namespaces = [
  "common",
  "auth",
  "portal",
  "practitioner",
  "rules",
  "mail",
  "records",
  "traffic",
  "meetings",
  "agreement",
  "wishes",
  "account",
  "caseload",
  "chronology",
  "assessment",
  "decisions",
] as const;
export type Namespace = (typeof namespaces)[number];

export function isLanguageCode(value: unknown): value is LanguageCode {
  return typeof value === "string" && (languageCodes as readonly string[]).includes(value);
}

export function directionOf(code: LanguageCode): "ltr" | "rtl" {
  return languages.find((l) => l.code === code)?.dir ?? "ltr";
}

/**
 * The locale for Intl (dates, numbers) of each language: British English and Welsh as used
 * in Wales, and Arabic with the Western digits its translations use.
 */
export function intlLocale(code: string): string {
  if (code === "en") return "en-GB";
  if (code === "cy") return "cy-GB";
  if (code === "ar") return "ar-u-nu-latn";
  return code;
}
