import { languages, needsTranslationNote } from "@homeward/i18n";
import { GlossaryProvider, TranslationProvider, useTranslation } from "@homeward/i18n/react";
import { hasLeftQuickly, languageBundle, optionalViewer, services } from "@homeward/runtime";
import {
  AppShell,
  Document,
  languageChoiceHref,
  languagePageHref,
  LeaveQuickly,
  TranslationNote,
} from "@homeward/ui";
import stylesHref from "@homeward/ui/styles.css?url";
import {
  NavLink,
  Outlet,
  redirect,
  type ShouldRevalidateFunctionArgs,
  useLoaderData,
  useLocation,
  useRouteLoaderData,
} from "react-router";
import type { Route } from "./+types/root";
import { ErrorContent } from "./components/error-content.tsx";
import { glossaryTerms } from "./lib/glossary.server.ts";
import { namespacesForPage } from "./lib/page-namespaces.ts";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

/**
 * The root loader sends the page's translations, so a client-side move to a page that needs
 * other namespaces runs it again; otherwise React Router's own rule applies.
 */
export function shouldRevalidate({
  currentUrl,
  nextUrl,
  defaultShouldRevalidate,
}: ShouldRevalidateFunctionArgs) {
  const before = namespacesForPage(currentUrl.pathname).join();
  return before !== namespacesForPage(nextUrl.pathname).join() || defaultShouldRevalidate;
}

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = await optionalViewer(context, request);
  // Just left quickly: whatever Homeward page this browser opens (Back, history) goes away too.
  if (!viewer && hasLeftQuickly(request)) throw redirect(services(context).leaveQuicklyUrl);
  // Only the translations this page uses (decision 016).
  const bundle = languageBundle(request, viewer, namespacesForPage(new URL(request.url).pathname));
  // Low-data mode: the browser asked to save data, or the person chose it.
  const lowData =
    request.headers.get("save-data")?.toLowerCase() === "on" || Boolean(viewer?.lowData);
  // The glossary's phrases, for linking terms in the app's texts (issue 8): a small index,
  // not the explanations, which only the glossary page loads.
  const glossary = glossaryTerms(bundle.lng);
  return { bundle, lowData, glossary, viewer: viewer ? { name: viewer.name } : null };
}

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const bundle = root?.bundle;
  return (
    <Document lang={bundle?.lng ?? "en"} dir={bundle?.dir ?? "ltr"} scripts={!root?.lowData}>
      {bundle ? <TranslationProvider bundle={bundle}>{children}</TranslationProvider> : children}
    </Document>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  const { t, i18n } = useTranslation();
  const root = useRouteLoaderData<typeof loader>("root");
  const location = useLocation();
  const here = location.pathname + location.search;
  return (
    <AppShell
      appName={t("portal.name")}
      skipLinkLabel={t("skipToContent")}
      languageLabel={t("language.label")}
      languages={languages}
      currentLanguage={i18n.language}
      languageHref={(code) => `/language?lng=${code}&next=${encodeURIComponent(here)}`}
      languagePageHref={languagePageHref(here)}
      notice={
        needsTranslationNote(i18n.language) ? (
          <TranslationNote
            text={t("translation.notChecked")}
            linkLabel={t("translation.readInEnglish")}
            englishHref={languageChoiceHref("en", here)}
          />
        ) : null
      }
      topControl={
        <LeaveQuickly
          label={t("safety:leaveQuickly.label")}
          shortcutHint={t("safety:leaveQuickly.shortcut")}
        />
      }
      nav={root?.viewer ? <PortalNav /> : null}
      footer={<HelpLinks />}
      account={
        root?.viewer ? (
          <form method="post" action="/sign-out" className="hw-account">
            <span>{t("signedInAs", { name: root.viewer.name })}</span>{" "}
            <button type="submit" className="hw-button hw-button--link">
              {t("signOut")}
            </button>
          </form>
        ) : null
      }
    >
      <GlossaryProvider terms={root?.glossary ?? []}>{children}</GlossaryProvider>
    </AppShell>
  );
}

const portalSections = [
  { to: "/", key: "home", end: true },
  { to: "/traffic-light", key: "trafficLight", end: false },
  { to: "/agreement", key: "agreement", end: false },
  { to: "/plan", key: "plan", end: false },
  { to: "/records", key: "records", end: false },
  { to: "/views", key: "views", end: false },
  { to: "/meetings", key: "meetings", end: false },
  { to: "/account", key: "account", end: false },
] as const;

// Public help pages, for signed-in and signed-out people alike (issue 8).
function HelpLinks() {
  const { t } = useTranslation("howItWorks");
  return (
    <nav aria-label={t("links.label")}>
      <ul className="hw-help-links">
        <li>
          <NavLink to="/how-it-works">{t("links.howItWorks")}</NavLink>
        </li>
        <li>
          <NavLink to="/glossary">{t("links.glossary")}</NavLink>
        </li>
      </ul>
    </nav>
  );
}

function PortalNav() {
  const { t } = useTranslation("portal");
  return (
    <nav className="hw-nav" aria-label={t("nav.label")}>
      <ul>
        {portalSections.map((section) => (
          <li key={section.to}>
            <NavLink to={section.to} end={section.end}>
              {t(`nav.${section.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export default function App() {
  useLoaderData<typeof loader>();
  return (
    <Shell>
      <Outlet />
    </Shell>
  );
}

export function ErrorBoundary() {
  return (
    <Shell>
      <ErrorContent />
    </Shell>
  );
}
