// The caseload (issue 6, item 1): the team's cases with the traffic light the time rules give
// today, the stage, the allocated worker and what is due or overdue. Sorting, filtering and
// paging all live in the query string, so every view is a plain link or a GET form that works
// without JavaScript and can be bookmarked.
import { useTranslation } from "@homeward/i18n/react";
import { CASE_STEPS, RISK_LEVELS } from "@homeward/rules";
import {
  type Caseload,
  type CaseloadRow,
  type CaseloadSearch,
  type CaseloadSortKey,
  caseload,
  caseloadQueryOf,
  type DueItem,
  parseCaseloadSearch,
} from "@homeward/services/caseload";
import { Button, PageTitle } from "@homeward/ui";
import { Form, Link } from "react-router";
import { orRefuse, staffContext } from "../lib/service-context.server.ts";
import type { Route } from "./+types/home";
import stylesHref from "./caseload/caseload.css?url";
import { calendarDate } from "./caseload/dates.ts";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const { ctx } = await staffContext(context, request);
  const search = parseCaseloadSearch(new URL(request.url).searchParams);
  const list = await orRefuse(caseload(ctx, caseloadQueryOf(search)));
  return { list, search };
}

/** The query string for a view of the caseload; defaults are left out to keep links short. */
function hrefFor(search: CaseloadSearch, change: Partial<CaseloadSearch>): string {
  const next = { ...search, ...change };
  const params = new URLSearchParams();
  if (next.level) params.set("level", next.level);
  if (next.stage) params.set("stage", next.stage);
  if (next.overdue) params.set("overdue", "1");
  if (next.sort !== "reference") params.set("sort", next.sort);
  if (next.dir !== "asc") params.set("dir", next.dir);
  if (next.page > 1) params.set("page", String(next.page));
  const query = params.toString();
  return query ? `/?${query}` : "/";
}

export default function CaseloadPage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("caseload");
  const { list, search } = loaderData;
  const filtered = Boolean(search.level || search.stage || search.overdue);
  return (
    <>
      <PageTitle page={t("title")} app={t("common:practitioner.name")} />
      <h1>{t("heading")}</h1>
      <p>{t("intro")}</p>
      <FilterForm search={search} />
      {list.total === 0 ? (
        <p className="hw-notice" role="status">
          {filtered ? t("emptyFiltered") : t("empty")}
        </p>
      ) : null}
      <section className="hw-scroll" aria-labelledby="caseload-caption">
        <CaseTable list={list} search={search} />
      </section>
      {list.pageCount > 1 ? <Pagination list={list} search={search} /> : null}
      {filtered ? (
        <p>
          <Link
            to={hrefFor(search, { level: undefined, stage: undefined, overdue: false, page: 1 })}
          >
            {t("filter.clear")}
          </Link>
        </p>
      ) : null}
    </>
  );
}

function FilterForm({ search }: { search: CaseloadSearch }) {
  const { t } = useTranslation("caseload");
  return (
    <Form method="get" action="/">
      <fieldset className="hw-caseload-filter">
        <legend id="caseload-filter">{t("filter.heading")}</legend>
        {search.sort !== "reference" ? (
          <input type="hidden" name="sort" value={search.sort} />
        ) : null}
        {search.dir !== "asc" ? <input type="hidden" name="dir" value={search.dir} /> : null}
        <div className="hw-field">
          <label htmlFor="filter-level">{t("filter.level")}</label>
          <select id="filter-level" name="level" defaultValue={search.level ?? ""}>
            <option value="">{t("filter.any")}</option>
            {RISK_LEVELS.map((level) => (
              <option key={level} value={level}>
                {t(`rules:riskLevels.${level}`)}
              </option>
            ))}
            <option value="none">{t("level.notClassified")}</option>
          </select>
        </div>
        <div className="hw-field">
          <label htmlFor="filter-stage">{t("filter.stage")}</label>
          <select id="filter-stage" name="stage" defaultValue={search.stage ?? ""}>
            <option value="">{t("filter.any")}</option>
            {CASE_STEPS.map((stage) => (
              <option key={stage} value={stage}>
                {t(`rules:stages.${stage}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="hw-check">
          <input
            type="checkbox"
            id="filter-overdue"
            name="overdue"
            value="1"
            defaultChecked={search.overdue}
          />
          <label htmlFor="filter-overdue">{t("filter.overdue")}</label>
        </div>
        <Button type="submit">{t("filter.apply")}</Button>
      </fieldset>
    </Form>
  );
}

const columns: { key: CaseloadSortKey | null; label: string }[] = [
  { key: "reference", label: "columns.reference" },
  { key: "child", label: "columns.child" },
  { key: "level", label: "columns.level" },
  { key: "stage", label: "columns.stage" },
  { key: null, label: "columns.worker" },
  { key: "nextDue", label: "columns.due" },
];

function CaseTable({ list, search }: { list: Caseload; search: CaseloadSearch }) {
  const { t } = useTranslation("caseload");
  return (
    <table className="hw-table">
      <caption id="caseload-caption">
        {t("caption", { total: list.total, page: list.page, pageCount: list.pageCount })}
      </caption>
      <thead>
        <tr>
          {columns.map(({ key, label }) => {
            if (!key) {
              return (
                <th key={label} scope="col">
                  {t(label)}
                </th>
              );
            }
            const current = search.sort === key;
            const dir = current && search.dir === "asc" ? "desc" : "asc";
            return (
              <th
                key={label}
                scope="col"
                aria-sort={
                  current ? (search.dir === "asc" ? "ascending" : "descending") : undefined
                }
              >
                <Link className="hw-sort-link" to={hrefFor(search, { sort: key, dir, page: 1 })}>
                  {t(label)}
                  <span className="hw-visually-hidden">
                    {" "}
                    {t(dir === "asc" ? "sort.ascending" : "sort.descending")}
                  </span>
                </Link>
              </th>
            );
          })}
        </tr>
      </thead>
      <tbody>
        {list.rows.map((row) => (
          <CaseRow key={row.caseId} row={row} />
        ))}
      </tbody>
    </table>
  );
}

function CaseRow({ row }: { row: CaseloadRow }) {
  const { t, i18n } = useTranslation("caseload");
  const date = (d: string) => calendarDate(d, i18n.language);
  return (
    <tr>
      <td>
        <Link to={`/cases/${row.caseId}`}>{row.reference}</Link>
      </td>
      <td>{row.childName}</td>
      <td>
        {row.level ? (
          <>
            <span className={`hw-risk hw-risk--${row.level}`}>
              {t(`rules:riskLevels.${row.level}`)}
            </span>
            {row.levelSince ? (
              <>
                <br />
                <span className="hw-muted">{t("level.since", { date: date(row.levelSince) })}</span>
              </>
            ) : null}
            {row.recordedLevel && row.recordedLevel !== row.level ? (
              <>
                <br />
                <span>
                  {t("level.recorded", { level: t(`rules:riskLevels.${row.recordedLevel}`) })}
                </span>
              </>
            ) : null}
          </>
        ) : (
          t("level.notClassified")
        )}
      </td>
      <td>{t(`rules:stages.${row.stage}`)}</td>
      <td>{row.allocatedWorker ?? t("noWorker")}</td>
      <td>
        {row.due.length === 0 ? (
          t("due.nothing")
        ) : (
          <ul className="hw-due-list">
            {row.due.map((item) => (
              <li key={`${item.kind}-${item.date}-${item.overdue}`}>
                <DueBadge item={item} />
              </li>
            ))}
          </ul>
        )}
      </td>
    </tr>
  );
}

function DueBadge({ item }: { item: DueItem }) {
  const { t, i18n } = useTranslation("caseload");
  const date = calendarDate(item.date, i18n.language);
  const number = "count" in item ? item.count : 0;
  const text = (() => {
    switch (item.kind) {
      case "reclassification":
        return t(item.overdue ? "due.reclassificationOverdue" : "due.reclassification", { date });
      case "drift":
        return t("due.drift", { date });
      case "reviewWindow":
        return t(item.overdue ? "due.reviewWindowClosed" : "due.reviewWindow", { date, number });
      case "familyResponses":
        return t("due.familyResponses", { date, number });
      case "correctionsToAnswer":
        return t(item.overdue ? "due.correctionsOverdue" : "due.correctionsToAnswer", {
          date,
          number,
        });
      case "goalsOverdue":
        return t("due.goalsOverdue", { date, number });
      case "supportNotDelivered":
        return t("due.supportNotDelivered", { date, number });
    }
  })();
  return (
    <>
      <span className={item.overdue ? "hw-due hw-due--overdue" : "hw-due"}>
        {t(item.overdue ? "due.overdueBadge" : "due.dueBadge")}
      </span>
      {text}
    </>
  );
}

function Pagination({ list, search }: { list: Caseload; search: CaseloadSearch }) {
  const { t } = useTranslation("caseload");
  const pages = Array.from({ length: list.pageCount }, (_, i) => i + 1);
  return (
    <nav className="hw-pagination" aria-label={t("pages.label")}>
      <ul>
        {list.page > 1 ? (
          <li>
            <Link to={hrefFor(search, { page: list.page - 1 })} rel="prev">
              {t("pages.previous")}
            </Link>
          </li>
        ) : null}
        {pages.map((page) => (
          <li key={page}>
            {page === list.page ? (
              <span aria-current="page">{t("pages.page", { page })}</span>
            ) : (
              <Link to={hrefFor(search, { page })}>{t("pages.page", { page })}</Link>
            )}
          </li>
        ))}
        {list.page < list.pageCount ? (
          <li>
            <Link to={hrefFor(search, { page: list.page + 1 })} rel="next">
              {t("pages.next")}
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
