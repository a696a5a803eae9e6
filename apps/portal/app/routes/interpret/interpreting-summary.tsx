// On an interpreter's home page: who they interpret for, in which language, until when, and
// the way into the side-by-side view (issue 8). Nothing for anyone else.
import { languages } from "@homeward/i18n";
import { useTranslation } from "@homeward/i18n/react";
import type { InterpretingFor } from "@homeward/services/interpreters";
import { Link } from "react-router";
import { formatDate } from "../../lib/dates.ts";

export function InterpretingSummary({ people }: { people: readonly InterpretingFor[] }) {
  const { t, i18n } = useTranslation("interpreting");
  if (people.length === 0) return null;
  return (
    <ul className="hw-notice">
      {people.map((p) => (
        <li key={p.caseId}>
          {t("homeSummary.sentence", {
            name: p.personName,
            language: languages.find((l) => l.code === p.language)?.name ?? p.language,
            date: p.lastDay ? formatDate(p.lastDay, i18n.language) : "",
          })}{" "}
          <Link to={`/interpret/${encodeURIComponent(p.caseId)}/home`}>
            {t("homeSummary.open", { name: p.personName })}
          </Link>
        </li>
      ))}
    </ul>
  );
}
