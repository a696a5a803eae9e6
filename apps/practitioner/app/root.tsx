import { needsTranslationNote, staffLanguageCodes, staffLanguages } from "@homeward/i18n";
import { TranslationProvider, useTranslation } from "@homeward/i18n/react";
import { languageBundle, optionalViewer, services } from "@homeward/runtime";
import { managedTeams } from "@homeward/services/manager";
import {
  AppShell,
  Document,
  languageChoiceHref,
  languagePageHref,
  TranslationNote,
} from "@homeward/ui";
import stylesHref from "@homeward/ui/styles.css?url";
import { Outlet, useLoaderData, useLocation, useRouteLoaderData } from "react-router";
import type { Route } from "./+types/root";
import { ErrorContent } from "./components/error-content.tsx";
import { ManagerNav } from "./components/manager-nav.tsx";

export const links: Route.LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = await optionalViewer(context, request);
  const bundle = languageBundle(
    request,
    viewer,
    [
      "common",
      "auth",
      "practitioner",
      "rules",
      "caseload",
      "chronology",
      "assessment",
      "decisions",
      "plans",
      "builder",
      "manager",
      "review",
      "interpreters",
      "interpreterInvites",
      "gaps",
      "advocacy",
      "advocates",
      "people",
    ],
    staffLanguageCodes,
  );
  // Low-data mode: the browser asked to save data, or the person chose it.
  const lowData =
    request.headers.get("save-data")?.toLowerCase() === "on" || Boolean(viewer?.lowData);
  // Team managers get a link to their teams' figures (issue 7).
  const svc = services(context);
  const manages = viewer
    ? (
        await managedTeams({
          db: svc.db,
          userId: viewer.userId,
          kind: viewer.kind,
          app: svc.app,
          now: svc.clock(),
        })
      ).length > 0
    : false;
  return { bundle, lowData, viewer: viewer ? { name: viewer.name, manages } : null };
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
      appName={t("practitioner.name")}
      skipLinkLabel={t("skipToContent")}
      languageLabel={t("language.label")}
      languages={staffLanguages}
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
      nav={root?.viewer?.manages ? <ManagerNav /> : null}
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
      {children}
    </AppShell>
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
