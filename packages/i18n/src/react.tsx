// React wiring: one provider at each app's root, fed the bundle the root loader sent, and the
// `useTranslation` hook every component uses. The same small translator runs on the server
// and in the browser (translate.ts; decision 020), so hydration sees the same text.
import { createContext, type ReactNode, useContext, useMemo } from "react";
import type { LanguageBundle } from "./instance.ts";
import { createPageTranslator, type Translate, type Translator } from "./translate.ts";

const TranslatorContext = createContext<Translator | null>(null);

// Outside a provider (an error page drawn before the root loader could run) keys stand in
// for text, as they would with no translations at all.
const noTranslations = createPageTranslator({ lng: "en", dir: "ltr", resources: {} });

export function TranslationProvider({
  bundle,
  children,
}: {
  bundle: LanguageBundle;
  children: ReactNode;
}) {
  const translator = useMemo(() => createPageTranslator(bundle), [bundle]);
  return <TranslatorContext.Provider value={translator}>{children}</TranslatorContext.Provider>;
}

export interface UseTranslation {
  /** Un-prefixed keys are read from the hook's namespace ("common" when none is given). */
  t: Translate;
  i18n: { language: string; dir: "ltr" | "rtl" };
}

export function useTranslation(ns?: string): UseTranslation {
  const translator = useContext(TranslatorContext) ?? noTranslations;
  return useMemo(
    () => ({
      t: translator.fixedT(ns ?? "common"),
      i18n: { language: translator.language, dir: translator.dir },
    }),
    [translator, ns],
  );
}

export { Glossed, GlossaryProvider } from "./glossed.tsx";
