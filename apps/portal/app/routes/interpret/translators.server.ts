// A translator per language for the side-by-side view, built on the server from the same
// resources as the pages, so the person's language and English are rendered from one view model.
import { bundleFor, createTranslator, isLanguageCode, type Namespace } from "@homeward/i18n";
import { resources } from "@homeward/i18n/server";
import type { Translate as TFunction } from "@homeward/i18n";

const cache = new Map<string, TFunction>();

export function translatorFor(language: string, namespaces: readonly Namespace[]): TFunction {
  const lng = isLanguageCode(language) ? language : "en";
  const key = `${lng}|${namespaces.join(",")}`;
  let t = cache.get(key);
  if (!t) {
    t = createTranslator(bundleFor(lng, resources, namespaces)).t;
    cache.set(key, t);
  }
  return t;
}
