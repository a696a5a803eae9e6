// Home - "where are we?" (issue 5, item 1): for each case, the step and what happens next,
// the traffic light, the next meeting, what is waiting for the person, and their social
// worker. The view model comes from one service (familyHome), which audits the read.
import { Glossed, useTranslation } from "@homeward/i18n/react";
import { requireViewer, services, requestMemo } from "@homeward/runtime";
import { type FamilyHomeCase, familyHome } from "@homeward/services/family-home";
import { interpretingFor } from "@homeward/services/interpreters";
import { PageTitle } from "@homeward/ui";
import { Link } from "react-router";
import { EasyHome } from "../easy-read/easy-home.tsx";
import { ReadModeSwitch } from "../easy-read/read-mode-switch.tsx";
import { readModeFor } from "../lib/read-mode.server.ts";
import { InterpretingSummary } from "./interpret/interpreting-summary.tsx";
import type { Route } from "./+types/home";
import { calendarDate } from "./meetings/dates.ts";
import { calendarHref, MeetingDetails } from "./meetings/meeting-details.tsx";

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = await requireViewer(context, request);
  const ctx = {
    db: services(context).db,
    userId: viewer.userId,
    kind: viewer.kind,
    app: "portal" as const,
    now: services(context).clock(),
    memo: requestMemo(context, request),
  };
  // Easy read or standard (issue 8); first, so the switch's redirect audits no read twice.
  const readMode = await readModeFor(ctx, request);
  const home = await familyHome(ctx);
  // Interpreters (issue 8): who they interpret for, and until when.
  const interpreting = await interpretingFor(ctx);
  return { name: viewer.name, cases: home.cases, readMode, interpreting };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("portal");
  if (loaderData.readMode === "easy") {
    return (
      <>
        <PageTitle page={t("home.title")} app={t("common:portal.name")} />
        <ReadModeSwitch mode="easy" />
        <EasyHome name={loaderData.name} cases={loaderData.cases} />
      </>
    );
  }
  return (
    <>
      <PageTitle page={t("home.title")} app={t("common:portal.name")} />
      <ReadModeSwitch mode={loaderData.readMode} />
      <h1>{t("home.heading", { name: loaderData.name })}</h1>
      <InterpretingSummary people={loaderData.interpreting} />
      {loaderData.cases.length === 0 ? (
        <p>
          <Glossed text={t("home.noCases")} />
        </p>
      ) : (
        <>
          <p>
            <Glossed text={t("home.intro")} />
          </p>
          {loaderData.cases.map((c) => (
            <CaseHome key={c.caseId} home={c} />
          ))}
        </>
      )}
    </>
  );
}

function CaseHome({ home }: { home: FamilyHomeCase }) {
  const { t } = useTranslation("portal");
  const headingId = `case-${home.caseId}`;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>
        <Glossed text={t("home.caseFor", { child: home.childFirstName })} />
      </h2>
      {home.helping ? (
        <p className="hw-notice">
          <Glossed text={t("home.helping", { child: home.childFirstName })} />
        </p>
      ) : null}
      <WhereAreWe home={home} />
      <NextMeeting home={home} />
      <Waiting home={home} />
      <SocialWorker home={home} />
    </section>
  );
}

function WhereAreWe({ home }: { home: FamilyHomeCase }) {
  const { t } = useTranslation("portal");
  const stage = t(`rules:stages.${home.step}`);
  const explain = home.forYoungPerson ? "home.stage.explainYoung" : "home.stage.explain";
  return (
    <>
      <h3>
        <Glossed text={t("home.stage.heading")} />
      </h3>
      <p className="hw-status">
        <Glossed
          text={
            home.stageNumber
              ? t("home.stage.stepOf", { number: home.stageNumber, stage })
              : t("home.stage.notAStep", { stage })
          }
        />
      </p>
      <p>
        <Glossed text={t(`${explain}.${home.step}`, { child: home.childFirstName })} />
      </p>
      <p>
        <Glossed
          text={
            home.nextStep
              ? t("home.stage.next", { stage: t(`rules:stages.${home.nextStep}`) })
              : t("home.stage.closed")
          }
        />
      </p>
      {home.blockers.length > 0 ? (
        <>
          <p>
            <Glossed text={t("home.stage.blockers")} />
          </p>
          <ul>
            {home.blockers.map((code) => (
              <li key={code}>
                <Glossed text={t(`rules:stageBlockers.${code}`)} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>
        <Glossed text={t("home.risk.heading")} />
      </h3>
      <p>
        <Glossed
          text={
            home.riskLevel
              ? t("home.risk.level", { level: t(`rules:riskLevels.${home.riskLevel}`) })
              : t("home.risk.notDecided")
          }
        />{" "}
        <Link to="/traffic-light">{t("home.risk.link")}</Link>
      </p>
    </>
  );
}

function NextMeeting({ home }: { home: FamilyHomeCase }) {
  const { t } = useTranslation("portal");
  const meeting = home.nextMeeting;
  return (
    <>
      <h3>
        <Glossed text={t("home.meeting.heading")} />
      </h3>
      {meeting ? (
        <>
          <MeetingDetails meeting={meeting} />
          <p className="hw-actions">
            <a href={calendarHref(meeting.meetingId)} download>
              {t("home.meeting.calendar")}
            </a>
            <Link to="/meetings">{t("home.meeting.all")}</Link>
          </p>
        </>
      ) : (
        <p>
          <Glossed text={t("home.meeting.none")} />{" "}
          <Link to="/meetings">{t("home.meeting.all")}</Link>
        </p>
      )}
    </>
  );
}

function Waiting({ home }: { home: FamilyHomeCase }) {
  const { t, i18n } = useTranslation("portal");
  const nothing = home.entriesToCheck.length === 0 && home.goalsDue.length === 0;
  return (
    <>
      <h3>
        <Glossed text={t("home.waiting.heading")} />
      </h3>
      {nothing ? (
        <p>
          <Glossed text={t("home.waiting.nothing")} />
        </p>
      ) : null}
      {home.entriesToCheck.length > 0 ? (
        <>
          <h4>{t("home.waiting.entriesHeading")}</h4>
          <ul>
            {home.entriesToCheck.map((entry) => (
              <li key={entry.entryId}>
                <Link to={`/records/${encodeURIComponent(entry.entryId)}`}>{entry.title}</Link>
                {entry.deadline ? (
                  <>
                    {" "}
                    <span className="hw-status">
                      <Glossed
                        text={t("home.waiting.replyBy", {
                          date: calendarDate(entry.deadline, i18n.language),
                        })}
                      />
                    </span>
                  </>
                ) : null}
              </li>
            ))}
          </ul>
          <p>
            <Link to="/records">{t("home.waiting.allRecords")}</Link>
          </p>
        </>
      ) : null}
      {home.goalsDue.length > 0 ? (
        <>
          <h4>{t("home.waiting.goalsHeading")}</h4>
          <ul>
            {home.goalsDue.map((goal) => (
              <li key={goal.goalId}>
                <span dir="auto">{goal.changeNeeded}</span>{" "}
                <span className="hw-status">
                  <Glossed
                    text={t(goal.overdue ? "home.waiting.goalOverdue" : "home.waiting.goalDue", {
                      date: calendarDate(goal.dueDate, i18n.language),
                    })}
                  />
                </span>
              </li>
            ))}
          </ul>
          <p>
            <Link to="/agreement">{t("home.waiting.agreement")}</Link>
          </p>
        </>
      ) : null}
    </>
  );
}

function SocialWorker({ home }: { home: FamilyHomeCase }) {
  const { t } = useTranslation("portal");
  const worker = home.socialWorker;
  return (
    <>
      <h3>
        <Glossed text={t("home.socialWorker.heading")} />
      </h3>
      {worker ? (
        <>
          <p>
            <strong>{worker.name}</strong>
            <br />
            {t("home.socialWorker.email")} <a href={`mailto:${worker.email}`}>{worker.email}</a>
          </p>
          <p>
            <Glossed text={t("home.socialWorker.how", { name: worker.name })} />
          </p>
        </>
      ) : (
        <p>
          <Glossed text={t("home.socialWorker.none")} />
        </p>
      )}
    </>
  );
}
