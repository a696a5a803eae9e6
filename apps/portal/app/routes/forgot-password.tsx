import { forgotPasswordSchema } from "@homeward/auth/schemas";
import { useTranslation } from "@homeward/i18n/react";
import { assertSameOrigin, keptValues, parseForm, requestPasswordReset } from "@homeward/runtime";
import { ForgotPasswordForm, PageTitle } from "@homeward/ui";
import { data } from "react-router";
import { translateErrors } from "../lib/errors.ts";
import type { Route } from "./+types/forgot-password";

export async function action({ request, context }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  const form = await request.formData();
  const values = keptValues(form);
  const parsed = parseForm(forgotPasswordSchema, form);
  if (!parsed.ok)
    return data(
      { errors: parsed.errors, formError: undefined, values, sent: false },
      { status: 400 },
    );
  const outcome = await requestPasswordReset(context, request, parsed.data.email);
  if (outcome !== "sent")
    return data({ errors: {}, formError: outcome, values, sent: false }, { status: 429 });
  return { errors: {}, formError: undefined, values, sent: true };
}

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const { t } = useTranslation("auth");
  return (
    <>
      <PageTitle page={t("forgot.heading")} app={t("common:portal.name")} />
      <ForgotPasswordForm
        text={{
          heading: t("forgot.heading"),
          intro: t("forgot.intro"),
          email: t("signIn.email"),
          submit: t("forgot.submit"),
          sent: t("forgot.sent"),
          errorTitle: t("errors.summaryTitle"),
        }}
        errors={translateErrors(t, actionData?.errors)}
        formError={actionData?.formError ? t(actionData.formError) : undefined}
        values={actionData?.values}
        sent={Boolean(actionData?.sent)}
      />
    </>
  );
}
