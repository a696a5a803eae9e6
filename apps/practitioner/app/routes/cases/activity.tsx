// "Who viewed or changed this": every read, change and refusal on one case, newest first,
// for staff with audit rights (social worker, team manager, IRO). `?record=<id>` narrows it
// to one record; `?page=` pages through it. Server-rendered; no JavaScript needed.
import { useTranslation } from "@homeward/i18n/react";
import { intlLocale } from "@homeward/i18n";
import { caseActivity } from "@homeward/services/audit-trail";
import { PageTitle } from "@homeward/ui";
import { Link } from "react-router";
import { z } from "zod";
import { CaseNav } from "../../components/case-nav.tsx";
import { orRefuse, staffContext } from "../../lib/service-context.server.ts";
import type { Route } from "./+types/activity";

const searchSchema = z.object({
  record: z
    .string()
    .max(200)
    .regex(/^[\w-]+$/)
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
});

export async function loader({ request, context, params }: Route.LoaderArgs) {
  const { ctx } = await staffContext(context, request);
  const search = searchSchema.parse(Object.fromEntries(new URL(request.url).searchParams));
  const activity = await orRefuse(
    caseActivity(ctx, params.caseId, { resourceId: search.record ?? null, page: search.page }),
  );
  return {
    caseId: params.caseId,
    reference: activity.reference,
    childName: activity.childName,
    record: search.record ?? null,
    activity,
  };
}

export default function Activity({ loaderData }: Route.ComponentProps) {
  const { t, i18n } = useTranslation("practitioner");
  const { caseId, reference, childName, record, activity } = loaderData;
  const when = (iso: string) =>
    new Intl.DateTimeFormat(intlLocale(i18n.language), {
      dateStyle: "medium",
      timeStyle: "short",
      timeZone: "Europe/London",
    }).format(new Date(iso));
  const pageHref = (page: number) => {
    const search = new URLSearchParams();
    if (record) search.set("record", record);
    if (page > 1) search.set("page", String(page));
    const query = search.toString();
    return `/cases/${caseId}/activity${query ? `?${query}` : ""}`;
  };
  return (
    <>
      <PageTitle page={t("activity.title", { reference })} app={t("common:practitioner.name")} />
      <h1>{t("activity.heading", { child: childName })}</h1>
      <CaseNav caseId={caseId} reference={reference} />
      <p>{t("activity.intro")}</p>
      {record ? (
        <p>
          {t("activity.oneRecord", { record })}{" "}
          <Link to={`/cases/${caseId}/activity`}>{t("activity.allRecords")}</Link>
        </p>
      ) : null}
      {activity.lines.length === 0 ? (
        <p>{t("activity.none")}</p>
      ) : (
        <section
          className="hw-table-wrap"
          aria-label={t("activity.caption", { page: activity.page })}
        >
          <table className="hw-table">
            <caption className="hw-visually-hidden">
              {t("activity.caption", { page: activity.page })}
            </caption>
            <thead>
              <tr>
                <th scope="col">{t("activity.when")}</th>
                <th scope="col">{t("activity.who")}</th>
                <th scope="col">{t("activity.what")}</th>
                <th scope="col">{t("activity.record")}</th>
                <th scope="col">{t("activity.outcome")}</th>
              </tr>
            </thead>
            <tbody>
              {activity.lines.map((line) => (
                <tr key={line.id}>
                  <td>{when(line.at)}</td>
                  <td>
                    <bdi>
                      {line.app === "integration"
                        ? t("activity.integration")
                        : line.who || t("activity.system")}
                    </bdi>
                    {line.onBehalfOf ? (
                      <> {t("activity.onBehalfOf", { name: line.onBehalfOf })}</>
                    ) : null}
                  </td>
                  <td>{t(`activity.actions.${line.action}`, { defaultValue: line.action })}</td>
                  <td>
                    {t(`activity.resources.${line.resourceType}`, {
                      defaultValue: line.resourceType,
                    })}
                    {line.resourceId && !record ? (
                      <>
                        {" "}
                        <Link
                          to={`/cases/${caseId}/activity?record=${encodeURIComponent(line.resourceId)}`}
                        >
                          {t("activity.onlyThis")}
                        </Link>
                      </>
                    ) : null}
                  </td>
                  <td>
                    {t(`activity.outcomes.${line.outcome}`)}
                    {line.reason
                      ? ` (${t(`activity.reasons.${line.reason}`, { defaultValue: line.reason })})`
                      : ""}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      <nav aria-label={t("activity.pages")} className="hw-pager">
        {activity.page > 1 ? (
          <Link to={pageHref(activity.page - 1)}>{t("activity.newer")}</Link>
        ) : null}{" "}
        {activity.hasMore ? (
          <Link to={pageHref(activity.page + 1)}>{t("activity.older")}</Link>
        ) : null}
      </nav>
    </>
  );
}
