// Which language to answer in: the person's saved preference, then the choice they made in
// the page (the language cookie), then what their browser asks for, then English.
import { defaultLanguage, isLanguageCode, type LanguageCode, languageCodes } from "./config.ts";

export interface LanguageSignals {
  saved?: string | null | undefined;
  chosen?: string | null | undefined;
  acceptLanguage?: string | null | undefined;
}

/** `offered`: the languages this app is offered in (the practitioner app offers fewer). */
export function pickLanguage(
  signals: LanguageSignals,
  offered: readonly LanguageCode[] = languageCodes,
): LanguageCode {
  const ok = (value: unknown): value is LanguageCode =>
    isLanguageCode(value) && offered.includes(value);
  if (ok(signals.saved)) return signals.saved;
  if (ok(signals.chosen)) return signals.chosen;
  for (const tag of parseAcceptLanguage(signals.acceptLanguage ?? "")) {
    const base = tag.split("-")[0]?.toLowerCase();
    if (ok(base)) return base;
  }
  return defaultLanguage;
}

/** Language tags from an Accept-Language header, highest quality first. */
export function parseAcceptLanguage(header: string): string[] {
  return header
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
      const quality = q ? Number.parseFloat(q.slice(2)) : 1;
      return { tag: tag.trim(), quality: Number.isNaN(quality) ? 0 : quality, index };
    })
    .filter((entry) => entry.tag && entry.tag !== "*" && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map((entry) => entry.tag);
}

export const languageCookieName = "homeward_lng";

export function languageFromCookie(cookieHeader: string | null): string | null {
  if (!cookieHeader) return null;
  for (const part of cookieHeader.split(";")) {
    const [name, value] = part.trim().split("=");
    if (name === languageCookieName && value) return decodeURIComponent(value);
  }
  return null;
}
