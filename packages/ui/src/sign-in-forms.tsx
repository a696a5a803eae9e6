// The two sign-in steps as forms both apps show. Plain posts to the route's action, so they
// work without JavaScript; React Router's <Form> enhances them when scripts run.
import { Form } from "react-router";
import { Button } from "./button.tsx";
import { ErrorSummary, type FieldErrors, FormErrors } from "./form-errors.tsx";
import { TextField } from "./text-field.tsx";

export interface SignInFormText {
  heading: string;
  intro?: string;
  email: string;
  password: string;
  submit: string;
  errorTitle: string;
}

export function SignInForm({
  text,
  errors,
  formError,
  values,
  next,
}: {
  text: SignInFormText;
  errors?: FieldErrors | undefined;
  formError?: string | undefined;
  values?: Record<string, string> | undefined;
  next?: string | undefined;
}) {
  return (
    <>
      <h1>{text.heading}</h1>
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
