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

/**
 * Where a translator reports a key it could not find. Each app's server build bundles its own
 * copy of this module, so the hook is one global slot: the browser tests set it and fail on
 * any report - a page that asks for a namespace it was not sent, or a key nobody wrote.
 */
const missingKeyHook = Symbol.for("homeward.i18n.missingKey");
export type MissingKeyReport = (language: string, namespace: string, key: string) => void;

export function reportMissingKeysTo(report: MissingKeyReport | null): void {
  (globalThis as Record<symbol, unknown>)[missingKeyHook] = report ?? undefined;
}

function missingKeyReport(): MissingKeyReport | undefined {
  return (globalThis as Record<symbol, unknown>)[missingKeyHook] as MissingKeyReport | undefined;
}

export function createTranslator(bundle: LanguageBundle): i18n {
  const instance = i18next.createInstance();
  const report = missingKeyReport();
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
    ...(report
      ? {
          saveMissing: true,
          // A call that names its own default expects some keys to be absent (e.g. an
          // audit action recorded before its label was written): not a mistake.
          missingKeyHandler: (
            _lngs: readonly string[],
            ns: string,
            key: string,
            _fallback: string,
            _update: boolean,
            options: { defaultValue?: unknown } | undefined,
          ) => {
            if (options?.defaultValue === undefined) report(bundle.lng, ns, key);
          },
        }
      : {}),
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
