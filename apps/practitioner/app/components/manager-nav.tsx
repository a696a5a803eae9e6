import { useTranslation } from "@homeward/i18n/react";
import { NavLink } from "react-router";

/** The main navigation for team managers: the caseload and the team figures (issue 7). */
export function ManagerNav() {
  const { t } = useTranslation("manager");
  return (
    <nav className="hw-nav" aria-label={t("nav.label")}>
      <ul>
        <li>
          <NavLink to="/" end>
            {t("nav.caseload")}
          </NavLink>
        </li>
        <li>
          <NavLink to="/manager">{t("nav.figures")}</NavLink>
        </li>
      </ul>
    </nav>
  );
}
