// The side-by-side view (issue 8): one of the person's pages - home, traffic light,
// agreement, or an entry to check - paragraph by paragraph in their language beside English,
// for an interpreter in a meeting or on the phone. It shows exactly what the person sees (the
// same services, read as the person) and is audited as a view of its own. Reading only: the
// interpreter writes for the person on the ordinary page, linked from here.
import { type Namespace, languages } from "@homeward/i18n";
import { useTranslation } from "@homeward/i18n/react";
import { agreementsForMe } from "@homeward/services/agreements";
import { familyHome } from "@homeward/services/family-home";
import { sideBySideAccess } from "@homeward/services/interpreters";
import { entryForViewer } from "@homeward/services/record-entries";
import { trafficLightFor } from "@homeward/services/traffic-light";
import { PageTitle } from "@homeward/ui";
import { data, Link } from "react-router";
import { familyContext, orRefuse } from "../../lib/service-context.server.ts";
import type { Route } from "./+types/side-by-side";
import {
  type Block,
  agreementBlocks,
  entryBlocks,
  homeBlocks,
  pairUp,
  trafficBlocks,
  type Words,
} from "./paragraphs.ts";
import { translatorFor } from "./translators.server.ts";
import stylesHref from "./side-by-side.css?url";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

const pages = ["home", "traffic-light", "agreement", "records"] as const;
type Page = (typeof pages)[number];

const namespaces: Namespace[] = [
  "common",
  "portal",
  "rules",
  "traffic",
  "meetings",
  "agreement",
  "records",
  "interpreting",
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx } = await familyContext(context, request);
  const page = pages.find((p) => p === params.page);
  if (!page || (page === "records") !== Boolean(params.entryId)) throw data(null, { status: 404 });
  const caseId = params.caseId;
  const access = await orRefuse(sideBySideAccess(ctx, caseId, page));

  let build: (w: Words) => Block[];
  let entries: { entryId: string; title: string }[] = [];
  let normalHref: string;
  switch (page) {
    case "home": {
      const home = (await orRefuse(familyHome(ctx))).cases.find((c) => c.caseId === caseId);
      if (!home) throw data(null, { status: 404 });
      build = (w) => homeBlocks(home, w);
      entries = home.entriesToCheck.map(({ entryId, title }) => ({ entryId, title }));
      normalHref = "/";
      break;
    }
    case "traffic-light": {
      const light = await orRefuse(trafficLightFor(ctx, caseId));
      build = (w) => trafficBlocks(light, w);
      normalHref = "/traffic-light";
      break;
    }
    case "agreement": {
      const agreements = (await orRefuse(agreementsForMe(ctx))).filter((a) => a.caseId === caseId);
      build = (w) =>
        agreements.length === 0
          ? [{ kind: "p", text: w.t("interpreting:noAgreement") }]
          : agreements.flatMap((a) => agreementBlocks(a, w));
      normalHref = "/agreement";
      break;
    }
    case "records": {
      const entryId = params.entryId ?? "";
      const entry = await orRefuse(entryForViewer(ctx, entryId));
      if (entry.caseId !== caseId) throw data(null, { status: 404 });
      build = (w) => entryBlocks(entry, w);
      normalHref = `/records/${encodeURIComponent(entryId)}`;
      break;
    }
  }
  const words = (language: string): Words => ({
    t: translatorFor(language, namespaces),
    language,
  });
  const rows = pairUp(build(words(access.language)), build(words("en")));
  return { access, page, rows, entries, normalHref };
}

const pageKey: Record<Page, string> = {
  home: "pages.home",
  "traffic-light": "pages.traffic",
  agreement: "pages.agreement",
  records: "pages.entry",
};

export default function SideBySide({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("interpreting");
  const { access, page, rows, entries, normalHref } = loaderData;
  const person = languages.find((l) => l.code === access.language) ?? languages[0];
  const english = languages[0];
  const pageName = t(pageKey[page]);
  const base = `/interpret/${encodeURIComponent(access.caseId)}`;
  return (
    <>
      <PageTitle page={t("sideBySide.title", { page: pageName })} app={t("common:portal.name")} />
      <p>
        <Link to="/interpret">{t("sideBySide.back")}</Link>
      </p>
      <h1>{t("sideBySide.heading", { page: pageName, name: access.personName })}</h1>
      <p>{t("sideBySide.intro", { name: access.personName })}</p>
      <p className="hw-notice">
        {t("sideBySide.writeHere", { name: access.personName })}{" "}
        <Link to={normalHref}>{t("sideBySide.openNormal", { page: pageName })}</Link>
      </p>
      <nav aria-label={t("sideBySide.otherPages")}>
        <ul className="hw-actions">
          {(["home", "traffic-light", "agreement"] as const)
            .filter((p) => p !== page)
            .map((p) => (
              <li key={p}>
                <Link to={`${base}/${p}`}>{t(pageKey[p])}</Link>
              </li>
            ))}
        </ul>
      </nav>
      <div className="hw-sbs">
        <div className="hw-sbs__row hw-sbs__columns" aria-hidden="true">
          <p lang={person.code} dir={person.dir}>
            {person.name}
          </p>
          <p lang={english.code} dir={english.dir}>
            {english.name}
          </p>
        </div>
        {rows.map((row, index) =>
          row.kind === "written" ? (
            <div key={index.toString()} className="hw-sbs__row">
              <blockquote className="hw-quote hw-sbs__written">
                <span className="hw-sbs__label">{t("sideBySide.asWritten")}</span>
                <span className="hw-entry-body" dir="auto">
                  {row.text}
                </span>
              </blockquote>
            </div>
          ) : (
            <div key={index.toString()} className="hw-sbs__row">
              <Paragraph kind={row.kind} text={row.person} lang={person.code} dir={person.dir} />
              <Paragraph kind={row.kind} text={row.english} lang="en" dir="ltr" />
            </div>
          ),
        )}
      </div>
      {entries.length > 0 ? (
        <>
          <h2>{t("sideBySide.entriesHeading")}</h2>
          <ul>
            {entries.map((e) => (
              <li key={e.entryId}>
                <Link to={`${base}/records/${encodeURIComponent(e.entryId)}`} dir="auto">
                  {e.title}
                </Link>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function Paragraph({
  kind,
  text,
  lang,
  dir,
}: {
  kind: "h2" | "h3" | "p" | "li";
  text: string;
  lang: string;
  dir: "ltr" | "rtl";
}) {
  // Headings stay headings in both languages, so a screen reader user can move by heading
  // in either; the English one is the pair's second.
  if (kind === "h2")
    return (
      <h2 lang={lang} dir={dir}>
        {text}
      </h2>
    );
  if (kind === "h3")
    return (
      <h3 lang={lang} dir={dir}>
        {text}
      </h3>
    );
  return (
    <p lang={lang} dir={dir} className={kind === "li" ? "hw-sbs__li" : undefined}>
      {text}
    </p>
  );
}
