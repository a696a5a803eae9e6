// People I support (issue 8): an advocate's (or interpreter's) page. For each person who
// asked them to help: the case's stage, what needs their help (records to check with their
// reply-by dates, the next meeting, goals due) and where to act for them. Everything comes
// through familyHome, so the policy decides it as it would for the person, and it is audited.
import { Glossed, useTranslation } from "@homeward/i18n/react";
import { peopleISupport, type SupportedPerson } from "@homeward/services/advocacy";
import { PageTitle } from "@homeward/ui";
import { Link } from "react-router";
import { familyContext, orRefuse } from "../../lib/service-context.server.ts";
import { calendarDate } from "../meetings/dates.ts";
import { MeetingDetails } from "../meetings/meeting-details.tsx";
import type { Route } from "./+types/people";
import { londonDay } from "./dates.ts";
import { PermissionList } from "./permissions.tsx";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { ctx } = await familyContext(context, request);
  const people = await orRefuse(peopleISupport(ctx));
  return { people, accepted: new URL(request.url).searchParams.get("accepted") === "1" };
}

export default function PeopleISupport({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("advocacy");
  return (
    <>
      <PageTitle page={t("people.title")} app={t("common:portal.name")} />
      <h1>{t("people.title")}</h1>
      {loaderData.accepted ? (
        <p className="hw-notice" role="status">
          <Glossed text={t("accept.accepted")} />
        </p>
      ) : null}
      <p>
        <Glossed text={t("people.intro")} />
      </p>
      {loaderData.people.length === 0 ? (
        <p>
          <Glossed text={t("people.none")} />
        </p>
      ) : null}
      {loaderData.people.map((person) => (
        <Person key={`${person.caseId}-${person.personName}`} person={person} />
      ))}
    </>
  );
}

function Person({ person }: { person: SupportedPerson }) {
  const { t, i18n } = useTranslation("advocacy");
  const { home } = person;
  const headingId = `person-${person.caseId}`;
  const stage = t(`rules:stages.${home.step}`);
  const helperRole = person.helperRole === "interpreter" ? "interpreter" : "advocate";
  return (
    <section aria-labelledby={headingId} className="hw-card">
      <h2 id={headingId}>
        <Glossed
          text={t("people.person", { name: person.personName, child: home.childFirstName })}
        />
      </h2>
      <p>
        <Glossed text={t(`people.as.${helperRole}`)} />
      </p>
      <p className="hw-status">
        <Glossed
          text={
            home.stageNumber
              ? t("portal:home.stage.stepOf", { number: home.stageNumber, stage })
              : t("portal:home.stage.notAStep", { stage })
          }
        />
      </p>
      {person.activeUntil ? (
        <p>
          <Glossed
            text={t("people.until", { date: londonDay(person.activeUntil, i18n.language) })}
          />
        </p>
      ) : null}
      <p>
        <Glossed text={t("people.may")} />
      </p>
      <PermissionList permissions={person.permissions} />

      <h3>
        <Glossed text={t("people.entries")} />
      </h3>
      {home.entriesToCheck.length === 0 ? (
        <p>
          <Glossed text={t("people.noEntries")} />
        </p>
      ) : (
        <ul>
          {home.entriesToCheck.map((entry) => (
            <li key={entry.entryId}>
              <Link to={`/records/${encodeURIComponent(entry.entryId)}`}>{entry.title}</Link>
              {entry.deadline ? (
                <>
                  {" "}
                  <span className="hw-status">
                    <Glossed
                      text={t("portal:home.waiting.replyBy", {
                        date: calendarDate(entry.deadline, i18n.language),
                      })}
                    />
                  </span>
                </>
              ) : null}
            </li>
          ))}
        </ul>
      )}

      <h3>
        <Glossed text={t("portal:home.meeting.heading")} />
      </h3>
      {home.nextMeeting ? (
        <MeetingDetails meeting={home.nextMeeting} />
      ) : (
        <p>
          <Glossed text={t("portal:home.meeting.none")} />
        </p>
      )}

      <h3>
        <Glossed text={t("people.goals")} />
      </h3>
      {home.goalsDue.length === 0 ? (
        <p>
          <Glossed text={t("people.noGoals")} />
        </p>
      ) : (
        <ul>
          {home.goalsDue.map((goal) => (
            <li key={goal.goalId}>
              <span dir="auto">{goal.changeNeeded}</span>{" "}
              <span className="hw-status">
                <Glossed
                  text={t(
                    goal.overdue
                      ? "portal:home.waiting.goalOverdue"
                      : "portal:home.waiting.goalDue",
                    {
                      date: calendarDate(goal.dueDate, i18n.language),
                    },
                  )}
                />
              </span>
            </li>
          ))}
        </ul>
      )}

      <h3>
        <Glossed text={t("people.act")} />
      </h3>
      <ul>
        <li>
          <Link to="/records">{t("people.records")}</Link>
        </li>
        <li>
          <Link to="/meetings">{t("people.meetings")}</Link>
        </li>
        <li>
          <Link to="/agreement">{t("people.agreement")}</Link>
        </li>
        {person.permissions.includes("views") ? (
          <li>
            <Link to="/views">{t("people.views")}</Link>
          </li>
        ) : null}
      </ul>
    </section>
  );
}
