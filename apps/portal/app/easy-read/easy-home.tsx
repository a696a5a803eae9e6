// Home in easy read (issue 8): the same view model as the standard home page, said in
// short lines, most important first, each with a picture beside it.
import { Glossed, useTranslation } from "@homeward/i18n/react";
import type { FamilyHomeCase } from "@homeward/services/family-home";
import { EasyLine, EasyList } from "@homeward/ui";
import { Link } from "react-router";
import { calendarDate, meetingDay } from "../routes/meetings/dates.ts";
import { TrafficLightLine } from "./traffic-light-line.tsx";

export function EasyHome({ name, cases }: { name: string; cases: FamilyHomeCase[] }) {
  const { t } = useTranslation("easyread");
  return (
    <div className="hw-easy">
      <h1>{t("home.hello", { name })}</h1>
      {cases.length === 0 ? (
        <EasyLine name="house">
          <Glossed text={t("home.noCases")} />
        </EasyLine>
      ) : (
        cases.map((c) => <EasyCase key={c.caseId} home={c} />)
      )}
      <EasyLine name="person">
        <Glossed text={t("askWorker")} />
      </EasyLine>
    </div>
  );
}

function EasyCase({ home }: { home: FamilyHomeCase }) {
  const { t, i18n } = useTranslation("easyread");
  const headingId = `easy-case-${home.caseId}`;
  const date = (day: string) => calendarDate(day, i18n.language);
  const stage = t(`rules:stages.${home.step}`);
  const nothing = home.entriesToCheck.length === 0 && home.goalsDue.length === 0;
  return (
    <section aria-labelledby={headingId} className="hw-easy-section">
      <h2 id={headingId}>
        <Glossed text={t("about", { child: home.childFirstName })} />
      </h2>
      {home.helping ? (
        <EasyLine name="person">
          <Glossed text={t("helping")} />
        </EasyLine>
      ) : null}

      {/* What the person has to do comes first. */}
      {nothing ? (
        <EasyLine name="tick">
          <Glossed text={t("home.nothingToDo")} />
        </EasyLine>
      ) : null}
      {home.entriesToCheck.length > 0 ? (
        <EasyList>
          {home.entriesToCheck.map((entry) => (
            <EasyLine as="li" name="pen" key={entry.entryId}>
              <Link to={`/records/${encodeURIComponent(entry.entryId)}`}>
                {t("home.check", { title: entry.title })}
              </Link>
              {entry.deadline ? (
                <span className="hw-easy-detail">
                  <Glossed text={t("home.replyBy", { date: date(entry.deadline) })} />
                </span>
              ) : null}
            </EasyLine>
          ))}
        </EasyList>
      ) : null}
      {home.goalsDue.length > 0 ? (
        <>
          <EasyList>
            {home.goalsDue.map((goal) => (
              <EasyLine as="li" name={goal.overdue ? "warning" : "calendar"} key={goal.goalId}>
                <Glossed
                  text={t("home.goal", { goal: goal.changeNeeded })}
                  keep={[goal.changeNeeded]}
                />
                <span className="hw-easy-detail">
                  <Glossed
                    text={t(goal.overdue ? "home.goalLate" : "home.goalDue", {
                      date: date(goal.dueDate),
                    })}
                  />
                </span>
              </EasyLine>
            ))}
          </EasyList>
          <EasyLine name="paper">
            <Link to="/agreement">{t("home.agreementLink")}</Link>
          </EasyLine>
        </>
      ) : null}

      {home.nextMeeting ? (
        <EasyLine name="calendar">
          <Glossed
            text={t("home.meeting", {
              date: meetingDay(home.nextMeeting.startsAt, i18n.language),
            })}
          />
        </EasyLine>
      ) : (
        <EasyLine name="calendar">
          <Glossed text={t("home.noMeeting")} />
        </EasyLine>
      )}
      <p className="hw-easy-more">
        <Link to="/meetings">{t("home.meetingsLink")}</Link>
      </p>

      {home.riskLevel ? (
        <TrafficLightLine level={home.riskLevel} />
      ) : (
        <EasyLine name="light">
          <Glossed text={t("notDecided")} />
        </EasyLine>
      )}
      <p className="hw-easy-more">
        <Link to="/traffic-light">{t("home.lightLink")}</Link>
      </p>

      <EasyLine name="house">
        <Glossed
          text={
            home.stageNumber
              ? t("home.step", { number: home.stageNumber, stage })
              : t("home.notAStep", { stage })
          }
        />
      </EasyLine>

      {home.socialWorker ? (
        <>
          <EasyLine name="person">
            <Glossed text={t("home.worker", { name: home.socialWorker.name })} />
          </EasyLine>
          <p className="hw-easy-more">
            <a href={`mailto:${home.socialWorker.email}`}>
              {t("home.workerEmail", { name: home.socialWorker.name })}
            </a>
          </p>
        </>
      ) : (
        <EasyLine name="person">
          <Glossed text={t("home.noWorker")} />
        </EasyLine>
      )}
    </section>
  );
}
