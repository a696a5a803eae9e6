import type { ReactNode } from "react";
import { FormContext, FormValidationContext } from "react-aria-components";

export type FieldErrors = Record<string, string | string[]>;

/**
 * Feeds server-side validation errors (from an action's `data({ errors }, 400)`) to every
 * react-aria field inside, and lets the server, not the browser, decide what is valid, so
 * messages are always in the person's language.
 */
export function FormErrors({
  errors,
  children,
}: {
  errors?: FieldErrors | undefined;
  children: ReactNode;
}) {
  return (
    <FormContext.Provider value={{ validationBehavior: "aria" }}>
      <FormValidationContext.Provider value={errors ?? {}}>
        {children}
      </FormValidationContext.Provider>
    </FormContext.Provider>
  );
}

/** The list of problems at the top of a form, each linking to its field. */
export function ErrorSummary({
  title,
  errors,
  formError,
}: {
  title: string;
  errors?: FieldErrors | undefined;
  formError?: string | undefined;
}) {
  const entries = Object.entries(errors ?? {});
  if (entries.length === 0 && !formError) return null;
  return (
    <div
      className="hw-error-summary"
      role="alert"
      aria-labelledby="error-summary-title"
      tabIndex={-1}
    >
      <h2 id="error-summary-title">{title}</h2>
      <ul>
        {formError ? <li>{formError}</li> : null}
        {entries.map(([field, message]) => (
          <li key={field}>
            <a href={`#field-${field}`}>{Array.isArray(message) ? message.join(" ") : message}</a>
          </li>
        ))}
      </ul>
    </div>
  );
}
