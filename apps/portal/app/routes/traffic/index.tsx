// The traffic light, explained (issue 5, item 2): the agreed level, the reasons the workers
// recorded, the positives, what needs to change to move down, and the earliest date - in
// words, never colour alone. A young person gets their own, simpler wording.
import { whenItCouldChange } from "@homeward/i18n";
import { Glossed, useTranslation } from "@homeward/i18n/react";
import { requireViewer, services, requestMemo } from "@homeward/runtime";
import { AccessDenied } from "@homeward/services/context";
import { familyCases } from "@homeward/services/family-cases";
import { type TrafficLight, trafficLightFor } from "@homeward/services/traffic-light";
import { PageTitle } from "@homeward/ui";
import { data } from "react-router";
import { calendarDate } from "../meetings/dates.ts";
import { EasyTraffic } from "../../easy-read/easy-traffic.tsx";
import { ReadModeSwitch } from "../../easy-read/read-mode-switch.tsx";
import { readModeFor } from "../../lib/read-mode.server.ts";
import type { Route } from "./+types/index";

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
  try {
    const lights: TrafficLight[] = [];
    for (const kase of await familyCases(ctx)) lights.push(await trafficLightFor(ctx, kase.caseId));
    return { lights, readMode };
  } catch (error) {
    if (error instanceof AccessDenied) throw data(null, { status: 403 });
    throw error;
  }
}

export default function TrafficLightPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("traffic");
  const { lights } = loaderData;
  const young = lights.length > 0 && lights.every((l) => l.forYoungPerson);
  if (loaderData.readMode === "easy" && lights.length > 0) {
    return (
      <>
        <PageTitle page={t("title")} app={t("common:portal.name")} />
        <ReadModeSwitch mode="easy" />
        <EasyTraffic lights={lights} />
      </>
    );
  }
  return (
    <>
      <PageTitle page={t("title")} app={t("common:portal.name")} />
      <ReadModeSwitch mode={loaderData.readMode} />
      <h1>{t("title")}</h1>
      {lights.length === 0 ? (
        <p>
          <Glossed text={t("noCases")} />
        </p>
      ) : (
        <>
          <p>
            <Glossed text={young ? t("introYoung") : t("intro")} />
          </p>
          {lights.map((light) => (
            <CaseLight key={light.caseId} light={light} />
          ))}
          <p className="hw-notice">
            <Glossed text={young ? t("helpYoung") : t("help")} />
          </p>
        </>
      )}
    </>
  );
}

// Red at the top, as on a traffic light.
const LEVELS_TOP_DOWN = ["severe", "high", "medium", "low"] as const;

function CaseLight({ light }: { light: TrafficLight }) {
  const { t, i18n } = useTranslation("traffic");
  const headingId = `light-${light.caseId}`;
  const heading = light.forYoungPerson
    ? t("caseHeadingYoung")
    : t("caseHeading", { child: light.childFirstName });
  if (!light.decided) {
    return (
      <section aria-labelledby={headingId}>
        <h2 id={headingId}>{heading}</h2>
        <p>
          <Glossed text={t("notDecided")} />
        </p>
      </section>
    );
  }
  const date = (day: string) => calendarDate(day, i18n.language);
  const level = (l: string) => t(`rules:riskLevels.${l}`);
  const young = light.forYoungPerson;
  // The child's version of the rules' explanation sentences lives in this namespace.
  const say = (group: "decisions" | "findings" | "heldBack" | "needed", code: string) =>
    young ? t(`young.${group}.${code}`) : t(`rules:explanations.${group}.${code}`);
  const positives = light.findings.filter((f) => f.positive);
  const worries = light.findings.filter((f) => !f.positive);
  // Once the six months are up, "they need to stay better for six months first" is no longer
  // true: the case waits only for its next review, which "When could it change?" says.
  const heldBack =
    light.heldBack === "CHANGE_NOT_YET_SUSTAINED" && light.stepDownDue ? null : light.heldBack;
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{heading}</h2>
      <ol
        aria-label={t("light.label")}
        style={{
          listStyle: "none",
          padding: 0,
          display: "flex",
          flexDirection: "column",
          gap: "0.5rem",
          maxInlineSize: "24rem",
        }}
      >
        {LEVELS_TOP_DOWN.map((l) => {
          const current = l === light.level;
          return (
            <li
              key={l}
              aria-current={current ? "true" : undefined}
              style={{
                display: "flex",
                flexWrap: "wrap",
                alignItems: "center",
                gap: "0.75rem",
                padding: "0.25rem 0.5rem",
                border: current
                  ? "3px solid var(--hw-colour-text)"
                  : "1px solid var(--hw-colour-border)",
                borderRadius: "0.25rem",
                fontWeight: current ? 700 : 400,
              }}
            >
              <span
                aria-hidden="true"
                className={current ? `hw-risk hw-risk--${l}` : undefined}
                style={{
                  flex: "none",
                  inlineSize: "1.5rem",
                  blockSize: "1.5rem",
                  padding: 0,
                  borderRadius: "50%",
                  border: "2px solid var(--hw-colour-text)",
                  background: current ? undefined : "var(--hw-colour-background)",
                }}
              />
              <span>{level(l)}</span>
              {current ? (
                <span>
                  <Glossed text={t("light.now")} />
                </span>
              ) : null}
            </li>
          );
        })}
      </ol>
      <p className="hw-status">
        <Glossed
          text={t("light.summary", { level: level(light.level), date: date(light.since) })}
        />
      </p>
      <p>
        <Glossed
          text={
            young ? t(`young.meanings.${light.level}`) : t(`rules:riskLevelMeanings.${light.level}`)
          }
        />
      </p>
      <p>
        <Glossed text={say("decisions", light.decision)} />
      </p>

      <h3>
        <Glossed text={t("reasons.heading")} />
      </h3>
      {light.reasons ? (
        <>
          <p>
            <Glossed text={t("reasons.intro", { date: date(light.reasonsDate) })} />
          </p>
          <blockquote className="hw-quote">
            <p className="hw-entry-body" dir="auto">
              {light.reasons}
            </p>
          </blockquote>
        </>
      ) : (
        <p>
          <Glossed text={t("reasons.none")} />
        </p>
      )}

      <h3>
        <Glossed text={t("goingWell.heading")} />
      </h3>
      <ul>
        {positives.map((f) => (
          <li key={f.code}>
            <Glossed text={say("findings", f.code)} />
          </li>
        ))}
      </ul>
      {light.protectiveFactors.length > 0 ? (
        <>
          <p>
            <Glossed text={t("goingWell.strengths")} />
          </p>
          <ul>
            {light.protectiveFactors.map((id) => (
              <li key={id}>
                <Glossed text={t(`rules:factors.${id}`)} />
              </li>
            ))}
          </ul>
        </>
      ) : null}

      <h3>
        <Glossed text={t("worries.heading")} />
      </h3>
      {worries.length === 0 && light.riskFactors.length === 0 && !heldBack ? (
        <p>
          <Glossed text={t("worries.none")} />
        </p>
      ) : (
        <>
          {worries.length > 0 || heldBack ? (
            <ul>
              {worries.map((f) => (
                <li key={f.code}>
                  <Glossed text={say("findings", f.code)} />
                </li>
              ))}
              {heldBack ? (
                <li>
                  <Glossed text={say("heldBack", heldBack)} />
                </li>
              ) : null}
            </ul>
          ) : null}
          {light.riskFactors.length > 0 ? (
            <>
              <p>
                <Glossed text={t("worries.inAgreement")} />
              </p>
              <ul>
                {light.riskFactors.map((id) => (
                  <li key={id}>
                    <Glossed text={t(`rules:factors.${id}`)} />
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </>
      )}

      <h3>
        <Glossed
          text={
            light.nextLevel
              ? t("needed.heading", { level: level(light.nextLevel) })
              : t("needed.headingLow")
          }
        />
      </h3>
      <ul>
        {light.needed.map((code) => (
          <li key={code}>
            <Glossed text={say("needed", code)} />
          </li>
        ))}
      </ul>

      <h3>
        <Glossed text={t("when.heading")} />
      </h3>
      <WhenItCouldChange light={light} />
    </section>
  );
}

function WhenItCouldChange({ light }: { light: Extract<TrafficLight, { decided: true }> }) {
  const { t, i18n } = useTranslation("traffic");
  const date = (day: string) => calendarDate(day, i18n.language);
  const sentences = whenItCouldChange(t, light, date);
  return (
    <>
      {sentences.map((sentence) => (
        <p key={sentence}>
          <Glossed text={sentence} />
        </p>
      ))}
    </>
  );
}
