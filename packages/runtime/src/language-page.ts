// GET /language in both apps. With ?lng= it is the language choice itself (pages.ts
// changeLanguage, a redirect back to `next`); without it, the data for the page that lists
// every language the app is offered in.
import { intlLocale, type LanguageCode, languageCodes } from "@homeward/i18n";
import type { RouterContextProvider } from "react-router";
import { changeLanguage } from "./pages.ts";
import { languageFor, optionalViewer, safeNextPath } from "./requests.ts";

export interface LanguagePageData {
  /** Where each choice, and the back link, return to. */
  next: string;
  current: LanguageCode;
  /** Each language's name in the reader's language (from Intl), to help a helper read the list. */
  namesInCurrent: Record<string, string>;
}

export async function languagePage(
  context: Readonly<RouterContextProvider>,
  request: Request,
  offered: readonly LanguageCode[] = languageCodes,
): Promise<LanguagePageData> {
  const url = new URL(request.url);
  if (url.searchParams.has("lng")) throw await changeLanguage(context, request);
  const viewer = await optionalViewer(context, request);
  const current = languageFor(request, viewer, offered);
  // Computed here, not in the browser, so the server's and the browser's ICU cannot disagree.
  const names = new Intl.DisplayNames([intlLocale(current)], {
    type: "language",
    fallback: "none",
  });
  const namesInCurrent: Record<string, string> = {};
  for (const code of offered) {
    const name = names.of(code);
    if (name) namesInCurrent[code] = name;
  }
  return { next: safeNextPath(url.searchParams.get("next")), current, namesInCurrent };
}
