// The side-by-side view (issue 8): each page's words as a list of paragraphs, built from the
// same view model the page uses. Building it twice - once through a translator for the
// person's language, once through an English one - gives two lists of the same shape that
// line up paragraph by paragraph. What people wrote (titles, notes, the record's text) is
// not translated: it is kept once, as written, across both columns.
import { whenItCouldChange } from "@homeward/i18n";
import type { AgreementView } from "@homeward/services/agreements";
import type { FamilyHomeCase } from "@homeward/services/family-home";
import type { EntryView } from "@homeward/services/record-entries";
import type { TrafficLight } from "@homeward/services/traffic-light";
import type { Translate as TFunction } from "@homeward/i18n";
import { formatDate } from "../../lib/dates.ts";
import { meetingDay, meetingTimes } from "../meetings/dates.ts";

export type BlockKind = "h2" | "h3" | "p" | "li";
export type Block = { kind: BlockKind; text: string } | { kind: "written"; text: string };

/** One row of the side-by-side view: a translated paragraph pair, or words kept as written. */
export type Row =
  | { kind: BlockKind; person: string; english: string }
  | { kind: "written"; text: string };

export interface Words {
  t: TFunction;
  language: string;
}

const day = (w: Words, iso: string) => formatDate(iso, w.language);

/** Lines the two lists up. They come from one view model, so they have the same shape. */
export function pairUp(person: readonly Block[], english: readonly Block[]): Row[] {
  if (person.length !== english.length) throw new Error("Side-by-side lists differ in length");
  return person.map((block, index) => {
    const other = english[index];
    if (block.kind === "written" || !other || other.kind === "written") {
      return { kind: "written", text: block.text };
    }
    return { kind: block.kind, person: block.text, english: other.text };
  });
}

export function homeBlocks(home: FamilyHomeCase, w: Words): Block[] {
  const { t } = w;
  const out: Block[] = [];
  const stage = t(`rules:stages.${home.step}`);
  // A prefix, not a key: the explanation under it depends on the step.
  const explain = `portal:home.stage.${home.forYoungPerson ? "explainYoung" : "explain"}`;
  out.push({ kind: "h2", text: t("portal:home.caseFor", { child: home.childFirstName }) });
  out.push({ kind: "h3", text: t("portal:home.stage.heading") });
  out.push({
    kind: "p",
    text: home.stageNumber
      ? t("portal:home.stage.stepOf", { number: home.stageNumber, stage })
      : t("portal:home.stage.notAStep", { stage }),
  });
  out.push({ kind: "p", text: t(`${explain}.${home.step}`, { child: home.childFirstName }) });
  out.push({
    kind: "p",
    text: home.nextStep
      ? t("portal:home.stage.next", { stage: t(`rules:stages.${home.nextStep}`) })
      : t("portal:home.stage.closed"),
  });
  if (home.blockers.length > 0) {
    out.push({ kind: "p", text: t("portal:home.stage.blockers") });
    for (const code of home.blockers)
      out.push({ kind: "li", text: t(`rules:stageBlockers.${code}`) });
  }
  out.push({ kind: "h3", text: t("portal:home.risk.heading") });
  out.push({
    kind: "p",
    text: home.riskLevel
      ? t("portal:home.risk.level", { level: t(`rules:riskLevels.${home.riskLevel}`) })
      : t("portal:home.risk.notDecided"),
  });
  out.push({ kind: "h3", text: t("portal:home.meeting.heading") });
  const meeting = home.nextMeeting;
  if (meeting) {
    out.push({ kind: "p", text: `${t("meetings:what")} ${t(`meetings:types.${meeting.type}`)}` });
    out.push({
      kind: "p",
      text: `${t("meetings:when")} ${t("meetings:time", {
        day: meetingDay(meeting.startsAt, w.language),
        time: meetingTimes(meeting.startsAt, meeting.endsAt, w.language),
      })}`,
    });
    out.push({ kind: "p", text: t("meetings:where") });
    out.push({ kind: "written", text: meeting.place });
    out.push({ kind: "p", text: t("meetings:why") });
    out.push({ kind: "written", text: meeting.purpose });
  } else {
    out.push({ kind: "p", text: t("portal:home.meeting.none") });
  }
  out.push({ kind: "h3", text: t("portal:home.waiting.heading") });
  if (home.entriesToCheck.length === 0 && home.goalsDue.length === 0) {
    out.push({ kind: "p", text: t("portal:home.waiting.nothing") });
  }
  if (home.entriesToCheck.length > 0) {
    out.push({ kind: "p", text: t("portal:home.waiting.entriesHeading") });
    for (const entry of home.entriesToCheck) {
      out.push({ kind: "written", text: entry.title });
      if (entry.deadline) {
        out.push({
          kind: "li",
          text: t("portal:home.waiting.replyBy", { date: day(w, entry.deadline) }),
        });
      }
    }
  }
  if (home.goalsDue.length > 0) {
    out.push({ kind: "p", text: t("portal:home.waiting.goalsHeading") });
    for (const goal of home.goalsDue) {
      out.push({ kind: "written", text: goal.changeNeeded });
      out.push({
        kind: "li",
        text: t(goal.overdue ? "portal:home.waiting.goalOverdue" : "portal:home.waiting.goalDue", {
          date: day(w, goal.dueDate),
        }),
      });
    }
  }
  out.push({ kind: "h3", text: t("portal:home.socialWorker.heading") });
  if (home.socialWorker) {
    out.push({ kind: "written", text: home.socialWorker.name });
    out.push({
      kind: "p",
      text: t("portal:home.socialWorker.how", { name: home.socialWorker.name }),
    });
  } else {
    out.push({ kind: "p", text: t("portal:home.socialWorker.none") });
  }
  return out;
}

export function trafficBlocks(light: TrafficLight, w: Words): Block[] {
  const { t } = w;
  const young = light.forYoungPerson;
  const out: Block[] = [
    {
      kind: "h2",
      text: young
        ? t("traffic:caseHeadingYoung")
        : t("traffic:caseHeading", { child: light.childFirstName }),
    },
  ];
  if (!light.decided) {
    out.push({ kind: "p", text: t("traffic:notDecided") });
    return out;
  }
  const level = (l: string) => t(`rules:riskLevels.${l}`);
  const say = (group: "decisions" | "findings" | "heldBack" | "needed", code: string) =>
    young ? t(`traffic:young.${group}.${code}`) : t(`rules:explanations.${group}.${code}`);
  // As on the page: once the six months are up, "stay better for six months" no longer holds.
  const heldBack =
    light.heldBack === "CHANGE_NOT_YET_SUSTAINED" && light.stepDownDue ? null : light.heldBack;
  out.push({
    kind: "p",
    text: t("traffic:light.summary", { level: level(light.level), date: day(w, light.since) }),
  });
  out.push({
    kind: "p",
    text: young
      ? t(`traffic:young.meanings.${light.level}`)
      : t(`rules:riskLevelMeanings.${light.level}`),
  });
  out.push({ kind: "p", text: say("decisions", light.decision) });
  out.push({ kind: "h3", text: t("traffic:reasons.heading") });
  if (light.reasons) {
    out.push({ kind: "p", text: t("traffic:reasons.intro", { date: day(w, light.reasonsDate) }) });
    out.push({ kind: "written", text: light.reasons });
  } else {
    out.push({ kind: "p", text: t("traffic:reasons.none") });
  }
  out.push({ kind: "h3", text: t("traffic:goingWell.heading") });
  for (const f of light.findings.filter((f) => f.positive)) {
    out.push({ kind: "li", text: say("findings", f.code) });
  }
  if (light.protectiveFactors.length > 0) {
    out.push({ kind: "p", text: t("traffic:goingWell.strengths") });
    for (const id of light.protectiveFactors)
      out.push({ kind: "li", text: t(`rules:factors.${id}`) });
  }
  out.push({ kind: "h3", text: t("traffic:worries.heading") });
  const worries = light.findings.filter((f) => !f.positive);
  if (worries.length === 0 && light.riskFactors.length === 0 && !heldBack) {
    out.push({ kind: "p", text: t("traffic:worries.none") });
  }
  for (const f of worries) out.push({ kind: "li", text: say("findings", f.code) });
  if (heldBack) out.push({ kind: "li", text: say("heldBack", heldBack) });
  if (light.riskFactors.length > 0) {
    out.push({ kind: "p", text: t("traffic:worries.inAgreement") });
    for (const id of light.riskFactors) out.push({ kind: "li", text: t(`rules:factors.${id}`) });
  }
  out.push({
    kind: "h3",
    text: light.nextLevel
      ? t("traffic:needed.heading", { level: level(light.nextLevel) })
      : t("traffic:needed.headingLow"),
  });
  for (const code of light.needed) out.push({ kind: "li", text: say("needed", code) });
  out.push({ kind: "h3", text: t("traffic:when.heading") });
  // The sentences' keys are written relative to the traffic namespace, as on the page.
  const inTraffic = (key: string, options?: Record<string, unknown>) =>
    String(t(key.includes(":") ? key : `traffic:${key}`, options ?? {}));
  for (const sentence of whenItCouldChange(inTraffic, light, (d: string) => day(w, d))) {
    out.push({ kind: "p", text: sentence });
  }
  return out;
}

export function agreementBlocks(agreement: AgreementView, w: Words): Block[] {
  const { t } = w;
  const out: Block[] = [{ kind: "written", text: agreement.title }];
  if (agreement.status === "ended") out.push({ kind: "p", text: t("agreement:ended") });
  out.push({
    kind: "p",
    text: `${t("agreement:details.status")} ${t(`agreement:details.statuses.${agreement.status}`)}`,
  });
  out.push({
    kind: "p",
    text: `${t("agreement:details.reviewDate")} ${
      agreement.reviewDate ? day(w, agreement.reviewDate) : t("agreement:details.noReviewDate")
    }`,
  });
  out.push({ kind: "h3", text: t("agreement:worries") });
  out.push({ kind: "written", text: agreement.riskFactorsSummary });
  out.push({ kind: "h3", text: t("agreement:strengths") });
  out.push({ kind: "written", text: agreement.protectiveFactorsSummary });
  out.push({ kind: "h3", text: t("agreement:goals.heading") });
  out.push({ kind: "p", text: t("agreement:goals.intro") });
  if (agreement.goals.length === 0) out.push({ kind: "p", text: t("agreement:goals.none") });
  for (const goal of agreement.goals) {
    out.push({ kind: "h3", text: t("agreement:goals.number", { number: goal.number }) });
    out.push({
      kind: "p",
      text: `${t("agreement:goals.status")} ${t(`rules:goalProgress.${goal.progress}`)}`,
    });
    const parts = [
      ["changeNeeded", goal.changeNeeded],
      ["measure", goal.measure],
      ["evidenceExpected", goal.evidenceExpected],
      ["supportOffered", goal.supportOffered],
      ["consequence", goal.consequence],
    ] as const;
    for (const [part, text] of parts) {
      out.push({ kind: "p", text: t(`rules:goalParts.${part}`) });
      out.push({ kind: "written", text });
    }
    out.push({
      kind: "p",
      text: `${t("rules:goalParts.dueDate")} ${day(w, goal.dueDate)}`,
    });
  }
  out.push({ kind: "h3", text: t("agreement:support.heading") });
  out.push({ kind: "p", text: t("agreement:support.intro") });
  for (const s of agreement.support) {
    out.push({ kind: "written", text: `${s.service} (${s.provider})` });
    out.push({ kind: "li", text: t(`agreement:support.statuses.${s.status}`) });
  }
  out.push({ kind: "h3", text: t("agreement:acknowledge.heading") });
  out.push({
    kind: "p",
    text: agreement.acknowledgement.current
      ? t("interpreting:acknowledged")
      : t("agreement:acknowledge.notYet"),
  });
  return out;
}

export function entryBlocks(entry: EntryView, w: Words): Block[] {
  const { t } = w;
  const out: Block[] = [{ kind: "written", text: entry.title }];
  out.push({
    kind: "p",
    text:
      entry.status === "finalised"
        ? t("records:entry.statusFinal")
        : `${t("records:entry.statusToCheck")}${
            entry.deadline ? ` ${t("records:entry.replyBy", { date: day(w, entry.deadline) })}` : ""
          }`,
  });
  out.push({ kind: "h2", text: t("records:entry.whatItSays", { version: entry.versionNumber }) });
  out.push({ kind: "written", text: entry.body });
  const sent = entry.myResponses.filter((r) => r.status !== "draft");
  if (sent.length > 0) {
    out.push({ kind: "h2", text: t("records:entry.yourResponses") });
    for (const response of sent) {
      out.push({ kind: "h3", text: t(`records:respond.kind.${response.kind}`) });
      if (response.writtenBy?.role === "interpreter") {
        const { helperName: helper, personName: person } = response.writtenBy;
        out.push({ kind: "p", text: t("interpreting:writtenBy", { helper, person }) });
      } else if (response.writtenOnBehalf) {
        out.push({ kind: "p", text: t("records:entry.writtenOnBehalf") });
      }
      out.push({ kind: "written", text: response.body });
      out.push({ kind: "p", text: t(`records:entry.responseStatus.${response.status}`) });
    }
  }
  return out;
}
