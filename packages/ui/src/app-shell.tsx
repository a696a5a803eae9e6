import type { ReactNode } from "react";
import { LanguageLink } from "./language-page.tsx";
import { type LanguageOption, LanguageSwitcher } from "./language-switcher.tsx";

export interface AppShellProps {
  appName: string;
  homeHref?: string;
  skipLinkLabel: string;
  languageLabel: string;
  languages: readonly LanguageOption[];
  currentLanguage: string;
  languageHref: (code: string) => string;
  /**
   * The language page (see language-page.tsx). When given, the header shows one "Language"
   * link to it instead of listing every language: ten names do not fit a phone's header.
   */
  languagePageHref?: string;
  /** A short note at the foot of the header on every page (e.g. the translation note). */
  notice?: ReactNode;
  /** A control that must be the first thing after the skip link (the portal's leave quickly). */
  topControl?: ReactNode;
  /** Shown when signed in: who, and the sign-out control. */
  account?: ReactNode;
  /** The main navigation, shown under the header when signed in. */
  nav?: ReactNode;
  children: ReactNode;
  footer?: ReactNode;
}

/** The frame of every page: skip link, header with language switcher, one <main>. */
export function AppShell(props: AppShellProps) {
  return (
    <>
      <a className="hw-skip-link" href="#main">
        {props.skipLinkLabel}
      </a>
      {props.topControl}
      <header className="hw-header">
        <a className="hw-header__name" href={props.homeHref ?? "/"}>
          {props.appName}
        </a>
        {props.account}
        {props.languagePageHref ? (
          <LanguageLink
            href={props.languagePageHref}
            label={props.languageLabel}
            current={props.currentLanguage}
          />
        ) : (
          <LanguageSwitcher
            label={props.languageLabel}
            languages={props.languages}
            current={props.currentLanguage}
            hrefFor={props.languageHref}
          />
        )}
        {props.notice}
      </header>
      {props.nav}
      <main id="main" className="hw-main" tabIndex={-1}>
        {props.children}
      </main>
      {props.footer ? <footer className="hw-footer">{props.footer}</footer> : null}
    </>
  );
}
