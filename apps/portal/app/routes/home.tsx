import { casesForFamilyMember, recordAudit } from "@homeward/db";
import { useTranslation } from "@homeward/i18n/react";
import { requireViewer, services } from "@homeward/runtime";
import { PageTitle } from "@homeward/ui";
import type { Route } from "./+types/home";

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = await requireViewer(context, request);
  const { db, app } = services(context);
  const cases = await casesForFamilyMember(db, { userId: viewer.userId, now: new Date() });
  await recordAudit(db, {
    actorUserId: viewer.userId,
    app,
    action: "read",
    resourceType: "case_list",
    outcome: "allowed",
    detail: { caseIds: cases.map((c) => c.caseId) },
  });
  return { name: viewer.name, cases };
}

export default function Home({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("portal");
  return (
    <>
      <PageTitle page={t("home.title")} app={t("common:portal.name")} />
      <h1>{t("home.heading", { name: loaderData.name })}</h1>
      {loaderData.cases.length === 0 ? (
        <p>{t("home.noCases")}</p>
      ) : (
        <ul>
          {loaderData.cases.map((c) => (
            <li key={c.caseId}>
              <strong>{t("home.caseFor", { child: c.childFirstName })}</strong> —{" "}
              {t(`rules:stages.${c.stage}`)}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
