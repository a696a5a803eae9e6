// The interpreter's list of the people they interpret for, with the language and the last
// day of their access, and links to each person's pages side by side (issue 8).
import { languages } from "@homeward/i18n";
import { Glossed, useTranslation } from "@homeward/i18n/react";
import { interpretingFor } from "@homeward/services/interpreters";
import { PageTitle } from "@homeward/ui";
import { Link } from "react-router";
import { formatDate } from "../../lib/dates.ts";
import { familyContext, orRefuse } from "../../lib/service-context.server.ts";
import type { Route } from "./+types/index";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { ctx } = await familyContext(context, request);
  // Just accepted an invitation (accept.tsx): say so above their people.
  const accepted = new URL(request.url).searchParams.get("accepted") === "1";
  return { people: await orRefuse(interpretingFor(ctx)), accepted };
}

export default function Interpreting({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("interpreting");
  return (
    <>
      <PageTitle page={t("title")} app={t("common:portal.name")} />
      <h1>{t("heading")}</h1>
      {loaderData.accepted ? (
        <p className="hw-notice" role="status">
          <Glossed text={t("interpretingMore:accepted")} />
        </p>
      ) : null}
      {loaderData.people.length === 0 ? (
        <p>
          <Glossed text={t("none")} />
        </p>
      ) : (
        <>
          <p>
            <Glossed text={t("intro")} />
          </p>
          {loaderData.people.map((p) => (
            <PersonCard key={p.caseId} person={p} />
          ))}
        </>
      )}
    </>
  );
}

export function PersonCard({
  person,
}: {
  person: Route.ComponentProps["loaderData"]["people"][number];
}) {
  const { t, i18n } = useTranslation("interpreting");
  const id = `interpreting-${person.caseId}`;
  const language = languages.find((l) => l.code === person.language);
  const base = `/interpret/${encodeURIComponent(person.caseId)}`;
  return (
    <section aria-labelledby={id} className="hw-card">
      <h2 id={id}>
        <Glossed text={t("person", { name: person.personName, child: person.childFirstName })} />
      </h2>
      <p>
        {t("language")}{" "}
        <span lang={person.language} dir={language?.dir}>
          {language?.name}
        </span>
      </p>
      {person.lastDay ? (
        <p className="hw-status">
          <Glossed text={t("until", { date: formatDate(person.lastDay, i18n.language) })} />
        </p>
      ) : null}
      <h3>
        <Glossed text={t("pages.heading")} />
      </h3>
      <ul>
        <li>
          <Link to={`${base}/home`}>{t("pages.home")}</Link>
        </li>
        <li>
          <Link to={`${base}/traffic-light`}>{t("pages.traffic")}</Link>
        </li>
        <li>
          <Link to={`${base}/agreement`}>{t("pages.agreement")}</Link>
        </li>
        <li>
          <Link to={`${base}/meetings`}>{t("interpretingMore:pages.meetings")}</Link>
        </li>
        <li>
          <Link to={`${base}/plan`}>{t("interpretingMore:pages.plan")}</Link>
        </li>
        <li>
          <Link to={`${base}/views`}>{t("interpretingMore:pages.views")}</Link>
        </li>
      </ul>
    </section>
  );
}
