import { useTranslation } from "@homeward/i18n/react";
import { NavLink } from "react-router";

const sections = [
  { path: "", key: "overview", end: true },
  { path: "/chronology", key: "chronology", end: false },
  { path: "/records", key: "records", end: false },
  { path: "/factors", key: "factors", end: false },
  { path: "/classification", key: "classification", end: false },
  { path: "/decisions", key: "decisions", end: false },
  { path: "/plans", key: "plans", end: false },
  { path: "/agreements", key: "agreements", end: false },
  { path: "/interpreters", key: "interpreters", end: false },
  { path: "/advocates", key: "advocates", end: false },
  { path: "/people", key: "people", end: false },
  { path: "/activity", key: "activity", end: false },
] as const;

/** The sections of one case, shown at the top of every case page. */
export function CaseNav({ caseId, reference }: { caseId: string; reference: string }) {
  const { t } = useTranslation("practitioner");
  return (
    <nav className="hw-nav hw-case-nav" aria-label={t("caseNav.label", { reference })}>
      <ul>
        {sections.map((section) => (
          <li key={section.key}>
            <NavLink to={`/cases/${caseId}${section.path}`} end={section.end}>
              {t(`caseNav.${section.key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
