// React wiring: one provider at each app's root, fed the bundle the root loader sent.
import { type ReactNode, useMemo } from "react";
import { I18nextProvider } from "react-i18next";
import { createTranslator, type LanguageBundle } from "./instance.ts";

export function TranslationProvider({
  bundle,
  children,
}: {
  bundle: LanguageBundle;
  children: ReactNode;
}) {
  const instance = useMemo(() => createTranslator(bundle), [bundle]);
  return <I18nextProvider i18n={instance}>{children}</I18nextProvider>;
}

export { Trans, useTranslation } from "react-i18next";
export { Glossed, GlossaryProvider } from "./glossed.tsx";
