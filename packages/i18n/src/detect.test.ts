import { describe, expect, it } from "vitest";
import { languageFromCookie, parseAcceptLanguage, pickLanguage } from "./detect.ts";

describe("pickLanguage", () => {
  it("prefers the saved preference over everything else", () => {
    expect(pickLanguage({ saved: "ar", chosen: "cy", acceptLanguage: "en" })).toBe("ar");
  });
  it("uses the choice made in the page when nothing is saved", () => {
    expect(pickLanguage({ saved: null, chosen: "cy", acceptLanguage: "ar" })).toBe("cy");
  });
  it("falls back to the browser's languages, best first", () => {
    expect(pickLanguage({ acceptLanguage: "fr;q=0.9, ar-EG;q=0.8, en;q=0.5" })).toBe("ar");
  });
  it("ignores languages Homeward does not ship and unknown saved values", () => {
    expect(pickLanguage({ saved: "xx", chosen: "zz", acceptLanguage: "de, fr" })).toBe("en");
  });
});

describe("parseAcceptLanguage", () => {
  it("orders by quality and drops q=0 and wildcards", () => {
    expect(parseAcceptLanguage("cy;q=0.2, en-GB, *;q=0.1, ar;q=0")).toEqual(["en-GB", "cy"]);
  });
});

describe("languageFromCookie", () => {
  it("reads the language cookie among others", () => {
    expect(languageFromCookie("a=1; homeward_lng=cy; b=2")).toBe("cy");
    expect(languageFromCookie(null)).toBeNull();
  });
});

describe("intlLocale", () => {
  it("writes dates the British way, in Welsh as in Wales, and Arabic with Western digits", async () => {
    const { intlLocale } = await import("./config.ts");
    const date = new Date("2026-12-03T00:00:00Z");
    const format = (lng: string) =>
      new Intl.DateTimeFormat(intlLocale(lng), {
        day: "numeric",
        month: "long",
        timeZone: "UTC",
      }).format(date);
    expect(format("en")).toBe("3 December");
    expect(format("ar")).toMatch(/^3 /);
  });
});
