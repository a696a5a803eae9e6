// /how-it-works (issue 8): the framework's five stages as a short illustrated timeline, and
// what happens when going home is not possible (framework.md, "The five stages"). Public;
// when a family member is signed in, the stage each of their cases is at is marked.
import type { CaseStep } from "@homeward/rules";
import { Glossed, useTranslation } from "@homeward/i18n/react";
import { optionalViewer, services, requestMemo } from "@homeward/runtime";
import { familyHome } from "@homeward/services/family-home";
import { PageTitle } from "@homeward/ui";
import type { ReactNode } from "react";
import { Link } from "react-router";
import type { Route } from "./+types/how-it-works";
import stylesHref from "./glossary.css?url";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

const STAGES = [
  "assessment",
  "classification",
  "agreement",
  "reclassification",
  "returnHome",
] as const;
type Stage = (typeof STAGES)[number] | "notPossible";

// The case's step, as the timeline names it. A closed case is at no stage.
const stageOfStep: Record<CaseStep, Stage | null> = {
  initial_assessment: "assessment",
  risk_classification: "classification",
  parental_agreements: "agreement",
  reclassification: "reclassification",
  return_home: "returnHome",
  alternative_permanence: "notPossible",
  closed: null,
};

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = await optionalViewer(context, request);
  if (!viewer) return { here: [] };
  // Reuses the home page's view model (it checks access and audits the read).
  const home = await familyHome({
    db: services(context).db,
    userId: viewer.userId,
    kind: viewer.kind,
    app: "portal",
    now: services(context).clock(),
    memo: requestMemo(context, request),
  });
  const here = home.cases.flatMap((c) => {
    const stage = stageOfStep[c.step];
    return stage ? [{ stage, child: c.childFirstName, caseId: c.caseId }] : [];
  });
  return { here };
}

export default function HowItWorksPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("howItWorks");
  const { here } = loaderData;
  // One case: "You are here". Several (a parent of two children): one line per child.
  const marker = (stage: Stage) =>
    here
      .filter((h) => h.stage === stage)
      .map((h) => (
        <p key={h.caseId} className="hw-timeline__here">
          <Glossed
            text={
              here.length === 1
                ? t("howItWorks.youAreHere")
                : t("howItWorks.youAreHereFor", { child: h.child })
            }
          />
        </p>
      ));
  return (
    <>
      <PageTitle page={t("howItWorks.title")} app={t("common:portal.name")} />
      <h1>{t("howItWorks.title")}</h1>
      <p>
        <Glossed text={t("howItWorks.intro")} />
      </p>
      <ol className="hw-timeline" aria-label={t("howItWorks.stagesLabel")}>
        {STAGES.map((stage, i) => {
          const current = here.some((h) => h.stage === stage);
          return (
            <li
              key={stage}
              className={
                current ? "hw-timeline__stage hw-timeline__stage--here" : "hw-timeline__stage"
              }
              aria-current={current ? "step" : undefined}
            >
              <span className="hw-timeline__icon">{icons[stage]}</span>
              <div className="hw-timeline__body">
                <p className="hw-timeline__number">
                  <Glossed text={t("howItWorks.stageNumber", { number: i + 1 })} />
                </p>
                <h2>
                  <Glossed text={t(`howItWorks.stages.${stage}.title`)} />
                </h2>
                {marker(stage)}
                <p>
                  <Glossed text={t(`howItWorks.stages.${stage}.text`)} />
                </p>
              </div>
            </li>
          );
        })}
      </ol>
      <section
        className={
          here.some((h) => h.stage === "notPossible")
            ? "hw-timeline__other hw-timeline__stage--here"
            : "hw-timeline__other"
        }
        aria-labelledby="not-possible"
      >
        <span className="hw-timeline__icon">{icons.notPossible}</span>
        <div className="hw-timeline__body">
          <h2 id="not-possible">
            <Glossed text={t("howItWorks.notPossible.title")} />
          </h2>
          {marker("notPossible")}
          <p>
            <Glossed text={t("howItWorks.notPossible.text")} />
          </p>
        </div>
      </section>
      <p>
        <Link to="/glossary">{t("howItWorks.glossaryLink")}</Link>
      </p>
    </>
  );
}

// Decorative: each stage's heading says the same in words.
function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 24 24"
      width="32"
      height="32"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
    >
      {children}
    </svg>
  );
}

const icons: Record<Stage, ReactNode> = {
  // A magnifying glass: finding out.
  assessment: (
    <Icon>
      <circle cx="10" cy="10" r="6" />
      <path d="M15 15l6 6" />
    </Icon>
  ),
  // A traffic light.
  classification: (
    <Icon>
      <rect x="8" y="2" width="8" height="20" rx="2" />
      <circle cx="12" cy="7" r="1.5" />
      <circle cx="12" cy="12" r="1.5" />
      <circle cx="12" cy="17" r="1.5" />
    </Icon>
  ),
  // A page with lines: the written agreement.
  agreement: (
    <Icon>
      <path d="M6 2h9l4 4v16H6z" />
      <path d="M9 11h7M9 15h7M9 19h4" />
    </Icon>
  ),
  // A tick in a circle: checking again.
  reclassification: (
    <Icon>
      <circle cx="12" cy="12" r="9" />
      <path d="M8 12l3 3 5-6" />
    </Icon>
  ),
  // A house.
  returnHome: (
    <Icon>
      <path d="M3 11l9-8 9 8" />
      <path d="M5 10v11h14V10" />
      <path d="M10 21v-6h4v6" />
    </Icon>
  ),
  // A signpost: another way.
  notPossible: (
    <Icon>
      <path d="M12 2v20" />
      <path d="M5 5h11l3 3-3 3H5z" />
    </Icon>
  ),
};
