// The parts the choice groups (radio, checkbox) share, so the two read and behave alike.
import { Label, Text } from "react-aria-components";

export interface ChoiceOption {
  value: string;
  label: string;
  description?: string;
}

/** The error summary links to #field-<name>, so every named group gets that id. */
export const fieldId = (id: string | undefined, name: string | undefined) =>
  id ?? (name ? `field-${name}` : undefined);

/** The group's label, its help text and the server's error for it, in that order. */
export function FieldHeading({
  label,
  description,
  error,
}: {
  label: string;
  description?: string;
  error?: string | null;
}) {
  return (
    <>
      <Label className="hw-label">{label}</Label>
      {description ? (
        <Text slot="description" className="hw-field__description">
          {description}
        </Text>
      ) : null}
      {error ? (
        <Text slot="errorMessage" className="hw-field__error">
          {error}
        </Text>
      ) : null}
    </>
  );
}

/** One choice: its mark (drawn by CSS) and its label, with the description under it. */
export function ChoiceContent({
  option,
  markClassName,
}: {
  option: ChoiceOption;
  markClassName: string;
}) {
  return (
    <>
      <span className={markClassName} aria-hidden="true" />
      <span>
        {option.label}
        {option.description ? (
          <span className="hw-field__description hw-radio__description">{option.description}</span>
        ) : null}
      </span>
    </>
  );
}
