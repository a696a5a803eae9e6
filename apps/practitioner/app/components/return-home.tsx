// The return home's history and what the framework's rules still want before a return can be
// recorded (issue 7, practitioner gaps). Used by the case overview and the plans and
// monitoring page.
import { useTranslation } from "@homeward/i18n/react";
import type { ReturnHomeProblem } from "@homeward/rules";
import type { Translate as TFunction } from "@homeward/i18n";
import type { ReturnHomeView } from "@homeward/services/return-home-history";
import { calendarDay } from "../routes/assessment/dates.ts";

/** Every return home, oldest first: a child can go home, come back into care, and go again. */
export function ReturnHistory({
  history,
  headingLevel = 2,
}: {
  history: readonly ReturnHomeView[];
  headingLevel?: 2 | 3;
}) {
  const { t, i18n } = useTranslation("gaps");
  const day = (iso: string) => calendarDay(iso, i18n.language);
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <section aria-labelledby="return-history-title">
      <Heading id="return-history-title">{t("history.heading")}</Heading>
      {history.length === 0 ? (
        <p>{t("history.none")}</p>
      ) : (
        <ol className="hw-list">
          {history.map((r) => (
            <li key={`${r.number}-${r.returnedOn}`}>
              <strong>{t("history.item", { number: r.number, date: day(r.returnedOn) })}</strong>{" "}
              {r.reEnteredCareOn
                ? t("history.backInCare", { date: day(r.reEnteredCareOn) })
                : r.current
                  ? t("history.current")
                  : null}
              <br />
              <span className="hw-muted">
                {r.riskLevel
                  ? `${t("history.level", { level: t(`rules:riskLevels.${r.riskLevel}`) })} · `
                  : ""}
                {r.recordedByName
                  ? t("history.recordedBy", { name: r.recordedByName })
                  : t("history.before")}
              </span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** One problem the rules found, in words. */
function problemText(t: TFunction, p: ReturnHomeProblem): string {
  switch (p.kind) {
    case "rule":
      return t(`plans:errors.${p.code}`);
    case "stage":
      return t(`gaps:returnHome.stage.${p.code}`);
    case "milestone":
      return t("gaps:returnHome.milestone", { milestone: t(`rules:milestones.${p.milestone}`) });
    case "blocker":
      return t(`rules:stageBlockers.${p.blocker}`);
    case "time":
      return t(`gaps:returnHome.time.${p.code}`);
  }
}

/** Everything the rules say is missing before the child can be recorded as home. */
export function ReturnProblems({
  problems,
  intro,
}: {
  problems: readonly ReturnHomeProblem[];
  intro: string;
}) {
  const { t } = useTranslation("gaps");
  if (problems.length === 0) return null;
  return (
    <>
      <p>{intro}</p>
      <ul className="hw-list">
        {problems.map((p) => {
          const text = problemText(t, p);
          return <li key={text}>{text}</li>;
        })}
      </ul>
    </>
  );
}
