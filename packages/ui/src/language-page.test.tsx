import { renderToString } from "react-dom/server";
import { describe, expect, it } from "vitest";
import {
  LanguageLink,
  LanguageList,
  languageChoiceHref,
  languagePageHref,
  TranslationNote,
} from "./language-page.tsx";

describe("language page links", () => {
  it("remembers the page the person is on, and not the language page itself", () => {
    expect(languagePageHref("/records?x=1")).toBe("/language?next=%2Frecords%3Fx%3D1");
    expect(languagePageHref("/language?next=%2Fmeetings")).toBe("/language?next=%2Fmeetings");
    expect(languagePageHref("/language")).toBe("/language");
    expect(languageChoiceHref("ps", "/agreement")).toBe("/language?lng=ps&next=%2Fagreement");
  });

  it("the header link says Language in English too when the page is not in English", () => {
    const inPashto = renderToString(<LanguageLink href="/language" label="ژبه" current="ps" />);
    expect(inPashto).toContain("ژبه");
    expect(inPashto).toMatch(/<span[^>]*lang="en"[^>]*>Language<\/span>/);
    expect(inPashto).toContain('aria-hidden="true"');
    const inEnglish = renderToString(
      <LanguageLink href="/language" label="Language" current="en" />,
    );
    expect(inEnglish).not.toContain('lang="en"');
  });
});

describe("LanguageList", () => {
  const html = renderToString(
    <LanguageList
      current="ur"
      next="/traffic-light"
      languages={[
        { code: "en", name: "English", dir: "ltr" },
        { code: "ur", name: "اردو", dir: "rtl" },
        { code: "ps", name: "پښتو", dir: "rtl" },
      ]}
      namesInCurrent={{ en: "انگریزی", ur: "اردو", ps: "پشتو" }}
      text={{ heading: "زبان چنیں", intro: "intro", current: "ابھی", back: "واپس" }}
    />,
  );

  it("lists each language in its own name, language and direction, returning to the page", () => {
    expect(html).toContain("<h1>زبان چنیں</h1>");
    expect(html).toMatch(
      /<a href="\/language\?lng=ps&amp;next=%2Ftraffic-light" lang="ps" hrefLang="ps" dir="rtl">پښتو<\/a>/,
    );
    expect(html).toMatch(/lang="en" hrefLang="en" dir="ltr">English<\/a>/);
  });

  it("marks the language in use, and names the others in the reader's language", () => {
    expect(html).toMatch(/lang="ur"[^>]*aria-current="true"/);
    expect(html).toContain("ابھی");
    expect(html).toContain("انگریزی");
    // A name the same in both is not repeated.
    expect(html.match(/اردو/g)).toHaveLength(1);
    expect(html).toContain('<a href="/traffic-light">واپس</a>');
  });
});

describe("TranslationNote", () => {
  it("says the translation is unchecked and links to the same page in English", () => {
    const html = renderToString(
      <TranslationNote
        text="Not checked yet."
        linkLabel="Read in English"
        englishHref="/language?lng=en&next=%2F"
      />,
    );
    expect(html).toContain("Not checked yet.");
    expect(html).toMatch(
      /<a href="\/language\?lng=en&amp;next=%2F" hrefLang="en">Read in English<\/a>/,
    );
  });
});
