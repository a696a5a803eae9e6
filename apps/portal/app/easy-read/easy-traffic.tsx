// The traffic light in easy read (issue 8): the same view model as the standard page. The
// level first, in words and colour name; then what it means, what needs to change and when
// it could change.
import { whenItCouldChange } from "@homeward/i18n";
import { Glossed, useTranslation } from "@homeward/i18n/react";
import type { TrafficLight } from "@homeward/services/traffic-light";
import { EasyLine, EasyList } from "@homeward/ui";
import { calendarDate } from "../routes/meetings/dates.ts";
import { TrafficLightLine } from "./traffic-light-line.tsx";

export function EasyTraffic({ lights }: { lights: TrafficLight[] }) {
  const { t } = useTranslation("easyread");
  return (
    <div className="hw-easy">
      <h1>{t("traffic.title")}</h1>
      {lights.map((light) => (
        <EasyLight key={light.caseId} light={light} />
      ))}
      <EasyLine name="person">
        <Glossed text={t("askWorker")} />
      </EasyLine>
    </div>
  );
}

function EasyLight({ light }: { light: TrafficLight }) {
  const { t, i18n } = useTranslation("easyread");
  // The "when could it change" sentences are the traffic page's own, shared with it.
  const { t: traffic } = useTranslation("traffic");
  const headingId = `easy-light-${light.caseId}`;
  const heading = (
    <h2 id={headingId}>
      <Glossed text={t("about", { child: light.childFirstName })} />
    </h2>
  );
  if (!light.decided) {
    return (
      <section aria-labelledby={headingId} className="hw-easy-section">
        {heading}
        <EasyLine name="light">
          <Glossed text={t("notDecided")} />
        </EasyLine>
      </section>
    );
  }
  const date = (day: string) => calendarDate(day, i18n.language);
  const when = whenItCouldChange(traffic, light, date);
  return (
    <section aria-labelledby={headingId} className="hw-easy-section">
      {heading}
      <TrafficLightLine level={light.level} />
      <EasyLine name="eye">
        <Glossed text={t(`meanings.${light.level}`, { child: light.childFirstName })} />
      </EasyLine>
      <EasyLine name="calendar">
        <Glossed text={t("traffic.since", { date: date(light.since) })} />
      </EasyLine>
      {light.needed.length > 0 ? (
        <>
          <h3>
            <Glossed text={t("traffic.needed")} />
          </h3>
          <EasyList>
            {light.needed.map((code) => (
              <EasyLine as="li" name="tick" key={code}>
                <Glossed text={t(`rules:explanations.needed.${code}`)} />
              </EasyLine>
            ))}
          </EasyList>
        </>
      ) : null}
      <h3>
        <Glossed text={t("traffic.when")} />
      </h3>
      {when.map((sentence) => (
        <EasyLine name="clock" key={sentence}>
          <Glossed text={sentence} />
        </EasyLine>
      ))}
    </section>
  );
}
