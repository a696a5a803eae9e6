// The printable copy of "My agreement" (issue 5, item 7: "always gave me a copy"): the same
// content as /agreement, with no forms, laid out for paper by the print rules.
import { Glossed, useTranslation } from "@homeward/i18n/react";
import { requireViewer, services } from "@homeward/runtime";
import { agreementsForMe } from "@homeward/services/agreements";
import { PageTitle } from "@homeward/ui";
import { Link } from "react-router";
import type { Route } from "./+types/print";
import { AgreementDocument, useDates } from "./agreement-view.tsx";
import stylesHref from "./agreement.css?url";

export const links: Route.LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

export async function loader({ request, context }: Route.LoaderArgs) {
  const viewer = await requireViewer(context, request);
  const now = services(context).clock();
  const agreements = await agreementsForMe(
    { db: services(context).db, userId: viewer.userId, kind: viewer.kind, app: "portal", now },
    { copy: true },
  );
  return { agreements, madeOn: now.toISOString() };
}

export default function AgreementCopy({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation("agreement");
  const { moment } = useDates();
  const { agreements, madeOn } = loaderData;
  return (
    <>
      <PageTitle page={t("print.title")} app={t("common:portal.name")} />
      <h1>{t("print.title")}</h1>
      <p>
        <Glossed text={t("print.madeOn", { date: moment(madeOn) })} />
      </p>
      <div className="hw-print-hint">
        <p>
          <Glossed text={t("print.hint")} />
        </p>
        <p>
          <Link to="/agreement">{t("print.back")}</Link>
        </p>
      </div>
      {agreements.length === 0 ? (
        <p>
          <Glossed text={t("none")} />
        </p>
      ) : null}
      {agreements.map((agreement) => (
        <AgreementDocument key={agreement.agreementId} agreement={agreement} />
      ))}
    </>
  );
}
