// Whether this JavaScript engine can write dates and numbers for a language. Node (full ICU)
// can for every shipped language; some browsers cannot: Chromium builds carry locale data only
// for their own interface languages, so Welsh, Pashto and Somali fall back to American English
// there, and Tigrinya gets ICU's placeholder names ("M12"). The apps use this before hydrating
// (entry.client.tsx): a page whose dates the browser would rewrite in the wrong language is left
// exactly as the server wrote it, and works without JavaScript like every page does.
import { intlLocale } from "./config.ts";

export function intlSpeaks(code: string): boolean {
  const locale = intlLocale(code);
  try {
    if (Intl.DateTimeFormat.supportedLocalesOf([locale]).length === 0) return false;
    if (Intl.NumberFormat.supportedLocalesOf([locale]).length === 0) return false;
    const month = new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" }).format(
      Date.UTC(2026, 11, 3),
    );
    // ICU's root locale names months "M01".."M12": listed, but no data of its own.
    return !/^M\d+$/.test(month);
  } catch {
    return false;
  }
}
