export interface LanguageOption {
  code: string;
  name: string;
  dir: "ltr" | "rtl";
}

/**
 * Plain links, so switching language works without JavaScript. Each name is written in its
 * own language and marked with lang/dir so screen readers pronounce it correctly.
 */
export function LanguageSwitcher({
  label,
  languages,
  current,
  hrefFor,
}: {
  label: string;
  languages: readonly LanguageOption[];
  current: string;
  hrefFor: (code: string) => string;
}) {
  return (
    <nav className="hw-language-switcher" aria-label={label}>
      <ul>
        {languages.map((language) => (
          <li key={language.code}>
            <a
              href={hrefFor(language.code)}
              lang={language.code}
              hrefLang={language.code}
              dir={language.dir}
              aria-current={language.code === current ? "true" : undefined}
            >
              {language.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
