// The interpreter's list of the people they interpret for, with the language and the last
// day of their access, and links to each person's pages side by side (issue 8).
import { languages } from "@homeward/i18n";
import { useTranslation } from "@homeward/i18n/react";
import { interpretingFor } from "@homeward/services/interpreters";
import { PageTitle } from "@homeward/ui";
import { Link } from "react-router";
import { formatDate } from "../../lib/dates.ts";
import { familyContext, orRefuse } from "../../lib/service-context.server.ts";
import type { Route } from "./+types/index";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { ctx } = await familyContext(context, request);
  return { people: await orRefuse(interpretingFor(ctx)) };
}

export default function Interpreting({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("interpreting");
  return (
    <>
      <PageTitle page={t("title")} app={t("common:portal.name")} />
      <h1>{t("heading")}</h1>
      {loaderData.people.length === 0 ? (
        <p>{t("none")}</p>
      ) : (
        <>
          <p>{t("intro")}</p>
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
      <h2 id={id}>{t("person", { name: person.personName, child: person.childFirstName })}</h2>
      <p>
        {t("language")}{" "}
        <span lang={person.language} dir={language?.dir}>
          {language?.name}
        </span>
      </p>
      {person.lastDay ? (
        <p className="hw-status">
          {t("until", { date: formatDate(person.lastDay, i18n.language) })}
        </p>
      ) : null}
      <h3>{t("pages.heading")}</h3>
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
      </ul>
    </section>
  );
}
