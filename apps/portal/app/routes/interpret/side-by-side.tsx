// The side-by-side view (issue 8): one of the person's pages - home, traffic light,
// agreement, an entry to check, meetings, plan, or views and wishes - paragraph by paragraph in their language beside English,
// for an interpreter in a meeting or on the phone. It shows exactly what the person sees (the
// same services, read as the person) and is audited as a view of its own. Reading only: the
// interpreter writes for the person on the ordinary page, linked from here.
import { type Namespace, languages } from "@homeward/i18n";
import { Glossed, GlossaryProvider, useTranslation } from "@homeward/i18n/react";
import { agreementsForMe } from "@homeward/services/agreements";
import { familyHome } from "@homeward/services/family-home";
import { sideBySideAccess } from "@homeward/services/interpreters";
import { meetingsFor } from "@homeward/services/meetings";
import { familyPlans } from "@homeward/services/plans";
import { entryForViewer } from "@homeward/services/record-entries";
import { trafficLightFor } from "@homeward/services/traffic-light";
import { myViews } from "@homeward/services/views";
import { PageTitle } from "@homeward/ui";
import { data, Link } from "react-router";
import { formatDate } from "../../lib/dates.ts";
import { glossaryTerms } from "../../lib/glossary.server.ts";
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
import { meetingsBlocks, planBlocks, viewsBlocks } from "./paragraphs-more.ts";
import { translatorFor } from "./translators.server.ts";
import stylesHref from "./side-by-side.css?url";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

const pages = [
  "home",
  "traffic-light",
  "agreement",
  "records",
  "meetings",
  "plan",
  "views",
] as const;
/** The pages linked from each side-by-side page (an entry is reached from home or meetings). */
const linked = ["home", "traffic-light", "agreement", "meetings", "plan", "views"] as const;
type Page = (typeof pages)[number];

const namespaces: Namespace[] = [
  "common",
  "portal",
  "rules",
  "traffic",
  "meetings",
  "agreement",
  "records",
  "plan",
  "wishes",
  "interpreting",
  "interpretingMore",
];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx } = await familyContext(context, request);
  const page = pages.find((p) => p === params.page);
  if (!page || (page === "records") !== Boolean(params.entryId)) throw data(null, { status: 404 });
  const caseId = params.caseId;
  const access = await orRefuse(sideBySideAccess(ctx, caseId, page));

  let build: (w: Words) => Block[];
  let entries: { entryId: string; title: string }[] = [];
  let minutes: { entryId: string; type: string; startsAt: string }[] = [];
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
    case "meetings": {
      // The meetings page's own service, read as the person; this case's meetings only.
      const all = await orRefuse(meetingsFor(ctx));
      const ofCase = {
        upcoming: all.upcoming.filter((m) => m.caseId === caseId),
        past: all.past.filter((m) => m.caseId === caseId),
      };
      build = (w) => meetingsBlocks(ofCase, w);
      // Minutes appear only once they are shared with the person (meetingsFor asks the policy).
      minutes = ofCase.past.flatMap((m) =>
        m.minutesEntryId ? [{ entryId: m.minutesEntryId, type: m.type, startsAt: m.startsAt }] : [],
      );
      normalHref = "/meetings";
      break;
    }
    case "plan": {
      const plan = (await orRefuse(familyPlans(ctx))).find((c) => c.caseId === caseId);
      if (!plan) throw data(null, { status: 404 });
      build = (w) => planBlocks(plan, w);
      normalHref = "/plan";
      break;
    }
    case "views": {
      // Read as the person: a young person's private wishes only when the person is them.
      const [current] = await orRefuse(myViews(ctx, { caseId }));
      if (!current) throw data(null, { status: 404 });
      build = (w) => viewsBlocks(current, w);
      normalHref = `/views?case=${encodeURIComponent(caseId)}`;
      break;
    }
  }
  const words = (language: string): Words => ({
    t: translatorFor(language, namespaces),
    language,
  });
  const rows = pairUp(build(words(access.language)), build(words("en")));
  // Each column links its terms to the glossary in its own language (issue 8).
  const glossary = { person: glossaryTerms(access.language), english: glossaryTerms("en") };
  return { access, page, rows, entries, minutes, normalHref, glossary };
}

const pageKey: Record<Page, string> = {
  home: "pages.home",
  "traffic-light": "pages.traffic",
  agreement: "pages.agreement",
  records: "pages.entry",
  meetings: "interpretingMore:pages.meetings",
  plan: "interpretingMore:pages.plan",
  views: "interpretingMore:pages.views",
};

export default function SideBySide({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation("interpreting");
  const { access, page, rows, entries, minutes, normalHref, glossary } = loaderData;
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
          {linked
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
              <GlossaryProvider
                terms={glossary.person}
                href={`/glossary?lng=${person.code}`}
                lang={person.code}
              >
                <Paragraph kind={row.kind} text={row.person} lang={person.code} dir={person.dir} />
              </GlossaryProvider>
              <GlossaryProvider terms={glossary.english} href="/glossary?lng=en" lang="en">
                <Paragraph kind={row.kind} text={row.english} lang="en" dir="ltr" />
              </GlossaryProvider>
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
      {minutes.length > 0 ? (
        <>
          <h2>{t("interpretingMore:minutesHeading")}</h2>
          <ul>
            {minutes.map((m) => (
              <li key={m.entryId}>
                <Link to={`${base}/records/${encodeURIComponent(m.entryId)}`}>
                  {t("interpretingMore:minutesLink", {
                    meeting: t(`meetings:types.${m.type}`),
                    date: formatDate(m.startsAt, i18n.language),
                  })}
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
        <Glossed text={text} />
      </h2>
    );
  if (kind === "h3")
    return (
      <h3 lang={lang} dir={dir}>
        <Glossed text={text} />
      </h3>
    );
  return (
    <p lang={lang} dir={dir} className={kind === "li" ? "hw-sbs__li" : undefined}>
      <Glossed text={text} />
    </p>
  );
}
