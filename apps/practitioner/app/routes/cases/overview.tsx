// The case overview and timeline (issue 6, item 2): the child, legal status and eligibility,
// the stage and what is still missing to move on, the risk status today, the decision points
// passed, and the people on the case with what each needs to take part. Contact details and
// the placement appear only when the policy lets this viewer read them.
import { intlLocale } from "@homeward/i18n";
import { useTranslation } from "@homeward/i18n/react";
import {
  type CaseOverview,
  caseOverview,
  type PersonView,
  type TimelineItem,
} from "@homeward/services/case-overview";
import { PageTitle } from "@homeward/ui";
import { CaseNav } from "../../components/case-nav.tsx";
import { ReturnHistory } from "../../components/return-home.tsx";
import { orRefuse, staffContext } from "../../lib/service-context.server.ts";
import stylesHref from "../caseload/caseload.css?url";
import { calendarDate, languageName } from "../caseload/dates.ts";
import type { Route } from "./+types/overview";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx } = await staffContext(context, request);
  const overview = await orRefuse(caseOverview(ctx, params.caseId));
  return { overview };
}

export default function CaseOverviewPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("practitioner");
  const { overview } = loaderData;
  return (
    <>
      <PageTitle
        page={t("overview.title", { reference: overview.reference })}
        app={t("common:practitioner.name")}
      />
      <h1>
        {t("overview.heading", { child: overview.child.name, reference: overview.reference })}
      </h1>
      <CaseNav caseId={overview.caseId} reference={overview.reference} />
      <Child overview={overview} />
      <Stage overview={overview} />
      <Risk overview={overview} />
      <Timeline items={overview.timeline} />
      <ReturnHistory history={overview.returnHistory} />
      <People overview={overview} />
    </>
  );
}

function Child({ overview }: { overview: CaseOverview }) {
  const { t, i18n } = useTranslation("practitioner");
  const { eligibility } = overview;
  return (
    <section aria-labelledby="overview-child">
      <h2 id="overview-child">{t("overview.child.heading")}</h2>
      <dl className="hw-summary">
        <dt>{t("overview.child.born")}</dt>
        <dd>
          {t("overview.child.bornOn", {
            date: calendarDate(overview.child.dateOfBirth, i18n.language),
            age: overview.child.age,
          })}
        </dd>
        <dt>{t("overview.child.legalStatus")}</dt>
        <dd>
          {overview.legalStatus
            ? t(`rules:legalStatuses.${overview.legalStatus}`)
            : t("overview.child.legalStatusUnknown", { recorded: overview.legalStatusRecorded })}
        </dd>
        <dt>{t("overview.child.eligibility")}</dt>
        <dd>
          {eligibility === null ? (
            t("overview.child.eligibilityUnknown")
          ) : eligibility.ok ? (
            <>
              {t("overview.child.eligible")}
              {eligibility.notes.map((note) => (
                <span key={note}> {t(`rules:eligibilityNotes.${note}`)}</span>
              ))}
            </>
          ) : (
            <>
              <strong>{t("overview.child.notEligible")}</strong>{" "}
              {t(`rules:errors.${eligibility.code}`)}
            </>
          )}
        </dd>
      </dl>
    </section>
  );
}

function Stage({ overview }: { overview: CaseOverview }) {
  const { t } = useTranslation("practitioner");
  const { next } = overview;
  return (
    <section aria-labelledby="overview-stage">
      <h2 id="overview-stage">{t("overview.stage.heading")}</h2>
      <p className="hw-status">{t(`rules:stages.${overview.stage}`)}</p>
      {next.to === null ? (
        <p>{t("overview.stage.closed")}</p>
      ) : (
        <>
          <p>{t("overview.stage.next", { stage: t(`rules:stages.${next.to}`) })}</p>
          {next.ready ? (
            <p>{t("overview.stage.ready")}</p>
          ) : (
            <>
              <h3>{t("overview.stage.missing")}</h3>
              <ul>
                {next.missing.blockers.map((b) => (
                  <li key={b}>{t(`rules:stageBlockers.${b}`)}</li>
                ))}
                {next.missing.milestones.map((m) => (
                  <li key={m}>{t(`rules:milestones.${m}`)}</li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <h3>{t("overview.stage.done")}</h3>
      {overview.done.length === 0 ? (
        <p>{t("overview.stage.noneDone")}</p>
      ) : (
        <ul>
          {overview.done.map((m) => (
            <li key={m}>{t(`rules:milestones.${m}`)}</li>
          ))}
        </ul>
      )}
      <p className="hw-muted">{t("overview.stage.derived")}</p>
    </section>
  );
}

function Risk({ overview }: { overview: CaseOverview }) {
  const { t, i18n } = useTranslation("practitioner");
  const date = (d: string) => calendarDate(d, i18n.language);
  const { risk } = overview;
  return (
    <section aria-labelledby="overview-risk">
      <h2 id="overview-risk">{t("overview.risk.heading")}</h2>
      {risk === null ? (
        <p>{t("overview.risk.none")}</p>
      ) : (
        <dl className="hw-summary">
          <dt>{t("overview.risk.level")}</dt>
          <dd>
            <span className={`hw-risk hw-risk--${risk.level}`}>
              {t(`rules:riskLevels.${risk.level}`)}
            </span>{" "}
            {t("overview.risk.since", { date: date(risk.since) })}
            {overview.recordedLevel && overview.recordedLevel !== risk.level ? (
              <>
                <br />
                {t("overview.risk.recorded", {
                  level: t(`rules:riskLevels.${overview.recordedLevel}`),
                })}
              </>
            ) : null}
          </dd>
          <dt>{t("overview.risk.returnHome")}</dt>
          <dd>
            {risk.reunificationPossible
              ? t("overview.risk.returnPossible")
              : t("overview.risk.returnNotPossible")}
          </dd>
          <dt>{t("overview.risk.stepDown")}</dt>
          <dd>
            {risk.earliestStepDown
              ? t("overview.risk.stepDownFrom", { date: date(risk.earliestStepDown) })
              : t("overview.risk.stepDownNotYet")}
          </dd>
          {risk.driftDate ? (
            <>
              <dt>{t("overview.risk.drift")}</dt>
              <dd>{t("overview.risk.driftOn", { date: date(risk.driftDate) })}</dd>
            </>
          ) : null}
          <dt>{t("overview.risk.close")}</dt>
          <dd>{risk.mayClose ? t("overview.risk.mayClose") : t("overview.risk.mayNotClose")}</dd>
          <dt>{t("overview.risk.next")}</dt>
          <dd>
            {risk.nextReclassification.overdue ? (
              <span className="hw-due hw-due--overdue">{t("caseload:due.overdueBadge")}</span>
            ) : null}
            {t("overview.risk.nextOn", { date: date(risk.nextReclassification.date) })}{" "}
            {t("overview.risk.reason", {
              reason: t(`rules:reclassificationReasons.${risk.nextReclassification.reason}`),
            })}
          </dd>
        </dl>
      )}
    </section>
  );
}

function Timeline({ items }: { items: TimelineItem[] }) {
  const { t, i18n } = useTranslation("practitioner");
  return (
    <section aria-labelledby="overview-timeline">
      <h2 id="overview-timeline">{t("overview.timeline.heading")}</h2>
      {items.length === 0 ? (
        <p>{t("overview.timeline.none")}</p>
      ) : (
        <ol className="hw-timeline">
          {items.map((item) => (
            <li key={item.id}>
              <strong>{calendarDate(item.date, i18n.language)}</strong>{" "}
              {item.kind === "decision" ? (
                <>
                  {t("overview.timeline.point", { point: t(`overview.points.${item.point}`) })}{" "}
                  <span dir="auto">{item.outcome}</span>{" "}
                  <span className="hw-muted">
                    {item.signedOff
                      ? t("overview.timeline.signedOff")
                      : t("overview.timeline.notSignedOff")}
                  </span>
                </>
              ) : (
                <>
                  {t("overview.timeline.point", { point: t(`overview.points.${item.point}`) })}{" "}
                  {item.level
                    ? t(`rules:riskLevels.${item.level}`)
                    : t("overview.timeline.noLevel")}
                </>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

function People({ overview }: { overview: CaseOverview }) {
  const { t, i18n } = useTranslation("practitioner");
  return (
    <section aria-labelledby="overview-people">
      <h2 id="overview-people">{t("overview.people.heading")}</h2>
      {overview.people.map((person) => (
        <Person key={person.personId} person={person} />
      ))}
      {overview.helpers.length > 0 ? (
        <>
          <h3>{t("overview.people.helpers")}</h3>
          <ul>
            {overview.helpers.map((h) => (
              <li key={`${h.role}-${h.name}`}>
                {[
                  t("overview.people.member", {
                    role: t(`overview.roles.${h.role}`),
                    name: h.name,
                  }),
                  h.helping ? t("overview.people.helping", { name: h.helping }) : null,
                  h.language
                    ? t("overview.people.inLanguage", {
                        language: languageName(h.language, i18n.language),
                      })
                    : null,
                ]
                  .filter(Boolean)
                  .join(" ")}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      <h3>{t("overview.people.staff")}</h3>
      <ul>
        {overview.staff.map((s) => (
          <li key={`${s.role}-${s.name}`}>
            {t("overview.people.member", { role: t(`overview.roles.${s.role}`), name: s.name })}
          </li>
        ))}
      </ul>
      {overview.placement ? (
        <>
          <h3>{t("overview.placement.heading")}</h3>
          <p className="hw-muted">{t("overview.placement.confidential")}</p>
          <dl className="hw-summary">
            <dt>{t("overview.placement.carers")}</dt>
            <dd dir="auto">{overview.placement.carerNames}</dd>
            <dt>{t("overview.placement.address")}</dt>
            <dd dir="auto">{overview.placement.address}</dd>
            {overview.placement.phone ? (
              <>
                <dt>{t("overview.placement.phone")}</dt>
                <dd dir="ltr">{overview.placement.phone}</dd>
              </>
            ) : null}
            <dt>{t("overview.placement.since")}</dt>
            <dd>{calendarDate(overview.placement.since, i18n.language)}</dd>
          </dl>
        </>
      ) : null}
    </section>
  );
}

function Person({ person }: { person: PersonView }) {
  const { t, i18n } = useTranslation("practitioner");
  const needs = [
    person.interpreterNeeded ? t("overview.needs.interpreter") : null,
    person.easyRead ? t("overview.needs.easyRead") : null,
    person.advocateNeeded ? t("overview.needs.advocate") : null,
    person.learningDisability ? t("overview.needs.learningDisability") : null,
  ].filter((n): n is string => n !== null);
  return (
    <div className="hw-card">
      <h3 dir="auto">{person.name}</h3>
      <dl className="hw-summary">
        <dt>{t("overview.people.relationship")}</dt>
        <dd>
          {person.isSubjectChild
            ? t("overview.people.theChild")
            : t(`overview.relationships.${person.relationship}`)}
        </dd>
        {person.age !== null ? (
          <>
            <dt>{t("overview.people.age")}</dt>
            <dd>{t("overview.people.years", { age: person.age })}</dd>
          </>
        ) : null}
        <dt>{t("overview.people.language")}</dt>
        <dd>
          {person.language
            ? languageName(person.language, i18n.language)
            : t("overview.people.notRecorded")}
        </dd>
        <dt>{t("overview.people.needs")}</dt>
        <dd>
          {needs.length
            ? new Intl.ListFormat(intlLocale(i18n.language), { type: "unit" }).format(needs)
            : t("overview.needs.none")}
        </dd>
        {person.contact ? (
          <>
            <dt>{t("overview.people.contact")}</dt>
            <dd>
              {person.contact.address ? <span dir="auto">{person.contact.address}</span> : null}
              {person.contact.phone ? (
                <>
                  <br />
                  <span dir="ltr">{person.contact.phone}</span>
                </>
              ) : null}
              {person.contact.email ? (
                <>
                  <br />
                  <span dir="ltr">{person.contact.email}</span>
                </>
              ) : null}
            </dd>
          </>
        ) : null}
      </dl>
    </div>
  );
}
