// The plan, for the family (issue 7, part 3): read-only, in plain words. What help they will
// get, from whom, and when the reviews are; once the child is home, the visits that step down
// slowly and the days the traffic light is looked at again; where return is not possible,
// the explanation written for them and the contact plan. Drafts never appear here.
import { Glossed, useTranslation } from "@homeward/i18n/react";
import { type FamilyPlanCase, type FamilyPlanView, familyPlans } from "@homeward/services/plans";
import { PageTitle } from "@homeward/ui";
import { familyContext, orRefuse } from "../../lib/service-context.server.ts";
import { calendarDate } from "../meetings/dates.ts";
import type { Route } from "./+types/index";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { ctx } = await familyContext(context, request);
  return { cases: await orRefuse(familyPlans(ctx)) };
}

// Where return is not possible, the explanation comes first: it is what the family most needs.
const ORDER = ["alternative_permanence", "contact", "reunification", "support"] as const;

export default function PlanPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("plan");
  const { cases } = loaderData;
  return (
    <>
      <PageTitle page={t("title")} app={t("common:portal.name")} />
      <h1>{t("title")}</h1>
      {cases.length === 0 ? (
        <p>
          <Glossed text={t("noCases")} />
        </p>
      ) : (
        <>
          <p>
            <Glossed text={t("intro")} />
          </p>
          {cases.map((kase) => (
            <CasePlans key={kase.caseId} kase={kase} />
          ))}
          <p className="hw-notice">
            <Glossed text={t("ask")} />
          </p>
        </>
      )}
    </>
  );
}

function CasePlans({ kase }: { kase: FamilyPlanCase }) {
  const { t, i18n } = useTranslation("plan");
  const date = (day: string) => calendarDate(day, i18n.language);
  const headingId = `plan-${kase.caseId}`;
  const plans = [...kase.plans].sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind));
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>
        <Glossed
          text={
            kase.forYoungPerson
              ? t("caseHeadingYoung")
              : t("caseHeading", { child: kase.childFirstName })
          }
        />
      </h2>
      {plans.length === 0 ? (
        <p>
          <Glossed text={t("noPlan")} />
        </p>
      ) : null}
      {plans.map((plan) => (
        <OnePlan key={plan.kind} plan={plan} child={kase.childFirstName} caseId={kase.caseId} />
      ))}
      {kase.home ? (
        <section aria-labelledby={`home-${kase.caseId}`}>
          <h3 id={`home-${kase.caseId}`}>
            <Glossed text={t("home.heading")} />
          </h3>
          <p>
            <Glossed
              text={
                kase.forYoungPerson
                  ? t("home.sinceYoung", { date: date(kase.home.since) })
                  : t("home.since", { child: kase.childFirstName, date: date(kase.home.since) })
              }
            />
          </p>
          <p>
            <Glossed text={t("home.intro")} />
          </p>
          {kase.home.nextVisit ? (
            <p className="hw-status">
              <Glossed text={t("home.nextVisit", { date: date(kase.home.nextVisit) })} />
            </p>
          ) : null}
          <h4 id={`visits-${kase.caseId}`}>{t("home.visits")}</h4>
          <ul aria-labelledby={`visits-${kase.caseId}`}>
            {kase.home.visits.map((v) => (
              <li key={v.date}>
                <Glossed
                  text={t(v.happened ? "visitItemDone" : "visitItem", {
                    date: date(v.date),
                    visit: t(`frequency.${v.frequency}`),
                  })}
                />
              </li>
            ))}
          </ul>
          <p>
            <Glossed text={t("home.checks")} />
          </p>
          <ul>
            {kase.home.checks.map((day) => (
              <li key={day}>{date(day)}</li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}

function OnePlan({ plan, child, caseId }: { plan: FamilyPlanView; child: string; caseId: string }) {
  const { t, i18n } = useTranslation("plan");
  const date = (day: string) => calendarDate(day, i18n.language);
  const id = `${caseId}-${plan.kind}`;
  return (
    <article className="hw-card" aria-labelledby={id}>
      <h3 id={id}>
        <Glossed text={t(`kinds.${plan.kind}`, { child })} />
      </h3>
      {plan.timescale ? (
        <p>
          <Glossed text={t("when", { timescale: plan.timescale })} keep={[plan.timescale]} />
        </p>
      ) : null}
      {plan.familyExplanation ? (
        <>
          <h4>{t("why")}</h4>
          <p className="hw-entry-body" dir="auto">
            {plan.familyExplanation}
          </p>
        </>
      ) : null}
      {plan.summary ? (
        <>
          <h4>{t("whatHappens")}</h4>
          <p className="hw-entry-body" dir="auto">
            {plan.summary}
          </p>
        </>
      ) : null}
      {plan.services.length > 0 ? (
        <>
          <h4>{t("help")}</h4>
          <ul>
            {plan.services.map((s) => (
              <li key={`${s.service}-${s.provider}`} dir="auto">
                <Glossed
                  text={t("service", {
                    service: s.service,
                    provider: s.provider,
                    status: t(`serviceStatus.${s.status}`),
                  })}
                  keep={[s.service, s.provider]}
                />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {plan.roles.length > 0 ? (
        <>
          <h4>{t("who")}</h4>
          <ul>
            {plan.roles.map((r) => (
              <li key={`${r.who}-${r.role}`} dir="auto">
                <Glossed text={t("role", { who: r.who, role: r.role })} keep={[r.who, r.role]} />
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {plan.reviewPoints.length > 0 ? (
        <>
          <h4>{t("reviews")}</h4>
          {plan.nextReview ? (
            <p className="hw-status">
              <Glossed
                text={t("nextReview", {
                  date: date(plan.nextReview.date),
                  what: plan.nextReview.what,
                })}
                keep={[plan.nextReview.what]}
              />
            </p>
          ) : null}
          <ul>
            {plan.reviewPoints.map((p) => (
              <li key={`${p.date}-${p.what}`} dir="auto">
                <Glossed
                  text={t("reviewItem", { date: date(p.date), what: p.what })}
                  keep={[p.what]}
                />
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}
