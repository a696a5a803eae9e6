// The languages Homeward ships and how each is written. Adding a language: add it here,
// add its locale folder, and record its review status in translation-status.json.
// `staff`: the practitioner app is offered in this language too (its staff-only namespaces
// are translated). Family languages cover the portal and mail only: see decision 008.
export const languages = [
  { code: "en", name: "English", dir: "ltr", staff: true },
  { code: "cy", name: "Cymraeg", dir: "ltr", staff: true },
  { code: "ar", name: "العربية", dir: "rtl", staff: true },
] as const;

export type LanguageCode = (typeof languages)[number]["code"];
export const defaultLanguage: LanguageCode = "en";
export const languageCodes: readonly LanguageCode[] = languages.map((l) => l.code);

/** Namespaces families read (portal, mail, shared pieces): every shipped language has them. */
export const familyNamespaces = [
  "common",
  "auth",
  "portal",
  "rules",
  "mail",
  "records",
  "traffic",
  "meetings",
  "agreement",
  "wishes",
  "account",
  "safety",
] as const;

/** Namespaces only the practitioner app uses: translated into the staff languages. */
export const staffNamespaces = [
  "practitioner",
  "caseload",
  "chronology",
  "assessment",
  "decisions",
] as const;

export const namespaces = [...familyNamespaces, ...staffNamespaces] as const;
export type Namespace = (typeof namespaces)[number];
export type FamilyNamespace = (typeof familyNamespaces)[number];

/** The languages the practitioner app is offered in. */
export const staffLanguages = languages.filter((l) => l.staff);
export const staffLanguageCodes: readonly LanguageCode[] = staffLanguages.map((l) => l.code);

/** Which namespaces a language must have: staff ones only for staff languages. */
export function namespacesOf(code: LanguageCode): readonly Namespace[] {
  return staffLanguageCodes.includes(code) ? namespaces : familyNamespaces;
}

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
