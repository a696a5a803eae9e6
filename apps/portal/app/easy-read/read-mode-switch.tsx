// The switch between easy read and standard, on each of the five pages (issue 8). Two plain
// links: they work without JavaScript, and the loader remembers the choice for the visit.
import { useTranslation } from "@homeward/i18n/react";
import type { ReadMode } from "@homeward/rules";
import { EasyIcon } from "@homeward/ui";
import { Link, useLocation } from "react-router";

export function ReadModeSwitch({ mode }: { mode: ReadMode }) {
  const { t } = useTranslation("easyread");
  const { pathname, search } = useLocation();
  const href = (to: ReadMode) => {
    const params = new URLSearchParams(search);
    params.set("read", to);
    return `${pathname}?${params.toString()}`;
  };
  return (
    <nav className="hw-easy-switch" aria-label={t("switch.label")}>
      <ul>
        {(["easy", "standard"] as const).map((to) => (
          <li key={to}>
            <Link to={href(to)} aria-current={to === mode ? "page" : undefined} reloadDocument>
              {to === "easy" ? <EasyIcon name="eye" /> : null}
              {t(`switch.${to}`)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
