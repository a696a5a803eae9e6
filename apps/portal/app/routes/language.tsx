// /language: the list of every language (the header's "Language" link), and with ?lng= the
// choice itself, which remembers it and goes back to `next`. Public, like sign-in: it shows
// no one's information.
import { languages } from "@homeward/i18n";
import { useTranslation } from "@homeward/i18n/react";
import { languagePage } from "@homeward/runtime";
import { LanguageList, PageTitle } from "@homeward/ui";
import type { Route } from "./+types/language";

export function loader({ request, context }: Route.LoaderArgs) {
  return languagePage(context, request);
}

export default function LanguagePage({ loaderData }: Route.ComponentProps) {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle page={t("language.heading")} app={t("portal.name")} />
      <LanguageList
        languages={languages}
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
