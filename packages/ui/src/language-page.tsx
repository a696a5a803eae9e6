// Choosing a language with ten of them: the header carries one "Language" link to a page
// listing every language, which fits a 320px phone and works without JavaScript. Each choice
// is a plain link to /language?lng=..&next=.., so the person comes back to the page they
// were on.
import type { LanguageOption } from "./language-switcher.tsx";

/** Where the header's "Language" link goes: the language page, remembering this page. */
export function languagePageHref(here: string): string {
  // On the language page itself, keep the page the person first came from.
  if (here === "/language" || here.startsWith("/language?")) {
    const next = new URLSearchParams(here.split("?")[1] ?? "").get("next");
    return next ? `/language?next=${encodeURIComponent(next)}` : "/language";
  }
  return `/language?next=${encodeURIComponent(here)}`;
}

/** Choosing a language and going back to `next`. */
export function languageChoiceHref(code: string, next: string): string {
  return `/language?lng=${code}&next=${encodeURIComponent(next)}`;
}

/**
 * The header link. Its text is in the current language; when that is not English the English
 * word follows, so someone who landed in a language they cannot read can still find it.
 */
export function LanguageLink({
  href,
  label,
  current,
}: {
  href: string;
  label: string;
  current: string;
}) {
  return (
    <a className="hw-language-link" href={href}>
      <svg
        className="hw-language-link__icon"
        aria-hidden="true"
        focusable="false"
        viewBox="0 0 24 24"
        width="20"
        height="20"
      >
        <circle cx="12" cy="12" r="9.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <ellipse
          cx="12"
          cy="12"
          rx="4.2"
          ry="9.5"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
        />
        <path
          d="M2.5 12h19M4.5 7h15M4.5 17h15"
          fill="none"
          stroke="currentColor"
          strokeWidth="1.6"
        />
      </svg>
      <span>{label}</span>
      {current === "en" ? null : (
        <span className="hw-language-link__english" lang="en" dir="ltr">
          Language
        </span>
      )}
    </a>
  );
}

export interface LanguageListText {
  heading: string;
  intro: string;
  /** Said after the language in use now. */
  current: string;
  back: string;
}

/**
 * The language page's content: every language in its own name (lang, dir, hreflang set so
 * screen readers pronounce it), optionally followed by its name in the reader's language.
 */
export function LanguageList({
  languages,
  current,
  next,
  text,
  namesInCurrent = {},
}: {
  languages: readonly LanguageOption[];
  current: string;
  next: string;
  text: LanguageListText;
  namesInCurrent?: Readonly<Record<string, string>>;
}) {
  return (
    <>
      <h1>{text.heading}</h1>
      <p>{text.intro}</p>
      <ul className="hw-language-list">
        {languages.map((language) => {
          const here = language.code === current;
          const translated = namesInCurrent[language.code];
          return (
            <li key={language.code}>
              <a
                href={languageChoiceHref(language.code, next)}
                lang={language.code}
                hrefLang={language.code}
                dir={language.dir}
                aria-current={here ? "true" : undefined}
              >
                {language.name}
              </a>
              {translated && translated !== language.name ? (
                <span className="hw-language-list__translated"> – {translated}</span>
              ) : null}
              {here ? <span className="hw-language-list__current"> ({text.current})</span> : null}
            </li>
          );
        })}
      </ul>
      <p>
        <a href={next}>{text.back}</a>
      </p>
    </>
  );
}

/**
 * The discreet note on every page in a language no qualified translator has checked yet,
 * with a one-step way to read in English instead.
 */
export function TranslationNote({
  text,
  linkLabel,
  englishHref,
}: {
  text: string;
  linkLabel: string;
  englishHref: string;
}) {
  return (
    <p className="hw-translation-note">
      <span>{text}</span>{" "}
      <a href={englishHref} hrefLang="en">
        {linkLabel}
      </a>
    </p>
  );
}
