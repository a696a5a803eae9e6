import { resetPasswordSchema } from "@homeward/auth/schemas";
import { useTranslation } from "@homeward/i18n/react";
import { assertSameOrigin, parseForm, resetPassword } from "@homeward/runtime";
import { PageTitle, ResetPasswordForm } from "@homeward/ui";
import { data, redirect } from "react-router";
import { translateErrors } from "../lib/errors.ts";
import type { Route } from "./+types/reset-password";

export function loader({ request }: Route.LoaderArgs) {
  return { token: new URL(request.url).searchParams.get("token") ?? "" };
}

export async function action({ request, context }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  const parsed = parseForm(resetPasswordSchema, await request.formData());
  if (!parsed.ok) return data({ errors: parsed.errors, formError: undefined }, { status: 400 });
  const outcome = await resetPassword(context, request, {
    token: parsed.data.token,
    newPassword: parsed.data.newPassword,
  });
  if (!outcome.ok) return data({ errors: {}, formError: outcome.error }, { status: 400 });
  throw redirect("/sign-in?reset=done");
}

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("auth");
  return (
    <>
      <PageTitle page={t("reset.heading")} app={t("common:portal.name")} />
      <ResetPasswordForm
        text={{
          heading: t("reset.heading"),
          intro: t("reset.intro"),
          newPassword: t("reset.newPassword"),
          newPasswordHint: t("reset.newPasswordHint"),
          confirmPassword: t("reset.confirmPassword"),
          submit: t("reset.submit"),
          errorTitle: t("errors.summaryTitle"),
        }}
        token={loaderData.token}
        errors={translateErrors(t, actionData?.errors)}
        formError={actionData?.formError ? t(actionData.formError) : undefined}
      />
    </>
  );
}
