import { useTranslation } from "@homeward/i18n/react";
import { PageTitle } from "@homeward/ui";
import { isRouteErrorResponse, useRouteError } from "react-router";

/** The translated text of an error page: forbidden, not found, or something went wrong. */
export function ErrorContent() {
  const error = useRouteError();
  const { t } = useTranslation();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const key = status === 403 ? "forbidden" : status === 404 ? "notFound" : "unexpected";
  return (
    <>
      <PageTitle page={t(`errors.${key}.title`)} app={t("portal.name")} />
      <h1>{t(`errors.${key}.title`)}</h1>
      <p>{t(`errors.${key}.body`)}</p>
      <p>
        <a href="/">{t("errors.backHome")}</a>
      </p>
    </>
  );
}
