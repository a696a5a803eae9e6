// The manager view's figures as a CSV download, in the reader's language. A resource route:
// the page links to it with a plain <a download>. Only aggregate figures leave the system
// this way: no child's name, and case references only on the page.
import { createTranslator } from "@homeward/i18n";
import { languageBundle } from "@homeward/runtime";
import { type CsvCell, toCsv } from "@homeward/services/csv";
import { type TeamFigures, teamFigures, teamFiguresSearchSchema } from "@homeward/services/manager";
import type { Translate as TFunction } from "@homeward/i18n";
import { orRefuse, staffContext } from "../../lib/service-context.server.ts";
import type { Route } from "./+types/export";
import { percentNumber } from "./format.ts";

export async function loader({ request, context }: Route.LoaderArgs) {
  const { ctx, viewer } = await staffContext(context, request);
  const search = teamFiguresSearchSchema.parse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  const figures = await orRefuse(teamFigures(ctx, { teamId: search.team }));
  const bundle = languageBundle(request, viewer, ["manager", "rules"]);
  const t = createTranslator(bundle).getFixedT(bundle.lng, "manager");
  const filename = `${t("csv.filename")}-${figures.asOf}.csv`;
  return new Response(toCsv(figureRows(figures, t)), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename.replace(/[^\w.-]/g, "_")}"`,
      // About the authority's families: never kept by a shared cache.
      "Cache-Control": "private, no-store",
    },
  });
}

/** Section, measure, number, out of, percent: one figure a row, ready for a spreadsheet. */
function figureRows(figures: TeamFigures, t: TFunction): CsvCell[][] {
  const rows: CsvCell[][] = [
    [
      t("csv.section"),
      t("columns.measure"),
      t("columns.number"),
      t("columns.outOf"),
      t("columns.percent"),
    ],
  ];
  const add = (
    section: string,
    measure: string,
    n: number | null,
    outOf: number | null = null,
    rate: number | null = null,
  ) => rows.push([section, measure, n, outOf, percentNumber(rate)]);

  const teams = t("teams", { teams: figures.teams.map((team) => team.name).join(", ") });
  rows.push([teams, t("asOf", { date: figures.asOf }), null, null, null]);

  const cases = t("cases.heading");
  add(cases, t("cases.all"), figures.cases.all);
  add(cases, t("cases.open"), figures.cases.open);
  add(cases, t("cases.closed"), figures.cases.closed);
  for (const { level, count } of figures.byLevel) {
    const label = level === "none" ? t("cases.notClassified") : t(`rules:riskLevels.${level}`);
    add(t("cases.byLevel"), label, count, figures.cases.open);
  }
  for (const { stage, count } of figures.byStage) {
    add(t("cases.byStage"), t(`rules:stages.${stage}`), count, figures.cases.all);
  }

  const overdue = t("overdue.heading");
  add(overdue, t("overdue.cases"), figures.overdue.cases, figures.cases.open);
  for (const { kind, count } of figures.overdue.items) {
    add(overdue, t(`overdue.kinds.${kind}`), count);
  }

  const agreement = t("agreement.heading");
  const a = figures.agreement;
  add(agreement, t("agreement.compared"), a.compared);
  add(agreement, t("agreement.matched"), a.matched, a.compared, a.rate);
  add(agreement, t("agreement.sameLevel"), a.sameLevel, a.compared, a.sameLevelRate);
  add(agreement, t("agreement.awaiting"), a.awaiting);

  const outcomes = t("outcomes.heading");
  const o = figures.outcomes;
  add(outcomes, t("outcomes.returnedHome"), o.returnedHome);
  add(outcomes, t("outcomes.backInCare"), o.backInCare, o.returnedHome);
  add(outcomes, t("outcomes.stillHome"), o.stillHome, o.returnedHome);
  add(outcomes, t("outcomes.returns"), o.returns);
  add(outcomes, t("outcomes.returnsBackInCare"), o.returnsBackInCare, o.returns);
  for (const w of o.windows) {
    const section = t("outcomes.window", { months: w.months });
    add(section, t("outcomes.returnedToCare"), w.returnedToCare, w.followedUp, w.rate);
    add(section, t("outcomes.followedUp"), w.followedUp);
    add(section, t("outcomes.tooRecent"), w.tooRecent);
    add(section, t("outcomes.tooRecentAlreadyBack"), w.tooRecentAlreadyBack, w.tooRecent);
  }
  const excluded = new Map<string, number>();
  for (const e of o.excluded) excluded.set(e.code, (excluded.get(e.code) ?? 0) + 1);
  for (const [code, n] of excluded) {
    add(t("outcomes.excludedHeading"), t(`outcomes.excluded.${code}`), n);
  }
  return rows;
}
