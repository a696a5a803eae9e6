import { signInSchema } from "@homeward/auth/schemas";
import { Glossed, useTranslation } from "@homeward/i18n/react";
import {
  assertSameOrigin,
  keptValues,
  optionalViewer,
  parseForm,
  safeNextPath,
  startSignIn,
} from "@homeward/runtime";
import { PageTitle, SignInForm } from "@homeward/ui";
import { data, redirect } from "react-router";
import { translateErrors } from "../lib/errors.ts";
import type { Route } from "./+types/sign-in";

export async function loader({ request, context }: Route.LoaderArgs) {
  const next = safeNextPath(new URL(request.url).searchParams.get("next"));
  if (await optionalViewer(context, request)) throw redirect(next);
  return { next, passwordReset: new URL(request.url).searchParams.get("reset") === "done" };
}

export async function action({ request, context }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  const form = await request.formData();
  const values = keptValues(form);
  const parsed = parseForm(signInSchema, form);
  if (!parsed.ok)
    return data({ errors: parsed.errors, formError: undefined, values }, { status: 400 });
  const outcome = await startSignIn(context, request, parsed.data);
  if (!outcome.ok)
    return data(
      { errors: {}, formError: outcome.error, values },
      { status: outcome.error.endsWith("tooManyAttempts") ? 429 : 400 },
    );
  const next = safeNextPath(parsed.data.next);
  throw redirect(`/sign-in/code?next=${encodeURIComponent(next)}`, { headers: outcome.headers });
}

export default function SignIn({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("auth");
  return (
    <>
      <PageTitle page={t("signIn.heading")} app={t("common:portal.name")} />
      <SignInForm
        text={{
          heading: t("signIn.heading"),
          intro: <Glossed text={t("signIn.familyIntro")} />,

          email: t("signIn.email"),
          password: t("signIn.password"),
          submit: t("signIn.submit"),
          errorTitle: t("errors.summaryTitle"),
          forgotPassword: t("signIn.forgotPassword"),
        }}
        notice={loaderData.passwordReset ? t("reset.done") : undefined}
        errors={translateErrors(t, actionData?.errors)}
        formError={actionData?.formError ? t(actionData.formError) : undefined}
        values={actionData?.values}
        next={loaderData.next}
      />
    </>
  );
}
