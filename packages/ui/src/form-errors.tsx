import { createContext, type ReactNode, useContext } from "react";
import { FormContext } from "react-aria-components";

export type FieldErrors = Record<string, string | string[]>;

const ServerErrors = createContext<FieldErrors>({});

/**
 * Server-side validation errors (from an action's `data({ errors }, 400)`) for every field
 * inside, by name. The server, not the browser, decides what is valid, so messages are always
 * in the person's language. The messages stay until the next answer from the server: if one
 * vanished as soon as the person started typing, the page would jump under their pointer.
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
      <ServerErrors.Provider value={errors ?? {}}>{children}</ServerErrors.Provider>
    </FormContext.Provider>
  );
}

/** The server's message for one field, if any. */
export function useFieldError(name: string | undefined): string | undefined {
  const errors = useContext(ServerErrors);
  if (!name) return undefined;
  const message = errors[name];
  return Array.isArray(message) ? message.join(" ") : message;
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
