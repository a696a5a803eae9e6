// Which translation namespaces a portal page sends to the browser. Every page's HTML carries
// its translations for hydration; sending all of them made each page about 30 KB gzipped,
// most of it text the page never shows (decision 016). Each page gets the shell's namespaces
// and its own; an address not listed gets every family namespace, so a new page works before
// it is added here. A key a page needs but was not sent fails the browser tests (the
// missing-key report in @homeward/i18n), which is what keeps this list honest.
import { type FamilyNamespace, familyNamespaces } from "@homeward/i18n";

/** The layout's own texts: app name, language links, leave quickly, help links, read mode. */
const shell: readonly FamilyNamespace[] = ["common", "safety", "portal", "howItWorks", "easyread"];

/** By the address's first segment ("" is home). */
const pages: Record<string, readonly FamilyNamespace[]> = {
  "": ["interpreting", "meetings", "rules", "traffic"],
  "traffic-light": ["rules", "traffic"],
  agreement: ["agreement", "agreementEnd", "easyreadAgreement", "rules"],
  records: ["records", "easyreadRecords", "interpreting", "auth"],
  views: ["wishes", "easyreadRecords", "auth"],
  meetings: ["meetings"],
  plan: ["plan"],
  glossary: [],
  "how-it-works": [],
  account: ["account", "advocacy", "auth"],
  advocacy: ["advocacy", "auth", "meetings", "rules"],
  "sign-in": ["auth"],
  "forgot-password": ["auth"],
  "reset-password": ["auth"],
  language: [],
  leave: [],
};

/** Namespaces no page sends: emails' texts, and the glossary's explanations (read on the server). */
const neverSent: readonly FamilyNamespace[] = ["mail", "glossary"];

/** The path a loader sees, without the `.data` suffix of a client-side navigation's request. */
export function pagePath(pathname: string): string {
  if (pathname === "/_root.data") return "/";
  return pathname.replace(/\.data$/, "");
}

export function namespacesForPage(pathname: string): FamilyNamespace[] {
  const first = pagePath(pathname).split("/")[1] ?? "";
  const own = Object.hasOwn(pages, first) ? pages[first] : undefined;
  const wanted = own
    ? [...shell, ...own]
    : familyNamespaces.filter((ns) => !neverSent.includes(ns));
  return [...new Set(wanted)];
}
