// The languages Homeward ships and how each is written. Adding a language: add it here,
// add its locale folder, and record its review status in translation-status.json.
// `staff`: the practitioner app is offered in this language too (its staff-only namespaces
// are translated). Family languages cover the portal and mail only: see decision 008.
export const languages = [
  { code: "en", name: "English", dir: "ltr", staff: true },
  { code: "cy", name: "Cymraeg", dir: "ltr", staff: true },
  { code: "ar", name: "العربية", dir: "rtl", staff: true },
  { code: "pl", name: "Polski", dir: "ltr", staff: false },
  { code: "ro", name: "Română", dir: "ltr", staff: false },
  { code: "bn", name: "বাংলা", dir: "ltr", staff: false },
  { code: "so", name: "Soomaali", dir: "ltr", staff: false },
  { code: "ur", name: "اردو", dir: "rtl", staff: false },
  { code: "ps", name: "پښتو", dir: "rtl", staff: false },
  { code: "ti", name: "ትግርኛ", dir: "ltr", staff: false },
] as const;

export type LanguageCode = (typeof languages)[number]["code"];
export const defaultLanguage: LanguageCode = "en";
export const languageCodes: readonly LanguageCode[] = languages.map((l) => l.code);

/** Namespaces families read (portal, mail, shared pieces): every shipped language has them. */
export const familyNamespaces = [
  "common",
  "easyread",
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
  "plan",
  "glossary",
  "howItWorks",
  "advocacy",
  "interpreting",
  "interpretingMore",
  "easyreadRecords",
  "easyreadAgreement",
  "agreementEnd",
] as const;

/** Namespaces only the practitioner app uses: translated into the staff languages. */
export const staffNamespaces = [
  "practitioner",
  "caseload",
  "chronology",
  "assessment",
  "decisions",
  "plans",
  "builder",
  "review",
  "manager",
  "advocates",
  "interpreters",
  "interpreterInvites",
  "people",
  "gaps",
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
 * The locale for Intl (dates, times, numbers, lists) of each language. Two rules decide it:
 * - Digits: the same digits as the language's translations, so a page never mixes two digit
 *   sets. Arabic, Urdu and Bengali are written with Western digits (0-9) here, as on the
 *   council's letters, court papers and the sign-in codes people copy; for Urdu that is also
 *   CLDR's default and usual in Pakistan. Pashto keeps its own Eastern Arabic-Indic digits
 *   (۰-۹), as printed in Afghanistan and in its translation here.
 * - Calendar: always Gregorian, because hearings and deadlines are set by English and Welsh
 *   courts. CLDR gives Pashto the Persian solar calendar by default, so it is set explicitly.
 * British English and Welsh as used in Wales; Tigrinya as in Eritrea, where most
 * Tigrinya-speaking families in the UK come from (Gregorian there too). Somali: Node 24's full
 * ICU has Somali month and day names ("Khamiis, Diseembar 3, 2026"), so plain "so" reads
 * correctly.
 */
export const intlLocales: Readonly<Record<string, string>> = {
  en: "en-GB",
  cy: "cy-GB",
  ar: "ar-u-nu-latn",
  pl: "pl-PL",
  ro: "ro-RO",
  bn: "bn-u-nu-latn",
  so: "so",
  // 24-hour clock: a 12-hour "ሰዓት 6:05" can be read on the traditional Eritrean/Ethiopian
  // clock, which counts hours from 6 am; "18:05" cannot, and matches the council's letters.
  ti: "ti-ER-u-ca-gregory-hc-h23",
  ur: "ur-PK-u-nu-latn",
  ps: "ps-AF-u-ca-gregory-nu-arabext",
};

export function intlLocale(code: string): string {
  return intlLocales[code] ?? code;
}
