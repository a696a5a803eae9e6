// The page an emailed invitation links to (an advocate's or an interpreter's): the title, why
// the link does not work, or what it is for and how to say yes - signed in, by signing in, or
// by making an account for the address it was sent to. The words both pages share are the
// advocates' accept page's, which came first; both pages load that namespace.
import { useTranslation } from "@homeward/i18n/react";
import type { InvitationProblem } from "@homeward/services/invitations";
import { Button, ErrorSummary, PageTitle } from "@homeward/ui";
import type { ReactNode } from "react";
import { Form, Link } from "react-router";
import { translateErrors } from "../lib/errors.ts";
import { InvitedAccountForm } from "./invited-account-form.tsx";

export function InvitationAccept({
  title,
  intro,
  submit,
  problemText,
  createIntro,
  page: { token, here, state, signedIn, created },
  answer,
}: {
  title: string;
  intro: ReactNode;
  /** The yes button's label. */
  submit: string;
  problemText: (problem: InvitationProblem) => string;
  /** What the account form says above its fields, for the link's address. */
  createIntro: (email: string) => string;
  /** The loader's answer. */
  page: {
    token: string;
    /** This page's address with the token: signing in comes back here. */
    here: string;
    state:
      | { ok: true; email: string; hasAccount: boolean }
      | { ok: false; problem: InvitationProblem };
    signedIn: boolean;
    /** An account was just made: sign in next. */
    created: boolean;
  };
  /** A refused post: its messages are keys with their namespace; what was typed, kept. */
  answer:
    | { errors: Record<string, string>; formError?: string; values: Record<string, string> }
    | undefined;
}) {
  const { t } = useTranslation("advocacy");
  const errors = translateErrors(t, answer?.errors);
  const formError = answer?.formError ? t(answer.formError) : undefined;
  return (
    <>
      <PageTitle page={title} app={t("common:portal.name")} />
      <h1>{title}</h1>
      {!state.ok ? (
        <p className="hw-notice" role="status">
          {problemText(state.problem)}
        </p>
      ) : (
        <>
          {intro}
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
                {submit}
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
              intro={createIntro(state.email)}
              errors={errors}
              name={answer?.values.name ?? ""}
            />
          )}
        </>
      )}
    </>
  );
}
