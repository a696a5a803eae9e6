// The manager view (issue 7, part 4): the team's cases by level and stage, overdue work, how
// often the two independent classifications agree, and what became of the children who went
// home. Server-rendered SVG charts, each with its figures as a table too; the team is chosen
// with a GET form, so every view works without JavaScript and can be bookmarked.
import { directionOf, isLanguageCode } from "@homeward/i18n";
import { useTranslation } from "@homeward/i18n/react";
import { type TeamFigures, teamFigures, teamFiguresSearchSchema } from "@homeward/services/manager";
import { Button, PageTitle } from "@homeward/ui";
import { Form, Link } from "react-router";
import { orRefuse, staffContext } from "../../lib/service-context.server.ts";
import { calendarDate } from "../caseload/dates.ts";
import type { Route } from "./+types/index";
import { BarChart } from "./bar-chart.tsx";
import { percent, whole } from "./format.ts";
import stylesHref from "./manager.css?url";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { ctx } = await staffContext(context, request);
  const search = teamFiguresSearchSchema.parse(
    Object.fromEntries(new URL(request.url).searchParams),
  );
  const figures = await orRefuse(teamFigures(ctx, { teamId: search.team }));
  return { figures };
}

function useFormat() {
  const { i18n } = useTranslation("manager");
  const lng = i18n.language;
  return {
    lng,
    dir: isLanguageCode(lng) ? directionOf(lng) : ("ltr" as const),
    n: (value: number) => whole(value, lng),
    pc: (rate: number | null) => percent(rate, lng),
    date: (day: string) => calendarDate(day, lng),
  };
}

export default function ManagerPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("manager");
  const { figures } = loaderData;
  const f = useFormat();
  const exportHref = figures.teamId
    ? `/manager/figures.csv?team=${encodeURIComponent(figures.teamId)}`
    : "/manager/figures.csv";
  return (
    <>
      <PageTitle page={t("title")} app={t("common:practitioner.name")} />
      <h1>{t("heading")}</h1>
      <p>{t("intro")}</p>
      <p>
        {t("asOf", { date: f.date(figures.asOf) })}{" "}
        {t("teams", { teams: figures.teams.map((team) => team.name).join(", ") })}
      </p>
      <div className="hw-manager-actions">
        {figures.managed.length > 1 ? <TeamPicker figures={figures} /> : null}
        <p>
          <a href={exportHref} download>
            {t("export")}
          </a>
        </p>
      </div>
      <Cases figures={figures} />
      <Overdue figures={figures} />
      <Agreement figures={figures} />
      <Outcomes figures={figures} />
    </>
  );
}

function TeamPicker({ figures }: { figures: TeamFigures }) {
  const { t } = useTranslation("manager");
  return (
    <Form method="get" action="/manager">
      <fieldset className="hw-manager-picker">
        <legend>{t("picker.legend")}</legend>
        <div className="hw-field">
          <label htmlFor="figures-team">{t("picker.label")}</label>
          <select id="figures-team" name="team" defaultValue={figures.teamId ?? ""}>
            <option value="">{t("picker.all")}</option>
            {figures.managed.map((team) => (
              <option key={team.teamId} value={team.teamId}>
                {team.name}
              </option>
            ))}
          </select>
        </div>
        <Button type="submit">{t("picker.show")}</Button>
      </fieldset>
    </Form>
  );
}

function Cases({ figures }: { figures: TeamFigures }) {
  const { t } = useTranslation("manager");
  const f = useFormat();
  const columns: [string, string] = [t("columns.measure"), t("columns.number")];
  return (
    <section className="hw-manager-section" aria-labelledby="figures-cases">
      <h2 id="figures-cases">{t("cases.heading")}</h2>
      <dl className="hw-figures">
        <div>
          <dt>{t("cases.all")}</dt>
          <dd>{f.n(figures.cases.all)}</dd>
        </div>
        <div>
          <dt>{t("cases.open")}</dt>
          <dd>{f.n(figures.cases.open)}</dd>
        </div>
        <div>
          <dt>{t("cases.closed")}</dt>
          <dd>{f.n(figures.cases.closed)}</dd>
        </div>
      </dl>
      <h3>{t("cases.byLevel")}</h3>
      <p>{t("cases.levelNote")}</p>
      <BarChart
        title={t("cases.byLevel")}
        dir={f.dir}
        tableLabel={t("showTable")}
        columns={columns}
        bars={figures.byLevel.map(({ level, count }) => ({
          label: level === "none" ? t("cases.notClassified") : t(`rules:riskLevels.${level}`),
          value: count,
          display: f.n(count),
        }))}
      />
      <h3>{t("cases.byStage")}</h3>
      <BarChart
        title={t("cases.byStage")}
        dir={f.dir}
        tableLabel={t("showTable")}
        columns={columns}
        bars={figures.byStage.map(({ stage, count }) => ({
          label: t(`rules:stages.${stage}`),
          value: count,
          display: f.n(count),
        }))}
      />
    </section>
  );
}

function Overdue({ figures }: { figures: TeamFigures }) {
  const { t } = useTranslation("manager");
  const f = useFormat();
  const { overdue } = figures;
  return (
    <section className="hw-manager-section" aria-labelledby="figures-overdue">
      <h2 id="figures-overdue">{t("overdue.heading")}</h2>
      <dl className="hw-figures">
        <div>
          <dt>{t("overdue.cases")}</dt>
          <dd>{f.n(overdue.cases)}</dd>
        </div>
      </dl>
      {overdue.cases === 0 ? (
        <p>{t("overdue.none")}</p>
      ) : (
        <>
          <BarChart
            title={t("overdue.chart")}
            dir={f.dir}
            tableLabel={t("showTable")}
            columns={[t("columns.measure"), t("columns.number")]}
            bars={overdue.items.map(({ kind, count }) => ({
              label: t(`overdue.kinds.${kind}`),
              value: count,
              display: f.n(count),
            }))}
          />
          <section
            className="hw-manager-scroll"
            aria-labelledby="figures-overdue-list"
            // Focusable, so a keyboard can scroll it on a phone.
            // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable
            tabIndex={0}
          >
            <table className="hw-table">
              <caption id="figures-overdue-list">{t("overdue.listCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("overdue.case")}</th>
                  <th scope="col">{t("overdue.child")}</th>
                  {figures.teams.length > 1 ? <th scope="col">{t("overdue.team")}</th> : null}
                  <th scope="col">{t("overdue.items")}</th>
                </tr>
              </thead>
              <tbody>
                {overdue.list.map((row) => (
                  <tr key={row.caseId}>
                    <td>
                      <Link to={`/cases/${row.caseId}`}>{row.reference}</Link>
                    </td>
                    <td>{row.childName}</td>
                    {figures.teams.length > 1 ? <td>{row.teamName}</td> : null}
                    <td>
                      <ul className="hw-manager-list">
                        {row.items.map((item) => (
                          <li key={`${item.kind}-${item.date}`}>
                            {t("overdue.since", {
                              what: t(`overdue.kinds.${item.kind}`),
                              date: f.date(item.date),
                            })}
                          </li>
                        ))}
                      </ul>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </>
      )}
    </section>
  );
}

function Agreement({ figures }: { figures: TeamFigures }) {
  const { t } = useTranslation("manager");
  const f = useFormat();
  const { agreement } = figures;
  const share = (count: number, rate: number | null) =>
    `${f.n(count)} (${f.pc(rate) ?? t("outcomes.noRate")})`;
  return (
    <section className="hw-manager-section" aria-labelledby="figures-agreement">
      <h2 id="figures-agreement">{t("agreement.heading")}</h2>
      <p>{t("agreement.explain")}</p>
      <dl className="hw-figures">
        <div>
          <dt>{t("agreement.compared")}</dt>
          <dd>{f.n(agreement.compared)}</dd>
        </div>
        <div>
          <dt>{t("agreement.matched")}</dt>
          <dd>{share(agreement.matched, agreement.rate)}</dd>
        </div>
        <div>
          <dt>{t("agreement.sameLevel")}</dt>
          <dd>{share(agreement.sameLevel, agreement.sameLevelRate)}</dd>
        </div>
        <div>
          <dt>{t("agreement.awaiting")}</dt>
          <dd>{f.n(agreement.awaiting)}</dd>
        </div>
      </dl>
      {agreement.compared === 0 ? (
        <p>{t("agreement.none")}</p>
      ) : (
        <BarChart
          title={t("agreement.chart")}
          dir={f.dir}
          max={100}
          tableLabel={t("showTable")}
          columns={[t("columns.measure"), t("columns.percent")]}
          bars={[
            { label: t("agreement.matched"), rate: agreement.rate },
            { label: t("agreement.sameLevel"), rate: agreement.sameLevelRate },
          ].map(({ label, rate }) => ({
            label,
            value: (rate ?? 0) * 100,
            display: f.pc(rate) ?? t("outcomes.noRate"),
          }))}
        />
      )}
    </section>
  );
}

function Outcomes({ figures }: { figures: TeamFigures }) {
  const { t } = useTranslation("manager");
  const f = useFormat();
  const { outcomes } = figures;
  return (
    <section className="hw-manager-section" aria-labelledby="figures-outcomes">
      <h2 id="figures-outcomes">{t("outcomes.heading")}</h2>
      <dl className="hw-figures">
        <div>
          <dt>{t("outcomes.returnedHome")}</dt>
          <dd>{f.n(outcomes.returnedHome)}</dd>
        </div>
        <div>
          <dt>{t("outcomes.backInCare")}</dt>
          <dd>{f.n(outcomes.backInCare)}</dd>
        </div>
        <div>
          <dt>{t("outcomes.stillHome")}</dt>
          <dd>{f.n(outcomes.stillHome)}</dd>
        </div>
        <div>
          <dt>{t("outcomes.returns")}</dt>
          <dd>{f.n(outcomes.returns)}</dd>
        </div>
        <div>
          <dt>{t("outcomes.returnsBackInCare")}</dt>
          <dd>{f.n(outcomes.returnsBackInCare)}</dd>
        </div>
      </dl>
      <p>{t("outcomes.explain")}</p>
      <p>{t("outcomes.perReturn")}</p>
      <BarChart
        title={t("outcomes.chart")}
        dir={f.dir}
        max={100}
        tableLabel={t("showTable")}
        columns={[t("columns.measure"), t("outcomes.rate")]}
        bars={outcomes.windows.map((w) => ({
          label: t("outcomes.window", { months: f.n(w.months) }),
          value: (w.rate ?? 0) * 100,
          display: f.pc(w.rate) ?? t("outcomes.noRate"),
        }))}
      />
      <section
        className="hw-manager-scroll"
        aria-labelledby="figures-outcomes-table"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrolling region must be reachable
        tabIndex={0}
      >
        <table className="hw-table" id="outcomes-table">
          <caption id="figures-outcomes-table">{t("outcomes.tableCaption")}</caption>
          <thead>
            <tr>
              <td />
              <th scope="col">{t("outcomes.followedUp")}</th>
              <th scope="col">{t("outcomes.returnedToCare")}</th>
              <th scope="col">{t("outcomes.rate")}</th>
              <th scope="col">{t("outcomes.tooRecent")}</th>
              <th scope="col">{t("outcomes.tooRecentAlreadyBack")}</th>
            </tr>
          </thead>
          <tbody>
            {outcomes.windows.map((w) => (
              <tr key={w.months} data-months={w.months}>
                <th scope="row">{t("outcomes.window", { months: f.n(w.months) })}</th>
                <td>{f.n(w.followedUp)}</td>
                <td>{f.n(w.returnedToCare)}</td>
                <td>{f.pc(w.rate) ?? t("outcomes.noRate")}</td>
                <td>{f.n(w.tooRecent)}</td>
                <td>{f.n(w.tooRecentAlreadyBack)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
      {outcomes.excluded.length > 0 ? (
        <>
          <h3>{t("outcomes.excludedHeading")}</h3>
          <p>{t("outcomes.excludedIntro")}</p>
          <ul>
            {/* A case is listed once for each kind of problem its returns have. */}
            {outcomes.excluded.map((e) => (
              <li key={`${e.caseId}-${e.code}`}>
                <Link to={`/cases/${e.caseId}`}>{e.reference}</Link>:{" "}
                {t(`outcomes.excluded.${e.code}`)}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </section>
  );
}
