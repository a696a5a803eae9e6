// The two sign-in steps as forms both apps show. Plain posts to the route's action, so they
// work without JavaScript; React Router's <Form> enhances them when scripts run.
import type { ReactNode } from "react";
import { Form } from "react-router";
import { Button } from "./button.tsx";
import { ErrorSummary, type FieldErrors, FormErrors } from "./form-errors.tsx";
import { TextField } from "./text-field.tsx";

export interface SignInFormText {
  heading: string;
  /** Text, or the app's text with its glossary words linked (the portal's <Glossed>). */
  intro?: ReactNode;
  email: string;

  password: string;
  submit: string;
  errorTitle: string;
  forgotPassword: string;
}

export function SignInForm({
  text,
  errors,
  formError,
  values,
  next,
  notice,
}: {
  text: SignInFormText;
  /** A confirmation to show above the form, e.g. after a password reset. */
  notice?: string | undefined;
  errors?: FieldErrors | undefined;
  formError?: string | undefined;
  values?: Record<string, string> | undefined;
  next?: string | undefined;
}) {
  return (
    <>
      <h1>{text.heading}</h1>
      {notice ? (
        <p className="hw-notice" role="status">
          {notice}
        </p>
      ) : null}
      {text.intro ? <p>{text.intro}</p> : null}
      <ErrorSummary title={text.errorTitle} errors={errors} formError={formError} />
      <Form method="post" noValidate>
        <FormErrors errors={errors}>
          {next ? <input type="hidden" name="next" value={next} /> : null}
          <TextField
            label={text.email}
            name="email"
            type="email"
            autoComplete="username"
            defaultValue={values?.email ?? ""}
            isRequired
          />
          <TextField
            label={text.password}
            name="password"
            type="password"
            autoComplete="current-password"
            isRequired
          />
          <Button>{text.submit}</Button>
        </FormErrors>
      </Form>
      <p>
        <a href="/forgot-password">{text.forgotPassword}</a>
      </p>
    </>
  );
}

export interface CodeFormText {
  heading: string;
  intro: string;
  code: string;
  codeHint: string;
  submit: string;
  errorTitle: string;
}

export function CodeForm({
  text,
  errors,
  formError,
  next,
}: {
  text: CodeFormText;
  errors?: FieldErrors | undefined;
  formError?: string | undefined;
  next?: string | undefined;
}) {
  return (
    <>
      <h1>{text.heading}</h1>
      <p>{text.intro}</p>
      <ErrorSummary title={text.errorTitle} errors={errors} formError={formError} />
      <Form method="post" noValidate>
        <FormErrors errors={errors}>
          {next ? <input type="hidden" name="next" value={next} /> : null}
          <TextField
            label={text.code}
            description={text.codeHint}
            name="code"
            inputMode="numeric"
            autoComplete="one-time-code"
            isRequired
          />
          <Button>{text.submit}</Button>
        </FormErrors>
      </Form>
    </>
  );
}

export interface ForgotPasswordText {
  heading: string;
  intro: string;
  email: string;
  submit: string;
  sent: string;
  errorTitle: string;
}

export function ForgotPasswordForm({
  text,
  errors,
  formError,
  values,
  sent,
}: {
  text: ForgotPasswordText;
  errors?: FieldErrors | undefined;
  formError?: string | undefined;
  values?: Record<string, string> | undefined;
  sent: boolean;
}) {
  return (
    <>
      <h1>{text.heading}</h1>
      {sent ? (
        <p className="hw-notice" role="status">
          {text.sent}
        </p>
      ) : (
        <p>{text.intro}</p>
      )}
      <ErrorSummary title={text.errorTitle} errors={errors} formError={formError} />
      <Form method="post" noValidate>
        <FormErrors errors={errors}>
          <TextField
            label={text.email}
            name="email"
            type="email"
            autoComplete="username"
            defaultValue={values?.email ?? ""}
            isRequired
          />
          <Button>{text.submit}</Button>
        </FormErrors>
      </Form>
    </>
  );
}

export interface ResetPasswordText {
  heading: string;
  intro: string;
  newPassword: string;
  newPasswordHint: string;
  confirmPassword: string;
  submit: string;
  errorTitle: string;
}

export function ResetPasswordForm({
  text,
  token,
  errors,
  formError,
}: {
  text: ResetPasswordText;
  token: string;
  errors?: FieldErrors | undefined;
  formError?: string | undefined;
}) {
  return (
    <>
      <h1>{text.heading}</h1>
      <p>{text.intro}</p>
      <ErrorSummary title={text.errorTitle} errors={errors} formError={formError} />
      <Form method="post" noValidate>
        <FormErrors errors={errors}>
          <input type="hidden" name="token" value={token} />
          <TextField
            label={text.newPassword}
            description={text.newPasswordHint}
            name="newPassword"
            type="password"
            autoComplete="new-password"
            isRequired
          />
          <TextField
            label={text.confirmPassword}
            name="confirmPassword"
            type="password"
            autoComplete="new-password"
            isRequired
          />
          <Button>{text.submit}</Button>
        </FormErrors>
      </Form>
    </>
  );
}
