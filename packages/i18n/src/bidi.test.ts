import { describe, expect, it } from "vitest";
import {
  asciiDigits,
  FSI,
  hasRightToLeft,
  interpolatedValue,
  isolate,
  PDI,
  withoutBidiControls,
} from "./bidi.ts";
import { directionOf, intlLocale, intlLocales, languageCodes, languages } from "./config.ts";
import { createTranslator } from "./instance.ts";
import { intlSpeaks } from "./intl-support.ts";
import { needsTranslationNote, translationStatusOf } from "./status.ts";
import status from "../translation-status.json" with { type: "json" };

describe("bidi isolation of inserted values", () => {
  it("finds right-to-left letters in Arabic, Urdu and Pashto, not in Latin or Ethiopic", () => {
    expect(hasRightToLeft("أميرة")).toBe(true);
    expect(hasRightToLeft("Zahid اردو")).toBe(true);
    expect(hasRightToLeft("ښځه")).toBe(true);
    expect(hasRightToLeft("Amira Haddad")).toBe(false);
    expect(hasRightToLeft("ትግርኛ")).toBe(false);
    expect(hasRightToLeft("3 December 2026")).toBe(false);
  });

  it("isolates text, and leaves empty text empty", () => {
    expect(isolate("Amira")).toBe(`${FSI}Amira${PDI}`);
    expect(isolate("")).toBe("");
    expect(withoutBidiControls(isolate("123456"))).toBe("123456");
    expect(withoutBidiControls("\u200f12\u200e34\u202b56\u202c")).toBe("123456");
  });

  it("reads codes typed in Arabic, Pashto/Urdu or Bengali digits as Western digits", () => {
    expect(asciiDigits("٠١٢٣٤٥٦٧٨٩")).toBe("0123456789");
    expect(asciiDigits("۰۱۲۳۴۵۶۷۸۹")).toBe("0123456789");
    expect(asciiDigits("০১২৩৪৫৬৭৮৯")).toBe("0123456789");
    expect(asciiDigits(isolate("48 39 20"))).toBe("48 39 20");
  });

  it("isolates every value in a right-to-left language", () => {
    expect(interpolatedValue("Amira Haddad", "ar", "rtl")).toBe(`${FSI}Amira Haddad${PDI}`);
    expect(interpolatedValue("3 مارس 2026", "ar", "rtl")).toBe(`${FSI}3 مارس 2026${PDI}`);
  });

  it("in a left-to-right language isolates only values holding right-to-left letters", () => {
    expect(interpolatedValue("Leah Morgan", "en", "ltr")).toBe("Leah Morgan");
    expect(interpolatedValue("أميرة حداد", "en", "ltr")).toBe(`${FSI}أميرة حداد${PDI}`);
  });

  it("never wraps a URL, so mail programs still make it a link", () => {
    const link = "https://portal.example/records";
    expect(interpolatedValue(link, "ps", "rtl")).toBe(link);
  });

  it("writes numbers in the language's digits, grouping only from five digits", () => {
    expect(interpolatedValue(6, "ps", "rtl")).toBe("۶");
    expect(interpolatedValue(6, "ur", "rtl")).toBe("6");
    expect(interpolatedValue(6, "ar", "rtl")).toBe("6");
    expect(interpolatedValue(2026, "en", "ltr")).toBe("2026");
    expect(interpolatedValue(12345, "en", "ltr")).toBe("12,345");
    expect(interpolatedValue(null, "en", "ltr")).toBe("");
  });
});

describe("translations insert values through the bidi rules", () => {
  const translator = (lng: "en" | "ur" | "ps") =>
    createTranslator({
      lng,
      dir: directionOf(lng),
      resources: {
        common: {
          signedIn: lng === "en" ? "Signed in as {{name}}" : "{{name}} ✓",
          step: "{{number}}/5",
        },
      },
    });

  it("an English sentence with a Latin name is unchanged; with an Arabic name it isolates it", () => {
    const t = translator("en").t;
    expect(t("signedIn", { name: "Kerry Jones" })).toBe("Signed in as Kerry Jones");
    expect(t("signedIn", { name: "يوسف" })).toBe(`Signed in as ${FSI}يوسف${PDI}`);
  });

  it("an Urdu or Pashto sentence isolates a Latin name and writes numbers for the language", () => {
    expect(translator("ur").t("signedIn", { name: "Kerry Jones" })).toBe(
      `${FSI}Kerry Jones${PDI} ✓`,
    );
    expect(translator("ps").t("step", { number: 3 })).toBe("۳/5");
  });
});

describe("Intl locale of each language", () => {
  const date = new Date("2026-12-03T09:05:00Z");
  const long = (lng: string) =>
    new Intl.DateTimeFormat(intlLocale(lng), {
      day: "numeric",
      month: "long",
      year: "numeric",
      timeZone: "UTC",
    });

  it("is chosen deliberately for every shipped language, and Intl supports it", () => {
    for (const code of languageCodes) {
      expect(intlLocales[code], code).toBeDefined();
      const resolved = long(code).resolvedOptions();
      expect(resolved.locale.split("-")[0], code).toBe(code);
      expect(resolved.calendar, code).toBe("gregory");
    }
  });

  it("writes Pashto dates in the Gregorian calendar with Pashto digits", () => {
    const text = long("ps").format(date);
    expect(text).toContain("۲۰۲۶");
    expect(text).toContain("۳");
    expect(text).not.toMatch(/\d/);
  });

  it("writes Urdu and Arabic dates with Western digits", () => {
    expect(long("ur").format(date)).toMatch(/3 .*2026/);
    expect(long("ar").format(date)).toMatch(/3 .*2026/);
  });

  it("Node's full ICU can write every shipped language; an unknown language it cannot", () => {
    for (const code of languageCodes) expect(intlSpeaks(code), code).toBe(true);
    expect(intlSpeaks("qaa")).toBe(false);
  });

  it("writes English dates the British way", () => {
    expect(long("en").format(date)).toBe("3 December 2026");
  });
});

describe("languages and their review status", () => {
  it("marks Arabic, Urdu and Pashto right to left and the others left to right", () => {
    for (const language of languages) {
      const rtl = ["ar", "ur", "ps"].includes(language.code);
      expect(language.dir, language.code).toBe(rtl ? "rtl" : "ltr");
    }
  });

  it("shows the translator note for drafted languages only", () => {
    expect(translationStatusOf("en")).toBe("source");
    expect(needsTranslationNote("en")).toBe(false);
    for (const code of languageCodes) {
      const recorded = (status as unknown as Record<string, { status: string }>)[code]?.status;
      expect(needsTranslationNote(code), code).toBe(recorded === "drafted");
    }
    expect(translationStatusOf("xx")).toBe("drafted");
  });
});
