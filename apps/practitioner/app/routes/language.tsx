// /language: the list of the languages the practitioner app is offered in (the staff
// languages, decision 008), and with ?lng= the choice itself, which goes back to `next`.
import { staffLanguageCodes, staffLanguages } from "@homeward/i18n";
import { useTranslation } from "@homeward/i18n/react";
import { languagePage } from "@homeward/runtime";
import { LanguageList, PageTitle } from "@homeward/ui";
import type { Route } from "./+types/language";

export function loader({ request, context }: Route.LoaderArgs) {
  return languagePage(context, request, staffLanguageCodes);
}

export default function LanguagePage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle page={t("language.heading")} app={t("practitioner.name")} />
      <LanguageList
        languages={staffLanguages}
        current={loaderData.current}
        next={loaderData.next}
        namesInCurrent={loaderData.namesInCurrent}
        text={{
          heading: t("language.heading"),
          intro: t("language.intro"),
          current: t("language.current"),
          back: t("language.back"),
        }}
      />
    </>
  );
}
