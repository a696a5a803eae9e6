// The link in a new interpreter's invitation (issue 8). Like an advocate's: it works once, for
// a week (and no longer than the assignment's own period), only for an account with the
// address it was sent to. Someone without an account makes one here (a name and a password,
// in the language the social worker chose for them), then signs in as usual - password and
// an emailed code - and says yes; their assignment is then on their interpreting page.
import { Glossed, useTranslation } from "@homeward/i18n/react";
import {
  assertSameOrigin,
  keptValues,
  optionalViewer,
  parseForm,
  requireViewer,
  services,
} from "@homeward/runtime";
import { AccessDenied } from "@homeward/services/context";
import {
  acceptInterpreterInvitation,
  INTERPRETER_ACCEPT_PATH,
  interpreterInvitationState,
} from "@homeward/services/interpreter-invitations";
import {
  auditAccountFromInvitation,
  type InvitationProblem,
  invitedAccountSchema,
} from "@homeward/services/invitations";
import { Button, ErrorSummary, PageTitle } from "@homeward/ui";
import { data, Form, Link, redirect } from "react-router";
import { InvitedAccountForm } from "../../components/invited-account-form.tsx";
import { translateErrors } from "../../lib/errors.ts";
import { createInvitedAccount } from "../../lib/invited-account.server.ts";
import { familyContext } from "../../lib/service-context.server.ts";
import type { Route } from "./+types/accept";

const problems: readonly InvitationProblem[] = [
  "INVITATION_UNKNOWN",
  "INVITATION_USED",
  "INVITATION_WITHDRAWN",
  "INVITATION_EXPIRED",
  "WRONG_ACCOUNT",
];

const problemKey = (problem: InvitationProblem) => `interpretingMore:accept.problems.${problem}`;

export async function loader({ request, context }: Route.LoaderArgs) {
  const url = new URL(request.url);
  const token = url.searchParams.get("token") ?? "";
  const svc = services(context);
  const viewer = await optionalViewer(context, request);
  const state = await interpreterInvitationState(svc.db, token, svc.clock());
  return {
    token,
    here: `${INTERPRETER_ACCEPT_PATH}?token=${encodeURIComponent(token)}`,
    signedIn: Boolean(viewer),
    // The address is shown only to whoever holds a working link (it was sent there).
    state: state.ok
      ? { ok: true as const, email: state.email, hasAccount: state.hasAccount }
      : state,
    created: url.searchParams.get("created") === "1",
  };
}

export async function action({ request, context }: Route.ActionArgs) {
  assertSameOrigin(context, request);
  const form = await request.formData();
  const token = String(form.get("token") ?? "");
  const values = keptValues(form, ["password", "confirmPassword"]);
  const intent = String(form.get("intent") ?? "");
  const back = `${INTERPRETER_ACCEPT_PATH}?token=${encodeURIComponent(token)}`;
  const refused = (formError: string, status: number) =>
    data({ errors: {} as Record<string, string>, formError, values }, { status });
  switch (intent) {
    case "accept": {
      await requireViewer(context, request);
      const { ctx } = await familyContext(context, request);
      try {
        await acceptInterpreterInvitation(ctx, token);
      } catch (error) {
        if (error instanceof AccessDenied && problems.includes(error.reason as InvitationProblem))
          return refused(problemKey(error.reason as InvitationProblem), 403);
        throw error;
      }
      throw redirect("/interpret?accepted=1");
    }
    case "create_account": {
      const svc = services(context);
      const state = await interpreterInvitationState(svc.db, token, svc.clock());
      if (!state.ok) return refused(problemKey(state.problem), 403);
      if (state.hasAccount) return refused("advocacy:accept.errors.accountExists", 409);
      const parsed = parseForm(invitedAccountSchema, form);
      if (!parsed.ok)
        return data({ errors: parsed.errors, formError: undefined, values }, { status: 400 });
      const made = await createInvitedAccount(context, {
        name: parsed.data.name,
        email: state.email,
        password: parsed.data.password,
        // The language the social worker chose for them, as the email was.
        language: state.language,
      });
      if (!made.ok) return refused("advocacy:accept.errors.accountExists", 409);
      await auditAccountFromInvitation(svc.db, {
        userId: made.userId,
        invitationId: state.invitationId,
      });
      throw redirect(`${back}&created=1`);
    }
    default:
      return refused("advocacy:errors.intent", 400);
  }
}

export default function AcceptInterpreting({ loaderData, actionData }: Route.ComponentProps) {
  const { t } = useTranslation("interpretingMore");
  // The address comes from the loader: the services module is server-only.
  const { token, here, state, signedIn, created } = loaderData;
  const errors = translateErrors(t, actionData?.errors);
  const formError = actionData?.formError ? t(actionData.formError) : undefined;
  return (
    <>
      <PageTitle page={t("accept.title")} app={t("common:portal.name")} />
      <h1>{t("accept.title")}</h1>
      {!state.ok ? (
        <p className="hw-notice" role="status">
          {t(problemKey(state.problem))}
        </p>
      ) : (
        <>
          <p>
            <Glossed text={t("accept.intro")} />
          </p>
          {created ? (
            <p className="hw-notice" role="status">
              {t("advocacy:accept.created")}
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
              {t("advocacy:accept.signIn", { email: state.email })}{" "}
              <Link to={`/sign-in?next=${encodeURIComponent(here)}`}>
                {t("advocacy:accept.signInLink")}
              </Link>
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
