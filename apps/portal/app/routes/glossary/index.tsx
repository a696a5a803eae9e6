// /glossary (issue 8): every term families meet, A to Z in the reader's language, each with
// a plain explanation and what it means for them. Public: it holds no case data, so signed-out
// people (and people deciding whether to sign in) can read it. Search is a GET form, so it
// works without JavaScript: /glossary?q=order. `?lng=ar` opens it in a given language, whatever
// the reader's own (a link from one column of the interpreter's side-by-side view): the page
// around it stays in the reader's language, and nothing is saved.
import { isLanguageCode } from "@homeward/i18n";
import { TranslationProvider, useTranslation } from "@homeward/i18n/react";
import { languageFor, optionalViewer } from "@homeward/runtime";
import { Button, PageTitle, TextField } from "@homeward/ui";
import { Form, Link } from "react-router";
import { z } from "zod";
import { glossaryBundle, searchGlossary } from "../../lib/glossary.server.ts";
import type { Route } from "./+types/index";
import stylesHref from "./glossary.css?url";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

// A search longer than any term is a mistake or an attack; cut it rather than refuse it.
const query = z.string().trim().max(100).catch("");

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = await optionalViewer(context, request);
  const own = languageFor(request, viewer);
  const url = new URL(request.url);
  const asked = url.searchParams.get("lng");
  const lng = isLanguageCode(asked) ? asked : own;
  const q = query.parse(url.searchParams.get("q") ?? "").slice(0, 100);
  return {
    q,
    entries: searchGlossary(lng, q),
    other: lng === own ? null : glossaryBundle(lng),
  };
}

export default function GlossaryPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("howItWorks");
  const { other } = loaderData;
  return (
    <>
      <PageTitle page={t("glossary.title")} app={t("common:portal.name")} />
      {other ? (
        <div lang={other.lng} dir={other.dir}>
          <TranslationProvider bundle={other}>
            <Glossary {...loaderData} lng={other.lng} />
          </TranslationProvider>
        </div>
      ) : (
        <Glossary {...loaderData} lng={null} />
      )}
    </>
  );
}

function Glossary({
  q,
  entries,
  lng,
}: Pick<Route.ComponentProps["loaderData"], "q" | "entries"> & { lng: string | null }) {
  const { t } = useTranslation("howItWorks");
  const all = lng ? `/glossary?lng=${lng}` : "/glossary";
  return (
    <>
      <h1>{t("glossary.title")}</h1>
      <p>{t("glossary.intro")}</p>
      <Form method="get" action="/glossary" role="search" className="hw-glossary-search">
        {lng ? <input type="hidden" name="lng" value={lng} /> : null}
        <TextField name="q" type="search" label={t("glossary.searchLabel")} defaultValue={q} />
        <Button>{t("glossary.searchButton")}</Button>
      </Form>
      {q ? (
        <p className="hw-status" role="status">
          {entries.length === 0
            ? t("glossary.noResults", { query: q })
            : t("glossary.results", { count: entries.length, query: q })}{" "}
          <Link to={all}>{t("glossary.showAll")}</Link>
        </p>
      ) : null}
      {entries.length > 0 ? (
        <ul className="hw-glossary" aria-label={t("glossary.listLabel")}>
          {entries.map((entry) => (
            <li key={entry.id} id={entry.id} className="hw-glossary__entry">
              <h2>{entry.term}</h2>
              <p>{entry.explanation}</p>
              <h3>{t("glossary.forYou")}</h3>
              <p>{entry.forYou}</p>
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
