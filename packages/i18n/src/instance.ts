// An i18next instance for one language, used on the server per request and in the browser.
import i18next, { type i18n } from "i18next";
import { interpolatedValue } from "./bidi.ts";
import { directionOf, type LanguageCode, type Namespace } from "./config.ts";
import type { Messages } from "./resources.ts";

export type LanguageBundle = {
  lng: LanguageCode;
  dir: "ltr" | "rtl";
  resources: Partial<Record<Namespace, Messages>>;
};

export function createTranslator(bundle: LanguageBundle): i18n {
  const instance = i18next.createInstance();
  void instance.init({
    lng: bundle.lng,
    fallbackLng: false,
    resources: { [bundle.lng]: bundle.resources },
    ns: Object.keys(bundle.resources),
    defaultNS: "common",
    initAsync: false,
    // React escapes HTML itself. The "escape" step is used instead to write each inserted
    // value for the language: numbers in its digits, text isolated for bidi (bidi.ts). The
    // direction comes from the language, not the bundle, so emails get it right too.
    interpolation: {
      escapeValue: true,
      useRawValueToEscape: true,
      escape: (value: unknown) => interpolatedValue(value, bundle.lng, directionOf(bundle.lng)),
    },
    returnNull: false,
  });
  return instance;
}

export function bundleFor(
  lng: LanguageCode,
  all: Record<LanguageCode, Partial<Record<Namespace, Messages>>>,
  wanted: readonly Namespace[],
): LanguageBundle {
  const resources: Partial<Record<Namespace, Messages>> = {};
  // A family language lacks the staff namespaces; English stands in rather than raw keys.
  for (const ns of wanted) resources[ns] = all[lng][ns] ?? all.en[ns];
  return { lng, dir: directionOf(lng), resources };
}
