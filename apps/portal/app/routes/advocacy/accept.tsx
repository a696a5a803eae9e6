// The link in an advocate's invitation (issue 8). It works once, for a week, and only for an
// account with the address it was sent to. Someone without an account makes one here (a
// name and a password), then signs in as usual and says yes.
import { useTranslation } from "@homeward/i18n/react";
import {
  assertSameOrigin,
  keptValues,
  languageFor,
  optionalViewer,
  parseForm,
  requireViewer,
  services,
} from "@homeward/runtime";
import {
  acceptInvitation,
  advocateAccountSchema,
  auditAccountFromInvitation,
  type InvitationProblem,
  invitationState,
} from "@homeward/services/advocacy";
import { AccessDenied } from "@homeward/services/context";
import { Button, ErrorSummary, PageTitle } from "@homeward/ui";
import { data, Form, Link, redirect } from "react-router";
import { InvitedAccountForm } from "../../components/invited-account-form.tsx";
import { translateErrors } from "../../lib/errors.ts";
import { familyContext } from "../../lib/service-context.server.ts";
import type { Route } from "./+types/accept";
import { createAdvocateAccount } from "./account.server.ts";

const problems: readonly InvitationProblem[] = [
  "INVITATION_UNKNOWN",
  "INVITATION_USED",
  "INVITATION_WITHDRAWN",
  "INVITATION_EXPIRED",
  "WRONG_ACCOUNT",
];

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const token = url.searchParams.get("token") ?? "";
  const svc = services(context);
  const viewer = await optionalViewer(context, request);
  const state = await invitationState(svc.db, token, svc.clock());
  return {
    token,
    signedIn: Boolean(viewer),
    state,
    created: url.searchParams.get("created") === "1",
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  const form = await request.formData();
  const token = String(form.get("token") ?? "");
  const values = keptValues(form, ["password", "confirmPassword"]);
  const intent = String(form.get("intent") ?? "");
  const back = `/advocacy/accept?token=${encodeURIComponent(token)}`;
  switch (intent) {
    case "accept": {
      await requireViewer(context, request);
      const { ctx } = await familyContext(context, request);
      try {
        await acceptInvitation(ctx, token);
      } catch (error) {
        if (error instanceof AccessDenied && problems.includes(error.reason as InvitationProblem))
          return data(
            { errors: {}, formError: `advocacy:accept.problems.${error.reason}`, values },
            { status: 403 },
          );
        throw error;
      }
      throw redirect("/advocacy/people?accepted=1");
    }
    case "create_account": {
      const svc = services(context);
      const state = await invitationState(svc.db, token, svc.clock());
      if (!state.ok)
        return data(
          { errors: {}, formError: `advocacy:accept.problems.${state.problem}`, values },
          { status: 403 },
        );
      if (state.hasAccount)
        return data(
          { errors: {}, formError: "advocacy:accept.errors.accountExists", values },
          { status: 409 },
        );
      const parsed = parseForm(advocateAccountSchema, form);
      if (!parsed.ok)
        return data({ errors: parsed.errors, formError: undefined, values }, { status: 400 });
      const made = await createAdvocateAccount(context, {
        name: parsed.data.name,
        email: state.email,
        password: parsed.data.password,
        language: languageFor(request, null),
      });
      if (!made.ok)
        return data(
          { errors: {}, formError: "advocacy:accept.errors.accountExists", values },
          { status: 409 },
        );
      await auditAccountFromInvitation(svc.db, {
        userId: made.userId,
        invitationId: state.invitationId,
      });
      throw redirect(`${back}&created=1`);
    }
    default:
      return data({ errors: {}, formError: "advocacy:errors.intent", values }, { status: 400 });
  }
}

export default function AcceptInvitation({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("advocacy");
  const { token, state, signedIn, created } = loaderData;
  const errors = translateErrors(t, actionData?.errors);
  const formError = actionData?.formError ? t(actionData.formError) : undefined;
  const here = `/advocacy/accept?token=${encodeURIComponent(token)}`;
  return (
    <>
      <PageTitle page={t("accept.title")} app={t("common:portal.name")} />
      <h1>{t("accept.title")}</h1>
      {!state.ok ? (
        <p className="hw-notice" role="status">
          {t(`accept.problems.${state.problem}`)}
        </p>
      ) : (
        <>
          <p>{t("accept.intro")}</p>
          {created ? (
            <p className="hw-notice" role="status">
              {t("accept.created")}
            </p>
          ) : null}
          <ErrorSummary
            title={t("auth:errors.summaryTitle")}
            errors={errors}
            formError={formError}
          />
          {signedIn ? (
            <Form method="post">
              <input type="hidden" name="token" value={token} />
              <Button name="intent" value="accept">
                {t("accept.submit")}
              </Button>
            </Form>
          ) : state.hasAccount ? (
            <p>
              {t("accept.signIn", { email: state.email })}{" "}
              <Link to={`/sign-in?next=${encodeURIComponent(here)}`}>{t("accept.signInLink")}</Link>
            </p>
          ) : (
            <InvitedAccountForm
              token={token}
              intro={t("accept.create", { email: state.email })}
              errors={errors}
              name={actionData?.values.name ?? ""}
            />
          )}
        </>
      )}
    </>
  );
}
