import { codeSchema } from "@homeward/auth/schemas";
import { useTranslation } from "@homeward/i18n/react";
import { assertSameOrigin, finishSignIn, parseForm, safeNextPath } from "@homeward/runtime";
import { CodeForm, PageTitle } from "@homeward/ui";
import { data, redirect } from "react-router";
import { translateErrors } from "../lib/errors.ts";
import type { Route } from "./+types/sign-in-code";

export function loader({ request }: Route.LoaderArgs) {
  return { next: safeNextPath(new URL(request.url).searchParams.get("next")) };
}

export async function action({ request, context }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  const form = await request.formData();
  const parsed = parseForm(codeSchema, form);
  if (!parsed.ok) return data({ errors: parsed.errors, formError: undefined }, { status: 400 });
  const outcome = await finishSignIn(context, request, parsed.data.code);
  if (!outcome.ok) return data({ errors: {}, formError: outcome.error }, { status: 400 });
  throw redirect(safeNextPath(parsed.data.next), { headers: outcome.headers });
}

export default function SignInCode({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("auth");
  return (
    <>
      <PageTitle page={t("code.heading")} app={t("common:practitioner.name")} />
      <CodeForm
        text={{
          heading: t("code.heading"),
          intro: t("code.totpIntro"),
          code: t("code.label"),
          codeHint: t("code.totpHint"),
          submit: t("code.submit"),
          errorTitle: t("errors.summaryTitle"),
        }}
        errors={translateErrors(t, actionData?.errors)}
        formError={actionData?.formError ? t(actionData.formError) : undefined}
        next={loaderData.next}
      />
    </>
  );
}
