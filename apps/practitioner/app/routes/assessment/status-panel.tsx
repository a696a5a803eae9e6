// The case's level under the framework's time rules (`assessRisk`): level, since when, the
// earliest step-down, the drift date and whether it may close - in words, not colour alone.
import { useTranslation } from "@homeward/i18n/react";
import type { RiskStatus } from "@homeward/rules";
import { calendarDay } from "./dates.ts";

export function RiskStatusPanel({ status, id }: { status: RiskStatus | null; id: string }) {
  const { t, i18n } = useTranslation("assessment");
  const day = (d: string) => calendarDay(d, i18n.language);
  return (
    <section aria-labelledby={id} className="hw-card">
      <h2 id={id}>{t("status.heading")}</h2>
      {status ? (
        <dl className="hw-summary">
          <dt>{t("status.level")}</dt>
          <dd>
            <span className={`hw-risk hw-risk--${status.level}`}>
              {t(`rules:riskLevels.${status.level}`)}
            </span>
          </dd>
          <dt>{t("status.since")}</dt>
          <dd>{day(status.since)}</dd>
          <dt>{t("status.earliestStepDown")}</dt>
          <dd>
            {status.earliestStepDown ? day(status.earliestStepDown) : t("status.notImproving")}
          </dd>
          <dt>{t("status.driftDate")}</dt>
          <dd>{status.driftDate ? day(status.driftDate) : t("status.noDrift")}</dd>
          <dt>{t("status.mayClose")}</dt>
          <dd>{status.mayClose ? t("status.yes") : t("status.no")}</dd>
          <dt>{t("status.reunification")}</dt>
          <dd>{status.reunificationPossible ? t("status.possible") : t("status.notPossible")}</dd>
        </dl>
      ) : (
        <p>{t("status.none")}</p>
      )}
    </section>
  );
}
