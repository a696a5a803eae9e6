// The family preview in the family member's own language: the portal's traffic-light
// sentences (apps/portal/app/routes/traffic/index.tsx), built here from the same service
// output with that language's `traffic` and `rules` bundles, so the page can show them
// whatever language the practitioner reads in.
import {
  bundleFor,
  createTranslator,
  directionOf,
  type LanguageCode,
  whenItCouldChange,
} from "@homeward/i18n";
import { resources } from "@homeward/i18n/server";
import type { FamilyPreview } from "@homeward/services/decisions";
import type { TrafficLight } from "@homeward/services/traffic-light";
import { calendarDay } from "../assessment/dates.ts";

export interface PreviewText {
  lng: LanguageCode;
  dir: "ltr" | "rtl";
  languageName: string;
  heading: string;
  explanationHeading: string;
  explanation: string | null;
  light: {
    heading: string;
    summary: string | null;
    lines: string[];
    sections: { heading: string; items: string[]; note?: string }[];
  };
}

type Decided = Extract<TrafficLight, { decided: true }>;

export function previewText(preview: FamilyPreview): PreviewText {
  const lng = preview.member.language;
  const i18n = createTranslator(bundleFor(lng, resources, ["traffic", "rules", "decisions"]));
  const t = i18n.getFixedT(lng, "traffic");
  const light = preview.light;
  const date = (d: string) => calendarDay(d, lng);
  const base = {
    lng,
    dir: directionOf(lng),
    languageName: t("decisions:languageName"),
    heading: t("decisions:preview.familyHeading"),
    explanationHeading: t("decisions:preview.explanationHeading"),
    explanation: preview.familyExplanation,
  };
  if (!light) {
    return {
      ...base,
      light: {
        heading: t("title"),
        summary: null,
        lines: [t("decisions:preview.noAccess")],
        sections: [],
      },
    };
  }
  const heading = light.forYoungPerson
    ? t("caseHeadingYoung")
    : t("caseHeading", { child: light.childFirstName });
  if (!light.decided) {
    return { ...base, light: { heading, summary: null, lines: [t("notDecided")], sections: [] } };
  }
  return { ...base, light: decidedText(t, light, heading, date) };
}

function decidedText(
  t: (key: string, options?: Record<string, unknown>) => string,
  light: Decided,
  heading: string,
  date: (d: string) => string,
): PreviewText["light"] {
  const level = (l: string) => t(`rules:riskLevels.${l}`);
  const young = light.forYoungPerson;
  const say = (group: "decisions" | "findings" | "heldBack" | "needed", code: string) =>
    young ? t(`young.${group}.${code}`) : t(`rules:explanations.${group}.${code}`);
  const positives = light.findings.filter((f) => f.positive);
  const worries = light.findings.filter((f) => !f.positive);
  const heldBack =
    light.heldBack === "CHANGE_NOT_YET_SUSTAINED" && light.stepDownDue ? null : light.heldBack;
  const sections: PreviewText["light"]["sections"] = [];
  sections.push({
    heading: t("reasons.heading"),
    items: light.reasons ? [light.reasons] : [],
    note: light.reasons ? t("reasons.intro", { date: date(light.reasonsDate) }) : t("reasons.none"),
  });
  sections.push({
    heading: t("goingWell.heading"),
    items: [
      ...positives.map((f) => say("findings", f.code)),
      ...light.protectiveFactors.map((id) => t(`rules:factors.${id}`)),
    ],
  });
  const worryItems = [
    ...worries.map((f) => say("findings", f.code)),
    ...(heldBack ? [say("heldBack", heldBack)] : []),
    ...light.riskFactors.map((id) => t(`rules:factors.${id}`)),
  ];
  sections.push(
    worryItems.length === 0
      ? { heading: t("worries.heading"), items: [], note: t("worries.none") }
      : { heading: t("worries.heading"), items: worryItems },
  );
  sections.push({
    heading: light.nextLevel
      ? t("needed.heading", { level: level(light.nextLevel) })
      : t("needed.headingLow"),
    items: light.needed.map((code) => say("needed", code)),
  });
  sections.push({ heading: t("when.heading"), items: whenItCouldChange(t, light, date) });
  return {
    heading,
    summary: t("light.summary", { level: level(light.level), date: date(light.since) }),
    lines: [
      young ? t(`young.meanings.${light.level}`) : t(`rules:riskLevelMeanings.${light.level}`),
      say("decisions", light.decision),
    ],
    sections,
  };
}
