import { caseloadForPractitioner, recordAudit } from "@homeward/db";
import { useTranslation } from "@homeward/i18n/react";
import { requireViewer, services } from "@homeward/runtime";
import { PageTitle } from "@homeward/ui";
import type { Route } from "./+types/home";

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = await requireViewer(context, request);
  const { db, app } = services(context);
  const cases = await caseloadForPractitioner(db, { userId: viewer.userId });
  await recordAudit(db, {
    actorUserId: viewer.userId,
    app,
    action: "read",
    resourceType: "caseload",
    outcome: "allowed",
    detail: { count: cases.length },
  });
  return { cases };
}

export default function Caseload({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("practitioner");
  return (
    <>
      <PageTitle page={t("caseload.heading")} app={t("common:practitioner.name")} />
      <h1>{t("caseload.heading")}</h1>
      <table className="hw-table">
        <caption>{t("caseload.caption", { count: loaderData.cases.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t("caseload.reference")}</th>
            <th scope="col">{t("caseload.child")}</th>
            <th scope="col">{t("caseload.stage")}</th>
            <th scope="col">{t("caseload.risk")}</th>
          </tr>
        </thead>
        <tbody>
          {loaderData.cases.map((c) => (
            <tr key={c.caseId}>
              <td>{c.reference}</td>
              <td>{c.childName}</td>
              <td>{t(`rules:stages.${c.stage}`)}</td>
              <td>
                {c.riskLevel ? (
                  <span className={`hw-risk hw-risk--${c.riskLevel}`}>
                    {t(`rules:riskLevels.${c.riskLevel}`)}
                  </span>
                ) : (
                  t("caseload.notClassified")
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
