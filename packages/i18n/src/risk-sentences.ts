// "When could it change?": the sentences both the portal's traffic-light page and the
// practitioner's preview of it say, built once so the preview is exactly what families read.
// Keys are in the "traffic" namespace (the translator passed in must default to it).

/** The fields of a decided traffic light these sentences need. */
export interface ChangeTiming {
  forYoungPerson: boolean;
  nextLevel: string | null;
  needed: readonly string[];
  stepDownDue: boolean;
  earliestStepDown: string | null;
  earliestIfChangeStartsNow: string | null;
  sustainMonths: number;
  mayCloseFrom: string | null;
  driftDate: string | null;
}

export function whenItCouldChange(
  t: (key: string, options?: Record<string, unknown>) => string,
  light: ChangeTiming,
  date: (day: string) => string,
): string[] {
  const next = light.nextLevel ? t(`rules:riskLevels.${light.nextLevel}`) : "";
  const when = light.forYoungPerson ? "young.when" : "when";
  const sentences: string[] = [];
  // "If things stay as they are" only when nothing more is needed than keeping it up: where
  // the rules still ask for a change, saying so would contradict the list above it.
  const onlyKeepGoing = light.needed.every((code) => code === "KEEP_CHANGE_GOING");
  if (light.stepDownDue) {
    sentences.push(t(`${when}.stepDownDue`, { level: next }));
    if (onlyKeepGoing) sentences.push(t(`${when}.keepGoing`));
  } else if (light.earliestStepDown) {
    sentences.push(
      t(`${when}.earliestStepDown`, { level: next, date: date(light.earliestStepDown) }),
    );
    if (onlyKeepGoing) sentences.push(t(`${when}.keepGoing`));
  } else if (light.earliestIfChangeStartsNow) {
    sentences.push(
      t(`${when}.ifChangeStartsNow`, {
        level: next,
        months: light.sustainMonths,
        date: date(light.earliestIfChangeStartsNow),
      }),
    );
  }
  if (light.mayCloseFrom) sentences.push(t(`${when}.mayClose`, { date: date(light.mayCloseFrom) }));
  if (light.driftDate) {
    sentences.push(
      t(`${when}.drift`, { date: date(light.driftDate), level: t("rules:riskLevels.severe") }),
    );
  }
  if (sentences.length === 0) sentences.push(t("when.noChange"));
  return sentences;
}
